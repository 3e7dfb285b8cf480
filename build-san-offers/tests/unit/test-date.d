build-san-offers/tests/unit/test-date.o: tests/unit/test-date.c \
  src/core/date.h src/util/error.h

src/core/date.h:

src/util/error.h:
