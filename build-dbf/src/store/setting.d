build-dbf/src/store/setting.o: src/store/setting.c src/store/setting.h \
 src/util/error.h src/core/text.h src/util/strbuf.h \
 src/store/store_internal.h src/store/store.h src/core/date.h \
 src/core/model.h src/core/enums.h src/util/xalloc.h
src/store/setting.h:
src/util/error.h:
src/core/text.h:
src/util/strbuf.h:
src/store/store_internal.h:
src/store/store.h:
src/core/date.h:
src/core/model.h:
src/core/enums.h:
src/util/xalloc.h:
