build-san-offers/src/method/playbook_run.o: src/method/playbook_run.c \
  src/method/playbook_run.h src/method/playbook.h src/core/model.h \
  src/core/enums.h src/util/error.h src/store/store.h src/core/date.h \
  src/method/engine.h src/method/letter.h src/method/levels.h \
  src/util/strbuf.h src/store/offer.h src/util/embedded.h \
  src/util/xalloc.h

src/method/playbook_run.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/method/engine.h:

src/method/letter.h:

src/method/levels.h:

src/util/strbuf.h:

src/store/offer.h:

src/util/embedded.h:

src/util/xalloc.h:
