#!/bin/sh
# Organisations: add, list, show, edit; references by id or case-insensitive name.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'org add prints the new id and name' '
	rapport org add "Acme Analytics" >out &&
	grep -q "^added organisation 1: Acme Analytics$" out
'

test_expect_success 'org add --json prints the record with every field' '
	rapport --json org add "Blue Harbor Logistics" --website https://blueharbor.example \
		--location "Rotterdam" --notes "Freight software, 200 people" >out &&
	test_eq "$(jv name <out)" "Blue Harbor Logistics" &&
	test_eq "$(jv website <out)" "https://blueharbor.example" &&
	test_eq "$(jv location <out)" "Rotterdam" &&
	test_eq "$(jv notes <out)" "Freight software, 200 people" &&
	test_eq "$(jv id <out)" 2
'

test_expect_success 'org show finds an organisation by id' '
	rapport org show 2 >out &&
	grep -q "^Blue Harbor Logistics (organisation 2)" out &&
	grep -q "^website: *https://blueharbor.example$" out &&
	grep -q "^location: *Rotterdam$" out &&
	grep -q "Freight software, 200 people" out
'

test_expect_success 'org show finds an organisation by case-insensitive name' '
	rapport --json org show "BLUE harbor logistics" >out &&
	test_eq "$(jv id <out)" 2 &&
	rapport --json org show "acme analytics" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Acme Analytics"
'

test_expect_success 'org show --json includes people and opportunities' '
	rapport person add "Code Reviewer" --org "Acme Analytics" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Engineer" >/dev/null &&
	rapport --json org show "Acme Analytics" >out &&
	test_eq "$(jlen people <out)" 1 &&
	test_eq "$(jv people.0.name <out)" "Code Reviewer" &&
	test_eq "$(jlen opportunities <out)" 1 &&
	test_eq "$(jv opportunities.0.slug <out)" "acme-analytics-data-engineer" &&
	test_eq "$(jv opportunities.0.stage <out)" "lead"
'

test_expect_success 'org show lists people and opportunities as text' '
	rapport org show "Acme Analytics" >out &&
	grep -q "Code Reviewer" out && grep -q "acme-analytics-data-engineer" out
'

test_expect_success 'org list prints every organisation by name' '
	rapport org add "Zenith Labs" >/dev/null &&
	rapport org list >out &&
	test_eq "$(wc -l <out | tr -d " ")" 3 &&
	sed -n 1p out | grep -q "Acme Analytics" &&
	sed -n 2p out | grep -q "Blue Harbor Logistics" &&
	sed -n 3p out | grep -q "Zenith Labs"
'

test_expect_success 'org list --json is an array of records' '
	rapport --json org list >out &&
	test_eq "$(jlen "" <out)" 3 &&
	test_eq "$(jv 1.location <out)" "Rotterdam" &&
	test_eq "$(jv 0.website <out)" "None"
'

test_expect_success 'a second organisation with the same name (any case) is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport org add "ACME ANALYTICS" &&
	test_stderr_contains "already exists" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty organisation name is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport org add "" &&
	test_stderr_contains "empty" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'org edit changes fields and an empty value clears one' '
	rapport org edit "blue harbor logistics" --location "Amsterdam" --website "" >out &&
	grep -q "changed organisation 2" out &&
	rapport --json org show 2 >out &&
	test_eq "$(jv location <out)" "Amsterdam" &&
	test_eq "$(jv website <out)" "None" &&
	test_eq "$(jv notes <out)" "Freight software, 200 people"
'

test_expect_success 'org edit --name renames; the new name is a reference' '
	rapport --json org edit 3 --name "Zenith Robotics" >out &&
	test_eq "$(jv name <out)" "Zenith Robotics" &&
	rapport org show "zenith robotics" >/dev/null &&
	test_must_fail 1 rapport org show "Zenith Labs"
'

test_expect_success 'org edit cannot take the name of another organisation' '
	before=$(db_digest) &&
	test_must_fail 1 rapport org edit 3 --name "acme analytics" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'org edit cannot empty the name' '
	before=$(db_digest) &&
	test_must_fail 1 rapport org edit 3 --name "" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an unknown organisation is an error' '
	test_must_fail 1 rapport org show "Initech Systems" &&
	test_stderr_contains "Initech Systems" &&
	test_must_fail 1 rapport org show 99 &&
	test_must_fail 1 rapport org edit "Initech Systems" --location Paris
'

test_expect_success 'an organisation whose name is a number is found by name' '
	rapport org add "1810" >/dev/null &&
	rapport --json org show 1810 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "1810"
'

test_expect_success 'org show without ORG is a usage error' '
	test_must_fail 2 rapport org show &&
	grep -q "^usage: rapport org show ORG" .stderr
'

test_expect_success 'org add with two names is a usage error' '
	test_must_fail 2 rapport org add "Acme" "Analytics" &&
	test_stderr_contains "unexpected argument"
'

test_done
