#!/bin/sh
# References as people type them (issue 16): an organisation by a unique
# part of its name, names without their accents, a close organisation name
# taken as the one you have, a namesake in the same organisation confirmed.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'set-up' '
	rapport org add "Northwind Logistics" >/dev/null &&
	rapport org add "Contoso" >/dev/null &&
	rapport org add "Société Générale" >/dev/null &&
	rapport person add "Analista Técnica" --org Contoso >/dev/null &&
	rapport person add "Coördinator Försäljning" >/dev/null
'

test_expect_success 'an organisation by a unique part of its name' '
	rapport org show logistics >out &&
	grep -q "^Northwind Logistics (organisation 1)" out &&
	rapport --json person list --org "wind log" >out &&
	test_eq "$(jlen "" <out)" 0 &&
	rapport org add "Northwind Traders" >/dev/null &&
	test_must_fail 1 rapport org show northwind &&
	test_stderr_contains "matches 2 organisations: 1 Northwind Logistics, 4 Northwind Traders" &&
	test_must_fail 1 rapport org show nowhere &&
	test_stderr_contains "no organisation" 
'

test_expect_success 'people and organisations match without accents' '
	rapport person show tecnica >out &&
	grep -q "^Analista Técnica" out &&
	rapport person show "ANALISTA TECNICA" >out &&
	grep -q "^Analista Técnica" out &&
	rapport person show "coordinator forsaljning" >out &&
	grep -q "^Coördinator Försäljning" out &&
	rapport org show "societe generale" >out &&
	grep -q "^Société Générale" out &&
	rapport org show generale >out &&
	grep -q "^Société Générale" out
'

test_expect_success 'a close name takes the organisation you have, and says so' '
	rapport opp add "contoso" "Data Lead" >out 2>err &&
	grep -q "Contoso · Data Lead" out &&
	test ! -s err &&
	rapport opp add "Societe Generale" "Analyst" >out 2>err &&
	grep -q "Société Générale · Analyst" out &&
	grep -q "^rapport: note: .Societe Generale. is taken as Société Générale" err &&
	rapport person add "Team Boss" --org "Northwind Log" >out 2>err &&
	grep -q "(Northwind Logistics)" out &&
	grep -q "is taken as Northwind Logistics" err &&
	rapport --json org list >out &&
	test_eq "$(jlen "" <out)" 4
'

test_expect_success 'a name that is part of several is an error listing them; --new-org makes one' '
	test_must_fail 1 rapport opp add Northwind "Analyst" &&
	test_stderr_contains "Northwind Logistics, 4 Northwind Traders" &&
	test_stderr_contains "--new-org" &&
	rapport opp add Northwind "Analyst" --new-org >out &&
	grep -q "Northwind · Analyst" out &&
	rapport --json org list >out &&
	test_eq "$(jlen "" <out)" 5
'

test_expect_success 'a second person of the same name in the same organisation needs confirming' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "analista técnica" --org Contoso &&
	test_stderr_contains "already person 1" &&
	test_stderr_contains "--allow-duplicate" &&
	test_eq "$(db_digest)" "$before" &&
	rapport person add "Analista Técnica" --org "Northwind Logistics" >/dev/null &&
	rapport person add "Analista Técnica" --org Contoso --allow-duplicate >out &&
	grep -q "added person" out
'

test_expect_success 'the web person form asks to confirm a namesake' '
	serve_start &&
	http GET /people/new >/dev/null &&
	http POST /people name="Team Boss" org="Northwind Logistics" >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "you have a person of this name in this organisation already" page &&
	grep -q "name=\"allow_duplicate\"" page &&
	http POST /people name="Team Boss" org="Northwind Logistics" allow_duplicate=1 >page &&
	test "$(head -1 page)" = 303 &&
	serve_stop &&
	rapport --json person list --org "Northwind Logistics" >out &&
	test_eq "$(jlen "" <out)" 3
'

test_done
