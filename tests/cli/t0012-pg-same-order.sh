#!/bin/sh
# Lists come out in the same order on both backends (issue 20): SQLite
# puts NULLs first in an ascending order and PostgreSQL last, so every
# ORDER BY of the store over a column that may be NULL says where they go.
# The same records, some with the NULLs a list may sort on (no
# organisation, no last contact, no cadence, no source, an offer without a
# deadline), are made in a SQLite file and a PostgreSQL database, and each
# list is compared (not search: its excerpts differ, FTS5 against ts_headline).
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"

createdb same_order || exit 1
PG=postgresql:///same_order
LITE=$TEST_DIR/same-order.db

# make DB: the records
make() {
	for c in 'org add Acme' 'org add "Beta Labs" --website https://beta.example' \
		'org add acme-two' 'person add "Hiring Manager" --org Acme' \
		'person add "Data Recruiter"' 'person add "Zed Peer" --org "Beta Labs" --cadence 30' \
		'person add "alpha Peer" --rapport 4' 'opp add Acme "Data Lead"' \
		'opp add "Beta Labs" Analyst --source referral' 'opp add acme-two Engineer' \
		'opp move acme-data-lead applied' \
		'log call "Intro call" --with "Hiring Manager" --opp acme-data-lead --at 2026-02-20' \
		'task add "Write to Data Recruiter" --due 2026-03-05 --with "Data Recruiter"' \
		'task add "Plain task" --due 2026-03-05' \
		'task add "Opp task" --due 2026-03-04 --opp beta-labs-analyst' \
		'offer add acme-two-engineer --base 100000' \
		'offer add beta-labs-analyst --base 90000 --deadline 2026-03-20'; do
		eval "rapport --db \"\$1\" $c" >/dev/null || { echo "failed: $c"; return 1; }
	done
}

# lists DB: every list, one after the other
lists() {
	for c in 'person list' 'org list' 'opp list' 'task list --all' 'agenda' \
		'offer compare' 'export csv people' 'export csv opportunities' \
		'export csv tasks'; do
		echo "== $c" && eval "rapport --db \"\$1\" $c" || return 1
	done
}

test_expect_success 'the same records on both backends' '
	make "$LITE" && make "$PG"
'

test_expect_success 'every list in the same order' '
	lists "$LITE" >"$TEST_DIR/lite" && lists "$PG" >"$TEST_DIR/pg" &&
	grep -q "Data Recruiter" "$TEST_DIR/lite" &&
	test_cmp "$TEST_DIR/lite" "$TEST_DIR/pg"
'

test_done
