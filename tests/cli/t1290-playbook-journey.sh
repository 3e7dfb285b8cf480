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
	rapport person add "Owen Park" --org "Acme Analytics" --rapport 4 >/dev/null &&
	rapport person add "Dana Whitfield" --org "Acme Analytics" --rapport 5 >/dev/null &&
	rapport person add "Priya Raman" --org "Globex Data" --rapport 4 >/dev/null &&
	rapport person add "Marco Bianchi" --org "Globex Data" --rapport 3 >/dev/null &&
	rapport person add "Sam Rivera" --org "Initech" --rapport 2 >/dev/null &&
	rapport person add "Lena Fischer" --org "Blue Harbor Logistics" --cadence 30 >/dev/null &&
	rapport opp link acme Owen --role hiring-manager >/dev/null &&
	rapport opp link globex Priya --role hr >/dev/null &&
	rapport opp link initech Sam --role hiring-manager >/dev/null &&
	morning 2026-03-02 &&
	jv_eq today.# 0 upcoming.# 0 <"$TEST_DIR/agenda"
'

test_expect_success 'Tue 3: the Acme interview; two thank-you notes for tomorrow' '
	on 2026-03-03T14:00 rapport log interview "Acme: technical interview" \
		--with Owen --with Dana --opp acme >/dev/null &&
	morning 2026-03-03T18:00 &&
	test_eq "$(section thank-you "Owen Park")" "upcoming 2026-03-04" &&
	test_eq "$(section thank-you "Dana Whitfield")" "upcoming 2026-03-04"
'

test_expect_success 'Wed 4: the Globex and Initech interviews; Owen is thanked' '
	on 2026-03-04T10:00 rapport log interview "Globex: meet the team" \
		--with Priya --with Marco --opp globex >/dev/null &&
	on 2026-03-04T15:00 rapport log interview "Initech: hiring manager" --with Sam --opp initech \
		>/dev/null &&
	on 2026-03-04T18:00 rapport task done "$(on 2026-03-04 task_id "Thank-you note to Owen Park")" \
		>/dev/null &&
	morning 2026-03-04T18:30 &&
	test_eq "$(section thank-you "Owen Park")" none &&
	test_eq "$(section thank-you "Dana Whitfield")" "today 2026-03-04" &&
	test_eq "$(section thank-you "Priya Raman")" "upcoming 2026-03-05" &&
	test_eq "$(section thank-you "Sam Rivera")" "upcoming 2026-03-05"
'

test_expect_success 'Thu 5: Priya, Marco and Sam are thanked; Dana is forgotten' '
	for who in "Priya Raman" "Marco Bianchi" "Sam Rivera"; do
		on 2026-03-05T09:30 rapport task done \
			"$(on 2026-03-05 task_id "Thank-you note to $who")" >/dev/null || return 1
	done &&
	morning 2026-03-05T10:00 &&
	test_eq "$(section thank-you "Dana Whitfield")" "overdue 2026-03-04"
'

test_expect_success 'Fri 6 - Mon 9: quiet days; no letter before a week is up' '
	each_day 2026-03-06 2026-03-09 rapport agenda &&
	test_eq "$(on 2026-03-09 ntasks silence)" 0
'

test_expect_success 'Tue 10: a week since Acme: a letter to Owen, the hiring manager' '
	morning 2026-03-10 &&
	test_eq "$(section silence "Owen Park")" "today 2026-03-10" &&
	test_eq "$(section silence "Dana Whitfield")" none &&
	test_eq "$(on 2026-03-10 ntasks silence)" 1
'

test_expect_success 'Wed 11: a week since Globex and Initech: letters to Priya and Sam' '
	morning 2026-03-11 &&
	test_eq "$(section silence "Priya Raman")" "today 2026-03-11" &&
	test_eq "$(section silence "Sam Rivera")" "today 2026-03-11" &&
	test_eq "$(section silence "Owen Park")" "overdue 2026-03-10" &&
	test_eq "$(on 2026-03-11 ntasks silence)" 3
'

test_expect_success 'Wed 11: Owen writes: only the Acme letter is skipped' '
	on 2026-03-11T11:00 rapport log email "Owen: the team is deciding" --with Owen --opp acme --in \
		>/dev/null &&
	on 2026-03-11 tasks silence | cut -d"|" -f2,4 >out &&
	cat >want <<-\EOT &&
	Owen Park|skipped
	Priya Raman|open
	Sam Rivera|open
	EOT
	test_cmp want out &&
	on 2026-03-11 task_field "Write to Owen Park to restate your interest in Senior Data Engineer" why >why &&
	grep -qF "Acme Analytics" why &&
	grep -qF "2026-03-11" why
'

test_expect_success 'Wed 11: the forgotten thank-you to Dana is no part of the chain: still open' '
	morning 2026-03-11T12:00 &&
	test_eq "$(section thank-you "Dana Whitfield")" "overdue 2026-03-04"
'

test_expect_success 'Wed 11: the letters to Priya and Sam are sent' '
	on 2026-03-11T16:00 rapport task done "$(on 2026-03-11 task_id "Write to Priya Raman to restate your interest in Analytics Lead")" >/dev/null &&
	on 2026-03-11T16:10 rapport task done "$(on 2026-03-11 task_id "Write to Sam Rivera to restate your interest in Data Lead")" >/dev/null &&
	on 2026-03-11 contacts globex | grep -q "^letter|out|Priya Raman|2026-03-11|" &&
	on 2026-03-11 contacts initech | grep -q "^letter|out|Sam Rivera|2026-03-11|"
'

test_expect_success 'Fri 13: Globex says no: follow-ups for Priya and Marco' '
	each_day 2026-03-12 2026-03-13 rapport agenda &&
	on 2026-03-13T12:00 rapport opp move globex rejected --note "went with an internal candidate" \
		>/dev/null &&
	morning 2026-03-13T12:30 &&
	test_eq "$(section rejected.letter "Priya Raman")" "upcoming 2026-03-15" &&
	test_eq "$(section rejected.letter "Marco Bianchi")" "upcoming 2026-03-15" &&
	test_eq "$(section rejected.linkedin "Priya Raman")" "upcoming 2026-03-16" &&
	test_eq "$(section rejected.linkedin "Marco Bianchi")" "upcoming 2026-03-16" &&
	test_eq "$(section rejected.call "Priya Raman")" "upcoming 2026-03-18" &&
	test_eq "$(section rejected.call "Marco Bianchi")" none &&
	test_eq "$(section rejected.review -)" "upcoming 2026-03-20" &&
	on 2026-03-13 tasks rejected.recontact >out &&
	echo "call|Priya Raman|2026-08-10|open|Re-contact Priya Raman at Globex Data" >want &&
	test_cmp want out
'

test_expect_success 'Sat 14: three days after the letter: a call to Sam; none for Globex' '
	morning 2026-03-14 &&
	test_eq "$(section silence.call "Sam Rivera")" "today 2026-03-14" &&
	test_eq "$(section silence.call "Priya Raman")" none &&
	each_day 2026-03-14 2026-03-31 rapport agenda &&
	on 2026-03-31 tasks silence.call >out &&
	echo "call|Sam Rivera|2026-03-14|open|Call Sam Rivera about Data Lead" >want &&
	test_cmp want out
'

test_expect_success 'Mon 16: Acme makes an offer; the steps to take' '
	on 2026-03-16T17:00 rapport opp move acme offer >/dev/null &&
	morning 2026-03-16T17:30 &&
	test_eq "$(section offer.compare -)" "upcoming 2026-03-17" &&
	test_eq "$(section offer.peers -)" "upcoming 2026-03-19" &&
	test_eq "$(section offer.visit -)" "upcoming 2026-03-21" &&
	test_eq "$(section offer.shape "Owen Park")" "upcoming 2026-03-21"
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

test_expect_success 'Thu 2 April: Lena, added a month ago and never contacted, is due a note' '
	each_day 2026-04-01 2026-04-02 rapport agenda &&
	morning 2026-04-02 &&
	test_eq "$(section keep-in-touch "Lena Fischer")" "overdue 2026-04-01"
'

test_expect_success 'Globex people got a 45-day cadence: Marco lapses 45 days after the interview' '
	test_eq "$(cadence Marco)" 45 &&
	# last contact: the thank-you note of 5 March; 45 days on: 19 April
	each_day 2026-04-03 2026-04-18 rapport agenda &&
	test_eq "$(on 2026-04-18 tasks keep-in-touch | grep -c "|Marco Bianchi|")" 0 &&
	morning 2026-04-20 &&
	test_eq "$(section keep-in-touch "Marco Bianchi")" "overdue 2026-04-19"
'

test_done
