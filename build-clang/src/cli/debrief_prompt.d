build-clang/src/cli/debrief_prompt.o: src/cli/debrief_prompt.c \
  src/cli/debrief.h src/cli/cli.h src/method/playbook.h src/core/model.h \
  src/core/enums.h src/util/error.h src/store/store.h src/core/date.h \
  src/util/strbuf.h src/util/xalloc.h src/store/debrief.h \
  src/core/text.h src/store/wants.h

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

src/core/text.h:

src/store/wants.h:
