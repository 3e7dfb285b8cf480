build-san-dbf/src/method/engine.o: src/method/engine.c \
  src/method/engine.h src/core/date.h src/util/error.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/strbuf.h src/util/xalloc.h

src/method/engine.h:

src/core/date.h:

src/util/error.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/strbuf.h:

src/util/xalloc.h:
