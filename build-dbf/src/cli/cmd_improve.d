build-dbf/src/cli/cmd_improve.o: src/cli/cmd_improve.c src/cli/debrief.h \
 src/cli/cli.h src/method/playbook.h src/core/model.h src/core/enums.h \
 src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
 src/util/xalloc.h src/store/debrief.h src/cli/show.h src/core/text.h \
 src/io/json_model.h
src/cli/debrief.h:
src/cli/cli.h:
src/method/playbook.h:
src/core/model.h:
src/core/enums.h:
src/util/error.h:
src/store/store.h:
src/core/date.h:
src/util/strbuf.h:
src/util/xalloc.h:
src/store/debrief.h:
src/cli/show.h:
src/core/text.h:
src/io/json_model.h:
