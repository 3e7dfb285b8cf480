build-clang/src/cli/main.o: src/cli/main.c src/cli/args.h src/cli/cli.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
  src/util/xalloc.h

src/cli/args.h:

src/cli/cli.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:
