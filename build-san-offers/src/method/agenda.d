build-san-offers/src/method/agenda.o: src/method/agenda.c \
  src/method/agenda.h src/core/model.h src/core/enums.h src/util/error.h \
  src/core/date.h

src/method/agenda.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/core/date.h:
