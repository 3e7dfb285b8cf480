#!/bin/sh
# A job search walked through time: a new user tracks three opportunities over
# three weeks by moving RAPPORT_NOW forward, day by day.
. "$(dirname "$0")/test-lib.sh"

# What rapport does on its own; the playbooks have tests of their own (t12xx).
disable_playbooks

# task_id TITLE: the id of the task with that title.
task_id() {
	rapport --json task list --all >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "import json, sys; print([t[\"id\"] for t in json.load(sys.stdin) if t[\"title\"] == sys.argv[1]][0])" "$1"
}

# section TITLE: the agenda section (overdue, today, upcoming or none) holding a task.
section() {
	rapport --json agenda >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
a = json.load(sys.stdin)
print(next((k for k in (\"overdue\", \"today\", \"upcoming\") for t in a[k] if t[\"title\"] == sys.argv[1]), \"none\"))
" "$1"
}

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: a new user adds the opportunities they are looking at' '
	rapport opp add "Acme Analytics" "Senior Data Engineer" --source "referral from Industry" \
		--url https://careers.acme.example/jobs/123 --salary-target 100k --level Senior >out &&
	grep -q "acme-analytics-senior-data-engineer" out &&
	rapport opp add "Globex Data" "Analytics Lead" --slug globex-lead >/dev/null &&
	rapport opp add "Blue Harbor Logistics" "Data Platform Manager" --slug blue-harbor >/dev/null &&
	rapport --json opp list --stage lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test_eq "$(cat n)" 3
'

test_expect_success 'Mon 2: ... and the people behind them' '
	rapport person add "Director of Analytics" --org "acme analytics" --title "Technical Recruiter" \
		--email director@acme.example --tag recruiter --rapport 3 >/dev/null &&
	rapport person add "Panel Interviewer" --org "Acme Analytics" --title "Engineering Manager" >/dev/null &&
	rapport person add "People Partner" --org "Globex Data" --title "HR Partner" --tag recruiter >/dev/null &&
	rapport person add "Industry Mentor" --org "Blue Harbor Logistics" --cadence 30 \
		--notes "Former colleague; referred me to Acme" >/dev/null &&
	rapport opp link acme-analytics-senior-data-engineer Director --role recruiter >/dev/null &&
	rapport opp link acme-analytics-senior-data-engineer Panel --role hiring-manager >/dev/null &&
	rapport opp link acme-analytics-senior-data-engineer Industry --role referrer >/dev/null &&
	rapport opp link globex-lead People --role hr >/dev/null &&
	rapport --json org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test_eq "$(cat n)" 3 &&
	rapport --json person list --tag recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test_eq "$(cat n)" 2
'

test_expect_success 'Mon 2: applies to two and logs the recruiter call' '
	rapport opp move acme-analytics-senior-data-engineer applied --note "CV sent through Industry" >/dev/null &&
	rapport opp move globex-lead applied >/dev/null &&
	rapport log call "Recruiter screen" --with Director --opp acme-analytics-senior-data-engineer \
		--in --chemistry 4 --notes "Team of 8; hybrid, two days in the office" >/dev/null &&
	rapport --json opp show acme-analytics-senior-data-engineer >out &&
	test_eq "$(jv stage <out)" "conversation" &&
	python3 -c "
import json
o = json.load(open(\"out\"))
roles = {p[\"name\"]: p[\"role\"] for p in o[\"people\"]}
assert roles == {\"Director of Analytics\": \"recruiter\", \"Panel Interviewer\": \"hiring-manager\",
                 \"Industry Mentor\": \"referrer\"}, roles
"
'

test_expect_success 'Mon 2: adds follow-ups; the agenda shows them as upcoming' '
	rapport task add "Send portfolio to Director" --due +2d --kind email --with Director \
		--opp acme-analytics-senior-data-engineer >/dev/null &&
	rapport task add "Research Globex" --due 2026-03-05 --kind review --opp globex-lead >/dev/null &&
	rapport task add "Thank Industry for the referral" --kind linkedin --with Industry >/dev/null &&
	test_eq "$(section "Send portfolio to Director")" upcoming &&
	test_eq "$(section "Research Globex")" upcoming &&
	test_eq "$(section "Thank Industry for the referral")" today &&
	rapport agenda >out &&
	grep -q "^today" out && grep -q "^upcoming" out && ! grep -q "^overdue" out
'

test_expect_success 'Mon 2 evening: thanks Industry' '
	RAPPORT_NOW=2026-03-02T19:30 &&
	rapport task done "$(task_id "Thank Industry for the referral")" >/dev/null &&
	test_eq "$(section "Thank Industry for the referral")" none
'

# Wednesday 4 March
RAPPORT_NOW=2026-03-04T08:30

test_expect_success 'Wed 4: the portfolio is due today; it gets done' '
	test_eq "$(section "Send portfolio to Director")" today &&
	rapport --json task done "$(task_id "Send portfolio to Director")" >out &&
	test_eq "$(jv status <out)" "done" &&
	jv done_at <out | grep -q "^2026-03-04" &&
	test_eq "$(section "Send portfolio to Director")" none &&
	rapport log email "Sent portfolio" --with Director --opp acme-analytics-senior-data-engineer >/dev/null
'

test_expect_success 'Wed 4: Acme invites for an interview on Friday' '
	rapport log email "Interview invitation" --with Panel --opp acme-analytics-senior-data-engineer --in >/dev/null &&
	rapport --json opp move acme-analytics-senior-data-engineer interviewing \
		--note "first interview on Friday" | jv stage >s &&
	test_eq "$(cat s)" interviewing &&
	rapport task add "Prepare for the Acme interview" --due 2026-03-06T10:00 --kind learn \
		--opp acme-analytics-senior-data-engineer >/dev/null
'

# Friday 6 March
RAPPORT_NOW=2026-03-06T16:00

test_expect_success 'Fri 6: yesterday'"'"'s Globex research is overdue' '
	test_eq "$(section "Research Globex")" overdue &&
	test_eq "$(section "Prepare for the Acme interview")" today &&
	rapport agenda >out &&
	o=$(grep -n "^overdue" out | cut -d: -f1) && t=$(grep -n "^today" out | cut -d: -f1) &&
	test "$o" -lt "$t"
'

test_expect_success 'Fri 6: the interview happens and is logged' '
	rapport task done "$(task_id "Prepare for the Acme interview")" >/dev/null &&
	rapport person add "Code Reviewer" --org "Acme Analytics" --title "Staff Engineer" >/dev/null &&
	rapport --json log interview "First interview: system design" --with Panel \
		--with "Code Reviewer" --opp acme-analytics-senior-data-engineer \
		--at 2026-03-06T14:00 --chemistry 5 >out &&
	test_eq "$(jlen people <out)" 2 &&
	rapport --json opp show acme-analytics-senior-data-engineer >out &&
	python3 -c "
import json
o = json.load(open(\"out\"))
roles = {p[\"name\"]: p[\"role\"] for p in o[\"people\"]}
assert roles[\"Code Reviewer\"] == \"interviewer\", roles
assert roles[\"Panel Interviewer\"] == \"hiring-manager\", roles
"
'

test_expect_success 'Fri 6: snoozes the Globex research to Monday, adds a thank-you' '
	rapport --json task snooze "$(task_id "Research Globex")" +3d >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv due >d &&
	test_eq "$(cat d)" "2026-03-09" &&
	test_eq "$(section "Research Globex")" upcoming &&
	rapport task add "Thank-you note to Panel" --due tomorrow --kind email --with Panel \
		--opp acme-analytics-senior-data-engineer >/dev/null &&
	test_eq "$(section "Thank-you note to Panel")" upcoming &&
	rapport --json agenda >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen overdue >n &&
	test_eq "$(cat n)" 0
'

test_expect_success 'Sat 7: the thank-you note is due today' '
	RAPPORT_NOW=2026-03-07T10:00 &&
	test_eq "$(section "Thank-you note to Panel")" today
'

# Monday 9 March: the weekend passed and the note was forgotten
RAPPORT_NOW=2026-03-09T09:00

test_expect_success 'Mon 9: the forgotten thank-you note is overdue, research is today' '
	test_eq "$(section "Thank-you note to Panel")" overdue &&
	test_eq "$(section "Research Globex")" today &&
	rapport --json agenda >out &&
	test_eq "$(jv overdue.0.person.name <out)" "Panel Interviewer" &&
	test_eq "$(jv overdue.0.opportunity.slug <out)" "acme-analytics-senior-data-engineer" &&
	rapport task done "$(task_id "Thank-you note to Panel")" >/dev/null &&
	test_eq "$(section "Thank-you note to Panel")" none
'

# Tuesday 10 March
RAPPORT_NOW=2026-03-10T11:15

test_expect_success 'Tue 10: Globex rejects; the research is skipped' '
	rapport log email "Rejection from Globex" --with People --opp globex-lead --in \
		--notes "Position filled internally" >/dev/null &&
	rapport opp move globex-lead rejected --note "filled internally" >/dev/null &&
	rapport --json task skip "$(task_id "Research Globex")" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv status >s &&
	test_eq "$(cat s)" skipped &&
	test_eq "$(section "Research Globex")" none &&
	rapport --json opp list --stage rejected >out &&
	test_eq "$(jlen "" <out)" 1 &&
	test_eq "$(jv 0.slug <out)" "globex-lead"
'

test_expect_success 'Tue 10: the Globex stage history ends in rejected' '
	rapport --json opp show globex-lead >out &&
	python3 -c "
import json
h = json.load(open(\"out\"))[\"stage_history\"]
assert [(c[\"from\"], c[\"to\"]) for c in h] == [(None, \"lead\"), (\"lead\", \"applied\"),
    (\"applied\", \"rejected\")], h
assert h[2][\"at\"].startswith(\"2026-03-10T11:15\"), h
assert h[2][\"note\"] == \"filled internally\", h
"
'

test_expect_success 'Tue 10: blue harbor is still a lead; a check-in with Industry is planned' '
	rapport task add "Coffee with Industry about Blue Harbor" --due +1w --kind meeting --with Industry \
		--opp blue-harbor >/dev/null &&
	test_eq "$(section "Coffee with Industry about Blue Harbor")" upcoming &&
	rapport --json agenda --days 3 >out &&
	test_eq "$(jlen upcoming <out)" 0
'

# Monday 16 March: the offer
RAPPORT_NOW=2026-03-16T17:45

test_expect_success 'Mon 16: Acme makes an offer' '
	rapport log call "Offer call" --with Panel --with Director --opp acme-analytics-senior-data-engineer --in >/dev/null &&
	rapport opp move acme-analytics-senior-data-engineer offer --note "verbal offer" >/dev/null &&
	rapport --json opp edit acme-analytics-senior-data-engineer --level-offered "Senior II" \
		--salary-range 95000-110000 --salary-offered 104k >out &&
	test_eq "$(jv level_offered <out)" "Senior II" &&
	test_eq "$(jv salary_offered <out)" 104000 &&
	test_eq "$(jv salary_range.low <out)" 95000 &&
	test_eq "$(jv salary_range.high <out)" 110000 &&
	test_eq "$(jv salary_target <out)" 100000
'

test_expect_success 'Mon 16: the check-in with Industry is still upcoming, not overdue' '
	test_eq "$(section "Coffee with Industry about Blue Harbor")" upcoming
'

test_expect_success 'Wed 18: negotiates' '
	RAPPORT_NOW=2026-03-18T10:00 &&
	rapport opp move acme-analytics-senior-data-engineer negotiating --note "asked for 108k" >/dev/null
'

test_expect_success 'Fri 20: accepts, and withdraws from Blue Harbor' '
	RAPPORT_NOW=2026-03-20T12:00 &&
	rapport opp move acme-analytics-senior-data-engineer accepted --note "signed" >/dev/null &&
	rapport opp move blue-harbor withdrawn --note "accepted Acme" >/dev/null &&
	rapport --json task list >out &&
	# besides the coffee, only the accepted playbook'"'"'s notes on the new role
	# (issue 16); the withdrawal letter it drafted for Blue Harbor is skipped,
	# withdrawn by hand
	python3 -c "
import json
ts = json.load(open(\"out\"))
assert [t[\"title\"] for t in ts if t[\"origin\"] != \"accepted.update\"] == \
    [\"Coffee with Industry about Blue Harbor\"], ts
assert ts and all(t[\"opportunity\"][\"slug\"] == \"acme-analytics-senior-data-engineer\"
                  for t in ts if t[\"origin\"] == \"accepted.update\"), ts
" &&
	task_is "Withdraw courteously from Data Platform Manager at Blue Harbor Logistics" status skipped &&
	test_eq "$(section "Coffee with Industry about Blue Harbor")" overdue
'

test_expect_success 'the Acme stage history tells the whole story, in order' '
	rapport --json opp show acme-analytics-senior-data-engineer >out &&
	python3 -c "
import json
h = json.load(open(\"out\"))[\"stage_history\"]
got = [(c[\"from\"], c[\"to\"], c[\"at\"][:16], c[\"note\"]) for c in h]
want = [(None, \"lead\", \"2026-03-02T09:00\", None),
        (\"lead\", \"applied\", \"2026-03-02T09:00\", \"CV sent through Industry\"),
        (\"applied\", \"conversation\", \"2026-03-02T09:00\", \"from the log: call on 2026-03-02\"),
        (\"conversation\", \"interviewing\", \"2026-03-04T08:30\", \"first interview on Friday\"),
        (\"interviewing\", \"offer\", \"2026-03-16T17:45\", \"verbal offer\"),
        (\"offer\", \"negotiating\", \"2026-03-18T10:00\", \"asked for 108k\"),
        (\"negotiating\", \"accepted\", \"2026-03-20T12:00\", \"signed\")]
assert got == want, got
"
'

test_expect_success 'opp show prints the timeline with interactions and stage changes' '
	rapport opp show acme-analytics-senior-data-engineer >out &&
	grep -q "^stage: *accepted" out &&
	grep -q "Recruiter screen" out &&
	grep -q "First interview: system design" out &&
	grep -q "Offer call" out &&
	grep -q "negotiating -> accepted" out &&
	i=$(grep -n "First interview: system design" out | cut -d: -f1) &&
	a=$(grep -n "negotiating -> accepted" out | cut -d: -f1) &&
	test "$i" -lt "$a"
'

test_expect_success 'the opportunity has everyone who took part' '
	rapport --json opp show acme-analytics-senior-data-engineer >out &&
	test_eq "$(jlen people <out)" 4 &&
	# five logged by hand, two logged by marking an e-mail and a letter done
	test_eq "$(jlen interactions <out)" 7 &&
	# open: only the accepted playbook'"'"'s notes on the new role
	jv tasks <out | python3 -c "
import json, sys
ts = json.load(sys.stdin)
assert ts and all(t[\"origin\"] == \"accepted.update\" for t in ts), ts
"
'

test_expect_success 'Panel'"'"'s page shows his conversations and no open tasks' '
	rapport --json person show Panel >out &&
	python3 -c "
import json
p = json.load(open(\"out\"))
s = sorted(i[\"summary\"] for i in p[\"interactions\"])
assert s == [\"First interview: system design\", \"Interview invitation\", \"Offer call\",
             \"Thank-you note to Panel\"], s
assert p[\"tasks\"] == [], p[\"tasks\"]
"
'

test_expect_success 'opp list shows where every search ended' '
	rapport --json opp list >out &&
	python3 -c "
import json
st = {o[\"slug\"]: o[\"stage\"] for o in json.load(open(\"out\"))}
assert st == {\"acme-analytics-senior-data-engineer\": \"accepted\", \"globex-lead\": \"rejected\",
              \"blue-harbor\": \"withdrawn\"}, st
"
'

test_expect_success 'search finds the story' '
	rapport --json search "filled internally" >out &&
	python3 -c "
import json
assert any(h[\"type\"] == \"interaction\" for h in json.load(open(\"out\")))
" &&
	rapport --json search panel >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.type >t &&
	test_eq "$(cat t)" person
'

test_expect_success 'the whole search survives export and import' '
	rapport export -o backup.json >/dev/null &&
	rapport --db restored.db import json backup.json >/dev/null &&
	rapport --db restored.db export >again.json &&
	cmp backup.json again.json &&
	rapport --db restored.db --json opp show acme-analytics-senior-data-engineer >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen stage_history >n &&
	test_eq "$(cat n)" 7
'

test_done
