build-dbf/src/io/json_backup.o: src/io/json_backup.c src/io/json_backup.h \
 src/store/store.h src/core/date.h src/util/error.h src/core/model.h \
 src/core/enums.h src/util/strbuf.h
src/io/json_backup.h:
src/store/store.h:
src/core/date.h:
src/util/error.h:
src/core/model.h:
src/core/enums.h:
src/util/strbuf.h:
