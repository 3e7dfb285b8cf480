#!/bin/sh
# The first run: 'rapport help method' explains the method with the rules in
# force (a user's own too); an empty agenda keeps standard output empty for
# scripts and, at a terminal, notes the start steps left as commands; Today
# shows the same steps as a checklist, each ticked off by itself, until all
# are done or it is hidden (a POST with CSRF); How rapport works (/method);
# the empty pages say what fills them; plain words where a person picks.
. "$(dirname "$0")/test-lib.sh"

# agenda_at_terminal: what agenda says to a person at a terminal (stderr),
# in notes; its standard output in so.
agenda_at_terminal() {
	script -qec "\"$RAPPORT\" agenda >\"$TEST_DIR/so\"" "$TEST_DIR/tty" >/dev/null &&
	tr -d '\r' <"$TEST_DIR/tty" >notes
}

test_expect_success 'help method: the method, then each moment with its rules, exit 0' '
	rapport help method >out &&
	has out "How rapport works" "Start from what you want" "After an interview" \
		"When they go silent" "After a no" "After an offer" \
		"When a relationship goes quiet" "rule thank-you: when" "rule silence.call:" \
		"rule rejected.letter:" "rule offer.compare:" "rule keep-in-touch:" \
		"rapport playbook show NAME" "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	sed "/playbooks.ini$/d" out | awk "length > 78" >long &&
	test ! -s long
'

test_expect_success 'help lists the method; help method takes nothing after it (exit 2)' '
	rapport help >out &&
	has out "rapport help method" &&
	test_must_fail 2 rapport help method rules &&
	test_stderr_contains "'\''help method'\'' takes nothing after it"
'

test_expect_success 'help method shows a rule of your own, under its moment, and not one turned off' '
	playbooks <<-\EOF &&
	[coffee-after-no]
	description = A coffee with the recruiter after a no.
	on    = stage
	stage = rejected
	for   = recruiter
	task  = meeting
	due   = +10
	title = Coffee with {person}

	[rejected.consult]
	enabled = no
	EOF
	rapport help method >out &&
	sed -n "/^After a no/,/^After an offer/p" out >no &&
	has no "A coffee with the recruiter after a no." "rule coffee-after-no:" &&
	hasnt out "rule rejected.consult:" &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini"
'

test_expect_success 'an empty agenda prints nothing on stdout, to a script' '
	rapport agenda >out 2>err &&
	test ! -s out && test ! -s err
'

test_expect_success 'at a terminal, an empty agenda notes the five start steps as commands' '
	command -v script >/dev/null || { echo "no script(1)"; return 0; }
	agenda_at_terminal &&
	test ! -s "$TEST_DIR/so" &&
	has notes "nothing due in the next 7 days" "5 of 5 steps left" \
		"rapport config name" "rapport want add" "rapport opp add" "rapport opp link" \
		"rapport import linkedin Connections.csv --dry-run" "Turn on the calendar feed"
'

test_expect_success 'each step done drops from the notes' '
	command -v script >/dev/null || { echo "no script(1)"; return 0; }
	rapport config name "Job Seeker" >/dev/null &&
	rapport config email seeker@example.org >/dev/null &&
	rapport want add "Own the data platform" --must >/dev/null &&
	rapport want add "A team that ships every week" >/dev/null &&
	agenda_at_terminal &&
	has notes "4 of 5 steps left" "rapport want add" &&
	hasnt notes "rapport config name" &&
	rapport want add "Two days a month in the office at most" >/dev/null &&
	rapport opp add Northwind "Data Lead" --slug nw >/dev/null &&
	agenda_at_terminal &&
	has notes "3 of 5 steps left" "rapport opp link nw" &&
	hasnt notes "rapport opp add" &&
	rapport person add "Hiring Manager" --org Northwind \
		--linkedin https://www.linkedin.com/in/hiring-manager >/dev/null &&
	rapport opp link nw "Hiring Manager" --role hiring-manager >/dev/null &&
	agenda_at_terminal &&
	has notes "1 of 5 steps left" "Turn on the calendar feed" &&
	hasnt notes "rapport want add" "rapport opp add" "rapport import linkedin"
'

serve_start

test_expect_success 'Today shows the checklist while steps are left, each linked to its form' '
	http GET / >page &&
	test "$(head -1 page)" = 200 &&
	has page "<h2 id=\"h-start\">Start here <span class=\"count\">4 of 5 done</span></h2>" \
		"<a href=\"/settings#calendar\">Your follow-ups in your calendar</a>" \
		"<a href=\"/wants#add\">Three things you want, one of them a must-have</a> <span class=\"badge good\">done</span>" \
		"<a href=\"/method\">How rapport works</a>" \
		"action=\"/start/dismiss\""
'

test_expect_success 'How rapport works: the method and the rules, each linked to its line' '
	http GET /method >page &&
	test "$(head -1 page)" = 200 &&
	has page "<h1>How rapport works</h1>" "id=\"after-a-no\"" \
		"<a href=\"/settings/playbooks#rule-rejected_letter\"><code>rejected.letter</code></a>" \
		"4 of 5 done" &&
	http GET /settings/playbooks >page &&
	has page "<tr id=\"rule-rejected_letter\">"
'

test_expect_success 'hiding the checklist needs the CSRF token, and then it stays hidden' '
	test "$(http_status --no-csrf POST /start/dismiss)" = 403 &&
	http GET / >page && has page "id=\"h-start\"" &&
	http POST /start/dismiss >resp &&
	test "$(head -1 resp)" = 303 &&
	http GET / >page &&
	hasnt page "id=\"h-start\"" &&
	has page "Nothing due in the next 7 days" &&
	http GET /method >page &&
	has page "4 of 5 done"
'

test_expect_success 'hidden, the agenda notes no steps' '
	command -v script >/dev/null || { echo "no script(1)"; return 0; }
	agenda_at_terminal &&
	has notes "nothing due" &&
	hasnt notes "steps left"
'

test_expect_success 'every page links How rapport works at its foot' '
	http GET /people >page &&
	has page "<footer class=\"bottom\"><a href=\"/method\">How rapport works</a></footer>"
'

test_expect_success 'a person picks an opportunity by organisation and title on their page' '
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	id=$(jv id <"$TEST_DIR/.rp") &&
	http GET "/people/$id" >page &&
	has page "<option value=\"nw\">Northwind — Data Lead</option>" &&
	hasnt page ">Data Lead</option>"
'

test_expect_success 'the export speaks of contacts (.vcf), not vCard 4.0' '
	http GET /settings >page &&
	has page "Everyone as contacts (.vcf)</a>" &&
	hasnt page "vCard 4.0"
'

serve_stop

test_use_db empty.db
serve_start

test_expect_success 'the empty pages say what fills them, with the one action that does' '
	http GET /pipeline >page &&
	has page "<a href=\"/opportunities/new\">Add your first opportunity</a>" &&
	http GET /people >page &&
	has page "<a href=\"/people/new\">Add a person</a>" &&
	http GET /wants >page &&
	has page "<a href=\"#add\">Add your first want</a>" &&
	http GET /orgs >page &&
	has page "No organisations yet." &&
	http GET /offers/compare >page &&
	has page "No offer yet."
'

test_expect_success 'an empty database opens on the checklist, nothing done' '
	http GET / >page &&
	has page "0 of 5 done" &&
	hasnt page "Nothing due in the next 7 days"
'

test_expect_success 'once the first opportunity is in, its step leads to its people, not to a second one' '
	http GET / >page &&
	has page "<a href=\"/opportunities/new\">Your first opportunity" &&
	rapport opp add Northwind "Data Lead" --slug nw >/dev/null &&
	http GET / >page &&
	has page "<a href=\"/opportunities/nw#people\">Your first opportunity, with the people you know there</a>" \
		"Now the people you know there" &&
	hasnt page "href=\"/opportunities/new\"" &&
	http GET /method >page &&
	has page "href=\"/opportunities/nw#people\"" &&
	rapport person add "Hiring Manager" --org Northwind >/dev/null &&
	rapport opp link nw "Hiring Manager" >/dev/null &&
	http GET / >page &&
	has page "<a href=\"/opportunities/new\">Your first opportunity, with the people you know there</a> <span class=\"badge good\">done</span>"
'

serve_stop
test_done
