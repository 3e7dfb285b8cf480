#!/bin/sh
# Playbooks, `playbook tick`: the time rules now, over what was written since
# the last run and what fell due (issue 22), or over everything (--full),
# which makes the same tasks; --json says what a run looked at. A write by
# rapport runs them itself, over what it touched; a write by another program
# is left for the next run.
. "$(dirname "$0")/test-lib.sh"
test_requires_sqlite "compares the database with a copy of its file"

# tasks: every task, one a line, without ids, sorted (to compare two databases).
tasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    print("|".join(str(x) for x in (t["origin"], t["kind"],
          t["person"]["name"] if t["person"] else "-",
          t["opportunity"]["slug"] if t["opportunity"] else "-", t["due"], t["status"],
          t["title"], t.get("why"))))
'
}

test_expect_success 'a search: an interview, a cadence, an offer with a deadline' '
	on 2026-03-02 rapport opp add "Northwind Labs" "Backend Engineer" --slug northwind >/dev/null &&
	on 2026-03-02 rapport person add "Hiring Manager" --org "Northwind Labs" --cadence 14 >/dev/null &&
	on 2026-03-02 rapport opp link northwind "Hiring Manager" --role hiring-manager >/dev/null &&
	on 2026-03-02 rapport log interview "Panel" --with "Hiring Manager" --opp northwind >/dev/null &&
	on 2026-03-02 rapport opp add "Globex Data" "Analytics Lead" --slug globex --stage offer >/dev/null &&
	on 2026-03-02 rapport offer add globex --base 90000 --deadline 2026-03-20 >/dev/null &&
	on 2026-03-02 rapport --json playbook tick --full >out &&
	test_eq "$(jv full <out)" True &&
	cp "$RAPPORT_DB" full.db
'

test_expect_success 'nothing written since, nothing due: the run has nothing to look at' '
	on 2026-03-02 rapport --json playbook tick >out &&
	test_eq "$(jv ran <out)" False
'

test_expect_success 'a write by rapport runs the rules itself: the next run has nothing to look at' '
	on 2026-03-02 rapport task add "Send the portfolio" --due 2026-03-05 --with "Hiring Manager" >/dev/null &&
	test_eq "$(test_sql "SELECT count(*) FROM tick_dirty")" 0 &&
	on 2026-03-02 rapport --json playbook tick >out &&
	test_eq "$(jv ran <out)" False
'

test_expect_success 'a write by another program: the next run looks at what it touched alone' '
	test_sql "UPDATE task SET title = '"'"'Send the whole portfolio'"'"'
		WHERE title = '"'"'Send the portfolio'"'"'" &&
	RAPPORT_DB=full.db on 2026-03-02 rapport task add "Send the whole portfolio" \
		--due 2026-03-05 --with "Hiring Manager" >/dev/null &&
	on 2026-03-02 rapport --json playbook tick >out &&
	test_eq "$(jv ran <out)" True &&
	test_eq "$(jv full <out)" False &&
	test_eq "$(jv opportunities <out)" 0 &&
	test_eq "$(jv people <out)" 1
'

test_expect_success '--full looks at everything, and makes the same tasks' '
	for day in 2026-03-05 2026-03-09 2026-03-10 2026-03-16 2026-03-17 2026-03-23; do
		on $day rapport playbook tick &&
		RAPPORT_DB=full.db on $day rapport --json playbook tick --full >out &&
		test_eq "$(jv full <out)" True &&
		test_eq "$(jv opportunities <out)" 2 || return 1
	done &&
	on 2026-03-23 tasks >incremental &&
	RAPPORT_DB=full.db on 2026-03-23 tasks >full &&
	test_cmp full incremental &&
	grep -q "^silence|" incremental &&
	grep -q "^keep-in-touch|" incremental &&
	grep -q "^offer.deadline|" incremental
'

test_expect_success 'a new day with nothing due: no run at all; the agenda writes nothing' '
	test_sql "SELECT key FROM tick_state" >before &&
	on 2026-03-24 rapport agenda >agenda &&
	test_sql "SELECT key FROM tick_state" >after &&
	test_cmp before after &&
	on 2026-03-24 rapport --json playbook tick >out &&
	test_eq "$(jv ran <out)" False
'

test_expect_success 'a new day with something due (a planned call'"'"'s time came): the run looks at it alone' '
	on 2026-03-24 rapport log call "Check in" --with "Hiring Manager" --opp northwind \
		--at 2026-03-25T10:00 >/dev/null &&
	on 2026-03-26 rapport --json playbook tick >out &&
	test_eq "$(jv ran <out)" True &&
	test_eq "$(jv full <out)" False &&
	test_eq "$(jv opportunities <out)" 1 &&
	test_sql "SELECT substr(key, 1, 10) FROM tick_state" >mark &&
	test_eq "$(cat mark)" 2026-03-26
'

# A run writes its tasks' full-text entries at its end, in one statement
# (search_defer, migration 13): every task a run made is found by search
# (a note made ahead too, once its day came), and nothing is left deferred.
test_expect_success 'the tasks a run made are found by search, none left out' '
	on 2026-04-20 rapport person add "Data Recruiter" --cadence 7 >/dev/null &&
	on 2026-04-30 rapport --json playbook tick --full >out &&
	test_eq "$(jv ran <out)" True &&
	on 2026-04-30 rapport --json search "Keep in touch with Data Recruiter" >found &&
	grep -q "Keep in touch with Data Recruiter" found &&
	test_eq "$(test_sql "SELECT count(*) FROM search_defer")" 0 &&
	test_eq "$(test_sql "SELECT count(*) FROM task t WHERE NOT EXISTS
		(SELECT 1 FROM search_index x WHERE x.rowid = t.id * 8 + 5)")" 0
'

test_done
