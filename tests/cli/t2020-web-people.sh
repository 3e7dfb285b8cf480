#!/bin/sh
# The web UI's People, Organisations and Search pages: lists and their
# filters, a person's and an organisation's page with real data, the forms
# that add and change them (and their errors), 404s, and hostile values
# shown as text.
. "$(dirname "$0")/test-lib.sh"

XSS='<script>alert(1)</script>'
IMG='"><img src=x onerror=alert(1)>'

rapport org add Acme --website https://acme.example --location Berlin \
	--notes "Makes **anvils**." >/dev/null
rapport person add "a recruiter" --org Acme --title "Talent partner" \
	--email rec@acme.example --phone "+49 30 1234" --linkedin https://linkedin.example/in/rec \
	--tag recruiter --rapport 4 --cadence 30 \
	--notes "Met at a **meetup**. [click](javascript:alert(1))" >/dev/null
rapport person add "Hiring Manager" --org Globex --title "Engineering Manager" >/dev/null
rapport person add "$XSS" --org "$IMG" --title "$IMG" \
	--linkedin "https://x.example/\"onmouseover=alert(1)" --notes "$XSS" >/dev/null
rapport opp add Acme "Data Engineer" --slug job >/dev/null
rapport opp link job "a recruiter" --role recruiter >/dev/null
rapport log interview "First interview about the platform" --with "a recruiter" --opp job \
	--chemistry 4 >/dev/null
rapport log call "$XSS" --with 3 >/dev/null
# the thank-you's number: the recruiter's keep-in-touch note, made ahead
# when the cadence was set, took one before it
thanks=$(test_sql "SELECT id FROM task WHERE title = 'Thank-you note to a recruiter'")

serve_start

# inert FILE: no hostile value of this script got through unescaped.
inert() {
	hasnt "$1" "$XSS" "<img src=x" '"onmouseover' 'href="javascript:'
}

test_expect_success 'People lists everyone with organisation, title, rapport and next touch' '
	http GET /people >page &&
	test "$(head -1 page)" = 200 &&
	has page "<h1>People</h1>" "3 people." \
		"<a href=\"/people/1\">a recruiter</a>" "<a href=\"/orgs/1\">Acme</a>" \
		"Talent partner" "4/5" "Engineering Manager" \
		"<a class=\"badge tag\" href=\"/people?tag=recruiter\">recruiter</a>" \
		"<time datetime=\"2026-04-01\">" "href=\"/people/new\"" \
		"&lt;script&gt;alert(1)&lt;/script&gt;" &&
	inert page
'

test_expect_success 'the filter matches name, organisation and title, case-insensitively' '
	http GET "/people?q=ACME" >page && has page "1 person." "a recruiter" &&
	hasnt page "Hiring Manager" &&
	http GET "/people?q=engineering+globex" >page && has page "1 person." "Hiring Manager" &&
	http GET "/people?q=manager+acme" >page && has page "No one matches" &&
	http GET "/people?tag=Recruiter" >page && has page "1 person." "a recruiter" &&
	http GET "/people?q=hiring&tag=recruiter" >page && has page "No one matches" &&
	http GET "/people?q=%25" >page && has page "No one matches" &&
	http GET "/people?q=_" >page && has page "No one matches" &&
	http GET "/people?q=%3Cscript" >page && has page "1 person." &&
	has page "value=\"&lt;script\"" && inert page
'

# 200 more people, written straight into the database (200 runs of 'person add'
# take seconds); the server sees them in its next transaction.
test_expect_success 'a long list shows the first 200 with a note' '
	test_sql "INSERT INTO organisation (name, name_key, created_at, updated_at)
		VALUES ('"'"'Initrode'"'"', '"'"'initrode'"'"', '"'"'2026-03-01'"'"', '"'"'2026-03-01'"'"')" &&
	test_sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199),
		c(name) AS (SELECT '"'"'contact '"'"' || CASE WHEN i < 10 THEN '"'"'00'"'"'
			WHEN i < 100 THEN '"'"'0'"'"' ELSE '"'"''"'"' END || i FROM n)
		INSERT INTO person (name, name_key, org_id, created_at, updated_at)
		SELECT name, name, (SELECT id FROM organisation WHERE name_key = '"'"'initrode'"'"'),
			'"'"'2026-03-01'"'"', '"'"'2026-03-01'"'"' FROM c" &&
	http GET /people >page &&
	has page "Showing the first 200 of 203 people" &&
	test "$(grep -c "^<tr><td><a href=\"/people/" page)" = 200 &&
	http GET "/people?q=initrode" >page && has page "200 people." &&
	http GET "/people?q=contact+007" >page && has page "1 person." "contact 007"
'

test_expect_success 'a person page shows details, timeline, follow-ups, opportunities and quick forms' '
	http GET /people/1 >page &&
	test "$(head -1 page)" = 200 &&
	has page "<h1>a recruiter</h1>" "<a href=\"/orgs/1\">Acme</a>" \
		"href=\"mailto:rec@acme.example\"" "+49 30 1234" \
		"href=\"https://linkedin.example/in/rec\"" "every 30 days" \
		"<strong>meetup</strong>" \
		"First interview about the platform" "chemistry 4/5" \
		"Thank-you note to a recruiter" "href=\"/tasks/$thanks/draft\">Draft</a>" \
		"action=\"/tasks/$thanks/done\"" "name=\"back\" value=\"/people/1\"" \
		"<a href=\"/opportunities/job\">Acme: Data Engineer</a>" \
		"action=\"/log\"" "id=\"log-summary\"" "action=\"/tasks\"" "id=\"task-title\"" \
		"<option value=\"thank-you\">" "href=\"/people/1/edit\"" &&
	hasnt page "javascript:" &&
	test "$(grep -o "id=\"[a-z-]*\"" page | sort | uniq -d)" = ""
'

test_expect_success 'the quick forms post to /log and /tasks and come back to the person' '
	http POST /log kind=call direction=in summary="They called back" with=1 back=/people/1 >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /people/1$" resp &&
	http POST /tasks title="Send the portfolio" due=2026-03-05 kind=email with=1 opp=job \
		back=/people/1 >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /people/1$" resp &&
	http GET /people/1 >page &&
	has page "They called back" "they reached out" "Send the portfolio"
'

test_expect_success 'a long timeline shows the newest 20, and every one on request' '
	for i in $(seq 1 20); do
		rapport log note "Note number $i" --with "Hiring Manager" --at 2026-02-0$((i % 9 + 1)) \
			>/dev/null || return 1
	done &&
	http GET /people/2 >page &&
	test "$(grep -c "Note number" page)" = 20 && ! grep -q "The newest" page &&
	rapport log note "One more" --with "Hiring Manager" >/dev/null &&
	http GET /people/2 >page &&
	has page "The newest 20 of 21." "href=\"/people/2?all=1#h-timeline\"" &&
	test "$(grep -c "Note number" page)" = 19 &&
	http GET "/people/2?all=1" >page &&
	test "$(grep -c "Note number" page)" = 20 && ! grep -q "The newest" page
'

test_expect_success 'a hostile person is shown as text everywhere' '
	http GET /people/3 >page && test "$(head -1 page)" = 200 &&
	has page "&lt;script&gt;alert(1)&lt;/script&gt;" "&quot;&gt;&lt;img src=x" &&
	inert page &&
	http GET /orgs >page && inert page &&
	http GET /people/3/edit >page && inert page
'

test_expect_success 'unknown people and organisations get 404' '
	test "$(http_status GET /people/999)" = 404 &&
	test "$(http_status GET /people/abc)" = 404 &&
	test "$(http_status GET /people/0)" = 404 &&
	test "$(http_status GET /people/999/edit)" = 404 &&
	test "$(http_status POST /people/999/edit name=x)" = 404 &&
	test "$(http_status GET /orgs/999)" = 404 &&
	test "$(http_status GET /orgs/-1)" = 404 &&
	test "$(http_status POST /orgs/999/edit name=x)" = 404
'

test_expect_success 'a GET never changes data' '
	before=$(db_digest) &&
	for p in /people /people/1 /people/new "/people/new?org=Newco" /people/1/edit /orgs \
		/orgs/1 /orgs/new /orgs/1/edit "/search?q=acme"; do
		test "$(http_status GET "$p")" = 200 || { echo "$p" >&2; return 1; }
	done &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the new-person form adds a person, creating the organisation' '
	http GET "/people/new?org=Umbrella" >page && has page "value=\"Umbrella\"" &&
	http POST /people name="a peer" org=Umbrella title="Staff engineer" email=peer@umbrella.example \
		phone=555 linkedin=https://linkedin.example/in/peer rapport=3 cadence=14 \
		tags="peer, python data" notes="Knows *everyone*." >resp &&
	test "$(head -1 resp)" = 303 &&
	id=$(sed -n "s|^Location: /people/\([0-9]*\)$|\1|p" resp) && test -n "$id" &&
	rapport --json person show "$id" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq name "a peer" organisation.name Umbrella \
		title "Staff engineer" email peer@umbrella.example rapport 3 cadence 14 \
		tags "[\"data\", \"peer\", \"python\"]" notes "Knows *everyone*."
'

test_expect_success 'a wrong new-person form comes back with each error beside its field' '
	before=$(db_digest) &&
	http POST /people name= org=Newco email=not-an-address linkedin=ftp://x rapport=9 \
		cadence=0 tags="ok, bad!tag" notes="$XSS" >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "id=\"e-name\"" "id=\"e-email\"" "id=\"e-linkedin\"" "id=\"e-rapport\"" \
		"id=\"e-cadence\"" "id=\"e-tags\"" "value=\"Newco\"" \
		"&lt;script&gt;alert(1)&lt;/script&gt;</textarea>" &&
	inert resp &&
	test "$(db_digest)" = "$before" &&
	! rapport org show Newco >/dev/null 2>&1
'

test_expect_success 'the edit form changes a person; an empty field clears it' '
	http GET /people/2/edit >page &&
	has page "value=\"Hiring Manager\"" "value=\"Globex\"" "value=\"Engineering Manager\"" &&
	http POST /people/2/edit name="Hiring Manager" org=Globex title="Director of Engineering" \
		email=hm@globex.example rapport=5 cadence= tags=boss notes= >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /people/2$" resp &&
	rapport --json person show 2 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq title "Director of Engineering" \
		email hm@globex.example rapport 5 cadence None tags "[\"boss\"]"
'

test_expect_success 'a wrong edit comes back with its error and changes nothing' '
	before=$(db_digest) &&
	http POST /people/2/edit name="Hiring Manager" org="$(printf "a\tb")" \
		email="hm@@globex" cadence=99999 >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "<h1>Edit Hiring Manager</h1>" "id=\"e-email\"" "id=\"e-cadence\"" \
		"value=\"hm@@globex\"" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'Organisations lists and filters organisations with their counts' '
	http GET /orgs >page && test "$(head -1 page)" = 200 &&
	has page "<h1>Organisations</h1>" "<a href=\"/orgs/1\">Acme</a>" "Berlin" \
		"href=\"https://acme.example\"" "Globex" "Initrode" &&
	grep -q "<td class=\"num\">200</td>" page &&
	http GET "/orgs?q=berlin" >page && has page "1 organisation." "Acme" &&
	hasnt page "Globex" &&
	http GET "/orgs?q=nowhere" >page && has page "No organisation matches"
'

test_expect_success 'an organisation page shows its people, opportunities and notes' '
	http GET /orgs/1 >page && test "$(head -1 page)" = 200 &&
	has page "<h1>Acme</h1>" "Berlin" "href=\"https://acme.example\"" \
		"<strong>anvils</strong>" "<a href=\"/people/1\">a recruiter</a>" \
		"<a href=\"/opportunities/job\">Data Engineer</a>" "interviewing" \
		"href=\"/people/new?org=Acme\"" "href=\"/orgs/1/edit\""
'

test_expect_success 'the organisation forms add and change one' '
	http POST /orgs name="Stark Industries" website=https://stark.example location=Malibu \
		notes="Big." >resp &&
	test "$(head -1 resp)" = 303 &&
	id=$(sed -n "s|^Location: /orgs/\([0-9]*\)$|\1|p" resp) && test -n "$id" &&
	rapport --json org show "$id" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq name "Stark Industries" website https://stark.example \
		location Malibu &&
	http POST /orgs/$id/edit name="Stark Industries" website= location="New York" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json org show "$id" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq website None location "New York" notes None
'

test_expect_success 'a wrong organisation form comes back with its errors' '
	before=$(db_digest) &&
	http POST /orgs name=acme website="javascript:alert(1)" >resp &&
	test "$(head -1 resp)" = 400 && has resp "id=\"e-website\"" && inert resp &&
	http POST /orgs name=ACME >resp &&
	test "$(head -1 resp)" = 400 && has resp "id=\"e-name\"" "already exists" &&
	http POST /orgs/1/edit name=Globex >resp &&
	test "$(head -1 resp)" = 400 && has resp "<h1>Edit Acme</h1>" "id=\"e-name\"" &&
	http POST /orgs name= >resp &&
	test "$(head -1 resp)" = 400 && has resp "id=\"e-name\"" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'Search groups its hits by kind, each linked to its page' '
	http GET "/search?q=acme" >page && test "$(head -1 page)" = 200 &&
	has page "<h2 id=\"h-person\">People" "<a href=\"/people/1\">a recruiter</a>" \
		"<h2 id=\"h-organisation\">Organisations" "<a href=\"/orgs/1\">Acme</a>" &&
	http GET "/search?q=data+engineer" >page &&
	has page "<h2 id=\"h-opportunity\">Opportunities" \
		"<a href=\"/opportunities/job\">Data Engineer</a>" &&
	http GET "/search?q=platform" >page &&
	has page "<h2 id=\"h-interaction\">Interactions" \
		"<a href=\"/opportunities/job\">First interview about the platform</a>" &&
	http GET "/search?q=thank-you+recruiter" >page &&
	has page "<a href=\"/tasks/$thanks/draft\">Thank-you note to a recruiter</a>" &&
	http GET "/search?q=alert" >page && has page "&lt;script&gt;" && inert page &&
	http GET "/search?q=nothing-like-it" >page && has page "Nothing matches"
'

test_expect_success 'an empty search prompts; a query the index cannot parse is only words' '
	http GET /search >page && test "$(head -1 page)" = 200 && has page "Type a few words" &&
	http GET "/search?q=+" >page && test "$(head -1 page)" = 200 && has page "Type a few words" &&
	for q in %22 "*" "NEAR(" "acme+NOT" "a+AND+OR" "%22acme" "col:acme" "^acme" "(" "-" \
		"%7B%7D"; do
		test "$(http_status GET "/search?q=$q")" = 200 || { echo "q=$q" >&2; return 1; }
	done &&
	http GET "/search?q=%22" >page && has page "no words to search for" &&
	http GET "/search?q=(acme)" >page && has page "<a href=\"/orgs/1\">Acme</a>" &&
	http GET "/search?q=%22acme%22+OR" >page && has page "Nothing matches"
'

test_expect_success 'the quick forms pick an opportunity by organisation and title, theirs first' '
	rapport opp add Globex "Platform Lead" --slug globex-lead >/dev/null &&
	http GET /people/1 >page &&
	has page "<optgroup label=\"Their opportunities\"><option value=\"job\">Acme — Data Engineer</option></optgroup><optgroup label=\"Other opportunities\"><option value=\"globex-lead\">Globex — Platform Lead</option></optgroup>" &&
	test "$(grep -c "Their opportunities" page)" = 2 &&
	http GET /people/2 >page &&
	has page "<option value=\"\" selected>(none)</option>" \
		"<option value=\"job\">Acme — Data Engineer</option>" \
		"<option value=\"globex-lead\">Globex — Platform Lead</option>" &&
	hasnt page "optgroup"
'

test_expect_success 'the follow-up page shown after a mistake asks for no short name or id' '
	http POST /tasks title="Send the portfolio" due=someday kind=email with=1 opp=globex-lead \
		back=/people/1 >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "With <a href=\"/people/1\">a recruiter</a>" "name=\"with\" value=\"1\"" \
		"<option value=\"globex-lead\" selected>Globex — Platform Lead</option>" \
		"<optgroup label=\"Their opportunities\"><option value=\"job\">" &&
	hasnt resp "short name or id" "a name or an id" &&
	http POST /tasks title="Send the portfolio" due=someday with=nobody-known back=/ >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "With (their name; empty: no one)" "value=\"nobody-known\"" &&
	http POST /tasks title="Send the portfolio" due=2026-03-05 with=1 opp=globex-lead \
		back=/people/1 >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json task list >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" grep -q "globex-lead"
'

test_done
