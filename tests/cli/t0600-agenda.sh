#!/bin/sh
# agenda: overdue, today's and upcoming open tasks, and how they move with time.
. "$(dirname "$0")/test-lib.sh"

# titles SECTION: the titles of the tasks in one section of agenda --json, one a line.
titles() {
	python3 -c "import json, sys; [print(t[\"title\"]) for t in json.load(sys.stdin)[sys.argv[1]]]" "$1"
}

test_expect_success 'an empty agenda prints nothing; --json has three empty lists' '
	rapport agenda >out &&
	test ! -s out &&
	rapport --json agenda >out &&
	test_eq "$(jlen overdue <out)" 0 &&
	test_eq "$(jlen today <out)" 0 &&
	test_eq "$(jlen upcoming <out)" 0
'

test_expect_success 'setup: tasks before, on and after today' '
	rapport person add "Director of Analytics" --org "Acme Analytics" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null &&
	rapport task add "Chase the recruiter" --due -3d --kind email >/dev/null &&
	rapport task add "Send references" --due -1d --with Director >/dev/null &&
	rapport task add "Prepare the case study" --due today --opp acme-data-lead --kind review >/dev/null &&
	rapport task add "Call at five" --due 2026-03-02T17:00 --kind call >/dev/null &&
	rapport task add "Thank-you note" --due tomorrow --with Director --opp acme-data-lead --kind email >/dev/null &&
	rapport task add "Week ahead" --due +7d >/dev/null &&
	rapport task add "Too far ahead" --due +8d >/dev/null &&
	rapport task add "Next month" --due 2026-04-02 >/dev/null
'

test_expect_success 'agenda --json puts each task in its section' '
	rapport --json agenda >out &&
	titles overdue <out >actual &&
	printf "%s\n" "Chase the recruiter" "Send references" >expect &&
	test_cmp expect actual &&
	titles today <out | sort >actual &&
	printf "%s\n" "Call at five" "Prepare the case study" >expect &&
	test_cmp expect actual &&
	titles upcoming <out >actual &&
	printf "%s\n" "Thank-you note" "Week ahead" >expect &&
	test_cmp expect actual
'

test_expect_success 'agenda text shows overdue, then today, then upcoming' '
	rapport agenda >out &&
	o=$(grep -n "^overdue" out | cut -d: -f1) &&
	t=$(grep -n "^today" out | cut -d: -f1) &&
	u=$(grep -n "^upcoming" out | cut -d: -f1) &&
	test -n "$o" && test -n "$t" && test -n "$u" &&
	test "$o" -lt "$t" && test "$t" -lt "$u" &&
	test "$(grep -n "Chase the recruiter" out | cut -d: -f1)" -lt "$t" &&
	test "$(grep -n "Prepare the case study" out | cut -d: -f1)" -gt "$t" &&
	test "$(grep -n "Prepare the case study" out | cut -d: -f1)" -lt "$u" &&
	test "$(grep -n "Thank-you note" out | cut -d: -f1)" -gt "$u" &&
	! grep -q "Too far ahead" out && ! grep -q "Next month" out
'

test_expect_success 'agenda text names the person and the opportunity' '
	rapport agenda >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep "Thank-you note" >line &&
	grep -q "Director of Analytics" line && grep -q "acme-data-lead" line
'

test_expect_success 'an agenda task object has the fields of the contract' '
	rapport --json agenda >out &&
	python3 -c "
import json
a = json.load(open(\"out\"))
tasks = a[\"overdue\"] + a[\"today\"] + a[\"upcoming\"]
assert len(tasks) == 6, len(tasks)
for t in tasks:
    for k in (\"id\", \"title\", \"kind\", \"due\", \"status\", \"origin\", \"person\", \"opportunity\"):
        assert k in t, (k, t)
    assert t[\"status\"] == \"open\", t
    p, o = t[\"person\"], t[\"opportunity\"]
    assert p is None or (isinstance(p[\"id\"], int) and p[\"name\"]), p
    assert o is None or (isinstance(o[\"id\"], int) and o[\"slug\"] and o[\"title\"]), o
ty = [t for t in tasks if t[\"title\"] == \"Thank-you note\"][0]
assert ty[\"person\"][\"name\"] == \"Director of Analytics\", ty
assert ty[\"opportunity\"][\"slug\"] == \"acme-data-lead\", ty
assert ty[\"opportunity\"][\"title\"] == \"Data Lead\", ty
assert ty[\"kind\"] == \"email\" and ty[\"due\"] == \"2026-03-03\", ty
w = [t for t in tasks if t[\"title\"] == \"Week ahead\"][0]
assert w[\"person\"] is None and w[\"opportunity\"] is None, w
"
'

test_expect_success 'agenda --days widens or narrows the upcoming window' '
	rapport --json agenda --days 31 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" titles upcoming >actual &&
	printf "%s\n" "Thank-you note" "Week ahead" "Too far ahead" "Next month" >expect &&
	test_cmp expect actual &&
	rapport --json agenda --days 1 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" titles upcoming >actual &&
	echo "Thank-you note" >expect &&
	test_cmp expect actual &&
	rapport --json agenda --days 0 >out &&
	test_eq "$(jlen upcoming <out)" 0 &&
	test_eq "$(jlen overdue <out)" 2
'

test_expect_success 'agenda --days must be a number' '
	test_must_fail 1 rapport agenda --days soon &&
	test_must_fail 2 rapport agenda --days
'

test_expect_success 'done and skipped tasks leave the agenda' '
	rapport task done 1 >/dev/null &&
	rapport task skip 8 >/dev/null &&
	rapport --json agenda --days 60 >out &&
	! titles overdue <out | grep -q "Chase the recruiter" &&
	! titles upcoming <out | grep -q "Next month" &&
	test_eq "$(jlen overdue <out)" 1
'

test_expect_success 'a snoozed task moves to its new section' '
	rapport task snooze 2 +2d >/dev/null &&
	rapport --json agenda >out &&
	test_eq "$(jlen overdue <out)" 0 &&
	titles upcoming <out | grep -q "Send references"
'

test_expect_success 'as days pass a task goes from upcoming to today to overdue' '
	rapport task add "Follow up with Acme" --due 2026-03-05 >/dev/null &&
	RAPPORT_NOW=2026-03-04T18:00 rapport --json agenda >out &&
	titles upcoming <out | grep -q "Follow up with Acme" &&
	RAPPORT_NOW=2026-03-05T07:30 rapport --json agenda >out &&
	titles today <out | grep -q "Follow up with Acme" &&
	! titles upcoming <out | grep -q "Follow up with Acme" &&
	RAPPORT_NOW=2026-03-06T00:01 rapport --json agenda >out &&
	titles overdue <out | grep -q "Follow up with Acme" &&
	! titles today <out | grep -q "Follow up with Acme"
'

test_expect_success 'a task due at a time of day is in today until midnight' '
	RAPPORT_NOW=2026-03-02T23:30 rapport --json agenda >out &&
	titles today <out | grep -q "Call at five" &&
	RAPPORT_NOW=2026-03-03T08:00 rapport --json agenda >out &&
	titles overdue <out | grep -q "Call at five"
'

test_expect_success 'the agenda writes nothing' '
	before=$(db_digest) &&
	rapport agenda >/dev/null &&
	RAPPORT_NOW=2026-06-01T09:00 rapport agenda >/dev/null &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'upcoming tasks come by date, then by score (CLI and web)' '
	export RAPPORT_DB="$TEST_DIR/upcoming.db" &&
	rapport opp add "Big Offer" "Lead" --stage interviewing >/dev/null &&
	rapport task add "On the 7th, a call, interviewing" --due 2026-03-07 --kind call \
		--opp big-offer-lead >/dev/null &&
	rapport task add "On the 4th" --due 2026-03-04 >/dev/null &&
	rapport task add "On the 3rd, small" --due 2026-03-03 >/dev/null &&
	rapport task add "On the 3rd, a call, interviewing" --due 2026-03-03 --kind call \
		--opp big-offer-lead >/dev/null &&
	rapport --json agenda >out &&
	titles upcoming <out >actual &&
	printf "%s\n" "On the 3rd, a call, interviewing" "On the 3rd, small" "On the 4th" \
		"On the 7th, a call, interviewing" >expect &&
	test_cmp expect actual &&
	serve_start &&
	http GET / >page &&
	python3 - <<-\EOF &&
	page = open("page").read()
	at = [page.index(t) for t in ("On the 3rd, a call", "On the 3rd, small", "On the 4th",
	                             "On the 7th")]
	assert at == sorted(at), at
	EOF
	serve_stop
'

test_expect_success 'overdue tasks stay ranked by score' '
	export RAPPORT_DB="$TEST_DIR/overdue.db" &&
	rapport opp add "Big Offer" "Lead" --stage interviewing >/dev/null &&
	rapport task add "Late by a day, interviewing" --due -1d --kind call \
		--opp big-offer-lead >/dev/null &&
	rapport task add "Late by two days" --due -2d >/dev/null &&
	rapport --json agenda >out &&
	titles overdue <out >actual &&
	printf "%s\n" "Late by a day, interviewing" "Late by two days" >expect &&
	test_cmp expect actual
'

test_expect_success 'a malformed RAPPORT_NOW is an error' '
	RAPPORT_NOW="next tuesday" &&
	test_must_fail 1 rapport agenda &&
	test_stderr_contains "RAPPORT_NOW"
'

# Before the store's seam (issue 20) the clock was read after the file was
# made: the error left an empty database behind.
test_expect_success 'a malformed RAPPORT_NOW creates no database' '
	RAPPORT_NOW="next tuesday" &&
	test_must_fail 1 rapport --db "$TEST_DIR/never.db" agenda &&
	test_stderr_contains "RAPPORT_NOW" &&
	test ! -e "$TEST_DIR/never.db"
'

test_done
