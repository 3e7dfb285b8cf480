build-clang/src/cli/show.o: src/cli/show.c src/cli/show.h src/cli/cli.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
  src/util/xalloc.h src/io/json_model.h

src/cli/show.h:

src/cli/cli.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/io/json_model.h:
