build-dbf/src/core/date.o: src/core/date.c src/core/date.h \
 src/util/error.h
src/core/date.h:
src/util/error.h:
