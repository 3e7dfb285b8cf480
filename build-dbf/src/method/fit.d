build-dbf/src/method/fit.o: src/method/fit.c src/method/fit.h \
 src/core/enums.h src/util/error.h src/store/wants.h src/core/model.h \
 src/store/store.h src/core/date.h src/util/xalloc.h
src/method/fit.h:
src/core/enums.h:
src/util/error.h:
src/store/wants.h:
src/core/model.h:
src/store/store.h:
src/core/date.h:
src/util/xalloc.h:
