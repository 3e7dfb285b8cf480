#!/bin/sh
# import vcard: an address book's cards as people: name, organisation, title,
# the preferred e-mail and phone, a LinkedIn URL, the note; importing again
# updates and never duplicates, also people who came from LinkedIn.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# Cards written by an independent writer: Debian's python3-vobject.
test_expect_success 'setup: vCards 3.0 written by vobject' '
	/usr/bin/python3 -c "
import vobject
cards = []
def card(fn, n=None, org=None, title=None, emails=(), tels=(), url=None, note=None):
    c = vobject.vCard()
    c.add(\"fn\").value = fn
    c.add(\"n\").value = n or vobject.vcard.Name(family=fn.split()[-1], given=fn.split()[0])
    if org:
        c.add(\"org\").value = [org, \"A team\"]
    if title:
        c.add(\"title\").value = title
    for value, types in emails:
        e = c.add(\"email\"); e.value = value; e.type_param = types
    for value, types in tels:
        t = c.add(\"tel\"); t.value = value; t.type_param = types
    if url:
        c.add(\"url\").value = url
    if note:
        c.add(\"note\").value = note
    cards.append(c.serialize())
card(\"Data Lead\", org=\"Ñandú Analytics\", title=\"Head of Data\",
     emails=[(\"work@example.com\", \"WORK\"), (\"pref@example.com\", \"pref\")],
     tels=[(\"+44 20 7946 0000\", \"CELL\")],
     url=\"https://www.linkedin.com/in/data-lead\", note=\"Met at a meetup; liked the talk,\nand the slides\")
card(\"Hiring Manager\", org=\"Ølberg\", title=\"Hiring Manager\",
     emails=[(\"hm@example.com\", \"WORK\")], url=\"https://olberg.example/team\")
card(\"Ψηφιακή Ομάδα\", org=\"Ψηφιακή\", tels=[(\"+30 21 0000 0000\", \"WORK\")])
card(\"Данные Аналитик\", org=\"Данные\", emails=[(\"bad address\", \"WORK\")])
open(\"book.vcf\", \"w\", newline=\"\").write(\"\".join(cards))
"
'

# summary FILE [ARGS...]: "rows added updated unchanged skipped organisations".
summary() {
	_f=$1
	shift
	rapport --json import vcard "$_f" "$@" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["rows"], s["added"], s["updated"], s["unchanged"], len(s["skipped"]),
      s["organisations_added"])
'
}

test_expect_success 'import vcard: a person a card' '
	rapport --json import vcard book.vcf >out &&
	jv_eq rows 4 added 4 updated 0 unchanged 0 skipped.# 0 organisations_added 4 \
		records people format vcard <out &&
	python3 -c "
import json
w = json.load(open(\"out\"))[\"warnings\"]
assert len(w) == 1 and \"bad address\" in w[0][\"message\"] and \"left out\" in w[0][\"message\"], w
"
'

test_expect_success 'the preferred e-mail, the phone, the LinkedIn URL, the note' '
	rapport --json person show "Data Lead" >p.json &&
	jv_eq organisation.name "Ñandú Analytics" title "Head of Data" email pref@example.com \
		phone "+44 20 7946 0000" linkedin https://www.linkedin.com/in/data-lead \
		notes "Met at a meetup; liked the talk,
and the slides" <p.json &&
	rapport --json person show "Hiring Manager" >p.json &&
	jv_eq email hm@example.com linkedin None <p.json &&
	rapport --json person show "Данные" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq email None organisation.name "Данные"
'

test_expect_success 'the same file again: unchanged, nothing duplicated' '
	before=$(db_digest) &&
	test_eq "$(summary book.vcf)" "4 0 0 4 0 0" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'vCard 2.1 and 4.0: quoted-printable, charsets, N without FN; cards without a name are skipped with their line' '
	printf "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Recruiter;Caf=E9\r\nORG;CHARSET=ISO-8859-1:\370lberg\r\nEMAIL;INTERNET;PREF:cafe@example.com\r\nEND:VCARD\r\n" >old.vcf &&
	printf "BEGIN:VCARD\r\nVERSION:4.0\r\nORG:Nobody\r\nEND:VCARD\r\n" >>old.vcf &&
	printf "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Talent Partner\r\nTITLE:Talent\r\n  Partner\r\nURL:https://uk.linkedin.com/in/talent-partner\r\nEND:VCARD\r\n" >>old.vcf &&
	rapport --json import vcard old.vcf >out &&
	jv_eq rows 3 added 2 skipped.# 1 skipped.0.line 7 <out &&
	rapport --json person show "Café Recruiter" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq email cafe@example.com organisation.name Ølberg &&
	rapport --json person show "Talent Partner" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq title "Talent Partner" \
		linkedin https://uk.linkedin.com/in/talent-partner
'

test_expect_success 'a card updates the person LinkedIn brought in: matched by the profile URL' '
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" >c.csv &&
	printf "Talent,Partner,https://www.linkedin.com/in/talent-partner/,,Ølberg,Talent Partner,05 Mar 2024\n" >>c.csv &&
	rapport --json import linkedin c.csv >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq added 0 updated 1 &&
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Talent Partner\r\nTEL;TYPE=WORK:+44 161 496 0000\r\nTEL;TYPE=CELL,PREF:+44 7700 900000\r\nURL:https://www.linkedin.com/in/talent-partner\r\nEND:VCARD\r\n" >tp.vcf &&
	test_eq "$(summary tp.vcf)" "1 0 1 0 0 0" &&
	rapport --json person show "Talent Partner" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq phone "+44 7700 900000" \
		organisation.name Ølberg connected_on 2024-03-05 &&
	test_eq "$(rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 6
'

test_expect_success 'a changed card updates; empty properties erase nothing; notes are added once' '
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Data Lead\r\nORG:Ñandú Analytics\r\nTITLE:Chief Data Officer\r\nEMAIL:pref@example.com\r\nNOTE:Wants a referral\r\nEND:VCARD\r\n" >dl.vcf &&
	test_eq "$(summary dl.vcf)" "1 0 1 0 0 0" &&
	test_eq "$(summary dl.vcf)" "1 0 0 1 0 0" &&
	rapport --json person show "Data Lead" >p.json &&
	jv_eq title "Chief Data Officer" phone "+44 20 7946 0000" \
		linkedin https://www.linkedin.com/in/data-lead notes "Met at a meetup; liked the talk,
and the slides

Wants a referral" <p.json
'

test_expect_success '--dry-run writes nothing' '
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dry Run\r\nORG:Dry Co\r\nEND:VCARD\r\n" >dry.vcf &&
	before=$(db_digest) &&
	test_eq "$(summary dry.vcf --dry-run)" "1 1 0 0 0 1" &&
	rapport import vcard --dry-run dry.vcf >out &&
	grep -q "^dry run: dry.vcf: 1 vCards: 1 added" out &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'unreadable files change nothing' '
	before=$(db_digest) &&
	: >empty.vcf &&
	test_must_fail 1 rapport import vcard empty.vcf &&
	test_stderr_contains "empty.vcf: the file is empty" &&
	printf "First Name,Last Name\nA,B\n" >notvcard.vcf &&
	test_must_fail 1 rapport import vcard notvcard.vcf &&
	test_stderr_contains "notvcard.vcf: " &&
	test_must_fail 1 rapport import vcard missing.vcf &&
	test_stderr_contains "cannot read '"'"'missing.vcf'"'"': No such file" &&
	test_eq "$(db_digest)" "$before"
'

test_done
