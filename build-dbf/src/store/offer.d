build-dbf/src/store/offer.o: src/store/offer.c src/store/offer.h \
 src/core/model.h src/core/enums.h src/util/error.h src/store/store.h \
 src/core/date.h src/core/text.h src/util/strbuf.h \
 src/store/store_internal.h src/util/xalloc.h
src/store/offer.h:
src/core/model.h:
src/core/enums.h:
src/util/error.h:
src/store/store.h:
src/core/date.h:
src/core/text.h:
src/util/strbuf.h:
src/store/store_internal.h:
src/util/xalloc.h:
