build-dbf/src/cli/cmd_prep.o: src/cli/cmd_prep.c src/cli/cli.h \
 src/method/playbook.h src/core/model.h src/core/enums.h src/util/error.h \
 src/store/store.h src/core/date.h src/util/strbuf.h src/util/xalloc.h \
 src/io/html.h src/method/prep.h
src/cli/cli.h:
src/method/playbook.h:
src/core/model.h:
src/core/enums.h:
src/util/error.h:
src/store/store.h:
src/core/date.h:
src/util/strbuf.h:
src/util/xalloc.h:
src/io/html.h:
src/method/prep.h:
