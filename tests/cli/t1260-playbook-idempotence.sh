#!/bin/sh
# Playbooks, idempotence: the time rules run whenever agenda or task list runs;
# however often, and whenever, they are run, each follow-up is made once.
. "$(dirname "$0")/test-lib.sh"

# snapshot: every task, one a line: id|origin|kind|person|opp|due|status|title.
snapshot() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    print("|".join(str(x) for x in (t["id"], t["origin"], t["kind"],
          t["person"]["name"] if t["person"] else "-",
          t["opportunity"]["slug"] if t["opportunity"] else "-", t["due"], t["status"],
          t["title"])))
'
}

# content: the tasks without ids, sorted (to compare two databases).
content() {
	snapshot | cut -d"|" -f2- | sort
}

# story: a few weeks of a search, written to the current database without
# running the time rules (no agenda, no task list): but for the tasks the
# writes make ahead, hidden until their day (a keep-in-touch note).
story() {
	on 2026-03-02 rapport opp add "Northwind Labs" "Backend Engineer" --slug northwind >/dev/null &&
	on 2026-03-02 rapport opp move northwind interviewing >/dev/null &&
	on 2026-03-02 rapport person add "Recruiting Partner" --org "Northwind Labs" --rapport 3 >/dev/null &&
	on 2026-03-02 rapport person add "Former Colleague" --org "Northwind Labs" --rapport 4 >/dev/null &&
	on 2026-03-02 rapport opp link northwind Recruiting --role hiring-manager >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "Panel" --with Recruiting --with Former --opp northwind >/dev/null &&
	on 2026-03-02 rapport opp add "Globex Data" "Analytics Lead" --slug globex >/dev/null &&
	on 2026-03-02 rapport opp move globex conversation >/dev/null &&
	on 2026-03-02 rapport person add "People Partner" --org "Globex Data" --rapport 5 >/dev/null &&
	on 2026-03-02 rapport person add "Panel Interviewer" --org "Globex Data" --rapport 2 >/dev/null &&
	on 2026-03-04T15:00 rapport log interview "Intro" --with People --with Panel --opp globex >/dev/null &&
	on 2026-03-02 rapport opp add "Lumen Health" "Data Scientist" --slug lumen >/dev/null &&
	on 2026-03-02 rapport opp move lumen interviewing >/dev/null &&
	on 2026-03-02 rapport person add "Clinical Lead" --org "Lumen Health" --rapport 4 >/dev/null &&
	on 2026-03-03T11:00 rapport log interview "Case study" --with Clinical --opp lumen >/dev/null &&
	on 2026-03-06 rapport opp move lumen rejected >/dev/null &&
	on 2026-03-02 rapport person add "Industry Mentor" --org "Blue Harbor Logistics" --cadence 7 >/dev/null
}

test_use_db daily.db

test_expect_success 'a search is written without the time rules running' '
	story &&
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
o = sorted({t[\"origin\"] for t in json.load(sys.stdin)[\"tables\"][\"task\"]
            if not t[\"shown_on\"]})
assert \"silence\" not in o and \"keep-in-touch\" not in o, o
"
'

test_expect_success 'Fri 20 March: agenda 20 times, task list 20 times: the same tasks' '
	on 2026-03-20 rapport agenda >/dev/null &&
	on 2026-03-20 snapshot >first &&
	grep -q "|silence|letter|Recruiting Partner|northwind|2026-03-09|open|" first &&
	grep -q "|silence|letter|People Partner|globex|2026-03-11|open|" first &&
	grep -q "|keep-in-touch|email|Industry Mentor|-|2026-03-09|open|" first &&
	i=0 &&
	while [ $i -lt 20 ]; do
		on 2026-03-20T13:00 rapport agenda >/dev/null &&
		on 2026-03-20T13:00 rapport task list >/dev/null &&
		on 2026-03-20T13:00 rapport --json agenda >/dev/null || return 1
		i=$((i + 1))
	done &&
	on 2026-03-20 snapshot >again &&
	test_cmp first again
'

test_expect_success 'the agenda shows each open follow-up once' '
	on 2026-03-20 rapport --json agenda >out &&
	python3 -c "
import json
a = json.load(open(\"out\"))
ids = [t[\"id\"] for k in (\"overdue\", \"today\", \"upcoming\") for t in a[k]]
keys = [(t[\"origin\"], t[\"title\"], t[\"due\"]) for k in (\"overdue\", \"today\", \"upcoming\")
        for t in a[k]]
assert len(ids) == len(set(ids)) and len(keys) == len(set(keys)), keys
"
'

test_use_db walked.db

test_expect_success 'the same search, walked day by day, the agenda three times a day' '
	story &&
	for d in $(days 2026-03-02 2026-04-30); do
		on ${d}T00:01 rapport agenda >/dev/null &&
		on ${d}T12:00 rapport task list >/dev/null &&
		on ${d}T23:59 rapport agenda >/dev/null || return 1
	done
'

test_expect_success '... holds the same follow-ups as one look on the last day' '
	test_use_db once.db &&
	story &&
	on 2026-04-30 rapport agenda >/dev/null &&
	on 2026-04-30 content >once &&
	test_use_db walked.db &&
	on 2026-04-30 content >walked &&
	test_cmp once walked
'

test_expect_success '... with one silence letter per opportunity and one keep-in-touch per person' '
	on 2026-04-30 snapshot >all &&
	test_eq "$(grep -c "|silence|" all)" 2 &&
	test_eq "$(grep -c "|keep-in-touch|[a-z]*|Industry Mentor|" all)" 1 &&
	cut -d"|" -f2,4,5 all | grep -v "^thank-you|" | sort | uniq -d >dups &&
	test_eq "$(cat dups)" ""
'

test_expect_success 'done and skipped follow-ups are not made again' '
	on 2026-04-30 rapport task skip "$(on 2026-04-30 task_id "Write to Recruiting Partner to restate your interest in Backend Engineer")" >/dev/null &&
	on 2026-04-30T10:00 rapport task done "$(on 2026-04-30 task_id "Thank-you note to Former Colleague")" >/dev/null &&
	on 2026-04-30T10:00 rapport task done "$(on 2026-04-30 task_id "Keep in touch with Industry Mentor")" >/dev/null &&
	on 2026-04-30 snapshot >before &&
	i=0 &&
	while [ $i -lt 20 ]; do
		on 2026-04-30T18:00 rapport agenda >/dev/null || return 1
		i=$((i + 1))
	done &&
	on 2026-04-30 snapshot >after &&
	test_cmp before after &&
	each_day 2026-05-01 2026-05-06 rapport agenda &&
	on 2026-05-06 snapshot >later &&
	test_cmp before later
'

test_expect_success 'Industry lapses again a week after the e-mail: exactly one new task' '
	each_day 2026-05-07 2026-05-10 rapport agenda &&
	on 2026-05-10 snapshot >later &&
	test_eq "$(grep -c "|keep-in-touch|[a-z]*|Industry Mentor|" later)" 2 &&
	grep -q "|keep-in-touch|email|Industry Mentor|-|2026-05-07|open|" later
'

test_done
