build-clang/src/io/json_model.o: src/io/json_model.c src/io/json_model.h \
  src/core/model.h src/core/enums.h src/util/error.h

src/io/json_model.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:
