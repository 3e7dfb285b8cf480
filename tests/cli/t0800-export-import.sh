#!/bin/sh
# export and import json: a lossless backup, loaded only into an empty database.
. "$(dirname "$0")/test-lib.sh"

# What rapport does on its own; the playbooks have tests of their own (t12xx).
disable_playbooks

quoted='She said "ship it" & left; it'"'"'s fine'
unicode='Équipe Ålesund · 日本語 · 🚀'

test_expect_success 'setup: a database with every kind of record' '
	rapport org add "Acme Analytics" --website https://acme.example --location Berlin \
		--notes "$quoted" >/dev/null &&
	rapport person add "Director of Analytics" --org "Acme Analytics" --title "Head of Data" \
		--rapport 4 --cadence 30 --tag recruiter --tag berlin --notes "$unicode" >/dev/null &&
	rapport person add "Panel Interviewer" --org "Globex Data" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead --salary-target 95k \
		--source referral >/dev/null &&
	rapport opp edit acme-data-lead --salary-range 90000-110000 --level-offered Senior >/dev/null &&
	rapport opp link acme-data-lead Panel --role referrer >/dev/null &&
	rapport opp move acme-data-lead interviewing --note "invited to a first round" >/dev/null &&
	rapport log interview "First round" --with Director --opp acme-data-lead --chemistry 4 \
		--at 2026-02-27T14:00 --notes "$quoted" >/dev/null &&
	rapport log email "Recruiter reached out" --with Panel --in --at -5d >/dev/null &&
	rapport task add "Thank-you note" --due tomorrow --with Director --opp acme-data-lead --kind email >/dev/null &&
	rapport task add "Old chore" --due -3d >/dev/null &&
	rapport task done 2 >/dev/null &&
	rapport task add "Skipped one" >/dev/null &&
	rapport task skip 3 >/dev/null
'

test_expect_success 'export prints one JSON document' '
	rapport export >full.json &&
	python3 -c "import json; d = json.load(open(\"full.json\")); assert isinstance(d, dict)" &&
	grep -q "Director of Analytics" full.json && grep -q "acme-data-lead" full.json
'

test_expect_success 'export holds the hostile strings verbatim' '
	python3 -c "
import json, sys
text = json.dumps(json.load(open(\"full.json\")), ensure_ascii=False)
for s in sys.argv[1:]:
    assert json.dumps(s, ensure_ascii=False)[1:-1] in text, s
" "$quoted" "$unicode"
'

test_expect_success 'export -o FILE writes the same document' '
	rapport export -o out.json >msg &&
	cmp full.json out.json &&
	rapport export --output out2.json >/dev/null &&
	cmp full.json out2.json &&
	! test -e out.json.tmp
'

test_expect_success 'export writes nothing to the database' '
	before=$(db_digest) &&
	rapport export >/dev/null &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'import json into an empty database, then export: identical' '
	rapport --db copy.db --json import json full.json >out &&
	python3 -c "import json; assert json.load(open(\"out\"))[\"rows\"] > 0" &&
	rapport --db copy.db export >again.json &&
	cmp full.json again.json
'

test_expect_success 'the imported database answers like the original' '
	for cmd in "person show Director" "opp show acme-data-lead" "org show 1" \
		"task list --all" "agenda" "person list" "opp list" "org list"; do
		rapport --json $cmd >a.out 2>&1 &&
		rapport --db copy.db --json $cmd >b.out 2>&1 &&
		test_cmp a.out b.out || return 1
	done
'

test_expect_success 'the imported database can be searched' '
	rapport --db copy.db --json search "first round" >out &&
	python3 -c "
import json
assert any(h[\"type\"] == \"interaction\" for h in json.load(open(\"out\")))
" &&
	rapport --db copy.db --json search director >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test "$(cat n)" -ge 1
'

test_expect_success 'new records in the imported database get fresh ids' '
	rapport --db copy.db --json person add "People Partner" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id >id &&
	test_eq "$(cat id)" 3 &&
	rapport --db copy.db --json task add "New task" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id >id &&
	test_eq "$(cat id)" 4 &&
	rapport --db copy.db --json opp add "Globex Data" "Analyst" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id >id &&
	test_eq "$(cat id)" 2
'

test_expect_success 'import into a database that is not empty is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport import json full.json &&
	test_stderr_contains "empty" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'import of a file that is not JSON is refused, nothing written' '
	echo "name,email" >people.csv &&
	rapport --db fresh.db export >empty.json &&
	test_must_fail 1 rapport --db fresh.db import json people.csv &&
	rapport --db fresh.db export >empty2.json &&
	cmp empty.json empty2.json
'

test_expect_success 'import of JSON that is not a rapport export is refused' '
	echo "{\"hello\": [1, 2, 3]}" >other.json &&
	test_must_fail 1 rapport --db fresh.db import json other.json &&
	echo "[]" >list.json &&
	test_must_fail 1 rapport --db fresh.db import json list.json &&
	rapport --db fresh.db export >empty2.json &&
	cmp empty.json empty2.json
'

test_expect_success 'import of a truncated export is refused, nothing written' '
	head -c 700 full.json >cut.json &&
	test_must_fail 1 rapport --db fresh.db import json cut.json &&
	rapport --db fresh.db export >empty2.json &&
	cmp empty.json empty2.json
'

test_expect_success 'import of a missing file is an error' '
	test_must_fail 1 rapport --db fresh.db import json no-such-file.json &&
	test_stderr_contains "no-such-file.json"
'

test_expect_success 'export to a folder that does not exist is an error' '
	test_must_fail 1 rapport export -o no/such/folder/backup.json &&
	! test -e no
'

test_expect_success 'import needs the json format word and a file' '
	test_must_fail 2 rapport import xml full.json &&
	test_must_fail 2 rapport import json
'

test_expect_success 'an empty database round-trips too' '
	rapport --db e1.db export >e1.json &&
	rapport --db e2.db import json e1.json >/dev/null &&
	rapport --db e2.db export >e2.json &&
	cmp e1.json e2.json
'

test_expect_success 'a backup from an older rapport (schema 3) loads, and is upgraded as the database was' '
	rapport --db old.db person add "Old Friend" --org "Former Co" >/dev/null &&
	rapport --db old.db log note "Connected on LinkedIn" --with "Old Friend" --at 2024-03-05 >/dev/null &&
	rapport --db old.db log call "Caught up" --with "Old Friend" --at 2025-01-10 >/dev/null &&
	rapport --db old.db export -o new-schema.json >/dev/null &&
	python3 -c "
import json
d = json.load(open(\"new-schema.json\"))
d[\"schema\"] = 3
for p in d[\"tables\"][\"person\"]:
    del p[\"uid\"], p[\"connected_on\"]
json.dump(d, open(\"schema3.json\", \"w\"))
" &&
	rapport --db from3.db import json schema3.json >/dev/null &&
	rapport --db from3.db --json person show "Old Friend" >p.json &&
	jv_eq connected_on 2024-03-05 last_contact 2025-01-10 interactions.# 1 \
		interactions.0.summary "Caught up" <p.json &&
	python3 -c "
import json, re
p = json.load(open(\"p.json\"))
assert re.fullmatch(\"urn:uuid:[0-9a-f-]{36}\", p[\"uid\"]), p[\"uid\"]
"
'

test_expect_success 'a backup from a newer rapport is refused, nothing written' '
	python3 -c "
import json
d = json.load(open(\"new-schema.json\"))
d[\"schema\"] = 99
json.dump(d, open(\"schema99.json\", \"w\"))
" &&
	test_must_fail 1 rapport --db from99.db import json schema99.json &&
	test_stderr_contains "upgrade rapport" &&
	rapport --db from99.db export >e99.json &&
	rapport --db e1.db export >e1b.json &&
	cmp e1b.json e99.json
'

test_done
