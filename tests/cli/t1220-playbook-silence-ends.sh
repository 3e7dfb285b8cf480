#!/bin/sh
# Playbooks, silence: what ends the chain (a reply on the opportunity, a change
# of stage: open follow-ups are skipped and why says so), who the letter is
# for, and when it is due. Each search has a database of its own.
. "$(dirname "$0")/test-lib.sh"

LETTER="Write to Recruiting Partner to restate your interest in Data Engineer"
CALL="Call Recruiting Partner about Data Engineer"

# quiet_week ORG STAGE: interviewed ORG STAGE (test-lib.sh), then no word: the
# agenda every day up to Monday 9 March, when the letter falls due.
quiet_week() {
	interviewed "$1" "$2" &&
	each_day 2026-03-03 2026-03-09 rapport agenda
}

# letter_sent: the letter is sent at noon on Monday 9 March.
letter_sent() {
	on 2026-03-09T12:00 rapport task done "$(on 2026-03-09 task_id "$LETTER")" >/dev/null
}

# letter_to PERSON: after the agenda every day up to Monday 9 March, the one
# silence letter is to PERSON, due that day and open.
letter_to() {
	each_day 2026-03-03 2026-03-09 rapport agenda &&
	on 2026-03-09 tasks silence >"$TEST_DIR/.got" &&
	echo "letter|$1|2026-03-09|open|Write to $1 to restate your interest in Data Engineer" \
		>"$TEST_DIR/.want" &&
	test_cmp "$TEST_DIR/.want" "$TEST_DIR/.got"
}

# why_grew TITLE FILE: the why of the newest task with that title is the why
# kept in FILE, then more.
why_grew() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
ts = [t for t in json.load(sys.stdin) if t["title"] == sys.argv[1]]
new = str(max(ts, key=lambda t: t["id"])["why"]).rstrip("\n")
old = open(sys.argv[2]).read().rstrip("\n")
assert new.startswith(old) and len(new.strip()) > len(old.strip()), (old, new)
' "$1" "$2"
}

test_use_db reply-early.db
test_expect_success 'a reply within the week: no letter, ever' '
	interviewed "Quartz Insurance" interviewing &&
	on 2026-03-05 rapport log email "Next steps soon" --with Former --opp job --in >/dev/null &&
	each_day 2026-03-06 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence silence.call)" "0 0"
'

test_use_db reply-elsewhere.db
test_expect_success 'a reply about something else (no opportunity) does not end the silence' '
	interviewed "Cobalt Retail" interviewing &&
	on 2026-03-05 rapport log email "Happy birthday" --with Recruiting --in >/dev/null &&
	each_day 2026-03-06 2026-03-09 rapport agenda &&
	on 2026-03-09 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|open|$LETTER" >want &&
	test_cmp want out
'

test_use_db reply-letter.db
test_expect_success 'a reply while the letter is open: the letter is skipped, why says so' '
	quiet_week "Pinecone Media" interviewing &&
	on 2026-03-09 task_field "$LETTER" why >why.before &&
	test_eq "$(on 2026-03-09 task_field "$LETTER" status)" open &&
	on 2026-03-10T14:00 rapport log call "Recruiting called back" --with Recruiting --opp job --in >/dev/null &&
	test_eq "$(on 2026-03-10 task_field "$LETTER" status)" skipped &&
	on 2026-03-10 why_grew "$LETTER" why.before
'

test_expect_success '... and nothing more comes of it' '
	each_day 2026-03-10 2026-03-31 rapport agenda &&
	on 2026-03-31 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|skipped|$LETTER" >want &&
	test_cmp want out &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_use_db reply-after-letter.db
test_expect_success 'a reply after the letter was sent: no call' '
	quiet_week "Ember Games" interviewing &&
	letter_sent &&
	on 2026-03-11 rapport log email "Thanks for your letter" --with Recruiting --opp job --in >/dev/null &&
	each_day 2026-03-11 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0 &&
	test_eq "$(on 2026-03-31 task_field "$LETTER" status)" done
'

test_use_db reply-during-calls.db
test_expect_success 'a reply while a call is open: the call is skipped, why says so' '
	quiet_week "Lattice Bank" interviewing &&
	letter_sent &&
	each_day 2026-03-10 2026-03-12 rapport agenda &&
	test_eq "$(on 2026-03-12 task_field "$CALL" status)" open &&
	on 2026-03-12 task_field "$CALL" why >why.before &&
	on 2026-03-13T08:00 rapport log email "Decision next week" --with Former --opp job --in >/dev/null &&
	test_eq "$(on 2026-03-13 task_field "$CALL" status)" skipped &&
	on 2026-03-13 why_grew "$CALL" why.before
'

test_expect_success '... and no further call comes' '
	each_day 2026-03-13 2026-03-31 rapport agenda &&
	on 2026-03-31 tasks silence.call >out &&
	echo "call|Recruiting Partner|2026-03-12|skipped|$CALL" >want &&
	test_cmp want out
'

test_use_db stage-letter.db
test_expect_success 'a stage change while the letter is open: skipped, why says so' '
	quiet_week "Juniper Travel" interviewing &&
	on 2026-03-09 task_field "$LETTER" why >why.before &&
	on 2026-03-10 rapport opp move job offer >/dev/null &&
	test_eq "$(on 2026-03-10 task_field "$LETTER" status)" skipped &&
	on 2026-03-10 why_grew "$LETTER" why.before &&
	each_day 2026-03-10 2026-03-25 rapport agenda &&
	test_eq "$(on 2026-03-25 ntasks silence silence.call)" "1 0"
'

test_use_db stage-call.db
test_expect_success 'a stage change while a call is open: the call is skipped' '
	quiet_week "Meridian Foods" interviewing &&
	letter_sent &&
	each_day 2026-03-10 2026-03-12 rapport agenda &&
	on 2026-03-12 task_field "$CALL" why >why.before &&
	on 2026-03-12T15:00 rapport opp move job rejected >/dev/null &&
	test_eq "$(on 2026-03-12 task_field "$CALL" status)" skipped &&
	on 2026-03-12 why_grew "$CALL" why.before &&
	each_day 2026-03-13 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 1
'

test_use_db stage-after-letter.db
test_expect_success 'a stage change after the letter was sent ends the chain: no call' '
	quiet_week "Sierra Robotics" conversation &&
	letter_sent &&
	on 2026-03-10 rapport opp move job conversation >/dev/null &&
	each_day 2026-03-10 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_use_db no-manager.db
test_expect_success 'no hiring manager: the letter goes to the highest-rapport person met' '
	on 2026-03-02 rapport opp add "Aurora Clinics" "Data Engineer" --slug job >/dev/null &&
	on 2026-03-02 rapport opp move job conversation >/dev/null &&
	on 2026-03-02 rapport person add "Product Owner" --org "Aurora Clinics" --rapport 2 >/dev/null &&
	on 2026-03-02 rapport person add "Design Partner" --org "Aurora Clinics" --rapport 5 >/dev/null &&
	on 2026-03-02 rapport person add "Ops Manager" --org "Aurora Clinics" --rapport 3 >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "Chat" --with Product --with Design --with Ops \
		--opp job >/dev/null &&
	letter_to "Design Partner"
'

test_expect_success '... and the calls after it go to the same person' '
	on 2026-03-09T12:00 rapport task done "$(on 2026-03-09 task_id "Write to Design Partner to restate your interest in Data Engineer")" >/dev/null &&
	each_day 2026-03-10 2026-03-12 rapport agenda &&
	on 2026-03-12 tasks silence.call >out &&
	echo "call|Design Partner|2026-03-12|open|Call Design Partner about Data Engineer" >want &&
	test_cmp want out
'

test_use_db applied.db
# An interview logged on an application moves it to interviewing (issue 16):
# the silence rule covers it, where it used to wait for a move by hand.
test_expect_success 'an interview logged on an application: it moves on, and the letter comes' '
	interviewed "Beacon Energy" applied &&
	each_day 2026-03-03 2026-03-20 rapport agenda &&
	test_eq "$(on 2026-03-20 ntasks silence)" 1
'

test_use_db two-interviews.db
test_expect_success 'a second interview restarts the clock: the letter is due 7 days after it' '
	interviewed "Vertex Software" interviewing &&
	on 2026-03-06T10:00 rapport log interview "Round two" --with Recruiting --opp job >/dev/null &&
	each_day 2026-03-03 2026-03-12 rapport agenda &&
	test_eq "$(on 2026-03-12 ntasks silence)" 0 &&
	on 2026-03-13 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-13|open|$LETTER" >want &&
	test_cmp want out &&
	on 2026-03-13 task_field "$LETTER" why | grep -q 2026-03-06
'

test_use_db late.db
test_expect_success 'first looked at 18 days later: one letter, due on day 7 (overdue)' '
	interviewed "Helix Biotech" interviewing &&
	on 2026-03-20 rapport --json agenda >out &&
	test_eq "$(jlen overdue <out)" 3 &&
	on 2026-03-20 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|open|$LETTER" >want &&
	test_cmp want out
'

test_expect_success '... sent that day: the call is due three days after sending' '
	on 2026-03-20T10:00 rapport task done "$(on 2026-03-20 task_id "$LETTER")" >/dev/null &&
	on 2026-03-22 rapport agenda >/dev/null &&
	test_eq "$(on 2026-03-22 ntasks silence.call)" 0 &&
	on 2026-03-23 tasks silence.call >out &&
	echo "call|Recruiting Partner|2026-03-23|open|$CALL" >want &&
	test_cmp want out
'

test_use_db skipped.db
test_expect_success 'a skipped letter brings no call and no new letter' '
	quiet_week "Granite Logistics" interviewing &&
	on 2026-03-09 rapport task skip "$(on 2026-03-09 task_id "$LETTER")" >/dev/null &&
	each_day 2026-03-09 2026-03-31 rapport agenda &&
	on 2026-03-31 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|skipped|$LETTER" >want &&
	test_cmp want out &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_use_db manager-absent.db
test_expect_success 'the hiring manager was not in the interview: the letter still goes to them' '
	on 2026-03-02 rapport opp add "Atlas Mobility" "Data Engineer" --slug job >/dev/null &&
	on 2026-03-02 rapport opp move job interviewing >/dev/null &&
	on 2026-03-02 rapport person add "Transit Planner" --org "Atlas Mobility" --rapport 1 >/dev/null &&
	on 2026-03-02 rapport person add "Former Colleague" --org "Atlas Mobility" --rapport 5 >/dev/null &&
	on 2026-03-02 rapport opp link job Transit --role hiring-manager >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "Peer interview" --with Former --opp job >/dev/null &&
	letter_to "Transit Planner"
'

test_use_db recruiter-unmet.db
# Met means in a logged interaction on the opportunity (issue 16): a recruiter
# only linked to it, however high the rapport, is not the person you hit it
# off with; the colleague you were interviewed by is written to.
test_expect_success 'no hiring manager: the highest-rapport person met is written to' '
	on 2026-03-02 rapport opp add "Osprey Security" "Data Engineer" --slug job >/dev/null &&
	on 2026-03-02 rapport opp move job interviewing >/dev/null &&
	on 2026-03-02 rapport person add "Campus Recruiter" --org "Osprey Security" --rapport 5 >/dev/null &&
	on 2026-03-02 rapport person add "Former Colleague" --org "Osprey Security" --rapport 2 >/dev/null &&
	on 2026-03-02 rapport opp link job Campus --role recruiter >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "Interview" --with Former --opp job >/dev/null &&
	letter_to "Former Colleague"
'

test_use_db reply-logged-late.db
test_expect_success 'a reply logged a day late, dated before the letter was sent: no call' '
	quiet_week "Kestrel Freight" interviewing &&
	letter_sent &&
	on 2026-03-10 rapport log email "Recruiting: we will call you" --with Recruiting --opp job --in \
		--at 2026-03-09T10:00 >/dev/null &&
	each_day 2026-03-10 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_done
