build-san-dbf/src/io/eml.o: src/io/eml.c src/io/eml.h src/core/date.h \
  src/util/error.h src/util/strbuf.h src/util/xalloc.h

src/io/eml.h:

src/core/date.h:

src/util/error.h:

src/util/strbuf.h:

src/util/xalloc.h:
