#!/bin/sh
# Landing a job closes the loop (issue 16): accepting an offer writes to
# everyone met during the search with rapport 3 or more, and to everyone
# whose advice you followed, and drafts a courteous withdrawal to the hiring
# manager of every other active opportunity, which closes it once sent.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'Mon 2: a search at three organisations, and advice followed' '
	on 2026-03-02 rapport opp add Acme "Data Lead" --slug acme --stage interviewing >/dev/null &&
	on 2026-03-02 rapport opp add Birch "Analyst" --slug birch --stage applied >/dev/null &&
	on 2026-03-02 rapport opp add Cedar "Engineer" --slug cedar --stage rejected >/dev/null &&
	on 2026-03-02 rapport person add "Ada Boss" --org Acme --rapport 4 >/dev/null &&
	on 2026-03-02 rapport person add "Ben Lead" --org Birch --rapport 3 >/dev/null &&
	on 2026-03-02 rapport person add "Bea People" --org Birch --rapport 5 >/dev/null &&
	on 2026-03-02 rapport person add "Cy Cool" --org Cedar --rapport 2 >/dev/null &&
	on 2026-03-02 rapport person add "Dot Distant" --org Birch --rapport 1 >/dev/null &&
	on 2026-03-02 rapport opp link acme Ada --role hiring-manager >/dev/null &&
	on 2026-03-02 rapport opp link birch Ben --role hiring-manager >/dev/null &&
	on 2026-03-02 rapport opp link birch Bea --role hr >/dev/null &&
	on 2026-03-02 rapport opp link birch Dot --role peer >/dev/null &&
	on 2026-03-02 rapport log interview "Round one" --with Ada --opp acme >/dev/null &&
	on 2026-03-02 rapport log call "Screen" --with Ben --with Dot --opp birch >/dev/null &&
	on 2026-03-02 rapport log interview "Pairing" --with Cy --opp cedar >/dev/null &&
	on 2026-03-02 rapport feedback add cedar "Practise system design" --from Cy >/dev/null &&
	on 2026-03-02 rapport improve add "A system design course" --from-feedback 1 >/dev/null &&
	on 2026-03-03 rapport task done "$(on 2026-03-03 task_id "A system design course")" >/dev/null
'

test_expect_success 'Fri 6: Acme accepted: updates to those met (rapport 3+) and to the adviser' '
	on 2026-03-06 rapport opp move acme accepted >/dev/null &&
	on 2026-03-06 rule_tasks accepted.update >out &&
	cat >want <<-\EOT &&
	accepted.update|email|Ada Boss|2026-03-08|open
	accepted.update|email|Ben Lead|2026-03-08|open
	accepted.update|email|Cy Cool|2026-03-08|open
	EOT
	test_cmp want out &&
	task_is "Tell Ben Lead about your new role at Acme" template landed-update opportunity acme
'

test_expect_success 'a withdrawal to the hiring manager of the other active opportunity only' '
	on 2026-03-06 rule_tasks accepted.withdraw >out &&
	test_eq "$(cat out)" "accepted.withdraw|email|Ben Lead|2026-03-07|open" &&
	task_is "Withdraw courteously from Analyst at Birch" template withdrawal opportunity birch &&
	on 2026-03-06 rapport draft "$(on 2026-03-06 task_id "Withdraw courteously from Analyst at Birch")" >letter &&
	grep -q "^Subject: Withdrawing my application for Analyst" letter &&
	grep -q "^Hello Ben,$" letter
'

test_expect_success 'Sat 7: the withdrawal sent: Birch is withdrawn, with the reason in its history' '
	on 2026-03-07 rapport task done "$(on 2026-03-07 task_id "Withdraw courteously from Analyst at Birch")" >/dev/null &&
	on 2026-03-07 rapport --json opp show birch >birch.json &&
	jv_eq stage withdrawn <birch.json &&
	python3 -c "
import json
h = json.load(open(\"birch.json\"))[\"stage_history\"][-1]
assert (h[\"from\"], h[\"to\"]) == (\"conversation\", \"withdrawn\"), h
assert h[\"note\"] == \"done: Withdraw courteously from Analyst at Birch\", h
"
'

test_expect_success 'the letters, the drafts: the update has the new role' '
	on 2026-03-07 rapport draft "$(on 2026-03-07 task_id "Tell Cy Cool about your new role at Acme")" >letter &&
	grep -q "accepted the Data Lead role at Acme" letter
'

test_done
