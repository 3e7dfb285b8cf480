build-san-offers/src/cli/cmd_offer.o: src/cli/cmd_offer.c src/cli/cli.h \
  src/method/playbook.h src/core/model.h src/core/enums.h \
  src/util/error.h src/store/store.h src/core/date.h src/util/strbuf.h \
  src/util/xalloc.h src/cli/offer_compare.h src/method/levels.h \
  src/store/offer.h src/io/json_model.h src/method/playbook_run.h

src/cli/cli.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/cli/offer_compare.h:

src/method/levels.h:

src/store/offer.h:

src/io/json_model.h:

src/method/playbook_run.h:
