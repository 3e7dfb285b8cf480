build-dbf/src/core/model.o: src/core/model.c src/core/model.h \
 src/core/enums.h src/util/error.h src/core/date.h src/core/text.h \
 src/util/strbuf.h src/util/xalloc.h
src/core/model.h:
src/core/enums.h:
src/util/error.h:
src/core/date.h:
src/core/text.h:
src/util/strbuf.h:
src/util/xalloc.h:
