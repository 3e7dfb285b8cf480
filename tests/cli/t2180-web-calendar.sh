#!/bin/sh
# The web UI's calendar feed and downloads: /calendar.ics answers only to the
# secret token Settings shows (calendar apps send no cookie), a wrong or
# missing one gets 404, a new token revokes the old; Settings offers every
# export as a download (Content-Disposition: attachment), the same bytes as
# the command line writes, each read back by an independent parser.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# body: the body of the response on stdin (after the headers).
body() {
	sed '1,/^$/d'
}

# fetch PATH FILE [PATH FILE]...: GET each PATH as a calendar app would (no
# cookie), in one process, each response to its FILE as `http` prints it.
fetch() {
	python3 - "$@" <<-\EOF
	import http.client, os, sys, urllib.parse
	base = urllib.parse.urlsplit(os.environ["WEB"])
	args = sys.argv[1:]
	for path, name in zip(args[::2], args[1::2]):
	    c = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
	    c.request("GET", path, headers={"Host": base.netloc,
	                                    "Authorization": "Bearer " + os.environ["WEB_KEY"]})
	    r = c.getresponse()
	    with open(name, "wb") as f:
	        f.write(b"%d\n" % r.status)
	        for k, v in r.getheaders():
	            f.write(("%s: %s\n" % (k, v)).encode())
	        f.write(b"\n" + r.read())
	    c.close()
	EOF
}

# token: the calendar token Settings shows in the feed's address.
token() {
	http GET /settings | sed -n 's|.*/calendar.ics?token=\([0-9a-f]*\)".*|\1|p'
}

rapport opp add "Ølberg" "Data Lead" --slug lead >/dev/null &&
rapport person add "Hiring Manager" --org "Ølberg" --email hm@example.org >/dev/null &&
rapport person add "=HYPERLINK(\"http://x\") Peer" --org "データ" >/dev/null &&
rapport task add "Thank-you note" --due tomorrow --with "Hiring Manager" --opp lead >/dev/null &&
rapport log interview "Panel" --with "Hiring Manager" --opp lead --at 2026-03-05T10:00 \
	>/dev/null || exit 1

serve_start

test_expect_success 'Settings: the feed is off until turned on; GETs change nothing' '
	before=$(db_digest) &&
	http GET /settings >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h2 id=\"h-calendar\">Calendar</h2>" page &&
	grep -q "<input type=\"hidden\" name=\"action\" value=\"new\"><button type=\"submit\">Turn on the calendar feed</button>" page &&
	! grep -q "calendar.ics?token=" page &&
	fetch /calendar.ics n1 "/calendar.ics?token=" n2 "/calendar.ics?token=$(printf "%064d" 0)" n3 &&
	test "$(head -qn1 n1 n2 n3 | sort -u)" = 404 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'turning the feed on shows its full address, with a 64-hex-digit secret' '
	http POST /settings/calendar action=new >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /settings?saved=calendar-on#calendar" resp &&
	http GET "/settings?saved=calendar-on" >page &&
	grep -q "The calendar feed is on" page &&
	grep -q "id=\"f-calendar-url\" readonly value=\"$WEB/calendar.ics?token=[0-9a-f]\{64\}\"" page &&
	T1=$(token) && test ${#T1} = 64 && echo "$T1" >t1
'

test_expect_success 'the feed, without a cookie: text/calendar, the same as export ical' '
	T1=$(cat t1) &&
	http --no-cookie GET "/calendar.ics?token=$T1" >resp &&
	test "$(head -1 resp)" = 200 &&
	grep -q "^Content-Type: text/calendar; charset=utf-8" resp &&
	! grep -q "^Content-Disposition" resp &&
	body <resp >feed.ics &&
	rapport export ical >cli.ics &&
	cmp feed.ics cli.ics &&
	/usr/bin/python3 -c "
from icalendar import Calendar
c = Calendar.from_ical(open(\"feed.ics\", \"rb\").read())
assert sorted(str(e[\"UID\"]) for e in c.walk(\"VEVENT\")) == [\"interaction-1@rapport\", \"task-1@rapport\"]
"
'

test_expect_success 'a wrong token, part of it, or more than it: 404' '
	T1=$(cat t1) &&
	wrong=$(echo "$T1" | tr "0-9a-f" "1-9a-f0") &&
	fetch "/calendar.ics?token=$wrong" w1 "/calendar.ics?token=$(echo "$T1" | cut -c1-63)" w2 \
		"/calendar.ics?token=${T1}0" w3 "/calendar.ics?tok=$T1" w4 \
		"/calendar.ics?token=$T1&token=$wrong" w5 "/calendar.ics?token=$(echo "$T1" | tr a-f A-F)" w6 &&
	for f in w1 w2 w3 w4 w5 w6; do
		test "$(head -1 $f)" = 404 && grep -q "<h1>Not found</h1>" $f &&
		! grep -q "BEGIN:VCALENDAR" $f || return 1
	done
'

test_expect_success 'the feed follows what changes meanwhile' '
	T1=$(cat t1) &&
	rapport task add "Call the recruiter" --due 2026-03-04 >/dev/null &&
	http --no-cookie GET "/calendar.ics?token=$T1" | body >feed2.ics &&
	grep -q "^UID:task-2@rapport" feed2.ics &&
	grep -q "^SUMMARY:Call the recruiter" feed2.ics
'

test_expect_success 'a new address revokes the old one' '
	T1=$(cat t1) &&
	http POST /settings/calendar action=new >resp &&
	grep -q "^Location: /settings?saved=calendar#calendar" resp &&
	http GET "/settings?saved=calendar" >page &&
	grep -q "the old one no" page &&
	T2=$(token) && test ${#T2} = 64 && test "$T2" != "$T1" &&
	test "$(http_status --no-cookie GET "/calendar.ics?token=$T1")" = 404 &&
	test "$(http_status --no-cookie GET "/calendar.ics?token=$T2")" = 200 &&
	echo "$T2" >t2
'

test_expect_success 'forms without the CSRF token, or with an unknown action, change nothing' '
	before=$(db_digest) &&
	test "$(http_status --no-csrf POST /settings/calendar action=new)" = 403 &&
	test "$(http_status --no-cookie POST /settings/calendar action=off)" = 401 &&
	test "$(http_status POST /settings/calendar action=explode)" = 400 &&
	test "$(db_digest)" = "$before" &&
	test "$(http_status --no-cookie GET "/calendar.ics?token=$(cat t2)")" = 200
'

test_expect_success 'turning the feed off: every address gets 404' '
	http POST /settings/calendar action=off >resp &&
	grep -q "^Location: /settings?saved=calendar-off#calendar" resp &&
	test "$(http_status --no-cookie GET "/calendar.ics?token=$(cat t2)")" = 404 &&
	http GET /settings >page &&
	grep -q "Turn on the calendar feed" page && ! grep -q "calendar.ics?token=" page
'

test_expect_success 'Settings links every download; the JSON one as before' '
	http GET /settings >page &&
	grep -q "<a class=\"button\" href=\"/export.json\" download>" page &&
	grep -q "<a href=\"/export/vcard.vcf\" download>" page &&
	for t in people organisations opportunities interactions tasks; do
		grep -q "<a href=\"/export/csv/$t.csv\" download>$t</a>" page &&
		grep -q "<a href=\"/export/csv/$t.csv?bom=1\" download>$t</a>" page || return 1
	done &&
	grep -q "<a href=\"/export/calendar.ics\" download>" page
'

test_expect_success 'vCard download: an attachment, the same cards as export vcard' '
	http GET /export/vcard.vcf >resp &&
	test "$(head -1 resp)" = 200 &&
	grep -q "^Content-Type: text/vcard; charset=utf-8" resp &&
	grep -q "^Content-Disposition: attachment; filename=\"rapport-people.vcf\"" resp &&
	body <resp >web.vcf &&
	rapport export vcard >cli.vcf && cmp web.vcf cli.vcf &&
	/usr/bin/python3 -c "
import vobject
cards = list(vobject.readComponents(open(\"web.vcf\", encoding=\"utf-8\").read()))
assert sorted(c.fn.value for c in cards) == [\"=HYPERLINK(\\\"http://x\\\") Peer\", \"Hiring Manager\"], [c.fn.value for c in cards]
"
'

test_expect_success 'CSV downloads: each table, with or without a byte order mark' '
	tables="people organisations opportunities interactions tasks" &&
	fetch $(for t in $tables; do echo "/export/csv/$t.csv $t.resp /export/csv/$t.csv?bom=1 $t.bom"; done) &&
	for t in $tables; do
		test "$(head -1 $t.resp)" = 200 &&
		grep -q "^Content-Type: text/csv; charset=utf-8" $t.resp &&
		grep -q "^Content-Disposition: attachment; filename=\"rapport-$t.csv\"" $t.resp &&
		body <$t.resp >web.csv && rapport export csv $t >cli.csv && cmp web.csv cli.csv &&
		body <$t.bom >webbom.csv && rapport export csv $t --bom >clibom.csv &&
		cmp webbom.csv clibom.csv || return 1
	done &&
	body <people.resp >people.csv &&
	/usr/bin/python3 -c "
import csv
rows = list(csv.DictReader(open(\"people.csv\", newline=\"\", encoding=\"utf-8\")))
assert sorted(r[\"name\"] for r in rows) == [\"\x27=HYPERLINK(\\\"http://x\\\") Peer\", \"Hiring Manager\"], rows
"
'

test_expect_success 'an unknown table, or no .csv: 404' '
	test "$(http_status GET /export/csv/wants.csv)" = 404 &&
	test "$(http_status GET /export/csv/people)" = 404 &&
	test "$(http_status GET /export/csv/.csv)" = 404 &&
	test "$(http_status GET /export/csv/orgs.csv)" = 200
'

test_expect_success 'calendar download: an attachment, the same as export ical' '
	http GET /export/calendar.ics >resp &&
	test "$(head -1 resp)" = 200 &&
	grep -q "^Content-Type: text/calendar; charset=utf-8" resp &&
	grep -q "^Content-Disposition: attachment; filename=\"rapport-calendar.ics\"" resp &&
	body <resp >web.ics && rapport export ical >cli.ics && cmp web.ics cli.ics
'

serve_stop
stopped=$?
test_expect_success 'the server stops cleanly' '
	test $stopped = 0
'

test_done
