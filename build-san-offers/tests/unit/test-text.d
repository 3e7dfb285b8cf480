build-san-offers/tests/unit/test-text.o: tests/unit/test-text.c \
  src/core/model.h src/core/enums.h src/util/error.h src/core/text.h \
  src/util/strbuf.h

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/core/text.h:

src/util/strbuf.h:
