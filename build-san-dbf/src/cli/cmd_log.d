build-san-dbf/src/cli/cmd_log.o: src/cli/cmd_log.c src/cli/cli.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
  src/util/xalloc.h src/io/json_model.h src/method/playbook_run.h

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

src/method/playbook_run.h:
