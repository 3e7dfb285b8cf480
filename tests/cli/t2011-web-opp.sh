#!/bin/sh
# The web UI's Opportunity page: details, people, timeline, wants, offer and
# follow-ups as the command line made them; the forms to add and change an
# opportunity and to link a person, their errors, and hostile values.
. "$(dirname "$0")/test-lib.sh"

# section ID: the HTML of the <section> with id="ID" or aria-labelledby="h-ID" on stdin.
section() {
	awk -v a="id=\"$1\"" -v b="aria-labelledby=\"h-$1\"" '
		/^<section/ && (index($0, a) || index($0, b)) { on = 1 }
		on { print }
		on && /<\/section>/ { exit }
	'
}

# field_value NAME: the value the form's text field NAME shows on the page on stdin.
field_value() {
	grep -o "<input [^>]*id=\"f-$1\"[^>]*>" | sed -n '1{
		s/.* value="\([^"]*\)".*/\1/p
		t
		s/.*//p
	}' | sed 's/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
}

on 2026-02-16 rapport opp add Acme "Data Lead" --slug acme --level manager \
	--source "a referral" --url https://jobs.example.com/42 --salary-target 95k \
	--notes 'Small **data** team. [click](javascript:alert(1)) <script>alert(1)</script>' \
	>/dev/null &&
on 2026-02-16 rapport opp edit acme --salary-range 80000-90000 >/dev/null &&
rapport person add "a recruiter" --org Acme >/dev/null &&
rapport person add "Hiring Manager" --org Acme --rapport 4 >/dev/null &&
on 2026-02-17 rapport opp link acme "a recruiter" --role recruiter >/dev/null &&
on 2026-02-20T10:00 rapport log call "Screen with the recruiter" --with "a recruiter" \
	--opp acme >/dev/null &&
on 2026-02-23 rapport opp move acme interviewing --note "after the screen" >/dev/null &&
on 2026-02-25T14:00 rapport log interview "Panel interview" --with "Hiring Manager" \
	--opp acme --notes 'Talked about *the roadmap*.' >/dev/null &&
rapport want add "Remote work" --weight 3 --must >/dev/null &&
rapport want add "Room to grow" --weight 2 >/dev/null &&
rapport want mark acme "Remote work" met --by "Hiring Manager" --note "two days a week" \
	>/dev/null &&
on 2026-02-27 rapport offer add acme --base 92k --bonus 5k --deadline 2026-03-09 \
	--level senior >/dev/null &&
on 2026-02-28 rapport offer ask acme --base 98k --text "asked for the lead title" >/dev/null &&
on 2026-03-01 rapport offer reply acme --base 95k >/dev/null &&
rapport task add "Send the references" --due 2026-03-05 --opp acme >/dev/null &&
rapport opp add '<script>alert(1)</script>' '"><img src=x onerror=alert(1)>' --slug hostile \
	--source '<b>bold</b>' --notes '[x](javascript:alert(1)) "><img src=x onerror=alert(1)>' \
	>/dev/null || exit 1

serve_start

test_expect_success 'the page shows the details as the command line made them' '
	http GET /opportunities/acme >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Data Lead</h1>" page &&
	section details <page >s &&
	grep -q "<dt>Organisation</dt><dd><a href=\"/orgs/1\">Acme</a></dd>" s &&
	grep -q "<dt>Level applied for</dt><dd>manager</dd>" s &&
	grep -q "<dt>Level offered</dt><dd>senior</dd>" s &&
	grep -q "level mismatch</span> they discuss senior, below manager" s &&
	grep -q "<dt>Source</dt><dd>a referral</dd>" s &&
	grep -q "<a href=\"https://jobs.example.com/42\" rel=\"noopener noreferrer\" target=\"_blank\">" s &&
	grep -q "<dt>Salary target</dt><dd>95,000</dd>" s &&
	grep -q "<dt>Range disclosed</dt><dd>80,000 – 90,000</dd>" s &&
	grep -q "<dt>Salary offered</dt><dd>95,000</dd>" s &&
	grep -q "<dt>Stage</dt><dd>negotiating, since" s &&
	grep -q "<form method=\"post\" action=\"/opportunities/acme/move\"" s &&
	grep -q "<label for=\"f-stage\">Stage</label>" s &&
	grep -q "<option value=\"negotiating\" selected>" s
'

test_expect_success 'notes are Markdown, with raw HTML and javascript: links dropped' '
	section notes <page >s &&
	grep -q "Small <strong>data</strong> team." s &&
	! grep -qi "javascript:" s &&
	! grep -q "<script>" s
'

test_expect_success 'the people and their roles, with a form to link one more' '
	section people <page >s &&
	grep -q "<a href=\"/people/1\">a recruiter</a> <span class=\"badge \">recruiter</span>" s &&
	grep -q "<a href=\"/people/2\">Hiring Manager</a> <span class=\"badge \">interviewer</span>" s &&
	grep -q "<form method=\"post\" action=\"/opportunities/acme/people\"" s &&
	grep -q "<label for=\"f-person\">" s && grep -q "<label for=\"f-role\">Role</label>" s
'

test_expect_success 'the timeline merges interactions and stage changes, newest first' '
	section timeline <page >s &&
	python3 -c "
import re, sys
s = open(\"s\").read()
items = [re.sub(r\"<[^>]+>\", \"\", m) for m in
         re.findall(r\"<p class=\\\"tl-summary\\\">(.*?)</p>\", s)]
want = [\"Moved from offer to negotiating\", \"Moved from interviewing to offer\", \"Panel interview\",
        \"Moved from conversation to interviewing\", \"Screen with the recruiter\",
        \"Moved from lead to conversation\", \"Added as lead\"]
sys.exit(0 if items == want else \"got %r\" % items)
" &&
	grep -q "<p class=\"why\">after the screen</p>" s &&
	grep -q "with <a href=\"/people/2\">Hiring Manager</a>" s &&
	grep -q "Talked about <em>the roadmap</em>." s
'

test_expect_success 'the wants with their status, evidence and the fit' '
	section wants <page >s &&
	grep -q "Remote work <span class=\"meta\">weight 3, must-have</span></td><td><span class=\"badge good\">met</span>" s &&
	grep -q "met, said <a href=\"/people/2\">Hiring Manager</a>: two days a week" s &&
	grep -q "Room to grow.*<span class=\"badge unknown\">unknown</span>" s &&
	grep -q "<span class=\"badge good\">100%</span> <span class=\"meta\">1 of 2 wants known (60% of their weight)</span>" s &&
	grep -q "href=\"/wants?opp=acme#mark\">Record what you learnt</a>" s
'

# Bug (issue 18): this page coloured a want's status its own way, a vague
# answer and an unknown alike as a plain label; the Wants page shows vague
# as a warning and an unmet must in bold (ui_want_status_class).
test_expect_success 'a want'"'"'s status coloured as on the Wants page' '
	rapport want mark hostile "Room to grow" vague >/dev/null &&
	rapport want mark hostile "Remote work" unmet >/dev/null &&
	http GET /opportunities/hostile >page2 &&
	section wants <page2 >s &&
	grep -q "Room to grow.*<span class=\"badge warn\">vague</span>" s &&
	grep -q "Remote work.*<span class=\"badge bad strong\">unmet</span>" s
'

test_expect_success 'the offer and its negotiation rounds, read only' '
	section offer <page >s &&
	grep -q "<dt>Base</dt><dd>95,000</dd>" s &&
	grep -q "<dt>Bonus</dt><dd>5,000</dd>" s &&
	grep -q "<dt>Level</dt><dd>senior</dd>" s &&
	grep -q "<dt>Deadline</dt><dd><time datetime=\"2026-03-09\">" s &&
	grep -q "<td>you asked</td><td>base 98,000<p class=\"why\">asked for the lead title</p>" s &&
	grep -q "<td>they replied</td><td>base 95,000" s &&
	grep -q "<a href=\"/offers/compare\">Offers compare</a>" s &&
	grep -q "href=\"/offers/compare?round=1#round\">Record a negotiation round</a>" s &&
	! grep -q "<form" s
'

test_expect_success 'the open follow-ups, with a draft for those with a letter, and the links' '
	section tasks <page >s &&
	grep -q "Send the references" s &&
	rapport --json opp show acme >opp.json &&
	id=$(python3 -c "import json; print([t[\"id\"] for t in json.load(open(\"opp.json\"))[\"tasks\"] if t[\"template\"]][0])") &&
	grep -q "<a class=\"button secondary\" href=\"/tasks/$id/draft\">Draft</a>" s &&
	grep -q "href=\"/prep/acme\">Prep sheet</a>" page &&
	grep -q "href=\"/opportunities/acme/debrief\">Debrief</a>" page &&
	grep -q "href=\"/opportunities/acme/edit\">Edit</a>" page
'

test_expect_success 'hostile values are escaped, their notes inert' '
	http GET /opportunities/hostile >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>" page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;</a>" page &&
	grep -q "<dd>&lt;b&gt;bold&lt;/b&gt;</dd>" page &&
	! grep -q "<img src=x" page && ! grep -q "<script>alert" page &&
	! grep -qi "href=\"javascript:" page &&
	grep -q "href=\"/offers/compare?add=hostile#add\">Add the offer</a>" page &&
	http GET /opportunities/hostile/edit >page &&
	test "$(field_value title <page)" = "\"><img src=x onerror=alert(1)>" &&
	! grep -q "<img src=x" page && ! grep -q "<script>alert" page
'

test_expect_success 'unknown opportunities are a 404' '
	before=$(db_digest) &&
	test "$(http_status GET /opportunities/no-such-job)" = 404 &&
	test "$(http_status GET /opportunities/999)" = 404 &&
	test "$(http_status GET /opportunities/no-such-job/edit)" = 404 &&
	test "$(http_status POST /opportunities/no-such-job/edit title=x org=y)" = 404 &&
	test "$(http_status POST /opportunities/no-such-job/people person=1)" = 404 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'reading the pages writes nothing' '
	before=$(db_digest) &&
	http_status GET /opportunities/acme >/dev/null &&
	http_status GET /opportunities/new >/dev/null &&
	http_status GET /opportunities/acme/edit >/dev/null &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the new opportunity form has a labelled field for each option' '
	http GET /opportunities/new >page &&
	test "$(head -1 page)" = 200 &&
	for f in org title slug stage level level_offered source url salary_target salary_low \
		salary_high notes; do
		grep -q "<label for=\"f-$f\">" page || exit 1
	done &&
	grep -q "<form method=\"post\" action=\"/opportunities\" class=\"stack\">" page &&
	grep -q "<button type=\"submit\">Add the opportunity</button>" page
'

test_expect_success 'adding one: the organisation is added, the stage rules run' '
	http POST /opportunities org="Nimbus Labs" title="Platform Lead" stage=offer \
		level=lead source="a meetup" url=https://nimbus.example/jobs salary_target=110k \
		salary_low=100000 salary_high=120k notes="Met *them* at a meetup" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /opportunities/nimbus-labs-platform-lead$" resp &&
	rapport --json opp show nimbus-labs-platform-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name "Nimbus Labs" \
		title "Platform Lead" stage offer level_applied lead source "a meetup" \
		url https://nimbus.example/jobs salary_target 110000 salary_range.low 100000 \
		salary_range.high 120000 notes "Met *them* at a meetup" level_offered None &&
	rapport --json task list >tasks.json &&
	python3 -c "
import json, sys
ts = [t for t in json.load(open(\"tasks.json\"))
      if t[\"opportunity\"] and t[\"opportunity\"][\"slug\"] == \"nimbus-labs-platform-lead\"]
sys.exit(0 if any(t[\"origin\"].startswith(\"offer.\") for t in ts) else \"no offer tasks\")
"
'

test_expect_success 'adding one with a slug of its own, into an organisation that exists' '
	http POST /opportunities org=acme title="Second role" slug=acme-two >resp &&
	grep -q "^Location: /opportunities/acme-two$" resp &&
	rapport --json opp show acme-two >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.id 1 stage lead
'

test_expect_success 'adding one below the level applied for runs the mismatch rule' '
	http POST /opportunities org=Lowball title="Data Role" slug=lowball level=manager \
		level_offered=senior >resp &&
	test "$(head -1 resp)" = 303 &&
	task_is "Decide how to answer Lowball about the senior level for Data Role" \
		origin mismatch opportunity lowball
'

# add_fails FIELD NAME=VALUE...: the form comes back with 400 and the error
# beside FIELD (the caller checks that nothing was written).
add_fails() {
	_field=$1
	shift
	http POST /opportunities "$@" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "<div class=\"field has-error\"><label for=\"f-$_field\">" resp &&
	grep -q "id=\"e-$_field\"" resp &&
	grep -q "class=\"form-errors\"" resp
}

test_expect_success 'adding one: each bad field is refused beside it, nothing written' '
	before=$(db_digest) &&
	add_fails title org="Fresh Org" title= &&
	field_value org <resp >v && test "$(cat v)" = "Fresh Org" &&
	add_fails org org= title=Role &&
	add_fails url org="Fresh Org" title=Role url="javascript:alert(1)" &&
	add_fails url org="Fresh Org" title=Role url="ftp://files.example" &&
	add_fails slug org="Fresh Org" title=Role slug="Not A Slug" &&
	add_fails slug org="Fresh Org" title=Role slug=acme &&
	grep -q "the short name [^ ]*acme[^ ]* is taken" resp &&
	add_fails slug org="Fresh Org" title=Role slug=12 &&
	add_fails stage org="Fresh Org" title=Role stage=hired &&
	add_fails salary_target org="Fresh Org" title=Role salary_target=lots &&
	add_fails salary_high org="Fresh Org" title=Role salary_low=90k &&
	add_fails salary_low org="Fresh Org" title=Role salary_low=90k salary_high=80k &&
	add_fails level org="Fresh Org" title=Role level="$(printf "a\tb")" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the edit form shows the current values' '
	http GET /opportunities/acme/edit >page &&
	test "$(head -1 page)" = 200 &&
	test "$(field_value org <page)" = Acme &&
	test "$(field_value title <page)" = "Data Lead" &&
	test "$(field_value slug <page)" = acme &&
	test "$(field_value salary_target <page)" = 95000 &&
	test "$(field_value salary_low <page)" = 80000 &&
	test "$(field_value salary_offered <page)" = 95000 &&
	grep -q "Small \*\*data\*\* team." page
'

test_expect_success 'editing saves every field; an empty one clears it' '
	rapport --json opp show acme >before.json &&
	http POST /opportunities/acme/edit org="Acme Group" title="Data Lead (BI)" slug=acme-bi \
		level=manager level_offered=senior source= url=https://jobs.example.com/43 \
		salary_target=96k salary_low= salary_high= salary_offered=95000 notes="New notes" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /opportunities/acme-bi$" resp &&
	rapport --json opp show acme-bi >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name "Acme Group" title "Data Lead (BI)" \
		stage negotiating source None url https://jobs.example.com/43 salary_target 96000 \
		salary_range None salary_offered 95000 notes "New notes" &&
	test "$(http_status GET /opportunities/acme)" = 404
'

test_expect_success 'a level changed in the edit form runs the mismatch rule' '
	rapport opp add Orbit Analyst --slug orbit --level "senior analyst" >/dev/null &&
	http POST /opportunities/orbit/edit org=Orbit title=Analyst slug=orbit \
		level="senior analyst" level_offered="junior analyst" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json task list >tasks.json &&
	grep -q "Decide how to answer Orbit about the junior analyst level" tasks.json
'

test_expect_success 'editing with a bad field is refused beside it, nothing written' '
	before=$(db_digest) &&
	http POST /opportunities/acme-bi/edit org="Acme Group" title= slug=acme-bi >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-title\"" resp &&
	http POST /opportunities/acme-bi/edit org="Acme Group" title=x slug=orbit >resp &&
	test "$(head -1 resp)" = 400 && grep -q "id=\"e-slug\"" resp &&
	http POST /opportunities/acme-bi/edit org="Acme Group" title=x slug= >resp &&
	test "$(head -1 resp)" = 400 && grep -q "id=\"e-slug\"" resp &&
	http POST /opportunities/acme-bi/edit org="Acme Group" title=x slug=acme-bi \
		salary_offered=-5 >resp &&
	test "$(head -1 resp)" = 400 && grep -q "id=\"e-salary_offered\"" resp &&
	test "$(field_value title <resp)" = x &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'linking a person with a role' '
	http POST /opportunities/acme-bi/people person="Hiring Manager" role=hiring-manager >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /opportunities/acme-bi#people$" resp &&
	rapport --json opp show acme-bi >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq people.1.name "Hiring Manager" \
		people.1.role hiring-manager &&
	http POST /opportunities/orbit/people person=1 >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json opp show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq people.0.name "a recruiter" people.0.role other
'

test_expect_success 'linking nobody, a name close to someone else'"'"'s or a bad role is refused, nothing written' '
	before=$(db_digest) &&
	http POST /opportunities/acme-bi/people person= role=peer >resp &&
	test "$(head -1 resp)" = 400 && grep -q "id=\"e-person\"" resp &&
	grep -q "<h1>Data Lead (BI)</h1>" resp &&
	http POST /opportunities/acme-bi/people person="Hiring Managr" role=peer >resp &&
	test "$(head -1 resp)" = 400 && grep -q "id=\"e-person\"" resp &&
	has resp "Hiring Manager" &&
	test "$(field_value person <resp)" = "Hiring Managr" &&
	http POST /opportunities/acme-bi/people person="Someone New" role=boss >resp &&
	test "$(head -1 resp)" = 400 && grep -q "id=\"e-role\"" resp &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'linking someone not in rapport yet adds them, in the opportunity'"'"'s organisation' '
	http GET /opportunities/acme-bi >page &&
	has page "Someone not in rapport yet is added, in Acme Group." &&
	hasnt page "Add the person</a> first" &&
	http POST /opportunities/acme-bi/people person="Team Peer" role=peer >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json person show "Team Peer" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" jv_eq organisation.name "Acme Group" opportunities.0.role peer
'

test_expect_success 'a hostile title added through the form comes back escaped' '
	http POST /opportunities org="\"><script>alert(1)</script>" \
		title="<img src=x onerror=alert(1)>" slug=evil \
		notes="[x](javascript:alert(1)) <script>alert(2)</script>" >resp &&
	test "$(head -1 resp)" = 303 &&
	http GET /opportunities/evil >page &&
	grep -q "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>" page &&
	grep -q "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	! grep -q "<img src=x" page && ! grep -q "<script>alert" page &&
	! grep -qi "href=\"javascript:" page &&
	http GET /pipeline >page &&
	! grep -q "<img src=x" page && ! grep -q "<script>alert" page
'

# Bug (issue 18): the page showed the newest 50 interactions and no way to
# see the rest; now the newest 20, as 'opp show' and the person page, and
# every one on request.
test_expect_success 'a long timeline shows the newest 20, and every one on request' '
	rapport opp add Acme "Long Run" --slug long-run >/dev/null &&
	for i in $(seq 1 21); do
		rapport log note "Note number $i" --with "Hiring Manager" --opp long-run \
			--at 2026-02-0$((i % 9 + 1)) >/dev/null || return 1
	done &&
	http GET /opportunities/long-run >page &&
	has page "The newest 20 of 21 interactions." \
		"href=\"/opportunities/long-run?all=1#h-timeline\">Show every one</a>" &&
	test "$(grep -c "Note number" page)" = 20 &&
	http GET "/opportunities/long-run?all=1" >page &&
	test "$(grep -c "Note number" page)" = 21 && ! grep -q "The newest" page
'

serve_stop
stopped=$?
test_expect_success 'the server stops cleanly' '
	test $stopped = 0
'

test_done
