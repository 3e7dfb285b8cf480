build-san-offers/src/method/letter.o: src/method/letter.c \
  src/method/letter.h src/core/model.h src/core/enums.h src/util/error.h \
  src/store/store.h src/core/date.h src/core/text.h src/util/strbuf.h \
  src/store/debrief.h src/util/embedded.h src/util/xalloc.h

src/method/letter.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/core/text.h:

src/util/strbuf.h:

src/store/debrief.h:

src/util/embedded.h:

src/util/xalloc.h:
