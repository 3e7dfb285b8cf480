build-clang/gen/embedded.o: build-clang/gen/embedded.c \
  src/util/embedded.h

src/util/embedded.h:
