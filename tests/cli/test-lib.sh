# test-lib.sh: a small harness for rapport's end-to-end tests (after git's t/test-lib.sh).
#
# A test script sources this file, then calls
#   test_expect_success 'what it checks' 'commands'
# Each test prints "ok N - what" or "not ok N - what" (TAP); test_done ends the
# script and exits non-zero when any test failed.
#
# Every script gets a fresh folder ($TEST_DIR), a database in it ($RAPPORT_DB),
# a fixed "now" (RAPPORT_NOW, change it per test to walk through time) and a
# `rapport` function that runs the binary under test ($RAPPORT).

set -u
: "${RAPPORT:?set RAPPORT to the binary under test}"
case $RAPPORT in /*) ;; *) RAPPORT="$(pwd)/$RAPPORT" ;; esac
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-test.XXXXXX")
trap 'rm -rf "$TEST_DIR"' EXIT
export RAPPORT_DB="$TEST_DIR/rapport.db"
export RAPPORT_NOW="2026-03-02T09:00"
export HOME="$TEST_DIR/home"
export XDG_DATA_HOME="$TEST_DIR/home/.local/share"
export XDG_CONFIG_HOME="$TEST_DIR/home/.config"
mkdir -p "$HOME"
cd "$TEST_DIR" || exit 1

test_count=0
test_failed=0

rapport() {
	"$RAPPORT" "$@"
}

test_expect_success() {
	test_count=$((test_count + 1))
	if (eval "$2") >"$TEST_DIR/.out" 2>&1; then
		echo "ok $test_count - $1"
	else
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TEST_DIR/.out"
		test_failed=$((test_failed + 1))
	fi
}

# The command must fail with exit code $1 (1: an error, 2: usage) and print
# one line on stderr that starts with "rapport: ".
test_must_fail() {
	want=$1
	shift
	"$@" >"$TEST_DIR/.stdout" 2>"$TEST_DIR/.stderr"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "expected exit $want, got $got from: $*" >&2
		cat "$TEST_DIR/.stderr" >&2
		return 1
	fi
	if ! head -n 1 "$TEST_DIR/.stderr" | grep -q '^rapport: '; then
		echo "stderr does not start with 'rapport: ':" >&2
		cat "$TEST_DIR/.stderr" >&2
		return 1
	fi
}

# stderr of the last test_must_fail must contain $1.
test_stderr_contains() {
	grep -qF -- "$1" "$TEST_DIR/.stderr" || {
		echo "stderr lacks '$1':" >&2
		cat "$TEST_DIR/.stderr" >&2
		return 1
	}
}

# A digest of the whole database, to show that a failed command changed nothing.
db_digest() {
	rapport export | sha256sum
}

# Compare two files; show the difference when they differ.
test_cmp() {
	diff -u "$1" "$2"
}

# Read a JSON value from standard input with Python: json_get '["people"][0]["name"]'
json_get() {
	python3 -c "import json,sys; v=json.load(sys.stdin)$1; print(v if not isinstance(v,(dict,list)) else json.dumps(v))"
}

# jv PATH: print the value at a dotted PATH (people.0.name) of the JSON on
# stdin, with json_get (a JSON null prints as None).
jv() {
	_expr=
	_ifs=$IFS
	IFS=.
	for _k in $1; do
		case $_k in
		'' | *[!0-9]*) _expr="${_expr}[\"$_k\"]" ;;
		*) _expr="${_expr}[$_k]" ;;
		esac
	done
	IFS=$_ifs
	json_get "$_expr${2-}"
}

# jlen PATH: how many items the list (or object) at PATH holds.
jlen() {
	jv "$1" '.__len__()'
}

# test_eq ACTUAL EXPECTED
test_eq() {
	[ "$1" = "$2" ] || {
		echo "expected '$2', got '$1'" >&2
		return 1
	}
}

# Turn every built-in playbook off, for tests of what rapport does without them.
disable_playbooks() {
	mkdir -p "$XDG_CONFIG_HOME/rapport" &&
	printf '[%s]\nenabled = no\n\n' thank-you silence rejected offer keep-in-touch \
		>"$XDG_CONFIG_HOME/rapport/playbooks.ini"
}

test_done() {
	echo "1..$test_count"
	if [ "$test_failed" -ne 0 ]; then
		echo "# failed $test_failed of $test_count"
		exit 1
	fi
	exit 0
}
