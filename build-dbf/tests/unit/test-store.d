build-dbf/tests/unit/test-store.o: tests/unit/test-store.c \
 src/store/store.h src/core/date.h src/util/error.h src/core/model.h \
 src/core/enums.h src/store/store_internal.h src/util/strbuf.h \
 src/util/xalloc.h src/store/wants.h
src/store/store.h:
src/core/date.h:
src/util/error.h:
src/core/model.h:
src/core/enums.h:
src/store/store_internal.h:
src/util/strbuf.h:
src/util/xalloc.h:
src/store/wants.h:
