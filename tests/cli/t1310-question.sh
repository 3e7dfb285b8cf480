#!/bin/sh
# The question bank: the built-in questions, add, list with filters, edit, rm.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'a new database holds the built-in bank of at least 60 questions' '
	rapport --json question list >out &&
	n=$(jlen "" <out) &&
	test "$n" -ge 60 &&
	test_eq "$(jv 0.key <out)" scope-typical-week
'

test_expect_success 'the bank covers every stage, audience and category' '
	for s in first second final offer; do
		test "$(rapport --json question list --stage $s >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" -ge 8 || return 1
	done &&
	for a in boss peer hr executive recruiter; do
		test "$(rapport --json question list --audience $a >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" -ge 6 || return 1
	done &&
	for c in scope growth team manager compensation work-pattern culture business success; do
		test "$(rapport --json question list --verifies $c >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" -ge 6 || return 1
	done
'

test_expect_success 'filters combine: offer-stage questions for hr about compensation' '
	rapport --json question list --stage offer --audience hr --verifies compensation >out &&
	test "$(jlen "" <out)" -ge 1 &&
	python3 -c "
import json, sys
for q in json.load(open(\"out\")):
    assert \"offer\" in q[\"stages\"], q
    assert \"hr\" in q[\"audiences\"], q
    assert \"compensation\" in q[\"verifies\"], q
"
'

test_expect_success 'question add with stages, audience, categories and a want' '
	rapport want add "Four-day week" --category work-pattern >/dev/null &&
	rapport --json question add "Could this role be done in four longer days?" \
		--stage second,final --audience boss --audience hr --verifies work-pattern \
		--want "Four-day week" >out &&
	test_eq "$(jv key <out)" None &&
	test_eq "$(jv stages <out)" "[\"second\", \"final\"]" &&
	test_eq "$(jv audiences <out)" "[\"boss\", \"hr\"]" &&
	test_eq "$(jv verifies <out)" "[\"work-pattern\"]" &&
	test_eq "$(jv wants.0 <out)" 1 &&
	echo "$(jv id <out)" >qid
'

test_expect_success 'question add defaults to any stage and any audience' '
	rapport --json question add "What would you change about how the team works?" >out &&
	test_eq "$(jlen stages <out)" 4 &&
	test_eq "$(jlen audiences <out)" 5
'

test_expect_success 'question list --want finds questions tied to it or to its category' '
	rapport --json question list --want "Four-day week" >out &&
	test "$(jlen "" <out)" -ge 2 &&
	rapport --json question list --text "four longer days" >out &&
	test_eq "$(jlen "" <out)" 1
'

test_expect_success 'question edit replaces what it is given' '
	id=$(cat qid) &&
	rapport --json question edit $id --stage any --text "Could the role fit in four days?" >out &&
	test_eq "$(jlen stages <out)" 4 &&
	test_eq "$(jv text <out)" "Could the role fit in four days?" &&
	test_eq "$(jv audiences <out)" "[\"boss\", \"hr\"]" &&
	rapport --json question edit $id --want "" >out &&
	test_eq "$(jlen wants <out)" 0
'

test_expect_success 'bad questions are refused and change nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport question add "When?" --stage fifth &&
	test_stderr_contains "question stage" &&
	test_must_fail 1 rapport question add "Who?" --audience ceo &&
	test_stderr_contains "audience" &&
	test_must_fail 1 rapport question add "What?" --verifies vibes &&
	test_must_fail 1 rapport question add "" &&
	test_must_fail 1 rapport question add "Which?" --want "no such want" &&
	test_must_fail 1 rapport question edit 9999 --text "x" &&
	test_must_fail 1 rapport question edit abc --text "x" &&
	test_must_fail 1 rapport question rm 9999 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'question rm removes it from the bank' '
	n=$(rapport --json question list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "") &&
	rapport question rm 1 &&
	test_eq "$(rapport --json question list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" $((n - 1)) &&
	test_must_fail 1 rapport question edit 1 --text "back"
'

test_expect_success 'an export carries the bank, and an import restores it as it was' '
	rapport export >backup.json &&
	RAPPORT_DB="$TEST_DIR/restored.db" rapport import json backup.json >/dev/null &&
	RAPPORT_DB="$TEST_DIR/restored.db" rapport export >again.json &&
	test_cmp backup.json again.json
'

test_done
