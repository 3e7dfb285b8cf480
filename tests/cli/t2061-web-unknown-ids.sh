#!/bin/sh
# Every POST route of the web UI, with ids that name nothing: in its
# address, and in every form field that takes one (beside a record of the
# address that exists). A refusal is a 4xx page, never a 5xx. On PostgreSQL a statement that fails ends its transaction,
# where SQLite's goes on: a page that caught such a failure and went on to
# show the form again would answer 500 there (issue 20); make
# check-pg-cli runs this script on both.
. "$(dirname "$0")/test-lib.sh"

ROUTES="$TEST_ROOT/../src/web/routes.c"
NOTHING=999999999
# the fields of the forms that name a record, each naming none
FORM="opp=$NOTHING opp_id=$NOTHING person=$NOTHING person_id=$NOTHING with=$NOTHING
 org=$NOTHING org_id=$NOTHING task=$NOTHING task_id=$NOTHING id=$NOTHING into=$NOTHING
 other=$NOTHING want=$NOTHING want_id=$NOTHING interaction=$NOTHING feedback=$NOTHING
 from_feedback=$NOTHING question=$NOTHING question_id=$NOTHING debrief=$NOTHING
 evidence=$NOTHING kind=call summary=probe title=probe text=probe name=probe
 due=2026-03-09 until=2026-03-09 stage=applied status=met"
# routes that end the session, start a second process or read a file
SKIP=" /signout /signout/everywhere /demo /demo/open /demo/enter /demo/back
 /account/password /settings/import /settings/playbooks /undo "

test_expect_success 'a record of each kind' '
	rapport org add Acme >/dev/null &&
	rapport person add "Hiring Manager" --org Acme >/dev/null &&
	rapport opp add Acme "Data Lead" >/dev/null &&
	rapport log call "first call" --with "Hiring Manager" --opp acme-data-lead >/dev/null &&
	rapport task add "write" --kind email --with "Hiring Manager" --opp acme-data-lead \
		--due 2026-03-05 >/dev/null &&
	rapport want add "remote work" >/dev/null &&
	rapport feedback add acme-data-lead "read more" --from "Hiring Manager" >/dev/null &&
	rapport offer add acme-data-lead --base 90k --deadline 2026-03-20 >/dev/null
'
serve_start >/dev/null || exit 1

# ask ID: every POST route with ID in its address, into $TEST_DIR/statuses
ask() {
	sed -n "s/^[[:space:]]*{ \"POST\", \"\([^\"]*\)\".*/\1/p" "$ROUTES" >routes &&
	test "$(wc -l <routes)" -gt 40 &&
	while read -r route; do
		case $SKIP in *" $route "*) continue ;; esac
		path=$(echo "$route" | sed "s|\*|$1|g")
		# shellcheck disable=SC2086
		http POST "$path" $FORM >resp || return 1
		echo "$(head -1 resp) POST $path"
	done <routes >"$TEST_DIR/statuses"
}

test_expect_success 'ids that name nothing, in the address and the form: never a 5xx' '
	ask "$NOTHING" &&
	! grep "^5" "$TEST_DIR/statuses" &&
	grep -q "^404 " "$TEST_DIR/statuses"
'

test_expect_success 'records that exist, with ids in the form that name nothing: never a 5xx' '
	ask 1 &&
	! grep "^5" "$TEST_DIR/statuses" &&
	grep -q "^400 " "$TEST_DIR/statuses"
'

test_done
