#!/bin/sh
# The web UI's imports: every 'rapport import' as an upload on
# /settings/import (multipart/form-data), with the same summary; a dry run
# writes nothing; a file that cannot be read changes nothing and says why
# beside the file field; a backup restores into an empty database only.
. "$(dirname "$0")/test-lib.sh"

linkedin_csv() {
	printf 'Notes:\r\n"Some e-mail addresses may be missing."\r\n\r\n'
	printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
	printf 'Data,Lead,https://www.linkedin.com/in/data-lead,dl@example.com,Northwind,Head of Data,05 Mar 2024\r\n'
	printf 'Ψηφιακή,Ομάδα,https://www.linkedin.com/in/psifiaki,,Ψηφιακή Α.Ε.,Recruiter,1 Feb 2022\r\n'
	printf ',,https://www.linkedin.com/in/nobody,,,,05 Mar 2024\r\n'
}

serve_start

test_expect_success 'the import page: a multipart form with a file field, the formats and a dry run' '
	http GET /settings/import >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "enctype=\"multipart/form-data\"" page &&
	grep -q "<input type=\"file\"[^>]* name=\"file\"" page &&
	grep -q "<label for=\"f-file\">File to import</label>" page &&
	grep -q "value=\"linkedin\"" page && grep -q "value=\"vcard\"" page &&
	grep -q "value=\"csv\"" page && grep -q "value=\"json\"" page &&
	grep -q "name=\"dry_run\"" page &&
	grep -q "Get a copy of your data, with Connections chosen" page &&
	grep -q "aria-current=\"page\">Import</a>" page
'

test_expect_success 'a LinkedIn export uploaded: the summary, skipped rows by line, the people in' '
	linkedin_csv >Connections.csv &&
	http --file file=Connections.csv POST /settings/import format=linkedin >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h2 id=\"h-result\">Imported</h2>" page &&
	grep -q "Connections.csv: 3 LinkedIn connections" page &&
	grep -q "<dt>added</dt><dd>2</dd>" page &&
	grep -q "<dt>skipped</dt><dd>1</dd>" page &&
	grep -q "line 7</span> skipped: no name" page &&
	rapport --json person show "Data Lead" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq connected_on 2024-03-05 \
		organisation.name Northwind email dl@example.com &&
	test_eq "$(rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 2
'

test_expect_success 'the same file again: every row unchanged, nothing written' '
	before=$(db_digest) &&
	http --file file=Connections.csv POST /settings/import format=linkedin >page &&
	grep -q "<dt>unchanged</dt><dd>2</dd>" page &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a dry run shows what would change and writes nothing' '
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person\r\nORG:Zenith\r\nEMAIL:cp@example.com\r\nEND:VCARD\r\n" >one.vcf &&
	before=$(db_digest) &&
	http --file file=one.vcf POST /settings/import format=vcard dry_run=1 >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "Dry run: nothing was written" page &&
	grep -q "<dt>would be added</dt><dd>1</dd>" page &&
	test_eq "$(db_digest)" "$before" &&
	http --file file=one.vcf POST /settings/import format=vcard >page &&
	grep -q "<dt>added</dt><dd>1</dd>" page &&
	rapport person show "Card Person" >/dev/null
'

test_expect_success 'a spreadsheet of applications, with a column map from the form' '
	printf "Employer,Role,Stage,Posting\r\nNorthwind,Data Lead,Interviewing,https://northwind.example/jobs/1\r\n" >apps.csv &&
	http --file file=apps.csv POST /settings/import format=csv "map=Employer=company
Role=title
Posting=url" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<dt>added</dt><dd>1</dd>" page &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq 0.stage interviewing 0.title "Data Lead"
'

test_expect_success 'a file that cannot be read: 400, the reason beside the file field, nothing written' '
	before=$(db_digest) &&
	printf "First Name,Last Name,URL\r\n\"unterminated,quote\r\n" >broken.csv &&
	http --file file=broken.csv POST /settings/import format=linkedin >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "id=\"e-file\">broken.csv: line 2: a quoted field" page &&
	grep -q "broken.csv" page &&
	printf "Employer\r\nNorthwind\r\n" >nocols.csv &&
	http --file file=nocols.csv POST /settings/import format=csv "map=Nope=title" >page &&
	test "$(head -1 page)" = 400 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'no file, an empty file or no format: 400 with the message at the field' '
	before=$(db_digest) &&
	http --multipart POST /settings/import format=linkedin >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "choose a file to import" page &&
	: >empty.csv &&
	http --file file=empty.csv POST /settings/import format=linkedin >page &&
	test "$(head -1 page)" = 400 &&
	http --file file=Connections.csv POST /settings/import format=nonsense >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "choose what the file is" page &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a hostile file name and hostile cells are shown inert' '
	cp Connections.csv "<img src=x onerror=alert(1)>.csv" &&
	http --file "file=<img src=x onerror=alert(1)>.csv" POST /settings/import format=linkedin >page &&
	test "$(head -1 page)" = 200 &&
	! grep -q "<img src=x" page &&
	grep -q "&lt;img src=x onerror=alert(1)&gt;.csv" page
'

test_expect_success 'an upload without the CSRF token, or from another site: 403, nothing written' '
	before=$(db_digest) &&
	test "$(http_status --no-csrf --file file=one.vcf POST /settings/import format=vcard)" = 403 &&
	test "$(http_status --origin http://attacker.example --file file=one.vcf POST /settings/import format=vcard)" = 403 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'other forms may be multipart too; a malformed multipart body does nothing' '
	http --multipart POST /settings name="A new user" email= signature= >page &&
	test "$(head -1 page)" = 303 &&
	http GET /settings | grep -q "value=\"A new user\"" &&
	before=$(db_digest) &&
	st=$(http_status --multipart --body "--x
nonsense" POST /settings/import) &&
	case $st in 400|403) ;; *) false ;; esac &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'the upload limit: 32 MB on the import page, 2 MB elsewhere (413, nothing read)' '
	python3 -c "
import sys
sys.stdout.write(\"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\")
for i in range(40000):
    sys.stdout.write(\"Big%d,Person,https://www.linkedin.com/in/big-%d,,Bigcorp,Engineer with a long title to make the row longer than before,05 Mar 2024\r\n\" % (i, i))
" >big.csv &&
	test $(wc -c <big.csv) -gt 4000000 &&
	# a limit, not a speed: PostgreSQL takes its time over 40,000 rows
	WEBREQ_TIMEOUT=300 http --file file=big.csv POST /settings/import format=linkedin dry_run=1 >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<dt>would be added</dt><dd>40000</dd>" page &&
	test "$(http_status --file file=big.csv POST /settings name=x)" = 413
'

serve_stop
rapport export -o backup.json >/dev/null
test_use_db other.db
serve_start

test_expect_success 'a backup restores into an empty database, and only there' '
	http --file file=backup.json POST /settings/import format=json >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h2>Restored</h2>" page &&
	rapport person show "Card Person" >/dev/null &&
	http --file file=backup.json POST /settings/import format=json >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "not empty" page
'

serve_stop
test_done
