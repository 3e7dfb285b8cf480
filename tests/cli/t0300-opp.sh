#!/bin/sh
# Opportunities: add (slugs), list, show, edit, move through stages, link people.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'opp add creates the organisation and derives a slug' '
	rapport --json opp add "Acme Analytics" "Data Lead" >out &&
	test_eq "$(jv slug <out)" "acme-analytics-data-lead" &&
	test_eq "$(jv title <out)" "Data Lead" &&
	test_eq "$(jv stage <out)" "lead" &&
	test_eq "$(jv organisation.name <out)" "Acme Analytics" &&
	rapport org show "Acme Analytics" >/dev/null
'

test_expect_success 'opp add prints the slug' '
	rapport opp add "Globex Data" "Platform Engineer" >out &&
	grep -q "globex-data-platform-engineer" out
'

test_expect_success 'a second identical opportunity gets the slug with -2' '
	rapport --json opp add "Acme Analytics" "Data Lead" >out &&
	test_eq "$(jv slug <out)" "acme-analytics-data-lead-2" &&
	rapport --json opp add "acme analytics" "Data Lead" >out &&
	test_eq "$(jv slug <out)" "acme-analytics-data-lead-3" &&
	test_eq "$(jv organisation.id <out)" 1 &&
	test_eq "$(rapport --json org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 2
'

test_expect_success 'a derived slug holds only a-z, 0-9 and hyphens' '
	rapport --json opp add "Café Zürich & Co." "Sr. Engineer (Platform)" >out &&
	jv slug <out >slug &&
	grep -Eq "^[a-z0-9]+(-[a-z0-9]+)*$" slug
'

test_expect_success 'opp add with every option' '
	rapport --json opp add "Blue Harbor Logistics" "Analytics Manager" --slug bh-analytics \
		--level "Manager" --source "referral" --url https://jobs.example/bh/42 \
		--salary-target 95000 >out &&
	test_eq "$(jv slug <out)" "bh-analytics" &&
	test_eq "$(jv level_applied <out)" "Manager" &&
	test_eq "$(jv source <out)" "referral" &&
	test_eq "$(jv url <out)" "https://jobs.example/bh/42" &&
	test_eq "$(jv salary_target <out)" 95000 &&
	test_eq "$(jv salary_range <out)" "None" &&
	test_eq "$(jv salary_offered <out)" "None"
'

test_expect_success 'a slug that is taken is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp add "Zenith Labs" "Analyst" --slug bh-analytics &&
	test_stderr_contains "bh-analytics" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a malformed slug is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp add "Zenith Labs" "Analyst" --slug "Zenith Analyst!" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty title is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp add "Zenith Labs" "" &&
	test_must_fail 1 rapport opp add "" "Analyst" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp show by slug and by id' '
	rapport --json opp show bh-analytics >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id >id &&
	rapport --json opp show "$(cat id)" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv slug >slug &&
	test_eq "$(cat slug)" "bh-analytics" &&
	rapport opp show bh-analytics >out &&
	grep -q "Blue Harbor Logistics · Analytics Manager" out &&
	grep -q "^stage: *lead" out &&
	grep -q "^salary target: *95000" out
'

test_expect_success 'an unknown opportunity is an error' '
	test_must_fail 1 rapport opp show nowhere-job &&
	test_stderr_contains "nowhere-job" &&
	test_must_fail 1 rapport opp show 999
'

test_expect_success 'opp show --json starts with one stage_history entry and no people' '
	rapport --json opp show acme-analytics-data-lead >out &&
	test_eq "$(jlen stage_history <out)" 1 &&
	test_eq "$(jv stage_history.0.to <out)" "lead" &&
	test_eq "$(jlen people <out)" 0
'

test_expect_success 'opp edit sets the offer fields' '
	rapport --json opp edit bh-analytics --level-offered "Senior Manager" \
		--salary-range 90000-110000 --salary-offered 105000 >out &&
	test_eq "$(jv level_offered <out)" "Senior Manager" &&
	test_eq "$(jv salary_range.low <out)" 90000 &&
	test_eq "$(jv salary_range.high <out)" 110000 &&
	test_eq "$(jv salary_offered <out)" 105000 &&
	rapport opp show bh-analytics >out &&
	grep -q "90000-110000" out && grep -q "Senior Manager" out
'

test_expect_success 'opp edit with an empty value clears a field' '
	rapport opp edit bh-analytics --url "" --salary-offered "" --salary-range "" >/dev/null &&
	rapport --json opp show bh-analytics >out &&
	test_eq "$(jv url <out)" "None" &&
	test_eq "$(jv salary_offered <out)" "None" &&
	test_eq "$(jv salary_range <out)" "None" &&
	test_eq "$(jv source <out)" "referral"
'

test_expect_success 'opp edit refuses a bad salary, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp edit bh-analytics --salary-range 110000-90000 &&
	test_must_fail 1 rapport opp edit bh-analytics --salary-range lots &&
	test_must_fail 1 rapport opp edit bh-analytics --salary-offered "a lot" &&
	test_must_fail 1 rapport opp edit bh-analytics --salary-target -5 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp edit --slug renames; the old slug no longer refers to it' '
	rapport opp edit globex-data-platform-engineer --slug globex-platform >/dev/null &&
	rapport opp show globex-platform >/dev/null &&
	test_must_fail 1 rapport opp show globex-data-platform-engineer
'

test_expect_success 'opp edit cannot take another opportunity slug' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp edit globex-platform --slug bh-analytics &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp move records the stage and the history with its note' '
	RAPPORT_NOW=2026-03-04T10:30 &&
	rapport --json opp move bh-analytics applied --note "sent CV via referral" >out &&
	test_eq "$(jv stage <out)" "applied" &&
	rapport --json opp show bh-analytics >out &&
	test_eq "$(jlen stage_history <out)" 2 &&
	test_eq "$(jv stage_history.1.from <out)" "lead" &&
	test_eq "$(jv stage_history.1.to <out)" "applied" &&
	test_eq "$(jv stage_history.1.note <out)" "sent CV via referral" &&
	jv stage_history.1.at <out | grep -q "^2026-03-04T10:30"
'

test_expect_success 'opp move through every stage' '
	for st in conversation interviewing offer negotiating accepted declined rejected withdrawn lead applied; do
		rapport --json opp move acme-analytics-data-lead-2 $st >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage >s &&
		test_eq "$(cat s)" "$st" || return 1
	done &&
	rapport --json opp show acme-analytics-data-lead-2 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen stage_history >n &&
	test_eq "$(cat n)" 11
'

test_expect_success 'opp move to an unknown stage is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp move bh-analytics hired &&
	test_stderr_contains "hired" &&
	test_must_fail 1 rapport opp move bh-analytics Applied &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp move to the stage it is in is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp move bh-analytics applied &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp move of an unknown opportunity is an error' '
	test_must_fail 1 rapport opp move nowhere-job applied
'

test_expect_success 'opp add --stage starts in that stage' '
	rapport --json opp add "Zenith Labs" "Analyst" --stage applied >out &&
	test_eq "$(jv stage <out)" "applied" &&
	test_must_fail 1 rapport opp add "Zenith Labs" "Analyst" --stage dreaming
'

test_expect_success 'opp list --stage filters' '
	rapport --json opp list --stage applied >out &&
	test_eq "$(jlen "" <out)" 3 &&
	rapport --json opp list --stage lead >out &&
	test_eq "$(jlen "" <out)" 4 &&
	rapport --json opp list --stage offer >out &&
	test_eq "$(jlen "" <out)" 0 &&
	rapport opp list >out &&
	test_eq "$(wc -l <out | tr -d " ")" 7
'

test_expect_success 'opp list --stage with an unknown stage is an error' '
	test_must_fail 1 rapport opp list --stage hired
'

test_expect_success 'opp link links a person with a role' '
	rapport person add "Director of Analytics" --org "Blue Harbor Logistics" >/dev/null &&
	rapport --json opp link bh-analytics Director --role hiring-manager >out &&
	test_eq "$(jv role <out)" "hiring-manager" &&
	rapport --json opp show bh-analytics >out &&
	test_eq "$(jlen people <out)" 1 &&
	test_eq "$(jv people.0.id <out)" 1 &&
	test_eq "$(jv people.0.name <out)" "Director of Analytics" &&
	test_eq "$(jv people.0.role <out)" "hiring-manager" &&
	rapport opp show bh-analytics >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Director of Analytics *hiring-manager"
'

test_expect_success 'opp link accepts every role; linking again changes the role' '
	rapport person add "Panel Interviewer" >/dev/null &&
	for role in hiring-manager peer hr recruiter executive referrer interviewer other; do
		rapport --json opp link globex-platform "Panel Interviewer" --role $role >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv role >r &&
		test_eq "$(cat r)" "$role" || return 1
	done &&
	rapport --json opp show globex-platform >out &&
	test_eq "$(jlen people <out)" 1 &&
	test_eq "$(jv people.0.role <out)" "other"
'

test_expect_success 'opp link with an unknown role, person or opportunity writes nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp link bh-analytics Panel --role boss &&
	test_stderr_contains "boss" &&
	test_must_fail 1 rapport opp link bh-analytics "Missing Contact" --role peer &&
	test_must_fail 1 rapport opp link nowhere-job Panel --role peer &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'org show lists the organisation opportunities' '
	rapport --json org show "Acme Analytics" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen opportunities >n &&
	test_eq "$(cat n)" 3
'

test_expect_success 'opp show --json has the data model fields' '
	rapport --json opp show bh-analytics >out &&
	python3 -c "
import json
o = json.load(open(\"out\"))
for k in (\"id\", \"slug\", \"title\", \"organisation\", \"stage\", \"level_applied\",
          \"level_offered\", \"source\", \"url\", \"salary_target\", \"salary_range\",
          \"salary_offered\", \"notes\", \"people\", \"stage_history\"):
    assert k in o, k
for h in o[\"stage_history\"]:
    assert set((\"from\", \"to\", \"at\")) <= set(h), h
"
'

test_expect_success 'opp list puts the most recently moved first' '
	RAPPORT_NOW=2026-03-20T08:00 &&
	rapport opp move acme-analytics-data-lead-3 conversation >/dev/null &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.slug >slug &&
	test_eq "$(cat slug)" "acme-analytics-data-lead-3" &&
	rapport opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sed -n 1p | grep -q "acme-analytics-data-lead-3 *conversation"
'

test_expect_success 'opp add without a title is a usage error' '
	test_must_fail 2 rapport opp add "Acme Analytics" &&
	grep -q "^usage: rapport opp add ORG TITLE" .stderr
'

test_expect_success 'opp add takes every field of the web form (issue 16)' '
	rapport --json opp add "Fabrikam" "Staff Engineer" --level staff --level-offered senior \
		--source referral --url https://fabrikam.example/jobs/1 --salary-target 120k \
		--salary-range 100k-130k --notes "met at a meetup" --slug fabrikam-staff >out &&
	rapport --json opp show fabrikam-staff >out &&
	test_eq "$(jv level_applied <out)" staff &&
	test_eq "$(jv level_offered <out)" senior &&
	test_eq "$(jv source <out)" referral &&
	test_eq "$(jv url <out)" https://fabrikam.example/jobs/1 &&
	test_eq "$(jv salary_target <out)" 120000 &&
	test_eq "$(jv salary_range.low <out)" 100000 &&
	test_eq "$(jv salary_range.high <out)" 130000 &&
	test_must_fail 1 rapport opp add "Fabrikam" "Other" --salary-range 130k-100k
'

test_done
