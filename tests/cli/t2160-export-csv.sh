#!/bin/sh
# export csv TABLE: RFC 4180 (CRLF, quoted only when needed, quotes doubled),
# a header row, no byte order mark unless --bom; a cell a spreadsheet would
# run as a formula (=, +, -, @, tab or CR first) gets a ' in front. Every
# table is read back by Python's csv module and compared with the JSON the
# command line prints.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# csvcheck NAME: run the check NAME of the Python below (the files it reads
# are made by the test that calls it).
cat >csvcheck.py <<\PY
import csv, io, json, re, sys

FORMULA = ("=", "+", "-", "@", "\t", "\r")

def cell(v):
    """What the export writes for a value of the JSON."""
    if v is None:
        return ""
    if isinstance(v, dict):
        v = v.get("slug") or v.get("name")
    if isinstance(v, list):
        v = ", ".join(v)
    v = str(v)
    return "'" + v if v.startswith(FORMULA) else v

DAY = re.compile(r"\d{4}-\d\d-\d\d")

def same(csv_value, want):
    """The CSV keeps times as the local clock read them ("2026-02-27T14:00");
    --json gives a moment in RFC 3339 with its offset, a day as a date."""
    if DAY.match(csv_value) and DAY.match(want):
        if len(want) == 10:
            return csv_value[:10] == want
        return want.startswith(csv_value)
    return csv_value == want

def read(path, bom=False):
    raw = open(path, "rb").read()
    if bom:
        assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
        raw = raw[3:]
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), "a byte order mark"
    assert raw.endswith(b"\r\n"), "the last row does not end with CRLF"
    # outside quoted cells, every line ends with CRLF and nothing else
    bare = re.sub(rb'"(?:[^"]|"")*"', b"", raw).replace(b"\r\n", b"")
    assert b"\n" not in bare and b"\r" not in bare, "a bare line end between cells"
    # a cell is quoted only when it must be
    for q in re.findall(rb'"((?:[^"]|"")*)"', raw):
        assert re.search(rb'[,"\r\n]', q), "quoted without need: %r" % q
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
    for r in rows[1:]:
        assert len(r) == len(rows[0]), "a ragged row: %r" % r
    for r in rows:
        for c in r:
            assert not c.startswith(FORMULA), "a formula: %r" % c
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]

def check(path, records, columns):
    """Each row against its JSON record; columns: CSV column -> JSON key."""
    header, rows = read(path)
    assert len(rows) == len(records), (len(rows), len(records))
    by_id = {str(r["id"]): r for r in records}
    for row in rows:
        rec = by_id[row["id"]]
        for col, key in columns.items():
            want = cell(rec[key])
            assert same(row[col], want), (row["id"], col, row[col], want)
    return header, rows

def one(rows, col, value):
    found = [r for r in rows if r[col] == value]
    assert len(found) == 1, (col, value, rows)
    return found[0]

def people():
    h, rows = check("people.csv", json.load(open("people.json")), {
        "name": "name", "organisation": "organisation", "title": "title",
        "email": "email", "phone": "phone", "linkedin": "linkedin", "rapport": "rapport",
        "cadence": "cadence", "tags": "tags", "notes": "notes", "connected_on": "connected_on",
        "last_contact": "last_contact",
        "next_touch": "next_touch", "created_at": "created_at", "updated_at": "updated_at"})
    assert h == ["id", "name", "organisation", "title", "email", "phone", "linkedin",
                 "rapport", "cadence", "tags", "connected_on", "last_contact", "next_touch", "notes",
                 "created_at", "updated_at"], h

def hostile():
    h, rows = read("people.csv")
    for name in ("'=HYPERLINK(\"http://x\")", "'-5 Data Lead", "Hiring Manager",
                 "Данные analyst", "データ recruiter", "بيانات Peer"):
        one(rows, "name", name)
    hm = one(rows, "name", "'=HYPERLINK(\"http://x\")")
    assert hm["phone"] == "'+1 555 0100", hm
    assert hm["title"] == "'@SUM(A1:A9)", hm
    assert hm["organisation"] == 'Ñandú, "Quoted" Inc.', hm
    assert hm["notes"] == 'Line one, with a comma\nand "quotes"\r\nand CRLF', hm
    lead = one(rows, "name", "'-5 Data Lead")
    assert lead["notes"] == "'\tstarts with a tab", lead
    assert lead["tags"] == "recruiter, ølberg", lead
    assert (lead["rapport"], lead["cadence"]) == ("4", "30"), lead
    cr = one(rows, "name", "Hiring Manager")
    assert cr["notes"] == "'\r\nstarts with a carriage return", cr
    assert (cr["rapport"], cr["cadence"], cr["email"]) == ("", "", ""), cr

def others():
    check("orgs.csv", json.load(open("orgs.json")), {"name": "name", "website": "website",
          "location": "location"})
    h, rows = read("orgs.csv")
    assert one(rows, "name", "'@Formula Org")["location"] == "'=1+1", rows
    h, rows = check("opps.csv", json.load(open("opps.json")), {"slug": "slug",
                    "title": "title", "stage": "stage", "source": "source",
                    "notes": "notes", "url": "url"})
    assert [r["id"] for r in rows] == sorted((r["id"] for r in rows), key=int), rows
    lead = one(rows, "slug", "lead")
    assert (lead["salary_target"], lead["salary_low"], lead["salary_high"],
            lead["salary_offered"], lead["source"]) == ("95000", "90000", "110000", "",
                                                        "'+referral"), lead
    assert lead["organisation"] == "Ølberg", lead
    assert lead["notes"] == 'a, b; "c"', lead
    calc = one(rows, "slug", "calc")
    assert calc["title"] == "'=cmd|' /C calc'!A0", calc
    h, rows = check("tasks.csv", json.load(open("tasks.json")), {"due": "due",
                    "title": "title", "kind": "kind", "status": "status", "person": "person",
                    "origin": "origin"})
    assert sorted(r["status"] for r in rows) == ["done", "open", "open"], rows
    call = one(rows, "title", "'=Call back")
    assert (call["person"], call["opportunity"], call["due"]) == (
        "Hiring Manager", "lead", "2026-03-03"), call

def interactions():
    h, rows = read("inter.csv")
    assert h == ["id", "at", "kind", "direction", "people", "opportunity", "organisation",
                 "summary", "chemistry", "notes", "created_at"], h
    assert len(rows) == 2, rows
    i = one(rows, "id", "1")
    assert i["summary"] == 'First round, "technical"', i
    assert i["people"] == "'-5 Data Lead; Hiring Manager", i
    assert (i["kind"], i["direction"], i["opportunity"], i["organisation"]) == (
        "interview", "out", "lead", "Ølberg"), i
    assert (i["at"], i["chemistry"], i["notes"]) == ("2026-02-27T14:00", "4", "'=2+2"), i
    e = one(rows, "id", "2")
    assert (e["summary"], e["direction"], e["opportunity"], e["people"], e["chemistry"]) == (
        "'@mention in a reply", "in", "", "Данные analyst", ""), e

def bom():
    assert read("bom.csv", bom=True) == read("people.csv")

globals()[sys.argv[1]]()
PY

csvcheck() {
	/usr/bin/python3 csvcheck.py "$1"
}

test_expect_success 'setup: hostile names and notes, in many scripts' '
	rapport person add "=HYPERLINK(\"http://x\")" --org "Ñandú, \"Quoted\" Inc." \
		--phone "+1 555 0100" --title "@SUM(A1:A9)" --email "hm@example.org" \
		--notes "$(printf "Line one, with a comma\nand \"quotes\"\r\nand CRLF")" >/dev/null &&
	rapport person add "-5 Data Lead" --org "Ølberg" --tag recruiter --tag ølberg \
		--notes "$(printf "\tstarts with a tab")" --rapport 4 --cadence 30 >/dev/null &&
	rapport person add "Hiring Manager" --org "Ψηφιακή" \
		--notes "$(printf "\r\nstarts with a carriage return")" >/dev/null &&
	rapport person add "Данные analyst" --org "Данные" \
		--linkedin https://www.linkedin.com/in/x >/dev/null &&
	rapport person add "データ recruiter" --org "データ" >/dev/null &&
	rapport person add "بيانات Peer" >/dev/null &&
	rapport org add "@Formula Org" --location "=1+1" --website https://org.example >/dev/null &&
	rapport opp add "Ølberg" "Data Lead" --slug lead --salary-target 95k --source "+referral" \
		--url https://jobs.example/1 --notes "a, b; \"c\"" >/dev/null &&
	rapport opp edit lead --salary-range 90000-110000 >/dev/null &&
	rapport opp add "データ" "=cmd|'\'' /C calc'\''!A0" --slug calc >/dev/null &&
	rapport log interview "First round, \"technical\"" --with "Hiring Manager" \
		--with "-5 Data Lead" --opp lead --chemistry 4 --at 2026-02-27T14:00 \
		--notes "=2+2" >/dev/null &&
	rapport log email "@mention in a reply" --with Данные --in --at -5d >/dev/null &&
	rapport task add "=Call back" --due tomorrow --with "Hiring Manager" --opp lead >/dev/null &&
	rapport task add "Plain, with comma" --due 2026-03-09 >/dev/null &&
	rapport task add -- "-done one" >/dev/null &&
	rapport task done 3 >/dev/null
'

test_expect_success 'people: a header row, then every field as the JSON has it' '
	rapport export csv people >people.csv &&
	rapport --json person list >people.json &&
	csvcheck people
'

test_expect_success 'formulas are neutralised; commas, quotes and line ends come back whole' '
	csvcheck hostile
'

test_expect_success 'organisations, opportunities and tasks match the JSON lists' '
	rapport export csv organisations >orgs.csv &&
	rapport --json org list >orgs.json &&
	rapport export csv opportunities >opps.csv &&
	rapport --json opp list >opps.json &&
	rapport export csv tasks >tasks.csv &&
	rapport --json task list --all >tasks.json &&
	csvcheck others
'

test_expect_success 'interactions: with their people and their opportunity' '
	rapport export csv interactions >inter.csv &&
	csvcheck interactions
'

test_expect_success 'short names: orgs, opps, person, Tasks' '
	rapport export csv orgs >a.csv && cmp a.csv orgs.csv &&
	rapport export csv opps >a.csv && cmp a.csv opps.csv &&
	rapport export csv person >a.csv && cmp a.csv people.csv &&
	rapport export csv Tasks >a.csv && cmp a.csv tasks.csv
'

test_expect_success '--bom begins with a byte order mark, and nothing else changes' '
	rapport export csv people --bom >bom.csv &&
	csvcheck bom &&
	tail -c +4 bom.csv >nobom.csv && cmp nobom.csv people.csv &&
	! head -c 3 people.csv | grep -q "$(printf "\357\273\277")"
'

test_expect_success 'an empty table: the header row alone' '
	rapport --db empty.db export csv tasks >empty.csv &&
	printf "id,due,title,kind,status,person,opportunity,origin,why,template,created_at,done_at\r\n" >want &&
	cmp empty.csv want
'

test_expect_success '-o FILE writes the same bytes, whole; an unknown table writes nothing' '
	rapport export csv people -o out.csv >msg &&
	cmp out.csv people.csv && grep -q "exported to out.csv" msg && ! test -e out.csv.tmp &&
	test_must_fail 1 rapport export csv wants -o bad.csv &&
	test_stderr_contains "no table '\''wants'\''" &&
	test_stderr_contains "people, organisations, opportunities, interactions or tasks" &&
	! test -e bad.csv && ! test -e bad.csv.tmp &&
	test_must_fail 2 rapport export csv &&
	test_must_fail 2 rapport export csv people tasks
'

test_expect_success 'export csv changes nothing' '
	before=$(db_digest) &&
	for t in people organisations opportunities interactions tasks; do
		rapport export csv $t >/dev/null || return 1
	done &&
	test_eq "$(db_digest)" "$before"
'

test_done
