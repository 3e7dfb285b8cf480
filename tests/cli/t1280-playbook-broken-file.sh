#!/bin/sh
# Playbooks of your own, broken: every command that runs the rules fails with
# FILE:LINE: message and changes nothing; the others still work; once the file
# is fixed, everything runs again.
. "$(dirname "$0")/test-lib.sh"

# on WHEN COMMAND...: run COMMAND with RAPPORT_NOW=WHEN (a day alone means 09:00).
on() {
	(
		case $1 in *T*) RAPPORT_NOW=$1 ;; *) RAPPORT_NOW=$1T09:00 ;; esac
		export RAPPORT_NOW
		shift
		"$@"
	)
}

# each_day FROM TO COMMAND...: run COMMAND (quietly) once on every day from FROM to TO.
each_day() {
	_days=$(python3 -c '
import datetime, sys
a, b = (datetime.date.fromisoformat(x) for x in sys.argv[1:3])
while a <= b:
    print(a)
    a += datetime.timedelta(days=1)
' "$1" "$2") || return 1
	shift 2
	for _d in $_days; do
		on "$_d" "$@" >/dev/null || return 1
	done
}

# tasks [ORIGIN]: every task (open, done and skipped) made by the rule ORIGIN
# (every task when none), oldest first, one a line: kind|person|due|status|title.
# It runs `task list`, and so the time rules, as of RAPPORT_NOW.
tasks() {
	rapport --json task list --all | python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if len(sys.argv) > 1 and t["origin"] != sys.argv[1]:
        continue
    p = t["person"]["name"] if t["person"] else "-"
    print("|".join((t["kind"], p, t["due"], t["status"], t["title"])))
' "$@"
}

# ntasks [ORIGIN]: how many tasks `tasks ORIGIN` lists.
ntasks() {
	tasks "$@" >"$TEST_DIR/.tasks" && wc -l <"$TEST_DIR/.tasks" | tr -d ' '
}

# task_field TITLE KEY: KEY (origin, why, kind, due, status, template, person,
# opportunity) of the newest task with that title; person and opportunity
# print a name and a slug.
task_field() {
	rapport --json task list --all | python3 -c '
import json, sys
ts = [t for t in json.load(sys.stdin) if t["title"] == sys.argv[1]]
v = max(ts, key=lambda t: t["id"])[sys.argv[2]]
if isinstance(v, dict):
    v = v.get("name") or v.get("slug")
print(v)
' "$1" "$2"
}

# task_id TITLE: the id of the newest task with that title.
task_id() {
	task_field "$1" id
}

# contacts OPP: the opportunity's interactions, oldest first, one a line:
# kind|direction|people|day|summary.
contacts() {
	rapport --json opp show "$1" --all | python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin)["interactions"], key=lambda i: (i["at"], i["id"])):
    print("|".join((i["kind"], i["direction"], ",".join(p["name"] for p in i["people"]),
                    i["at"][:10], i["summary"])))
'
}

PB=$XDG_CONFIG_HOME/rapport/playbooks.ini

# broken LINE: with the file $PB (written from stdin), every command that runs
# rules fails with "rapport: $PB:LINE: ..." (LINE "any": some line) and leaves
# the database as it was.
broken() {
	mkdir -p "$XDG_CONFIG_HOME/rapport" &&
	cat >"$PB" &&
	case $1 in any) _line='[0-9][0-9]*' ;; *) _line=$1 ;; esac &&
	db_digest >"$TEST_DIR/.before" &&
	for _cmd in "agenda" "task list" "log interview Second-round --with Maria --opp job" \
		"opp move job offer" "task done 1" "log email Hello --with Maria --opp job --in"; do
		# shellcheck disable=SC2086
		test_must_fail 1 rapport $_cmd || return 1
		head -n 1 "$TEST_DIR/.stderr" | grep -q "^rapport: $PB:$_line: ..*" || {
			echo "$_cmd: not a FILE:LINE: message:" >&2
			cat "$TEST_DIR/.stderr" >&2
			return 1
		}
	done &&
	db_digest >"$TEST_DIR/.after" &&
	test_cmp "$TEST_DIR/.before" "$TEST_DIR/.after"
}

test_expect_success 'a search: an opportunity, Maria, a task' '
	rapport opp add "Northwind Labs" "Backend Engineer" --slug job >/dev/null &&
	rapport opp move job interviewing >/dev/null &&
	rapport person add "Maria Lopez" --org "Northwind Labs" >/dev/null &&
	rapport opp link job Maria --role hiring-manager >/dev/null &&
	rapport task add "Prepare the interview" --kind learn --opp job >/dev/null &&
	test_eq "$(task_id "Prepare the interview")" 1
'

test_expect_success 'an unknown key' '
	broken 6 <<-\EOF
	[thank-you]
	on    = interaction
	kind  = interview
	task  = email
	title = Thanks, {first}
	colour = blue
	EOF
'

test_expect_success 'an unknown trigger' '
	broken 3 <<-\EOF
	# reminders of my own
	[after-lunch]
	on    = lunch
	task  = email
	title = Eat
	EOF
'

test_expect_success 'a key before any section' '
	broken 1 <<-\EOF
	due = +1
	[thank-you]
	enabled = no
	EOF
'

test_expect_success 'a section that is not closed' '
	broken 4 <<-\EOF
	[rejected.call]
	enabled = no

	[offer
	enabled = no
	EOF
'

test_expect_success 'a line that is neither a key nor a section' '
	broken 3 <<-\EOF
	[silence]
	enabled = no
	this line means nothing
	EOF
'

test_expect_success 'an unknown merge field' '
	broken 6 <<-\EOF
	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = learn
	title = Research {company}
	EOF
'

test_expect_success 'an unknown letter template' '
	broken 7 <<-\EOF
	[applied.research]
	on       = stage
	stage    = applied
	for      = nobody
	task     = email
	title    = Write to {org}
	template = no-such-letter
	EOF
'

test_expect_success 'enabled is neither yes nor no' '
	broken 3 <<-\EOF
	; turn the offer playbook off
	[offer]
	enabled = perhaps
	EOF
'

test_expect_success 'switching off a rule that does not exist' '
	broken any <<-\EOF
	[thank-you]
	enabled = no

	[no-such-playbook]
	enabled = no
	EOF
	head -n 1 "$TEST_DIR/.stderr" | grep -q "no-such-playbook"
'

test_expect_success 'an unknown kind of task' '
	broken 5 <<-\EOF
	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = telegram
	title = Research {org}
	EOF
'

test_expect_success 'a rule with a task but no title' '
	broken any <<-\EOF
	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = learn
	EOF
'

test_expect_success 'a rule defined twice' '
	broken any <<-\EOF
	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = learn
	title = Research {org}

	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = review
	title = Research {org} again
	EOF
'

test_expect_success 'a due date that is not a number of days' '
	broken 6 <<-\EOF
	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = learn
	due   = next week
	title = Research {org}
	EOF
'

test_expect_success 'with the file broken, commands that run no rule still work' '
	rapport person list >out &&
	grep -q "Maria Lopez" out &&
	rapport opp show job >out &&
	grep -q "Backend Engineer" out &&
	rapport person add "Tom Baker" --org "Northwind Labs" >/dev/null &&
	rapport opp link job Tom --role peer >/dev/null
'

test_expect_success 'nothing that failed was recorded' '
	rapport --json opp show job >out &&
	test_eq "$(jv stage <out)" interviewing &&
	test_eq "$(jlen interactions <out)" 0 &&
	rapport export | python3 -c "
import json, sys
ts = json.load(sys.stdin)[\"tables\"][\"task\"]
assert [(t[\"title\"], t[\"status\"]) for t in ts] == [(\"Prepare the interview\", \"open\")], ts
"
'

test_expect_success 'once the file is fixed, the commands run and the rules with them' '
	cat >"$PB" <<-\EOF &&
	[applied.research]
	on    = stage
	stage = applied
	for   = nobody
	task  = learn
	due   = +1
	title = Research {org}
	EOF
	rapport task done 1 >/dev/null &&
	rapport log interview "Second round" --with Maria --with Tom --opp job >/dev/null &&
	rapport agenda >/dev/null &&
	test_eq "$(ntasks thank-you)" 2 &&
	rapport opp move job offer >/dev/null &&
	test_eq "$(ntasks offer.compare)" 1
'

test_done
