build-san-offers/tests/unit/test-playbook.o: tests/unit/test-playbook.c \
  src/method/engine.h src/core/date.h src/util/error.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/embedded.h

src/method/engine.h:

src/core/date.h:

src/util/error.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/embedded.h:
