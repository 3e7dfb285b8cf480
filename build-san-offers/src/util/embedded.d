build-san-offers/src/util/embedded.o: src/util/embedded.c \
  src/util/embedded.h

src/util/embedded.h:
