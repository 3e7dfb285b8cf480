#!/bin/sh
# A task made ahead (a keep-in-touch note, made when its lapse day becomes
# known: task.shown_on) is shown nowhere before its day: not in the agenda
# or the task list (any format), not on a person's or opportunity's page
# (CLI and web), nor in search, completion, drafts, exports or the calendar
# feed; `task done/skip/snooze/reopen/rm` and `draft` of its number say
# there is no such task. On its day it is everywhere, with nothing written. The task is
# planted here with SQL (its day set by hand), so that each reader is tested
# for itself, whatever the rules make.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

TITLE="Quarterly note to Hiring Manager"

# shows WHEN: every reader as of WHEN, each output to its own file in
# $TEST_DIR/seen (never piped), then the names of those that show the task.
shows() {
	rm -rf "$TEST_DIR/seen" && mkdir "$TEST_DIR/seen" &&
	(
		cd "$TEST_DIR/seen" || exit 1
		RAPPORT_NOW=$1
		export RAPPORT_NOW
		rapport agenda >agenda
		rapport --json agenda >agenda.json
		rapport task list >list
		rapport task list --all >list-all
		rapport task list --format tsv >list.tsv
		rapport --json task list --all >list.json
		rapport person show "Hiring Manager" >person
		rapport opp show lead >opp
		rapport search Quarterly >search
		rapport complete tasks >complete
		rapport export csv tasks >tasks.csv
		rapport export ical >tasks.ics
		rapport export >backup.json
		serve_start &&
		http GET / >web-today &&
		http GET /people/1 >web-person &&
		http GET /opportunities/lead >web-opp &&
		http GET /pipeline >web-pipeline &&
		http GET "/search?q=Quarterly" >web-search &&
		serve_stop
	)
	for f in "$TEST_DIR"/seen/*; do
		grep -q "Quarterly note" "$f" && basename "$f"
	done
	:
}

test_expect_success 'setup: a task for the 10th, made ahead on the 2nd' '
	rapport opp add "Blue Harbor" "Data Lead" --slug lead >/dev/null &&
	rapport person add "Hiring Manager" --org "Blue Harbor" --email hm@example.org \
		>/dev/null &&
	rapport task add "$TITLE" --due 2026-03-10 --kind email --template keep-in-touch \
		--with "Hiring Manager" --opp lead >/dev/null &&
	id=$(test_sql "SELECT max(id) FROM task") &&
	test_sql "UPDATE task SET shown_on = '"'"'2026-03-10'"'"' WHERE id = $id" &&
	test_eq "$(test_sql "SELECT shown_on FROM task WHERE id = $id")" 2026-03-10
'
id=$(test_sql "SELECT max(id) FROM task")

test_expect_success 'before its day: only the backup holds it' '
	shows 2026-03-09T23:00 >out &&
	test_eq "$(cat out)" backup.json &&
	test_eq "$(python3 -c "import json, sys; print(json.load(sys.stdin)[\"tables\"][\"task\"][0][\"shown_on\"])" \
		<"$TEST_DIR/seen/backup.json")" 2026-03-10
'

# said VERB [ARG]: what `rapport task VERB ID [ARG]` says on the 9th of the
# task numbered $id, and of one numbered 999 (none), with that number as $id:
# the same.
said() {
	on 2026-03-09 test_must_fail 1 rapport task "$1" 999 ${2:+"$2"} &&
	sed "s/999/$id/g" "$TEST_DIR/.stderr" >"$TEST_DIR/.missing" &&
	on 2026-03-09 test_must_fail 1 rapport task "$1" "$id" ${2:+"$2"} &&
	test_cmp "$TEST_DIR/.missing" "$TEST_DIR/.stderr"
}

test_expect_success 'before its day: its number is no task, for any command' '
	said done && said skip && said snooze 2026-03-20 && said reopen && said rm &&
	on 2026-03-09 test_must_fail 1 rapport draft 999 &&
	sed "s/999/$id/g" "$TEST_DIR/.stderr" >"$TEST_DIR/.missing" &&
	on 2026-03-09 test_must_fail 1 rapport draft "$id" &&
	test_cmp "$TEST_DIR/.missing" "$TEST_DIR/.stderr" &&
	test_eq "$(test_sql "SELECT status || due FROM task WHERE id = $id")" open2026-03-10
'

test_expect_success 'on its day: every reader shows it, and nothing was written' '
	before=$(test_sql "SELECT * FROM task") &&
	shows 2026-03-10T08:00 >out &&
	test_eq "$(test_sql "SELECT * FROM task")" "$before" &&
	for f in agenda agenda.json list list-all list.tsv list.json person opp search \
		complete tasks.csv tasks.ics backup.json web-today web-person web-opp web-search; do
		grep -qx "$f" out || { echo "not in $f"; return 1; }
	done &&
	on 2026-03-10 rapport draft "$id" >draft &&
	test -s draft
'

test_expect_success 'a backup without shown_on loads, the task shown as always' '
	on 2026-03-09 rapport export >backup.json &&
	python3 -c "
import json, sys
d = json.load(open(\"backup.json\"))
for t in d[\"tasks\"] if \"tasks\" in d else d[\"tables\"][\"task\"]:
    t.pop(\"shown_on\", None)
json.dump(d, open(\"old.json\", \"w\"))
" &&
	RAPPORT_DB="$TEST_DIR/old.db" rapport import json old.json >/dev/null &&
	test_eq "$(sqlite3 "$TEST_DIR/old.db" "SELECT count(*) FROM task WHERE shown_on IS NULL")" 1
'

# The rules themselves: a keep-in-touch note is made when the cadence is
# set, and shows on its day exactly as the note made that day would.
test_use_db rules.db
rm "$XDG_CONFIG_HOME/rapport/playbooks.ini"

# kit WHEN: the keep-in-touch tasks shown on WHEN (due|status|why).
kit() {
	on "$1" rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if t["origin"] == "keep-in-touch":
        print("|".join((t["due"], t["status"], t["why"])))
'
}

test_expect_success 'a cadence set: its note made at once, shown from its day' '
	on 2026-03-02 rapport person add "Data Recruiter" --cadence 7 >/dev/null &&
	test_eq "$(test_sql "SELECT due || shown_on FROM task")" 2026-03-092026-03-09 &&
	test_eq "$(kit 2026-03-08)" ""
'

# A task made ahead is made at the first moment of its day, whether or not
# rapport runs then (no command reads on the 9th before the call): the
# contact that day skips it, saying why, as any contact after it would.
test_expect_success 'a contact on its day, before any command that day: the note is skipped' '
	on 2026-03-09T08:00 rapport log call "Catch-up" --with "Data Recruiter" >/dev/null &&
	kit 2026-03-09T09:00 >out &&
	test_eq "$(cut -d"|" -f1,2 out)" "2026-03-09|skipped" &&
	has out "(Skipped: you were in touch on 2026-03-09.)" &&
	test_eq "$(kit 2026-03-16 | cut -d"|" -f1,2 | tail -1)" "2026-03-16|open" &&
	kit 2026-03-16 | tail -1 >why &&
	has why "Your last logged contact with Data Recruiter: 2026-03-09."
'

test_expect_success 'a contact after a run reached its day: the note is skipped, saying why' '
	on 2026-03-16 rapport agenda >/dev/null &&
	on 2026-03-17 rapport log call "Follow-up" --with "Data Recruiter" >/dev/null &&
	kit 2026-03-17 >out &&
	test_eq "$(cut -d"|" -f1,2 out | tail -1)" "2026-03-16|skipped" &&
	has out "(Skipped: you were in touch on 2026-03-17.)" &&
	test_eq "$(kit 2026-03-24 | cut -d"|" -f1,2 | tail -1)" "2026-03-24|open"
'

test_done
