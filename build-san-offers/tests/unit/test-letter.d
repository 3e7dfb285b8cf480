build-san-offers/tests/unit/test-letter.o: tests/unit/test-letter.c \
  src/method/letter.h src/core/model.h src/core/enums.h src/util/error.h \
  src/store/store.h src/core/date.h src/util/strbuf.h src/util/xalloc.h

src/method/letter.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:
