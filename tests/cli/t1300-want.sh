#!/bin/sh
# Wants: add, list, edit, rm; marking them on an opportunity; the fit score.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'set-up: an opportunity, two people, an interview' '
	rapport opp add "Acme Analytics" "Data Lead" >/dev/null &&
	rapport person add "Analytics Head" --org "Acme Analytics" >/dev/null &&
	rapport person add "Quality Engineer" --org "Acme Analytics" >/dev/null &&
	rapport opp link acme-analytics-data-lead "Analytics Head" --role hiring-manager &&
	rapport --json log interview "First interview" --opp acme-analytics-data-lead \
		--with "Analytics Head" --at 2026-03-01 >out &&
	test_eq "$(jv id <out)" 1
'

test_expect_success 'want add with weight, must and category' '
	rapport --json want add "Remote at least three days a week" --weight 5 --must \
		--category work-pattern >out &&
	test_eq "$(jv id <out)" 1 &&
	test_eq "$(jv weight <out)" 5 &&
	test_eq "$(jv must <out)" True &&
	test_eq "$(jv category <out)" work-pattern
'

test_expect_success 'want add defaults to weight 3, nice-to-have, no category' '
	rapport --json want add "A manager who coaches" >out &&
	test_eq "$(jv weight <out)" 3 &&
	test_eq "$(jv must <out)" False &&
	test_eq "$(jv category <out)" None &&
	rapport want add "Room to grow into a lead role" --weight 4 --category growth &&
	rapport want add "Base salary of 95k or more" --weight 2 --category compensation
'

test_expect_success 'want list is heaviest first' '
	rapport --json want list >out &&
	test_eq "$(jlen "" <out)" 4 &&
	test_eq "$(jv 0.id <out)" 1 &&
	test_eq "$(jv 1.text <out)" "Room to grow into a lead role" &&
	test_eq "$(jv 3.weight <out)" 2 &&
	rapport want list >text &&
	grep -q "must" text
'

test_expect_success 'bad wants are refused and change nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport want add "Too heavy" --weight 9 &&
	test_stderr_contains "--weight" &&
	test_must_fail 1 rapport want add "" &&
	test_must_fail 1 rapport want add "Odd" --category vibes &&
	test_stderr_contains "want category" &&
	test_must_fail 1 rapport want add "remote at least three days a week" &&
	test_stderr_contains "already" &&
	test_must_fail 1 rapport want add "Both" --must --nice &&
	test_must_fail 1 rapport want edit "no such want" --weight 2 &&
	test_stderr_contains "no want" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'want edit by a unique part of its text' '
	rapport --json want edit coaches --weight 4 --must --category manager >out &&
	test_eq "$(jv weight <out)" 4 &&
	test_eq "$(jv must <out)" True &&
	test_eq "$(jv category <out)" manager &&
	rapport --json want edit 2 --nice --text "A manager who coaches me" >out &&
	test_eq "$(jv must <out)" False &&
	test_eq "$(jv text <out)" "A manager who coaches me"
'

test_expect_success 'an ambiguous reference lists the candidates' '
	test_must_fail 1 rapport want edit "a" --weight 1 &&
	test_stderr_contains "matches"
'

test_expect_success 'fit with nothing known: score unknown, everything to verify' '
	rapport --json fit acme-analytics-data-lead >out &&
	test_eq "$(jv score <out)" None &&
	test_eq "$(jv known <out)" 0 &&
	test_eq "$(jv total <out)" 4 &&
	test_eq "$(jlen to_verify <out)" 4
'

test_expect_success 'want mark records evidence with who, where and a note' '
	rapport --json want mark acme-analytics-data-lead remote met --by Analytics \
		--interaction 1 --note "Fully remote team, one week a quarter on site" >out &&
	test_eq "$(jv status <out)" met &&
	test_eq "$(jv by.name <out)" "Analytics Head" &&
	test_eq "$(jv interaction <out)" 1 &&
	test_eq "$(jv at <out)" 2026-03-01T00:00:00+00:00
'

test_expect_success 'want mark: partly, unmet and vague; the latest evidence counts' '
	rapport want mark acme-analytics-data-lead "lead role" unmet --by Quality &&
	rapport want mark acme-analytics-data-lead "lead role" partly --note "maybe in a year" &&
	rapport want mark acme-analytics-data-lead coaches vague --note "we are flat" &&
	rapport --json fit acme-analytics-data-lead >out &&
	test_eq "$(jv wants.2.text <out)" "Room to grow into a lead role" &&
	test_eq "$(jv wants.2.status <out)" partly &&
	test_eq "$(jlen wants.2.evidence <out)" 2 &&
	test_eq "$(jv wants.2.evidence.0.status <out)" unmet &&
	test_eq "$(jv wants.2.evidence.0.by.name <out)" "Quality Engineer"
'

# met (weight 5) + partly (weight 4); vague and unknown do not count:
# 100 * (5 * 1 + 4 * 0.5) / (5 + 4) = 77.8 -> 78
test_expect_success 'the fit score follows the documented formula' '
	rapport --json fit acme-analytics-data-lead >out &&
	test_eq "$(jv score <out)" 78 &&
	test_eq "$(jv known <out)" 2 &&
	test_eq "$(jv coverage <out)" 60 &&
	test_eq "$(jv deal_breakers <out)" 0 &&
	test_eq "$(jlen to_verify <out)" 3 &&
	rapport fit acme-analytics-data-lead >text &&
	grep -q "fit 78%" text &&
	grep -q "still to verify" text &&
	grep -q "vague: ask again" text
'

test_expect_success 'an unmet must-have is a deal-breaker' '
	rapport want mark acme-analytics-data-lead remote unmet --note "on site five days" &&
	rapport --json fit acme-analytics-data-lead >out &&
	test_eq "$(jv deal_breakers <out)" 1 &&
	test_eq "$(jv score <out)" 22 &&
	rapport fit acme-analytics-data-lead >text &&
	grep -q "DEAL-BREAKER" text
'

test_expect_success 'opp list and opp show carry the fit' '
	rapport --json opp show acme-analytics-data-lead >out &&
	test_eq "$(jv fit.score <out)" 22 &&
	test_eq "$(jv fit.deal_breakers <out)" 1 &&
	rapport --json opp list >out &&
	test_eq "$(jv 0.fit.score <out)" 22 &&
	rapport opp list >text &&
	grep -q "22%" text
'

test_expect_success 'bad marks are refused and change nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport want mark acme-analytics-data-lead remote great &&
	test_stderr_contains "want status" &&
	test_must_fail 1 rapport want mark no-such-opp remote met &&
	test_must_fail 1 rapport want mark acme-analytics-data-lead "no such want" met &&
	test_must_fail 1 rapport want mark acme-analytics-data-lead remote met --interaction 99 &&
	test_must_fail 1 rapport want mark acme-analytics-data-lead remote met --by Nobody &&
	test_must_fail 1 rapport want mark acme-analytics-data-lead remote met --at 2026-13-01 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'evidence from an interaction about another opportunity is refused' '
	rapport opp add "Globex" "Analyst" >/dev/null &&
	rapport log call "Intro call" --opp globex-analyst >/dev/null &&
	test_must_fail 1 rapport want mark acme-analytics-data-lead remote met --interaction 2 &&
	test_stderr_contains "another opportunity"
'

test_expect_success 'want rm is refused while evidence refers to it, unless --force' '
	before=$(db_digest) &&
	test_must_fail 1 rapport want rm remote &&
	test_stderr_contains "--force" &&
	test_eq "$(db_digest)" "$before" &&
	rapport --json want rm remote --force >out &&
	test_eq "$(jv evidence <out)" 2 &&
	rapport --json fit acme-analytics-data-lead >out &&
	test_eq "$(jv total <out)" 3
'

test_expect_success 'want rm of an unused want needs no force' '
	rapport want rm "Base salary" &&
	test_eq "$(rapport --json want list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 2
'

test_expect_success 'a hostile want text is kept byte for byte' '
	rapport --json want add "<script>alert(1)</script> & \"quotes\"" >out &&
	test_eq "$(jv text <out)" "<script>alert(1)</script> & \"quotes\""
'

test_done
