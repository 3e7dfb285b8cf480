#!/bin/sh
# The stage follows what is logged (issue 16): an interview logged on a lead,
# an application or a conversation moves it to interviewing; a call, meeting
# or video on a lead or an application moves it to conversation. Forward only,
# kept in the stage history with a note, said by the command (and its JSON);
# and the silence rule then covers the opportunity.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'Mon 2: an application, then an interview logged on it' '
	on 2026-03-02 rapport opp add "Acme Analytics" "Data Lead" --slug acme --stage applied >/dev/null &&
	on 2026-03-02 rapport person add "Bo Boss" --org "Acme Analytics" --rapport 4 >/dev/null &&
	on 2026-03-02 rapport opp link acme Bo --role hiring-manager >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "First round" --with Bo --opp acme >out &&
	cat >want <<-\EOT &&
	logged interview 1: First round
	moved acme from applied to interviewing (from the log)
	EOT
	test_cmp want out
'

test_expect_success 'the move is in the stage history, with a note saying it came from the log' '
	rapport --json opp show acme >show.json &&
	jv_eq stage interviewing <show.json &&
	python3 -c "
import json, sys
h = json.load(open(\"show.json\"))[\"stage_history\"]
last = h[-1]
assert (last[\"from\"], last[\"to\"]) == (\"applied\", \"interviewing\"), last
assert last[\"note\"] == \"from the log: interview on 2026-03-02\", last
"
'

test_expect_success 'Tue 10: a week of silence after it: the silence letter to the hiring manager' '
	each_day 2026-03-03 2026-03-10 rapport agenda &&
	on 2026-03-10 tasks silence >out &&
	test_eq "$(cat out)" "letter|Bo Boss|2026-03-09|open|Write to Bo Boss to restate your interest in Data Lead"
'

test_expect_success 'a first call on a lead moves it to conversation; JSON says so' '
	on 2026-03-03 rapport opp add "Birch" "Analyst" --slug birch >/dev/null &&
	on 2026-03-03 rapport person add "Cara Recruiter" --org Birch >/dev/null &&
	on 2026-03-03 rapport --json log call "Intro call" --with Cara --opp birch --in >out.json &&
	jv_eq stage_change.from lead stage_change.to conversation <out.json &&
	on 2026-03-03 rapport --json opp show birch >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage conversation
'

test_expect_success 'forward only: a call on a conversation, or an interview at the offer, moves nothing' '
	on 2026-03-04 rapport --json log call "Second call" --with Cara --opp birch >out.json &&
	jv_eq stage_change None <out.json &&
	on 2026-03-04 rapport opp move acme offer >/dev/null &&
	on 2026-03-05 rapport log interview "Meet the team" --with Bo --opp acme >out &&
	test_eq "$(cat out)" "logged interview 4: Meet the team" &&
	on 2026-03-05 rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage offer
'

test_expect_success 'an e-mail is no conversation yet: the lead stays a lead' '
	on 2026-03-05 rapport opp add "Cedar" "Engineer" --slug cedar >/dev/null &&
	on 2026-03-05 rapport log email "Sent my CV" --opp cedar >/dev/null &&
	on 2026-03-05 rapport --json opp show cedar >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage lead
'

test_expect_success 'an interview on a conversation moves it on to interviewing' '
	on 2026-03-06 rapport --json log interview "Panel" --with Cara --opp birch >out.json &&
	jv_eq stage_change.from conversation stage_change.to interviewing <out.json
'

test_done
