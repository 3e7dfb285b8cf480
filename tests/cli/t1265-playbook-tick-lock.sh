#!/bin/sh
# Playbooks, the time rules' mark: agenda and task list take the write lock
# only when the rules have something to do. Once a run changed nothing, they
# read, and another program holding the write lock (the web server saving a
# form) does not make them wait. A write by rapport runs the rules for what
# it touched in its own transaction, so the agenda after it still reads; a
# change by another program is recorded (what it touched, in tick_dirty),
# and the next run waits for the lock and runs the rules.
. "$(dirname "$0")/test-lib.sh"
test_requires_sqlite "another program holding SQLite's write lock"

# hold_lock SECONDS: another connection holds the write lock for SECONDS,
# in the background; returns once it holds it.
hold_lock() {
	rm -f locked
	python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open("locked", "w").close()
time.sleep(float(sys.argv[2]))
c.execute("ROLLBACK")
' "$RAPPORT_DB" "$1" &
	holder=$!
	for _ in $(seq 100); do
		[ -f locked ] && return 0
		sleep 0.05
	done
	return 1
}

test_expect_success 'a search with an interview, its follow-ups made' '
	on 2026-03-02 rapport opp add "Northwind Labs" "Backend Engineer" --slug northwind >/dev/null &&
	on 2026-03-02 rapport person add "Hiring Manager" --org "Northwind Labs" >/dev/null &&
	on 2026-03-02T10:00 rapport log interview "Panel" --with "Hiring Manager" --opp northwind >/dev/null &&
	on 2026-03-09 rapport agenda >/dev/null &&
	on 2026-03-09 rapport agenda >before &&
	test -s before &&
	test_sql "SELECT count(*) FROM tick_state" >mark &&
	test_eq "$(cat mark)" 1
'

test_expect_success 'with the mark current, agenda and task list read while another holds the write lock' '
	hold_lock 6 &&
	start=$(date +%s) &&
	on 2026-03-09 rapport agenda >during &&
	on 2026-03-09 rapport task list >list &&
	on 2026-03-09 rapport --json agenda >during.json &&
	end=$(date +%s) &&
	wait $holder &&
	test_cmp before during &&
	test -s list &&
	test $((end - start)) -lt 4
'

test_expect_success 'a write still waits for the lock (and gets it once free), and runs the rules itself' '
	hold_lock 1 &&
	on 2026-03-09 rapport task add "Send the portfolio" --due 2026-03-10 --with "Hiring Manager" >/dev/null &&
	wait $holder &&
	test_eq "$(test_sql "SELECT count(*) FROM tick_dirty")" 0 &&
	hold_lock 6 &&
	start=$(date +%s) &&
	on 2026-03-09 rapport agenda >after-write &&
	end=$(date +%s) &&
	wait $holder &&
	grep -q "Send the portfolio" after-write &&
	test $((end - start)) -lt 4
'

test_expect_success 'a change by another program: agenda waits for the lock, runs the rules and leaves its mark' '
	test_sql "UPDATE task SET title = '"'"'Send the whole portfolio'"'"'
		WHERE title = '"'"'Send the portfolio'"'"'" &&
	test "$(test_sql "SELECT count(*) FROM tick_dirty")" -gt 0 &&
	hold_lock 1 &&
	on 2026-03-09 rapport agenda >again &&
	wait $holder &&
	grep -q "Send the whole portfolio" again &&
	test_sql "SELECT key FROM tick_state" >mark &&
	grep -q "^2026-03-09 " mark &&
	test_eq "$(test_sql "SELECT count(*) FROM tick_dirty")" 0
'

test_expect_success 'a new day with nothing due: no run, no write, the lock held elsewhere does not wait' '
	test_sql "SELECT key FROM tick_state" >before &&
	test_eq "$(test_sql "SELECT count(*) FROM rule_next WHERE day <= '"'"'2026-04-20'"'"'")" 0 &&
	hold_lock 6 &&
	start=$(date +%s) &&
	on 2026-04-20 rapport task list >later &&
	end=$(date +%s) &&
	wait $holder &&
	test $((end - start)) -lt 4 &&
	test_sql "SELECT key FROM tick_state" >mark &&
	test_cmp before mark
'

test_done
