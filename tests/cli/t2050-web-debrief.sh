#!/bin/sh
# The web UI's debrief form (/opportunities/SLUG/debrief): the conversation
# (the latest interview unless chosen), the prep sheet's questions with their
# answers, your own questions, the wants an answer settles, what went well,
# what to refine, the chemistry. A POST saves what 'rapport debrief' saves;
# an error comes back beside its field with nothing written. One debrief on
# its own page (/debriefs/ID), listed on the opportunity page.
. "$(dirname "$0")/test-lib.sh"

# row_of TEXT: the number N of the form row (id="row-N") whose legend is TEXT, on stdin.
row_of() {
	python3 -c '
import html, re, sys
page = sys.stdin.read()
for n, legend in re.findall(r"<fieldset class=\"asked-row\" id=\"row-(\d+)\"><legend>(.*?)</legend>", page):
    if html.unescape(legend) == sys.argv[1]:
        print(n); break
' "$1"
}

# first_bank_row: the number and question id of the form's first prep question, on stdin.
first_bank_row() {
	grep -o 'name="bank-[0-9]*" value="[0-9]*"' | head -1 |
		sed 's/name="bank-\([0-9]*\)" value="\([0-9]*\)"/\1 \2/'
}

export RAPPORT_NOW=2026-03-02T09:00
rapport opp add Acme "Data Lead" --slug acme >/dev/null &&
rapport opp add Globex "Analyst" --slug globex >/dev/null &&
rapport person add "Hiring Manager" --org Acme >/dev/null &&
rapport person add "Peer Engineer" --org Acme >/dev/null &&
rapport opp link acme "Hiring Manager" --role hiring-manager >/dev/null &&
rapport want add "Remote work" --weight 4 --category work-pattern >/dev/null &&
rapport want add "A small team" --weight 2 >/dev/null &&
on 2026-02-20T10:00 rapport log email "Screen invitation" --with "Hiring Manager" --opp acme >/dev/null &&
on 2026-02-25T14:00 rapport log interview "Panel interview" --with "Hiring Manager" \
	--opp acme >/dev/null &&
on 2026-02-26T11:00 rapport log call "Globex screen" --opp globex >/dev/null || exit 1
panel=$(rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
d = json.load(sys.stdin)
print([i["id"] for i in d["interactions"] if i["summary"] == "Panel interview"][0])') || exit 1
globex_call=$(rapport --json log note "x" --opp globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
remote=$(rapport --json want list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
print([w["id"] for w in json.load(sys.stdin) if w["text"] == "Remote work"][0])') &&
peer=$(rapport --json person show "Peer Engineer" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) || exit 1
# the debrief the form saves (test 2), for the tests after it
saved() {
	rapport --json debrief list acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id
}

serve_start

test_expect_success 'the form: the latest interview chosen, the prep questions as rows' '
	http GET /opportunities/acme/debrief >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<form method=\"post\" action=\"/opportunities/acme/debrief\"" page &&
	grep -q "<label for=\"f-interaction\">The conversation</label>" page &&
	grep -q "<option value=\"$panel\" selected>2026-02-25 14:00, interview: Panel interview</option>" page &&
	grep -q "2026-02-20 10:00, email: Screen invitation" page &&
	grep -q "<option value=\"none\">" page &&
	grep -q "<label for=\"f-by\">Who answered</label>" page &&
	grep -q "name=\"bank-1\"" page &&
	grep -q "<label for=\"f-answer-1\">" page &&
	grep -q "<label for=\"f-want-1\">It settles the want</label>" page &&
	grep -q "<label for=\"f-status-1\">How it stands</label>" page &&
	grep -q "Your own question" page &&
	grep -q "<label for=\"f-chemistry\">" page &&
	grep -q "<label for=\"f-well\">What went well</label>" page &&
	grep -q "<label for=\"f-refine\">What to refine next time</label>" page &&
	grep -q "No debrief yet." page
'

test_expect_success 'POST saves what the command line saves, with the want settled' '
	set -- $(first_bank_row <page) && row=$1 qid=$2 &&
	own=$(grep -o "id=\"f-q-[0-9]*\"" page | head -1 | sed "s/[^0-9]//g") &&
	http POST /opportunities/acme/debrief interaction=$panel \
		bank-$row=$qid answer-$row="two days a month in the office" want-$row=$remote status-$row=met \
		q-$own="How is success measured?" answer-$own="by the roadmap" \
		well="the case study" refine="shorter answers" chemistry=4 notes="*soon*" >resp &&
	test "$(head -1 resp)" = 303 &&
	id=$(rapport --json debrief list acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	grep -q "^Location: /debriefs/$id?saved=1$" resp &&
	rapport --json debrief show $id >d &&
	jv_eq interaction.id $panel chemistry 4 went_well "the case study" refine "shorter answers" \
		notes "*soon*" asked.# 2 asked.0.question_id $qid \
		asked.0.answer "two days a month in the office" asked.0.by.name "Hiring Manager" \
		asked.0.mark.want.text "Remote work" asked.0.mark.status met \
		asked.1.text "How is success measured?" asked.1.answer "by the roadmap" <d &&
	rapport --json fit acme >fit &&
	grep -q "two days a month in the office" fit &&
	rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "\"chemistry\": 4"
'

test_expect_success 'the debrief on its own page, and listed on the opportunity' '
	id=$(saved) &&
	http GET "/debriefs/$id?saved=1" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "Debrief saved." page &&
	grep -q "How is success measured?" page &&
	grep -q "<span class=\"badge good\">met</span>" page &&
	grep -q "<dt>Chemistry</dt><dd>4 of 5</dd>" page &&
	grep -q "<em>soon</em>" page &&
	http GET /opportunities/acme >page &&
	grep -q "<a href=\"/debriefs/$id\">" page &&
	grep -q "2 questions asked, chemistry 4 of 5" page &&
	grep -q "href=\"/opportunities/acme/debrief#record\">Record a debrief</a>" page &&
	test "$(http_status GET /debriefs/999)" = 404 &&
	test "$(http_status GET /debriefs/abc)" = 404
'

test_expect_success 'errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /opportunities/acme/debrief answer-9="an answer to nothing" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-q-9\"" resp &&
	grep -q "Write the question this answers." resp &&
	grep -q "an answer to nothing" resp &&
	http POST /opportunities/acme/debrief q-9="Who decides?" want-9=$remote >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-status-9\"" resp &&
	http POST /opportunities/acme/debrief q-9="Who decides?" status-9=met >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-want-9\"" resp &&
	http POST /opportunities/acme/debrief q-9="Who decides?" want-9=999 status-9=met >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-want-9\"" resp &&
	http POST /opportunities/acme/debrief interaction=$globex_call well=x >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-interaction\"" resp &&
	grep -q "is about another opportunity (globex)" resp &&
	http POST /opportunities/acme/debrief chemistry=9 well=x >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-chemistry\"" resp &&
	http POST /opportunities/acme/debrief interaction=none >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "nothing to record" resp &&
	test "$(http_status POST /opportunities/nowhere/debrief well=x)" = 404 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'not about a conversation: the time is now; who answered as chosen' '
	http POST /opportunities/acme/debrief interaction=none by=$peer q-5="Why is the role open?" \
		answer-5="growth" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json debrief list acme >l &&
	jv_eq 1.interaction None 1.at 2026-03-02T09:00:00+00:00 1.asked.0.by.name "Peer Engineer" <l
'

test_expect_success 'hostile values stay text' '
	http POST /opportunities/acme/debrief interaction=none \
		q-4="<script>alert(1)</script>" answer-4="\"><img src=x onerror=alert(1)>" >resp &&
	test "$(head -1 resp)" = 303 &&
	http GET /opportunities/acme/debrief >page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	! grep -q "<script>alert" page &&
	! grep -q "<img src=x" page
'

serve_stop
test_done
