build-san-dbf/gen/embedded.o: build-san-dbf/gen/embedded.c \
  src/util/embedded.h

src/util/embedded.h:
