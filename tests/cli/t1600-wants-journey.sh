#!/bin/sh
# A whole search around what you want: wants, a prep sheet, an interview and
# its debrief, feedback turned into progress, two offers laid side by side.
. "$(dirname "$0")/test-lib.sh"

a=acme-analytics-data-lead
b=globex-head-of-analytics

test_expect_success 'the user says what they want' '
	rapport want add "Remote at least three days a week" --weight 5 --must \
		--category work-pattern >/dev/null &&
	rapport want add "Room to grow into a lead role" --weight 4 --category growth >/dev/null &&
	rapport want add "A manager who coaches" --weight 3 --category manager >/dev/null &&
	rapport want add "Base of 95k or more" --weight 2 --category compensation >/dev/null &&
	test_eq "$(rapport --json want list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 4
'

test_expect_success 'two opportunities, with the people in them' '
	rapport opp add "Acme Analytics" "Data Lead" --level lead --salary-target 95k >/dev/null &&
	rapport opp add "Globex" "Head of Analytics" --level lead --salary-target 95k >/dev/null &&
	rapport person add "Analytics Head" --org "Acme Analytics" --title "Head of Data" >/dev/null &&
	rapport person add "Quality Engineer" --org "Acme Analytics" >/dev/null &&
	rapport person add "Division Head" --org Globex --title "VP Data" >/dev/null &&
	rapport opp link $a "Analytics Head" --role hiring-manager &&
	rapport opp link $a "Quality Engineer" --role peer &&
	rapport opp link $b "Division Head" --role hiring-manager
'

test_expect_success 'the prep sheet asks what verifies the heaviest wants first' '
	on 2026-03-02T09:00 rapport --json prep $a >prep1 &&
	test_eq "$(jv stage <prep1)" first &&
	jv markdown <prep1 >sheet1.md &&
	grep "^### " sheet1.md | sed -n 3p | grep -q "Remote at least three days" &&
	jv questions.0 <prep1 >q1
'

test_expect_success 'the interview, then its debrief settles two wants' '
	q=$(cat q1) &&
	on 2026-03-03T10:00 rapport log interview "First interview" --opp $a \
		--with "Analytics Head" >/dev/null &&
	on 2026-03-03T14:00 rapport --json debrief $a --interaction 1 \
		--asked "$q" --answer "Two days a month in the office" \
		--mark "1:Remote at least three days a week=met" \
		--asked "Who would I grow into?" --answer "Not decided; maybe" \
		--mark "2:lead role=vague" \
		--well "The case study" --refine "Shorter answers" --chemistry 4 >out &&
	on 2026-03-03T14:00 rapport --json fit $a >fit &&
	test_eq "$(jv wants.0.status <fit)" met &&
	test_eq "$(jv wants.0.evidence.0.by.name <fit)" "Analytics Head" &&
	test_eq "$(jv wants.0.evidence.0.interaction <fit)" 1 &&
	test_eq "$(jv wants.1.status <fit)" vague &&
	test_eq "$(jv score <fit)" 100
'

test_expect_success 'the next prep sheet does not repeat what was asked or settled' '
	q=$(cat q1) &&
	on 2026-03-04T09:00 rapport --json prep $a >prep2 &&
	test_eq "$(jv stage <prep2)" second &&
	python3 -c "
import json
p = json.load(open(\"prep2\"))
assert $q not in p[\"questions\"], p[\"questions\"]
md = p[\"markdown\"]
assert \"### Remote\" not in md
assert \"### Room to grow into a lead role\" in md
assert \"read two ways\" in md
assert \"Ask for the salary range in this conversation\" in md
"
'

test_expect_success 'feedback becomes an improvement, and its progress update' '
	on 2026-03-05T09:00 rapport --json feedback add $a "Brush up on experiment design" \
		--from "Analytics Head" >fb &&
	on 2026-03-05T09:05 rapport --json improve add "Take a course on A/B testing" \
		--from-feedback "$(jv id <fb)" >imp &&
	test_eq "$(jv kind <imp)" learn &&
	test_eq "$(jv person.name <imp)" "Analytics Head" &&
	on 2026-03-20T09:00 rapport task done "$(jv id <imp)" >/dev/null &&
	on 2026-03-20T09:01 rapport --json task list >tasks &&
	python3 -c "
import json
t = [t for t in json.load(open(\"tasks\")) if t[\"origin\"] == \"progress-update\"]
assert len(t) == 1, t
assert t[0][\"person\"][\"name\"] == \"Analytics Head\", t
open(\"pu\", \"w\").write(str(t[0][\"id\"]))
" &&
	on 2026-03-20T09:02 rapport draft "$(cat pu)" >letter &&
	grep -q "Take a course on A/B testing" letter &&
	on 2026-03-21T09:00 rapport agenda >/dev/null &&
	on 2026-03-22T09:00 rapport --json task list >tasks &&
	test_eq "$(python3 -c "
import json
print(sum(t[\"origin\"] == \"progress-update\" for t in json.load(open(\"tasks\"))))")" 1
'

test_expect_success 'two offers, with what was learnt at Globex too' '
	on 2026-03-25T09:00 rapport want mark $b remote unmet --by "Division Head" \
		--note "Five days on site" &&
	on 2026-03-25T09:00 rapport want mark $b "lead role" met --by "Division Head" &&
	on 2026-03-26T09:00 rapport offer add $a --base 98k --deadline 2026-04-06 >/dev/null &&
	on 2026-03-26T09:00 rapport offer add $b --base 110k --bonus 10k \
		--deadline 2026-04-03 >/dev/null &&
	on 2026-03-26T09:00 rapport --json opp show $a >opp &&
	test_eq "$(jv stage <opp)" offer
'

test_expect_success 'the decision matrix scores both offers against the wants' '
	on 2026-03-27T09:00 rapport --json offer compare >cmp &&
	on 2026-03-27T09:00 rapport offer compare --markdown >cmp.md &&
	python3 - <<-\EOF
	import json
	c = json.load(open("cmp"))
	text = json.dumps(c)
	for word in ("Remote at least three days a week", "98000", "110000"):
	    assert word in text, word
	EOF
	grep -q "Remote at least three days a week" cmp.md &&
	grep -q "|" cmp.md &&
	on 2026-03-27T09:00 rapport offer compare >cmp.txt &&
	grep -qi "deal-breaker" cmp.txt
'

test_expect_success 'each deadline brings one review task two days before it' '
	for d in 2026-03-28 2026-03-29 2026-03-30; do
		on ${d}T09:00 rapport agenda >/dev/null || return 1
	done &&
	on 2026-03-30T09:00 rapport --json task list >tasks &&
	python3 -c "
import json
t = [t for t in json.load(open(\"tasks\")) if t[\"kind\"] == \"review\" and \"deadline\" in (t[\"origin\"] or \"\")]
dues = sorted(x[\"due\"][:10] for x in t)
assert dues == [\"2026-04-01\", \"2026-04-04\"], dues
"
'

test_expect_success 'accepting one offer ends its deadline task; the other stays' '
	on 2026-03-30T10:00 rapport opp move $a accepted >/dev/null &&
	on 2026-03-30T10:00 rapport --json task list --all >tasks &&
	python3 -c "
import json
t = {x[\"due\"][:10]: x for x in json.load(open(\"tasks\"))
     if x[\"origin\"] == \"offer.deadline\"}
assert t[\"2026-04-04\"][\"status\"] == \"skipped\", t
assert \"accepted\" in t[\"2026-04-04\"][\"why\"], t
assert t[\"2026-04-01\"][\"status\"] == \"open\", t
"
'

test_done
