#!/bin/sh
# log KIND SUMMARY: interactions, the people in them, and the links they make.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'setup: people and an opportunity' '
	rapport person add "Director of Analytics" --org "Acme Analytics" --title "Head of Data" >/dev/null &&
	rapport person add "Panel Interviewer" --org "Acme Analytics" >/dev/null &&
	rapport person add "People Partner" --org "Globex Data" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null
'

test_expect_success 'log a call with a person: defaults to now and out' '
	rapport --json log call "Intro call" --with Director >out &&
	test_eq "$(jv kind <out)" "call" &&
	test_eq "$(jv summary <out)" "Intro call" &&
	test_eq "$(jv at <out)" "2026-03-02T09:00:00+00:00" &&
	test_eq "$(jv direction <out)" "out" &&
	test_eq "$(jv opportunity <out)" "None" &&
	test_eq "$(jlen people <out)" 1 &&
	test_eq "$(jv people.0.name <out)" "Director of Analytics"
'

test_expect_success 'log prints what it logged' '
	rapport log note "Read their engineering blog" >out &&
	grep -q "^logged note [0-9]*: Read their engineering blog" out
'

test_expect_success 'every interaction kind is accepted' '
	for kind in interview call email letter meeting video message note; do
		rapport --json log $kind "A $kind" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv kind >k &&
		test_eq "$(cat k)" "$kind" || return 1
	done
'

test_expect_success 'an unknown kind is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport log lunch "Lunch with Panel" --with Panel &&
	test_stderr_contains "lunch" &&
	test_must_fail 1 rapport log Call "Capitalised kind" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success '--in records that they reached out' '
	rapport --json log email "Recruiter reached out" --with People --in >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv direction >d &&
	test_eq "$(cat d)" "in" &&
	rapport --json log email "Replied" --with People --out >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv direction >d &&
	test_eq "$(cat d)" "out"
'

test_expect_success '--at takes every WHEN form' '
	rapport --json log call "a" --at 2026-02-20 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv at >v && test_eq "$(cat v)" "2026-02-20T00:00:00+00:00" &&
	rapport --json log call "b" --at 2026-02-20T16:45 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv at >v &&
	test_eq "$(cat v)" "2026-02-20T16:45:00+00:00" &&
	rapport --json log call "c" --at today >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv at >v && test_eq "$(cat v)" "2026-03-02T00:00:00+00:00" &&
	rapport --json log call "d" --at -3d >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv at >v && test_eq "$(cat v)" "2026-02-27T00:00:00+00:00" &&
	rapport --json log call "e" --at tomorrow >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv at >v && test_eq "$(cat v)" "2026-03-03T00:00:00+00:00" &&
	rapport --json log call "f" --at +1w >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv at >v && test_eq "$(cat v)" "2026-03-09T00:00:00+00:00"
'

test_expect_success 'a malformed --at is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport log call "x" --at 2026-02-30 &&
	test_must_fail 1 rapport log call "x" --at 2026-13-01 &&
	test_must_fail 1 rapport log call "x" --at "last friday" &&
	test_must_fail 1 rapport log call "x" --at 2026-03-02T24:10 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success '--chemistry is 1-5' '
	rapport --json log meeting "Coffee" --with Panel --chemistry 5 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv chemistry >c &&
	test_eq "$(cat c)" 5 &&
	before=$(db_digest) &&
	test_must_fail 1 rapport log meeting "Coffee" --chemistry 0 &&
	test_must_fail 1 rapport log meeting "Coffee" --chemistry 6 &&
	test_must_fail 1 rapport log meeting "Coffee" --chemistry great &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'several --with record everyone in it' '
	rapport --json log video "Panel call" --with Director --with Panel --notes "Went well" >out &&
	test_eq "$(jlen people <out)" 2 &&
	test_eq "$(jv notes <out)" "Went well"
'

test_expect_success 'an interaction without --opp links nobody to an opportunity' '
	rapport --json opp show acme-data-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen people >n &&
	test_eq "$(cat n)" 0
'

test_expect_success 'an interview about an opportunity links its people as interviewers' '
	rapport --json log interview "First round" --with Director --opp acme-data-lead \
		--at 2026-03-01T14:00 --chemistry 4 >out &&
	test_eq "$(jv opportunity.slug <out)" "acme-data-lead" &&
	rapport --json opp show acme-data-lead >out &&
	test_eq "$(jlen people <out)" 1 &&
	test_eq "$(jv people.0.name <out)" "Director of Analytics" &&
	test_eq "$(jv people.0.role <out)" "interviewer"
'

test_expect_success 'other interactions about an opportunity link their people too' '
	rapport log call "Talked about the team" --with People --opp acme-data-lead >/dev/null &&
	rapport --json opp show acme-data-lead >out &&
	test_eq "$(jlen people <out)" 2 &&
	python3 -c "
import json
o = json.load(open(\"out\"))
roles = {p[\"name\"]: p[\"role\"] for p in o[\"people\"]}
assert \"People Partner\" in roles, roles
assert roles[\"People Partner\"] != \"interviewer\", roles
"
'

test_expect_success 'an interview keeps the role of someone already linked' '
	rapport opp link acme-data-lead Panel --role hiring-manager >/dev/null &&
	rapport log interview "Second round" --with Panel --with Director --opp acme-data-lead >/dev/null &&
	rapport --json opp show acme-data-lead >out &&
	test_eq "$(jlen people <out)" 3 &&
	python3 -c "
import json
o = json.load(open(\"out\"))
roles = {p[\"name\"]: p[\"role\"] for p in o[\"people\"]}
assert roles[\"Panel Interviewer\"] == \"hiring-manager\", roles
assert roles[\"Director of Analytics\"] == \"interviewer\", roles
"
'

test_expect_success 'the interactions show in the opportunity and person timelines' '
	rapport opp show acme-data-lead >out &&
	grep -q "First round" out && grep -q "Second round" out &&
	grep -q "Talked about the team" out &&
	rapport --json opp show acme-data-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen interactions >n &&
	test_eq "$(cat n)" 3 &&
	rapport person show Director >out &&
	grep -q "First round" out && grep -q "Intro call" out &&
	! grep -q "Talked about the team" out
'

test_expect_success 'a person timeline is in time order' '
	rapport log email "Sent my CV" --with People --at 2026-02-10 >/dev/null &&
	rapport log call "Screening call" --with People --at 2026-02-25T10:00 >/dev/null &&
	rapport log message "Thanks" --with People --at 2026-02-12T08:00 >/dev/null &&
	rapport --json person show People >out &&
	python3 -c "
import json
ats = [i[\"at\"] for i in json.load(open(\"out\"))[\"interactions\"]]
assert len(ats) == 6, ats
assert ats == sorted(ats) or ats == sorted(ats, reverse=True), ats
"
'

test_expect_success 'an unknown person or opportunity writes nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport log call "x" --with Director --with "Missing Contact" &&
	test_stderr_contains "Missing Contact" &&
	test_must_fail 1 rapport log call "x" --with Director --opp nowhere-job &&
	test_stderr_contains "nowhere-job" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an ambiguous --with is an error that lists the candidates' '
	rapport person add "Panel Interviewer Two" >/dev/null &&
	before=$(db_digest) &&
	test_must_fail 1 rapport log call "x" --with panel &&
	test_stderr_contains "Panel Interviewer" && test_stderr_contains "Panel Interviewer Two" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty summary is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport log call "" --with Director &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'log without a summary is a usage error' '
	test_must_fail 2 rapport log call &&
	grep -q "^usage: rapport log KIND SUMMARY" .stderr
'

test_done
