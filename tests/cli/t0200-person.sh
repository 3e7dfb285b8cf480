#!/bin/sh
# People: add, list, show, edit; references by id, full name or a unique part.
. "$(dirname "$0")/test-lib.sh"

# What rapport does on its own; the playbooks have tests of their own (t12xx).
disable_playbooks

test_expect_success 'person add with every field' '
	rapport org add "Acme Analytics" >/dev/null &&
	rapport --json person add "Director of Analytics" --org "Acme Analytics" --title "Head of Data" \
		--email director@acme.example --phone "+1 555 0100" \
		--linkedin https://www.linkedin.com/in/director-of-analytics-example \
		--rapport 4 --cadence 30 --tag recruiter --tag data --notes "Met at a meetup" >out &&
	test_eq "$(jv name <out)" "Director of Analytics" &&
	test_eq "$(jv organisation.name <out)" "Acme Analytics" &&
	test_eq "$(jv organisation.id <out)" 1 &&
	test_eq "$(jv title <out)" "Head of Data" &&
	test_eq "$(jv email <out)" "director@acme.example" &&
	test_eq "$(jv phone <out)" "+1 555 0100" &&
	test_eq "$(jv linkedin <out)" "https://www.linkedin.com/in/director-of-analytics-example" &&
	test_eq "$(jv rapport <out)" 4 &&
	test_eq "$(jv cadence <out)" 30 &&
	test_eq "$(jlen tags <out)" 2 &&
	jv tags <out | grep -q "\"recruiter\"" && jv tags <out | grep -q "\"data\"" &&
	test_eq "$(jv notes <out)" "Met at a meetup"
'

test_expect_success 'person add matches the organisation case-insensitively' '
	rapport --json person add "Panel Interviewer" --org "ACME analytics" >out &&
	test_eq "$(jv organisation.id <out)" 1 &&
	test_eq "$(rapport --json org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 1
'

test_expect_success 'person add creates an organisation that is new' '
	rapport person add "People Partner" --org "Globex Data" >out &&
	grep -q "People Partner (Globex Data)" out &&
	rapport --json org show "globex data" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Globex Data"
'

test_expect_success 'person add without options leaves fields empty' '
	rapport --json person add "Executive Sponsor" >out &&
	test_eq "$(jv organisation <out)" "None" &&
	test_eq "$(jv rapport <out)" "None" &&
	test_eq "$(jv cadence <out)" "None" &&
	test_eq "$(jlen tags <out)" 0
'

test_expect_success 'a repeated tag is kept once' '
	rapport --json person add "Industry Mentor" --tag berlin --tag berlin >out &&
	test_eq "$(jlen tags <out)" 1
'

test_expect_success 'person list prints everyone by name' '
	rapport person list >out &&
	test_eq "$(wc -l <out | tr -d " ")" 5 &&
	sed -n 1p out | grep -q "Director of Analytics" &&
	sed -n 2p out | grep -q "Executive Sponsor" &&
	sed -n 5p out | grep -q "People Partner"
'

test_expect_success 'person list --org shows only that organisation' '
	rapport --json person list --org "acme analytics" >out &&
	test_eq "$(jlen "" <out)" 2 &&
	test_eq "$(jv 0.name <out)" "Director of Analytics" &&
	test_eq "$(jv 1.name <out)" "Panel Interviewer"
'

test_expect_success 'person list --tag shows only people with that tag' '
	rapport --json person list --tag recruiter >out &&
	test_eq "$(jlen "" <out)" 1 &&
	test_eq "$(jv 0.name <out)" "Director of Analytics"
'

test_expect_success 'person list --org with an unknown organisation is an error' '
	test_must_fail 1 rapport person list --org "Initech Systems"
'

test_expect_success 'person show by id, full name, part of a name, any case' '
	for ref in 1 "Director of Analytics" "director of analytics" Analytics direc "OR OF AN"; do
		rapport --json person show "$ref" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id >id &&
		test_eq "$(cat id)" 1 || return 1
	done
'

test_expect_success 'person show prints the fields' '
	rapport person show director >out &&
	grep -q "^Director of Analytics (person 1)" out &&
	grep -q "^organisation: *Acme Analytics" out &&
	grep -q "^title: *Head of Data" out &&
	grep -q "^email: *director@acme.example" out &&
	grep -q "^rapport: *4/5" out &&
	grep -q "30 days" out &&
	grep -q "recruiter" out
'

test_expect_success 'person show --json has interactions and tasks' '
	rapport log call "Intro call about the data team" --with Director >/dev/null &&
	rapport task add "Send portfolio link" --with Director --due tomorrow --kind email >/dev/null &&
	rapport --json person show Director >out &&
	test_eq "$(jlen interactions <out)" 1 &&
	test_eq "$(jv interactions.0.summary <out)" "Intro call about the data team" &&
	test_eq "$(jv interactions.0.kind <out)" "call" &&
	test_eq "$(jlen tasks <out)" 1 &&
	test_eq "$(jv tasks.0.title <out)" "Send portfolio link" &&
	test_eq "$(jv tasks.0.due <out)" "2026-03-03"
'

test_expect_success 'person show prints the timeline and open tasks' '
	rapport person show Director >out &&
	grep -q "Intro call about the data team" out &&
	grep -q "Send portfolio link" out
'

test_expect_success 'person show leaves out done tasks' '
	rapport task done 1 >/dev/null &&
	rapport --json person show Director >out &&
	test_eq "$(jlen tasks <out)" 0 &&
	rapport person show Director >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" sed -n "/^open tasks:/,\$p" | grep -q "Send portfolio link"
'

test_expect_success 'an ambiguous part of a name is an error that lists the candidates' '
	rapport person add "Career Coach" >/dev/null &&
	rapport person add "Career Coach Assistant" >/dev/null &&
	test_must_fail 1 rapport person show "coach" &&
	test_stderr_contains "Career Coach" && test_stderr_contains "Career Coach Assistant" &&
	test_eq "$(wc -l <.stderr | tr -d " ")" 1
'

test_expect_success 'a full name wins over a longer name that contains it' '
	rapport --json person show "career coach" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Career Coach" &&
	rapport --json person show assistant >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Career Coach Assistant"
'

test_expect_success 'two people with the same name are ambiguous; ids tell them apart' '
	rapport person add "Executive Sponsor" --org "Globex Data" >/dev/null &&
	test_must_fail 1 rapport person show "Executive Sponsor" &&
	test_stderr_contains "Globex Data" &&
	grep -q "4 Executive Sponsor" .stderr &&
	rapport --json person show 4 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv organisation >org &&
	test_eq "$(cat org)" "None"
'

test_expect_success 'LIKE wildcards in a reference match themselves' '
	rapport person add "Lab_Tech" >/dev/null &&
	rapport person add "Lab Tech-Assistant" >/dev/null &&
	rapport --json person show "b_T" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Lab_Tech" &&
	test_must_fail 1 rapport person show "%"
'

test_expect_success 'an unknown person is an error' '
	test_must_fail 1 rapport person show "Missing Contact" &&
	test_stderr_contains "Missing Contact" &&
	test_must_fail 1 rapport person show 999 &&
	test_must_fail 1 rapport person edit "Missing Contact" --title CTO
'

test_expect_success 'person edit changes fields' '
	rapport --json person edit "Panel Interviewer" --title "Staff Engineer" --rapport 3 \
		--cadence 14 --email panel@acme.example >out &&
	test_eq "$(jv title <out)" "Staff Engineer" &&
	test_eq "$(jv rapport <out)" 3 &&
	test_eq "$(jv cadence <out)" 14 &&
	rapport --json person show "Panel Interviewer" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv email >email &&
	test_eq "$(cat email)" "panel@acme.example"
'

test_expect_success 'person edit with an empty value clears a text field' '
	rapport person edit "Panel Interviewer" --email "" --title "" >/dev/null &&
	rapport --json person show "Panel Interviewer" >out &&
	test_eq "$(jv email <out)" "None" &&
	test_eq "$(jv title <out)" "None" &&
	test_eq "$(jv rapport <out)" 3
'

test_expect_success 'person edit --cadence "" clears the cadence' '
	rapport person edit "Panel Interviewer" --cadence "" >/dev/null &&
	rapport --json person show "Panel Interviewer" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv cadence >v &&
	test_eq "$(cat v)" "None"
'

test_expect_success 'person edit --rapport "" clears the rapport' '
	rapport person edit "Panel Interviewer" --rapport "" >/dev/null &&
	rapport --json person show "Panel Interviewer" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv rapport >v &&
	test_eq "$(cat v)" "None"
'

test_expect_success 'person edit --org "" clears the organisation; --org moves them' '
	rapport person edit "Panel Interviewer" --org "" >/dev/null &&
	rapport --json person show "Panel Interviewer" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv organisation >v &&
	test_eq "$(cat v)" "None" &&
	rapport person edit "Panel Interviewer" --org "globex DATA" >/dev/null &&
	rapport --json person show "Panel Interviewer" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv organisation.name >v &&
	test_eq "$(cat v)" "Globex Data"
'

test_expect_success 'person edit --tag adds and --untag removes a tag' '
	rapport person edit Director --tag mentor --untag recruiter >/dev/null &&
	rapport --json person show Director >out &&
	test_eq "$(jlen tags <out)" 2 &&
	jv tags <out | grep -q mentor &&
	! jv tags <out | grep -q recruiter &&
	rapport --json person list --tag recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test_eq "$(cat n)" 0
'

test_expect_success 'person edit --name renames' '
	rapport person edit "Industry Mentor" --name "Industry Mentor-Advisor" >/dev/null &&
	rapport --json person show "mentor-advisor" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Industry Mentor-Advisor"
'

test_expect_success 'rapport outside 0-5 is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "Network Contact" --rapport 6 &&
	test_stderr_contains "rapport" &&
	test_must_fail 1 rapport person add "Network Contact" --rapport -1 &&
	test_must_fail 1 rapport person add "Network Contact" --rapport high &&
	test_must_fail 1 rapport person edit Director --rapport 9 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a bad value after a new --org writes nothing, not even the org' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "Network Contact" --org "Northwind Health" --rapport 7 &&
	test_eq "$(db_digest)" "$before" &&
	test_must_fail 1 rapport org show "Northwind Health"
'

test_expect_success 'a bad cadence is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "Network Contact" --cadence weekly &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty name is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "" &&
	test_must_fail 1 rapport person edit Director --name "" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'person list --json has the data model field names' '
	rapport --json person list >out &&
	python3 -c "
import json, sys
for p in json.load(open(\"out\")):
    for k in (\"id\", \"name\", \"organisation\", \"title\", \"email\", \"phone\",
              \"linkedin\", \"rapport\", \"cadence\", \"tags\", \"notes\"):
        assert k in p, (k, p)
"
'

# Bug (issue 18): the web's person page listed the opportunities a person is
# linked to; 'person show' gathered its own data and left them out.
test_expect_success 'person show lists their opportunities with the stage and their role' '
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-lead >/dev/null &&
	rapport opp link acme-lead Director --role hiring-manager >/dev/null &&
	rapport person show Director >out &&
	grep -q "^opportunities:" out &&
	grep -q "^  acme-lead  *lead  *hiring-manager$" out &&
	rapport --json person show Director >out &&
	test_eq "$(jlen opportunities <out)" 1 &&
	test_eq "$(jv opportunities.0.slug <out)" acme-lead &&
	test_eq "$(jv opportunities.0.stage <out)" lead &&
	test_eq "$(jv opportunities.0.role <out)" hiring-manager
'

test_done
