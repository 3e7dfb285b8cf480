#!/bin/sh
# A silence's letter is made ahead (issue 22): as soon as the interview is
# logged, the letter the rules will make a week later is there, hidden until
# that day (task.shown_on), and then shown by its day alone. Until its day it
# is only the rules' guess: whatever ends the silence before then (a reply,
# a stage out of the rule's, the interview removed or taken back) deletes it
# without a trace, never skips it; a change to what it says (the person's
# rapport) makes it anew; a decision reversed brings it back. From its day
# on it is a task like another, though no command ran that day (a new day
# writes nothing). Each search has a database of its own.
. "$(dirname "$0")/test-lib.sh"

LETTER="Write to Recruiting Partner to restate your interest in Data Engineer"

# letters WHEN: the silence letters in the database (seen or not), as
# status|shown_on|due, and what `task list --all` shows as of WHEN.
letters() {
	test_sql "SELECT status || '|' || ifnull(shown_on, '-') || '|' || due FROM task
		WHERE origin = 'silence' ORDER BY id" &&
	on "$1" tasks silence
}

test_use_db ahead.db
test_expect_success 'the interview logged: its letter is made, hidden until the 9th' '
	interviewed "Quartz Insurance" interviewing &&
	test_eq "$(test_sql "SELECT count(*) FROM task WHERE origin = '"'silence'"'
		AND shown_on = '"'2026-03-09'"' AND status = '"'open'"'")" 1 &&
	for day in 2026-03-02 2026-03-05 2026-03-08; do
		on $day rapport agenda >agenda &&
		! grep -F "restate your interest" agenda &&
		test_eq "$(on $day ntasks silence)" 0 || return 1
	done
'

test_expect_success 'on the 9th it is shown by its day alone, as the rules made it then' '
	on 2026-03-09 rapport agenda >agenda &&
	grep -F "$LETTER" agenda &&
	on 2026-03-09 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|open|$LETTER" >want &&
	test_cmp want out &&
	on 2026-03-09 task_field "$LETTER" why >why &&
	grep -F "since your interview on 2026-03-02" why
'

test_use_db reply.db
test_expect_success 'a reply before its day deletes it: no skipped letter, ever' '
	interviewed "Cobalt Retail" interviewing &&
	on 2026-03-05 rapport log email "Next steps soon" --with Former --opp job --in \
		>/dev/null &&
	test_eq "$(test_sql "SELECT count(*) FROM task WHERE origin = '"'silence'"'")" 0 &&
	each_day 2026-03-06 2026-03-20 rapport agenda &&
	test_eq "$(on 2026-03-20 ntasks silence)" 0
'

test_use_db stage.db
test_expect_success 'a stage out of the rule: deleted; moved back: made again' '
	interviewed "Amber Labs" interviewing &&
	on 2026-03-04 rapport opp move job offer >/dev/null &&
	test_eq "$(test_sql "SELECT count(*) FROM task WHERE origin = '"'silence'"'")" 0 &&
	on 2026-03-05 rapport opp move job interviewing >/dev/null &&
	letters 2026-03-09 >out &&
	cat >want <<-EOF &&
	open|2026-03-09|2026-03-09
	letter|Recruiting Partner|2026-03-09|open|$LETTER
	EOF
	test_cmp want out
'

test_use_db removed.db
test_expect_success 'the interview removed before its day: the letter goes with it' '
	interviewed "Birch Bank" interviewing &&
	i=$(test_sql "SELECT max(id) FROM interaction") &&
	on 2026-03-04 rapport log rm "$i" >/dev/null &&
	test_eq "$(test_sql "SELECT count(*) FROM task WHERE origin = '"'silence'"'")" 0 &&
	each_day 2026-03-05 2026-03-12 rapport agenda &&
	test_eq "$(on 2026-03-12 ntasks silence)" 0
'

test_use_db undone.db
test_expect_success 'the interview taken back (undo): the letter too' '
	interviewed "Cedar Health" interviewing &&
	on 2026-03-02T11:00 rapport undo >/dev/null &&
	test_eq "$(test_sql "SELECT count(*) FROM interaction")" 0 &&
	test_eq "$(test_sql "SELECT count(*) FROM task WHERE origin = '"'silence'"'")" 0
'

test_use_db rapport.db
test_expect_success 'a new hiring manager before its day: the letter is made anew, to them' '
	interviewed "Delta Freight" interviewing &&
	on 2026-03-03 rapport opp link job Former --role hiring-manager >/dev/null &&
	on 2026-03-03 rapport opp link job Recruiting --role peer >/dev/null &&
	test_eq "$(test_sql "SELECT p.name || '"'|'"' || t.shown_on FROM task t
		JOIN person p ON p.id = t.person_id WHERE t.origin = '"'silence'"'")" \
		"Former Colleague|2026-03-09" &&
	each_day 2026-03-04 2026-03-09 rapport agenda &&
	on 2026-03-09 tasks silence >out &&
	echo "letter|Former Colleague|2026-03-09|open|Write to Former Colleague to restate your interest in Data Engineer" >want &&
	test_cmp want out
'

test_use_db seen.db
test_expect_success 'its day come (read, nothing written), then a reply: the letter is skipped, saying why' '
	interviewed "Fjord Energy" interviewing &&
	on 2026-03-09 rapport agenda >agenda &&
	grep -F "$LETTER" agenda &&
	test_eq "$(test_sql "SELECT substr(key, 1, 10) FROM tick_state")" 2026-03-02 &&
	on 2026-03-10 rapport log email "Thanks, more soon" --with Former --opp job --in >/dev/null &&
	on 2026-03-10 tasks silence >out &&
	echo "letter|Recruiting Partner|2026-03-09|skipped|$LETTER" >want &&
	test_cmp want out &&
	on 2026-03-10 task_field "$LETTER" why >why &&
	grep -F "(Skipped:" why
'

test_use_db hostile.db
test_expect_success 'a hostile name in the letter made ahead is kept as it is' '
	interviewed "Echo <Ltd> & Sons" interviewing &&
	on 2026-03-03 rapport person edit Recruiting --name "Robert\"); DROP TABLE task; --" \
		>/dev/null &&
	on 2026-03-09 tasks silence >out &&
	echo "letter|Robert\"); DROP TABLE task; --|2026-03-09|open|Write to Robert\"); DROP TABLE task; -- to restate your interest in Data Engineer" >want &&
	test_cmp want out
'

test_done
