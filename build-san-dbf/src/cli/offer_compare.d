build-san-dbf/src/cli/offer_compare.o: src/cli/offer_compare.c \
  src/cli/offer_compare.h src/cli/cli.h src/method/playbook.h \
  src/core/model.h src/core/enums.h src/util/error.h src/store/store.h \
  src/core/date.h src/util/strbuf.h src/util/xalloc.h \
  src/method/levels.h src/store/offer.h src/io/json_model.h \
  src/method/fit.h src/store/wants.h

src/cli/offer_compare.h:

src/cli/cli.h:

src/method/playbook.h:

src/core/model.h:

src/core/enums.h:

src/util/error.h:

src/store/store.h:

src/core/date.h:

src/util/strbuf.h:

src/util/xalloc.h:

src/method/levels.h:

src/store/offer.h:

src/io/json_model.h:

src/method/fit.h:

src/store/wants.h:
