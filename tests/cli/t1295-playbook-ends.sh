#!/bin/sh
# Every rule says what ends it, and none outlives its reason (issue 16). Two
# offers: one declined, one accepted; the offer follow-ups of both end with
# the reason recorded, and the agenda shows none of them. A rule without an
# end is warned about by playbook check.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'Mon 2: offers from Acme and Birch; each plans its offer follow-ups' '
	on 2026-03-02 rapport opp add Acme "Data Lead" --slug acme --stage interviewing >/dev/null &&
	on 2026-03-02 rapport opp add Birch "Data Lead" --slug birch --stage interviewing >/dev/null &&
	on 2026-03-02 rapport opp move acme offer >/dev/null &&
	on 2026-03-02 rapport opp move birch offer >/dev/null &&
	test_eq "$(on 2026-03-02 ntasks offer.visit offer.peers offer.shape)" "2 2 2"
'

test_expect_success 'Tue 3: Birch declined, Acme accepted: every offer follow-up of both ends' '
	on 2026-03-03 rapport opp move birch declined >/dev/null &&
	on 2026-03-03 rapport opp move acme accepted >/dev/null &&
	on 2026-03-03 rule_tasks offer >out &&
	! grep -q "|open$" out &&
	test_eq "$(grep -c "|skipped$" out)" 10
'

test_expect_success 'the reason is recorded with each, in its why (task list --all, JSON)' '
	task_is "Visit where you would work at Birch" status skipped &&
	task_field "Visit where you would work at Birch" why >why &&
	grep -qF "(Skipped: the opportunity moved to declined on 2026-03-03.)" why &&
	task_field "Visit where you would work at Acme" why >why &&
	grep -qF "(Skipped: the opportunity moved to accepted on 2026-03-03.)" why
'

test_expect_success 'Wed 11: the agenda, a week on, asks for none of it' '
	on 2026-03-11 rapport --json agenda >agenda.json &&
	! grep -q "Visit where\|future peers\|shape the role" agenda.json
'

test_expect_success 'a task left open from before (an older rapport) is ended when the rules run' '
	test_sql "UPDATE task SET status = '"'open'"', done_at = NULL,
		why = '"'reopened'"' WHERE title = '"'Visit where you would work at Birch'"';
		DELETE FROM tick_state" &&
	on 2026-03-11 rapport agenda >out &&
	! grep -q "Visit where you would work at Birch" out &&
	task_is "Visit where you would work at Birch" status skipped \
		why "reopened (Skipped: the opportunity is declined.)"
'

test_expect_success 'the ends of a rule are shown, as text and JSON' '
	rapport playbook show offer.visit >out &&
	grep -q "^  ends on:  the opportunity.s closing$" out &&
	rapport --json playbook show silence.call >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq 0.ends "inbound, stage, reached"
'

test_expect_success 'playbook check warns about a rule that says nothing of its end' '
	cat >mine.ini <<-\EOT &&
	[visit-again]
	on    = stage
	stage = offer
	for   = nobody
	task  = meeting
	title = Visit {org} again

	[thank-twice]
	on    = interaction
	kind  = interview
	task  = email
	title = A second thank-you
	ends  = never
	EOT
	rapport playbook check mine.ini >out 2>err &&
	test_eq "$(cat err)" "rapport: warning: mine.ini:1: rule '"'visit-again'"' does not say what ends it (ends = ...)" &&
	grep -q "fine" out
'

test_expect_success 'every built-in rule with a task says what ends it' '
	rapport --json playbook list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
bad = [r[\"name\"] for r in json.load(sys.stdin) if r[\"title\"] and not r[\"ends\"]]
assert not bad, bad
"
'

test_expect_success 'entering a named stage ends a rule: ends = offer' '
	playbooks <<-\EOT &&
	[chase-recruiter]
	on    = stage
	stage = applied
	for   = nobody
	task  = call
	due   = +3
	title = Chase the recruiter at {org}
	ends  = offer, closed
	EOT
	on 2026-03-12 rapport opp add Cedar "Engineer" --slug cedar --stage applied >/dev/null &&
	on 2026-03-12 rapport opp move cedar interviewing >/dev/null &&
	task_is "Chase the recruiter at Cedar" status open &&
	on 2026-03-13 rapport opp move cedar offer >/dev/null &&
	task_is "Chase the recruiter at Cedar" status skipped
'

test_expect_success 'a removed interview ends its thank-you, and a new one gets its own' '
	rm -f "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	on 2026-04-01 rapport opp add Larch "Analyst" --slug larch >/dev/null &&
	on 2026-04-01 rapport person add "Larch Boss" --org Larch >/dev/null &&
	on 2026-04-01 rapport log interview "Cancelled call" --with "Larch Boss" --opp larch >/dev/null &&
	task_is "Thank-you note to Larch Boss" status open &&
	i=$(rapport --json person show "Larch Boss" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv interactions.0.id) &&
	on 2026-04-01 rapport log rm "$i" >/dev/null &&
	task_is "Thank-you note to Larch Boss" status skipped &&
	rapport --json task list --all >all &&
	grep -q "the interaction it followed was removed" all &&
	on 2026-04-02 rapport log interview "The real interview" --with "Larch Boss" --opp larch >/dev/null &&
	task_is "Thank-you note to Larch Boss" status open
'

test_expect_success 'a moved interview ends the thank-you made for the old time; a new one is due after the new time has passed' '
	on 2026-04-05 rapport opp add Rowan "Analyst" --slug rowan >/dev/null &&
	on 2026-04-05 rapport person add "Rowan Boss" --org Rowan >/dev/null &&
	on 2026-04-05 rapport log interview "Planned panel" --with "Rowan Boss" --opp rowan >/dev/null &&
	task_is "Thank-you note to Rowan Boss" due 2026-04-06 status open &&
	i=$(rapport --json person show "Rowan Boss" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv interactions.0.id) &&
	on 2026-04-05 rapport log move "$i" 2026-04-12T10:00 >out &&
	grep -q "moved interaction $i to 2026-04-12T10:00" out &&
	task_is "Thank-you note to Rowan Boss" due 2026-04-06 status skipped &&
	# moved ahead, it is planned: its thank-you comes once it has happened
	on 2026-04-12T11:00 rapport agenda >/dev/null &&
	task_is "Thank-you note to Rowan Boss" due 2026-04-13 status open &&
	rapport --json task list --all >all &&
	grep -q "moved to another time" all &&
	test_must_fail 1 rapport log move 999 2026-04-12 &&
	test_must_fail 1 rapport log move "$i" someday
'

test_expect_success 'the web moves an interaction the same way' '
	serve_start &&
	i=$(rapport --json person show "Rowan Boss" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv interactions.0.id) &&
	http GET "/interactions/$i/move" >page && test "$(head -1 page)" = 200 &&
	grep -q "When it happens" page &&
	before=$(db_digest) &&
	test "$(http_status POST "/interactions/$i/move" at=someday)" = 400 &&
	test "$(db_digest)" = "$before" &&
	http POST "/interactions/$i/move" at=2026-04-20T09:30 >resp &&
	test "$(head -1 resp)" = 303 &&
	on 2026-04-20T10:00 rapport agenda >/dev/null &&
	task_is "Thank-you note to Rowan Boss" due 2026-04-21 status open &&
	serve_stop
'

test_done
