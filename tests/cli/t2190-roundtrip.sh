#!/bin/sh
# Round trips: what rapport exports, it imports again into an empty
# database, and exports the same, byte for byte (a person's vCard UID is
# kept by the importing database).
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'set up people and opportunities in several scripts' '
	rapport person add "Hiring Manager" --org "Northwind Analytics" --title "VP Data" \
		--email hm@northwind.example --phone "+44 20 7946 0000" \
		--linkedin https://www.linkedin.com/in/hiring-manager \
		--notes "Met at the meetup; likes commas, semicolons; and
line breaks" >/dev/null &&
	rapport person add "Ølberg Recruiter" --org "Ñandú Ltd" --email rec@nandu.example >/dev/null &&
	rapport person add "Data Lead" --org "Данные" --title "データ" >/dev/null &&
	rapport opp add "Northwind Analytics" "Data Lead" --url https://northwind.example/jobs/1 \
		--salary-target 95k --source referral >/dev/null &&
	rapport opp move northwind-analytics-data-lead applied >/dev/null &&
	rapport opp add "Ñandú Ltd" "Analytics Manager" >/dev/null &&
	rapport opp edit nandu-ltd-analytics-manager --salary-range 80k-90k >/dev/null
'

test_expect_success 'JSON: export, import into an empty database, export again: identical' '
	rapport export -o a.json >/dev/null &&
	rapport --db b.db import json a.json >/dev/null &&
	rapport --db b.db export -o b.json >/dev/null &&
	cmp a.json b.json
'

test_expect_success 'CSV opportunities: export, import, export again: identical' '
	rapport export csv opportunities -o a.csv >/dev/null &&
	rapport --db c.db import csv a.csv >/dev/null &&
	rapport --db c.db export csv opportunities -o c.csv >/dev/null &&
	cmp a.csv c.csv
'

test_expect_success 'vCard: export, import, export again: identical, UIDs included' '
	rapport export vcard -o a.vcf >/dev/null &&
	test "$(grep -c "^BEGIN:VCARD" a.vcf)" = 3 &&
	rapport --db d.db import vcard a.vcf >/dev/null &&
	rapport --db d.db export vcard -o d.vcf >/dev/null &&
	cmp a.vcf d.vcf &&
	test "$(grep -c "^UID:urn:uuid:" d.vcf)" = 3
'

test_expect_success 'a card matches by its UID first: renamed elsewhere, it updates the same person' '
	rapport --db d.db person edit "Data Lead" --name "Data Lead (renamed)" >/dev/null &&
	rapport --db d.db export vcard -o renamed.vcf >/dev/null &&
	rapport import vcard renamed.vcf >out &&
	grep -q "0 added, 1 updated, 2 unchanged" out &&
	test_eq "$(rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 3 &&
	rapport person show "Data Lead (renamed)" >/dev/null
'

test_expect_success 'importing the exports again adds nothing' '
	rapport --db c.db import csv a.csv >out && grep -q "0 added" out &&
	rapport --db d.db import vcard a.vcf >out && grep -q "0 added" out &&
	rapport import vcard renamed.vcf >out && grep -q "0 added, 0 updated, 3 unchanged" out
'

test_done
