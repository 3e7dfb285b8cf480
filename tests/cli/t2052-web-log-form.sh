#!/bin/sh
# Today's log form: the opportunity chosen from the open ones ("Organisation
# — Title"), the people from a list ("Name (Organisation)") or typed; the
# server takes a slug, an id, the labels as shown, a title; several people
# separated by commas or in repeated fields; someone new is added in the
# opportunity's organisation and named in a notice, but a name close to
# someone's is an error that lists them, unless said to be new. Each POST
# saves what 'rapport log' saves; an error writes nothing.
. "$(dirname "$0")/test-lib.sh"

# last_log: the newest interaction, as JSON.
last_log() {
	rapport --json search "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
print(json.dumps([r for r in json.load(sys.stdin) if r["type"] == "interaction"][0]))'
}

export RAPPORT_NOW=2026-03-02T09:00
rapport opp add "Northwind Analytics" "Analytics Lead" --slug northwind >/dev/null &&
rapport opp add Acme "Data Lead" --slug acme >/dev/null &&
rapport opp add Globex "Data Lead" --slug globex >/dev/null &&
rapport opp add Initech "Old Job" --slug initech --stage rejected >/dev/null &&
rapport person add "Data Recruiter" --org Acme >/dev/null &&
rapport person add "Office Manager" --org Acme >/dev/null &&
rapport person add "Office Manager" --org Globex >/dev/null &&
rapport person add "Coördinator Técnica" --org "Northwind Analytics" >/dev/null &&
rapport opp link acme "Data Recruiter" --role hiring-manager >/dev/null || exit 1

# the people of interaction ID, "name (org)" a line, sorted
people_of() {
	rapport --json opp show "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
d = json.load(sys.stdin)
i = [x for x in d["interactions"] if x["summary"] == sys.argv[1]][0]
print("\n".join(sorted(p["name"] for p in i["people"])))' "$2"
}

serve_start

test_expect_success 'the form offers the open opportunities and people by name' '
	http GET / >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<label for=\"f-opp\">About the opportunity</label>" page &&
	grep -q "<option value=\"northwind\">Northwind Analytics — Analytics Lead</option>" page &&
	grep -q "<option value=\"acme\">Acme — Data Lead</option>" page &&
	! grep -q "Initech — Old Job" page &&
	grep -q "<input type=\"text\" id=\"f-with\" name=\"with\" list=\"people-names\"" page &&
	grep -q "<label for=\"f-with\">" page &&
	grep -q "<option value=\"Data Recruiter (Acme)\">" page &&
	grep -q "<option value=\"Office Manager (Globex)\">" page &&
	grep -q "<option value=\"Coördinator Técnica (Northwind Analytics)\">" page &&
	grep -q "<label for=\"f-new_people\">" page
'

test_expect_success 'the labels as shown, the slug, a title: what rapport log saves' '
	http POST /log kind=interview summary="Panel one" opp="Northwind Analytics — Analytics Lead" \
		with="Coördinator Técnica (Northwind Analytics)" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /?moved=[0-9]*&from=lead&to=interviewing$" resp &&
	test "$(people_of northwind "Panel one")" = "Coördinator Técnica" &&
	rapport --json opp show northwind >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage interviewing &&
	http POST /log kind=call summary="Call two" opp="Analytics Lead" with=tecnica >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(people_of northwind "Call two")" = "Coördinator Técnica" &&
	http POST /log kind=email summary="Mail three" opp=acme \
		with="Data Recruiter (Acme), Office Manager (Acme)" >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(people_of acme "Mail three")" = "$(printf "Data Recruiter\nOffice Manager")" &&
	http POST /log kind=email summary="Mail four" opp=2 with="Office Manager (Globex)" with=recruiter \
		with=recruiter >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(people_of acme "Mail four")" = "$(printf "Data Recruiter\nOffice Manager")"
'

test_expect_success 'someone new is added in the opportunity'"'"'s organisation, and said' '
	http POST /log kind=interview summary="Met the CTO" opp=acme with="Team Mentor, recruiter" >resp &&
	test "$(head -1 resp)" = 303 &&
	new=$(rapport --json person show "Team Mentor" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	rapport --json person show "Team Mentor" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name Acme &&
	grep -q "^Location: /?added=$new&moved=[0-9]*&from=lead&to=interviewing$" resp &&
	test "$(people_of acme "Met the CTO")" = "$(printf "Data Recruiter\nTeam Mentor")" &&
	http GET "/?added=$new" >page &&
	grep -q "Added as new people: <a href=\"/people/$new\">Team Mentor</a> (at <a href=\"/orgs/" page
'

test_expect_success 'errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /log kind=call summary="x" with="Data Recruter" opp=acme >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-with\"" resp &&
	grep -q "did you mean Data Recruiter (Acme)?" resp &&
	grep -q "value=\"Data Recruter\"" resp &&
	http POST /log kind=call summary="x" with="Office Manager" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "matches 2 people" resp &&
	http POST /log kind=call summary="x" opp="Data Lead" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-opp\"" resp &&
	grep -q "is 2 opportunities: globex (Globex — Data Lead), acme (Acme — Data Lead); choose one" resp &&
	http POST /log kind=call summary="x" opp="Analytics Lead" with="Brand New Contact" chemistry=9 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-chemistry\"" resp &&
	http POST /log kind=call summary="x" opp="Nowhere — Nothing" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "no opportunity" resp &&
	test_eq "$(db_digest)" "$before" &&
	test_must_fail 1 rapport person show "Brand New Contact"
'

test_expect_success 'a close name is added when said to be someone new' '
	http POST /log kind=call summary="Call the recruter" with="Data Recruter" new_people=1 opp=globex >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json person show "Data Recruter" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name Globex
'

test_expect_success 'hostile names stay text' '
	http POST /log kind=note summary="y" with="<script>alert(1)</script>" >resp &&
	test "$(head -1 resp)" = 303 &&
	loc=$(sed -n "s/^Location: //p" resp | tr -d "\r") &&
	http GET "$loc" >page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	! grep -q "<script>alert" page
'

test_expect_success 'an interview logged on an application moves it on, and Today says so' '
	rapport opp add Umbrella "Data Lead" --slug umbrella --stage applied >/dev/null &&
	http POST /log kind=interview summary="First round" opp=umbrella >resp &&
	test "$(head -1 resp)" = 303 &&
	loc=$(sed -n "s/^Location: //p" resp) &&
	test "$loc" = "/?moved=$(rapport --json opp show umbrella | jv id)&from=applied&to=interviewing" &&
	rapport --json opp show umbrella >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage interviewing &&
	http GET "$loc" >page &&
	grep -q "moved from applied to interviewing, as what you logged shows" page &&
	http GET "/?moved=999&from=applied&to=interviewing" >page &&
	! grep -q "moved from" page
'

serve_stop
test_done
