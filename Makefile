# rapport: a job-search relationship manager.
#
#   make            build build/rapport, its manual pages and shell completions
#   make run        install what is missing, build, serve the web UI on the default database
#   make check      install what is missing, build, run every test (also under ASan/UBSan)
#   make bench      build the benchmark tools (see bench/README.md)
#   make install    install into $(DESTDIR)$(PREFIX) (/usr/local); make uninstall
#   make deb        build rapport_VERSION_amd64.deb here (scripts/make-deb)

# From git describe, or a tarball's VERSION file (scripts/version says how);
# `make VERSION=...` sets it by hand.
VERSION   := $(shell sh scripts/version)
PREFIX    ?= /usr/local
DESTDIR   ?=
CC        ?= cc
BUILD     ?= build
OPT       ?= -O2 -g
SAN       ?=
WERROR    ?=
CFLAGS_W  := -std=c17 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wwrite-strings -Wformat=2 -Wno-format-nonliteral -Wpointer-arith \
             -Wvla -Wundef $(WERROR)
CPPFLAGS  += -D_GNU_SOURCE -include util/compat.h -DRAPPORT_VERSION='"$(VERSION)"' -Isrc
CFLAGS    += $(OPT) $(CFLAGS_W) $(SAN) -MMD -MP
LDFLAGS   += $(SAN)
# libmicrohttpd (rapport serve) and libical (the calendar) are not linked:
# with GnuTLS, ICU and libstdc++ behind them they tripled the start-up of
# every command. src/web/mhd.c and src/io/ical.c dlopen() them on first use
# (see src/util/dynlib.h); their headers are still needed to build.
# GMime (reading mail) is loaded the same way (src/io/mail_parse.c); only
# that file needs its headers and GLib's, taken as system headers so that
# their warnings are not rapport's.
GMIME_CFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags gmime-3.0 2>/dev/null))
# libcurl (mail sync, draft --to-drafts and --send) is loaded the same way
# (src/mail/curl_api.c): only its include flags are taken, for the files
# that call it.
CURL_CFLAGS  := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags libcurl 2>/dev/null))
# libpq (the store's PostgreSQL backend, a coaching practice's server) is
# loaded the same way (src/store/db_pg.c): only its include flags are taken,
# so a person's own rapport never loads it.
PQ_CFLAGS    := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags libpq 2>/dev/null))
LIBS      := -lsqlite3 -ljansson -lcmark -lcsv -lpthread
TEST_LIBS := -lcmocka

LIB_SRC   := $(wildcard src/util/*.c src/core/*.c src/store/*.c src/method/*.c src/mail/*.c src/io/*.c \
                        src/web/*.c)
DATA      := $(sort $(wildcard data/*.ini data/templates/*.txt data/web/*.svg data/web/css/*.css data/web/js/*.js))
CLI_SRC   := $(wildcard src/cli/*.c)
UNIT_SRC  := $(wildcard tests/unit/test-*.c)

LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_BIN := $(BUILD)/bench/gen-db $(BUILD)/bench/timeit $(BUILD)/bench/floor

.PHONY: all run check check-pg check-pg-cli check-seam test deps lint bench fuzz clean docs install uninstall deb check-install FORCE

all: $(BUILD)/rapport docs

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

# The version is on every compiler's command line, which make does not
# compare: the files that name RAPPORT_VERSION depend on a file that changes
# when it does (a commit, or the first uncommitted change), and only they
# are rebuilt.
$(BUILD)/gen/version: FORCE
	@mkdir -p $(@D)
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@

VERSION_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(shell grep -l RAPPORT_VERSION $(LIB_SRC) $(CLI_SRC)))
$(VERSION_OBJ): $(BUILD)/gen/version

$(BUILD)/src/io/mail_parse.o: CPPFLAGS += $(GMIME_CFLAGS)
$(BUILD)/src/mail/imap.o $(BUILD)/src/mail/smtp.o $(BUILD)/src/mail/curl_api.o: CPPFLAGS += $(CURL_CFLAGS)
$(BUILD)/src/store/db_pg.o: CPPFLAGS += $(PQ_CFLAGS)

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/librapport.a: $(LIB_OBJ)
	@rm -f $@ # a member left from a file removed or renamed would stay in it
	$(AR) rcs $@ $^

$(BUILD)/rapport: $(CLI_OBJ) $(BUILD)/librapport.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/librapport.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(filter %.a,$^) $(LIBS) $(TEST_LIBS)

# The argument parser is the command line's, not the library's (with the
# list formats it checks, in cli/table.c).
$(BUILD)/tests/test-args: $(BUILD)/src/cli/args.o $(BUILD)/src/cli/table.o
$(BUILD)/tests/test-table: $(BUILD)/src/cli/table.o
$(BUILD)/tests/test-roff: $(BUILD)/src/cli/roff.o

$(BUILD)/bench/%: $(BUILD)/bench/%.o $(BUILD)/librapport.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# The manual pages (rapport.1, rapport-GROUP.1, rapport-playbooks.5,
# rapport-templates.5) in $(BUILD)/man and the completion scripts
# (rapport.bash, _rapport for zsh, rapport.fish) in $(BUILD)/completions,
# written by the binary from its command tables (src/cli/doc.h), so that
# they say what 'rapport help' says.
docs: $(BUILD)/docs.stamp

$(BUILD)/docs.stamp: $(BUILD)/rapport
	@rm -rf $(BUILD)/man $(BUILD)/completions
	@mkdir -p $(BUILD)/man $(BUILD)/completions
	@set -e; pages=$$($< doc pages); for page in $$pages; do \
		$< doc man $$page >$(BUILD)/man/$$page; done
	@$< doc completion bash >$(BUILD)/completions/rapport.bash
	@$< doc completion zsh >$(BUILD)/completions/_rapport
	@$< doc completion fish >$(BUILD)/completions/rapport.fish
	@touch $@

tests-bin: $(UNIT_BIN)

bench: $(BUILD)/rapport $(BENCH_BIN)

deps:
	@sh scripts/install-deps

# What install puts where is scripts/install's list, which uninstall removes.
# It installs the manual pages and completions under $(BUILD)/man and
# $(BUILD)/completions that `docs` makes, and data/systemd's user units.
# `docs:` without a recipe lets install name the target before the rule
# that makes them is written (make merges the two rules).
install: all docs
	@DESTDIR='$(DESTDIR)' PREFIX='$(PREFIX)' sh scripts/install $(BUILD)

uninstall:
	@DESTDIR='$(DESTDIR)' PREFIX='$(PREFIX)' sh scripts/install --uninstall $(BUILD)

# The Debian package, built by debhelper (debian/) from a copy of the source
# under $(BUILD)/deb, and checked with lintian.
deb:
	@sh scripts/install-deps --deb
	@sh scripts/make-deb $(BUILD)

# make install into a temporary DESTDIR, and part of the end-to-end suite run
# against the installed binary; install and uninstall's files; the package
# built, checked, unpacked into a throwaway root and run (tests/install/run).
check-install: all
	@sh scripts/install-deps --deb
	@sh tests/install/run $(BUILD)

# On a desktop the browser opens on the sign-in address; elsewhere, open the
# address it prints (it carries the key that signs you in).
run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/rapport serve $$([ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xdg-open >/dev/null && echo --open)

# Banned functions (strcpy, sprintf, strtok...) are compile errors wherever
# util/compat.h is included, which is everywhere (-include above; see
# src/util/banned.h, as git's): building everything is the check. And the
# store's seam: no file of src/ but the SQLite backend's names SQLite.
lint: check-seam
	@$(MAKE) --no-print-directory all tests-bin $(BENCH_BIN)

check-seam:
	@sh scripts/check-seam

# The store's unit tests on the PostgreSQL backend (issue 20), in a
# throwaway cluster that tests/pg/cluster starts and removes; the tests
# not yet passing there say so (skipped, with their reason).
check-pg: tests-bin
	@sh scripts/install-deps --pg
	@sh tests/pg/cluster env RAPPORT_TEST_PG=1 CMOCKA_MESSAGE_OUTPUT=TAP sh -c \
		'$(BUILD)/tests/test-store && $(BUILD)/tests/test-tick'

# The end-to-end scripts and the browser tests again, on PostgreSQL (issue
# 20): in one throwaway cluster, each script and each browser test on a
# database of its own (tests/cli/test-lib.sh, tests/web/lib.mjs); what only
# SQLite's file has is skipped there, each script saying so.
check-pg-cli: all
	@sh scripts/install-deps --pg
	@sh tests/pg/cluster env RAPPORT_TEST_BACKEND=postgresql sh -c \
		'sh tests/run --cli $(BUILD)/rapport tests/cli/t[0-9]*.sh; cli=$$?; \
		sh tests/run --web $(BUILD)/rapport && test $$cli = 0'

# The whole suite, twice: built with gcc, then with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer. Warnings are errors here. The store's
# tests on PostgreSQL (check-pg, about 30 s) and the end-to-end scripts on
# PostgreSQL (check-pg-cli, about 6 min) once, on the gcc build. Then the bounded
# forms of the fault suite (tests/faults), of the out-of-memory runs (every
# CHECK_OOM_STEP-th allocation failed) and of the fuzzers (CHECK_FUZZ_SECONDS
# each). Every part runs, whatever the ones before it gave (tests/step records
# a failed part in build/test-results); tests/summary names the failed parts,
# prints the total and fails when any part failed.
CHECK_OOM_STEP ?= 7
CHECK_FUZZ_SECONDS ?= 30
check:
	@sh scripts/install-deps --browser --faults --deb --docs --mail --pg
	@rm -f build/test-results
	@sh tests/step lint $(MAKE) --no-print-directory lint
	@sh tests/step build $(MAKE) --no-print-directory WERROR=-Werror all tests-bin $(BENCH_BIN)
	@sh tests/step tests sh tests/run build
	@sh tests/step --count pg $(MAKE) --no-print-directory check-pg
	@sh tests/step pg-cli $(MAKE) --no-print-directory check-pg-cli
	@sh tests/step faults sh tests/faults/run build --quick
	@sh tests/step install $(MAKE) --no-print-directory check-install
	@sh tests/step oom-build $(MAKE) --no-print-directory oom-build
	@sh tests/step --count oom sh tests/faults/oom-run $(OOM_BUILD) $(CHECK_OOM_STEP)
	@sh tests/step build-san $(MAKE) --no-print-directory BUILD=build-san CC=clang WERROR=-Werror OPT='-O1 -g' \
		SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		all tests-bin
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		sh tests/step tests-san sh tests/run build-san
	@sh tests/step fuzz-build $(MAKE) --no-print-directory fuzz-build
	@sh tests/step fuzz sh tests/fuzz/run $(FUZZ_BUILD) $(CHECK_FUZZ_SECONDS) $(FUZZ_TARGETS)
	@sh tests/summary build/test-results

# libFuzzer targets (clang, with ASan and UBSan), one per parser family:
# tests/fuzz/fuzz-NAME.c is built into $(FUZZ_BUILD)/fuzz-NAME. `make fuzz`
# builds them all, then tests/fuzz/run runs every seed once (the corpus in
# tests/fuzz/corpus-NAME and the 1 MB seeds it generates) and fuzzes each
# target for FUZZ_SECONDS; it prints the executions of each, appends
# "passed failed" to build/test-results and fails when a target crashed.
#   make fuzz FUZZ_SECONDS=30     make fuzz FUZZ_TARGETS='csv json'     make fuzz-build
FUZZ_TARGETS ?= playbook vcard csv letter json values form ini tick mail
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)

.PHONY: fuzz-build oom-build check-valgrind

fuzz: deps fuzz-build
	@sh tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The library and the targets in one make run with BUILD=$(FUZZ_BUILD), so
# that the rules of $(BUILD)/librapport.a apply to the fuzz build.
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang OPT='-O1 -g' SAN='$(FUZZ_SAN)' \
		FUZZ_BUILD=$(FUZZ_BUILD) $(FUZZ_BIN)

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_BUILD)/librapport.a
	$(CC) $(CPPFLAGS) -Itests/fuzz $(OPT) $(CFLAGS_W) -MMD -MP -MF $@.d \
		-fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
		-o $@ $< $(FUZZ_BUILD)/librapport.a $(LIBS)

-include $(FUZZ_BIN:=.d)

# Out of memory (tests/faults/oom-run): a build where allocation number
# $RAPPORT_ALLOC_FAIL fails (src/util/alloc_fail.h); --wrap routes rapport's
# own malloc, calloc and realloc through the counter. OOM_SAN adds sanitizers:
#   make oom-build OOM_BUILD=build-oom-san CC=clang OOM_SAN='-fsanitize=address,undefined'
OOM_BUILD ?= build-oom
OOM_SAN   ?=
oom-build:
	@CPPFLAGS=-DRAPPORT_ALLOC_FAIL LDFLAGS='-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc' \
		$(MAKE) --no-print-directory BUILD=$(OOM_BUILD) SAN='$(OOM_SAN)' $(OOM_BUILD)/rapport

# The end-to-end suite (tests/cli) under valgrind memcheck, on the gcc build
# without sanitizers: any memory error or definite or indirect leak fails the
# script it happens in. Slow: each command takes about a second under valgrind.
VALGRIND_BUILD ?= build
check-valgrind:
	@$(MAKE) --no-print-directory BUILD=$(VALGRIND_BUILD) all
	@sh tests/valgrind/run $(VALGRIND_BUILD)

clean:
	rm -rf build build-san build-fuzz build-oom

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(BENCH_BIN:=.d) $(UNIT_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d)

# The fault suite (tests/faults, docs/reliability.md): kill -9, a full disk,
# bad files, the CLI and the server at once, backups, the web server under
# abuse; the issue's full figures (about 8 minutes). CI runs the bounded
# form: sh tests/faults/run build --quick
.PHONY: check-faults
check-faults:
	@$(MAKE) --no-print-directory WERROR=-Werror all
	@sh tests/faults/run $(BUILD)
	@$(MAKE) --no-print-directory oom-build
	@sh tests/faults/oom-run $(OOM_BUILD) 7
