#!/bin/sh
# export ical: open follow-ups as all-day events (or to-dos with --todo),
# interviews of the last 90 days and the future, and offer deadlines, with
# UIDs that stay the same from one export to the next; built with libical
# and read back by Debian's python3-icalendar.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# icalcheck NAME FILE: run the check NAME of the Python below on FILE (and
# tasks.json, the open tasks, when the check needs them).
cat >icalcheck.py <<\PY
import datetime as dt, json, sys
from icalendar import Calendar

D = dt.date

def load(path):
    raw = open(path, "rb").read()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n"), raw[:40]
    for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        assert b"\n" not in line and b"\r" not in line, "a bare line end on line %d" % n
        assert len(line) <= 75, "line %d is %d octets long" % (n, len(line))
        line.decode("utf-8")  # folding never splits a character
    lines = raw.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT")
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal, cal
    return cal, raw

def items(cal, kind):
    return {str(c["UID"]): c for c in cal.walk(kind)}

def day(c, prop):
    v = c[prop].dt
    assert type(v) is D, (c["UID"], prop, v)  # a date: all day, not a time
    return v

def tasks_open():
    return [t for t in json.load(open("tasks.json")) if t["status"] == "open"]

def events():
    cal, raw = load(sys.argv[2])
    ev = items(cal, "VEVENT")
    assert not cal.walk("VTODO"), "to-dos without --todo"
    tasks = tasks_open()
    assert len(tasks) == 3, tasks
    for t in tasks:
        e = ev["task-%d@rapport" % t["id"]]
        due = D.fromisoformat(t["due"][:10])
        assert day(e, "DTSTART") == due and day(e, "DTEND") == due + dt.timedelta(days=1), e
        assert str(e["SUMMARY"]) == t["title"], (e["SUMMARY"], t["title"])
        assert "DTSTAMP" in e, e
        assert str(e["TRANSP"]) == "TRANSPARENT", e
    thanks = ev["task-1@rapport"]
    assert "With: Hiring Manager" in str(thanks["DESCRIPTION"]), thanks["DESCRIPTION"]
    assert "Opportunity: Data Lead, Ølberg" in str(thanks["DESCRIPTION"]), thanks["DESCRIPTION"]
    # interviews: the future one and the recent one (an hour each), the
    # day-long one, not the old one; the call, planned, as an event too
    first = ev["interaction-1@rapport"]
    utc = dt.timezone.utc
    assert first["DTSTART"].dt == dt.datetime(2026, 3, 5, 10, 0, tzinfo=utc), first["DTSTART"].dt
    assert first["DTSTART"].dt.utcoffset() == dt.timedelta(0)  # the instant, in UTC
    assert first["DTEND"].dt == dt.datetime(2026, 3, 5, 11, 0, tzinfo=utc), first["DTEND"].dt
    assert str(first["SUMMARY"]) == "Interview: Panel; with a, comma \\ and a backslash (Ølberg)", first["SUMMARY"]
    desc = str(first["DESCRIPTION"])
    assert "With: Data Lead, Hiring Manager" in desc, desc
    assert "secret notes" not in raw.decode(), "notes in the calendar"
    recent = ev["interaction-2@rapport"]
    assert recent["DTSTART"].dt == dt.datetime(2026, 2, 20, 14, 0, tzinfo=utc), recent
    allday = ev["interaction-5@rapport"]
    assert day(allday, "DTSTART") == D(2026, 3, 10) and day(allday, "DTEND") == D(2026, 3, 11)
    assert str(allday["SUMMARY"]) == "Final interview (データ)", allday["SUMMARY"]
    assert "interaction-3@rapport" not in ev, "an interview older than 90 days"
    call = ev["interaction-4@rapport"]
    assert call["DTSTART"].dt == dt.datetime(2026, 3, 4, 10, 0, tzinfo=utc), call["DTSTART"].dt
    assert str(call["SUMMARY"]) == "A call (Ølberg)", call["SUMMARY"]
    # the offer deadline
    dl = [u for u in ev if u.startswith("deadline-")]
    assert dl == ["deadline-1@rapport"], dl
    assert day(ev[dl[0]], "DTSTART") == D(2026, 3, 12), ev[dl[0]]
    assert str(ev[dl[0]]["SUMMARY"]) == "Offer deadline: Data Lead, Ølberg", ev[dl[0]]["SUMMARY"]
    assert len(ev) == 3 + 4 + 1, sorted(ev)

def todos():
    cal, raw = load(sys.argv[2])
    td = items(cal, "VTODO")
    ev = items(cal, "VEVENT")
    tasks = tasks_open()
    assert sorted(td) == sorted("task-%d@rapport" % t["id"] for t in tasks), sorted(td)
    for t in tasks:
        e = td["task-%d@rapport" % t["id"]]
        assert day(e, "DUE") == D.fromisoformat(t["due"][:10]), e
        assert str(e["STATUS"]) == "NEEDS-ACTION", e
        assert str(e["SUMMARY"]) == t["title"], e
    assert not [u for u in ev if u.startswith("task-")], sorted(ev)
    assert len(ev) == 4 + 1, sorted(ev)

def uids():
    a, _ = load(sys.argv[2])
    b, _ = load(sys.argv[3])
    ua, ub = items(a, "VEVENT"), items(b, "VEVENT")
    assert set(ua) <= set(ub), set(ua) - set(ub)
    new = set(ub) - set(ua)
    assert len(new) == 1 and new.pop().startswith("task-"), set(ub) - set(ua)
    for u in ua:
        for p in ("SUMMARY", "DTSTART", "DTEND"):
            assert ua[u][p].to_ical() == ub[u][p].to_ical(), (u, p)

def hostile():
    cal, raw = load(sys.argv[2])
    ev = items(cal, "VEVENT")
    assert len(cal.walk("VEVENT")) == len(ev) == 4, sorted(ev)
    lines = raw.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 4 and lines.count(b"END:VEVENT") == 4, raw
    assert lines.count(b"BEGIN:VCALENDAR") == 1 and lines.count(b"END:VCALENDAR") == 1, raw
    e = ev["task-1@rapport"]
    assert str(e["SUMMARY"]) == "Evil END:VEVENT BEGIN:VEVENT SUMMARY:forged; a, b \\ c", e["SUMMARY"]
    d = str(e["DESCRIPTION"])
    assert d == "line one\nEND:VEVENT\nBEGIN:VCALENDAR X", repr(d)
    assert "forged" not in "".join(str(x.get("SUMMARY")) for u, x in ev.items() if u != "task-1@rapport")

def past0():
    cal, raw = load(sys.argv[2])
    ev = items(cal, "VEVENT")
    assert "interaction-2@rapport" not in ev and "interaction-1@rapport" in ev, sorted(ev)

globals()[sys.argv[1]]()
PY

icalcheck() {
	rapport --json task list --all >tasks.json &&
	/usr/bin/python3 icalcheck.py "$@"
}

test_expect_success 'setup: follow-ups, interviews old and new, a call, an offer' '
	rapport opp add "Ølberg" "Data Lead" --slug lead >/dev/null &&
	rapport opp add "データ" "Analyst" --slug analyst >/dev/null &&
	rapport person add "Hiring Manager" --org "Ølberg" >/dev/null &&
	rapport person add "Data Lead" --org "Ølberg" >/dev/null &&
	rapport task add "Thank-you note" --due tomorrow --with "Hiring Manager" --opp lead >/dev/null &&
	rapport task add "Overdue: write to the recruiter" --due 2026-02-27 >/dev/null &&
	rapport task add "Ψηφιακή follow-up, with a comma; and a semicolon" --due 2026-03-20 >/dev/null &&
	rapport task add "Done already" --due 2026-03-04 >/dev/null &&
	rapport task done 4 >/dev/null &&
	rapport task add "Skipped" --due 2026-03-04 >/dev/null &&
	rapport task skip 5 >/dev/null &&
	rapport log interview "Panel; with a, comma \\ and a backslash" --with "Hiring Manager" \
		--with "Data Lead" --opp lead --at 2026-03-05T10:00 --notes "secret notes" >/dev/null &&
	rapport log interview "Phone screen" --opp lead --at 2026-02-20T14:00 >/dev/null &&
	rapport log interview "Long ago" --opp lead --at 2025-10-01T10:00 >/dev/null &&
	rapport log call "A call" --opp lead --at 2026-03-04T10:00 >/dev/null &&
	rapport log interview "Final interview" --opp analyst --at 2026-03-10 >/dev/null &&
	rapport offer add lead --base 90k --deadline 2026-03-12 >/dev/null
'

test_expect_success 'export ical: every open follow-up on its day, interviews, the deadline' '
	rapport export ical >cal.ics &&
	icalcheck events cal.ics
'

test_expect_success '--todo: follow-ups as to-dos with their due day' '
	rapport export ical --todo >todo.ics &&
	icalcheck todos todo.ics
'

test_expect_success 'the same UIDs from one export to the next; a new follow-up adds one' '
	rapport export ical >again.ics &&
	cmp cal.ics again.ics &&
	rapport task add "One more" --due 2026-03-06 >/dev/null &&
	on 2026-03-02T15:00 rapport export ical >later.ics &&
	icalcheck uids cal.ics later.ics
'

test_expect_success '--past-days 0: no interview before today' '
	rapport export ical --past-days 0 >now.ics &&
	icalcheck past0 now.ics &&
	test_must_fail 2 rapport export ical --past-days &&
	test_must_fail 1 rapport export ical --past-days lots
'

# The checks refuse these values whatever way they come (t0970); an older
# database may hold them, written here with SQL.
test_expect_success 'line ends and END:VEVENT in the text stay inside it (libical escapes them)' '
	for title in Placeholder "Task 0" "Task 1" "Task 2"; do
		rapport --db evil.db task add "$title" --due 2026-03-04 >/dev/null || exit 1
	done &&
	python3 - <<-\EOF &&
	import sqlite3
	db = sqlite3.connect("evil.db")
	db.execute("UPDATE task SET title = ?, why = ? WHERE id = 1",
	           ("Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged; a, b \\ c",
	            "line one\r\nEND:VEVENT\r\nBEGIN:VCALENDAR\tX"))
	db.commit()
	EOF
	rapport --db evil.db export ical >evil.ics &&
	icalcheck hostile evil.ics
'

test_expect_success '-o FILE writes the same, whole; export ical changes nothing' '
	before=$(db_digest) &&
	rapport export ical -o out.ics >msg &&
	grep -q "exported to out.ics" msg && ! test -e out.ics.tmp &&
	rapport export ical >std.ics && cmp out.ics std.ics &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty database: a calendar with nothing in it' '
	rapport --db empty.db export ical >empty.ics &&
	/usr/bin/python3 -c "
from icalendar import Calendar
c = Calendar.from_ical(open(\"empty.ics\", \"rb\").read())
assert not c.walk(\"VEVENT\") and not c.walk(\"VTODO\")
assert str(c[\"X-WR-CALNAME\"]) == \"rapport\"
"
'

test_done
