#!/bin/sh
# Feedback and improvement: feedback someone gave turns into improvement
# actions (learn tasks); finishing one proposes a progress-update letter to
# that person, listing what was done, once.
. "$(dirname "$0")/test-lib.sh"

# tasks ORIGIN: every task the rule ORIGIN made, oldest first, one a line:
# id|kind|person|due|status|title (runs task list, and so the time rules).
tasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if t["origin"] == sys.argv[1]:
        p = t["person"]["name"] if t["person"] else "-"
        print("|".join((str(t["id"]), t["kind"], p, t["due"], t["status"], t["title"])))
' "$1"
}

test_expect_success 'setup: an opportunity, the people met, your name' '
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null &&
	rapport opp add "Borealis" "Analyst" --slug borealis >/dev/null &&
	rapport person add "Agency Recruiter" --org "Acme Analytics" --email agency@acme.example >/dev/null &&
	rapport person add "Director of Analytics" --org "Borealis" >/dev/null &&
	rapport config name "A New User" >/dev/null
'

test_expect_success 'feedback add: who said it, about which opportunity, when' '
	rapport --json feedback add acme-data-lead \
		"Your SQL was thin; read up on window functions and take a statistics class" \
		--from Agency --at 2026-02-27 >out &&
	test_eq "$(jv id <out)" 1 &&
	test_eq "$(jv opportunity.slug <out)" acme-data-lead &&
	test_eq "$(jv person.name <out)" "Agency Recruiter" &&
	test_eq "$(jv at <out)" 2026-02-27T00:00:00+00:00 &&
	test_eq "$(jv text <out)" \
		"Your SQL was thin; read up on window functions and take a statistics class"
'

test_expect_success 'feedback add: text output, the date defaults to now' '
	rapport feedback add borealis "Show more of your own projects" --from Director >out &&
	grep -q "^recorded feedback 2 from Director of Analytics on borealis" out &&
	grep -q "rapport improve add .* --from-feedback 2" out &&
	rapport --json feedback list borealis >out &&
	test_eq "$(jv 0.at <out)" 2026-03-02T09:00:00+00:00
'

test_expect_success 'feedback: bad input is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport feedback add acme-data-lead "Good" &&
	test_stderr_contains "--from PERSON" &&
	test_must_fail 1 rapport feedback add nope "Good" --from Agency &&
	test_stderr_contains "no opportunity" &&
	test_must_fail 1 rapport feedback add acme-data-lead "Good" --from "Nobody Known" &&
	test_stderr_contains "no person" &&
	test_must_fail 1 rapport feedback add acme-data-lead "  " --from Agency &&
	test_stderr_contains "feedback" &&
	test_must_fail 1 rapport feedback add acme-data-lead "Good" --from Agency --at someday &&
	test_must_fail 2 rapport feedback add acme-data-lead &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'improve add --from-feedback: a learn task for the person who gave it' '
	rapport --json improve add "Read a book on SQL window functions" --from-feedback 1 >out &&
	test_eq "$(jv kind <out)" learn &&
	test_eq "$(jv origin <out)" improve &&
	test_eq "$(jv feedback_id <out)" 1 &&
	test_eq "$(jv person.name <out)" "Agency Recruiter" &&
	test_eq "$(jv opportunity.slug <out)" acme-data-lead &&
	test_eq "$(jv due <out)" 2026-03-09 &&
	test_eq "$(jv template <out)" None &&
	jv why <out >why &&
	grep -q "^Agency Recruiter.s feedback on Data Lead at Acme Analytics, 2026-02-27 (feedback 1): \"Your SQL was thin" why
'

test_expect_success 'improve add: --due, text output' '
	rapport improve add "Take an evening statistics class" --from-feedback 1 --due 2026-03-20 \
		>out &&
	grep -q "^added improvement action [0-9]*: Take an evening statistics class (due 2026-03-20)" out &&
	grep -q "proposes a progress update to Agency Recruiter" out
'

test_expect_success 'improve add without feedback: a learn task for no one' '
	rapport --json improve add "Practise mock interviews" --due +3d >out &&
	test_eq "$(jv person <out)" None &&
	test_eq "$(jv opportunity <out)" None &&
	test_eq "$(jv feedback_id <out)" None &&
	test_eq "$(jv due <out)" 2026-03-05 &&
	test_eq "$(jv origin <out)" improve
'

test_expect_success 'a long feedback is quoted in part, on a character boundary' '
	rapport feedback add borealis "$(python3 -c "print(\"é\" * 200)")" --from Director >/dev/null &&
	rapport --json improve add "Slow down" --from-feedback 3 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv why >why &&
	python3 -c "
why = open(\"why\", encoding=\"utf-8\").read()
assert why.rstrip().endswith(\"...\\\"\"), why
assert why.count(\"é\") == 80, why.count(\"é\")
"
'

test_expect_success 'improve: bad input is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport improve add "Read" --from-feedback 99 &&
	test_stderr_contains "no feedback 99" &&
	test_must_fail 1 rapport improve add "Read" --from-feedback x &&
	test_must_fail 1 rapport improve add "Read" --due someday &&
	test_must_fail 1 rapport improve add "" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'improve list: open ones by due date' '
	rapport improve list >out &&
	test_eq "$(grep -c " learn " out)" 4 &&
	head -n 1 out | grep -q "Practise mock interviews" &&
	rapport --json improve list >out &&
	test_eq "$(jlen "" <out)" 4 &&
	test_eq "$(jv 1.due <out)" 2026-03-09
'

test_expect_success 'feedback list: oldest first, with the improvement actions of each' '
	rapport feedback list >out &&
	head -n 1 out | grep -q "^    1  2026-02-27       Agency Recruiter  · acme-data-lead" &&
	grep -q "^       improvement 1: Read a book on SQL window functions \[open\]" out &&
	rapport --json feedback list acme-data-lead >out &&
	test_eq "$(jlen "" <out)" 1 &&
	test_eq "$(jlen 0.improvements <out)" 2 &&
	test_eq "$(jv 0.improvements.1.title <out)" "Take an evening statistics class"
'

test_expect_success 'an improvement action done: a progress update to the person, due the next day' '
	on 2026-03-05T18:00 rapport task done 1 >/dev/null &&
	tasks progress-update >out &&
	test_eq "$(wc -l <out)" 1 &&
	test_eq "$(cut -d"|" -f2- out)" \
		"email|Agency Recruiter|2026-03-06|open|Tell Agency Recruiter how you followed their advice" &&
	rapport --json task list >all &&
	python3 -c "
import json
t = [t for t in json.load(open(\"all\")) if t[\"origin\"] == \"progress-update\"][0]
assert t[\"template\"] == \"progress-update\", t
assert t[\"opportunity\"][\"slug\"] == \"acme-data-lead\", t
assert \"Agency\" in t[\"why\"], t
"
'

test_expect_success 'the letter lists what was done' '
	id=$(cut -d"|" -f1 <out) &&
	rapport draft "$id" >letter &&
	head -n 1 letter | grep -q "^Subject: " &&
	grep -q "^Hello Agency," letter &&
	grep -qx -- "- Read a book on SQL window functions" letter &&
	! grep -q "statistics class" letter &&
	grep -q "Acme Analytics" letter &&
	tail -n 1 letter | grep -q "^A New User$"
'

test_expect_success 'no duplicate when the agenda and the task list run again' '
	on 2026-03-06 rapport agenda >/dev/null &&
	on 2026-03-07 rapport task list >/dev/null &&
	test_eq "$(tasks progress-update | wc -l)" 1
'

test_expect_success 'an improvement action for no one makes no letter' '
	id=$(rapport --json improve list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
print([t for t in json.load(sys.stdin) if t[\"title\"] == \"Practise mock interviews\"][0][\"id\"])
") &&
	rapport task done "$id" >/dev/null &&
	test_eq "$(tasks progress-update | wc -l)" 1
'

test_expect_success 'a learn task of your own with a person makes no letter (it follows no feedback)' '
	rapport --json task add "Read Agency'"'"'s blog" --kind learn --with Agency >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id >id &&
	rapport task done "$(cat id)" >/dev/null &&
	test_eq "$(tasks progress-update | wc -l)" 1
'

test_expect_success 'the next one done: another update, its letter lists both, most recent last' '
	on 2026-03-19 rapport task done 2 >/dev/null &&
	tasks progress-update >out &&
	test_eq "$(wc -l <out)" 2 &&
	id=$(tail -n 1 out | cut -d"|" -f1) &&
	on 2026-03-19 rapport draft "$id" >letter &&
	grep -- "^- " letter >done &&
	printf "%s\n" "- Read a book on SQL window functions" "- Take an evening statistics class" \
		>expect &&
	test_cmp expect done
'

test_expect_success 'the progress-update rule can be turned off' '
	mkdir -p "$XDG_CONFIG_HOME/rapport" &&
	printf "[progress-update]\nenabled = no\n" >"$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	rapport --json improve add "Write a blog post on window functions" --from-feedback 1 >"$TEST_DIR/.rp" &&
		<"$TEST_DIR/.rp" jv id >id &&
	rapport task done "$(cat id)" >/dev/null &&
	test_eq "$(tasks progress-update | wc -l)" 2 &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini"
'

test_expect_success 'template check: the built-in progress-update; {done} only in the body' '
	rapport template show progress-update >pu.txt &&
	rapport template check pu.txt >out &&
	grep -q "ok" out &&
	grep -q "{done" pu.txt &&
	printf "Subject: What I did: {done}\n\nHello\n" >bad.txt &&
	test_must_fail 1 rapport template check bad.txt &&
	test_stderr_contains "{done} cannot be used in the subject" &&
	printf "Subject: Hi\n\n{donne}\n" >typo.txt &&
	test_must_fail 1 rapport template check typo.txt &&
	test_stderr_contains "did you mean '"'"'{done}'"'"'"
'

test_expect_success 'a progress update to someone with nothing done yet says what to fill in' '
	rapport --json task add "Update Director" --kind email --with Director --template progress-update >"$TEST_DIR/.rp" &&
		<"$TEST_DIR/.rp" jv id >id &&
	rapport draft "$(cat id)" >letter &&
	grep -q "^Hello Director," letter &&
	grep -qx -- "- \[what you did on their advice\]" letter
'

test_expect_success 'export and import keep feedback and the actions that follow it' '
	rapport export -o backup.json >/dev/null &&
	rapport --db copy.db import json backup.json >/dev/null &&
	rapport --db copy.db --json feedback list acme-data-lead >out &&
	test_eq "$(jlen 0.improvements <out)" 3 &&
	test_eq "$(jv 0.improvements.0.feedback_id <out)" 1
'

test_done
