# test-lib.sh: a small harness for rapport's end-to-end tests (after git's t/test-lib.sh).
#
# A test script sources this file, then calls
#   test_expect_success 'what it checks' 'commands'
# Each test prints "ok N - what" or "not ok N - what" (TAP); test_done ends the
# script and exits non-zero when any test failed.
#
# Every script gets a fresh folder ($TEST_DIR), a database in it ($RAPPORT_DB),
# a fixed "now" (RAPPORT_NOW, change it per test to walk through time) and a
# `rapport` function that runs the binary under test ($RAPPORT). The helpers
# after test_eq walk through time (on, days, each_day) and read the follow-ups
# the playbooks make (tasks, ntasks, task_field, task_is, ...).

set -u
: "${RAPPORT:?set RAPPORT to the binary under test}"
case $RAPPORT in /*) ;; *) RAPPORT="$(pwd)/$RAPPORT" ;; esac
TEST_ROOT=$(cd "$(dirname "$0")/.." && pwd)
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-test.XXXXXX")
serve_pid=
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT
export RAPPORT_DB="$TEST_DIR/rapport.db"
# RAPPORT_TEST_BACKEND=postgresql (make check-pg-cli, in the cluster
# tests/pg/cluster starts): a new PostgreSQL database per script instead,
# dropped at the end; a script that reads the SQLite file itself says so
# (test_requires_sqlite) and is skipped there.
if [ "${RAPPORT_TEST_BACKEND:-sqlite}" = postgresql ]; then
	_pg_db="rapport_$(basename "$TEST_DIR" | tr -c 'a-zA-Z0-9\n' _ | tr 'A-Z' 'a-z')"
	_pg_dbs=$_pg_db # the script's databases made so far (test_use_db)
	createdb "$_pg_db" || exit 1
	export RAPPORT_DB="postgresql:///$_pg_db"
	# every database of the script, those a test made in its subshell too
	_pg_drop_all() {
		for _d in $(psql -X -tA -d postgres -c "SELECT datname FROM pg_database
			WHERE datname LIKE '${_pg_dbs%% *}%'"); do
			dropdb --force "$_d"
		done
	}
	trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$TEST_DIR"; _pg_drop_all' EXIT
fi
export RAPPORT_NOW="2026-03-02T09:00"
# one zone for every script, whatever the machine's: --json times carry
# their offset (a test that needs another zone sets TZ itself)
export TZ=UTC
# tables are cut to $COLUMNS when it is set (cli/table.h): a test sets it
# where it means to, never from the shell that started the suite
unset COLUMNS
export HOME="$TEST_DIR/home"
export XDG_DATA_HOME="$TEST_DIR/home/.local/share"
export XDG_CONFIG_HOME="$TEST_DIR/home/.config"
# the server's address file lives here: one per script, as scripts run side by side
export XDG_RUNTIME_DIR="$TEST_DIR/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# every HTML page `http` receives is kept here; tests/run sets WEB_HTML_ROOT
# and validates them all at the end (tests/web/.htmlvalidate.mjs)
export WEB_HTML_DIR="${WEB_HTML_ROOT:-$TEST_DIR/html}/$(basename "$0" .sh)"
cd "$TEST_DIR" || exit 1

test_count=0
test_failed=0

# python3: the interpreter `python3` names, found once: a version manager's shim
# (pyenv's) costs several times what Python itself does, on every call.
_python3=$(command python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -n "$_python3" ] && [ -x "$_python3" ] || _python3=python3
python3() {
	command "$_python3" "$@"
}

# Every --json output a script gets from a command that succeeded is kept,
# with the command's arguments, and checked against the JSON Schemas in
# docs/json/ when the script ends (tests/cli/json-check.py): a script
# written against one command's shape works on every other's.
rapport() {
	case " $* " in
	*" --json "*) ;;
	*) "$RAPPORT" "$@"; return ;;
	esac
	# to a device (/dev/full, a terminal): as it is, so that a failed
	# write is the program's to see
	if [ -c /dev/stdout ]; then
		"$RAPPORT" "$@"
		return
	fi
	mkdir -p "$TEST_DIR/.json"
	_jf=$(mktemp "$TEST_DIR/.json/out.XXXXXX")
	"$RAPPORT" "$@" >"$_jf"
	_rc=$?
	cat "$_jf"
	if [ "$_rc" -eq 0 ]; then
		printf '%s\0' "$@" >"$_jf.args"
	else
		rm -f "$_jf"
	fi
	return "$_rc"
}

# The script's database, whichever backend it is on: test_sql runs one
# statement (a row a line, columns split by |, as sqlite3 and psql -tA print
# them); test_dump prints its rows, to compare before and after.
test_sql() {
	if [ -n "${_pg_db:-}" ]; then
		# as the database's owner account, whose rows a person's command
		# line writes (a row needs its account, docs/architecture.md)
		_owner=$(psql -X -q -tA -d "$_pg_db" -c "SELECT id FROM account WHERE email = 'owner@localhost'")
		psql -X -q -tA -d "$_pg_db" -c "SET rapport.account = '${_owner:-0}'" -c "$1"
	else
		sqlite3 "$RAPPORT_DB" "$1"
	fi
}
test_dump() {
	if [ -n "${_pg_db:-}" ]; then
		# without the identities' next values, which a rolled-back insert
		# moves on as well, the counter every write bumps (the pages'
		# cache key) and pg_dump's random \restrict key
		pg_dump --data-only --inserts --no-comments -d "$_pg_db" >"$TEST_DIR/.pgdump" &&
			grep -v "pg_catalog.setval\|rapport_data_version\|^\\\\restrict \|^\\\\unrestrict " \
				"$TEST_DIR/.pgdump"
	else
		sqlite3 "$RAPPORT_DB" .dump
	fi
}
# No row refers to one that is not there, and the file is sound: SQLite's
# checks (foreign keys are checked as written only when the connection
# says so); PostgreSQL enforces both itself.
test_db_consistent() {
	test_on_pg && return 0
	echo "PRAGMA foreign_key_check;" | sqlite3 "$RAPPORT_DB" >"$TEST_DIR/.fk" &&
		test ! -s "$TEST_DIR/.fk" &&
		test "$(sqlite3 "$RAPPORT_DB" "PRAGMA integrity_check")" = ok
}
# Start again from no database at all.
test_db_reset() {
	if test_on_pg; then
		dropdb --force "$_pg_db" && createdb "$_pg_db"
	else
		rm -f "$RAPPORT_DB" "$RAPPORT_DB-wal" "$RAPPORT_DB-shm"
	fi
}
# The scenarios that follow on a database of their own, NAME: the file
# $TEST_DIR/NAME, or on PostgreSQL a database of the script's (made the
# first time, dropped at the end), which test_sql and test_dump then read.
test_use_db() {
	if test_on_pg; then
		_pg_db="${_pg_dbs%% *}_$(printf '%s' "$1" | tr -c 'a-zA-Z0-9' _ | tr 'A-Z' 'a-z')"
		case " $_pg_dbs " in
		*" $_pg_db "*) ;;
		*) createdb "$_pg_db" || exit 1; _pg_dbs="$_pg_dbs $_pg_db" ;;
		esac
		RAPPORT_DB="postgresql:///$_pg_db"
	else
		RAPPORT_DB="$TEST_DIR/$1"
	fi
	export RAPPORT_DB
}
# Whether the script's database is PostgreSQL's.
test_on_pg() {
	[ -n "${_pg_db:-}" ]
}
# A test of what only SQLite's file has (its PRAGMAs, a damaged or foreign
# file, the online backup): run as test_expect_success on SQLite, and on
# PostgreSQL named as skipped, counted neither way.
test_expect_success_sqlite() {
	if test_on_pg; then
		echo "# skipped on PostgreSQL (SQLite's file only): $1"
		return 0
	fi
	test_expect_success "$@"
}
# A whole script of what PostgreSQL does not do as SQLite does yet: on
# PostgreSQL it says so and ends.
test_script_pg_not_yet() {
	if test_on_pg; then
		echo "# skipped on PostgreSQL, not yet: $1"
		echo "1..0"
		exit 0
	fi
}
# A whole script of SQLite's file alone: on PostgreSQL it says so and ends.
test_requires_sqlite() {
	if test_on_pg; then
		echo "# skipped on PostgreSQL: $1"
		echo "1..0"
		exit 0
	fi
}

# The next test is of what PostgreSQL does not do as SQLite does yet
# (docs/architecture.md lists each): on PostgreSQL it is named as skipped,
# with the reason, and counted neither way.
test_pg_not_yet() {
	_pg_not_yet=$1
}

test_expect_success() {
	if [ -n "${_pg_not_yet:-}" ] && test_on_pg; then
		echo "# skipped on PostgreSQL, not yet ($_pg_not_yet): $1"
		_pg_not_yet=
		return 0
	fi
	_pg_not_yet=
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

# test_fails_cleanly CMD...: rapport CMD fails with exit 1 and one
# "rapport:" line, in $TEST_DIR/.err, and the database is as it was (what
# a refused sign-in or an unreachable server must leave).
test_fails_cleanly() {
	test_dump >"$TEST_DIR/.before" &&
	{ rapport "$@" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"; test $? -eq 1; } &&
	test_eq "$(wc -l <"$TEST_DIR/.err")" 1 &&
	grep -q "^rapport: " "$TEST_DIR/.err" &&
	test_dump >"$TEST_DIR/.after" &&
	test_cmp "$TEST_DIR/.before" "$TEST_DIR/.after"
}

# The command must exit with status $1; its output is the caller's to redirect.
test_expect_code() {
	want=$1
	shift
	"$@"
	got=$?
	[ "$got" -eq "$want" ] || { echo "expected exit $want, got $got from: $*" >&2; return 1; }
}

# stderr of the last test_must_fail must contain $1.
test_stderr_contains() {
	grep -qF -- "$1" "$TEST_DIR/.stderr" || {
		echo "stderr lacks '$1':" >&2
		cat "$TEST_DIR/.stderr" >&2
		return 1
	}
}

# has FILE TEXT...: FILE contains each TEXT (fixed strings); names the first missing.
has() {
	_f=$1
	shift
	for _t in "$@"; do
		grep -qF -- "$_t" "$_f" || { echo "missing: $_t" >&2; return 1; }
	done
}

# hasnt FILE TEXT...: FILE contains none of the TEXTs; names the first found.
hasnt() {
	_f=$1
	shift
	for _t in "$@"; do
		! grep -qF -- "$_t" "$_f" || { echo "unexpected: $_t" >&2; return 1; }
	done
}

# _width: Python for columns_at and widest_line: a terminal's display width
# of a string (East Asian wide characters count two, combining marks none).
_width='
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
'

# columns_at TEXT FILE: the display column at which TEXT starts on each line
# of FILE that contains it.
columns_at() {
	python3 -c "$_width
for line in open(sys.argv[2], encoding='utf-8'):
    if sys.argv[1] in line:
        print(width(line[:line.index(sys.argv[1])]))" "$1" "$2"
}

# widest_line FILE: the display width of FILE's widest line.
widest_line() {
	python3 -c "$_width
print(max([width(l.rstrip('\\n')) for l in open(sys.argv[1], encoding='utf-8')] or [0]))" "$1"
}

# A digest of the whole database, to show that a failed command changed nothing.
db_digest() {
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sha256sum
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

# _jv_check: Python for jv_eq and task_is: check(doc, [PATH, WANT, ...]) exits 1,
# naming each PATH, unless every PATH of doc prints as its WANT.
_jv_check='
import json, sys
def show(v):
    return json.dumps(v) if isinstance(v, (dict, list)) else str(v)
def at(v, path):
    for k in path.split(".") if path else ():
        v = len(v) if k == "#" else v[int(k)] if k.isdigit() else v[k]
    return v
def check(doc, args):
    if not args or len(args) % 2:
        sys.exit("expected PATH WANT pairs, got %r" % (args,))
    bad = 0
    for path, want in zip(args[::2], args[1::2]):
        try:
            got = show(at(doc, path))
        except (KeyError, IndexError, TypeError) as e:
            got = "(nothing: %r)" % e
        if got != want:
            print("%s: expected %r, got %r" % (path, want, got), file=sys.stderr)
            bad = 1
    sys.exit(bad)
'

# jv_eq PATH WANT [PATH WANT]...: each PATH of the JSON on stdin prints (as jv
# prints it) as its WANT; a step # is a length (today.#); one python3 for all.
jv_eq() {
	python3 -c "$_jv_check"'
check(json.load(sys.stdin), sys.argv[1:])
' "$@"
}

# playbooks: write the user's playbooks file from stdin.
playbooks() {
	mkdir -p "$XDG_CONFIG_HOME/rapport" &&
	cat >"$XDG_CONFIG_HOME/rapport/playbooks.ini"
}

# Turn every built-in playbook off, for tests of what rapport does without them.
disable_playbooks() {
	printf '[%s]\nenabled = no\n\n' thank-you silence rejected offer keep-in-touch \
		mismatch progress-update | playbooks
}

# on WHEN COMMAND...: run COMMAND with RAPPORT_NOW=WHEN (a day alone means 09:00).
on() {
	(
		case $1 in *T*) RAPPORT_NOW=$1 ;; *) RAPPORT_NOW=$1T09:00 ;; esac
		export RAPPORT_NOW
		shift
		"$@"
	)
}

# days FROM TO: every day from FROM to TO (YYYY-MM-DD), one a line, in the shell alone.
days() {
	for _day in "$1" "$2"; do
		case $_day in
		[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]) ;;
		*) echo "days: not a YYYY-MM-DD day: '$_day'" >&2 && return 1 ;;
		esac
	done
	_y=${1%%-*}
	_m=${1#*-}
	_d=${_m#*-}
	_m=${_m%-*}
	_m=${_m#0}
	_d=${_d#0}
	_to=${2#*-}
	_to=${2%%-*}${_to%-*}${_to#*-}
	while [ $((_y * 10000 + _m * 100 + _d)) -le "$_to" ]; do
		printf '%04d-%02d-%02d\n' "$_y" "$_m" "$_d"
		case $_m in
		2) _n=$((28 + (_y % 4 == 0 && (_y % 100 != 0 || _y % 400 == 0)))) ;;
		4 | 6 | 9 | 11) _n=30 ;;
		*) _n=31 ;;
		esac
		if [ "$_d" -lt "$_n" ]; then
			_d=$((_d + 1))
		elif [ "$_m" -lt 12 ]; then
			_d=1 _m=$((_m + 1))
		else
			_d=1 _m=1 _y=$((_y + 1))
		fi
	done
}

# each_day FROM TO COMMAND...: run COMMAND (quietly) once on every day from FROM to TO.
each_day() {
	_days=$(days "$1" "$2") || return 1
	shift 2
	for _day in $_days; do
		on "$_day" "$@" >/dev/null || return 1
	done
}

# tasks [ORIGIN]: every task (open, done and skipped) made by the rule ORIGIN
# (every task when none), oldest first, one a line: kind|person|due|status|title.
# It runs `task list`, and so the time rules, as of RAPPORT_NOW.
tasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if len(sys.argv) > 1 and t["origin"] != sys.argv[1]:
        continue
    p = t["person"]["name"] if t["person"] else "-"
    print("|".join((t["kind"], p, t["due"], t["status"], t["title"])))
' "$@"
}

# ntasks [ORIGIN]...: how many tasks `tasks ORIGIN` lists, for each ORIGIN
# (space-separated), from one task list; with no ORIGIN, how many tasks in all.
ntasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
ts = json.load(sys.stdin)
print(" ".join(str(sum(t["origin"] == o for t in ts)) for o in sys.argv[1:]) or len(ts))
' "$@"
}

# task_field TITLE KEY: KEY (origin, why, kind, due, status, template, person,
# opportunity) of the newest task with that title; person and opportunity
# print a name and a slug.
task_field() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
ts = [t for t in json.load(sys.stdin) if t["title"] == sys.argv[1]]
v = max(ts, key=lambda t: t["id"])[sys.argv[2]]
if isinstance(v, dict):
    v = v.get("name") or v.get("slug")
print(v)
' "$1" "$2"
}

# task_is TITLE KEY WANT [KEY WANT]...: each KEY of the newest task with that
# title is WANT (as task_field prints it); one task list and one python3 for all.
task_is() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "$_jv_check"'
ts = [t for t in json.load(sys.stdin) if t["title"] == sys.argv[1]]
if not ts:
    sys.exit("no task %r" % sys.argv[1])
t = max(ts, key=lambda t: t["id"])
check({k: (v.get("name") or v.get("slug")) if isinstance(v, dict) else v
       for k, v in t.items()}, sys.argv[2:])
' "$@"
}

# task_id TITLE: the id of the newest task with that title.
task_id() {
	task_field "$1" id
}

# rule_tasks PREFIX: origin|kind|person|due|status of the tasks of every rule
# whose name starts with PREFIX (rejected, offer), sorted.
rule_tasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
rows = ["|".join((t["origin"], t["kind"], t["person"]["name"] if t["person"] else "-",
                  t["due"], t["status"]))
        for t in json.load(sys.stdin) if (t["origin"] or "").startswith(sys.argv[1])]
print("\n".join(sorted(rows)))
' "$1"
}

# contacts OPP: the opportunity's interactions, oldest first, one a line:
# kind|direction|people|day|summary.
contacts() {
	rapport --json opp show "$1" --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin)["interactions"], key=lambda i: (i["at"], i["id"])):
    print("|".join((i["kind"], i["direction"], ",".join(p["name"] for p in i["people"]),
                    i["at"][:10], i["summary"])))
'
}

# cadence PERSON: their keep-in-touch cadence in days (None: none).
cadence() {
	rapport --json person show "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv cadence
}

# interviewed ORG STAGE: the opportunity "job" (Data Engineer) at ORG in STAGE;
# Recruiting Partner (hiring manager, rapport 3) and Former Colleague (peer, rapport 5)
# interviewed you together on Monday 2 March.
interviewed() {
	on 2026-03-02 rapport opp add "$1" "Data Engineer" --slug job >/dev/null &&
	on 2026-03-02 rapport opp move job "$2" >/dev/null &&
	on 2026-03-02 rapport person add "Recruiting Partner" --org "$1" --rapport 3 >/dev/null &&
	on 2026-03-02 rapport person add "Former Colleague" --org "$1" --rapport 5 >/dev/null &&
	on 2026-03-02 rapport opp link job Recruiting --role hiring-manager >/dev/null &&
	on 2026-03-02 rapport opp link job Former --role peer >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "Interview" --with Recruiting --with Former --opp job \
		>/dev/null
}

# The web UI. serve_start runs `rapport serve` on a free port in the
# background and sets $WEB to its address and $WEB_KEY to the key that signs
# in (the address it prints is $WEB/?key=$WEB_KEY); http sends one request as a
# browser would, with the session cookie and the CSRF token of the pages it
# has seen (see tests/web/webreq.py for its options); http_status prints only
# the status code; serve_stop stops the server and fails unless it stopped
# cleanly (exit 0: under ASan, no leak).
serve_start() {
	# emptied here, not by the redirection below: the background job may
	# open it after the loop has read a stopped server's address from it
	: >"$TEST_DIR/.serve.out"
	"$RAPPORT" serve --listen 127.0.0.1:0 "$@" >"$TEST_DIR/.serve.out" 2>"$TEST_DIR/.serve.err" &
	serve_pid=$!
	WEB=
	for _i in $(seq 200); do
		WEB=$(sed -n 's|.* on \(http://127.0.0.1:[0-9]*\)/?key=[0-9a-f]* .*|\1|p' "$TEST_DIR/.serve.out")
		WEB_KEY=$(sed -n 's|.* on http://127.0.0.1:[0-9]*/?key=\([0-9a-f]*\) .*|\1|p' "$TEST_DIR/.serve.out")
		[ -n "$WEB" ] && break
		kill -0 "$serve_pid" 2>/dev/null || break
		sleep 0.05
	done
	export WEB WEB_KEY WEB_JAR="$TEST_DIR/.jar"
	rm -f "$WEB_JAR"
	[ -n "$WEB" ] || { cat "$TEST_DIR/.serve.err" >&2; return 1; }
}

# A practice's server (a PostgreSQL database with accounts, issue 20), with
# options "$@": as serve_start, but it prints no key (its accounts sign in)
# and its errors add up in .serve.err over restarts.
practice_serve() {
	: >"$TEST_DIR/.serve.out"
	"$RAPPORT" serve --listen 127.0.0.1:0 "$@" >"$TEST_DIR/.serve.out" \
		2>>"$TEST_DIR/.serve.err" &
	serve_pid=$!
	WEB=
	for _i in $(seq 200); do
		WEB=$(sed -n 's|.* on \(http://127.0.0.1:[0-9]*\)/ .*|\1|p' "$TEST_DIR/.serve.out")
		[ -n "$WEB" ] && break
		kill -0 "$serve_pid" 2>/dev/null || break
		sleep 0.05
	done
	export WEB WEB_JAR="$TEST_DIR/.jar"
	unset WEB_KEY
	[ -n "$WEB" ] || { cat "$TEST_DIR/.serve.err" >&2; return 1; }
}

serve_stop() {
	kill -TERM "$serve_pid" && wait "$serve_pid"
	_rc=$?
	serve_pid=
	[ "$_rc" -eq 0 ] || { cat "$TEST_DIR/.serve.err" >&2; return 1; }
}

http() {
	python3 "$TEST_ROOT/web/webreq.py" "$@"
}

http_status() {
	python3 "$TEST_ROOT/web/webreq.py" --status-only "$@"
}

test_done() {
	if [ -d "$TEST_DIR/.json" ]; then
		test_expect_success 'every --json output matches its schema (docs/json)' '
			python3 "$TEST_ROOT/cli/json-check.py" "$TEST_ROOT/../docs/json/rapport.schema.json" \
				"$TEST_DIR/.json"
		'
	fi
	echo "1..$test_count"
	if [ "$test_failed" -ne 0 ]; then
		echo "# failed $test_failed of $test_count"
		exit 1
	fi
	exit 0
}
