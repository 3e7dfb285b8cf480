build-dbf/src/store/search.o: src/store/search.c \
 src/store/store_internal.h src/store/store.h src/core/date.h \
 src/util/error.h src/core/model.h src/core/enums.h src/util/strbuf.h \
 src/util/xalloc.h src/core/text.h
src/store/store_internal.h:
src/store/store.h:
src/core/date.h:
src/util/error.h:
src/core/model.h:
src/core/enums.h:
src/util/strbuf.h:
src/util/xalloc.h:
src/core/text.h:
