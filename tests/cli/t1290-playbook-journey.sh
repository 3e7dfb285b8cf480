#!/bin/sh
# Playbooks through a whole search: three opportunities over six weeks, the
# agenda looked at every morning. Thank-you notes, silences, a reply, a
# rejection, an offer and a friend to keep in touch with, each follow-up with
# the rule it came from and why.
. "$(dirname "$0")/test-lib.sh"

# morning DAY: look at the agenda that morning: the JSON in $TEST_DIR/agenda, and
# in $TEST_DIR/agenda.txt a line per task, origin|person|section|due, in its order.
morning() {
	on "$1" rapport --json agenda >"$TEST_DIR/agenda" &&
	python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
for k in ("overdue", "today", "upcoming"):
    for t in a[k]:
        p = t["person"]["name"] if t["person"] else "-"
        print("|".join((t["origin"] or "", p, k, t["due"])))
' "$TEST_DIR/agenda" >"$TEST_DIR/agenda.txt"
}

# section ORIGIN PERSON: the agenda section (overdue, today, upcoming or none)
# holding the open task of rule ORIGIN for PERSON (- for nobody), and its due
# date, as of the last morning (read with awk: no python3 a look).
section() {
	awk -F"|" -v o="$1" -v p="$2" '$1 == o && $2 == p { print $3, $4; f = 1; exit }
		END { if (!f) print "none" }' "$TEST_DIR/agenda.txt"
}

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: three opportunities, their people, and a friend' '
	rapport opp add "Acme Analytics" "Senior Data Engineer" --slug acme >/dev/null &&
	rapport opp add "Globex Data" "Analytics Lead" --slug globex >/dev/null &&
	rapport opp add "Initech" "Data Lead" --slug initech >/dev/null &&
	rapport opp move acme interviewing >/dev/null &&
	rapport opp move globex conversation >/dev/null &&
	rapport opp move initech interviewing >/dev/null &&
	rapport person add "Panel Interviewer" --org "Acme Analytics" --rapport 4 >/dev/null &&
	rapport person add "Code Reviewer" --org "Acme Analytics" --rapport 5 >/dev/null &&
	rapport person add "People Partner" --org "Globex Data" --rapport 4 >/dev/null &&
	rapport person add "Marketing Analyst" --org "Globex Data" --rapport 3 >/dev/null &&
	rapport person add "Sales Engineer" --org "Initech" --rapport 2 >/dev/null &&
	rapport person add "Industry Mentor" --org "Blue Harbor Logistics" --cadence 30 >/dev/null &&
	rapport opp link acme Panel --role hiring-manager >/dev/null &&
	rapport opp link globex People --role hr >/dev/null &&
	rapport opp link initech Sales --role hiring-manager >/dev/null &&
	morning 2026-03-02 &&
	jv_eq today.# 0 upcoming.# 0 <"$TEST_DIR/agenda"
'

test_expect_success 'Tue 3: the Acme interview; two thank-you notes for tomorrow' '
	on 2026-03-03T14:00 rapport log interview "Acme: technical interview" \
		--with Panel --with Code --opp acme >/dev/null &&
	morning 2026-03-03T18:00 &&
	test_eq "$(section thank-you "Panel Interviewer")" "upcoming 2026-03-04" &&
	test_eq "$(section thank-you "Code Reviewer")" "upcoming 2026-03-04"
'

test_expect_success 'Wed 4: the Globex and Initech interviews; Panel is thanked' '
	on 2026-03-04T10:00 rapport log interview "Globex: meet the team" \
		--with People --with Marketing --opp globex >/dev/null &&
	on 2026-03-04T15:00 rapport log interview "Initech: hiring manager" --with Sales --opp initech \
		>/dev/null &&
	on 2026-03-04T18:00 rapport task done "$(on 2026-03-04 task_id "Thank-you note to Panel Interviewer")" \
		>/dev/null &&
	morning 2026-03-04T18:30 &&
	test_eq "$(section thank-you "Panel Interviewer")" none &&
	test_eq "$(section thank-you "Code Reviewer")" "today 2026-03-04" &&
	test_eq "$(section thank-you "People Partner")" "upcoming 2026-03-05" &&
	test_eq "$(section thank-you "Sales Engineer")" "upcoming 2026-03-05"
'

test_expect_success 'Thu 5: People, Marketing and Sales are thanked; Code is forgotten' '
	for who in "People Partner" "Marketing Analyst" "Sales Engineer"; do
		on 2026-03-05T09:30 rapport task done \
			"$(on 2026-03-05 task_id "Thank-you note to $who")" >/dev/null || return 1
	done &&
	morning 2026-03-05T10:00 &&
	test_eq "$(section thank-you "Code Reviewer")" "overdue 2026-03-04"
'

test_expect_success 'Fri 6 - Mon 9: quiet days; no letter before a week is up' '
	each_day 2026-03-06 2026-03-09 rapport agenda &&
	test_eq "$(on 2026-03-09 ntasks silence)" 0
'

test_expect_success 'Tue 10: a week since Acme: a letter to Panel, the hiring manager' '
	morning 2026-03-10 &&
	test_eq "$(section silence "Panel Interviewer")" "today 2026-03-10" &&
	test_eq "$(section silence "Code Reviewer")" none &&
	test_eq "$(on 2026-03-10 ntasks silence)" 1
'

test_expect_success 'Wed 11: a week since Globex and Initech: letters to People and Sales' '
	morning 2026-03-11 &&
	test_eq "$(section silence "People Partner")" "today 2026-03-11" &&
	test_eq "$(section silence "Sales Engineer")" "today 2026-03-11" &&
	test_eq "$(section silence "Panel Interviewer")" "overdue 2026-03-10" &&
	test_eq "$(on 2026-03-11 ntasks silence)" 3
'

test_expect_success 'Wed 11: Panel writes: only the Acme letter is skipped' '
	on 2026-03-11T11:00 rapport log email "Panel: the team is deciding" --with Panel --opp acme --in \
		>/dev/null &&
	on 2026-03-11 tasks silence | cut -d"|" -f2,4 >out &&
	cat >want <<-\EOT &&
	Panel Interviewer|skipped
	People Partner|open
	Sales Engineer|open
	EOT
	test_cmp want out &&
	on 2026-03-11 task_field "Write to Panel Interviewer to restate your interest in Senior Data Engineer" why >why &&
	grep -qF "Acme Analytics" why &&
	grep -qF "2026-03-11" why
'

test_expect_success 'Wed 11: the forgotten thank-you to Code is no part of the chain: still open' '
	morning 2026-03-11T12:00 &&
	test_eq "$(section thank-you "Code Reviewer")" "overdue 2026-03-04"
'

test_expect_success 'Wed 11: the letters to People and Sales are sent' '
	on 2026-03-11T16:00 rapport task done "$(on 2026-03-11 task_id "Write to People Partner to restate your interest in Analytics Lead")" >/dev/null &&
	on 2026-03-11T16:10 rapport task done "$(on 2026-03-11 task_id "Write to Sales Engineer to restate your interest in Data Lead")" >/dev/null &&
	on 2026-03-11 contacts globex | grep -q "^letter|out|People Partner|2026-03-11|" &&
	on 2026-03-11 contacts initech | grep -q "^letter|out|Sales Engineer|2026-03-11|"
'

test_expect_success 'Fri 13: Globex says no: follow-ups for People and Marketing' '
	each_day 2026-03-12 2026-03-13 rapport agenda &&
	on 2026-03-13T12:00 rapport opp move globex rejected --note "went with an internal candidate" \
		>/dev/null &&
	morning 2026-03-13T12:30 &&
	test_eq "$(section rejected.letter "People Partner")" "upcoming 2026-03-15" &&
	test_eq "$(section rejected.letter "Marketing Analyst")" "upcoming 2026-03-15" &&
	test_eq "$(section rejected.linkedin "People Partner")" "upcoming 2026-03-16" &&
	test_eq "$(section rejected.linkedin "Marketing Analyst")" "upcoming 2026-03-16" &&
	test_eq "$(section rejected.call "People Partner")" "upcoming 2026-03-18" &&
	test_eq "$(section rejected.call "Marketing Analyst")" none &&
	test_eq "$(section rejected.review -)" "upcoming 2026-03-20" &&
	on 2026-03-13 tasks rejected.recontact >out &&
	echo "call|People Partner|2026-08-10|open|Re-contact People Partner at Globex Data" >want &&
	test_cmp want out
'

test_expect_success 'Sat 14: three days after the letter: a call to Sales; none for Globex' '
	morning 2026-03-14 &&
	test_eq "$(section silence.call "Sales Engineer")" "today 2026-03-14" &&
	test_eq "$(section silence.call "People Partner")" none &&
	each_day 2026-03-14 2026-03-31 rapport agenda &&
	on 2026-03-31 tasks silence.call >out &&
	echo "call|Sales Engineer|2026-03-14|open|Call Sales Engineer about Data Lead" >want &&
	test_cmp want out
'

test_expect_success 'Mon 16: Acme makes an offer; the steps to take' '
	on 2026-03-16T17:00 rapport opp move acme offer >/dev/null &&
	morning 2026-03-16T17:30 &&
	test_eq "$(section offer.compare -)" "upcoming 2026-03-17" &&
	test_eq "$(section offer.peers -)" "upcoming 2026-03-19" &&
	test_eq "$(section offer.visit -)" "upcoming 2026-03-21" &&
	test_eq "$(section offer.shape "Panel Interviewer")" "upcoming 2026-03-21"
'

test_expect_success 'Mon 16: every follow-up a rule made says which rule and why' '
	python3 -c "
import json
a = json.load(open(\"$TEST_DIR/agenda\"))
ts = [t for k in (\"overdue\", \"today\", \"upcoming\") for t in a[k]]
assert len(ts) >= 10, ts
rules = (\"thank-you\", \"silence\", \"silence.call\", \"offer.compare\", \"offer.questions\",
         \"offer.peers\", \"offer.visit\", \"offer.shape\", \"rejected.letter\",
         \"rejected.linkedin\", \"rejected.call\", \"rejected.review\", \"rejected.consult\")
for t in ts:
    assert t[\"origin\"] in rules, t
    assert t[\"why\"] and len(t[\"why\"]) > 20, t
"
'

test_expect_success 'Thu 2 April: Industry, added a month ago and never contacted, is due a note' '
	each_day 2026-04-01 2026-04-02 rapport agenda &&
	morning 2026-04-02 &&
	test_eq "$(section keep-in-touch "Industry Mentor")" "overdue 2026-04-01"
'

test_expect_success 'Globex people got a 45-day cadence: Marketing lapses 45 days after the interview' '
	test_eq "$(cadence Marketing)" 45 &&
	# last contact: the thank-you note of 5 March; 45 days on: 19 April
	each_day 2026-04-03 2026-04-18 rapport agenda &&
	test_eq "$(on 2026-04-18 tasks keep-in-touch | grep -c "|Marketing Analyst|")" 0 &&
	morning 2026-04-20 &&
	test_eq "$(section keep-in-touch "Marketing Analyst")" "overdue 2026-04-19"
'

test_done
