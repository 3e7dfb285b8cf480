#!/bin/sh
# The web UI's feedback and improvement actions: "Feedback received" on the
# opportunity and person pages, /improve with its actions, the form to add
# one and its Done button. Each POST saves what 'rapport feedback add' and
# 'rapport improve add' save; Done on an action that follows feedback makes
# the progress update 'rapport task done' makes, and says so with a link to
# its draft. Errors are shown beside the fields with nothing written.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-02T09:00
rapport opp add Acme "Data Lead" --slug acme >/dev/null &&
rapport person add "Agency Recruiter" --org Acme >/dev/null &&
rapport person add "Loner" >/dev/null &&
rapport opp link acme "Agency Recruiter" --role recruiter >/dev/null || exit 1
recruiter=$(rapport --json person show "Agency Recruiter" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
loner=$(rapport --json person show Loner >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) || exit 1

serve_start

test_expect_success 'the opportunity and person pages carry the feedback form' '
	http GET /opportunities/acme >page &&
	grep -q "<h2 id=\"h-feedback\">Feedback received</h2>" page &&
	grep -q "<form method=\"post\" action=\"/feedback\"" page &&
	grep -q "<label for=\"f-from\">From whom</label>" page &&
	grep -q "<option value=\"$recruiter\">Agency Recruiter</option>" page &&
	grep -q "<label for=\"f-text\">What they told you</label>" page &&
	http GET /people/$recruiter >page &&
	grep -q "<label for=\"f-opp\">About the opportunity</label>" page &&
	grep -q "<option value=\"acme\">Acme — Data Lead</option>" page &&
	http GET /people/$loner >page &&
	grep -q "link the person to one first" page &&
	http GET / >page &&
	grep -q "<a href=\"/improve\">Improvement actions</a>" page
'

test_expect_success 'feedback: saved as the command line saves it' '
	http POST /feedback opp=acme from=$recruiter text="Read up on stakeholder management" \
		back="/opportunities/acme#feedback" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /opportunities/acme#feedback$" resp &&
	rapport --json feedback list acme >f &&
	jv_eq "#" 1 0.text "Read up on stakeholder management" 0.person.name "Agency Recruiter" \
		0.at 2026-03-02T09:00:00+00:00 <f &&
	http GET /opportunities/acme >page &&
	grep -q "Read up on stakeholder management" page &&
	grep -q "<a href=\"/improve?feedback=1#add\">Act on it</a>" page
'

test_expect_success 'feedback: errors beside the fields, nothing written' '
	before=$(db_digest) &&
	http POST /feedback opp=acme from=$recruiter text= >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-text\"" resp &&
	http POST /feedback opp=nowhere from=Nobody text=x >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-opp\"" resp &&
	grep -q "id=\"e-from\"" resp &&
	grep -q "value=\"Nobody\"" resp &&
	http POST /feedback opp=acme text=x >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "Who gave it?" resp &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success '/improve: the action form, the feedback to follow' '
	http GET "/improve?feedback=1" >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Improvement actions</h1>" page &&
	grep -q "<label for=\"f-title\">What you will do</label>" page &&
	grep -q "<option value=\"1\" selected>1 · 2026-03-02 · Agency Recruiter: Read up on stakeholder management</option>" page &&
	grep -q "<label for=\"f-due\">" page
'

test_expect_success 'an action: saved as improve add saves it; errors write nothing' '
	before=$(db_digest) &&
	http POST /improve title= from_feedback=1 due=someday >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-title\"" resp &&
	grep -q "id=\"e-due\"" resp &&
	http POST /improve title="Read a book" from_feedback=99 >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "no feedback 99" resp &&
	test_eq "$(db_digest)" "$before" &&
	http POST /improve title="Read The Stakeholder Book" from_feedback=1 due=2026-03-06 >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json improve list >l &&
	id=$(jv 0.id <l) &&
	grep -q "^Location: /improve#action-$id$" resp &&
	jv_eq 0.title "Read The Stakeholder Book" 0.kind learn 0.due 2026-03-06 \
		0.person.name "Agency Recruiter" 0.origin improve <l &&
	http POST /improve title="Practise a talk" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport --json improve list >l &&
	jv_eq 1.title "Practise a talk" 1.due 2026-03-09 1.person None <l
'

test_expect_success 'Done: the progress update the command line proposes, with its draft' '
	id=$(rapport --json improve list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	http POST /improve/$id/done >resp &&
	test "$(head -1 resp)" = 303 &&
	loc=$(sed -n "s/^Location: //p" resp | tr -d "\r") &&
	case $loc in /improve?done=$id\&update=*) ;; *) false ;; esac &&
	update=${loc##*update=} &&
	rapport --json task list >t &&
	python3 -c "
import json, sys
t = [x for x in json.load(open(\"t\")) if x[\"id\"] == $update][0]
sys.exit(0 if t[\"origin\"] == \"progress-update\" and t[\"person\"][\"name\"] == \"Agency Recruiter\" else 1)
" &&
	http GET "$loc" >page &&
	grep -q "rapport proposes a progress update to them" page &&
	grep -q "<a href=\"/tasks/$update/draft\">Its draft</a>" page
'

test_expect_success 'Done on an action without feedback: no update; 404 for none' '
	id=$(rapport --json improve list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	http POST /improve/$id/done >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /improve?done=$id$" resp &&
	test "$(http_status POST /improve/999/done)" = 404
'

test_expect_success 'hostile values stay text' '
	http POST /feedback opp=acme from=$recruiter text="<script>alert(1)</script>" >resp &&
	test "$(head -1 resp)" = 303 &&
	http GET /improve >page &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" page &&
	! grep -q "<script>alert" page
'

serve_stop
test_done
