#!/bin/sh
# Playbooks, keep-in-touch: someone with a cadence of N days who has not been
# in touch for N days gets one e-mail task, due the day the cadence lapsed;
# never two open at once; the next one counts from the latest interaction.
. "$(dirname "$0")/test-lib.sh"

# kit PERSON: the person's keep-in-touch tasks, oldest first (kind|person|due|status|title).
kit() {
	tasks keep-in-touch | grep "|$1|" || :
}

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: people to keep in touch with, and one without a cadence' '
	rapport person add "Industry Mentor" --org "Blue Harbor Logistics" --cadence 30 >/dev/null &&
	rapport person add "Risk Analyst" --org "Cedar Credit" --cadence 14 >/dev/null &&
	rapport person add "Support Engineer" --org "Fjord Systems" --cadence 21 >/dev/null &&
	rapport person add "Junior Engineer" --org "Fjord Systems" >/dev/null &&
	rapport log call "Catch-up" --with Junior >/dev/null &&
	test_eq "$(cadence Risk)" 14
'

test_expect_success 'Tue 10: a call with Risk' '
	on 2026-03-10T12:00 rapport log call "Risk on the credit market" --with Risk >/dev/null
'

test_expect_success 'Mar 3 - 19: no cadence has lapsed yet' '
	each_day 2026-03-03 2026-03-19 rapport agenda &&
	test_eq "$(on 2026-03-19 ntasks keep-in-touch)" 0
'

test_expect_success 'Fri 20 - Mon 23: coffee with Support moves her next date past the 23rd' '
	on 2026-03-20T08:30 rapport log meeting "Coffee" --with Support >/dev/null &&
	each_day 2026-03-20 2026-03-23 rapport agenda &&
	test_eq "$(on 2026-03-23 ntasks keep-in-touch)" 0
'

test_expect_success 'Tue 24: 14 days after the call, one e-mail task for Risk, due today' '
	on 2026-03-24 rapport --json agenda >out &&
	jv_eq today.# 1 today.0.origin keep-in-touch today.0.kind email \
		today.0.title "Keep in touch with Risk Analyst" today.0.person.name "Risk Analyst" \
		today.0.due 2026-03-24 today.0.template keep-in-touch <out &&
	jv today.0.why <out >why &&
	grep -qF 2026-03-10 why && grep -qF 14 why
'

test_expect_success 'Tue 31: Industry (added a month ago, never contacted) has not lapsed yet' '
	each_day 2026-03-24 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 kit "Industry Mentor")" ""
'

test_expect_success 'Thu 2 April: Industry has lapsed: one task, due on the day it lapsed' '
	each_day 2026-04-01 2026-04-02 rapport agenda &&
	test_eq "$(on 2026-04-02 kit "Industry Mentor")" \
		"email|Industry Mentor|2026-04-01|open|Keep in touch with Industry Mentor" &&
	on 2026-04-02 task_field "Keep in touch with Industry Mentor" why | grep -qF 30
'

test_expect_success 'Fri 3: the e-mail to Industry is done: logged, her next date moves' '
	on 2026-04-03T10:00 rapport task done \
		"$(on 2026-04-03 task_id "Keep in touch with Industry Mentor")" >/dev/null &&
	on 2026-04-03 rapport --json person show Industry >out &&
	jv last_contact <out | grep -q "^2026-04-03" &&
	jv_eq interactions.0.kind email interactions.0.direction out <out &&
	test_eq "$(on 2026-04-03 kit "Industry Mentor")" \
		"email|Industry Mentor|2026-04-01|done|Keep in touch with Industry Mentor"
'

# Any contact ends a keep-in-touch note (issue 16: ends = contact): once Risk
# has written, the note is moot; it is skipped with the reason, and the next
# lapse counts from his e-mail.
test_expect_success 'Sun 5: Risk writes while his task is open: the note is skipped, with why' '
	on 2026-04-05T18:00 rapport log email "Risk: news" --with Risk --in >/dev/null &&
	each_day 2026-04-03 2026-04-09 rapport agenda &&
	test_eq "$(on 2026-04-09 kit "Risk Analyst")" \
		"email|Risk Analyst|2026-03-24|skipped|Keep in touch with Risk Analyst" &&
	task_field "Keep in touch with Risk Analyst" why >why &&
	grep -qF "(Skipped: you were in touch on 2026-04-05.)" why
'

test_expect_success 'Thu 9 - Sat 11: Support lapses 21 days after the coffee' '
	test_eq "$(on 2026-04-09 kit "Support Engineer")" "" &&
	test_eq "$(on 2026-04-11 kit "Support Engineer")" \
		"email|Support Engineer|2026-04-10|open|Keep in touch with Support Engineer"
'

test_expect_success 'Sat 11: Support'"'"'s task is skipped: it does not come back for that lapse' '
	on 2026-04-11 rapport task skip "$(on 2026-04-11 task_id "Keep in touch with Support Engineer")" \
		>/dev/null &&
	each_day 2026-04-11 2026-04-20 rapport agenda &&
	test_eq "$(on 2026-04-20 kit "Support Engineer")" \
		"email|Support Engineer|2026-04-10|skipped|Keep in touch with Support Engineer"
'

test_expect_success 'Mon 20: Risk lapsed again, counted from his e-mail: one open task' '
	on 2026-04-20 kit "Risk Analyst" >out &&
	cat >want <<-\EOT &&
	email|Risk Analyst|2026-03-24|skipped|Keep in touch with Risk Analyst
	email|Risk Analyst|2026-04-19|open|Keep in touch with Risk Analyst
	EOT
	test_cmp want out
'

test_expect_success 'Mon 20: Risk'"'"'s task is done; May 3 - 5: the next counts from then' '
	on 2026-04-20T09:30 rapport task done "$(on 2026-04-20 task_id "Keep in touch with Risk Analyst")" \
		>/dev/null &&
	each_day 2026-04-21 2026-05-03 rapport agenda &&
	test_eq "$(on 2026-05-03 kit "Risk Analyst" | grep -c "|open|")" 0 &&
	on 2026-05-05 kit "Risk Analyst" >out &&
	cat >want <<-\EOT &&
	email|Risk Analyst|2026-03-24|skipped|Keep in touch with Risk Analyst
	email|Risk Analyst|2026-04-19|done|Keep in touch with Risk Analyst
	email|Risk Analyst|2026-05-04|open|Keep in touch with Risk Analyst
	EOT
	test_cmp want out
'

test_expect_success 'May 3 - 5: Industry lapsed again 30 days after the e-mail, once' '
	on 2026-05-05 kit "Industry Mentor" >out &&
	cat >want <<-\EOT &&
	email|Industry Mentor|2026-04-01|done|Keep in touch with Industry Mentor
	email|Industry Mentor|2026-05-03|open|Keep in touch with Industry Mentor
	EOT
	test_cmp want out
'

test_expect_success 'Support'"'"'s skipped task still does not come back' '
	test_eq "$(on 2026-05-05 kit "Support Engineer" | wc -l)" 1
'

test_expect_success 'Junior, without a cadence, is never reminded' '
	test_eq "$(on 2026-05-05 kit "Junior Engineer")" ""
'

test_expect_success 'months without looking: one task per lapsed person, not one per period' '
	on 2026-05-05 rapport person add "Logistics Manager" --org "Harbor Freight Tech" --cadence 7 >/dev/null &&
	on 2026-08-01 kit "Logistics Manager" >out &&
	echo "email|Logistics Manager|2026-05-12|open|Keep in touch with Logistics Manager" >want &&
	test_cmp want out &&
	on 2026-08-01 tasks keep-in-touch >before &&
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		on 2026-08-01 rapport agenda >/dev/null || return 1
	done &&
	on 2026-08-01 tasks keep-in-touch >after &&
	test_cmp before after &&
	test_eq "$(grep -c "|open|" after)" 3
'

test_done
