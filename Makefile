# rapport: a job-search relationship manager.
#
#   make            build build/rapport
#   make run        install what is missing, build, serve the web UI on the default database
#   make check      install what is missing, build, run every test (also under ASan/UBSan)
#   make bench      build the benchmark tools (see bench/README.md)

VERSION   := 0.1.0
CC        ?= cc
BUILD     ?= build
OPT       ?= -O2 -g
SAN       ?=
WERROR    ?=
CFLAGS_W  := -std=c17 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wwrite-strings -Wformat=2 -Wno-format-nonliteral -Wpointer-arith \
             -Wvla -Wundef $(WERROR)
CPPFLAGS  += -D_GNU_SOURCE -DRAPPORT_VERSION='"$(VERSION)"' -Isrc
CFLAGS    += $(OPT) $(CFLAGS_W) $(SAN) -MMD -MP
LDFLAGS   += $(SAN)
# libmicrohttpd (rapport serve) and libical (the calendar) are not linked:
# with GnuTLS, ICU and libstdc++ behind them they tripled the start-up of
# every command. src/web/mhd.c and src/io/ical.c dlopen() them on first use
# (see src/util/dynlib.h); their headers are still needed to build.
LIBS      := -lsqlite3 -ljansson -lcmark -lcsv -lpthread
TEST_LIBS := -lcmocka

LIB_SRC   := $(wildcard src/util/*.c src/core/*.c src/store/*.c src/method/*.c src/io/*.c \
                        src/web/*.c)
DATA      := $(sort $(wildcard data/*.ini data/templates/*.txt data/web/*.svg data/web/css/*.css data/web/js/*.js))
CLI_SRC   := $(wildcard src/cli/*.c)
UNIT_SRC  := $(wildcard tests/unit/test-*.c)

LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_BIN := $(BUILD)/bench/gen-db $(BUILD)/bench/timeit $(BUILD)/bench/floor

.PHONY: all run check test deps lint bench fuzz clean FORCE

all: $(BUILD)/rapport

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The files under data/ (built-in playbooks, letter templates) go into the binary.
# data.list changes when a file is added or removed, whatever its date.
$(BUILD)/gen/data.list: FORCE
	@mkdir -p $(@D)
	@echo $(DATA) | cmp -s - $@ || echo $(DATA) > $@

$(BUILD)/gen/embedded.c: scripts/embed $(DATA) $(BUILD)/gen/data.list
	sh scripts/embed $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/librapport.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/rapport: $(CLI_OBJ) $(BUILD)/librapport.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/librapport.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(TEST_LIBS)

$(BUILD)/bench/%: $(BUILD)/bench/%.o $(BUILD)/librapport.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

tests-bin: $(UNIT_BIN)

bench: $(BUILD)/rapport $(BENCH_BIN)

deps:
	@sh scripts/install-deps

run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/rapport serve

# Banned functions: easy to misuse with user data (as git's banned.h).
lint:
	@! grep -nE '\b(strcpy|strcat|strncpy|strncat|sprintf|vsprintf|strtok|gets)[[:space:]]*\(' \
		src/*/*.c src/*/*.h bench/*.c tests/unit/*.c || \
		{ echo "lint: a banned function is used (see Makefile)"; exit 1; }

# The whole suite, twice: built with gcc, then with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer. Warnings are errors here.
check:
	@sh scripts/install-deps --browser --faults
	@rm -f build/test-results
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory WERROR=-Werror all tests-bin $(BENCH_BIN)
	@sh tests/run build
	@sh tests/faults/run build --quick
	@$(MAKE) --no-print-directory BUILD=build-san CC=clang WERROR=-Werror OPT='-O1 -g' \
		SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		all tests-bin
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		sh tests/run build-san
	@sh tests/summary build/test-results

# libFuzzer targets (clang): each runs FUZZ_SECONDS from its seed corpus.
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT='-O1 -g' SAN='$(FUZZ_SAN)' \
		build-fuzz/librapport.a
	@mkdir -p build-fuzz/corpus-playbook
	clang $(CPPFLAGS) -std=c17 -g -fsanitize=fuzzer,address,undefined \
		-o build-fuzz/fuzz-playbook tests/fuzz/fuzz-playbook.c build-fuzz/librapport.a $(LIBS)
	build-fuzz/fuzz-playbook -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		build-fuzz/corpus-playbook tests/fuzz/corpus-playbook
	@mkdir -p build-fuzz/corpus-vcard
	clang $(CPPFLAGS) -std=c17 -g -fsanitize=fuzzer,address,undefined \
		-o build-fuzz/fuzz-vcard tests/fuzz/fuzz-vcard.c build-fuzz/librapport.a $(LIBS)
	build-fuzz/fuzz-vcard -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		build-fuzz/corpus-vcard tests/fuzz/corpus-vcard
	@mkdir -p build-fuzz/corpus-csv
	clang $(CPPFLAGS) -std=c17 -g -fsanitize=fuzzer,address,undefined \
		-o build-fuzz/fuzz-csv tests/fuzz/fuzz-csv.c build-fuzz/librapport.a $(LIBS)
	build-fuzz/fuzz-csv -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		build-fuzz/corpus-csv tests/fuzz/corpus-csv

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(BENCH_BIN:=.d) $(UNIT_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d)

# The fault suite (tests/faults, docs/reliability.md): kill -9, a full disk,
# bad files, the CLI and the server at once, backups, the web server under
# abuse; the issue's full figures (about 8 minutes). CI runs the bounded
# form: sh tests/faults/run build --quick
.PHONY: check-faults
check-faults:
	@$(MAKE) --no-print-directory WERROR=-Werror all
	@sh tests/faults/run $(BUILD)
