#!/bin/sh
# Reaching someone ends the chase (issue 16). After the silence letter, the
# calls come until you get through: a call done with --no-answer logs nothing
# and the next try comes two days later; --reached logs the call and ends the
# chain; a call logged out to the person ends it too. The web's Today page
# has "Got through" and "No answer" for a call.
. "$(dirname "$0")/test-lib.sh"

LETTER="Write to Recruiting Partner to restate your interest in Data Engineer"
CALL="Call Recruiting Partner about Data Engineer"

# chase ORG: an interview on Mon 2 March, a week of silence, the letter sent
# on Mon 9 at noon, and the first call due on Thu 12.
chase() {
	interviewed "$1" interviewing &&
	each_day 2026-03-03 2026-03-09 rapport agenda &&
	on 2026-03-09T12:00 rapport task done "$(on 2026-03-09 task_id "$LETTER")" >/dev/null &&
	each_day 2026-03-10 2026-03-12 rapport agenda &&
	test_eq "$(on 2026-03-12 tasks silence.call)" "call|Recruiting Partner|2026-03-12|open|$CALL"
}

test_use_db no-answer.db
test_expect_success 'no answer: nothing logged, and the next try comes two days later' '
	chase "Harbor Analytics" &&
	on 2026-03-12T15:00 rapport task done "$(on 2026-03-12 task_id "$CALL")" --no-answer >out &&
	grep -q "^done (no answer): task" out &&
	! on 2026-03-12 contacts job | grep -q "^call|" &&
	each_day 2026-03-13 2026-03-14 rapport agenda &&
	on 2026-03-14 tasks silence.call >out &&
	cat >want <<-EOT &&
	call|Recruiting Partner|2026-03-12|done|$CALL
	call|Recruiting Partner|2026-03-14|open|$CALL
	EOT
	test_cmp want out
'

test_expect_success 'got through: the call is logged and the chain ends, no more calls' '
	on 2026-03-14T10:00 rapport task done "$(on 2026-03-14 task_id "$CALL")" --reached >out &&
	grep -q "^done (got through): task" out &&
	on 2026-03-14 contacts job >c &&
	grep -q "^call|out|Recruiting Partner|2026-03-14|$CALL$" c &&
	each_day 2026-03-15 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 2 &&
	test_eq "$(on 2026-03-31 tasks silence.call | grep -c "|open|")" 0
'

test_use_db logged.db
test_expect_success 'a call logged out to the person ends the chase: the open call is skipped, with why' '
	chase "Juniper Bank" &&
	on 2026-03-12T16:00 rapport log call "Got through to Recruiting: they decide Friday" \
		--with Recruiting --opp job >/dev/null &&
	task_is "$CALL" status skipped &&
	task_field "$CALL" why >why &&
	grep -qF "(Skipped: you got through on 2026-03-12.)" why &&
	each_day 2026-03-13 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 1
'

test_use_db flags.db
test_expect_success 'the flags: not both, only for a call' '
	on 2026-03-02 rapport task add "Read the annual report" >/dev/null &&
	test_must_fail 1 rapport task done 1 --reached --no-answer &&
	test_stderr_contains "exclude each other" &&
	test_must_fail 1 rapport task done 1 --reached &&
	test_stderr_contains "is not a call" &&
	task_is "Read the annual report" status open
'

test_use_db web.db
test_expect_success 'the Today page: a call has "Got through" and "No answer"; no answer keeps it going' '
	chase "Kestrel Freight" &&
	id=$(on 2026-03-12 task_id "$CALL") &&
	RAPPORT_NOW=2026-03-12T15:00 serve_start &&
	http GET / >page &&
	grep -q "action=\"/tasks/$id/reached\"" page &&
	grep -q "action=\"/tasks/$id/no-answer\"" page &&
	! grep -q "action=\"/tasks/$id/done\"" page &&
	test "$(http_status POST /tasks/$id/no-answer)" = 303 &&
	serve_stop &&
	task_is "$CALL" status done &&
	! on 2026-03-12 contacts job | grep -q "^call|" &&
	each_day 2026-03-13 2026-03-14 rapport agenda &&
	test_eq "$(on 2026-03-14 tasks silence.call | grep -c "|open|")" 1
'

test_done
