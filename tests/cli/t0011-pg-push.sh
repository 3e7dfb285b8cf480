#!/bin/sh
# rapport push and pull (issue 20, moving in and out), on a cluster of
# their own: a rich local database (the sample search, mail read, offers,
# wants, debriefs, questions, settings, quotes, line breaks, unicode and a
# 1 MB note) pushed into one client's account and pulled into a new file
# gives the same JSON export, ids included (the calendar feed's token
# aside: made anew each way). The other client's rows are untouched; a
# push that fails or is killed leaves the account as it was; a wrong
# address, an unreachable server, a wrong password, an unknown account or
# a file that is not rapport's: one line, exit 1, nothing written. As the
# server's role (rapport_app) the walls hold; as a superuser the push
# takes that role.
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"

MAIL=$TEST_ROOT/cli/mail
export RAPPORT_NOW=2026-12-07T09:00
createdb practice || exit 1
# the practice as its superuser (the tests' role) and as the server's role
URL=postgresql:///practice
APP=postgresql://rapport_app@/practice
LOCAL=$TEST_DIR/local.db
psql() { command psql -X -q -tA -v ON_ERROR_STOP=1 -d practice "$@"; }

# Every row of an account, table by table, as a count and a digest.
cat >rows_of.sql <<'SQL'
CREATE FUNCTION rows_of(who text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE t text; r text; BEGIN
FOR t IN SELECT table_name FROM information_schema.columns WHERE column_name = 'account_id'
 AND table_schema = 'public' ORDER BY 1 LOOP
 EXECUTE format('SELECT %L || '' '' || count(*) || '' '' || coalesce(md5(string_agg(x::text,'
  ' '','' ORDER BY x::text)), '''') FROM %I x WHERE account_id ='
  ' (SELECT id FROM account WHERE email = $1)', t, t) INTO r USING who;
 RETURN NEXT r; END LOOP; END$$;
SQL

# Two clients' accounts (made as the welcome page makes them; no server here).
rapport --db $URL admin list >/dev/null &&
	psql -f rows_of.sql &&
	psql -c "ALTER ROLE rapport_app LOGIN" &&
	psql -c "INSERT INTO account (email, role, created_at) VALUES
		('seeker@example.org', 'client', '2026-12-01T09:00:00Z'),
		('other@example.org', 'client', '2026-12-01T09:00:00Z')" || exit 1

# rows WHO: every row of that account, into $TEST_DIR/rows.WHO
rows() {
	psql -c "SELECT rows_of('$1@example.org')" >"$TEST_DIR/rows.$1"
}
# export FILE OUT: the JSON export of FILE, its calendar token's value masked
export_of() {
	"$RAPPORT" --db "$1" export --json >"$TEST_DIR/.rp" &&
		sed 's/"calendar.token","value":"[0-9a-f]*"/"calendar.token","value":"-"/' \
			"$TEST_DIR/.rp" >"$2"
}

test_expect_success 'a rich local database' '
	rapport demo --no-serve >"$TEST_DIR/.rp" &&
	cp "$(cat "$TEST_DIR/.rp")" "$LOCAL" &&
	export RAPPORT_DB="$LOCAL" &&
	rapport config email me@example.org >/dev/null &&
	rapport config signature "Job Seeker
\"quoted\" — ünïcödé ✓" >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Engineer" --slug job >/dev/null &&
	rapport person add "Hiring Manager" --org "Quartz Insurance" --tag data-team \
		--email HM@quartz.example.com >/dev/null &&
	rapport person add "Data Recruiter" --email recruiter@example.com >/dev/null &&
	rapport opp link job "Hiring Manager" --role hiring-manager >/dev/null &&
	rapport mail import "$MAIL/maildir" >/dev/null &&
	rapport want add "A team that says \"no\" kindly" --must >/dev/null &&
	rapport question add "What would you change first, and \"why\"?" >/dev/null &&
	rapport feedback add job "Clear, if long: '\''tighten'\'' the intro" \
		--from "Hiring Manager" >/dev/null &&
	python3 -c "import sys; u = \"a 1 MB note: \\\"quotes\\\", ünïcödé, 日本語\\n\".encode(); \
		sys.stdout.buffer.write(u * (1000000 // len(u) + 1))" \
		>note.txt &&
	rapport org add "Big Note Org" --notes - <note.txt >/dev/null &&
	sqlite3 "$LOCAL" "INSERT INTO setting VALUES ('"'"'calendar.token'"'"', '"'"'$(printf %064d 7)'"'"')" &&
	sqlite3 "$LOCAL" "INSERT INTO mail_folder VALUES ('"'"'me@example.org'"'"', '"'"'INBOX'"'"',
		1712, 42, '"'"'book'"'"', '"'"'<last@quartz.example.com>'"'"')" &&
	test "$(sqlite3 "$LOCAL" "SELECT count(*) FROM mail_message")" -gt 0 &&
	test "$(sqlite3 "$LOCAL" "SELECT count(*) FROM mail_file")" -gt 0 &&
	test "$(sqlite3 "$LOCAL" "SELECT max(length(CAST(notes AS BLOB))) FROM organisation")" -ge 1000000 &&
	export_of "$LOCAL" local.json
'
export RAPPORT_DB="$LOCAL"

test_expect_success 'the other client has rows of their own' '
	rapport --db $APP --account other@example.org org add "Quartz Insurance" >/dev/null &&
	rapport --db $APP --account other@example.org person add "Data Recruiter" \
		--org "Quartz Insurance" >/dev/null &&
	rows other && cp "$TEST_DIR/rows.other" other.before && rows seeker &&
	cp "$TEST_DIR/rows.seeker" seeker.empty
'

test_expect_success 'import json into an account: the backup'"'"'s ids go into its window' '
	psql -c "INSERT INTO account (email, role, created_at)
		VALUES ('"'"'third@example.org'"'"', '"'"'client'"'"', '"'"'2026-12-01T09:00:00Z'"'"')" &&
	test "$(psql -c "SELECT count(*) FROM organisation WHERE id = 1")" = 1 &&
	rapport --db small.db org add "Small Org" >/dev/null &&
	rapport --db small.db export -o small.json >/dev/null &&
	rows other && cp "$TEST_DIR/rows.other" other.before &&
	rapport --db $APP --account third@example.org import json small.json >"$TEST_DIR/.rp" &&
	test "$(psql -c "SELECT o.id - (a.id << 33) FROM organisation o JOIN account a
		ON a.id = o.account_id WHERE a.email = '"'"'third@example.org'"'"'")" = 1 &&
	rows other && test_cmp other.before "$TEST_DIR/rows.other"
'

test_expect_success 'push loads the whole database into the account' '
	rapport push $URL --account seeker@example.org >"$TEST_DIR/.rp" &&
	grep -q "^pushed [0-9]* rows into the account seeker@example.org$" "$TEST_DIR/.rp" &&
	grep -q "calendar feed has a new address" "$TEST_DIR/.rp" &&
	rows other && test_cmp other.before "$TEST_DIR/rows.other" &&
	test "$(psql -c "SELECT count(*) FROM organisation WHERE name = '"'"'Big Note Org'"'"'")" = 1
'

test_expect_success 'its calendar token is a new one' '
	test "$(psql -c "SELECT count(*) FROM setting WHERE key = '"'"'calendar.token'"'"'
		AND value ~ '"'"'^[0-9a-f]{64}$'"'"' AND value <> '"'"'$(printf %064d 7)'"'"'")" = 1
'

test_expect_success 'pull into a new file gives the same export, ids included' '
	rapport pull $URL --account seeker@example.org --db pulled.db >"$TEST_DIR/.rp" &&
	grep -q "^pulled [0-9]* rows of the account seeker@example.org into pulled.db$" \
		"$TEST_DIR/.rp" &&
	export_of pulled.db pulled.json &&
	cmp local.json pulled.json
'

# marks FILE: where the mail was read to (not in the export)
marks() {
	sqlite3 "$1" "SELECT * FROM mail_folder; SELECT * FROM mail_file ORDER BY name"
}

test_expect_success 'and the marks of the mail read: nothing is read twice' '
	marks "$LOCAL" >local.marks && marks pulled.db >pulled.marks &&
	test_cmp local.marks pulled.marks && grep -q "^me@example.org|INBOX|1712|42|" pulled.marks
'

# counts FILE: the rows of each table of a JSON export, one table a line
counts() {
	python3 -c "import json, sys
for t, rows in json.load(open(sys.argv[1]))[\"tables\"].items(): print(t, len(rows))" "$1"
}

test_expect_success 'as the server role, the account holds those rows and no other' '
	"$RAPPORT" --db $APP --account seeker@example.org export --json >app.json &&
	counts app.json >app.counts && counts local.json >local.counts &&
	test_cmp local.counts app.counts
'

test_expect_success 'the practice carries on from the pushed data, and its ids pull back' '
	rapport --db $APP --account seeker@example.org log call "Follow-up call" \
		--with "Hiring Manager at Northwind" >/dev/null &&
	rapport --db $APP --account seeker@example.org agenda >"$TEST_DIR/.rp" &&
	rapport pull $URL --account seeker@example.org --db again.db >"$TEST_DIR/.rp" &&
	rapport --db again.db --json search "Follow-up call" >"$TEST_DIR/.rp" &&
	grep -q "Follow-up call" "$TEST_DIR/.rp" &&
	test "$(sqlite3 again.db "PRAGMA foreign_key_check")" = "" &&
	test "$(sqlite3 again.db "SELECT count(*) FROM organisation WHERE id <= 5")" = 5
'

test_expect_success 'an account with data: refused without --replace, unchanged' '
	rows seeker && cp "$TEST_DIR/rows.seeker" seeker.before &&
	test_must_fail 1 rapport push $URL --account seeker@example.org &&
	test_stderr_contains "the account has data already: --replace" &&
	test "$(wc -l <"$TEST_DIR/.stderr")" = 1 &&
	rows seeker && test_cmp seeker.before "$TEST_DIR/rows.seeker"
'

test_expect_success 'a push that fails half-way leaves the account as it was' '
	psql -c "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
		\$\$BEGIN RAISE EXCEPTION '"'"'refused for the test'"'"'; END\$\$;
		CREATE TRIGGER refuse BEFORE INSERT ON offer FOR EACH ROW EXECUTE FUNCTION refuse()" &&
	test_must_fail 1 rapport push $URL --account seeker@example.org --replace &&
	psql -c "DROP TRIGGER refuse ON offer" &&
	rows seeker && test_cmp seeker.before "$TEST_DIR/rows.seeker" &&
	rows other && test_cmp other.before "$TEST_DIR/rows.other"
'

# A grant is the practice's (the client's word to one of its coaches), not
# the client's data: not in the JSON backup, so a push --replace keeps it.
test_expect_success 'the client grants a coach of the practice access' '
	psql -c "INSERT INTO account (email, role, created_at)
		VALUES ('"'"'coach@example.org'"'"', '"'"'coach'"'"', '"'"'2026-12-01T09:00:00Z'"'"')" &&
	rapport --db $URL --account seeker@example.org coach grant coach@example.org \
		--level suggest >/dev/null
'

test_expect_success 'push --replace: the local data in place of the account'"'"'s' '
	rapport push $URL --account seeker@example.org --replace >"$TEST_DIR/.rp" &&
	grep -q "in place of what was there" "$TEST_DIR/.rp" &&
	rapport pull $URL --account seeker@example.org --db replaced.db >"$TEST_DIR/.rp" &&
	export_of replaced.db replaced.json && cmp local.json replaced.json &&
	rows seeker && cp "$TEST_DIR/rows.seeker" seeker.pushed &&
	rows other && test_cmp other.before "$TEST_DIR/rows.other"
'

test_expect_success 'push --replace kept the grant' '
	rapport --db $URL --account seeker@example.org coach list >"$TEST_DIR/.rp" &&
	grep -q "coach@example.org" "$TEST_DIR/.rp" && grep -q suggest "$TEST_DIR/.rp"
'

test_expect_success 'a push killed mid-way leaves the old rows or all the new' '
	rapport --db $APP --account seeker@example.org org add "Since The Push" >/dev/null &&
	rows seeker && cp "$TEST_DIR/rows.seeker" seeker.before &&
	for delay in 0.05 0.2 0.4; do
		rapport push $URL --account seeker@example.org --replace >/dev/null 2>&1 &
		pid=$! && sleep $delay && kill -9 $pid 2>/dev/null; wait $pid
		rows seeker &&
		{ cmp -s seeker.before "$TEST_DIR/rows.seeker" ||
			cmp -s seeker.pushed "$TEST_DIR/rows.seeker"; } &&
		test "$(psql -c "SELECT count(*) FROM organisation o JOIN account a ON a.id = o.account_id
			WHERE a.email = '"'"'seeker@example.org'"'"' AND o.name = '"'"'Big Note Org'"'"'")" = 1 ||
		return 1
		rapport --db $APP --account seeker@example.org org add "Since The Push" \
			>/dev/null 2>&1
		rows seeker && cp "$TEST_DIR/rows.seeker" seeker.before
	done &&
	rows other && test_cmp other.before "$TEST_DIR/rows.other"
'

# one_line: the last command failed with one rapport: line and exit 1
one_line() {
	test "$(wc -l <"$TEST_DIR/.stderr")" = 1 && test_stderr_contains "$1"
}

test_expect_success 'wrong addresses, servers, passwords and accounts: one line, nothing written' '
	rows seeker && cp "$TEST_DIR/rows.seeker" seeker.before &&
	test_must_fail 1 rapport push postgresql:///no_such_db --account seeker@example.org &&
	one_line "cannot connect" &&
	test_must_fail 1 rapport push "postgresql:///practice?host=/nonexistent" \
		--account seeker@example.org &&
	one_line "cannot connect" &&
	test_must_fail 1 rapport push $URL --account nobody@example.org &&
	one_line "no account has the address" &&
	test_must_fail 1 rapport push $URL &&
	one_line "--account EMAIL" &&
	test_must_fail 1 rapport push "$LOCAL" --account seeker@example.org &&
	one_line "postgresql:// address" &&
	test_must_fail 1 rapport pull postgresql:///no_such_db --account seeker@example.org \
		--db never.db &&
	one_line "cannot connect" && test ! -e never.db &&
	test_must_fail 1 rapport pull $URL --account nobody@example.org --db never.db &&
	one_line "no account has the address" && test ! -e never.db &&
	rows seeker && test_cmp seeker.before "$TEST_DIR/rows.seeker"
'

test_expect_success 'a wrong password: one line, without the password' '
	psql -c "CREATE ROLE mover LOGIN PASSWORD '"'"'right-word'"'"' IN ROLE rapport_app" &&
	as_pg_owner sh -c "{ echo \"local all mover scram-sha-256\"; cat data/pg_hba.conf; } \
		>data/hba.new && mv data/hba.new data/pg_hba.conf" &&
	as_pg_owner pg_ctl -D "$PGHOST/data" reload >/dev/null && sleep 1 &&
	test_must_fail 1 rapport push "postgresql://mover:wrong-word@/practice" \
		--account seeker@example.org &&
	one_line "cannot connect" && ! grep -q wrong-word "$TEST_DIR/.stderr" &&
	rows seeker && test_cmp seeker.before "$TEST_DIR/rows.seeker"
'

test_expect_success 'a local file that is not rapport'"'"'s: refused, untouched' '
	printf "not a database\n" >notes.txt && cp notes.txt notes.before &&
	test_must_fail 1 rapport --db notes.txt push $URL --account seeker@example.org &&
	one_line "notes.txt" && cmp notes.txt notes.before &&
	test_must_fail 1 rapport --db notes.txt pull $URL --account seeker@example.org &&
	one_line "notes.txt" && cmp notes.txt notes.before &&
	test_must_fail 1 rapport --db missing.db push $URL --account seeker@example.org &&
	one_line "no database at" && test ! -e missing.db &&
	rows seeker && test_cmp seeker.before "$TEST_DIR/rows.seeker"
'

test_expect_success 'pull into a file with data: refused, then --replace keeps a copy' '
	export_of pulled.db pulled.before &&
	test_must_fail 1 rapport pull $URL --account other@example.org --db pulled.db &&
	one_line "the database has data already: --replace" &&
	export_of pulled.db pulled.after && cmp pulled.before pulled.after &&
	rapport pull $URL --account other@example.org --db pulled.db --replace >"$TEST_DIR/.rp" &&
	grep -q "^kept a copy of the file as it was: pulled.db.before-pull$" "$TEST_DIR/.rp" &&
	export_of pulled.db.before-pull kept.json && cmp pulled.before kept.json &&
	rapport --db pulled.db org list >"$TEST_DIR/.rp" &&
	grep -q "Quartz Insurance" "$TEST_DIR/.rp" && ! grep -q "Northwind" "$TEST_DIR/.rp"
'

test_expect_success 'as the server role: the walls hold, the push lands in its account only' '
	rapport --db seeker-small.db org add "Only Mine" >/dev/null &&
	rapport --db seeker-small.db push "postgresql://mover:right-word@/practice" \
		--account other@example.org --replace >"$TEST_DIR/.rp" &&
	test "$(psql -c "SELECT a.email FROM organisation o JOIN account a ON a.id = o.account_id
		WHERE o.name = '"'"'Only Mine'"'"'")" = other@example.org &&
	rows seeker && test_cmp seeker.before "$TEST_DIR/rows.seeker"
'

test_done
