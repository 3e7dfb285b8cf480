#!/bin/sh
# The web UI's drafts: a follow-up's letter to copy, download as an .eml
# file or open as a mailto: link, as 'rapport draft' makes it; adding a
# follow-up with POST /tasks, and its errors.
. "$(dirname "$0")/test-lib.sh"

XSS='<script>alert(1)</script>'

rapport config name "Job Seeker" >/dev/null
rapport config email seeker@example.org >/dev/null
rapport opp add Acme "Data Engineer" --slug job >/dev/null
rapport person add "Hiring Manager" --org Acme --email hm@acme.example --rapport 4 >/dev/null
rapport person add "a recruiter" --org Acme >/dev/null
rapport person add "$XSS" --org Acme --email x@acme.example >/dev/null
rapport opp link job "Hiring Manager" --role hiring-manager >/dev/null
rapport log interview "Panel interview" --with "Hiring Manager" --with "a recruiter" \
	--with 3 --opp job >/dev/null
rapport task add "Call the office" --with "a recruiter" >/dev/null

thanks=$(task_id "Thank-you note to Hiring Manager")
nomail=$(task_id "Thank-you note to a recruiter")
hostile=$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
print([t["id"] for t in json.load(sys.stdin) if t["person"] and t["person"]["id"] == 3][0])')
plain=$(task_id "Call the office")

serve_start

# html TEXT: TEXT escaped as the pages escape it (& < > " ').
html() {
	python3 -c 'import html, sys; print(html.escape(sys.argv[1]), end="")' "$1"
}

test_expect_success 'the thank-you task made by logging the interview has a draft' '
	test -n "$thanks" && test -n "$nomail" && test -n "$hostile" && test -n "$plain" &&
	test "$(task_field "Thank-you note to Hiring Manager" template)" = thank-you
'

test_expect_success 'the draft page shows the letter to copy, as rapport draft makes it' '
	http GET /tasks/$thanks/draft >page &&
	test "$(head -1 page)" = 200 &&
	rapport --json draft $thanks >draft.json &&
	subject=$(jv subject <draft.json) &&
	test -n "$subject" &&
	has page "<h1>Thank-you note to Hiring Manager</h1>" \
		"Hiring Manager &lt;hm@acme.example&gt;" "Job Seeker &lt;seeker@example.org&gt;" \
		"<p class=\"subject\" id=\"draft-subject\">$(html "$subject")</p>" \
		"data-copy=\"draft-subject\"" "<pre class=\"letter\" id=\"draft-body\"" \
		"data-copy=\"draft-body\"" "Hello Hiring," \
		"href=\"/tasks/$thanks/draft.eml\"" "action=\"/tasks/$thanks/done\"" \
		"action=\"/tasks/$thanks/skip\"" &&
	python3 - page draft.json <<-\EOF
	import html, json, re, sys
	page = open(sys.argv[1], encoding="utf-8").read()
	d = json.load(open(sys.argv[2]))
	body = re.search(r"<pre class=\"letter\" id=\"draft-body\"[^>]*>(.*?)</pre>", page, re.S)
	assert html.unescape(body.group(1)) == d["body"], "the body differs from rapport draft"
	EOF
'

test_expect_success 'the page has the same mailto: link as draft --mailto' '
	mailto=$(rapport --json draft $thanks --mailto >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mailto) &&
	case $mailto in mailto:hm@acme.example\?subject=*) ;; *) false ;; esac &&
	has page "href=\"$(html "$mailto")\""
'

test_expect_success 'the .eml download is a message with the right To and Subject' '
	http GET /tasks/$thanks/draft.eml >eml &&
	test "$(head -1 eml)" = 200 &&
	grep -q "^Content-Type: message/rfc822" eml &&
	grep -q "^Content-Disposition: attachment; filename=\"task-$thanks.eml\"" eml &&
	python3 - eml draft.json <<-\EOF
	import email, email.policy, json, sys
	raw = open(sys.argv[1], "rb").read()
	msg = email.message_from_bytes(raw.split(b"\n\n", 1)[1], policy=email.policy.default)
	d = json.load(open(sys.argv[2]))
	assert msg["To"].addresses[0].addr_spec == "hm@acme.example", msg["To"]
	assert msg["To"].addresses[0].display_name == "Hiring Manager", msg["To"]
	assert msg["From"].addresses[0].addr_spec == "seeker@example.org", msg["From"]
	assert str(msg["Subject"]) == d["subject"], msg["Subject"]
	assert msg["Date"] and msg["Message-ID"]
	text = msg.get_content().replace("\r\n", "\n")
	assert text.strip() == d["body"].strip(), text
	EOF
'

test_expect_success 'a letter to someone without an address says so and still drafts' '
	http GET /tasks/$nomail/draft >page && test "$(head -1 page)" = 200 &&
	has page "no e-mail address" "href=\"/people/2/edit\"" "Hello a," \
		"href=\"mailto:?subject=" &&
	http GET /tasks/$nomail/draft.eml >eml && test "$(head -1 eml)" = 200 &&
	! grep -q "^To:" eml
'

test_expect_success 'a hostile name is text in the page, the link and the file' '
	http GET /tasks/$hostile/draft >page && test "$(head -1 page)" = 200 &&
	has page "&lt;script&gt;alert(1)&lt;/script&gt;" &&
	! grep -qF "$XSS" page &&
	grep -q "href=\"mailto:x@acme.example?subject=[^\"<>]*\"" page &&
	http GET /tasks/$hostile/draft.eml >eml && test "$(head -1 eml)" = 200 &&
	python3 - eml "$XSS" <<-\EOF
	import email, email.policy, sys
	raw = open(sys.argv[1], "rb").read().split(b"\n\n", 1)[1]
	msg = email.message_from_bytes(raw, policy=email.policy.default)
	assert msg["To"].addresses[0].display_name == sys.argv[2], msg["To"]
	assert msg["To"].addresses[0].addr_spec == "x@acme.example", msg["To"]
	assert len(msg.get_all("To")) == 1
	EOF
'

test_expect_success 'a task without a letter says so; its .eml is a 404' '
	http GET /tasks/$plain/draft >page && test "$(head -1 page)" = 200 &&
	has page "<h1>Call the office</h1>" "has no letter to draft" \
		"action=\"/tasks/$plain/done\"" &&
	! grep -q "draft-body" page &&
	test "$(http_status GET /tasks/$plain/draft.eml)" = 404
'

test_expect_success 'a broken template is reported on the page, not as a server error' '
	mkdir -p "$XDG_CONFIG_HOME/rapport/templates" &&
	printf "Hello {first}, no subject line here\n" \
		>"$XDG_CONFIG_HOME/rapport/templates/broken.txt" &&
	rapport task add "Broken letter" --template broken --with 2 >/dev/null &&
	broken=$(task_id "Broken letter") &&
	http GET /tasks/$broken/draft >page && test "$(head -1 page)" = 200 &&
	has page "The letter cannot be drafted" "broken.txt" &&
	! grep -q "draft-body" page &&
	test "$(http_status GET /tasks/$broken/draft.eml)" = 400
'

test_expect_success 'unknown tasks get 404' '
	test "$(http_status GET /tasks/9999/draft)" = 404 &&
	test "$(http_status GET /tasks/abc/draft)" = 404 &&
	test "$(http_status GET /tasks/9999/draft.eml)" = 404 &&
	test "$(http_status GET /tasks/0/draft.eml)" = 404
'

test_expect_success 'a GET never changes data' '
	before=$(db_digest) &&
	http_status GET /tasks/$thanks/draft >/dev/null &&
	http_status GET /tasks/$thanks/draft.eml >/dev/null &&
	http_status GET /tasks/$plain/draft >/dev/null &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'Done on the draft page closes the task and goes back' '
	http POST /tasks/$thanks/done back=/ >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /$" resp &&
	task_is "Thank-you note to Hiring Manager" status done &&
	http GET /tasks/$thanks/draft >page && test "$(head -1 page)" = 200 &&
	has page "done" && ! grep -q "action=\"/tasks/$thanks/done\"" page
'

test_expect_success 'POST /tasks adds a follow-up as task add does, then goes back' '
	http POST /tasks title="Send the portfolio" due=2026-03-05 kind=email with=2 opp=job \
		template=progress-update back=/people/2 >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /people/2$" resp &&
	task_is "Send the portfolio" due 2026-03-05 kind email person "a recruiter" \
		opportunity job template progress-update origin manual status open &&
	http POST /tasks title="Read the annual report" with="Hiring" >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /$" resp &&
	task_is "Read the annual report" due 2026-03-02 kind other person "Hiring Manager" \
		template None
'

test_expect_success 'a back address elsewhere is not followed' '
	http POST /tasks title="Stay put" back=//evil.example >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /$" resp &&
	http POST /tasks title="Stay put too" back=https://evil.example/ >resp &&
	grep -q "^Location: /$" resp
'

test_expect_success 'a wrong follow-up comes back with each error beside its field' '
	before=$(db_digest) &&
	http POST /tasks title= due=someday kind=fax with=nobody opp=no-such-job \
		template=../../etc/passwd back=/people/2 >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "<h1>Add a follow-up</h1>" "id=\"e-title\"" "id=\"e-due\"" "id=\"e-kind\"" \
		"id=\"e-with\"" "id=\"e-opp\"" "id=\"e-template\"" "value=\"someday\"" \
		"name=\"back\" value=\"/people/2\"" &&
	test "$(db_digest)" = "$before" &&
	http POST /tasks title="$XSS" with=Acme >resp &&
	test "$(head -1 resp)" = 400 &&
	has resp "id=\"e-with\"" "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"" &&
	! grep -qF "$XSS" resp &&
	test "$(db_digest)" = "$before"
'

test_done
