#!/bin/sh
# Playbooks, silence: no word within a week of an interview brings one letter
# to the hiring manager; a letter done without a reply brings a call three days
# later, then another two days after each call done, three calls at most.
# The agenda runs every day, often several times: each follow-up comes once.
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

# Monday 2 March 2026
RAPPORT_NOW=2026-03-02T09:00

test_expect_success 'Mon 2: an interview with the hiring manager and a peer' '
	rapport opp add "Harbor Freight Tech" "Site Reliability Engineer" --slug harbor >/dev/null &&
	rapport opp move harbor interviewing >/dev/null &&
	rapport person add "Maria Lopez" --org "Harbor Freight Tech" --rapport 3 >/dev/null &&
	rapport person add "Tom Baker" --org "Harbor Freight Tech" --rapport 5 >/dev/null &&
	rapport opp link harbor Maria --role hiring-manager >/dev/null &&
	rapport log interview "On-site loop" --with Maria --with Tom --opp harbor \
		--at 2026-03-02T10:00 >/dev/null &&
	test_eq "$(ntasks thank-you)" 2 &&
	test_eq "$(ntasks silence)" 0
'

test_expect_success 'the thank-you notes get done (outbound: the silence goes on)' '
	on 2026-03-03T08:00 rapport task done "$(task_id "Thank-you note to Maria Lopez")" \
		>/dev/null &&
	on 2026-03-03T08:05 rapport task done "$(task_id "Thank-you note to Tom Baker")" \
		>/dev/null &&
	test_eq "$(on 2026-03-03 ntasks silence)" 0 &&
	on 2026-03-03 contacts harbor >c &&
	test_eq "$(grep -c "^email|out|" c)" 2
'

test_expect_success 'Tue 3 - Sun 8: six quiet days, the agenda twice a day: no letter yet' '
	each_day 2026-03-03 2026-03-08 rapport agenda &&
	each_day 2026-03-03 2026-03-08 rapport task list &&
	test_eq "$(ntasks silence)" 0 &&
	test_eq "$(ntasks silence.call)" 0
'

# Monday 9 March: a week without word
RAPPORT_NOW=2026-03-09T08:00

test_expect_success 'Mon 9: day 7: one letter, to the hiring manager, due today' '
	rapport --json agenda >out &&
	test_eq "$(jlen today <out)" 1 &&
	test_eq "$(jv today.0.origin <out)" silence &&
	test_eq "$(jv today.0.kind <out)" letter &&
	test_eq "$(jv today.0.person.name <out)" "Maria Lopez" &&
	test_eq "$(jv today.0.opportunity.slug <out)" harbor &&
	test_eq "$(jv today.0.due <out)" 2026-03-09 &&
	test_eq "$(jv today.0.template <out)" silence-letter
'

test_expect_success 'Mon 9: the letter says why in plain words' '
	rapport --json agenda | jv today.0.why >why &&
	grep -qF "Harbor Freight Tech" why &&
	grep -qF "2026-03-02" why &&
	grep -q "7" why
'

test_expect_success 'Mon 9 - Tue 10: agenda and task list over and over: still one letter' '
	for i in 1 2 3 4 5 6 7 8 9 10; do
		rapport agenda >/dev/null && rapport task list >/dev/null || return 1
	done &&
	each_day 2026-03-09 2026-03-10 rapport agenda &&
	on 2026-03-10 tasks silence >out &&
	echo "letter|Maria Lopez|2026-03-09|open|Write to Maria Lopez to restate your interest in Site Reliability Engineer" >want &&
	test_cmp want out
'

test_expect_success 'Tue 10: the letter is sent: logged as a letter to Maria' '
	on 2026-03-10T11:00 rapport task done \
		"$(task_id "Write to Maria Lopez to restate your interest in Site Reliability Engineer")" \
		>/dev/null &&
	on 2026-03-10 contacts harbor | grep "^letter|out|Maria Lopez|2026-03-10|"
'

test_expect_success 'Wed 11 - Thu 12: less than three days after the letter: no call' '
	each_day 2026-03-10 2026-03-12 rapport agenda &&
	test_eq "$(on 2026-03-12 ntasks silence.call)" 0
'

test_expect_success 'Fri 13: three days after the letter: a call to Maria, due today' '
	on 2026-03-13 rapport --json agenda >out &&
	test_eq "$(jlen today <out)" 1 &&
	test_eq "$(jv today.0.origin <out)" silence.call &&
	test_eq "$(jv today.0.kind <out)" call &&
	test_eq "$(jv today.0.person.name <out)" "Maria Lopez" &&
	test_eq "$(jv today.0.opportunity.slug <out)" harbor &&
	test_eq "$(jv today.0.due <out)" 2026-03-13 &&
	jv today.0.why <out | grep -qF "Harbor Freight Tech"
'

test_expect_success 'Fri 13 - Sat 14: one call, however often the agenda runs' '
	for i in 1 2 3 4 5; do on 2026-03-13T17:00 rapport agenda >/dev/null || return 1; done &&
	each_day 2026-03-13 2026-03-14 rapport agenda &&
	test_eq "$(on 2026-03-14 ntasks silence.call)" 1 &&
	test_eq "$(on 2026-03-14 ntasks silence)" 1
'

test_expect_success 'Sat 14: the first call is made, no answer; Sun 15 nothing new' '
	on 2026-03-14T10:00 rapport task done "$(task_id "Call Maria Lopez about Site Reliability Engineer")" >/dev/null &&
	on 2026-03-14 contacts harbor | grep "^call|out|Maria Lopez|2026-03-14|" &&
	each_day 2026-03-14 2026-03-15 rapport agenda &&
	test_eq "$(on 2026-03-15 ntasks silence.call)" 1
'

test_expect_success 'Mon 16: two days after the first call: the second, due today' '
	on 2026-03-16 tasks silence.call >out &&
	cat >want <<-\EOT &&
	call|Maria Lopez|2026-03-13|done|Call Maria Lopez about Site Reliability Engineer
	call|Maria Lopez|2026-03-16|open|Call Maria Lopez about Site Reliability Engineer
	EOT
	test_cmp want out
'

test_expect_success 'Mon 16 - Wed 18: the second call is made Monday; the third comes Wednesday' '
	on 2026-03-16T15:00 rapport task done "$(task_id "Call Maria Lopez about Site Reliability Engineer")" >/dev/null &&
	each_day 2026-03-16 2026-03-17 rapport agenda &&
	test_eq "$(on 2026-03-17 ntasks silence.call)" 2 &&
	each_day 2026-03-18 2026-03-18 rapport agenda &&
	on 2026-03-18 tasks silence.call >out &&
	cat >want <<-\EOT &&
	call|Maria Lopez|2026-03-13|done|Call Maria Lopez about Site Reliability Engineer
	call|Maria Lopez|2026-03-16|done|Call Maria Lopez about Site Reliability Engineer
	call|Maria Lopez|2026-03-18|open|Call Maria Lopez about Site Reliability Engineer
	EOT
	test_cmp want out
'

test_expect_success 'Wed 18: the third call is made; no fourth, for weeks' '
	on 2026-03-18T09:30 rapport task done "$(task_id "Call Maria Lopez about Site Reliability Engineer")" >/dev/null &&
	each_day 2026-03-18 2026-04-10 rapport agenda &&
	on 2026-04-10 rapport task list >/dev/null &&
	test_eq "$(on 2026-04-10 ntasks silence.call)" 3 &&
	test_eq "$(on 2026-04-10 ntasks silence)" 1 &&
	on 2026-04-10 tasks silence.call | grep -c "|done|" >n &&
	test_eq "$(cat n)" 3
'

test_expect_success 'the whole chain was for the hiring manager, not the higher-rapport peer' '
	on 2026-04-10 tasks >out &&
	! grep "^letter|Tom Baker" out &&
	! grep "^call|Tom Baker" out
'

test_expect_success 'every step was logged as outbound contact with Maria' '
	on 2026-04-10 contacts harbor >c &&
	grep -c "^letter|out|Maria Lopez|" c >n && test_eq "$(cat n)" 1 &&
	grep -c "^call|out|Maria Lopez|" c >n && test_eq "$(cat n)" 3 &&
	! grep "|in|" c
'

test_expect_success 'a reply weeks later changes nothing that is done' '
	on 2026-04-12 rapport log email "Sorry for the delay" --with Maria --opp harbor --in >/dev/null &&
	on 2026-04-12 tasks silence >s1 && on 2026-04-12 tasks silence.call >s2 &&
	test_eq "$(grep -c "|done|" s1)" 1 &&
	test_eq "$(grep -c "|done|" s2)" 3 &&
	! grep "|skipped|" s1 s2
'

test_done
