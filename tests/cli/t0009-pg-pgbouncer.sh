#!/bin/sh
# Through PgBouncer in transaction pooling (issue 20): each transaction
# may be given another server connection, so a connection may keep no
# named prepared statement and no setting between transactions. The
# address says so (pool_mode=transaction): the backend then sends each
# statement's text with its parameters (PQexecParams) and sets read-only
# and durability per transaction. PgBouncer listens on a Unix socket in
# the cluster's folder, with one server connection for every client, so
# that two clients' statements would meet on it.
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"

if ! command -v pgbouncer >/dev/null; then
	echo "# skipped: PgBouncer is not installed (sh scripts/install-deps --pg)"
	echo "1..0"
	exit 0
fi
createdb practice || exit 1
# the tables made by their owner; the pool's connections are the server's
# role, rapport_app, whom the walls between accounts hold (a superuser's
# would see every account's rows)
rapport --db postgresql:///practice org list >/dev/null || exit 1
psql -X -q -d practice -c "ALTER ROLE rapport_app LOGIN" || exit 1
NOW=2026-03-02T12:00:00
PW=correct-horse-battery-staple
sql() { psql -X -tA -d practice -c "$1"; }

# PgBouncer runs as the cluster's owner (it refuses root), in a folder of
# the cluster's.
PGB=$PGHOST/pgbouncer
as_pg_owner mkdir -p "$PGB" || exit 1
cat >"$PGB/pgbouncer.ini" <<INI || exit 1
[databases]
practice = host=$PGHOST dbname=practice user=rapport_app

[pgbouncer]
listen_addr =
listen_port = 6432
unix_socket_dir = $PGB
auth_type = trust
auth_file = $PGB/users.txt
pool_mode = transaction
default_pool_size = 1
max_client_conn = 50
logfile = $PGB/pgbouncer.log
pidfile = $PGB/pgbouncer.pid
INI
echo '"rapport" ""' >"$PGB/users.txt" || exit 1
as_pg_owner pgbouncer -d -q "$PGB/pgbouncer.ini" || exit 1
for i in $(seq 100); do [ -S "$PGB/.s.PGSQL.6432" ] && break; sleep 0.05; done
stop_pgbouncer() { [ -f "$PGB/pgbouncer.pid" ] && kill "$(cat "$PGB/pgbouncer.pid")"; }
trap stop_pgbouncer EXIT

export RAPPORT_DB="postgresql:///practice?host=$PGB&port=6432&pool_mode=transaction"

test_expect_success 'the command line works through the pool: a new database, records, lists, the export' '
	on 2026-03-02 rapport org add "Example Analytics" >/dev/null &&
	on 2026-03-02 rapport person add "Data Recruiter" --org "Example Analytics" >/dev/null &&
	on 2026-03-02 rapport opp add "Example Analytics" "Data Engineer" >/dev/null &&
	on 2026-03-03 rapport log call --opp 1 "Called the Data Recruiter" >/dev/null &&
	rapport person list >"$TEST_DIR/.rp" && grep -q "Data Recruiter" "$TEST_DIR/.rp" &&
	rapport opp list >"$TEST_DIR/.rp" && grep -q "Data Engineer" "$TEST_DIR/.rp" &&
	rapport export --json >"$TEST_DIR/.rp" && grep -q "Called the Data Recruiter" "$TEST_DIR/.rp" &&
	test "$(sql "SELECT count(*) FROM interaction")" = 1
'

test_expect_success 'another pool_mode is refused, with the address unprinted' '
	test_must_fail 1 env RAPPORT_DB="postgresql:///practice?host=$PGB&port=6432&pool_mode=statement" \
		"$RAPPORT" org list &&
	grep -q "pool_mode must be session or transaction" "$TEST_DIR/.stderr" &&
	! grep -q "$PGB" "$TEST_DIR/.stderr"
'

RAPPORT_NOW=$NOW rapport admin invite seeker@example.org >"$TEST_DIR/.rp" || exit 1
invite=$(sed -n 's/.*?t=\([0-9a-f]*\)$/\1/p' "$TEST_DIR/.rp")
RAPPORT_NOW=$NOW "$RAPPORT" serve --listen 127.0.0.1:0 --verbose >"$TEST_DIR/.serve.out" \
	2>"$TEST_DIR/.serve.err" &
serve_pid=$!
for i in $(seq 200); do
	WEB=$(sed -n 's|.* on \(http://127.0.0.1:[0-9]*\)/ .*|\1|p' "$TEST_DIR/.serve.out")
	[ -n "$WEB" ] && break
	sleep 0.05
done
export WEB WEB_JAR="$TEST_DIR/.jar"
unset WEB_KEY

test_expect_success 'a practice server through the pool: signing in, pages, a form' '
	http --no-cookie POST /welcome t=$invite password=$PW again=$PW >"$TEST_DIR/.rp" &&
	{ test "$(head -1 "$TEST_DIR/.rp")" = 303 || { head -1 "$TEST_DIR/.rp"; grep "class=\"error" "$TEST_DIR/.rp"; false; }; } &&
	RAPPORT_NOW=$NOW rapport --account seeker@example.org opp add "Example Analytics" \
		"Data Engineer" --new-org >/dev/null &&
	opp=$(sql "SELECT max(id) FROM opportunity") &&
	for p in /pipeline /wants /account /opportunities/$opp /settings; do
		test "$(http_status GET $p)" = 200 || { echo "$p"; return 1; }
	done &&
	http POST /wants category=team text="A small team" >"$TEST_DIR/.rp" &&
	{ test "$(head -1 "$TEST_DIR/.rp")" = 303 || { head -1 "$TEST_DIR/.rp"; grep "class=\"error" "$TEST_DIR/.rp"; false; }; } &&
	http GET /wants >"$TEST_DIR/.rp" && grep -q "A small team" "$TEST_DIR/.rp" &&
	http POST /log kind=call opp=$opp summary="Wrote to the Hiring Manager" >"$TEST_DIR/.rp" &&
	{ test "$(head -1 "$TEST_DIR/.rp")" = 303 || { head -1 "$TEST_DIR/.rp"; grep "class=\"error" "$TEST_DIR/.rp"; false; }; } &&
	test "$(sql "SELECT count(*) FROM interaction")" = 2
'

serve_stop
test_done
