#!/bin/sh
# The web UI's Wants, Questions, Prep and Debrief pages: the wants heaviest
# first with where each stands on the open opportunities; adding, changing
# and removing a want (refused while evidence refers to it, unless forced);
# recording evidence; the question bank with its filters and its form; the
# prep sheet and the debriefs; their errors, 404s and hostile values.
. "$(dirname "$0")/test-lib.sh"

# matrix_row TEXT: the cells (text, '|'-separated) of the row of the want
# matrix whose header starts with TEXT, from the page on stdin.
matrix_row() {
	python3 -c '
import html, re, sys
page = sys.stdin.read()
table = re.search(r"<table class=\"list want-matrix\">.*?</table>", page, re.S).group(0)
for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
    if cells and cells[0].startswith(sys.argv[1]):
        print("|".join(cells[1:]))
' "$1"
}

# want_line TEXT: "weight must category" of the want TEXT as `rapport want list`
# prints it, spaces squeezed; want_id TEXT: its id.
want_line() {
	rapport want list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -- "  $1\$" | tr -s " " | sed "s/^ [0-9]* //; s/ $1\$//"
}
want_id() {
	rapport want list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -- "  $1\$" | awk "{print \$1}"
}

# standing_is OPP TEXT PATH WANT...: the want TEXT as it stands on OPP
# (rapport fit) has each PATH as its WANT (see jv_eq).
standing_is() {
	_opp=$1 _text=$2
	shift 2
	rapport --json fit "$_opp" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "$_jv_check"'
ws = [w for w in json.load(sys.stdin)["wants"] if w["text"] == sys.argv[1]]
check(ws[0] if ws else {}, sys.argv[2:])
' "$_text" "$@"
}

# qid TEXT: the id of the only question containing TEXT (rapport question list).
qid() {
	rapport question list --text "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sed -n "s/^ *\([0-9][0-9]*\)  .*/\1/p"
}

# evil: the hostile values, none of which may reach a page as markup.
evil() {
	! grep -q "<script>alert" "$1" &&
	! grep -q "<img src=x" "$1" &&
	! grep -qi "href=\"javascript:" "$1"
}

rapport want add "Remote two days a week" --weight 5 --must --category work-pattern \
	>/dev/null &&
rapport want add "Growth into leadership" --weight 3 --category growth >/dev/null &&
rapport want add "Small team" --weight 2 >/dev/null &&
rapport opp add "Acme Analytics" "Data Lead" --slug acme >/dev/null &&
rapport opp add "Orbit" "Platform Lead" --slug orbit >/dev/null &&
rapport opp add "Globex" "Analyst" --slug globex >/dev/null &&
rapport opp move globex withdrawn >/dev/null &&
rapport person add "Hiring Manager" --org "Acme Analytics" >/dev/null &&
rapport person add "a recruiter" --org "Orbit" >/dev/null &&
rapport opp link acme "Hiring Manager" --role hiring-manager >/dev/null &&
rapport want mark acme Remote met --note "two days" >/dev/null &&
rapport want mark orbit Remote unmet >/dev/null &&
rapport opp add '<script>alert(1)</script>' '"><img src=x onerror=alert(1)>' --slug evil \
	--notes '[x](javascript:alert(1)) <script>alert(1)</script>' >/dev/null || exit 1
acme_it=$(on 2026-02-26T10:00 rapport log interview "First interview" --with "Hiring Manager" \
	--opp acme | sed -n "s/^logged interview \([0-9]*\):.*/\1/p")
orbit_it=$(rapport log call "Screen" --with "a recruiter" --opp orbit >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" sed -n "s/^logged call \([0-9]*\):.*/\1/p")
manager=$(rapport person show "Hiring Manager" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sed -n "s/.*(person \([0-9]*\))$/\1/p")
test -n "$acme_it" && test -n "$orbit_it" && test -n "$manager" || exit 1

serve_start

test_expect_success 'Wants lists the wants heaviest first, with the matrix of open opportunities' '
	http GET /wants >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Wants</h1>" page &&
	grep -o "<span class=\"want-text\">[^<]*" page | sed "s/.*>//" >order &&
	printf "%s\n" "Remote two days a week" "Growth into leadership" "Small team" >expect &&
	test_cmp expect order &&
	grep -q "<span class=\"badge bad\">must-have</span>" page &&
	grep -q "weight 5 of 5 · 2 pieces of evidence" page &&
	grep -q "<a href=\"/opportunities/acme\">Acme Analytics: Data Lead</a>" page &&
	grep -q "<a href=\"/opportunities/orbit\">" page &&
	! grep -q "<a href=\"/opportunities/globex\">" page &&
	test_eq "$(matrix_row Want <page)" \
		"<script>alert(1)</script>: \"><img src=x onerror=alert(1)>record|Orbit: Platform Leadrecord|Acme Analytics: Data Leadrecord" &&
	test_eq "$(matrix_row Remote <page)" "unknown|unmet|met" &&
	test_eq "$(matrix_row Growth <page)" "unknown|unknown|unknown" &&
	test_eq "$(matrix_row Fit <page)" "? 0 of 3 known|0% deal-breaker 1 of 3 known|100% 1 of 3 known" &&
	grep -q "badge bad strong\">unmet" page
'

test_expect_success 'a GET never writes' '
	before=$(db_digest) &&
	http_status GET "/wants?opp=acme" >/dev/null && http_status GET /prep/acme >/dev/null &&
	http_status GET /opportunities/acme/debrief >/dev/null &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'add a want' '
	http POST /wants text="Short commute" weight=4 category=work-pattern must=1 >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /wants#want-$(want_id "Short commute")$" resp &&
	test_eq "$(want_line "Short commute")" "4 must work-pattern" &&
	http POST /wants text="Good tools" >resp &&
	test "$(head -1 resp)" = 303 &&
	test_eq "$(want_line "Good tools")" "3"
'

test_expect_success 'add: errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /wants text= weight=9 category=pay >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-new-text\"" resp &&
	grep -q "id=\"e-new-weight\"" resp &&
	grep -q "id=\"e-new-category\"" resp &&
	grep -q "aria-invalid=\"true\" aria-describedby=\"e-new-weight\"" resp &&
	! grep -q "id=\"e-w1-" resp &&
	http POST /wants text="remote two days a week" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-new-text\"" resp &&
	grep -q "you already have the want" resp &&
	grep -q "value=\"remote two days a week\"" resp &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'edit a want' '
	id=$(want_id "Small team") &&
	http POST /wants/$id/edit text="A small team" weight=4 category=team must=1 >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /wants#want-$id$" resp &&
	test_eq "$(want_id "A small team")" "$id" &&
	test_eq "$(want_line "A small team")" "4 must team" &&
	http POST /wants/$id/edit text="A small team" weight=4 category= >resp &&
	test "$(head -1 resp)" = 303 &&
	test_eq "$(want_line "A small team")" "4"
'

test_expect_success 'edit: errors shown in that want'"'"'s form, nothing written; 404s' '
	before=$(db_digest) &&
	http POST /wants/2/edit text= weight=0 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-w2-text\"" resp &&
	grep -q "id=\"e-w2-weight\"" resp &&
	grep -q "<details class=\"want-edit\" open>" resp &&
	! grep -q "id=\"e-new-" resp &&
	http POST /wants/2/edit text="Remote two days a week" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "you already have the want" resp &&
	test "$(http_status POST /wants/999/edit text=x)" = 404 &&
	test "$(http_status POST /wants/abc/delete)" = 404 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'remove: refused while evidence refers to it, unless forced' '
	before=$(db_digest) &&
	http POST /wants/1/delete >resp &&
	test "$(head -1 resp)" = 409 &&
	grep -q "id=\"e-w1-force\"" resp &&
	grep -q "It has 2 pieces of evidence" resp &&
	test_eq "$(db_digest)" "$before" &&
	rapport want add "Throwaway" >/dev/null &&
	id=$(want_id Throwaway) &&
	http POST /wants/$id/delete >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /wants$" resp &&
	rapport want list >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q Throwaway
'

test_expect_success 'record evidence for a want on an opportunity' '
	http GET "/wants?opp=acme&want=2" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<form method=\"post\" action=\"/opportunities/acme/wants\"" page &&
	grep -q "<option value=\"2\" selected>Growth into leadership</option>" page &&
	grep -q "<option value=\"$manager\">Hiring Manager (hiring manager)</option>" page &&
	grep -q "<option value=\"$acme_it\">2026-02-26, interview: First interview</option>" page &&
	http POST /opportunities/acme/wants want=2 status=partly by=$manager \
		interaction=$acme_it note="a lead role in a year, maybe" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /wants?opp=acme#matrix$" resp &&
	standing_is acme "Growth into leadership" status partly \
		evidence.0.by.name "Hiring Manager" evidence.0.interaction "$acme_it" \
		evidence.0.at 2026-02-26T00:00:00+00:00 evidence.0.note "a lead role in a year, maybe" &&
	http POST /opportunities/orbit/wants want="Growth" status=vague back=/opportunities/orbit \
		>resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /opportunities/orbit$" resp &&
	standing_is orbit "Growth into leadership" status vague evidence.0.at 2026-03-02T00:00:00+00:00 \
		evidence.0.by None &&
	http GET /wants >page &&
	test_eq "$(matrix_row Growth <page)" "unknown|vague|partly"
'

test_expect_success 'record: errors beside the fields, nothing written; 404 for an unknown slug' '
	before=$(db_digest) &&
	http POST /opportunities/acme/wants want= status= >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-mark-want\"" resp &&
	grep -q "id=\"e-mark-status\"" resp &&
	grep -q "<h3>Acme Analytics: Data Lead</h3>" resp &&
	http POST /opportunities/acme/wants want="no such want" status=great interaction=x \
		at=someday >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-mark-want\"" resp &&
	grep -q "id=\"e-mark-status\"" resp &&
	grep -q "id=\"e-mark-interaction\"" resp &&
	grep -q "id=\"e-mark-at\"" resp &&
	http POST /opportunities/acme/wants want=1 status=met interaction=$orbit_it >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "is about another opportunity (orbit)" resp &&
	http POST /opportunities/acme/wants want=1 status=met interaction=99999 >resp &&
	test "$(head -1 resp)" = 400 &&
	test "$(http_status POST /opportunities/nowhere/wants want=1 status=met)" = 404 &&
	test_eq "$(db_digest)" "$before" &&
	http GET "/wants?opp=nowhere" >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "id=\"e-mark-opp\"" page
'

test_expect_success 'hostile values stay text on the Wants page' '
	http POST /wants text="<script>alert(1)</script>" >resp &&
	test "$(head -1 resp)" = 303 &&
	http POST /wants text="\"><img src=x onerror=alert(1)>" >resp &&
	test "$(head -1 resp)" = 303 &&
	http GET "/wants?opp=evil" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	grep -q "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" page &&
	evil page
'

test_expect_success 'Questions: the bank, and its filters as the command line filters' '
	http GET /questions >page &&
	test "$(head -1 page)" = 200 &&
	n=$(rapport question list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -c "^ *[0-9][0-9]*  ") &&
	test "$n" -ge 85 &&
	grep -q "$n questions in the bank" page &&
	test "$(grep -c "<tr id=\"q-" page)" = "$n" &&
	for f in "stage=offer" "stage=first&audience=hr" "stage=final&audience=peer&verifies=team"; do
		args=$(echo "$f" | sed "s/\\([a-z]*\\)=/--\\1 /g; s/&/ /g") &&
		want=$(rapport question list $args >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sed -n "s/^ *\\([0-9][0-9]*\\)  .*/\\1/p") &&
		http GET "/questions?$f" >page &&
		got=$(sed -n "s/^<tr id=\"q-\\([0-9]*\\)\".*/\\1/p" page) &&
		test -n "$got" && test_eq "$got" "$want" || return 1
	done &&
	http GET "/questions?stage=offer&q=bonus" >page &&
	grep -q "signing bonus" page &&
	! grep -q "typical week" page &&
	grep -q "<option value=\"offer\" selected>offer</option>" page
'

test_expect_success 'Questions: a bad filter is said beside it' '
	http GET "/questions?stage=later&audience=ceo" >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "id=\"e-stage\"" page &&
	grep -q "id=\"e-audience\"" page &&
	! grep -q "<tr id=\"q-" page
'

test_expect_success 'Questions: add one of your own' '
	http POST /questions text="Who would I <b>work</b> with most?" stage=first stage=second \
		audience=boss audience=peer verifies=team want=3 >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport question list --text "work</b> with most" >q &&
	grep -qx "      stage first, second; ask boss, peer; verifies team; wants 3" q &&
	grep -q "^Location: /questions#q-$(qid "work</b> with most")$" resp &&
	http POST /questions text="Anything else I should know?" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport question list --text "Anything else I should" >q &&
	grep -qx "      stage any; ask any; verifies -" q &&
	http GET "/questions?stage=first&verifies=team" >page &&
	grep -q "Who would I &lt;b&gt;work&lt;/b&gt; with most?" page
'

test_expect_success 'Questions: add errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /questions text= stage=later audience=boss want=999 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-text\"" resp &&
	grep -q "id=\"e-stage\"" resp &&
	grep -q "id=\"e-want\"" resp &&
	grep -q "<input type=\"checkbox\" name=\"audience\" value=\"boss\" checked>" resp &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'Questions: remove one, back to the filtered list; 404s' '
	id=$(qid "Anything else I should") &&
	http POST /questions/$id/delete back="/questions?stage=offer" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /questions?stage=offer$" resp &&
	rapport question list --text "Anything else I should" >"$TEST_DIR/.rp" && test ! -s "$TEST_DIR/.rp" &&
	test "$(http_status POST /questions/$id/delete)" = 404 &&
	test "$(http_status POST /questions/abc/delete)" = 404
'

test_expect_success 'Prep: the sheet of rapport prep, in the frame, with its questions' '
	rapport prep acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -o "\[q[0-9]*\]" >sheet &&
	test -s sheet &&
	http GET /prep/acme >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<title>Prep: Data Lead · rapport</title>" page &&
	grep -q "<h1>Prep: Data Lead at Acme Analytics</h1>" page &&
	grep -q "print this page" page &&
	grep -o "\[q[0-9]*\]" page >shown &&
	test_cmp sheet shown &&
	grep -q "<h3>Hiring Manager</h3>" page &&
	http GET "/prep/acme?stage=offer" >page &&
	grep -q "This conversation: offer" page &&
	grep -q "<option value=\"offer\" selected>offer</option>" page
'

test_expect_success 'Prep: hostile values stay text; bad choices and unknown slugs' '
	http GET /prep/evil >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	evil page &&
	http GET "/prep/acme?stage=later" >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "id=\"e-stage\"" page &&
	http GET "/prep/acme?with=nobody" >page &&
	test "$(head -1 page)" = 400 &&
	grep -q "id=\"e-with\"" page &&
	http GET /prep/nowhere >page &&
	test "$(head -1 page)" = 404 &&
	grep -q "<h1>Not found</h1>" page
'

test_expect_success 'Debrief: what was asked and answered, what to refine' '
	http GET /opportunities/acme/debrief >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "No debrief yet" page &&
	rapport debrief acme --asked "What would a typical week look like?" \
		--answer "Mostly <b>planning</b>" --mark "Small team=met" \
		--well "the case study" --refine "shorter answers about the budget" \
		--notes "Follow up on [the deck](javascript:alert(1)) *soon*" --chemistry 4 \
		>/dev/null &&
	http GET /opportunities/acme/debrief >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "What would a typical week look like?" page &&
	grep -q "<a href=\"/people/$manager\">Hiring Manager</a>: Mostly &lt;b&gt;planning&lt;/b&gt;" page &&
	grep -q "A small team" page &&
	grep -q "<span class=\"badge good\">met</span>" page &&
	grep -q "<h2 id=\"h-refine\">What to refine</h2>" page &&
	grep -q "shorter answers about the budget" page &&
	grep -q "<dt>Chemistry</dt><dd>4 of 5</dd>" page &&
	grep -q "<em>soon</em>" page &&
	grep -q "First interview" page &&
	evil page
'

test_expect_success 'Debrief: hostile values stay text; 404 for an unknown slug' '
	rapport debrief evil --asked "<script>alert(1)</script>" \
		--answer "\"><img src=x onerror=alert(1)>" --refine "<script>alert(1)</script>" \
		--interaction none >/dev/null &&
	http GET /opportunities/evil/debrief >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	evil page &&
	test "$(http_status GET /opportunities/nowhere/debrief)" = 404
'

serve_stop
test_done
