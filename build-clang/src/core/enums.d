build-clang/src/core/enums.o: src/core/enums.c src/core/enums.h \
  src/util/error.h

src/core/enums.h:

src/util/error.h:
