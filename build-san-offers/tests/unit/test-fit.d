build-san-offers/tests/unit/test-fit.o: tests/unit/test-fit.c \
  src/core/enums.h src/util/error.h src/method/fit.h src/store/wants.h \
  src/core/model.h src/store/store.h src/core/date.h

src/core/enums.h:

src/util/error.h:

src/method/fit.h:

src/store/wants.h:

src/core/model.h:

src/store/store.h:

src/core/date.h:
