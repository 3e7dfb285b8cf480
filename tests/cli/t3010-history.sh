#!/bin/sh
# History is history (issue 23): an interaction logged past a rule's window
# does not start it, --history and imports start nothing, a future --at is
# planned (in the agenda and the calendar, contact and rules only once its
# time has passed), and more than a year ahead is refused.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'setup' '
	rapport org add Acme >/dev/null &&
	rapport person add "Hiring Manager" --org Acme >/dev/null &&
	rapport opp add Acme Analyst --stage applied >/dev/null
'

test_expect_success 'backfilling 50 old interviews makes no thank-you and no silence letter' '
	for n in $(seq 10 59); do
		rapport log interview "Round $n" --with "Hiring Manager" --opp acme-analyst \
			--at "$(printf "2025-01-%02d" $((n % 28 + 1)))" >"$TEST_DIR/.rp" || return 1
	done &&
	has "$TEST_DIR/.rp" "history: no follow-ups started, the interview was" &&
	rapport agenda --json >ag.json &&
	test_eq "$(ntasks)" 0
'

test_expect_success 'an interview logged within its window still gets its thank-you' '
	rapport log interview "Last round" --with "Hiring Manager" --opp acme-analyst \
		--at 2026-02-26 >out &&
	hasnt out "history:" &&
	test_eq "$(ntasks thank-you)" 1
'

test_expect_success 'playbook show tells the window; a window key widens it' '
	rapport playbook show thank-you >out &&
	has out "window:   8 days" &&
	rapport --json playbook show thank-you >out.json &&
	jv_eq 0.window 8 <out.json &&
	playbooks <<-\EOF &&
	[thank-you]
	on = interaction
	kind = interview
	task = email
	due = +1
	title = Thank-you note to {person}
	window = 500
	ends = closed
	EOF
	rapport log interview "Long ago" --with "Hiring Manager" --opp acme-analyst \
		--at 2025-02-01 >out &&
	hasnt out "history:" &&
	test_eq "$(ntasks thank-you)" 2 &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini"
'

test_expect_success 'a window on a rule not started by an interaction is refused' '
	playbooks <<-\EOF &&
	[rejected.letter]
	on = stage
	stage = rejected
	task = email
	title = Write
	window = 3
	ends = never
	EOF
	test_must_fail 1 rapport playbook list &&
	test_stderr_contains "'\''window'\'' is for on = interaction" &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini"
'

test_expect_success 'log --history starts no follow-up and leaves the stage' '
	rapport opp add Acme Engineer --stage applied >/dev/null &&
	rapport log interview "Yesterday" --with "Hiring Manager" --opp acme-engineer \
		--at 2026-03-01 --history >out &&
	has out "history: recorded only" &&
	hasnt out "moved acme-engineer" &&
	rapport --json opp show acme-engineer >opp.json &&
	jv_eq stage applied <opp.json &&
	test_eq "$(ntasks thank-you silence)" "2 0" &&
	on 2026-03-20 rapport agenda >/dev/null &&
	on 2026-03-20 rapport task list --all >"$TEST_DIR/.rp" &&
	hasnt "$TEST_DIR/.rp" "interest in Engineer" &&
	test_eq "$(ntasks thank-you)" 2
'

test_expect_success 'log --json says history; a history interaction moved stays history' '
	rapport --json log interview "Another" --with "Hiring Manager" --opp acme-engineer \
		--at 2026-03-01 --history >out.json &&
	jv_eq history True planned False stage_change None <out.json &&
	id=$(jv id <out.json) &&
	rapport log move "$id" 2026-03-02T08:00 >out &&
	has out "history: recorded only" &&
	test_eq "$(ntasks thank-you)" 2
'

test_expect_success 'a JSON document of past interactions imports as history' '
	cat >hist.json <<-\EOF &&
	{"format": "rapport", "schema": 6, "tables": {
	 "organisation": [{"id": 1, "name": "Beta", "name_key": "beta",
	  "created_at": "2025-01-01T09:00:00", "updated_at": "2025-01-01T09:00:00"}],
	 "person": [{"id": 1, "name": "Data Recruiter", "name_key": "data recruiter",
	  "org_id": 1, "created_at": "2025-01-01T09:00:00", "updated_at": "2025-01-01T09:00:00",
	  "uid": "urn:uuid:01a24e81-8388-7000-8000-01034d6f7000"}],
	 "opportunity": [{"id": 1, "org_id": 1, "title": "Lead", "slug": "beta-lead",
	  "stage": "interviewing", "stage_changed_at": "2026-01-05T09:00:00",
	  "created_at": "2025-01-01T09:00:00", "updated_at": "2025-01-01T09:00:00"}],
	 "interaction": [{"id": 1, "kind": "interview", "at": "2026-01-05", "direction": "out",
	  "opp_id": 1, "summary": "First round", "created_at": "2026-01-05T09:00:00"}],
	 "interaction_person": [{"interaction_id": 1, "person_id": 1, "at": "2026-01-05"}]}}
	EOF
	RAPPORT_DB="$TEST_DIR/imported.db" rapport import json hist.json >/dev/null &&
	RAPPORT_DB="$TEST_DIR/imported.db" rapport --json agenda >ag.json &&
	jv_eq overdue.# 0 today.# 0 <ag.json
'

test_expect_success 'a future interview is planned: in the agenda, no thank-you yet' '
	rapport opp add Acme Director --stage applied >/dev/null &&
	rapport log interview "Panel" --with "Hiring Manager" --opp acme-director \
		--at 2026-03-05T14:00 >out &&
	has out "planned: the interview is ahead" &&
	rapport agenda >"$TEST_DIR/.rp" &&
	has "$TEST_DIR/.rp" "planned:" "2026-03-05T14:00 interview" "Panel" &&
	rapport --json agenda >ag.json &&
	jv_eq planned.# 1 planned.0.summary Panel planned.0.at 2026-03-05T14:00:00+00:00 <ag.json &&
	test_eq "$(ntasks thank-you)" 2 &&
	on 2026-03-05T13:00 rapport agenda >/dev/null &&
	test_eq "$(ntasks thank-you)" 2
'

test_expect_success 'the planned interview starts its thank-you once its time has passed' '
	on 2026-03-05T15:00 rapport --json agenda >ag.json &&
	jv_eq planned.# 0 <ag.json &&
	test_eq "$(task_field "Thank-you note to Hiring Manager" due)" 2026-03-06
'

test_expect_success 'a planned interaction is an event in the calendar' '
	rapport log meeting "Coffee" --with "Hiring Manager" --at 2026-03-09T10:00 >/dev/null &&
	rapport export ical >cal.ics &&
	has cal.ics "DTSTART:20260309T100000Z" "SUMMARY:Meeting: Coffee" "CATEGORIES:meeting"
'

test_expect_success 'a planned contact does not reset a cadence before its time' '
	rapport person add "Data Recruiter" --cadence 30 >/dev/null &&
	on 2026-01-20 rapport log call "Catch-up" --with "Data Recruiter" >/dev/null &&
	rapport log call "Planned catch-up" --with "Data Recruiter" --at 2026-03-20T10:00 \
		>/dev/null &&
	rapport --json person show "Data Recruiter" >p.json &&
	jv_eq last_contact 2026-01-20 next_touch 2026-02-19 <p.json &&
	rapport agenda >/dev/null &&
	test_eq "$(task_field "Keep in touch with Data Recruiter" status)" open &&
	on 2026-03-20T11:00 rapport agenda >/dev/null &&
	on 2026-03-20T11:00 rapport --json person show "Data Recruiter" >p.json &&
	jv_eq last_contact 2026-03-20 <p.json &&
	test_eq "$(task_field "Keep in touch with Data Recruiter" status)" skipped
'

test_expect_success 'a planned reply does not end a silence before its time' '
	rapport opp add Acme Manager --stage interviewing >/dev/null &&
	on 2026-02-20 rapport log interview "Final" --with "Hiring Manager" \
		--opp acme-manager >/dev/null &&
	rapport agenda >/dev/null &&
	test_eq "$(task_field "Write to Hiring Manager to restate your interest in Manager" status)" open &&
	rapport log call "Their answer" --in --with "Hiring Manager" --opp acme-manager \
		--at 2026-03-06T10:00 >/dev/null &&
	rapport agenda >/dev/null &&
	test_eq "$(task_field "Write to Hiring Manager to restate your interest in Manager" status)" open &&
	on 2026-03-07 rapport agenda >/dev/null &&
	test_eq "$(task_field "Write to Hiring Manager to restate your interest in Manager" status)" skipped
'

test_expect_success 'more than a year ahead is refused and nothing is written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport log interview "Typo" --with "Hiring Manager" --at 2099-01-01 &&
	test_stderr_contains "--at 2099-01-01 is more than a year ahead" &&
	test_must_fail 1 rapport log move 1 2099-01-01 &&
	test_stderr_contains "2099-01-01 is more than a year ahead" &&
	test_eq "$(db_digest)" "$before" &&
	rapport log note "Next spring" --at 2027-03-01 >/dev/null
'

serve_start

test_expect_success 'web: the history checkbox records only; Today shows what is planned' '
	thanks=$(ntasks thank-you) &&
	http GET / >page &&
	has page "<label for=\"f-history\">" "<h2 id=\"h-planned\">Planned" "Coffee" &&
	http POST /log kind=interview summary="Backfill" opp=acme-engineer \
		with="Hiring Manager" at=2026-03-01T10:00 history=on >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json opp show acme-engineer >opp.json &&
	jv_eq stage applied <opp.json &&
	test_eq "$(ntasks thank-you)" "$thanks"
'

test_expect_success 'web: more than a year ahead is an error beside the time, nothing written' '
	before=$(db_digest) &&
	http POST /log kind=call summary="Typo" at=2099-01-01T10:00 >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "more than a year ahead" &&
	test_eq "$(db_digest)" "$before"
'

test_done
