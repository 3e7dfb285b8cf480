#!/bin/sh
# The basics: help, version, the database created on first use, usage errors.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'help lists the commands' '
	rapport help >out &&
	grep -q "^  agenda" out && grep -q "^  opp" out && grep -q "^  search" out
'

test_expect_success 'a command --help explains every flag' '
	rapport person add --help >out &&
	grep -q -- "--cadence DAYS" out && grep -q -- "--linkedin URL" out
'

test_expect_success '--version and version say the version, as scripts/version makes it' '
	rapport --version >out &&
	rapport version >out2 &&
	test_cmp out out2 &&
	grep -Eqx "rapport [0-9]+\.[0-9]+\.[0-9]+(\+[0-9A-Za-z.]+)?" out
'

test_expect_success 'no command is a usage error (exit 2)' '
	test_must_fail 2 rapport
'

test_expect_success 'an unknown command is a usage error' '
	test_must_fail 2 rapport frobnicate && test_stderr_contains "no command"
'

test_expect_success 'an unknown option is a usage error with a usage line' '
	test_must_fail 2 rapport org add Acme --colour red &&
	test_stderr_contains "unknown option" && grep -q "^usage: rapport org add" .stderr
'

test_expect_success 'the default database is created with its folder' '
	(unset RAPPORT_DB; rapport agenda >out) &&
	test -f "$XDG_DATA_HOME/rapport/rapport.db"
'

test_expect_success 'an empty database has an empty agenda' '
	rapport agenda >out && test ! -s out
'

test_expect_success '--db picks the file' '
	rapport --db other.db org add Other >/dev/null &&
	rapport --db other.db org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q Other &&
	rapport org list >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q Other
'

test_expect_success 'output that cannot be written: exit 1, and a write saves nothing' '
	before=$(db_digest) &&
	{ rapport org add "Fullorg" >/dev/full 2>err; test $? -eq 1; } &&
	test "$(cat err)" = "rapport: cannot write the output; nothing was saved" &&
	test "$(db_digest)" = "$before" &&
	{ rapport --json org add "Jsonorg" >/dev/full 2>err; test $? -eq 1; } &&
	test "$(db_digest)" = "$before" &&
	rapport org add "Listed Org" >/dev/null &&
	{ rapport org list >/dev/full 2>err; test $? -eq 1; } &&
	test "$(cat err)" = "rapport: cannot write the output"
'

test_done
