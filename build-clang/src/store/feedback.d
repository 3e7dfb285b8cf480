build-clang/src/store/feedback.o: src/store/feedback.c \
  src/store/store_internal.h src/store/store.h src/core/date.h \
  src/util/error.h src/core/model.h src/core/enums.h src/util/strbuf.h \
  src/util/xalloc.h src/store/debrief.h src/core/text.h

src/store/store_internal.h:

src/store/store.h:

src/core/date.h:

src/util/error.h:

src/core/model.h:

src/core/enums.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/store/debrief.h:

src/core/text.h:
