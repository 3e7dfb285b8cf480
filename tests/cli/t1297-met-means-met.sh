#!/bin/sh
# "Met" means met (issue 16): a person only linked to an opportunity (an HR
# contact named on the job, never in a logged interaction) is not someone you
# met. After a rejection, letters, LinkedIn connections and cadences that speak
# of meeting go only to the people you were in an interaction with; a
# keep-in-touch note says when you last spoke only from the interactions,
# never from a task's due date.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'Mon 2: an interview at Orbit with the hiring manager; HR only linked' '
	on 2026-03-02 rapport opp add "Orbit Labs" "Platform Lead" --slug orbit >/dev/null &&
	on 2026-03-02 rapport opp move orbit interviewing >/dev/null &&
	on 2026-03-02 rapport person add "Hana Boss" --org "Orbit Labs" --rapport 4 >/dev/null &&
	on 2026-03-02 rapport person add "Ravi People" --org "Orbit Labs" --rapport 4 >/dev/null &&
	on 2026-03-02 rapport opp link orbit Hana --role hiring-manager >/dev/null &&
	on 2026-03-02 rapport opp link orbit Ravi --role hr >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "First round" --with Hana --opp orbit >/dev/null
'

test_expect_success 'Tue 10: Orbit says no; only Hana, whom you met, gets the letters and the cadence' '
	on 2026-03-10 rapport opp move orbit rejected >/dev/null &&
	on 2026-03-10 rule_tasks rejected >out &&
	cat >want <<-\EOT &&
	rejected.call|call|Hana Boss|2026-03-15|open
	rejected.consult|other|Hana Boss|2026-03-24|open
	rejected.letter|email|Hana Boss|2026-03-12|open
	rejected.linkedin|linkedin|Hana Boss|2026-03-13|open
	rejected.recontact|call|Hana Boss|2026-08-07|open
	rejected.review|review|-|2026-03-17|open
	EOT
	test_cmp want out &&
	test_eq "$(cadence Hana)" 45 &&
	test_eq "$(cadence Ravi)" None
'

test_expect_success 'a person linked and never met is not "the person you hit it off with"' '
	on 2026-03-10 rapport opp add "Quill" "Analyst" --slug quill >/dev/null &&
	on 2026-03-10 rapport person add "Quinn Hr" --org Quill --rapport 5 >/dev/null &&
	on 2026-03-10 rapport opp link quill Quinn --role hr >/dev/null &&
	on 2026-03-10 rapport opp move quill rejected >/dev/null &&
	on 2026-03-10 tasks >out &&
	grep -qx "other|-|2026-03-24|open|Consider offering to consult for Quill" out &&
	grep -qx "call|Quinn Hr|2026-08-07|open|Re-contact Quinn Hr at Quill" out &&
	test_eq "$(grep -c "|Quinn Hr|" out)" 1 &&
	test_eq "$(cadence Quinn)" None
'

test_expect_success 'a cadence with nothing logged: the note says so, never a due date' '
	on 2026-03-10 rapport person add "Nadia Never" --cadence 10 >/dev/null &&
	on 2026-03-25 rapport task list >/dev/null &&
	on 2026-03-25 task_is "Keep in touch with Nadia Never" due 2026-03-20 origin keep-in-touch &&
	on 2026-03-25 task_field "Keep in touch with Nadia Never" why >why &&
	grep -qF "Your last logged contact with Nadia Never: nothing logged yet." why &&
	! grep -q "2026-03-20" why
'

test_expect_success 'a cadence after a conversation: the note gives the day you last spoke' '
	on 2026-03-20 rapport person add "Ola Often" --cadence 10 >/dev/null &&
	on 2026-03-21T11:00 rapport log call "Catch-up" --with Ola >/dev/null &&
	on 2026-04-01 rapport task list >/dev/null &&
	on 2026-04-01 task_is "Keep in touch with Ola Often" due 2026-03-31 &&
	on 2026-04-01 task_field "Keep in touch with Ola Often" why >why &&
	grep -qF "Your last logged contact with Ola Often: 2026-03-21." why
'

test_done
