#!/bin/sh
# The prep sheet: stage, salary, people, the wants to verify with questions for
# each person's audience, questions already asked left out, --html.
. "$(dirname "$0")/test-lib.sh"

opp=acme-analytics-data-lead

test_expect_success 'set-up: wants, an opportunity, a boss, a peer and hr' '
	rapport want add "Remote at least three days a week" --weight 5 --must \
		--category work-pattern >/dev/null &&
	rapport want add "Room to grow into a lead role" --weight 4 --category growth >/dev/null &&
	rapport want add "A manager who coaches" --weight 2 --category manager >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --level "Lead" --salary-target 95000 \
		--notes "Ask about the *migration* project" >/dev/null &&
	rapport person add "Analytics Head" --org "Acme Analytics" --title "Head of Data" \
		--rapport 4 >/dev/null &&
	rapport person add "Quality Engineer" --org "Acme Analytics" >/dev/null &&
	rapport person add "Account Manager" --org "Acme Analytics" >/dev/null &&
	rapport opp link $opp "Analytics Head" --role hiring-manager &&
	rapport opp link $opp "Quality Engineer" --role peer &&
	rapport opp link $opp "Account Manager" --role hr
'

test_expect_success 'before any conversation: the first stage, a hint about the range' '
	rapport prep $opp >sheet.md &&
	grep -q "^# Prep: Data Lead at Acme Analytics" sheet.md &&
	grep -q "This conversation: first" sheet.md &&
	grep -q "Your target: 95,000" sheet.md &&
	grep -q "ask for it by the second conversation" sheet.md &&
	grep -q "^### Analytics Head" sheet.md &&
	grep -q "Head of Data, Acme Analytics" sheet.md &&
	grep -q "Rapport: 4/5" sheet.md &&
	grep -q "^- Role: peer" sheet.md
'

test_expect_success 'the wants come heaviest first, each with questions' '
	rapport --json prep $opp >out &&
	test_eq "$(jv stage <out)" first &&
	test "$(jlen questions <out)" -ge 3 &&
	grep -n "^### " sheet.md | sed -n "4,6p" >heads &&
	grep -q "Remote at least three days" heads &&
	sed -n 1p heads | grep -q Remote &&
	sed -n 2p heads | grep -q "lead role" &&
	sed -n 3p heads | grep -q coaches &&
	grep -q "Weight 5, a must-have; unknown." sheet.md
'

# Every question on the sheet must suit the first stage, an audience of the
# people met, and verify the want it is listed under.
test_expect_success 'each question suits the stage, the audience and the want' '
	rapport --json prep $opp >out &&
	rapport --json question list >bank &&
	python3 - <<-\EOF
	import json
	sheet = json.load(open("out"))
	bank = {q["id"]: q for q in json.load(open("bank"))}
	md = sheet["markdown"]
	assert sheet["questions"], "no questions"
	for qid in sheet["questions"]:
	    q = bank[qid]
	    assert "first" in q["stages"], q
	    assert set(q["audiences"]) & {"boss", "peer", "hr"}, q
	    assert "[q%d]" % qid in md, qid
	# the remote want is verified by work-pattern questions
	part = md.split("### Remote")[1].split("### ")[0]
	for line in part.splitlines():
	    if line.startswith("- ") and "[q" in line:
	        qid = int(line.rsplit("[q", 1)[1].rstrip("]"))
	        assert "work-pattern" in bank[qid]["verifies"], line
	EOF
'

test_expect_success 'questions name whom to ask, by role' '
	rapport --json question list --stage first --audience hr --verifies work-pattern >hrq &&
	rapport prep $opp >sheet.md &&
	grep -q "(ask .*Account Manager" sheet.md
'

test_expect_success '--with narrows the people and their audiences' '
	rapport --json prep $opp --with "Quality Engineer" >out &&
	test_eq "$(jlen people <out)" 1 &&
	test_eq "$(jv people.0.id <out)" 2 &&
	test_eq "$(jv opportunity.organisation.name <out)" "Acme Analytics" &&
	rapport --json question list >bank &&
	python3 -c "
import json
sheet = json.load(open(\"out\"))
bank = {q[\"id\"]: q for q in json.load(open(\"bank\"))}
for qid in sheet[\"questions\"]:
    assert \"peer\" in bank[qid][\"audiences\"], bank[qid]
"
'

test_expect_success 'after an interview: the second stage and a prompt to ask for the range' '
	rapport log interview "First interview" --opp $opp --with "Analytics Head" \
		--at 2026-03-01 >/dev/null &&
	rapport prep $opp >sheet.md &&
	grep -q "This conversation: second" sheet.md &&
	grep -q "Ask for the salary range in this conversation" sheet.md &&
	grep -q "2026-03-01, interview: First interview" sheet.md
'

test_expect_success 'a known range is shown instead of the prompt' '
	rapport opp edit $opp --salary-range 90000-105000 &&
	rapport prep $opp >sheet.md &&
	grep -q "Their range: 90,000 to 105,000" sheet.md &&
	! grep -q "Ask for the salary range" sheet.md
'

test_expect_success 'met wants leave the sheet; vague ones stay with a note' '
	rapport want mark $opp remote met &&
	rapport want mark $opp coaches vague &&
	rapport prep $opp >sheet.md &&
	! grep -q "^### Remote" sheet.md &&
	grep -q "^### A manager who coaches" sheet.md &&
	grep -q "read two ways" sheet.md
'

test_expect_success 'questions already asked at the opportunity are not repeated' '
	rapport --json prep $opp --stage second >out &&
	first=$(jv questions.0 <out) &&
	test_sql "INSERT INTO asked (opp_id, question_id, text, at)
		SELECT 1, id, text, '"'"'2026-03-01'"'"' FROM question WHERE id = $first" &&
	rapport --json prep $opp --stage second >out &&
	python3 -c "
import json
assert $first not in json.load(open(\"out\"))[\"questions\"]
"
'

test_expect_success '--stage offer picks offer questions' '
	rapport --json prep $opp --stage offer >out &&
	test_eq "$(jv stage <out)" offer &&
	rapport --json question list --stage offer >bank &&
	python3 -c "
import json
ids = {q[\"id\"] for q in json.load(open(\"bank\"))}
assert set(json.load(open(\"out\"))[\"questions\"]) <= ids
"
'

test_expect_success 'open tasks and the notes are on the sheet' '
	rapport task add "Send the portfolio" --opp $opp --due 2026-03-04 >/dev/null &&
	rapport prep $opp >sheet.md &&
	grep -q "^## Open tasks" sheet.md &&
	grep -q "2026-03-04, other: Send the portfolio" sheet.md &&
	grep -q "^## Notes" sheet.md &&
	grep -q "migration" sheet.md
'

test_expect_success 'prep --html writes a printable page with the same content' '
	rapport prep $opp --html sheet.html >out &&
	grep -q "wrote the prep sheet" out &&
	grep -q "<!DOCTYPE html>" sheet.html &&
	grep -q "<h1>Prep: Data Lead at Acme Analytics</h1>" sheet.html &&
	grep -q "@media print" sheet.html &&
	grep -q "<em>migration</em>" sheet.html
'

test_expect_success 'hostile text is inert in the HTML page' '
	rapport person edit "Quality Engineer" --title "<img src=x onerror=alert(1)>" &&
	rapport opp edit $opp --notes "<script>alert(1)</script> [click](javascript:alert(2))" &&
	rapport prep $opp --html evil.html >/dev/null &&
	! grep -q "<script>" evil.html &&
	! grep -q "<img" evil.html &&
	! grep -qi "javascript:" evil.html &&
	grep -q "&lt;img src=x onerror=alert(1)&gt;" evil.html
'

test_expect_success 'the HTML page loads nothing from elsewhere: its own Content-Security-Policy (issue 17)' '
	rapport opp edit $opp --notes "Their logo: ![logo](https://tracker.example/pixel.png)" >/dev/null &&
	rapport prep $opp --html pixel.html >/dev/null &&
	grep -q "<img src=\"https://tracker.example/pixel.png\"" pixel.html &&
	sed -n "5p" pixel.html >policy &&
	grep -qxF "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src '"'"'none'"'"'; style-src '"'"'unsafe-inline'"'"'; img-src data:; base-uri '"'"'none'"'"'; form-action '"'"'none'"'"'\">" policy &&
	grep -qxF "<meta name=\"referrer\" content=\"no-referrer\">" pixel.html &&
	test "$(grep -c "<style>" pixel.html)" = 1 &&
	! grep -q "<script\|<link\|style=" pixel.html
'

test_expect_success 'a role below the level applied for is flagged' '
	! grep -q "Role mismatch" sheet.md &&
	rapport opp edit $opp --level-offered "Senior Analyst" &&
	rapport prep $opp >sheet.md &&
	grep -q "Role mismatch" sheet.md &&
	grep -q "Senior Analyst" sheet.md
'

test_expect_success 'bad input is refused' '
	test_must_fail 1 rapport prep no-such-opp &&
	test_must_fail 1 rapport prep $opp --stage fifth &&
	test_stderr_contains "question stage" &&
	test_must_fail 1 rapport prep $opp --with "Nobody Here" &&
	test_must_fail 1 rapport prep $opp --html "$TEST_DIR/no/such/dir/x.html" &&
	test ! -e "$TEST_DIR/no/such/dir/x.html"
'

test_done
