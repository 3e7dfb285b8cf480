#!/bin/sh
# The coach's view (issue 20), in a throwaway cluster: two clients and a
# coach, the server run as rapport_app. Without a grant the coach sees no
# client; with `read` the coach sees client A's search and nothing of B's,
# and can write none of A's rows (every POST route with A's ids, and SQL as
# rapport_app); `read` cannot suggest, `suggest` can; A accepts (and
# undoes) and dismisses; after the revoke, nothing again. B sees none of A's grants or
# suggestions. One person's SQLite file refuses the coach commands.
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"
. "$TEST_ROOT/pg/practice"

# As the coach reads (store_coach_view): the role that only reads, for client $2.
coach_sql() {
	psql -X -tA -q -U rapport_app -d practice -c "SET rapport.coach = $COACH;
		SET rapport.client = $2; SET ROLE rapport_coach; $1"
}
ROUTES="$TEST_ROOT/../src/web/routes.c"

rapport admin invite client.a@example.org >"$TEST_DIR/.rp" && invite_a=$(link_token) &&
	rapport admin invite client.b@example.org >"$TEST_DIR/.rp" && invite_b=$(link_token) &&
	rapport admin coach add coach@example.org >"$TEST_DIR/.rp" && invite_coach=$(link_token) &&
	rapport admin coach add other.coach@example.org >"$TEST_DIR/.rp" &&
	invite_other=$(link_token) || exit 1
sql "ALTER ROLE rapport_app LOGIN" >/dev/null || exit 1

RAPPORT_DB=$APP_DB practice_serve || exit 1
A_JAR="$TEST_DIR/a.jar" B_JAR="$TEST_DIR/b.jar" C_JAR="$TEST_DIR/c.jar"
welcome "$invite_a" "$A_JAR" && welcome "$invite_b" "$B_JAR" &&
	welcome "$invite_coach" "$C_JAR" || exit 1
A=$(sql "SELECT id FROM account WHERE email = 'client.a@example.org'")
B=$(sql "SELECT id FROM account WHERE email = 'client.b@example.org'")
COACH=$(sql "SELECT id FROM account WHERE email = 'coach@example.org'")

fill() { # $1 account, $2 person, $3 title, $4 slug
	RAPPORT_DB=$APP_DB rapport --account "$1" org add Acme &&
	RAPPORT_DB=$APP_DB rapport --account "$1" person add "$2" --org Acme &&
	RAPPORT_DB=$APP_DB rapport --account "$1" opp add Acme "$3" &&
	RAPPORT_DB=$APP_DB rapport --account "$1" log call "first call" --with "$2" --opp "$4" \
		--at 2026-02-01 &&
	RAPPORT_DB=$APP_DB rapport --account "$1" log interview "panel" --with "$2" --opp "$4" \
		--at 2026-03-04T10:00 &&
	RAPPORT_DB=$APP_DB rapport --account "$1" task add "write to $2" --kind email --with "$2" \
		--opp "$4" --due 2026-02-25 &&
	RAPPORT_DB=$APP_DB rapport --account "$1" offer add "$4" --base 90k --deadline 2026-03-20
}
fill client.a@example.org "Hiring Manager" "Data Lead" acme-data-lead >/dev/null &&
	fill client.b@example.org "Data Recruiter" "Platform Engineer" acme-platform-engineer \
		>/dev/null || exit 1
A_OPP=$(sql "SELECT min(id) FROM opportunity WHERE account_id = $A")
A_PERSON=$(sql "SELECT min(id) FROM person WHERE account_id = $A")
B_OPP=$(sql "SELECT min(id) FROM opportunity WHERE account_id = $B")
B_MARKS="Data Recruiter|Platform Engineer|client.b@example.org"
coach_cli() { RAPPORT_DB=$APP_DB rapport --account coach@example.org coach "$@"; }
# Every row of A's, as text (what the coach must not change).
a_rows() {
	for t in $(sql "SELECT tablename FROM pg_policies WHERE policyname = 'account_rows' ORDER BY 1"); do
		echo "== $t" && sql "SELECT * FROM $t WHERE account_id = $A ORDER BY 1, 2" || return 1
	done
	sql "SELECT * FROM coach_grant ORDER BY 1, 2"
}

test_expect_success 'one person'"'"'s SQLite database has no coach' '
	! RAPPORT_DB="$TEST_DIR/own.db" rapport coach list 2>err &&
	grep -q "the coach'"'"'s view needs a practice'"'"'s PostgreSQL database" err &&
	test ! -e "$TEST_DIR/own.db"
'

test_expect_success 'a coach lands on their clients, and only a coach has Clients in the menu' '
	O_JAR="$TEST_DIR/o.jar" &&
	WEB_JAR=$O_JAR http --no-cookie POST /welcome t="$invite_other" password=$PW again=$PW >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /coach$" resp &&
	WEB_JAR=$O_JAR http GET / >resp && grep -q "<a href=\"/coach\">Clients</a>" resp &&
	WEB_JAR=$A_JAR http GET / >resp && ! grep -q "href=\"/coach\"" resp
'

test_expect_success 'without a grant the coach sees no client: page, command line, SQL' '
	WEB_JAR=$C_JAR http GET /coach >resp && test "$(head -1 resp)" = 200 &&
	grep -q "No client has given you access" resp && ! grep -q "client.a@" resp &&
	for id in $A $B 999999999 x; do
		test "$(WEB_JAR=$C_JAR http_status GET /coach/client/$id)" = 404 || return 1
	done &&
	coach_cli dashboard >"$TEST_DIR/.rp" && ! grep -q "client" "$TEST_DIR/.rp" &&
	test "$(app_sql "SELECT count(*) FROM opportunity" "$COACH")" = 0 &&
	test "$(coach_sql "SELECT count(*) FROM opportunity" "$A")" = 0 &&
	test "$(coach_sql "SELECT count(*) FROM opportunity" 0)" = 0
'

test_expect_success 'a client grants only a coach of the practice, with one answer for any other address' '
	WEB_JAR=$A_JAR http POST /account/coaches email=client.b@example.org level=read >resp &&
	test "$(head -1 resp)" = 400 && grep "error-text" resp >b_answer &&
	WEB_JAR=$A_JAR http POST /account/coaches email=nobody@example.org level=read >resp &&
	test "$(head -1 resp)" = 400 && grep "error-text" resp >nobody_answer &&
	test_cmp b_answer nobody_answer && grep -q "No coach of this practice has that address" b_answer &&
	test "$(sql "SELECT count(*) FROM coach_grant")" = 0 &&
	test "$(WEB_JAR=$A_JAR http_status --no-csrf POST /account/coaches email=coach@example.org \
		level=read)" = 403 &&
	WEB_JAR=$A_JAR http POST /account/coaches email=Coach@Example.org level=read >resp &&
	test "$(head -1 resp)" = 303 &&
	WEB_JAR=$A_JAR http GET /account >resp && grep -q "coach@example.org</li>\|coach@example.org: reads" resp &&
	test "$(sql "SELECT level FROM coach_grant WHERE client_id = $A AND coach_id = $COACH")" = read
'

test_expect_success 'with read: the dashboard shows A and not B, sorted and explained' '
	WEB_JAR=$C_JAR http GET /coach >resp && test "$(head -1 resp)" = 200 &&
	grep -q "client.a@example.org" resp && ! grep -Eq "$B_MARKS" resp &&
	grep -q "the most overdue follow-ups, then the most opportunities gone silent" resp &&
	coach_cli dashboard --json >"$TEST_DIR/.rp" && grep -q "\"overdue\": 1" "$TEST_DIR/.rp" &&
	coach_cli list --json >"$TEST_DIR/.rp" && grep -q "\"level\": \"read\"" "$TEST_DIR/.rp" &&
	coach_cli dashboard --format tsv >"$TEST_DIR/.rp" &&
	grep -q "^client.a@example.org	1	offer 1	1	0	1	1	2026-03-20	" "$TEST_DIR/.rp" &&
	test "$(wc -l <"$TEST_DIR/.rp")" = 2
'

test_expect_success 'with read: A'"'"'s pipeline, Today and Insights, with no form that writes' '
	WEB_JAR=$C_JAR http GET /coach/client/$A >resp && test "$(head -1 resp)" = 200 &&
	grep -q "Acme — Data Lead" resp && grep -q "write to Hiring Manager" resp &&
	grep -q "reached an offer" resp && ! grep -Eq "$B_MARKS" resp &&
	! grep -qi "method=\"post\"" resp &&
	grep -q "lets you read their search, not suggest" resp &&
	test "$(WEB_JAR=$C_JAR http_status GET /coach/client/$B)" = 404
'

test_expect_success 'with read: the other coach and client B see nothing of it' '
	test "$(coach_sql "SELECT count(*) FROM opportunity" "$B")" = 0 &&
	test "$(coach_sql "SELECT count(DISTINCT account_id) FROM opportunity" 0)" = 1 &&
	test "$(app_sql "SELECT count(*) FROM coach_grant" "$B")" = 0 &&
	test "$(WEB_JAR=$A_JAR http_status GET /coach)" = 404 &&
	test "$(WEB_JAR=$A_JAR http_status GET /coach/client/$A)" = 404
'

# The value of A's that stands for the * of a route.
a_value() {
	case $1 in
	/orgs/*) sql "SELECT min(id) FROM organisation WHERE account_id = $A" ;;
	/people/*) echo "$A_PERSON" ;;
	/opportunities/*|/prep/*) echo acme-data-lead ;;
	/tasks/*|/improve/*) sql "SELECT min(id) FROM task WHERE account_id = $A" ;;
	/interactions/*) sql "SELECT min(id) FROM interaction WHERE account_id = $A" ;;
	/offers/*) sql "SELECT min(id) FROM offer WHERE account_id = $A" ;;
	/coach/*) echo "$A" ;;
	*) echo 999999999 ;; # A has none of these yet: an id that names nothing
	esac
}
A_FORM="opp=acme-data-lead opp_id=$A_OPP person=$A_PERSON person_id=$A_PERSON with=$A_PERSON
 kind=note summary=coach title=coach text=coach name=coach due=2026-03-09 stage=applied
 email=coach@example.org level=suggest"

test_expect_success 'with read: every POST route as the coach with A'"'"'s ids changes nothing of A'"'"'s' '
	a_rows >before &&
	sed -n "s/^[[:space:]]*{ \"POST\", \"\([^\"]*\)\".*/\1/p" "$ROUTES" >posts &&
	test "$(wc -l <posts)" -gt 40 && : >wrong &&
	while read -r route; do
		case $route in /signout*|/undo|/settings/import|/signin|/welcome) continue ;; esac
		path=$(echo "$route" | sed "s|\*|$(a_value "$route")|")
		# shellcheck disable=SC2086
		status=$(WEB_JAR=$C_JAR http_status POST "$path" $A_FORM)
		# refused: 404 (or 403), or 400 where a form'"'"'s fields are checked first
		case $route in *\**) case $status in 4??) ;; *) echo "$status $path" >>wrong ;; esac ;; esac
	done <posts &&
	a_rows >after && cat wrong && test ! -s wrong && diff before after
'

test_expect_success 'with read: SQL as the server'"'"'s role cannot write A'"'"'s rows, nor suggest' '
	a_rows >before &&
	test "$(app_sql "UPDATE opportunity SET notes = '"'"'x'"'"' WHERE account_id = $A; SELECT 1" "$COACH")" = 1 &&
	! app_sql "INSERT INTO organisation (name, name_key, created_at, updated_at, account_id)
		VALUES ('"'"'x'"'"', '"'"'x'"'"', '"'"'t'"'"', '"'"'t'"'"', $A)" "$COACH" 2>err &&
	grep -q "row-level security" err &&
	! coach_sql "UPDATE opportunity SET notes = '"'"'x'"'"'" "$A" 2>err &&
	grep -q "permission denied" err &&
	! app_sql "SELECT rapport_suggest($A, '"'"'note'"'"', $A_OPP, NULL, '"'"'x'"'"', NULL, '"'"'t'"'"')" \
		"$COACH" 2>err && grep -q "has not let you suggest" err &&
	test "$(WEB_JAR=$C_JAR http_status POST /coach/client/$A/suggest kind=note opp_id=$A_OPP \
		text=x)" = 403 &&
	! app_sql "UPDATE coach_grant SET level = '"'"'suggest'"'"'; SELECT 1/count(*) FROM coach_grant
		WHERE level = '"'"'suggest'"'"'" "$COACH" 2>/dev/null &&
	a_rows >after && diff before after &&
	test "$(sql "SELECT count(*) FROM suggestion")" = 0
'

test_expect_success 'with suggest: a note and a follow-up, on A'"'"'s records only' '
	coach_cli list >"$TEST_DIR/.rp" && grep -q "client.a@example.org" "$TEST_DIR/.rp" &&
	RAPPORT_DB=$APP_DB rapport --account client.a@example.org coach grant coach@example.org \
		--level suggest >"$TEST_DIR/.rp" && grep -q "read and suggest" "$TEST_DIR/.rp" &&
	WEB_JAR=$C_JAR http GET /coach/client/$A >resp && grep -q "Leave the note" resp &&
	test "$(WEB_JAR=$C_JAR http_status --no-csrf POST /coach/client/$A/suggest kind=note \
		opp_id=$A_OPP text=x)" = 403 &&
	WEB_JAR=$C_JAR http POST /coach/client/$A/suggest kind=note opp_id=$A_OPP \
		text="ask about the team" >resp && test "$(head -1 resp)" = 303 &&
	WEB_JAR=$C_JAR http POST /coach/client/$A/suggest kind=follow-up due=2026-03-06 \
		person_id=$A_PERSON text="thank the panel" >resp && test "$(head -1 resp)" = 303 &&
	WEB_JAR=$C_JAR http POST /coach/client/$A/suggest kind=follow-up due=+2d \
		text="read their blog" >resp && test "$(head -1 resp)" = 303 &&
	test "$(WEB_JAR=$C_JAR http_status POST /coach/client/$A/suggest kind=note opp_id=$B_OPP \
		text=x)" = 404 &&
	test "$(WEB_JAR=$C_JAR http_status POST /coach/client/$A/suggest kind=note text=x)" = 400 &&
	test "$(WEB_JAR=$C_JAR http_status POST /coach/client/$B/suggest kind=note opp_id=$B_OPP \
		text=x)" = 404 &&
	test "$(sql "SELECT count(*) FROM suggestion WHERE account_id = $A AND coach_id = $COACH")" = 3 &&
	test "$(sql "SELECT count(*) FROM suggestion")" = 3
'

SG_NOTE=$(sql "SELECT id FROM suggestion WHERE kind = 'note'")
SG_FOLLOW=$(sql "SELECT id FROM suggestion WHERE text = 'thank the panel'")
SG_BLOG=$(sql "SELECT id FROM suggestion WHERE text = 'read their blog'")

test_expect_success 'B sees none of A'"'"'s suggestions and cannot answer them' '
	test "$(app_sql "SELECT count(*) FROM suggestion" "$B")" = 0 &&
	WEB_JAR=$B_JAR http GET / >resp && ! grep -q "Suggested by your coach" resp &&
	test "$(WEB_JAR=$B_JAR http_status POST /suggestions/$SG_NOTE/accept)" = 404 &&
	! RAPPORT_DB=$APP_DB rapport --account client.b@example.org coach accept "$SG_NOTE" 2>err &&
	test "$(sql "SELECT count(*) FROM suggestion WHERE status = '"'"'open'"'"'")" = 3
'

test_expect_success 'A sees them on Today and the command line, and accepts or dismisses each' '
	WEB_JAR=$A_JAR http GET / >resp && grep -q "Suggested by your coach" resp &&
	grep -q "ask about the team" resp && grep -q "suggested by your coach coach@example.org" resp &&
	RAPPORT_DB=$APP_DB rapport --account client.a@example.org coach suggestions --json \
		>"$TEST_DIR/.rp" && grep -q "thank the panel" "$TEST_DIR/.rp" &&
	RAPPORT_DB=$APP_DB rapport --account client.a@example.org agenda >"$TEST_DIR/.rp" &&
	grep -q "$SG_FOLLOW  a follow-up by 2026-03-06: thank the panel (suggested by your coach coach@example.org)" \
		"$TEST_DIR/.rp" &&
	RAPPORT_DB=$APP_DB rapport --account client.b@example.org agenda >"$TEST_DIR/.rp" &&
	! grep -q "your coach" "$TEST_DIR/.rp" &&
	test "$(WEB_JAR=$A_JAR http_status --no-csrf POST /suggestions/$SG_NOTE/accept)" = 403 &&
	WEB_JAR=$A_JAR http POST /suggestions/$SG_NOTE/accept >resp && test "$(head -1 resp)" = 303 &&
	test "$(sql "SELECT count(*) FROM interaction WHERE account_id = $A AND kind = '"'"'note'"'"'
		AND summary = '"'"'ask about the team'"'"' AND opp_id = $A_OPP")" = 1 &&
	RAPPORT_DB=$APP_DB rapport --account client.a@example.org coach accept "$SG_FOLLOW" &&
	test "$(sql "SELECT count(*) FROM task WHERE account_id = $A AND origin = '"'"'coach'"'"'
		AND title = '"'"'thank the panel'"'"' AND due = '"'"'2026-03-06'"'"'
		AND person_id = $A_PERSON")" = 1 &&
	RAPPORT_DB=$APP_DB rapport --account client.a@example.org undo >/dev/null &&
	test "$(sql "SELECT count(*) FROM task WHERE origin = '"'"'coach'"'"'")" = 0 &&
	test "$(sql "SELECT status FROM suggestion WHERE id = $SG_FOLLOW")" = open &&
	RAPPORT_DB=$APP_DB rapport --account client.a@example.org coach accept "$SG_FOLLOW" &&
	test "$(sql "SELECT count(*) FROM task WHERE origin = '"'"'coach'"'"'")" = 1 &&
	test "$(WEB_JAR=$A_JAR http_status --no-csrf POST /suggestions/$SG_BLOG/dismiss)" = 403 &&
	WEB_JAR=$A_JAR http POST /suggestions/$SG_BLOG/dismiss >resp && test "$(head -1 resp)" = 303 &&
	test "$(sql "SELECT string_agg(status, '"'"','"'"' ORDER BY id) FROM suggestion")" = \
		accepted,accepted,dismissed &&
	test "$(WEB_JAR=$A_JAR http_status POST /suggestions/$SG_BLOG/accept)" = 404
'

test_expect_success 'after the revoke the coach sees nothing again, at the next request' '
	WEB_JAR=$C_JAR http GET /coach/client/$A >/dev/null &&
	test "$(WEB_JAR=$A_JAR http_status --no-csrf POST /account/coaches/revoke \
		email=coach@example.org)" = 403 &&
	WEB_JAR=$A_JAR http POST /account/coaches/revoke email=coach@example.org >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(WEB_JAR=$C_JAR http_status GET /coach/client/$A)" = 404 &&
	WEB_JAR=$C_JAR http GET /coach >resp && ! grep -q "client.a@" resp &&
	coach_cli dashboard >"$TEST_DIR/.rp" && ! grep -q "client" "$TEST_DIR/.rp" &&
	test "$(coach_sql "SELECT count(*) FROM opportunity" "$A")" = 0 &&
	test "$(coach_sql "SELECT count(*) FROM suggestion" "$A")" = 0 &&
	test "$(WEB_JAR=$A_JAR http_status POST /account/coaches/revoke email=coach@example.org)" = 400
'

serve_stop || exit 1
test_done
