build-san-offers/gen/embedded.o: build-san-offers/gen/embedded.c \
  src/util/embedded.h

src/util/embedded.h:
