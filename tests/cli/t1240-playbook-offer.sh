#!/bin/sh
# Playbooks, offer: moving an opportunity to offer plans comparing it with your
# wants, asking your questions, meeting future peers, visiting, and meeting the
# hiring manager to shape the role and the offer.
. "$(dirname "$0")/test-lib.sh"

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: interviews at Orbit Payments' '
	rapport opp add "Orbit Payments" "Platform Lead" --slug orbit >/dev/null &&
	rapport opp move orbit interviewing >/dev/null &&
	rapport person add "Engineering VP" --org "Orbit Payments" --title "VP Engineering" --rapport 3 >/dev/null &&
	rapport person add "Studio Manager" --org "Orbit Payments" --title "Staff Engineer" --rapport 5 >/dev/null &&
	rapport opp link orbit Engineering --role hiring-manager >/dev/null &&
	rapport log interview "Leadership interview" --with Engineering --with Studio --opp orbit \
		--at 2026-03-02T11:00 >/dev/null &&
	test_eq "$(rule_tasks offer)" ""
'

test_expect_success 'Mon 9: no word for a week: the silence letter is open' '
	test_eq "$(on 2026-03-09 tasks silence | cut -d"|" -f2,4)" "Engineering VP|open"
'

# Wednesday 11 March: the offer
RAPPORT_NOW=2026-03-11T17:00

test_expect_success 'Wed 11: the offer comes: five follow-ups, in the same command' '
	rapport log call "Engineering: verbal offer" --with Engineering --opp orbit --in >/dev/null &&
	rapport opp move orbit offer --note "verbal offer" >/dev/null &&
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ts = json.load(sys.stdin)[\"tables\"][\"task\"]
got = sorted((t[\"origin\"], t[\"due\"]) for t in ts if t[\"origin\"].startswith(\"offer\"))
assert got == [(\"offer.compare\", \"2026-03-12\"), (\"offer.peers\", \"2026-03-14\"),
               (\"offer.questions\", \"2026-03-12\"), (\"offer.shape\", \"2026-03-16\"),
               (\"offer.visit\", \"2026-03-16\")], got
"
'

test_expect_success 'Wed 11: kinds, people and due dates' '
	rule_tasks offer | grep -v "^offer.questions|" >out &&
	cat >want <<-\EOT &&
	offer.compare|review|-|2026-03-12|open
	offer.peers|meeting|-|2026-03-14|open
	offer.shape|meeting|Engineering VP|2026-03-16|open
	offer.visit|meeting|-|2026-03-16|open
	EOT
	test_cmp want out &&
	rule_tasks offer | grep "^offer.questions|[a-z]*|.*|2026-03-12|open$"
'

test_expect_success 'Wed 11: the titles say what to do' '
	tasks >out &&
	grep -q "^review|-|2026-03-12|open|Compare the offer from Orbit Payments with your wants$" out &&
	grep -q "|2026-03-12|open|Prepare and ask your questions about the offer$" out &&
	grep -q "^meeting|-|2026-03-14|open|Ask to meet your future peers at Orbit Payments$" out &&
	grep -q "^meeting|-|2026-03-16|open|Visit where you would work at Orbit Payments$" out &&
	grep -q "^meeting|Engineering VP|2026-03-16|open|Meet Engineering VP to shape the role and the offer$" out
'

test_expect_success 'Wed 11: each says why, naming Orbit Payments or the role' '
	rapport --json agenda >out &&
	python3 -c "
import json
a = json.load(open(\"out\"))
ts = [t for k in (\"overdue\", \"today\", \"upcoming\") for t in a[k]
      if t[\"origin\"].startswith(\"offer\")]
assert len(ts) == 5, ts
for t in ts:
    assert t[\"why\"] and (\"Orbit Payments\" in t[\"why\"] or \"Platform Lead\" in t[\"why\"]), t
    assert t[\"opportunity\"][\"slug\"] == \"orbit\", t
"
'

test_expect_success 'Wed 11: the call that brought the offer ended the silence: the letter is skipped' '
	tasks silence >out &&
	grep -q "^letter|Engineering VP|2026-03-09|skipped|" out &&
	test_eq "$(ntasks silence.call)" 0
'

test_expect_success 'Mon 16: the meeting with Engineering is done and logged; nothing new appears' '
	on 2026-03-16T10:00 rapport task done \
		"$(on 2026-03-16 task_id "Meet Engineering VP to shape the role and the offer")" >/dev/null &&
	on 2026-03-16 contacts orbit | grep "^meeting|out|Engineering VP|2026-03-16|" &&
	each_day 2026-03-16 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 rule_tasks offer | wc -l)" 5 &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_use_db cold.db
test_expect_success 'an offer where no one was met still plans the five steps' '
	rapport opp add "Nimbus Cloud" "SRE" --slug nimbus --stage applied >/dev/null &&
	rapport opp move nimbus offer >/dev/null &&
	rule_tasks offer | cut -d"|" -f1,4 >out &&
	cat >want <<-\EOT &&
	offer.compare|2026-03-12
	offer.peers|2026-03-14
	offer.questions|2026-03-12
	offer.shape|2026-03-16
	offer.visit|2026-03-16
	EOT
	test_cmp want out
'

test_done
