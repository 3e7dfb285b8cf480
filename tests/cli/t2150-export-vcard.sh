#!/bin/sh
# export vcard: everyone, or the people named, as vCard 4.0 that an
# independent parser (Debian's python3-vobject) reads back field for field.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# vcards FILE: check the cards of FILE against `rapport --json person list`
# (python3-vobject, with Debian's own interpreter), for the people named in
# the remaining arguments (everyone when none).
vcards() {
	rapport --json person list >people.json &&
	/usr/bin/python3 - "$@" <<-\EOF
	import json, re, sys, vobject
	path, names = sys.argv[1], sys.argv[2:]
	raw = open(path, "rb").read()
	assert raw.endswith(b"\r\n"), "the file does not end with CRLF"
	for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
	    assert b"\n" not in line and b"\r" not in line, "a bare line end on line %d" % n
	    assert len(line) <= 75, "line %d is %d octets long" % (n, len(line))
	people = {p["uid"]: p for p in json.load(open("people.json"))}
	cards = list(vobject.readComponents(raw.decode("utf-8")))
	want = [p for p in people.values() if not names or p["name"] in names]
	assert len(cards) == len(want), (len(cards), len(want))
	seen = set()
	for c in cards:
	    assert c.version.value == "4.0", c.version.value
	    uid = c.uid.value
	    assert re.fullmatch("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", uid), uid
	    assert uid not in seen, "%s twice" % uid
	    seen.add(uid)
	    full = people[uid]
	    def val(name):
	        items = c.contents.get(name)
	        if not items:
	            return None
	        assert len(items) == 1, (name, items)
	        v = items[0].value
	        return ";".join(v) if isinstance(v, list) else v
	    assert val("fn") == full["name"], (val("fn"), full["name"])
	    assert val("org") == (full["organisation"] or {}).get("name"), (val("org"), full)
	    for key, field in (("title", "title"), ("email", "email"), ("tel", "phone"),
	                       ("url", "linkedin"), ("note", "notes")):
	        assert val(key) == full.get(field), (pid, key, val(key), full.get(field))
	EOF
}

long_note=$(python3 -c 'print("Ψηφιακή データ بيانات " * 12 + "end")')
test_expect_success 'setup: people in many scripts, with hostile notes' '
	rapport person add "Hiring Manager" --org "Ñandú Analytics, Inc." --title "Head of Data; EMEA" \
		--email hm@example.org --phone "+44 20 7946 0000" \
		--linkedin https://www.linkedin.com/in/hiring-manager \
		--notes "$(printf "Met at the fair, then; a call\\\\n\nSecond line: \\\\ back\\\\slash")" \
		>/dev/null &&
	rapport person add "Data Lead" --org "Ølberg" --notes "$long_note" >/dev/null &&
	rapport person add "Ψηφιακή recruiter" --org "Ψηφιακή" --email r@example.gr >/dev/null &&
	rapport person add "Данные analyst" --org "Данные" --title "Аналитик" >/dev/null &&
	rapport person add "データ Lead" --org "データ" --phone "+81 3 0000 0000" >/dev/null &&
	rapport person add "بيانات Peer" >/dev/null &&
	rapport person add "=HYPERLINK(\"http://x\") Peer" --title "BEGIN:VCARD" \
		--notes "$(printf "END:VCARD\nBEGIN:VCARD\nFN:forged")" >/dev/null
'

test_expect_success 'export vcard: one card per person, read back field for field by vobject' '
	rapport export vcard >all.vcf &&
	vcards all.vcf
'

test_expect_success 'export vcard PERSON...: only those (each once), by name or id' '
	rapport export vcard "Hiring Manager" 3 Hiring >some.vcf &&
	vcards some.vcf "Hiring Manager" "Ψηφιακή recruiter"
'

test_expect_success 'the UIDs and the bytes are the same from one export to the next' '
	rapport export vcard >again.vcf &&
	cmp all.vcf again.vcf &&
	grep -c "^UID:urn:uuid:" all.vcf >n &&
	test_eq "$(cat n)" 7
'

test_expect_success 'export vcard -o FILE writes the same, whole; --json reports it' '
	rapport export vcard -o out.vcf >msg &&
	cmp all.vcf out.vcf &&
	grep -q "exported to out.vcf" msg &&
	rapport --json export vcard --output out2.vcf >msg.json &&
	test_eq "$(jv exported <msg.json)" out2.vcf &&
	cmp all.vcf out2.vcf &&
	! test -e out.vcf.tmp
'

test_expect_success 'an unknown person: an error, and no file' '
	test_must_fail 1 rapport export vcard "Hiring Manager" "Nobody Here" -o bad.vcf &&
	test_stderr_contains "Nobody Here" &&
	! test -e bad.vcf && ! test -e bad.vcf.tmp &&
	test_must_fail 1 rapport export vcard -o no/such/dir/x.vcf &&
	test_stderr_contains "no/such/dir/x.vcf"
'

test_expect_success 'export vcard changes nothing' '
	before=$(db_digest) &&
	rapport export vcard >/dev/null &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'no people: an empty file' '
	rapport --db empty.db export vcard >empty.vcf &&
	test_eq "$(wc -c <empty.vcf)" 0
'

test_expect_success 'export with no subcommand is still the JSON backup' '
	rapport export >full.json &&
	python3 -c "import json; assert json.load(open(\"full.json\"))[\"format\"] == \"rapport\""
'

test_done
