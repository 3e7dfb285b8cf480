build-san-offers/tests/unit/test-levels.o: tests/unit/test-levels.c \
  src/core/text.h src/util/error.h src/util/strbuf.h src/method/levels.h \
  src/store/store.h src/core/date.h src/core/model.h src/core/enums.h \
  src/util/xalloc.h

src/core/text.h:

src/util/error.h:

src/util/strbuf.h:

src/method/levels.h:

src/store/store.h:

src/core/date.h:

src/core/model.h:

src/core/enums.h:

src/util/xalloc.h:
