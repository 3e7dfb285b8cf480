#!/bin/sh
# The web UI's Insights: SVG charts drawn by the server with their figures in
# words: the funnel from applied to offer (from the stage history), the
# interactions per week, the days to a reply, the opportunities gone silent
# and conversion by source. Data made with the command line over several
# weeks; "now" is Monday 2 March 2026.
. "$(dirname "$0")/test-lib.sh"

# desc ID: the <desc> text of the chart ID on the page on stdin.
desc() {
	sed -n "s|.*<desc id=\"$1-desc\">\(.*\)</desc>.*|\1|p"
}

serve_start

test_expect_success 'an empty database: every section says what would show there, no chart' '
	http GET /insights >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Insights</h1>" page &&
	grep -q "aria-current=\"page\">Insights</a>" page &&
	test "$(grep -c "<p class=\"empty\">" page)" = 5 &&
	! grep -q "<svg" page
'

# The search, week by week:
#   nw  Northwind (referral): applied 5 Jan, conversation 12 Jan, interviewing
#       19 Jan, offer 16 Feb; you wrote 2 Feb, called 3 Feb, they replied 5 Feb
#       (3 days); interview 16 Feb, their answer 17 Feb (1 day).
#   hb  Harbour ("job board"): applied 6 Jan, straight to interviewing 26 Jan
#       with an e-mail from you that day, their reply 5 Feb (10 days), then
#       rejected 10 Feb.
#   bb  Bluebird ("Job Board"): applied 7 Jan; they wrote first on 20 Jan
#       (no wait to measure), nothing since: silent.
#   cu  Copperleaf (no source): a lead since 20 Feb.
#   hostile: a hostile organisation, title and source, applied 25 Feb.
#   A recruiter, about no opportunity: your message 9 Feb 09:00, the answer
#   at 15:00 (a quarter of a day).
test_expect_success 'a search over several weeks, made with the command line' '
	on 2026-01-05 rapport opp add Northwind "Data Lead" --slug nw --source referral \
		--stage applied >/dev/null &&
	on 2026-01-12 rapport opp move nw conversation >/dev/null &&
	on 2026-01-19 rapport opp move nw interviewing >/dev/null &&
	on 2026-02-16 rapport opp move nw offer >/dev/null &&
	on 2026-01-06 rapport opp add Harbour Analyst --slug hb --source "job board" \
		--stage applied >/dev/null &&
	on 2026-01-26 rapport opp move hb interviewing >/dev/null &&
	on 2026-02-10 rapport opp move hb rejected >/dev/null &&
	on 2026-01-07 rapport opp add Bluebird Engineer --slug bb --source "Job Board" \
		--stage applied >/dev/null &&
	on 2026-02-20 rapport opp add Copperleaf Manager --slug cu >/dev/null &&
	on 2026-02-25 rapport opp add "<script>alert(1)</script>" "\"><img src=x onerror=alert(1)>" \
		--slug hostile --source "<script>alert(2)</script>" --stage applied >/dev/null &&
	rapport person add "Hiring Manager" --org Northwind >/dev/null &&
	rapport person add "A Recruiter" >/dev/null &&
	on 2026-01-20 rapport log email "They wrote first" --opp bb --in >/dev/null &&
	on 2026-01-26 rapport log email "Sent my portfolio" --opp hb >/dev/null &&
	on 2026-02-02 rapport log email "Wrote to the hiring manager" --opp nw \
		--with "Hiring Manager" >/dev/null &&
	on 2026-02-03 rapport log call "Called again" --opp nw >/dev/null &&
	on 2026-02-05 rapport log email "Their answer" --opp nw --in >/dev/null &&
	on 2026-02-05T11:00 rapport log email "Harbour answered" --opp hb --in >/dev/null &&
	on 2026-02-09 rapport log message "Asked about openings" --with "A Recruiter" >/dev/null &&
	on 2026-02-09T15:00 rapport log message "Two openings" --with "A Recruiter" --in \
		>/dev/null &&
	on 2026-02-16 rapport log interview "Final interview" --opp nw \
		--with "Hiring Manager" >/dev/null &&
	on 2026-02-17 rapport log call "The offer" --opp nw --in >/dev/null
'

test_expect_success 'the page renders five SVG charts, each named and described, no inline style' '
	before=$(db_digest) &&
	http GET /insights >page &&
	test "$(head -1 page)" = 200 &&
	test "$(grep -c "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" [^>]*role=\"img\" aria-labelledby=\"[a-z]*-chart-title [a-z]*-chart-desc\">" page)" = 5 &&
	for id in funnel activity replies silent sources; do
		grep -q "<title id=\"$id-chart-title\">[^<]" page &&
		grep -q "<desc id=\"$id-chart-desc\">[^<]" page || exit 1
	done &&
	! grep -q "style=" page &&
	! grep -q "<script>" page &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the funnel counts the stages each opportunity reached, skipped ones included' '
	test "$(desc funnel-chart <page)" = "How many opportunities reached each stage or a later one: Applied 4, In conversation 2, Interviewing 2, Offer 1, Accepted 0." &&
	grep -q "Of your 5 opportunities, 4 got as far as applying; 50% of those reached interviewing and 25% an offer." page &&
	grep -q "<tr><th scope=\"row\">Offer</th><td>1</td><td>25%</td><td>50%</td></tr>" page &&
	grep -q "<title>Interviewing: 2</title>" page
'

test_expect_success 'interactions per week: the last 12 weeks from Monday 15 December' '
	desc activity-chart <page >activity &&
	grep -q "oldest first: week of 15 Dec 0, " activity &&
	grep -q "week of 19 Jan 1, week of 26 Jan 1, week of 2 Feb 4, week of 9 Feb 2, week of 16 Feb 2, week of 23 Feb 0, week of 2 Mar 0\.$" activity &&
	grep -q "10 interactions in 12 weeks, 1 a week on average; the busiest was the week of 2 Feb (4)." page
'

test_expect_success 'days to a reply: the median wait, by opportunity and by person, with its definition' '
	grep -q "<span class=\"big\">2.0</span> days: the median wait for a reply, over 4 replies." page &&
	test "$(desc replies-chart <page)" = "Replies by how long they took: under a day 1, 1–2 days 1, 3–6 days 1, 1–2 weeks 1, over 2 weeks 0." &&
	grep -q "Its wait runs from the first thing you sent since the previous reply" page
'

test_expect_success 'gone silent: the active opportunities by days since their latest interaction' '
	grep -q "<span class=\"big\">1</span> of 3 active opportunities have had no interaction for 14 days or more." page &&
	test "$(desc silent-chart <page)" = "Active opportunities by days since their latest interaction: under 7 days 1, 7–13 days 1, 14 days or more 1." &&
	sed -n "/<table class=\"list silent-list\">/,/<\/table>/p" page >silent &&
	grep -q "href=\"/opportunities/bb\">Bluebird: Engineer</a>" silent &&
	grep -q "<td>41</td>" silent &&
	! grep -q "opportunities/nw" silent &&
	grep -q "<input type=\"number\" id=\"f-days\" name=\"days\" value=\"14\">" page
'

test_expect_success '?days= changes the threshold; a bad one is an error beside the field' '
	http GET "/insights?days=10" >page10 &&
	test "$(head -1 page10)" = 200 &&
	grep -q "<span class=\"big\">2</span> of 3 active opportunities have had no interaction for 10 days or more." page10 &&
	test "$(desc silent-chart <page10)" = "Active opportunities by days since their latest interaction: under 5 days 0, 5–9 days 1, 10 days or more 2." &&
	sed -n "/<table class=\"list silent-list\">/,/<\/table>/p" page10 >silent &&
	grep -q "opportunities/nw\">Northwind: Data Lead</a>" silent &&
	http GET "/insights?days=soon" >bad &&
	test "$(head -1 bad)" = 400 &&
	grep -q "class=\"field has-error\"><label for=\"f-days\">" bad &&
	grep -q "id=\"e-days\">" bad &&
	grep -q "value=\"soon\"" bad &&
	grep -q "for 14 days or more" bad &&
	test "$(http_status GET "/insights?days=0")" = 400
'

test_expect_success 'conversion by source groups sources without regard to case' '
	test "$(desc sources-chart <page)" = "Opportunities per source, and how many reached interviewing and an offer: Job Board 2, 1, 0; (no source) 1, 0, 0; &lt;script&gt;alert(2)&lt;/script&gt; 1, 0, 0; referral 1, 1, 1." &&
	grep -q "<tr><th scope=\"row\">referral</th><td>1</td><td>1 (100%)</td><td>1 (100%)</td></tr>" page &&
	grep -q "<tr><th scope=\"row\">Job Board</th><td>2</td><td>1 (50%)</td><td>0 (0%)</td></tr>" page
'

test_expect_success 'hostile names and sources are escaped, in the SVG and the tables' '
	http GET "/insights?days=3" >page3 &&
	for f in page page3; do
		! grep -q "<script>alert" $f &&
		! grep -q "<img src=x" $f || exit 1
	done &&
	grep -q "<text x=\"[0-9.]*\" y=\"[0-9.]*\" text-anchor=\"end\" class=\"label\">&lt;script&gt;alert(2)&lt;/s…</text>" page &&
	grep -q "<title>&lt;script&gt;alert(2)&lt;/script&gt;: opportunities 1</title>" page &&
	grep -q "<th scope=\"row\">&lt;script&gt;alert(2)&lt;/script&gt;</th>" page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>" page3
'

test_expect_success 'a long source is cut in the chart, whole in its tooltip and the table' '
	long="A very long source name that goes on and on: ünïcödé" &&
	rapport opp add Longwood Analyst --slug lw --source "$long" >/dev/null &&
	http GET /insights >page &&
	grep -q "class=\"label\">A very long source…</text>" page &&
	grep -q "<title>$long: opportunities 1</title>" page &&
	grep -q "<th scope=\"row\">$long</th>" page
'

serve_stop
stopped=$?
test_expect_success 'the server stopped cleanly (under ASan: no leak)' 'test $stopped = 0'

test_done
