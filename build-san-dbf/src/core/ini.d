build-san-dbf/src/core/ini.o: src/core/ini.c src/core/ini.h \
  src/util/error.h src/core/text.h src/util/strbuf.h

src/core/ini.h:

src/util/error.h:

src/core/text.h:

src/util/strbuf.h:
