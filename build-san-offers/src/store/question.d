build-san-offers/src/store/question.o: src/store/question.c \
  src/store/store_internal.h src/store/store.h src/core/date.h \
  src/util/error.h src/core/model.h src/core/enums.h src/util/strbuf.h \
  src/util/xalloc.h src/store/wants.h src/core/ini.h src/core/text.h \
  src/util/embedded.h

src/store/store_internal.h:

src/store/store.h:

src/core/date.h:

src/util/error.h:

src/core/model.h:

src/core/enums.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/store/wants.h:

src/core/ini.h:

src/core/text.h:

src/util/embedded.h:
