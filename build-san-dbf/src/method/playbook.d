build-san-dbf/src/method/playbook.o: src/method/playbook.c \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/core/text.h src/util/strbuf.h src/core/ini.h \
  src/util/xalloc.h

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/core/text.h:

src/util/strbuf.h:

src/core/ini.h:

src/util/xalloc.h:
