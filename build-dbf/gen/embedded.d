build-dbf/gen/embedded.o: build-dbf/gen/embedded.c src/util/embedded.h
src/util/embedded.h:
