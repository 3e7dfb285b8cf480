#!/bin/sh
# Output injection: one set of hostile values (HTML and script, a
# javascript: link, CRLF followed by a header or by END:VEVENT, a
# spreadsheet formula) goes into every field that reaches an output, and
# every output keeps it inert: the web pages escape it, the .eml gets no
# extra header, the .ics no extra event, the CSV no formula, and the JSON
# backup keeps every value byte for byte. A line break where a header or a
# name would carry it is refused before it is stored.
. "$(dirname "$0")/test-lib.sh"

SCRIPT='<script>alert(1)</script>'
IMG='"><img src=x onerror=alert(1)>'
FORMULA='=HYPERLINK("http://evil.example","click")'
CRLF_BCC=$(printf 'Hello\r\nBcc: spy@evil.example')
CRLF_EVENT=$(printf 'done\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected')
# (one backslash: python3-icalendar 4.0 reads an escaped pair back as one)
ONE_LINE_EVENT='Talk; END:VEVENT, BEGIN:VEVENT \ SUMMARY:injected'
export SCRIPT IMG FORMULA CRLF_BCC CRLF_EVENT ONE_LINE_EVENT

test_expect_success 'hostile values are stored where text may go' '
	rapport org add "$FORMULA" >/dev/null &&
	rapport person add "$IMG" --org "$FORMULA" --title "$SCRIPT" \
		--email hostile@example.com \
		--notes "[click](javascript:alert(1)) $SCRIPT $CRLF_BCC" >/dev/null &&
	rapport opp add "$FORMULA" "$SCRIPT" --slug hostile >/dev/null &&
	rapport log interview "$SCRIPT" --with 1 --opp hostile --at 2026-03-02T10:00 \
		--notes "$CRLF_EVENT" >/dev/null &&
	rapport log interview "$ONE_LINE_EVENT" --with 1 --opp hostile --at 2026-03-04T10:00 \
		>/dev/null &&
	rapport task add "Thank $IMG" --with 1 --opp hostile --due 2026-03-03 --kind email \
		--template thank-you >/dev/null
'

test_expect_success 'a line break is refused where a header or a name would carry it' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "$CRLF_BCC" &&
	test_must_fail 1 rapport person edit 1 --email "$(printf "a@example.com\r\nBcc: spy@evil.example")" &&
	test_must_fail 1 rapport task add "$CRLF_EVENT" &&
	test_must_fail 1 rapport log interview "$CRLF_EVENT" --with 1 &&
	test_must_fail 1 rapport org add "$CRLF_BCC" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'the .eml has exactly its own headers: no Bcc, no second To' '
	task=$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "import json,sys; print([t[\"id\"] for t in json.load(sys.stdin) if t[\"title\"].startswith(\"Thank\")][0])") &&
	rapport draft "$task" --eml d.eml >/dev/null &&
	python3 -c "
import email, email.policy
raw = open(\"d.eml\", \"rb\").read()
m = email.message_from_bytes(raw, policy=email.policy.default)
names = sorted(k.lower() for k in m.keys())
assert \"bcc\" not in names and \"cc\" not in names, names
assert names.count(\"to\") == 1 and names.count(\"subject\") == 1, names
assert len(m.get_all(\"to\")[0].addresses) == 1, m[\"to\"]
assert m[\"to\"].addresses[0].addr_spec == \"hostile@example.com\", m[\"to\"]
head = raw.split(b\"\\r\\n\\r\\n\", 1)[0]
assert b\"spy@evil\" not in head, head
"
'

test_expect_success 'the calendar has exactly its own events: the text stays text' '
	rapport export ical --past-days 30 -o c.ics >/dev/null &&
	/usr/bin/python3 -c "
import icalendar, os
raw = open(\"c.ics\", \"rb\").read()
cal = icalendar.Calendar.from_ical(raw)
events = [c for c in cal.walk() if c.name == \"VEVENT\"]
assert raw.count(b\"\r\nBEGIN:VEVENT\r\n\") == len(events), len(events)
summaries = [str(c.get(\"summary\")) for c in events]
assert \"injected\" not in summaries, summaries
want = \"Interview: \" + os.environ[\"ONE_LINE_EVENT\"] + \" (\" + os.environ[\"FORMULA\"] + \")\"
assert want in summaries, (want, summaries)
uids = [str(c.get(\"uid\")) for c in events]
assert len(uids) == len(set(uids)), uids
"
'

test_expect_success 'the CSV exports neutralise the formula and keep the text' '
	rapport export csv people -o p.csv >/dev/null &&
	rapport export csv organisations -o o.csv >/dev/null &&
	/usr/bin/python3 -c "
import csv, os
formula = os.environ[\"FORMULA\"]
for f, col in ((\"p.csv\", \"organisation\"), (\"o.csv\", \"name\")):
    rows = list(csv.DictReader(open(f, encoding=\"utf-8\", newline=\"\")))
    cells = [r[col] for r in rows]
    assert \"\x27\" + formula in cells, (f, cells)
    assert not any(c.startswith(\"=\") for r in rows for c in r.values()), rows
"
'

test_expect_success 'the JSON backup keeps every hostile value byte for byte' '
	rapport export -o b.json >/dev/null &&
	/usr/bin/python3 -c "
import json, os
t = json.load(open(\"b.json\"))[\"tables\"]
e = os.environ
p = t[\"person\"][0]
assert p[\"name\"] == e[\"IMG\"] and p[\"title\"] == e[\"SCRIPT\"], p
assert p[\"notes\"] == \"[click](javascript:alert(1)) \" + e[\"SCRIPT\"] + \" \" + e[\"CRLF_BCC\"], repr(p[\"notes\"])
assert [o[\"name\"] for o in t[\"organisation\"]] == [e[\"FORMULA\"]]
assert t[\"interaction\"][0][\"notes\"] == e[\"CRLF_EVENT\"], repr(t[\"interaction\"][0][\"notes\"])
" &&
	rapport --db copy.db import json b.json >/dev/null &&
	rapport --db copy.db export -o c.json >/dev/null &&
	cmp b.json c.json
'

serve_start

test_expect_success 'the web pages render every hostile value inert' '
	for path in / /people /people/1 /opportunities/hostile /orgs/1 /pipeline \
		/search?q=alert /prep/hostile; do
		http GET "$path" >page &&
		test "$(head -1 page)" = 200 &&
		! grep -q "<script>alert" page &&
		! grep -q "<img src=x" page &&
		! grep -qi "href=\"javascript:" page || { echo "unsafe on $path"; exit 1; }
	done &&
	http GET /people/1 >page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	grep -q "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" page
'

serve_stop
test_done
