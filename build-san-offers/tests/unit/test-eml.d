build-san-offers/tests/unit/test-eml.o: tests/unit/test-eml.c \
  src/io/eml.h src/core/date.h src/util/error.h src/util/strbuf.h

src/io/eml.h:

src/core/date.h:

src/util/error.h:

src/util/strbuf.h:
