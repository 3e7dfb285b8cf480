#!/bin/sh
# Playbooks, silence: no word within a week of an interview brings one letter
# to the hiring manager; a letter done without a reply brings a call three days
# later, then another two days after each call done, three calls at most.
# The agenda runs every day, often several times: each follow-up comes once.
. "$(dirname "$0")/test-lib.sh"

LETTER="Write to Recruiting Partner to restate your interest in Site Reliability Engineer"
CALL="Call Recruiting Partner about Site Reliability Engineer"

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: an interview with the hiring manager and a peer' '
	rapport opp add "Harbor Freight Tech" "Site Reliability Engineer" --slug harbor >/dev/null &&
	rapport opp move harbor interviewing >/dev/null &&
	rapport person add "Recruiting Partner" --org "Harbor Freight Tech" --rapport 3 >/dev/null &&
	rapport person add "Former Colleague" --org "Harbor Freight Tech" --rapport 5 >/dev/null &&
	rapport opp link harbor Recruiting --role hiring-manager >/dev/null &&
	rapport log interview "On-site loop" --with Recruiting --with Former --opp harbor \
		--at 2026-03-02T08:00 >/dev/null &&
	test_eq "$(ntasks thank-you silence)" "2 0"
'

test_expect_success 'the thank-you notes get done (outbound: the silence goes on)' '
	on 2026-03-03T08:00 rapport task done "$(task_id "Thank-you note to Recruiting Partner")" \
		>/dev/null &&
	on 2026-03-03T08:05 rapport task done "$(task_id "Thank-you note to Former Colleague")" \
		>/dev/null &&
	test_eq "$(on 2026-03-03 ntasks silence)" 0 &&
	on 2026-03-03 contacts harbor >c &&
	test_eq "$(grep -c "^email|out|" c)" 2
'

test_expect_success 'Tue 3 - Sun 8: six quiet days, the agenda twice a day: no letter yet' '
	each_day 2026-03-03 2026-03-08 rapport agenda &&
	each_day 2026-03-03 2026-03-08 rapport task list &&
	test_eq "$(ntasks silence silence.call)" "0 0"
'

# Monday 9 March: a week without word
RAPPORT_NOW=2026-03-09T08:00

test_expect_success 'Mon 9: day 7: one letter, to the hiring manager, due today' '
	rapport --json agenda >out &&
	jv_eq today.# 1 today.0.origin silence today.0.kind letter \
		today.0.person.name "Recruiting Partner" today.0.opportunity.slug harbor \
		today.0.due 2026-03-09 today.0.template silence-letter <out
'

test_expect_success 'Mon 9: the letter says why in plain words' '
	rapport --json agenda >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv today.0.why >why &&
	grep -qF "Harbor Freight Tech" why &&
	grep -qF "2026-03-02" why &&
	grep -q "7" why
'

test_expect_success 'Mon 9 - Tue 10: agenda and task list over and over: still one letter' '
	for i in 1 2 3 4 5 6 7 8 9 10; do
		rapport agenda >/dev/null && rapport task list >/dev/null || return 1
	done &&
	each_day 2026-03-09 2026-03-10 rapport agenda &&
	on 2026-03-10 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|open|$LETTER" >want &&
	test_cmp want out
'

test_expect_success 'Tue 10: the letter is sent: logged as a letter to Recruiting' '
	on 2026-03-10T11:00 rapport task done "$(on 2026-03-10 task_id "$LETTER")" >/dev/null &&
	on 2026-03-10 contacts harbor | grep "^letter|out|Recruiting Partner|2026-03-10|"
'

test_expect_success 'Wed 11 - Thu 12: less than three days after the letter: no call' '
	each_day 2026-03-10 2026-03-12 rapport agenda &&
	test_eq "$(on 2026-03-12 ntasks silence.call)" 0
'

test_expect_success 'Fri 13: three days after the letter: a call to Recruiting, due today' '
	on 2026-03-13 rapport --json agenda >out &&
	jv_eq today.# 1 today.0.origin silence.call today.0.kind call \
		today.0.person.name "Recruiting Partner" today.0.opportunity.slug harbor \
		today.0.due 2026-03-13 <out &&
	jv today.0.why <out | grep -qF "Harbor Freight Tech"
'

test_expect_success 'Fri 13 - Sat 14: one call, however often the agenda runs' '
	for i in 1 2 3 4 5; do on 2026-03-13T17:00 rapport agenda >/dev/null || return 1; done &&
	each_day 2026-03-13 2026-03-14 rapport agenda &&
	test_eq "$(on 2026-03-14 ntasks silence.call silence)" "1 1"
'

test_expect_success 'Sat 14: the first call is made, no answer; Sun 15 nothing new' '
	on 2026-03-14T10:00 rapport task done "$(on 2026-03-14 task_id "$CALL")" >/dev/null &&
	on 2026-03-14 contacts harbor | grep "^call|out|Recruiting Partner|2026-03-14|" &&
	each_day 2026-03-14 2026-03-15 rapport agenda &&
	test_eq "$(on 2026-03-15 ntasks silence.call)" 1
'

test_expect_success 'Mon 16: two days after the first call: the second, due today' '
	on 2026-03-16 tasks silence.call >out &&
	cat >want <<-EOT &&
	call|Recruiting Partner|2026-03-13|done|$CALL
	call|Recruiting Partner|2026-03-16|open|$CALL
	EOT
	test_cmp want out
'

test_expect_success 'Mon 16 - Wed 18: the second call is made Monday; the third comes Wednesday' '
	on 2026-03-16T15:00 rapport task done "$(on 2026-03-16 task_id "$CALL")" >/dev/null &&
	each_day 2026-03-16 2026-03-17 rapport agenda &&
	test_eq "$(on 2026-03-17 ntasks silence.call)" 2 &&
	each_day 2026-03-18 2026-03-18 rapport agenda &&
	on 2026-03-18 tasks silence.call >out &&
	cat >want <<-EOT &&
	call|Recruiting Partner|2026-03-13|done|$CALL
	call|Recruiting Partner|2026-03-16|done|$CALL
	call|Recruiting Partner|2026-03-18|open|$CALL
	EOT
	test_cmp want out
'

test_expect_success 'Wed 18: the third call is made; no fourth, for weeks' '
	on 2026-03-18T09:30 rapport task done "$(on 2026-03-18 task_id "$CALL")" >/dev/null &&
	each_day 2026-03-18 2026-04-10 rapport agenda &&
	on 2026-04-10 rapport task list >/dev/null &&
	test_eq "$(on 2026-04-10 ntasks silence.call silence)" "3 1" &&
	on 2026-04-10 tasks silence.call | grep -c "|done|" >n &&
	test_eq "$(cat n)" 3
'

test_expect_success 'the whole chain was for the hiring manager, not the higher-rapport peer' '
	on 2026-04-10 tasks >out &&
	! grep "^letter|Former Colleague" out &&
	! grep "^call|Former Colleague" out
'

test_expect_success 'every step was logged as outbound contact with Recruiting' '
	on 2026-04-10 contacts harbor >c &&
	grep -c "^letter|out|Recruiting Partner|" c >n && test_eq "$(cat n)" 1 &&
	grep -c "^call|out|Recruiting Partner|" c >n && test_eq "$(cat n)" 3 &&
	! grep "|in|" c
'

test_expect_success 'a reply weeks later changes nothing that is done' '
	on 2026-04-12 rapport log email "Sorry for the delay" --with Recruiting --opp harbor --in >/dev/null &&
	on 2026-04-12 tasks silence >s1 && on 2026-04-12 tasks silence.call >s2 &&
	test_eq "$(grep -c "|done|" s1)" 1 &&
	test_eq "$(grep -c "|done|" s2)" 3 &&
	! grep "|skipped|" s1 s2
'

test_done
