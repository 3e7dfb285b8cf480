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
	rapport person add "Lena Fischer" --org "Blue Harbor Logistics" --cadence 30 >/dev/null &&
	rapport person add "Omar Haddad" --org "Cedar Credit" --cadence 14 >/dev/null &&
	rapport person add "Chloe Martin" --org "Fjord Systems" --cadence 21 >/dev/null &&
	rapport person add "Noah Brown" --org "Fjord Systems" >/dev/null &&
	rapport log call "Catch-up" --with Noah >/dev/null &&
	test_eq "$(cadence Omar)" 14
'

test_expect_success 'Tue 10: a call with Omar' '
	on 2026-03-10T12:00 rapport log call "Omar on the credit market" --with Omar >/dev/null
'

test_expect_success 'Mar 3 - 19: no cadence has lapsed yet' '
	each_day 2026-03-03 2026-03-19 rapport agenda &&
	test_eq "$(on 2026-03-19 ntasks keep-in-touch)" 0
'

test_expect_success 'Fri 20 - Mon 23: coffee with Chloe moves her next date past the 23rd' '
	on 2026-03-20T08:30 rapport log meeting "Coffee" --with Chloe >/dev/null &&
	each_day 2026-03-20 2026-03-23 rapport agenda &&
	test_eq "$(on 2026-03-23 ntasks keep-in-touch)" 0
'

test_expect_success 'Tue 24: 14 days after the call, one e-mail task for Omar, due today' '
	on 2026-03-24 rapport --json agenda >out &&
	jv_eq today.# 1 today.0.origin keep-in-touch today.0.kind email \
		today.0.title "Keep in touch with Omar Haddad" today.0.person.name "Omar Haddad" \
		today.0.due 2026-03-24 today.0.template keep-in-touch <out &&
	jv today.0.why <out >why &&
	grep -qF 2026-03-10 why && grep -qF 14 why
'

test_expect_success 'Tue 31: Lena (added a month ago, never contacted) has not lapsed yet' '
	each_day 2026-03-24 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 kit "Lena Fischer")" ""
'

test_expect_success 'Thu 2 April: Lena has lapsed: one task, due on the day it lapsed' '
	each_day 2026-04-01 2026-04-02 rapport agenda &&
	test_eq "$(on 2026-04-02 kit "Lena Fischer")" \
		"email|Lena Fischer|2026-04-01|open|Keep in touch with Lena Fischer" &&
	on 2026-04-02 task_field "Keep in touch with Lena Fischer" why | grep -qF 30
'

test_expect_success 'Fri 3: the e-mail to Lena is done: logged, her next date moves' '
	on 2026-04-03T10:00 rapport task done \
		"$(on 2026-04-03 task_id "Keep in touch with Lena Fischer")" >/dev/null &&
	on 2026-04-03 rapport --json person show Lena >out &&
	jv last_contact <out | grep -q "^2026-04-03" &&
	jv_eq interactions.0.kind email interactions.0.direction out <out &&
	test_eq "$(on 2026-04-03 kit "Lena Fischer")" \
		"email|Lena Fischer|2026-04-01|done|Keep in touch with Lena Fischer"
'

test_expect_success 'Sun 5: Omar writes while his task is open: still just one for him' '
	on 2026-04-05T18:00 rapport log email "Omar: news" --with Omar --in >/dev/null &&
	each_day 2026-04-03 2026-04-09 rapport agenda &&
	test_eq "$(on 2026-04-09 kit "Omar Haddad")" \
		"email|Omar Haddad|2026-03-24|open|Keep in touch with Omar Haddad"
'

test_expect_success 'Thu 9 - Sat 11: Chloe lapses 21 days after the coffee' '
	test_eq "$(on 2026-04-09 kit "Chloe Martin")" "" &&
	test_eq "$(on 2026-04-11 kit "Chloe Martin")" \
		"email|Chloe Martin|2026-04-10|open|Keep in touch with Chloe Martin"
'

test_expect_success 'Sat 11: Chloe'"'"'s task is skipped: it does not come back for that lapse' '
	on 2026-04-11 rapport task skip "$(on 2026-04-11 task_id "Keep in touch with Chloe Martin")" \
		>/dev/null &&
	each_day 2026-04-11 2026-04-20 rapport agenda &&
	test_eq "$(on 2026-04-20 kit "Chloe Martin")" \
		"email|Chloe Martin|2026-04-10|skipped|Keep in touch with Chloe Martin"
'

test_expect_success 'Mon 20: Omar still has one open task, three weeks on' '
	test_eq "$(on 2026-04-20 kit "Omar Haddad")" \
		"email|Omar Haddad|2026-03-24|open|Keep in touch with Omar Haddad"
'

test_expect_success 'Mon 20: Omar'"'"'s task is done; May 3 - 5: the next counts from then' '
	on 2026-04-20T09:30 rapport task done "$(on 2026-04-20 task_id "Keep in touch with Omar Haddad")" \
		>/dev/null &&
	each_day 2026-04-21 2026-05-03 rapport agenda &&
	test_eq "$(on 2026-05-03 kit "Omar Haddad" | grep -c "|open|")" 0 &&
	on 2026-05-05 kit "Omar Haddad" >out &&
	cat >want <<-\EOT &&
	email|Omar Haddad|2026-03-24|done|Keep in touch with Omar Haddad
	email|Omar Haddad|2026-05-04|open|Keep in touch with Omar Haddad
	EOT
	test_cmp want out
'

test_expect_success 'May 3 - 5: Lena lapsed again 30 days after the e-mail, once' '
	on 2026-05-05 kit "Lena Fischer" >out &&
	cat >want <<-\EOT &&
	email|Lena Fischer|2026-04-01|done|Keep in touch with Lena Fischer
	email|Lena Fischer|2026-05-03|open|Keep in touch with Lena Fischer
	EOT
	test_cmp want out
'

test_expect_success 'Chloe'"'"'s skipped task still does not come back' '
	test_eq "$(on 2026-05-05 kit "Chloe Martin" | wc -l)" 1
'

test_expect_success 'Noah, without a cadence, is never reminded' '
	test_eq "$(on 2026-05-05 kit "Noah Brown")" ""
'

test_expect_success 'months without looking: one task per lapsed person, not one per period' '
	on 2026-05-05 rapport person add "Ivy Morgan" --org "Harbor Freight Tech" --cadence 7 >/dev/null &&
	on 2026-08-01 kit "Ivy Morgan" >out &&
	echo "email|Ivy Morgan|2026-05-12|open|Keep in touch with Ivy Morgan" >want &&
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
