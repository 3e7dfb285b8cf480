#!/bin/sh
# The web UI's Pipeline: a column per open stage with a card per opportunity
# (days in stage, next follow-up, fit, level mismatch), moving a card with
# its form (the playbooks run), and the closed ones folded below.
. "$(dirname "$0")/test-lib.sh"

# where SLUG...: the column (data-stage) each opportunity's card is in on the
# page on stdin, "closed" when it is in the closed list, "-" when nowhere.
where() {
	python3 -c '
import re, sys
page = sys.stdin.read()
board, _, closed = page.partition("<details class=\"closed-opps\"")
cols = re.split(r"<section class=\"stage-col\" data-stage=\"", board)[1:]
for slug in sys.argv[1:]:
    link = "href=\"/opportunities/%s\"" % slug
    found = [c.split("\"", 1)[0] for c in cols if link in c]
    print(found[0] if found else "closed" if link in closed else "-")
' "$@"
}

# card SLUG: the HTML of the card of SLUG on the page on stdin.
card() {
	awk -v link="href=\"/opportunities/$1\"" '
		/<li class="opp-card"/ { c = ""; on = 1 }
		on { c = c $0 "\n" }
		on && /<\/li>/ { on = 0; if (index(c, link)) printf "%s", c }
	'
}

rapport opp add Acme "Data Lead" --slug acme --level manager >/dev/null &&
rapport opp edit acme --level-offered senior >/dev/null &&
rapport opp add "Beta Corp" Analyst --slug beta --stage interviewing >/dev/null &&
rapport person add "Hiring Manager" --org "Beta Corp" --rapport 4 >/dev/null &&
rapport opp link beta "Hiring Manager" --role hiring-manager >/dev/null &&
rapport log interview "First interview" --with "Hiring Manager" --opp beta >/dev/null &&
on 2026-02-20 rapport opp add Gamma Engineer --slug gamma --stage applied >/dev/null &&
rapport task add "Send the portfolio" --due 2026-03-04 --opp gamma >/dev/null &&
rapport task add "Ask about the team" --due 2026-03-09 --opp gamma >/dev/null &&
rapport opp add Delta "Old role" --slug delta >/dev/null &&
rapport opp move delta withdrawn >/dev/null &&
rapport opp add '<script>alert(1)</script>' '"><img src=x onerror=alert(1)>' --slug hostile \
	>/dev/null || exit 1

serve_start --verbose

test_expect_success 'the board puts each card in the column of its stage, closed ones folded' '
	http GET /pipeline >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Pipeline</h1>" page &&
	test "$(where acme beta gamma delta hostile <page | tr "\n" " ")" = \
		"lead interviewing applied closed lead " &&
	test "$(grep -c "<section class=\"stage-col\" data-stage=\"\(lead\|applied\|conversation\|interviewing\|offer\|negotiating\)\"" page)" = 6 &&
	! grep -q "data-stage=\"withdrawn\"" page &&
	grep -q "<details class=\"closed-opps\" id=\"closed\">" page &&
	! grep -q "<details[^>]* open" page &&
	grep -q "href=\"/opportunities/new\">New opportunity</a>" page
'

test_expect_success 'a card shows its days in stage and next follow-up; no fit without wants' '
	http GET /pipeline >page &&
	card gamma <page >gamma &&
	grep -q "10 days in this stage" gamma &&
	grep -q "Next:</span> <time datetime=\"2026-03-04\">Wed 4 Mar</time> · Send the portfolio" gamma &&
	! grep -q "Ask about the team" gamma &&
	card beta <page >beta &&
	grep -q "moved here today" beta &&
	! grep -q "fit" beta
'

test_expect_success 'a card shows the fit to the wants and a level mismatch' '
	rapport want add "Remote work" --weight 3 --must >/dev/null &&
	rapport want mark beta "Remote work" met >/dev/null &&
	rapport want mark gamma "Remote work" unmet >/dev/null &&
	http GET /pipeline >page &&
	card beta <page | grep -q "<span class=\"badge good fit\">fit 100%, 1 of 1 known</span>" &&
	card gamma <page | grep -q "<span class=\"badge bad fit\">fit 0% deal-breaker, 1 of 1 known</span>" &&
	card acme <page >acme &&
	grep -q "fit ?" acme &&
	grep -q "level mismatch" acme &&
	grep -q "they discuss senior, below manager" acme &&
	! card beta <page | grep -q mismatch
'

test_expect_success 'each card has a labelled stage select and a Move button' '
	card acme <page >acme &&
	grep -q "<form method=\"post\" class=\"move\" action=\"/opportunities/acme/move\">" acme &&
	grep -q "<input type=\"hidden\" name=\"csrf\" value=\"[0-9a-f]*\">" acme &&
	grep -q "<label for=\"move-1\">Stage<span class=\"visually-hidden\"> of Acme — Data Lead</span></label><select id=\"move-1\" name=\"stage\">" acme &&
	grep -q "<option value=\"lead\" selected>" acme &&
	grep -q "<button type=\"submit\" class=\"secondary\">Move</button>" acme
'

test_expect_success 'hostile names are escaped on the board' '
	card hostile <page >hostile &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" hostile &&
	grep -q "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" hostile &&
	! grep -q "<script>alert" page &&
	! grep -q "<img src=x" page
'

test_expect_success 'reading the board writes nothing' '
	before=$(db_digest) &&
	http_status GET /pipeline >/dev/null &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'moving a card changes its stage and runs the playbooks' '
	http POST /opportunities/beta/move stage=rejected back=/pipeline >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /pipeline$" resp &&
	rapport --json opp show beta >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage rejected stage_history.# 2 &&
	rapport --json task list >tasks.json &&
	grep -q "\"origin\": \"rejected.letter\"" tasks.json &&
	grep -q "Stay-in-touch letter to Hiring Manager" tasks.json &&
	grep -q "Call Hiring Manager" tasks.json &&
	grep -q "Review your interviews at Beta Corp" tasks.json &&
	http GET /pipeline >page &&
	test "$(where beta <page)" = closed
'

test_expect_success 'a move with a note goes back to the page it came from' '
	http POST /opportunities/acme/move stage=applied note="Sent the CV" \
		back=/opportunities/acme >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /opportunities/acme$" resp &&
	rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage applied stage_history.1.note "Sent the CV" &&
	http POST /opportunities/acme/move stage=conversation back=//evil.example >resp &&
	grep -q "^Location: /pipeline$" resp &&
	rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage conversation
'

test_expect_success 'a bad or missing stage is refused beside the card, nothing written' '
	before=$(db_digest) &&
	http POST /opportunities/gamma/move stage=hired back=/pipeline >resp &&
	test "$(head -1 resp)" = 400 &&
	card gamma <resp >gamma &&
	grep -q "class=\"move has-error\"" gamma &&
	grep -q "class=\"error-text\" role=\"alert\">unknown stage" gamma &&
	! card acme <resp | grep -q error-text &&
	grep -q "class=\"form-errors\"" resp &&
	test "$(http_status POST /opportunities/gamma/move back=/pipeline)" = 400 &&
	test "$(http_status POST /opportunities/gamma/move stage=applied)" = 400 &&
	test "$(db_digest)" = "$before" &&
	rapport --json opp show gamma >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage applied
'

test_expect_success 'a refused move from the opportunity page shows that page again' '
	before=$(db_digest) &&
	http POST /opportunities/acme/move stage=nowhere back=/opportunities/acme >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "<h1>Data Lead</h1>" resp &&
	grep -q "id=\"e-stage\"" resp &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'an unknown opportunity is a 404, and writes nothing' '
	before=$(db_digest) &&
	http POST /opportunities/no-such-job/move stage=applied >resp &&
	test "$(head -1 resp)" = 404 && grep -q "<h1>Not found</h1>" resp &&
	test "$(http_status POST /opportunities/999/move stage=applied)" = 404 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the board is quick with fifty opportunities' '
	i=0 &&
	while [ $i -lt 45 ]; do
		rapport opp add "Org $i" "Role $i" --level senior --slug o$i >/dev/null || exit 1
		i=$((i + 1))
	done &&
	seen=$(wc -l <"$TEST_DIR/.serve.err") &&
	http GET /pipeline >page &&
	test "$(grep -c "<li class=\"opp-card\"" page)" = 48 &&
	ms=$(sed -n "$((seen + 1)),\$s|^GET /pipeline 200 \([0-9.]*\)ms$|\1|p" "$TEST_DIR/.serve.err") &&
	echo "the board took ${ms}ms" &&
	python3 -c "import sys; sys.exit(float(sys.argv[1]) > 50)" "$ms"
'

serve_stop
stopped=$?
test_expect_success 'the server stops cleanly' '
	test $stopped = 0
'

test_done
