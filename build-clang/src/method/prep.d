build-clang/src/method/prep.o: src/method/prep.c src/method/prep.h \
  src/core/model.h src/core/enums.h src/util/error.h src/store/store.h \
  src/core/date.h src/util/strbuf.h src/method/levels.h \
  src/store/wants.h src/util/xalloc.h

src/method/prep.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/method/levels.h:

src/store/wants.h:

src/util/xalloc.h:
