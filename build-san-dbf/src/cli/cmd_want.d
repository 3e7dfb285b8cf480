build-san-dbf/src/cli/cmd_want.o: src/cli/cmd_want.c src/cli/cli.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
  src/util/xalloc.h src/core/text.h src/io/json_model.h \
  src/io/json_wants.h src/method/fit.h src/store/wants.h

src/cli/cli.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/core/text.h:

src/io/json_model.h:

src/io/json_wants.h:

src/method/fit.h:

src/store/wants.h:
