build-san-offers/src/method/levels.o: src/method/levels.c \
  src/method/levels.h src/store/store.h src/core/date.h src/util/error.h \
  src/core/model.h src/core/enums.h src/util/strbuf.h src/core/text.h \
  src/store/offer.h src/util/xalloc.h

src/method/levels.h:

src/store/store.h:

src/core/date.h:

src/util/error.h:

src/core/model.h:

src/core/enums.h:

src/util/strbuf.h:

src/core/text.h:

src/store/offer.h:

src/util/xalloc.h:
