build-clang/src/core/text.o: src/core/text.c src/core/text.h \
  src/util/error.h src/util/strbuf.h src/util/xalloc.h

src/core/text.h:

src/util/error.h:

src/util/strbuf.h:

src/util/xalloc.h:
