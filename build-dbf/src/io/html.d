build-dbf/src/io/html.o: src/io/html.c src/io/html.h src/util/strbuf.h
src/io/html.h:
src/util/strbuf.h:
