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
	rapport --json search "$1" | python3 -c '
import json, sys
print(json.dumps([r for r in json.load(sys.stdin) if r["type"] == "interaction"][0]))'
}

export RAPPORT_NOW=2026-03-02T09:00
rapport opp add "Northwind Analytics" "Analytics Lead" --slug northwind >/dev/null &&
rapport opp add Acme "Data Lead" --slug acme >/dev/null &&
rapport opp add Globex "Data Lead" --slug globex >/dev/null &&
rapport opp add Initech "Old Job" --slug initech --stage rejected >/dev/null &&
rapport person add "John Smith" --org Acme >/dev/null &&
rapport person add "Sam Lee" --org Acme >/dev/null &&
rapport person add "Sam Lee" --org Globex >/dev/null &&
rapport person add "Zoë Fernández" --org "Northwind Analytics" >/dev/null &&
rapport opp link acme "John Smith" --role hiring-manager >/dev/null || exit 1

# the people of interaction ID, "name (org)" a line, sorted
people_of() {
	rapport --json opp show "$1" | python3 -c '
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
	grep -q "<option value=\"John Smith (Acme)\">" page &&
	grep -q "<option value=\"Sam Lee (Globex)\">" page &&
	grep -q "<option value=\"Zoë Fernández (Northwind Analytics)\">" page &&
	grep -q "<label for=\"f-new_people\">" page
'

test_expect_success 'the labels as shown, the slug, a title: what rapport log saves' '
	http POST /log kind=interview summary="Panel one" opp="Northwind Analytics — Analytics Lead" \
		with="Zoë Fernández (Northwind Analytics)" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /$" resp &&
	test "$(people_of northwind "Panel one")" = "Zoë Fernández" &&
	rapport --json opp show northwind | jv_eq stage interviewing &&
	http POST /log kind=call summary="Call two" opp="Analytics Lead" with=fernandez >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(people_of northwind "Call two")" = "Zoë Fernández" &&
	http POST /log kind=email summary="Mail three" opp=acme \
		with="John Smith (Acme), Sam Lee (Acme)" >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(people_of acme "Mail three")" = "$(printf "John Smith\nSam Lee")" &&
	http POST /log kind=email summary="Mail four" opp=2 with="Sam Lee (Globex)" with=john \
		with=john >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(people_of acme "Mail four")" = "$(printf "John Smith\nSam Lee")"
'

test_expect_success 'someone new is added in the opportunity'"'"'s organisation, and said' '
	http POST /log kind=interview summary="Met the CTO" opp=acme with="Priya Patel, john" >resp &&
	test "$(head -1 resp)" = 303 &&
	new=$(rapport --json person show "Priya Patel" | jv id) &&
	rapport --json person show "Priya Patel" | jv_eq organisation.name Acme &&
	grep -q "^Location: /?added=$new$" resp &&
	test "$(people_of acme "Met the CTO")" = "$(printf "John Smith\nPriya Patel")" &&
	http GET "/?added=$new" >page &&
	grep -q "Added as new people: <a href=\"/people/$new\">Priya Patel</a> (at <a href=\"/orgs/" page
'

test_expect_success 'errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /log kind=call summary="x" with="Jon Smith" opp=acme >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-with\"" resp &&
	grep -q "did you mean John Smith (Acme)?" resp &&
	grep -q "value=\"Jon Smith\"" resp &&
	http POST /log kind=call summary="x" with="Sam Lee" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "matches 2 people" resp &&
	http POST /log kind=call summary="x" opp="Data Lead" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-opp\"" resp &&
	grep -q "is 2 opportunities: globex (Globex — Data Lead), acme (Acme — Data Lead); choose one" resp &&
	http POST /log kind=call summary="x" opp="Analytics Lead" with="Zed New" chemistry=9 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-chemistry\"" resp &&
	http POST /log kind=call summary="x" opp="Nowhere — Nothing" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "no opportunity" resp &&
	test_eq "$(db_digest)" "$before" &&
	test_must_fail 1 rapport person show "Zed New"
'

test_expect_success 'a close name is added when said to be someone new' '
	http POST /log kind=call summary="Call Jon" with="Jon Smith" new_people=1 opp=globex >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json person show "Jon Smith" | jv_eq organisation.name Globex
'

test_expect_success 'hostile names stay text' '
	http POST /log kind=note summary="y" with="<script>alert(1)</script>" >resp &&
	test "$(head -1 resp)" = 303 &&
	loc=$(sed -n "s/^Location: //p" resp | tr -d "\r") &&
	http GET "$loc" >page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	! grep -q "<script>alert" page
'

serve_stop
test_done
