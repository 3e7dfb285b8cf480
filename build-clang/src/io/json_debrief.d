build-clang/src/io/json_debrief.o: src/io/json_debrief.c \
  src/io/json_debrief.h src/store/debrief.h src/core/model.h \
  src/core/enums.h src/util/error.h src/store/store.h src/core/date.h \
  src/io/json_model.h

src/io/json_debrief.h:

src/store/debrief.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/io/json_model.h:
