#!/bin/sh
# The web UI's Offers page: the decision matrix of 'rapport offer compare'
# (the same figures, cell for cell), what needs attention, each offer with
# its rounds; adding an offer and recording a round with their forms, their
# errors (nothing written), 404s and hostile values.
. "$(dirname "$0")/test-lib.sh"

# html_matrix: the rows of the page's offer matrix (on stdin) after its
# header, written as 'rapport offer compare --markdown' writes them.
html_matrix() {
	python3 -c '
import html, re, sys
page = sys.stdin.read()
table = re.search(r"<table class=\"list offer-matrix\">.*?</table>", page, re.S).group(0)
body = table.split("</thead>", 1)[1]
for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
    print("| " + " | ".join("-" if c == "\u2013" else c for c in cells) + " |")
'
}

# cli_matrix OPP...: the same rows from the command line, without the header
# and the bold labels.
cli_matrix() {
	rapport offer compare --markdown "$@" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sed "1,2d; s/\\*\\*//g"
}

# evil FILE: none of the hostile values reached the page as markup.
evil() {
	! grep -q "<script>alert" "$1" &&
	! grep -q "<img src=x" "$1" &&
	! grep -qi "href=\"javascript:" "$1"
}

rapport want add "Remote two days a week" --weight 5 --must >/dev/null &&
rapport want add "Growth into leadership" --weight 3 >/dev/null &&
rapport want add "Small team" --weight 2 >/dev/null &&
rapport opp add "Acme Analytics" "Data Lead" --slug acme --level manager --salary-target 95k \
	>/dev/null &&
rapport opp add "Orbit Payments" "Platform Lead" --slug orbit --salary-target 100k >/dev/null &&
rapport opp add "Globex" "Analyst" --slug globex >/dev/null &&
rapport opp add "Initech" "Data Analyst" --slug initech >/dev/null &&
rapport want mark acme Remote met >/dev/null &&
rapport want mark acme Growth partly >/dev/null &&
rapport want mark orbit Remote unmet >/dev/null &&
rapport want mark orbit Growth met >/dev/null &&
rapport want mark orbit "Small team" met >/dev/null || exit 1

serve_start

test_expect_success 'no offer yet: said plainly, with the form to add one' '
	http GET /offers/compare >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Offers</h1>" page &&
	grep -q "No offer yet" page &&
	! grep -q "offer-matrix" page &&
	grep -q "<option value=\"acme\">Acme Analytics: Data Lead</option>" page &&
	grep -q "<option value=\"initech\">Initech: Data Analyst</option>" page
'

test_expect_success 'the matrix of two offers made with the command line, as compare prints it' '
	rapport offer add acme --base 90k --bonus 10000 --level senior --deadline 2026-03-20 \
		>/dev/null &&
	rapport offer add orbit --base 105000 --equity "0.1%" --deadline 2026-03-12 >/dev/null &&
	http GET /offers/compare >page &&
	test "$(head -1 page)" = 200 &&
	html_matrix <page >got &&
	cli_matrix >expect &&
	test_cmp expect got &&
	grep -q "<th scope=\"col\"><a href=\"/opportunities/orbit\">Orbit Payments: Platform Lead</a></th><th scope=\"col\"><a href=\"/opportunities/acme\">Acme Analytics: Data Lead</a></th>" page &&
	grep -q "<td><span class=\"badge bad strong\">UNMET (must)</span></td><td><span class=\"badge good\">met</span></td>" page &&
	grep -q "<span class=\"badge bad\">50% deal-breaker</span>" page &&
	grep -q "<span class=\"badge warn\">senior (below manager)</span>" page &&
	grep -q "<span class=\"badge bad\">Remote two days a week</span>" page &&
	grep -q "Orbit Payments: Platform Lead</a>: “Remote two days a week” is a must-have, and it is unmet." page &&
	grep -q "level mismatch</span> <a href=\"/opportunities/acme\">Acme Analytics: Data Lead</a>: they discuss senior, below manager, the level you applied for." page &&
	grep -q "<dt>Base</dt><dd>105,000</dd>" page &&
	! grep -q "<option value=\"acme\">" page &&
	grep -q "<option value=\"globex\">Globex: Analyst</option>" page
'

test_expect_success '?opp= compares the offers named; unknown ones and those without an offer are 404' '
	http GET "/offers/compare?opp=acme" >page &&
	test "$(head -1 page)" = 200 &&
	html_matrix <page >got &&
	cli_matrix acme >expect &&
	test_cmp expect got &&
	grep -q "Compare every offer" page &&
	test "$(http_status GET "/offers/compare?opp=nowhere")" = 404 &&
	test "$(http_status GET "/offers/compare?opp=globex")" = 404
'

test_expect_success 'add an offer: it moves the opportunity to offer and shows in the matrix' '
	http GET "/offers/compare?add=globex" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<form method=\"post\" action=\"/opportunities/globex/offers\"" page &&
	grep -q "<option value=\"globex\" selected>" page &&
	http POST /opportunities/globex/offers base=70k bonus=5000 level=analyst \
		start=2026-04-01 deadline=2026-03-04 benefits="a pension" notes="**four** weeks off" \
		>resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json offer show globex >o &&
	grep -q "^Location: /offers/compare#offer-$(jv id <o)$" resp &&
	jv_eq base 70000 bonus 5000 level analyst start 2026-04-01 deadline 2026-03-04 \
		benefits "a pension" stage offer <o &&
	http GET /offers/compare >page &&
	html_matrix <page >got &&
	cli_matrix >expect &&
	test_cmp expect got &&
	grep -q "<th scope=\"col\"><a href=\"/opportunities/globex\">Globex: Analyst</a></th>" page &&
	grep -q "Globex: Analyst</a>: they want your answer in 2 days." page &&
	grep -q "<strong>four</strong> weeks off" page
'

test_expect_success 'add: errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /opportunities/initech/offers base= bonus=lots start=someday \
		deadline=2026-02-01 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-bonus\"" resp &&
	grep -q "id=\"e-start\"" resp &&
	grep -q "<form method=\"post\" action=\"/opportunities/initech/offers\"" resp &&
	grep -q "value=\"lots\"" resp &&
	http POST /opportunities/initech/offers base= deadline=2026-02-01 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-base\"" resp &&
	grep -q "An offer needs its base pay." resp &&
	http POST /opportunities/initech/offers base=80k deadline=2026-02-01 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-deadline\"" resp &&
	grep -q "the deadline 2026-02-01 is in the past (today is 2026-03-02)" resp &&
	test "$(http_status POST /opportunities/acme/offers base=1)" = 409 &&
	test "$(http_status POST /opportunities/nowhere/offers base=1)" = 404 &&
	test_eq "$(db_digest)" "$before" &&
	test "$(http_status GET "/offers/compare?add=nowhere")" = 404
'

test_expect_success 'record a round: a reply becomes the offer, an ask starts negotiating' '
	orbit=$(rapport --json offer show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http GET "/offers/compare?round=$orbit" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<form method=\"post\" action=\"/offers/$orbit/rounds\"" page &&
	! grep -q "id=\"h-add\"" page &&
	http POST /offers/$orbit/rounds side=reply base=110k bonus=5k text="their final answer" \
		at=2026-03-01T16:00 >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /offers/compare#offer-$orbit$" resp &&
	rapport --json offer show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq base 110000 bonus 5000 rounds.# 1 \
		rounds.0.side reply rounds.0.text "their final answer" \
		rounds.0.at 2026-03-01T16:00:00+00:00 &&
	http GET /offers/compare >page &&
	html_matrix <page >got &&
	cli_matrix >expect &&
	test_cmp expect got &&
	grep -qxF "| base + bonus |  | 75,000 | 115,000 | 100,000 |" got &&
	grep -q "<strong>They replied</strong> base 110,000, bonus 5,000<p class=\"why\">their final answer</p>" page &&
	http GET "/offers/compare?add=acme" >page &&
	acme=$(sed -n "s|.*<form method=\"post\" action=\"/offers/\\([0-9]*\\)/rounds\".*|\\1|p" page) &&
	test -n "$acme" &&
	http POST /offers/$acme/rounds side=ask title="Head of Data" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json offer show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage negotiating rounds.0.side ask \
		rounds.0.title "Head of Data" title None rounds.0.at 2026-03-02T09:00:00+00:00
'

test_expect_success 'round: errors beside the fields, nothing written; 404s' '
	orbit=$(rapport --json offer show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	before=$(db_digest) &&
	http POST /offers/$orbit/rounds side=reply >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "say what they answered" resp &&
	grep -q "<form method=\"post\" action=\"/offers/$orbit/rounds\"" resp &&
	http POST /offers/$orbit/rounds side=maybe base=lots at=someday start=later >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-side\"" resp &&
	grep -q "id=\"e-base\"" resp &&
	grep -q "id=\"e-at\"" resp &&
	grep -q "id=\"e-start\"" resp &&
	http POST /offers/$orbit/rounds base=1 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-side\"" resp &&
	test "$(http_status POST /offers/999/rounds side=ask base=1)" = 404 &&
	test "$(http_status POST /offers/abc/rounds side=ask base=1)" = 404 &&
	test_eq "$(db_digest)" "$before" &&
	test "$(http_status GET "/offers/compare?round=999")" = 404
'

test_expect_success 'hostile values stay text' '
	http POST /opportunities/initech/offers base=1 equity="<script>alert(1)</script>" \
		title="\"><img src=x onerror=alert(1)>" notes="[x](javascript:alert(1)) <script>alert(1)</script>" \
		>resp &&
	test "$(head -1 resp)" = 303 &&
	id=$(sed -n "s|^Location: /offers/compare#offer-\\([0-9]*\\)$|\\1|p" resp) &&
	http POST /offers/$id/rounds side=ask text="<script>alert(1)</script>" \
		level="\"><img src=x onerror=alert(1)>" >resp &&
	test "$(head -1 resp)" = 303 &&
	http GET "/offers/compare?round=$id" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	grep -q "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" page &&
	evil page
'

test_expect_success 'edit: the form shows the terms; saving does what offer edit does' '
	orbit=$(rapport --json offer show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http GET "/offers/compare?edit=$orbit" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<form method=\"post\" action=\"/offers/$orbit/edit\"" page &&
	grep -q "<input type=\"text\" id=\"f-base\" name=\"base\" value=\"110000\"" page &&
	grep -q "<label for=\"f-deadline\">Answer by</label>" page &&
	http GET /offers/compare >page &&
	grep -q "href=\"/offers/compare?edit=$orbit#edit\">Edit the offer</a>" page &&
	before=$(db_digest) &&
	http POST /offers/$orbit/edit base= bonus=lots deadline=2026-02-01 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-bonus\"" resp &&
	http POST /offers/$orbit/edit base=120k deadline=2026-02-01 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-deadline\"" resp &&
	test "$(http_status POST /offers/999/edit base=1)" = 404 &&
	test_eq "$(db_digest)" "$before" &&
	http POST /offers/$orbit/edit base=120k bonus=7k level=principal deadline=2026-03-14 \
		benefits="a pension" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /offers/compare#offer-$orbit$" resp &&
	rapport --json offer show orbit >o &&
	jv_eq base 120000 bonus 7000 level principal deadline 2026-03-14 benefits "a pension" \
		equity None <o &&
	rapport --json opp show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq salary_offered 120000 level_offered principal
'

serve_stop
test_done
