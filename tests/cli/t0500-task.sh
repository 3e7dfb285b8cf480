#!/bin/sh
# Follow-up tasks: add (due dates, kinds), list, done, skip, snooze.
. "$(dirname "$0")/test-lib.sh"

# due DATE_ARG: the due date task add gives for WHEN (a throwaway database).
due() {
	rapport --db due.db --json task add "probe" --due "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv due
}

test_expect_success 'setup: a person and an opportunity' '
	rapport person add "Director of Analytics" --org "Acme Analytics" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null
'

test_expect_success 'task add: due today, kind other, open, by default' '
	rapport --json task add "Update my CV" >out &&
	test_eq "$(jv id <out)" 1 &&
	test_eq "$(jv title <out)" "Update my CV" &&
	test_eq "$(jv due <out)" "2026-03-02" &&
	test_eq "$(jv kind <out)" "other" &&
	test_eq "$(jv status <out)" "open" &&
	test_eq "$(jv person <out)" "None" &&
	test_eq "$(jv opportunity <out)" "None" &&
	python3 -c "import json; assert \"origin\" in json.load(open(\"out\"))"
'

test_expect_success 'task add prints the id and due date' '
	rapport task add "Read the annual report" --due 2026-03-10 --kind review >out &&
	grep -q "^added task 2: Read the annual report (due 2026-03-10)" out
'

test_expect_success 'task add --with and --opp' '
	rapport --json task add "Thank-you note" --due tomorrow --kind email --with director \
		--opp acme-data-lead >out &&
	test_eq "$(jv person.id <out)" 1 &&
	test_eq "$(jv person.name <out)" "Director of Analytics" &&
	test_eq "$(jv opportunity.id <out)" 1 &&
	test_eq "$(jv opportunity.slug <out)" "acme-data-lead" &&
	test_eq "$(jv opportunity.title <out)" "Data Lead" &&
	test_eq "$(jv kind <out)" "email"
'

test_expect_success 'every task kind is accepted' '
	for kind in email call letter linkedin meeting review learn other; do
		rapport --db kinds.db --json task add "A $kind" --kind $kind >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv kind >k &&
		test_eq "$(cat k)" "$kind" || return 1
	done
'

test_expect_success 'an unknown task kind is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task add "Fax the form" --kind fax &&
	test_stderr_contains "fax" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'WHEN: today, tomorrow, +Nd, +Nw, -Nd, dates and times' '
	test_eq "$(due today)" "2026-03-02" &&
	test_eq "$(due tomorrow)" "2026-03-03" &&
	test_eq "$(due +3d)" "2026-03-05" &&
	test_eq "$(due +2w)" "2026-03-16" &&
	test_eq "$(due -1d)" "2026-03-01" &&
	test_eq "$(due -5d)" "2026-02-25" &&
	test_eq "$(due 2026-04-15)" "2026-04-15" &&
	test_eq "$(due 2026-04-15T14:30)" "2026-04-15" &&
	rapport --db due.db --json task add "probe" --due 2026-04-15T14:30 >out &&
	test_eq "$(jv due_at <out)" "2026-04-15T14:30:00+00:00" &&
	rapport --db due.db --json task add "probe" --due 2026-04-15 >out &&
	test_eq "$(jv due_at <out)" None
'

test_expect_success 'WHEN crosses month, year and leap days' '
	test_eq "$(RAPPORT_NOW=2026-02-27T09:00 due +2d)" "2026-03-01" &&
	test_eq "$(RAPPORT_NOW=2028-02-28T09:00 due tomorrow)" "2028-02-29" &&
	test_eq "$(RAPPORT_NOW=2026-12-31T23:59 due tomorrow)" "2027-01-01" &&
	test_eq "$(RAPPORT_NOW=2026-01-01T00:00 due -1d)" "2025-12-31" &&
	test_eq "$(due 2028-02-29)" "2028-02-29"
'

test_expect_success 'malformed dates are refused, nothing written' '
	before=$(db_digest) &&
	for when in 2026-02-30 2026-13-01 2027-02-29 "next tuesday" 2026-3-5 +3 +3x \
		"+d" 2026-03-05T25:00 2026-03-05T10:60 "in two days" ""; do
		test_must_fail 1 rapport task add "Call back" --due "$when" || return 1
	done &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an unknown --with or --opp writes nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task add "Call back" --with "Missing Contact" &&
	test_must_fail 1 rapport task add "Call back" --opp nowhere-job &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty title is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task add "" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a title that starts with a dash after --' '
	rapport --json task add --due +1d -- "-> prepare questions" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv title >t &&
	test_eq "$(cat t)" "-> prepare questions"
'

test_expect_success 'task list shows open tasks by due date' '
	rapport task add "Old follow-up" --due -2d >/dev/null &&
	rapport --json task list >out &&
	python3 -c "
import json
ts = json.load(open(\"out\"))
assert [t[\"title\"] for t in ts] == [\"Old follow-up\", \"Update my CV\", \"Thank-you note\",
    \"-> prepare questions\", \"Read the annual report\"], [t[\"title\"] for t in ts]
" &&
	rapport task list >out &&
	test_eq "$(wc -l <out | tr -d " ")" 5 &&
	sed -n 1p out | grep -q "Old follow-up" &&
	sed -n 3p out | grep -q "Thank-you note.*Director of Analytics.*acme-data-lead"
'

test_expect_success 'task done closes a task' '
	rapport --json task done 1 >out &&
	test_eq "$(jv status <out)" "done" &&
	test "$(jv done_at <out)" != "None" &&
	rapport --json task list >out &&
	test_eq "$(jlen "" <out)" 4 &&
	rapport task list >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q "Update my CV"
'

test_expect_success 'task skip closes a task as skipped' '
	rapport --json task skip 2 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv status >s &&
	test_eq "$(cat s)" "skipped" &&
	rapport task list >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q "Read the annual report"
'

test_expect_success 'task list --all includes done and skipped tasks' '
	rapport --json task list --all >out &&
	test_eq "$(jlen "" <out)" 5 &&
	rapport task list --all >out &&
	grep "Update my CV" out | grep -q "done" &&
	grep "Read the annual report" out | grep -q "skipped"
'

test_expect_success 'a closed task cannot be done or skipped again' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task done 1 &&
	test_must_fail 1 rapport task skip 1 &&
	test_must_fail 1 rapport task done 2 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an unknown or malformed task id is an error' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task done 999 &&
	test_stderr_contains "999" &&
	test_must_fail 1 rapport task done abc &&
	test_must_fail 1 rapport task skip 0 &&
	test_must_fail 1 rapport task snooze 999 +1d &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'task snooze moves the due date' '
	rapport --json task snooze 3 +1w >out &&
	test_eq "$(jv due <out)" "2026-03-09" &&
	test_eq "$(jv status <out)" "open" &&
	rapport --json task snooze 3 2026-03-20T10:00 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv due >d &&
	test_eq "$(cat d)" "2026-03-20" &&
	rapport --json task snooze 3 -1d >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv due >d &&
	test_eq "$(cat d)" "2026-03-01"
'

test_expect_success 'task snooze with a bad date writes nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task snooze 3 2026-02-30 &&
	test_must_fail 1 rapport task snooze 3 "next tuesday" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'task snooze of a closed task is refused' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task snooze 1 +1d &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp show lists the opportunity open tasks' '
	rapport --json opp show acme-data-lead >out &&
	test_eq "$(jlen tasks <out)" 1 &&
	test_eq "$(jv tasks.0.title <out)" "Thank-you note" &&
	rapport opp show acme-data-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Thank-you note"
'

test_expect_success 'task snooze without WHEN is a usage error' '
	test_must_fail 2 rapport task snooze 3 &&
	grep -q "^usage: rapport task snooze ID WHEN" .stderr
'

test_done
