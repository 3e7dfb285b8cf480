#!/bin/sh
# A data version and a write lock per account (issue 20, "Many servers"),
# in a throwaway cluster: two clients and a coach, two servers run as
# rapport_app. A client's write leaves the other client's cached Today
# valid on both servers and moves the writer's; psql's writes without the
# setting move the pages of the accounts whose rows they wrote, and a
# write no account's rows hold moves every page; a coach's suggestion
# moves the client's Today; while a writer of one client waits in its
# transaction, the other client's form is taken; after a migration of the
# store's alone, a table of the store's that the triggers had not seen
# moves the version too.
#
# Whether a page came from a server's cache is read in PostgreSQL's log
# (log_statement = all): a cached page with a remembered session costs the
# data version's read alone, a page rendered (or a session verified) a
# transaction, "BEGIN ISOLATION LEVEL REPEATABLE READ".
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"
. "$TEST_ROOT/pg/practice"

rapport admin invite client.a@example.org >"$TEST_DIR/.rp" && invite_a=$(link_token) &&
	rapport admin invite client.b@example.org >"$TEST_DIR/.rp" && invite_b=$(link_token) &&
	rapport admin coach add coach@example.org >"$TEST_DIR/.rp" && invite_coach=$(link_token) ||
	exit 1
sql "ALTER ROLE rapport_app LOGIN" >/dev/null &&
	sql "ALTER DATABASE practice SET log_statement = 'all'" >/dev/null || exit 1
A_JAR="$TEST_DIR/a.jar" B_JAR="$TEST_DIR/b.jar" C_JAR="$TEST_DIR/c.jar"
RAPPORT_DB=$APP_DB practice_serve || exit 1
WEB_ONE=$WEB
welcome "$invite_a" "$A_JAR" && welcome "$invite_b" "$B_JAR" &&
	welcome "$invite_coach" "$C_JAR" || exit 1
for who in a b; do
	RAPPORT_DB=$APP_DB rapport --account client.$who@example.org task add \
		"Call the Hiring Manager of $who" --due 2026-03-02 >/dev/null || exit 1
done
RAPPORT_DB=$APP_DB rapport --account client.b@example.org coach grant coach@example.org \
	--level suggest >/dev/null || exit 1
WEB_JAR=$A_JAR http POST /wants category=work-pattern text="Near the office" >/dev/null &&
	WEB_JAR=$B_JAR http POST /wants category=team text="A small team" >/dev/null || exit 1
A=$(sql "SELECT id FROM account WHERE email = 'client.a@example.org'")
B=$(sql "SELECT id FROM account WHERE email = 'client.b@example.org'")
A_TASK=$(sql "SELECT id FROM task WHERE account_id = $A")
# A second server on the same database.
serve_one_pid=$serve_pid
RAPPORT_DB=$APP_DB practice_serve || exit 1
WEB_TWO=$WEB
serve_two_pid=$serve_pid

# $3 requests for the page $PAGE (Today unless set) of client $1 (a, b) to
# server $2 (ONE, TWO), each on a connection of its own, so that every
# server thread takes some, each answered $STATUS (200 unless set); the
# last page into .page.
hammer() {
	eval "_web=\$WEB_$2"
	python3 - "$_web" "$TEST_DIR/$1.jar" "$3" "${PAGE:-/}" "$TEST_DIR/.page" <<'PY'
import http.client, os, sys, urllib.parse
web, jar, n, path, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
state = dict(line.strip().partition("=")[::2] for line in open(jar))
u = urllib.parse.urlsplit(web)
for _ in range(n):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("GET", path, headers={"Host": u.netloc, "Cookie": "%s=%s" % (
        state.get("cookie_name", "rapport_session"), state.get("cookie", ""))})
    r = c.getresponse()
    body = r.read()
    c.close()
    if r.status != int(os.environ.get("STATUS", "200")):
        sys.exit("GET %s: %d" % (path, r.status))
open(out, "wb").write(body)
PY
}
# Every thread of both servers renders client $1's page and remembers the
# session.
warm() {
	hammer "$1" ONE $((20 * $(nproc))) && hammer "$1" TWO $((20 * $(nproc)))
}
# A line in PostgreSQL's log, its own (a test runs in a subshell: no
# counter would last); rendered: the transactions read since it.
mark() {
	mark=$(date +%s%N)
	sql "SELECT 'rapport test mark $mark'" >/dev/null
}
rendered() {
	sed -n "/rapport test mark $mark'/,\$p" "$PGHOST/server.log" >"$TEST_DIR/.log" &&
	grep -c "BEGIN ISOLATION LEVEL REPEATABLE READ" "$TEST_DIR/.log" || :
}
# Client $1's page on both servers, on every thread, all cached.
all_cached() {
	mark && warm "$1" && test "$(rendered)" = 0
}
# Client $1's next page on server $2 is rendered, and says $3.
rendered_again() {
	mark && hammer "$1" "$2" 1 && test "$(rendered)" -gt 0 && grep -q "$3" "$TEST_DIR/.page"
}

test_expect_success 'a client'"'"'s Today is cached on both servers' '
	warm a && warm b && all_cached a && all_cached b
'

test_expect_success 'a client'"'"'s form leaves the other'"'"'s Today cached on both servers' '
	WEB=$WEB_ONE WEB_JAR=$A_JAR http POST /tasks title="Write to the Data Recruiter" \
		due=2026-03-02 >"$TEST_DIR/.rp" &&
	test "$(head -1 "$TEST_DIR/.rp")" = 303 &&
	all_cached b
'

test_expect_success 'and the writer'"'"'s own Today is rendered again, on both servers' '
	rendered_again a ONE "Write to the Data Recruiter" &&
	rendered_again a TWO "Write to the Data Recruiter"
'

# psql as the tables' owner, without the setting, on the wants
# (their triggers need no account: the search's and the time rules' do).
PAGE=/wants
test_expect_success 'psql without the setting moves the pages of the account whose rows it wrote' '
	warm a && warm b && all_cached b &&
	sql "UPDATE want SET text = '"'"'Near the station'"'"' WHERE account_id = $A" >/dev/null &&
	all_cached b &&
	rendered_again a ONE "Near the station" &&
	rendered_again a TWO "Near the station"
'

test_expect_success 'psql writing both clients'"'"' rows moves both' '
	warm a && warm b &&
	sql "UPDATE want SET text = text || '"'"' at last'"'"' WHERE account_id IN ($A, $B)" \
		>/dev/null &&
	rendered_again a ONE "Near the station at last" &&
	rendered_again b TWO "A small team at last"
'

test_expect_success 'a write no account'"'"'s rows hold moves every page' '
	warm a && warm b &&
	sql "TRUNCATE mail_folder" >/dev/null &&
	rendered_again a TWO "Near the station at last" &&
	rendered_again b ONE "A small team at last"
'
unset PAGE

test_expect_success 'a coach'"'"'s suggestion moves the client'"'"'s Today, and no one else'"'"'s' '
	warm a && warm b &&
	WEB=$WEB_TWO WEB_JAR=$C_JAR http POST /coach/client/$B/suggest kind=follow-up \
		due=2026-03-02 text="Ask the Hiring Manager about the team" >"$TEST_DIR/.rp" &&
	test "$(head -1 "$TEST_DIR/.rp")" = 303 &&
	all_cached a &&
	rendered_again b ONE "Ask the Hiring Manager about the team"
'

test_expect_success 'signing out moves the account'"'"'s session memo on every server' '
	warm a &&
	WEB=$WEB_TWO WEB_JAR=$A_JAR http POST /signout >"$TEST_DIR/.rp" &&
	test "$(head -1 "$TEST_DIR/.rp")" = 303 &&
	STATUS=401 hammer a ONE $((20 * $(nproc))) &&
	sessions=$(sql "SELECT count(*) FROM account_session WHERE account_id = $A") &&
	test "$sessions" = 0
'

# A writer of client A held in its transaction: psql holds the row of A's
# task that A's form closes, so the form waits for it after taking A's
# write lock.
mkfifo "$TEST_DIR/holder" || exit 1
psql -X -q -d practice <"$TEST_DIR/holder" >/dev/null 2>&1 &
holder=$!
exec 3>"$TEST_DIR/holder"
echo "BEGIN; SELECT 1 FROM task WHERE id = $A_TASK FOR UPDATE;" >&3
# the number of server connections waiting for a lock of kind $1
waiting() {
	sql "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
		AND wait_event = '$1' AND usename = 'rapport_app'"
}
# until one server connection waits for a lock of kind $1 (10 s at most)
wait_for() {
	for _i in $(seq 100); do
		test "$(waiting "$1")" = 1 && return 0
		sleep 0.1
	done
	return 1
}
rapport admin reset-password client.a@example.org >"$TEST_DIR/.rp" &&
	welcome "$(link_token)" "$A_JAR" || exit 1
test_expect_success 'while a form of client A waits in its transaction, client B'"'"'s form is taken' '
	(WEB=$WEB_ONE WEB_JAR=$A_JAR http POST /tasks/$A_TASK/done >"$TEST_DIR/.held") &
	poster=$! &&
	wait_for transactionid &&
	timeout 10 sh -c "WEB=$WEB_TWO WEB_JAR=$B_JAR python3 $TEST_ROOT/web/webreq.py POST /wants \
		category=growth text=\"Room to grow\"" >"$TEST_DIR/.rp" &&
	test "$(head -1 "$TEST_DIR/.rp")" = 303 &&
	test "$(sql "SELECT count(*) FROM want WHERE account_id = $B AND text = '"'"'Room to grow'"'"'")" = 1 &&
	echo "COMMIT;" >&3 &&
	wait $poster &&
	test "$(head -1 "$TEST_DIR/.held")" = 303 &&
	test "$(sql "SELECT status FROM task WHERE id = $A_TASK")" = done
'
exec 3>&-
wait $holder

# The same, the second writer client A's own: it waits for A's write lock.
mkfifo "$TEST_DIR/holder2" || exit 1
psql -X -q -d practice <"$TEST_DIR/holder2" >/dev/null 2>&1 &
holder=$!
exec 3>"$TEST_DIR/holder2"
echo "BEGIN; SELECT 1 FROM task WHERE account_id = $A FOR UPDATE;" >&3
A_OPEN=$(sql "SELECT min(id) FROM task WHERE account_id = $A AND status = 'open'")
test_expect_success 'while a form of client A waits in its transaction, A'"'"'s next form waits its turn' '
	(WEB=$WEB_ONE WEB_JAR=$A_JAR http POST /tasks/$A_OPEN/done >"$TEST_DIR/.held") &
	poster=$!
	wait_for transactionid
	(WEB=$WEB_TWO WEB_JAR=$A_JAR http POST /wants category=team text="Close to home" \
		>"$TEST_DIR/.second") &
	second=$!
	wait_for advisory &&
	echo "COMMIT;" >&3 &&
	wait $poster && wait $second &&
	test "$(head -1 "$TEST_DIR/.held")" = 303 && test "$(head -1 "$TEST_DIR/.second")" = 303
'
exec 3>&-
wait $holder

kill "$serve_one_pid" "$serve_two_pid" && wait "$serve_one_pid" "$serve_two_pid"

# A table the store's migrations make moves the data version, though the
# practice's tables need no migration then: the database is set back to
# the store's schema before its last migration (15, task.shown_on, made
# again when rapport opens it next), with a table of the store's that the
# version triggers have not seen, as a migration would make one.
schema=$(sql "SELECT max(version) FROM rapport_schema")
sql "CREATE TABLE later_notes (id bigint PRIMARY KEY, account_id bigint NOT NULL, body text);
	ALTER TABLE task DROP COLUMN shown_on;
	CREATE INDEX task_status_due ON task (account_id, status, due);
	UPDATE rapport_schema SET version = 14" >/dev/null || exit 1
test_expect_success 'after a migration of the store'"'"'s alone, a write to its new table moves the version' '
	rapport admin list >/dev/null &&
	test "$(sql "SELECT max(version) FROM rapport_schema")" = "$schema" &&
	before=$(sql "SELECT rapport_page_version($A)") &&
	sql "INSERT INTO later_notes VALUES (1, $A, '"'"'a note'"'"')" >/dev/null &&
	test "$(sql "SELECT rapport_page_version($A)")" -gt "$before"
'
test_done
