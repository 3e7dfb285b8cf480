build-clang/src/cli/cmd_playbook.o: src/cli/cmd_playbook.c src/cli/cli.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
  src/util/xalloc.h src/method/playbook_run.h

src/cli/cli.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/method/playbook_run.h:
