#!/bin/sh
# Playbooks of your own, broken: every command that runs the rules fails with
# FILE:LINE: message and changes nothing; the others still work; once the file
# is fixed, everything runs again.
. "$(dirname "$0")/test-lib.sh"

PB=$XDG_CONFIG_HOME/rapport/playbooks.ini

# broken LINE: with the file $PB (written from stdin), every command that runs
# rules fails with "rapport: $PB:LINE: ..." (LINE "any": some line) and leaves
# the database as it was.
broken() {
	playbooks &&
	case $1 in any) _line='[0-9][0-9]*' ;; *) _line=$1 ;; esac &&
	db_digest >"$TEST_DIR/.before" &&
	for _cmd in "agenda" "task list" "log interview Second-round --with Recruiting --opp job" \
		"opp move job offer" "task done 1" "log email Hello --with Recruiting --opp job --in"; do
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

test_expect_success 'a search: an opportunity, Recruiting, a task' '
	rapport opp add "Northwind Labs" "Backend Engineer" --slug job >/dev/null &&
	rapport opp move job interviewing >/dev/null &&
	rapport person add "Recruiting Partner" --org "Northwind Labs" >/dev/null &&
	rapport opp link job Recruiting --role hiring-manager >/dev/null &&
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
	grep -q "Recruiting Partner" out &&
	rapport opp show job >out &&
	grep -q "Backend Engineer" out &&
	rapport person add "Former Colleague" --org "Northwind Labs" >/dev/null &&
	rapport opp link job Former --role peer >/dev/null
'

test_expect_success 'nothing that failed was recorded' '
	rapport --json opp show job >out &&
	test_eq "$(jv stage <out)" interviewing &&
	test_eq "$(jlen interactions <out)" 0 &&
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
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
	rapport log interview "Second round" --with Recruiting --with Former --opp job >/dev/null &&
	rapport agenda >/dev/null &&
	test_eq "$(ntasks thank-you)" 2 &&
	rapport opp move job offer >/dev/null &&
	test_eq "$(ntasks offer.compare)" 1
'

test_done
