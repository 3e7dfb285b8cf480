#!/bin/sh
# An import given another kind of file says what it looks like and which
# import reads it, and writes nothing: a LinkedIn export offered as
# applications, a vCard or a JSON backup as CSV, a database file... (issue 16)
. "$(dirname "$0")/test-lib.sh"
test_requires_sqlite "SQLite files offered to the wrong import"

test_expect_success 'set-up: files of each kind' '
	printf "\357\273\277Notes:\r\n\"When exporting your connection data, you may notice...\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Lovelace,https://www.linkedin.com/in/ada,,Northwind,Data Lead,03 Mar 2024\r\n" >Connections.csv &&
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTITLE:Company secretary\r\nEND:VCARD\r\n" >ada.vcf &&
	printf "Company,Title,Status\r\nNorthwind,Data Lead,applied\r\n" >apps.csv &&
	rapport org add Acme >/dev/null &&
	rapport export -o backup.json &&
	rapport backup copy.db >/dev/null &&
	export RAPPORT_DB="$TEST_DIR/empty.db" &&
	rapport org list >/dev/null
'

test_expect_success 'a LinkedIn export offered as applications is refused, nothing written' '
	export RAPPORT_DB="$TEST_DIR/empty.db" &&
	before=$(db_digest) &&
	test_must_fail 1 rapport import csv Connections.csv &&
	test_stderr_contains "this looks like a LinkedIn connections export: use \`rapport import linkedin FILE\`" &&
	test_must_fail 1 rapport import csv Connections.csv --dry-run &&
	test_must_fail 1 rapport import vcard Connections.csv &&
	test_stderr_contains "LinkedIn connections export" &&
	test_eq "$(db_digest)" "$before" &&
	rapport opp list >out &&
	! grep -q "Data Lead" out
'

test_expect_success 'a vCard, a JSON backup, a database offered as CSV or LinkedIn' '
	export RAPPORT_DB="$TEST_DIR/empty.db" &&
	before=$(db_digest) &&
	test_must_fail 1 rapport import csv ada.vcf &&
	test_stderr_contains "use \`rapport import vcard FILE\`" &&
	test_must_fail 1 rapport import linkedin ada.vcf &&
	test_stderr_contains "vCards" &&
	test_must_fail 1 rapport import csv backup.json &&
	test_stderr_contains "use \`rapport import json FILE\`" &&
	test_must_fail 1 rapport import linkedin backup.json &&
	test_stderr_contains "JSON" &&
	test_must_fail 1 rapport import csv copy.db &&
	test_stderr_contains "rapport restore FILE" &&
	test_must_fail 1 rapport import vcard apps.csv &&
	test_stderr_contains "use \`rapport import csv FILE\`" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'the right kind still imports (a vCard with Company in its title too)' '
	export RAPPORT_DB="$TEST_DIR/empty.db" &&
	rapport import linkedin Connections.csv >out &&
	rapport import vcard ada.vcf >out &&
	rapport import csv apps.csv >out &&
	rapport opp list >out &&
	grep -q "Northwind · Data Lead" out
'

test_expect_success 'the web import upload says the same, nothing written' '
	export RAPPORT_DB="$TEST_DIR/web.db" &&
	rapport org list >/dev/null &&
	before=$(db_digest) &&
	serve_start &&
	http --file file=Connections.csv POST /settings/import format=csv >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "id=\"e-file\">Connections.csv: this looks like a LinkedIn connections export" page &&
	serve_stop &&
	test_eq "$(db_digest)" "$before"
'

test_done
