#!/bin/sh
# The test scripts themselves: none pipes the program under test into
# another command. A pipe's status is its last command's, so
# `rapport ... | grep -q x` passes when rapport crashes after printing x, and
# `! rapport ... | grep -q x` passes when it crashes before (git's rule:
# write to a file first: rapport ... >out && grep -q x out).
. "$(dirname "$0")/test-lib.sh"

# lint_pipes FILE...: print FILE:LINE: TEXT for each line that pipes rapport
# (a command that starts with rapport, "$RAPPORT" or `on DAY rapport`, after
# a line start, !, &&, ;, do, then, ( or $( ) into anything; quoted text is
# left out, so a "|" inside quotes is no pipe, and "||" is no pipe.
lint_pipes() {
	python3 - "$@" <<'PY'
import re, sys
cmd = re.compile(r'(?:^|[;&({!]|\$\(|\bdo\b|\bthen\b)\s*(?:!\s*)?(?:on\s+\S+\s+)?'
                 r'(?:rapport|RAPPORT_BIN)(?=[\s)])[^|;&)]*\|(?!\|)')
bad = 0
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        s = re.sub(r'"?\$\{?RAPPORT\}?"?', "RAPPORT_BIN", line)
        s = s.replace('"$(', "$(").replace(')"', ")")  # look inside "$(...)"
        s = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', '""', s)
        s = re.sub(r'(^|\s)#.*', "", s)
        if cmd.search(s):
            print("%s:%d: %s" % (path, n, line.rstrip()))
            bad = 1
sys.exit(bad)
PY
}

test_expect_success 'the check finds a pipe from rapport, in each form' '
	cat >bad.sh <<-\EOF &&
	! rapport org list | grep -q Other
		rapport --json person show x | jv name >name &&
	test_eq "$(rapport --json org list | jlen "")" 1
	"$RAPPORT" export | sha256sum
	on 2026-03-03 rapport --json opp show b | jv_eq stage lead
	for s in a b; do rapport x $s | jv y || return 1; done
	EOF
	! lint_pipes bad.sh >found &&
	test_eq "$(wc -l <found)" 6
'

test_expect_success 'the check lets alone a || and a | inside quotes or after the helper' '
	cat >good.sh <<-\EOF &&
	rapport want add "Pay | equity" --weight 1 >/dev/null &&
	rapport config levels >out || return 1
	test "$(rapport config levels)" = "a | b" &&
	http GET /people | grep -q x
	echo x | rapport import csv -
	grep -q rapport out | wc -l
	EOF
	lint_pipes good.sh
'

test_expect_success 'no test script pipes rapport into another command' '
	for f in "$TEST_ROOT"/cli/*.sh; do
		case $f in */t0002-lint-tests.sh) ;; *) echo "$f" ;; esac # its examples are bad on purpose
	done >scripts &&
	lint_pipes $(cat scripts)
'

test_done
