#!/bin/sh
# Playbooks, rejected: a "no" starts the relationship. Moving an opportunity to
# rejected plans letters, LinkedIn connections, calls to the people you hit it
# off with, a review, a consulting offer, a re-contact five months on, and a
# keep-in-touch cadence for everyone met.
. "$(dirname "$0")/test-lib.sh"

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2 - Thu 5: two rounds of interviews at Lumen Health' '
	rapport opp add "Lumen Health" "Data Scientist" --slug lumen >/dev/null &&
	rapport opp move lumen interviewing >/dev/null &&
	rapport person add "Clinical Lead" --org "Lumen Health" --title "Head of Data" --rapport 3 >/dev/null &&
	rapport person add "Field Engineer" --org "Lumen Health" --rapport 4 >/dev/null &&
	rapport person add "Finance Partner" --org "Lumen Health" --rapport 5 --cadence 30 >/dev/null &&
	rapport person add "Ops Manager" --org "Lumen Health" --rapport 2 >/dev/null &&
	rapport person add "Nurse Director" --org "Lumen Health" --rapport 5 >/dev/null &&
	rapport opp link lumen Clinical --role hiring-manager >/dev/null &&
	rapport log interview "First round" --with Clinical --with Field --with Ops --opp lumen \
		--at 2026-03-02T10:00 >/dev/null &&
	on 2026-03-05T14:00 rapport log interview "Final round" --with Clinical --with Finance --opp lumen \
		>/dev/null &&
	test_eq "$(on 2026-03-05 ntasks thank-you)" 5
'

# Tuesday 10 March: the answer
RAPPORT_NOW=2026-03-10T16:30

test_expect_success 'Tue 10: Lumen says no; the follow-ups are planned by the same command' '
	rapport log call "Clinical: they chose another candidate" --with Clinical --opp lumen --in >/dev/null &&
	rapport opp move lumen rejected --note "another candidate" >/dev/null &&
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ts = json.load(sys.stdin)[\"tables\"][\"task\"]
assert sum(1 for t in ts if (t[\"origin\"] or \"\").startswith(\"rejected\")) == 13, ts
"
'

test_expect_success 'Tue 10: each follow-up has the right kind, person and due date' '
	# whom the consulting idea is for is left open: it is checked below
	rule_tasks rejected | grep -v "^rejected.consult|" >out &&
	sort >want <<-\EOT &&
	rejected.letter|email|Clinical Lead|2026-03-12|open
	rejected.letter|email|Field Engineer|2026-03-12|open
	rejected.letter|email|Finance Partner|2026-03-12|open
	rejected.letter|email|Ops Manager|2026-03-12|open
	rejected.linkedin|linkedin|Clinical Lead|2026-03-13|open
	rejected.linkedin|linkedin|Field Engineer|2026-03-13|open
	rejected.linkedin|linkedin|Finance Partner|2026-03-13|open
	rejected.linkedin|linkedin|Ops Manager|2026-03-13|open
	rejected.call|call|Field Engineer|2026-03-15|open
	rejected.call|call|Finance Partner|2026-03-15|open
	rejected.review|review|-|2026-03-17|open
	rejected.recontact|call|Clinical Lead|2026-08-07|open
	EOT
	test_cmp want out
'

test_expect_success 'Tue 10: Nurse, never met, gets nothing' '
	! tasks | grep "|Nurse Director|" &&
	test_eq "$(cadence Nurse)" None
'

test_expect_success 'Tue 10: the stay-in-touch letters carry their template and why' '
	t="Stay-in-touch letter to Field Engineer" &&
	task_is "$t" origin rejected.letter template stay-in-touch opportunity lumen &&
	task_field "$t" why >why &&
	grep -qF "Lumen Health" why && grep -qF "2026-03-10" why && grep -qF "Field Engineer" why
'

test_expect_success 'Tue 10: every rejected follow-up says why, naming Lumen Health' '
	rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ts = [t for t in json.load(sys.stdin) if (t[\"origin\"] or \"\").startswith(\"rejected\")]
assert len(ts) == 13, len(ts)
for t in ts:
    assert t[\"why\"] and \"Lumen Health\" in t[\"why\"], t
"
'

test_expect_success 'Tue 10: one review and one consulting idea' '
	tasks rejected.review >out &&
	test_eq "$(wc -l <out)" 1 &&
	grep -q "^review|-|2026-03-17|open|" out &&
	tasks rejected.consult >out &&
	test_eq "$(wc -l <out)" 1 &&
	grep -q "|2026-03-24|open|Consider offering to consult" out
'

test_expect_success 'Tue 10: everyone met gets a 45-day cadence; Finance keeps her 30' '
	test_eq "$(cadence Clinical)" 45 &&
	test_eq "$(cadence Field)" 45 &&
	test_eq "$(cadence Ops)" 45 &&
	test_eq "$(cadence Finance)" 30
'

test_expect_success 'Tue 10: the agenda many times over: still the same follow-ups' '
	rule_tasks rejected >before &&
	for i in 1 2 3 4 5 6 7 8 9 10; do rapport agenda >/dev/null || return 1; done &&
	rule_tasks rejected >after &&
	test_cmp before after
'

test_expect_success 'Thu 12: the letters go out; each is logged as an e-mail' '
	for who in "Clinical Lead" "Field Engineer" "Finance Partner" "Ops Manager"; do
		on 2026-03-12T10:00 rapport task done \
			"$(task_id "Stay-in-touch letter to $who")" >/dev/null || return 1
	done &&
	on 2026-03-12 contacts lumen >c &&
	test_eq "$(grep -c "^email|out|.*|2026-03-12|Stay-in-touch" c)" 4
'

test_expect_success 'Fri 13 - Tue 17: the LinkedIn invitations and calls are done; the review skipped' '
	for who in "Clinical Lead" "Field Engineer" "Finance Partner" "Ops Manager"; do
		on 2026-03-13T10:00 rapport task done \
			"$(on 2026-03-13 task_id "Connect with $who on LinkedIn")" >/dev/null || return 1
	done &&
	on 2026-03-15T11:00 rapport task done "$(on 2026-03-15 task_id "Call Field Engineer")" >/dev/null &&
	on 2026-03-15T11:30 rapport task done "$(on 2026-03-15 task_id "Call Finance Partner")" >/dev/null &&
	on 2026-03-17 rapport task skip \
		"$(on 2026-03-17 task_id "Review your interviews at Lumen Health: what to refine")" >/dev/null &&
	on 2026-03-17 rule_tasks rejected >out &&
	test_eq "$(grep -c "|done$" out)" 10 &&
	test_eq "$(grep -c "|skipped$" out)" 1 &&
	test_eq "$(grep -c "|open$" out)" 2
'

test_expect_success 'the cadence the rejection set brings a keep-in-touch 45 days after the last contact' '
	# Ops: last contact the LinkedIn message of 13 March; 45 days on: 27 April
	each_day 2026-04-20 2026-04-26 rapport agenda &&
	! on 2026-04-26 tasks keep-in-touch | grep "|Ops Manager|" &&
	on 2026-04-28 tasks keep-in-touch >out &&
	grep -x "email|Ops Manager|2026-04-27|open|Keep in touch with Ops Manager" out
'

test_expect_success 'the re-contact call is still there, 150 days after the no' '
	on 2026-08-07 rapport --json agenda >out &&
	python3 -c "
import json
a = json.load(open(\"out\"))
t = [t for t in a[\"today\"] if t[\"origin\"] == \"rejected.recontact\"]
assert len(t) == 1 and t[0][\"kind\"] == \"call\" and t[0][\"person\"][\"name\"] == \"Clinical Lead\", a
assert \"Lumen Health\" in t[0][\"why\"], t
"
'

test_use_db hr.db
test_expect_success 'no hiring manager: the re-contact goes to HR' '
	rapport opp add "Cedar Credit" "Analyst" --slug cedar >/dev/null &&
	rapport person add "People Partner" --org "Cedar Credit" --rapport 2 >/dev/null &&
	rapport person add "Risk Analyst" --org "Cedar Credit" --rapport 5 >/dev/null &&
	rapport opp link cedar People --role hr >/dev/null &&
	rapport opp move cedar interviewing >/dev/null &&
	rapport log interview "Case study" --with Risk --opp cedar --at 2026-03-03T10:00 >/dev/null &&
	rapport opp move cedar rejected >/dev/null &&
	tasks rejected.recontact >out &&
	echo "call|People Partner|2026-08-07|open|Re-contact People Partner at Cedar Credit" >want &&
	test_cmp want out
'

test_use_db rapport.db2
test_expect_success 'no hiring manager nor HR: the re-contact goes to the highest-rapport person met' '
	rapport opp add "Willow Studios" "Producer" --slug willow >/dev/null &&
	rapport person add "Studio Manager" --org "Willow Studios" --rapport 3 >/dev/null &&
	rapport person add "Engineering VP" --org "Willow Studios" --rapport 4 >/dev/null &&
	rapport opp move willow interviewing >/dev/null &&
	rapport log interview "Portfolio review" --with Studio --with Engineering --opp willow \
		--at 2026-03-03T10:00 >/dev/null &&
	rapport opp move willow rejected >/dev/null &&
	tasks rejected.recontact >out &&
	echo "call|Engineering VP|2026-08-07|open|Re-contact Engineering VP at Willow Studios" >want &&
	test_cmp want out &&
	tasks rejected.call >out &&
	echo "call|Engineering VP|2026-03-15|open|Call Engineering VP" >want &&
	test_cmp want out
'

test_use_db unmet.db
# Linked alone is not met (issue 16): only the people in a logged interaction
# on the opportunity get the letters, the calls and the cadence.
test_expect_success 'a recruiter only linked to the opportunity is not met' '
	rapport opp add "Fjord Systems" "Platform Engineer" --slug fjord >/dev/null &&
	rapport opp move fjord interviewing >/dev/null &&
	rapport person add "Former Colleague" --org "Fjord Systems" --rapport 3 >/dev/null &&
	rapport person add "Campus Recruiter" --org "Fjord Systems" --title "Recruiter" --rapport 5 >/dev/null &&
	rapport opp link fjord Campus --role recruiter >/dev/null &&
	rapport log interview "Pairing session" --with Former --opp fjord --at 2026-03-03T10:00 >/dev/null &&
	rapport opp move fjord rejected >/dev/null &&
	rule_tasks rejected >out &&
	grep -q "^rejected.letter|email|Former Colleague|2026-03-12|open$" out &&
	! grep -q "|Campus Recruiter|" out &&
	! grep -q "^rejected.call|" out &&
	test_eq "$(cadence Campus)" None &&
	test_eq "$(cadence Former)" 45
'

test_done
