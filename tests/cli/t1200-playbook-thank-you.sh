#!/bin/sh
# Playbooks, thank-you: an interview with several people makes one thank-you
# note per person, the day after, in the same command; doing a follow-up logs
# the contact it stands for.
. "$(dirname "$0")/test-lib.sh"

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: an opportunity and the people behind it' '
	rapport opp add "Northwind Labs" "Backend Engineer" --slug northwind >/dev/null &&
	rapport opp move northwind interviewing >/dev/null &&
	rapport person add "Recruiting Partner" --org "Northwind Labs" --title "Engineering Manager" \
		--rapport 3 >/dev/null &&
	rapport person add "Former Colleague" --org "Northwind Labs" --title "Staff Engineer" \
		--rapport 4 >/dev/null &&
	rapport person add "Campus Recruiter" --org "Northwind Labs" --title "Recruiter" >/dev/null &&
	rapport opp link northwind Recruiting --role hiring-manager >/dev/null &&
	rapport opp link northwind Campus --role recruiter >/dev/null &&
	test_eq "$(ntasks)" 0
'

test_expect_success 'Mon 2: an interview with Recruiting and Former makes two thank-you notes' '
	rapport log interview "Panel: system design" --with Recruiting --with Former --opp northwind \
		--at 2026-03-02T08:00 >/dev/null &&
	tasks thank-you >out &&
	cat >want <<-\EOT &&
	email|Recruiting Partner|2026-03-03|open|Thank-you note to Recruiting Partner
	email|Former Colleague|2026-03-03|open|Thank-you note to Former Colleague
	EOT
	test_cmp want out
'

test_expect_success 'the notes are there as soon as the interview is logged (same command)' '
	# export runs no rule: what it shows was written by `log` itself (with
	# the silence letter made ahead, hidden until its day: issue 22)
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ts = json.load(sys.stdin)[\"tables\"][\"task\"]
got = sorted((t[\"title\"], t[\"origin\"], t[\"due\"], t[\"shown_on\"]) for t in ts)
assert got == [(\"Thank-you note to Former Colleague\", \"thank-you\", \"2026-03-03\", None),
               (\"Thank-you note to Recruiting Partner\", \"thank-you\", \"2026-03-03\", None),
               (\"Write to Recruiting Partner to restate your interest in Backend Engineer\",
                \"silence\", \"2026-03-09\", \"2026-03-09\")], got
"
'

test_expect_success 'each note records its rule, the opportunity, the template and why' '
	for who in "Recruiting Partner" "Former Colleague"; do
		t="Thank-you note to $who" &&
		task_is "$t" origin thank-you opportunity northwind template thank-you &&
		task_field "$t" why >why &&
		grep -qF "$who" why &&
		grep -qF "Northwind Labs" why &&
		grep -qF "2026-03-02" why || return 1
	done
'

test_expect_success 'the recruiter who was not in the interview gets no note' '
	! tasks thank-you | grep -q "Campus Recruiter"
'

test_expect_success 'agenda --json shows the notes as upcoming, with origin and why' '
	rapport --json agenda >out &&
	jv_eq upcoming.# 2 upcoming.0.origin thank-you upcoming.1.origin thank-you <out &&
	jv upcoming.0.why <out | grep -q "Northwind Labs" &&
	jv upcoming.1.why <out | grep -q "Northwind Labs"
'

test_expect_success 'a call is not an interview: no note' '
	rapport log call "Quick chat about the team" --with Campus --opp northwind \
		--at 2026-03-02T16:00 >/dev/null &&
	test_eq "$(ntasks thank-you)" 2
'

# Tuesday 3 March
RAPPORT_NOW=2026-03-03T09:00

test_expect_success 'Tue 3: the notes are due today' '
	rapport --json agenda >out &&
	jv_eq today.# 2 today.0.kind email <out
'

test_expect_success 'Tue 3: the note to Recruiting is done: an e-mail to her is logged' '
	rapport --json task done "$(task_id "Thank-you note to Recruiting Partner")" >out &&
	test_eq "$(jv status <out)" done &&
	contacts northwind >c &&
	grep "^email|out|Recruiting Partner|2026-03-03|" c &&
	rapport --json person show Recruiting >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv last_contact >lc &&
	grep -q "^2026-03-03" lc
'

test_expect_success 'Tue 3: the note to Former is done with --no-log: nothing is logged' '
	contacts northwind >before &&
	rapport task done "$(task_id "Thank-you note to Former Colleague")" --no-log >/dev/null &&
	test_eq "$(task_field "Thank-you note to Former Colleague" status)" done &&
	contacts northwind >after &&
	test_cmp before after
'

# Monday 9 March: a second round, logged three days late
RAPPORT_NOW=2026-03-09T18:00

test_expect_success 'Mon 9: a second interview, logged late: the note is due the day after it' '
	rapport person add "Product Owner" --org "Northwind Labs" --title "Product Manager" >/dev/null &&
	rapport log interview "Second round" --with Recruiting --with "Product Owner" --opp northwind \
		--at 2026-03-06T15:00 >/dev/null &&
	tasks thank-you >out &&
	cat >want <<-\EOT &&
	email|Recruiting Partner|2026-03-03|done|Thank-you note to Recruiting Partner
	email|Former Colleague|2026-03-03|done|Thank-you note to Former Colleague
	email|Recruiting Partner|2026-03-07|open|Thank-you note to Recruiting Partner
	email|Product Owner|2026-03-07|open|Thank-you note to Product Owner
	EOT
	test_cmp want out &&
	task_field "Thank-you note to Product Owner" why | grep -q "2026-03-06"
'

test_expect_success 'Mon 9: the late notes are overdue' '
	rapport --json agenda >out &&
	jv_eq overdue.# 2 overdue.0.origin thank-you overdue.0.due 2026-03-07 <out
'

test_expect_success 'an interview on no opportunity still thanks the person' '
	rapport person add "Design Partner" --org "Fjord Systems" >/dev/null &&
	rapport log interview "Informal interview" --with Design >/dev/null &&
	tasks thank-you | grep -x "email|Design Partner|2026-03-10|open|Thank-you note to Design Partner" &&
	test_eq "$(task_field "Thank-you note to Design Partner" origin)" thank-you &&
	task_field "Thank-you note to Design Partner" why | grep -q "Design Partner"
'

# Tuesday 10 March: follow-ups of every kind, done
RAPPORT_NOW=2026-03-10T11:00

test_expect_success 'Tue 10: done calls, letters, meetings and LinkedIn messages are logged' '
	rapport task add "Call Product" --kind call --with Product --opp northwind >/dev/null &&
	rapport task add "Letter to Recruiting" --kind letter --with Recruiting --opp northwind >/dev/null &&
	rapport task add "Coffee with Former" --kind meeting --with Former --opp northwind >/dev/null &&
	rapport task add "Message Campus" --kind linkedin --with Campus --opp northwind >/dev/null &&
	contacts northwind >before &&
	for t in "Call Product" "Letter to Recruiting" "Coffee with Former" "Message Campus"; do
		rapport task done "$(task_id "$t")" >/dev/null || return 1
	done &&
	contacts northwind >after &&
	test_eq "$(($(wc -l <after) - $(wc -l <before)))" 4 &&
	grep "^call|out|Product Owner|2026-03-10|" after &&
	grep "^letter|out|Recruiting Partner|2026-03-10|" after &&
	grep "^meeting|out|Former Colleague|2026-03-10|" after &&
	grep "^[a-z]*|out|Campus Recruiter|2026-03-10|" after
'

test_expect_success 'Tue 10: done reviews, lessons and tasks without a person log nothing' '
	rapport task add "Review the panel" --kind review --with Recruiting --opp northwind >/dev/null &&
	rapport task add "Learn about Kafka" --kind learn --with Former --opp northwind >/dev/null &&
	rapport task add "Update the CV" --kind other --with Product --opp northwind >/dev/null &&
	rapport task add "E-mail the team" --kind email --opp northwind >/dev/null &&
	contacts northwind >before &&
	for t in "Review the panel" "Learn about Kafka" "Update the CV" "E-mail the team"; do
		rapport task done "$(task_id "$t")" >/dev/null || return 1
	done &&
	contacts northwind >after &&
	test_cmp before after
'

test_expect_success 'tasks added by hand come from no rule' '
	test_eq "$(ntasks thank-you)" 5 &&
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
t = {t[\"title\"]: t for t in json.load(sys.stdin)}[\"Call Product\"]
assert t[\"origin\"] != \"thank-you\" and not t[\"why\"], t
"
'

test_done
