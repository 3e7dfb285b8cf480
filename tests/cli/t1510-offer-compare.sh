#!/bin/sh
# offer compare: the decision matrix, one row per want and one column per
# offer, with the weighted fit, pay against the target, days to each deadline
# and unmet must-haves; as aligned text, JSON and Markdown, with real numbers.
. "$(dirname "$0")/test-lib.sh"

# column_at FILE HEADER ROW: the text of ROW (a line starting with ROW) at the
# column where HEADER starts in the first line of FILE, up to two spaces.
column_at() {
	python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
col = lines[0].index(sys.argv[2])
row = next(l for l in lines if l.startswith(sys.argv[3]))
print(row[col:].split("  ")[0])
' "$@"
}

test_expect_success 'setup: wants, three opportunities, two offers' '
	rapport want add "Remote two days a week" --weight 5 --must >/dev/null &&
	rapport want add "Growth into leadership" --weight 3 >/dev/null &&
	rapport want add "Small team" --weight 2 >/dev/null &&
	rapport want add "Pay | equity balance" --weight 1 >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme --level manager \
		--salary-target 95k >/dev/null &&
	rapport opp add "Orbit Payments" "Platform Lead" --slug orbit --salary-target 100k \
		>/dev/null &&
	rapport opp add "Globex" "Analyst" --slug globex >/dev/null &&
	rapport want mark acme Remote met >/dev/null &&
	rapport want mark acme Growth partly >/dev/null &&
	rapport want mark orbit Remote unmet >/dev/null &&
	rapport want mark orbit Growth met >/dev/null &&
	rapport want mark orbit "Small team" met >/dev/null &&
	rapport offer add acme --base 90k --bonus 10000 --level senior --deadline 2026-03-20 \
		>/dev/null &&
	rapport offer add orbit --base 105000 --equity "0.1%" --deadline 2026-03-12 >/dev/null
'

test_expect_success 'compare is read-only' '
	before=$(db_digest) &&
	rapport offer compare >/dev/null &&
	rapport offer compare --markdown >/dev/null &&
	rapport --json offer compare >/dev/null &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'text: one column per offer, soonest deadline first, aligned, long cells cut' '
	rapport offer compare >out &&
	head -n 1 out | grep -q "^want  *weight  *orbit  *acme$" &&
	test_eq "$(column_at out orbit "Remote two days a week")" "UNMET (must)" &&
	test_eq "$(column_at out acme "Remote two days a week")" met &&
	test_eq "$(column_at out weight "Remote two days a week")" "5 must" &&
	test_eq "$(column_at out orbit "Growth into leadership")" met &&
	test_eq "$(column_at out acme "Growth into leadership")" partly &&
	test_eq "$(column_at out acme "Small team")" unknown &&
	test_eq "$(column_at out orbit "Pay | equity balance")" unknown &&
	test_eq "$(column_at out acme role)" "Acme Analytics · Data Lead" &&
	test_eq "$(column_at out orbit role)" "Orbit Payments · Platform L…" &&
	test_eq "$(column_at out acme stage)" offer
'

test_expect_success 'text: weighted totals, pay, deadlines, unmet must-haves' '
	rapport offer compare >out &&
	test_eq "$(column_at out orbit "fit ")" "50% deal-breaker" &&
	test_eq "$(column_at out acme "fit ")" "81%" &&
	test_eq "$(column_at out orbit "weighted total")" "5 of 10" &&
	test_eq "$(column_at out acme "weighted total")" "6.5 of 8" &&
	test_eq "$(column_at out acme "wants known")" "2 of 4" &&
	test_eq "$(column_at out orbit "base ")" 105,000 &&
	test_eq "$(column_at out acme "base ")" 90,000 &&
	test_eq "$(column_at out orbit "bonus")" - &&
	test_eq "$(column_at out acme "base + bonus")" 100,000 &&
	test_eq "$(column_at out acme "your target")" 95,000 &&
	test_eq "$(column_at out acme "against target")" "+5,000 (+5%)" &&
	test_eq "$(column_at out orbit "against target")" "+5,000 (+5%)" &&
	test_eq "$(column_at out orbit "equity")" "0.1%" &&
	test_eq "$(column_at out acme "level")" "senior (below manager)" &&
	test_eq "$(column_at out orbit "deadline")" 2026-03-12 &&
	test_eq "$(column_at out orbit "days to deadline")" 10 &&
	test_eq "$(column_at out acme "days to deadline")" 18 &&
	test_eq "$(column_at out orbit "unmet must-haves")" "Remote two days a week" &&
	test_eq "$(column_at out acme "unmet must-haves")" -
'

test_expect_success 'JSON: the offers with their figures, the wants with their statuses' '
	rapport --json offer compare >out &&
	test_eq "$(jlen offers <out)" 2 &&
	test_eq "$(jv offers.0.opportunity.slug <out)" orbit &&
	test_eq "$(jv offers.0.fit.score <out)" 50 &&
	test_eq "$(jv offers.0.fit.points <out)" 5.0 &&
	test_eq "$(jv offers.0.fit.known_weight <out)" 10 &&
	test_eq "$(jv offers.0.fit.total_weight <out)" 11 &&
	test_eq "$(jv offers.0.fit.deal_breakers <out)" 1 &&
	test_eq "$(jv offers.0.unmet_musts <out)" "[\"Remote two days a week\"]" &&
	test_eq "$(jv offers.0.compensation <out)" 105000 &&
	test_eq "$(jv offers.0.against_target <out)" 5000 &&
	test_eq "$(jv offers.0.days_to_deadline <out)" 10 &&
	test_eq "$(jv offers.0.mismatch <out)" None &&
	test_eq "$(jv offers.1.opportunity.slug <out)" acme &&
	test_eq "$(jv offers.1.fit.score <out)" 81 &&
	test_eq "$(jv offers.1.fit.points <out)" 6.5 &&
	test_eq "$(jv offers.1.fit.coverage <out)" 73 &&
	test_eq "$(jv offers.1.compensation <out)" 100000 &&
	test_eq "$(jv offers.1.target <out)" 95000 &&
	test_eq "$(jv offers.1.unmet_musts <out)" "[]" &&
	test_eq "$(jv offers.1.mismatch.offered <out)" senior &&
	test_eq "$(jv offers.1.mismatch.applied <out)" manager &&
	test_eq "$(jlen wants <out)" 4 &&
	test_eq "$(jv wants.0.text <out)" "Remote two days a week" &&
	test_eq "$(jv wants.0.weight <out)" 5 &&
	test_eq "$(jv wants.0.must <out)" True &&
	test_eq "$(jv wants.0.statuses <out)" "[\"unmet\", \"met\"]" &&
	test_eq "$(jv wants.1.statuses <out)" "[\"met\", \"partly\"]"
'

test_expect_success 'Markdown: a table, pipes escaped' '
	rapport offer compare --markdown >out &&
	test_eq "$(sed -n 1p out)" "| want | weight | orbit | acme |" &&
	test_eq "$(sed -n 2p out)" "|---|---:|---|---|" &&
	grep -qxF "| Remote two days a week | 5 must | UNMET (must) | met |" out &&
	grep -qxF "| Pay \\| equity balance | 1 | unknown | unknown |" out &&
	grep -qxF "| **fit** |  | 50% deal-breaker | 81% |" out &&
	grep -qxF "| **base + bonus** |  | 105,000 | 100,000 |" out &&
	grep -qxF "| **against target** |  | +5,000 (+5%) | +5,000 (+5%) |" out &&
	grep -qxF "| **days to deadline** |  | 10 | 18 |" out &&
	grep -qxF "| **unmet must-haves** |  | Remote two days a week | - |" out &&
	test_eq "$(grep -c "^|" out)" "$(wc -l <out | tr -d " ")"
'

test_expect_success 'compare OPP... takes the offers given, in that order, each once' '
	rapport --json offer compare acme orbit acme >out &&
	test_eq "$(jlen offers <out)" 2 &&
	test_eq "$(jv offers.0.opportunity.slug <out)" acme &&
	rapport offer compare acme >out &&
	head -n 1 out | grep -q "^want  *weight  *acme$"
'

test_expect_success 'a reply shows in the matrix' '
	rapport offer reply orbit --base 110k --bonus 5k >/dev/null &&
	rapport --json offer compare orbit >out &&
	test_eq "$(jv offers.0.compensation <out)" 115000 &&
	test_eq "$(jv offers.0.against_target <out)" 15000 &&
	rapport offer compare orbit >out &&
	test_eq "$(column_at out orbit "against target")" "+15,000 (+15%)"
'

test_expect_success 'an offer without a target says so' '
	rapport offer add globex --base 70000 >/dev/null &&
	rapport --json offer compare globex >out &&
	test_eq "$(jv offers.0.target <out)" None &&
	test_eq "$(jv offers.0.against_target <out)" None &&
	test_eq "$(jv offers.0.days_to_deadline <out)" None &&
	test_eq "$(jv offers.0.fit.score <out)" None &&
	rapport offer compare globex >out &&
	test_eq "$(column_at out globex "your target")" - &&
	test_eq "$(column_at out globex "fit ")" "?"
'

test_expect_success 'a deadline passed counts back' '
	RAPPORT_NOW=2026-03-14T09:00 rapport offer compare orbit >out &&
	test_eq "$(column_at out orbit "days to deadline")" "passed 2 ago"
'

test_expect_success 'bad input: an unknown opportunity, one without an offer' '
	rapport opp add "Initech" "Analyst" --slug initech >/dev/null &&
	test_must_fail 1 rapport offer compare nowhere &&
	test_stderr_contains "no opportunity '\''nowhere'\''" &&
	test_must_fail 1 rapport offer compare acme initech &&
	test_stderr_contains "'\''initech'\'' has no offer to compare" &&
	test_must_fail 2 rapport offer compare --csv
'

test_expect_success 'no offers, no wants: said plainly' '
	export RAPPORT_DB="$TEST_DIR/empty.db" &&
	rapport offer compare >out &&
	test ! -s out &&
	test_eq "$(rapport --json offer compare >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen offers)" 0 &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme >/dev/null &&
	rapport offer add acme --base 90000 >/dev/null &&
	rapport offer compare >out &&
	grep -q "no wants yet" out &&
	test_eq "$(column_at out acme "base ")" 90,000
'

test_done
