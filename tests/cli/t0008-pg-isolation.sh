#!/bin/sh
# The walls between a practice's accounts (issue 20), in a throwaway
# cluster: two clients and a coach, each with data (an organisation named
# alike in both clients); the server run as rapport_app, the role that owns
# nothing; every route of the web UI (read from src/web/routes.c, so a new
# one cannot be forgotten) asked by client A with client B's ids, slugs and
# tokens: not found, and B's rows unchanged; A's pages, exports and feed
# without a trace of B; the same walls in SQL as rapport_app, without the
# setting and with another account's; the command line's --account.
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"
. "$TEST_ROOT/pg/practice"

ROUTES="$TEST_ROOT/../src/web/routes.c"

for who in client.a client.b coach; do
	rapport admin invite "$who@example.org" >"$TEST_DIR/.rp" || exit 1
	eval "invite_$(echo "$who" | tr -d .)=$(link_token)"
done
sql "ALTER ROLE rapport_app LOGIN" >/dev/null || exit 1

RAPPORT_DB=$APP_DB practice_serve || exit 1
welcome "$invite_clienta" "$TEST_DIR/a.jar" && welcome "$invite_clientb" "$TEST_DIR/b.jar" &&
	welcome "$invite_coach" "$TEST_DIR/c.jar" || exit 1
A=$(sql "SELECT id FROM account WHERE email = 'client.a@example.org'")
B=$(sql "SELECT id FROM account WHERE email = 'client.b@example.org'")
COACH=$(sql "SELECT id FROM account WHERE email = 'coach@example.org'")

# Each client's search, through the command line as the server's role.
fill() { # $1 account, $2 person, $3 title, $4 slug
	RAPPORT_DB=$APP_DB rapport --account "$1" org add Acme &&
	RAPPORT_DB=$APP_DB rapport --account "$1" person add "$2" --org Acme &&
	RAPPORT_DB=$APP_DB rapport --account "$1" opp add Acme "$3" &&
	RAPPORT_DB=$APP_DB rapport --account "$1" log call "first call" --with "$2" --opp "$4" &&
	RAPPORT_DB=$APP_DB rapport --account "$1" task add "write to $2" --kind email --with "$2" \
		--opp "$4" --due 2026-03-05 --template keep-in-touch &&
	RAPPORT_DB=$APP_DB rapport --account "$1" want add "remote work for $2" &&
	RAPPORT_DB=$APP_DB rapport --account "$1" feedback add "$4" "read more, said $2" --from "$2" &&
	RAPPORT_DB=$APP_DB rapport --account "$1" offer add "$4" --base 90k --deadline 2026-03-20 &&
	RAPPORT_DB=$APP_DB rapport --account "$1" debrief "$4" --well "rapport with $2" \
		--chemistry 4 </dev/null
}
fill client.a@example.org "Hiring Manager" "Data Lead" acme-data-lead >/dev/null &&
	fill client.b@example.org "Data Recruiter" "Platform Engineer" acme-platform-engineer \
		>/dev/null || exit 1
WEB_JAR="$TEST_DIR/b.jar" http POST /settings/calendar action=new >/dev/null || exit 1
WEB_JAR="$TEST_DIR/a.jar" http POST /settings/calendar action=new >/dev/null || exit 1
export WEB_JAR="$TEST_DIR/a.jar"

# B's ids, slug and token
b_id() { sql "SELECT min(id) FROM $1 WHERE account_id = $B"; }
B_ORG=$(b_id organisation) B_PERSON=$(b_id person) B_OPP=$(b_id opportunity)
B_TASK=$(b_id task) B_INTERACTION=$(b_id interaction) B_WANT=$(b_id want)
B_QUESTION=$(b_id question) B_FEEDBACK=$(b_id feedback) B_OFFER=$(b_id offer)
B_DEBRIEF=$(b_id debrief)
B_TOKEN=$(sql "SELECT value FROM setting WHERE key = 'calendar.token' AND account_id = $B")
A_TOKEN=$(sql "SELECT value FROM setting WHERE key = 'calendar.token' AND account_id = $A")
B_SLUG=acme-platform-engineer
# What no page of A's may show: B's person, opportunity and want (the
# slug, which A's requests carry, a page may echo).
B_MARKS="Data Recruiter|Platform Engineer|remote work for Data"
# An id that names nothing: B's must get the same answer.
NOTHING=999999999

# The rows of every account but A's, as text (what A must not change).
# Not the time rules' marks: the server's minute ticker runs every account's
# rules (the coach's first run may come during a long test on a busy machine).
others_rows() {
	for t in $(sql "SELECT tablename FROM pg_policies WHERE policyname = 'account_rows'
		AND tablename NOT IN ('tick_state', 'tick_dirty', 'rule_next') ORDER BY 1"); do
		echo "== $t" && sql "SELECT * FROM $t WHERE account_id <> $A ORDER BY 1, 2" || return 1
	done
}

test_expect_success 'the data went where it was sent: an Acme each, the coach with none' '
	test "$(sql "SELECT count(*) FROM organisation WHERE name = '"'"'Acme'"'"'")" = 2 &&
	test "$(sql "SELECT count(DISTINCT account_id) FROM organisation")" = 2 &&
	test -n "$B_TOKEN" && test -n "$A_TOKEN" && test -n "$B_OFFER" && test -n "$B_FEEDBACK" &&
	test "$(sql "SELECT count(*) FROM question WHERE account_id = $B")" -gt 10
'

test_expect_success 'every table of the store has its account, a forced policy, and is no role of the app'"'"'s' '
	sql "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
		AND c.relkind = '"'"'r'"'"' AND c.relname NOT IN ('"'"'account'"'"',
		'"'"'account_session'"'"', '"'"'account_invitation'"'"', '"'"'signin_failure'"'"',
		'"'"'rapport_schema'"'"', '"'"'rapport_practice_schema'"'"', '"'"'rapport_data_version'"'"',
		'"'"'rapport_account_version'"'"', '"'"'coach_grant'"'"')
		AND NOT (c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT FROM pg_policies p
		WHERE p.tablename = c.relname AND p.policyname = '"'"'account_rows'"'"'))" >unwalled &&
	test ! -s unwalled &&
	test "$(sql "SELECT count(*) FROM pg_class WHERE relowner = '"'"'rapport_app'"'"'::regrole")" = 0 &&
	test "$(sql "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = '"'"'rapport_app'"'"'")" = f
'

# The value of B's that stands for the * of a route (by its first
# segment); UNKNOWN for a route this test does not know yet.
b_value() {
	case $1 in
	/orgs/*) echo "$B_ORG" ;;
	/people/*) echo "$B_PERSON" ;;
	/opportunities/*|/prep/*) echo "$B_SLUG" ;;
	/tasks/*|/improve/*) echo "$B_TASK" ;;
	/interactions/*) echo "$B_INTERACTION" ;;
	/inbox/*) echo "$NOTHING" ;; # mail proposals: B has none (mail import, not here)
	/wants/*) echo "$B_WANT" ;;
	/questions/*) echo "$B_QUESTION" ;;
	/debriefs/*) echo "$B_DEBRIEF" ;;
	/feedback/*) echo "$B_FEEDBACK" ;;
	/offers/*) echo "$B_OFFER" ;;
	/coach/*) echo "$B" ;; # a client's page for a coach: A is none
	/suggestions/*) echo "$NOTHING" ;; # a coach's suggestions: B has none (t0010 has)
	*) echo UNKNOWN ;;
	esac
}

# The routes with no id: what A may ask with B's ids in its form, the
# pages A may read (none may show B's), and those this test leaves out:
# the account's own (signing out would end A's session), the static
# files, the sample search (a second process), undo, the uploads, the
# playbooks file (the server's, not an account's; see architecture.md).
# shellcheck disable=SC2116
NO_ID_SKIP=" $(echo /static/\* /export/csv/\* /signin /welcome /account/password /signout \
	/signout/everywhere /demo /demo/open /demo/enter /demo/back /undo /settings/import \
	/settings/playbooks) "
# Pages whose SQL fails on PostgreSQL still (docs/architecture.md's "Not
# yet on PostgreSQL"): their status is not checked, what they show is.
NOT_YET_ON_PG=" /questions /insights "
B_FORM="opp=$B_SLUG opp_id=$B_OPP person=$B_PERSON person_id=$B_PERSON with=$B_PERSON
 org=$B_ORG org_id=$B_ORG task=$B_TASK task_id=$B_TASK id=$B_TASK into=$B_PERSON want=$B_WANT
 interaction=$B_INTERACTION feedback=$B_FEEDBACK kind=call summary=isolation title=isolation
 text=isolation name=isolation due=2026-03-09 until=2026-03-09 stage=applied status=met"
# The answer to a request ($1 method, $2 path) into resp, its status out.
ask() {
	if [ "$1" = GET ]; then
		http GET "$2" >resp
	else
		# shellcheck disable=SC2086
		http POST "$2" $B_FORM >resp
	fi
	head -1 resp
}

test_expect_success 'every route asked by A with B'"'"'s ids: not found, and nothing of B'"'"'s changes' '
	others_rows >before &&
	sed -n "s/^[[:space:]]*{ \"\(GET\|POST\)\", \"\([^\"]*\)\".*/\1 \2/p" "$ROUTES" >routes &&
	test "$(wc -l <routes)" -gt 90 &&
	: >wrong &&
	while read -r method route; do
		case $NO_ID_SKIP in *" $route "*) continue ;; esac
		case $route in
		*\**)
			v=$(b_value "$route") &&
			if [ "$v" = UNKNOWN ]; then echo "unknown route $method $route" >>wrong; continue; fi
			path=$(echo "$route" | sed "s|\*|$v|") ;;
		*) path=$route ;;
		esac
		status=$(ask "$method" "$path")
		! grep -Eq "$B_MARKS" resp || echo "B shows in $method $path" >>wrong
		# not found: 404, or the page'"'"'s own answer to an id that names nothing
		case $route in
		*\**) [ "$status" = 404 ] || case $status in
			4*) [ "$status" = "$(ask "$method" "$(echo "$route" | sed "s|\*|$NOTHING|")")" ] ;;
			*) false ;;
			esac || echo "$status $method $path" >>wrong ;;
		*) case $NOT_YET_ON_PG in *" $route "*) ;; *)
			case $status in 5*) echo "$status $method $path" >>wrong ;; esac ;;
			esac ;;
		esac
	done <routes &&
	others_rows >after &&
	# what went wrong, and the server'"'"'s own account of it (a sanitizer'"'"'s report)
	{ test ! -s wrong || { cat wrong; tail -n 60 "$TEST_DIR/.serve.err"; false; }; } &&
	diff before after
'

test_expect_success 'downloads: A'"'"'s exports and feed hold A'"'"'s rows only; B'"'"'s draft and feed are not found' '
	for p in /export.json /export/vcard.vcf /export/calendar.ics /export/csv/people.csv \
		/export/csv/opportunities.csv /export/csv/tasks.csv "/calendar.ics?token=$A_TOKEN"; do
		http GET "$p" >resp &&
		test "$(head -1 resp)" = 200 && ! grep -Eq "$B_MARKS" resp ||
			{ echo "$p: $(head -1 resp)"; return 1; }
	done &&
	grep -q "Hiring Manager" resp &&
	test "$(http_status GET "/tasks/$B_TASK/draft.eml")" = 404 &&
	test "$(http_status GET "/calendar.ics?token=$B_TOKEN")" = 404
'

test_expect_success 'a calendar app with no session gets the feed of the account whose token it holds' '
	http --no-cookie GET "/calendar.ics?token=$B_TOKEN" >resp &&
	test "$(head -1 resp)" = 200 && grep -q "Data Recruiter" resp && ! grep -q "Hiring Manager" resp &&
	test "$(http_status --no-cookie GET "/calendar.ics?token=0$B_TOKEN")" = 404 &&
	test "$(http_status --no-cookie GET /calendar.ics)" = 404
'

test_expect_success 'A and the coach see their own Acme, organisations and people only' '
	http GET /orgs >resp && test "$(grep -c ">Acme<" resp)" = 1 &&
	http GET /people >resp && grep -q "Hiring Manager" resp && ! grep -q "Data Recruiter" resp &&
	WEB_JAR="$TEST_DIR/c.jar" http GET /orgs >resp && ! grep -q ">Acme<" resp
'

test_expect_success 'in SQL as rapport_app: without the setting nothing shows and nothing goes in' '
	for t in organisation person opportunity task interaction setting question want offer \
		search_index tick_state undo_log; do
		test "$(app_sql "SELECT count(*) FROM $t")" = 0 || { echo "$t"; return 1; }
	done &&
	! app_sql "INSERT INTO organisation (name, name_key, created_at, updated_at)
		VALUES ('"'"'x'"'"', '"'"'x'"'"', '"'"'t'"'"', '"'"'t'"'"')" 2>err &&
	grep -q "row-level security" err &&
	test "$(app_sql "UPDATE organisation SET notes = '"'"'x'"'"'; DELETE FROM person; SELECT 1")" = 1 &&
	others_rows >after2 && diff before after2
'

test_expect_success 'in SQL as rapport_app with A'"'"'s setting: A'"'"'s rows only; B'"'"'s cannot be written or pointed at' '
	test "$(app_sql "SELECT count(*) FROM organisation WHERE name = '"'"'Acme'"'"'" "$A")" = 1 &&
	test "$(app_sql "SELECT count(*) FROM person WHERE account_id <> $A" "$A")" = 0 &&
	test "$(app_sql "SELECT count(*) FROM task" "$A")" -ge 1 &&
	test "$(app_sql "SELECT count(*) FROM setting WHERE value = '"'"'$B_TOKEN'"'"'" "$A")" = 0 &&
	test "$(app_sql "SELECT count(*) FROM account_session WHERE false" "$A")" = 0 &&
	! app_sql "INSERT INTO organisation (name, name_key, created_at, updated_at, account_id)
		VALUES ('"'"'x'"'"', '"'"'x'"'"', '"'"'t'"'"', '"'"'t'"'"', $B)" "$A" 2>err &&
	grep -q "row-level security" err &&
	! app_sql "UPDATE organisation SET account_id = $B" "$A" 2>err &&
	grep -q "row-level security" err &&
	! app_sql "INSERT INTO person (name, name_key, org_id, created_at, updated_at)
		VALUES ('"'"'x'"'"', '"'"'x'"'"', $B_ORG, '"'"'t'"'"', '"'"'t'"'"')" "$A" 2>err &&
	grep -q "foreign key" err &&
	test "$(app_sql "UPDATE organisation SET notes = '"'"'x'"'"' WHERE id = $B_ORG; SELECT 1" "$A")" = 1 &&
	others_rows >after3 && diff before after3
'

test_expect_success 'the command line names its account once a database has several' '
	! RAPPORT_DB=$APP_DB rapport org list 2>err && grep -q "several accounts: say which with --account" err &&
	! RAPPORT_DB=$APP_DB rapport --account nobody@example.org org list 2>err &&
	grep -q "no account has the address" err &&
	RAPPORT_DB=$APP_DB RAPPORT_ACCOUNT=CLIENT.B@example.org rapport person list >"$TEST_DIR/.rp" &&
	grep -q "Data Recruiter" "$TEST_DIR/.rp" && ! grep -q "Hiring Manager" "$TEST_DIR/.rp"
'

# The tests connect as a superuser, whom the policies do not stop: the
# command line acting for an account acts as rapport_app.
test_expect_success 'connected as a superuser, the command line is walled off as the server is' '
	test "$(sql "SELECT rolsuper::int FROM pg_roles WHERE rolname = current_user")" = 1 &&
	rapport --account CLIENT.B@example.org person list >"$TEST_DIR/.rp" &&
	grep -q "Data Recruiter" "$TEST_DIR/.rp" && ! grep -q "Hiring Manager" "$TEST_DIR/.rp" &&
	rapport --account CLIENT.B@example.org log call "walled" --with "Data Recruiter" >/dev/null &&
	test "$(sql "SELECT count(*) FROM interaction WHERE summary = '"'"'walled'"'"' AND account_id = $B")" = 1
'

# A listener on loopback that notes any connection (a host of the server's
# own network that a client's settings could name).
python3 -c '
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
open(sys.argv[1], "w").write("connected")
' "$TEST_DIR/connected" >listener.port &
listener=$!
for i in $(seq 100); do test -s listener.port && break; sleep 0.05; done
PORT=$(cat listener.port)
test_expect_success 'a practice'"'"'s server runs no command and reaches no host a client'"'"'s settings name' '
	task=$(sql "SELECT min(id) FROM task WHERE account_id = $A AND kind = '"'"'email'"'"'") &&
	app_sql "UPDATE person SET email = '"'"'hiring.manager@example.org'"'"';
		INSERT INTO setting (key, value) VALUES ('"'"'email'"'"', '"'"'client.a@example.org'"'"'),
		('"'"'mail.smtp-url'"'"', '"'"'smtp://127.0.0.1:$PORT'"'"'),
		('"'"'mail.imap-url'"'"', '"'"'imap://127.0.0.1:$PORT'"'"'), ('"'"'mail.user'"'"', '"'"'a'"'"'),
		('"'"'mail.password-command'"'"', '"'"'touch $TEST_DIR/ran'"'"')" "$A" &&
	http GET "/tasks/$task/draft" >page &&
	! grep -q "/tasks/$task/send" page &&
	for what in send to-drafts; do
		http POST "/tasks/$task/$what" >resp &&
		test "$(head -1 resp)" -ge 400 &&
		grep -q "a practice&#39;s server reads and sends no mail" resp || return 1
	done &&
	sleep 0.2 && test ! -e "$TEST_DIR/ran" && test ! -e "$TEST_DIR/connected"
'
kill $listener 2>/dev/null

test_expect_success 'a client cannot rewrite the playbooks, the server'"'"'s file and every account'"'"'s rules' '
	http GET /settings/playbooks >/dev/null &&
	http POST /settings/playbooks text="$(printf "[thank-you]\nenabled = no\n")" >resp &&
	test "$(head -1 resp)" = 403 && grep -q "administrator sets the playbooks" resp &&
	test ! -e "$HOME/.config/rapport/playbooks.ini" &&
	test -z "$(find "$HOME" -name playbooks.ini)"
'

# The ticker of a server started as rapport_app runs each account's time
# rules: the coach's too, whose marks are taken away first (the first
# server's minute ticker may have run them already).
serve_stop || exit 1
sql "DELETE FROM tick_state WHERE account_id = $COACH" >/dev/null || exit 1
coach_ticks=$(sql "SELECT count(*) FROM tick_state WHERE account_id = $COACH")
RAPPORT_DB=$APP_DB practice_serve && serve_stop || exit 1
test_expect_success 'the server runs every account'"'"'s time rules, and warned of nothing' '
	test "$coach_ticks" = 0 &&
	test "$(sql "SELECT count(DISTINCT account_id) FROM tick_state")" = 3 &&
	! grep -q "did not run\|does not keep the accounts apart\|inherits" "$TEST_DIR/.serve.err"
'

# The coach's policy is rapport_coach's alone: the server's role may SET
# ROLE to it but does not inherit it, or its every query would carry the
# coach's subquery beside account_id = the setting, an OR that no index
# answers (each of a client's queries read every client's rows).
test_expect_success 'the server'"'"'s queries carry the one policy, not the coach'"'"'s' '
	app_sql "EXPLAIN (COSTS OFF) SELECT id FROM interaction WHERE opp_id = 1" "$A" >plan &&
	grep -q "account_id = " plan && ! grep -q coach_grant plan &&
	app_sql "SET ROLE rapport_coach; SELECT current_user" "" >role &&
	test "$(cat role)" = rapport_coach
'

sql "ALTER ROLE rapport_app INHERIT" >/dev/null || exit 1
RAPPORT_DB=$APP_DB practice_serve && serve_stop || exit 1
sql "ALTER ROLE rapport_app NOINHERIT" >/dev/null || exit 1
test_expect_success 'a server whose role inherits the coach'"'"'s says how to end it' '
	grep -q "warning: .*inherits rapport_coach.*ALTER ROLE rapport_app NOINHERIT" \
		"$TEST_DIR/.serve.err"
'

practice_serve && serve_stop || exit 1
test_expect_success 'served as the tables'"'"' owner, the server says the walls do not hold' '
	grep -q "warning: .*does not keep the accounts apart: connect as rapport_app" "$TEST_DIR/.serve.err"
'

test_done
