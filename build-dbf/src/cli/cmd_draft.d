build-dbf/src/cli/cmd_draft.o: src/cli/cmd_draft.c src/cli/cli.h \
 src/method/playbook.h src/core/model.h src/core/enums.h src/util/error.h \
 src/store/store.h src/core/date.h src/util/strbuf.h src/util/xalloc.h \
 src/core/text.h src/io/eml.h src/io/json_model.h src/method/letter.h
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
src/io/eml.h:
src/io/json_model.h:
src/method/letter.h:
