build-clang/src/io/json_wants.o: src/io/json_wants.c src/io/json_wants.h \
  src/method/fit.h src/core/enums.h src/util/error.h src/store/wants.h \
  src/core/model.h src/store/store.h src/core/date.h src/io/json_model.h

src/io/json_wants.h:

src/method/fit.h:

src/core/enums.h:

src/util/error.h:

src/store/wants.h:

src/core/model.h:

src/store/store.h:

src/core/date.h:

src/io/json_model.h:
