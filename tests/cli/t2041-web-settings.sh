#!/bin/sh
# The web UI's Settings: your name, e-mail address and signature; the level
# ladder; your playbooks.ini, checked as 'rapport playbook check' checks it
# before it replaces the file, then in force at once; the letter templates;
# and the export, the same document as 'rapport export'.
. "$(dirname "$0")/test-lib.sh"

PB=$XDG_CONFIG_HOME/rapport/playbooks.ini

# config KEY: the setting as 'rapport config' shows it (None when unset).
config() {
	rapport --json config >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv "$1"
}

# body: the body of the response on stdin (after the headers).
body() {
	sed '1,/^\r*$/d'
}

rapport opp add Northwind "Data Lead" --slug nw --stage interviewing >/dev/null &&
rapport person add "Hiring Manager" --org Northwind >/dev/null || exit 1

serve_start

test_expect_success 'Settings shows your details, the ladder and the export, each field labelled' '
	before=$(db_digest) &&
	http GET /settings >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Settings</h1>" page &&
	grep -q "aria-current=\"page\">Settings</a>" page &&
	grep -q "<label for=\"f-name\">Your name</label><input type=\"text\" id=\"f-name\" name=\"name\">" page &&
	grep -q "<label for=\"f-email\">Your e-mail address</label><input type=\"email\"" page &&
	grep -q "<label for=\"f-signature\">" page &&
	grep -q "The letters rapport drafts for you carry your name" page &&
	! grep -q "{me}" page &&
	grep -q "In use: the default ladder." page &&
	grep -q "<li>senior</li>" page &&
	grep -q "name=\"levels\" value=\"coordinator | assistant | junior &lt; specialist" page &&
	grep -q "<a class=\"button\" href=\"/export.json\" download>" page &&
	! grep -q "style=" page &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'saving your name, address and a signature of several lines' '
	http POST /settings name="A Job Seeker" email=seeker@example.org \
		signature="$(printf "Best regards,\r\nA Job Seeker\r\n")" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /settings?saved=you#you" resp &&
	test "$(config name)" = "A Job Seeker" &&
	test "$(config email)" = seeker@example.org &&
	test "$(config signature)" = "$(printf "Best regards,\nA Job Seeker")" &&
	http GET "/settings?saved=you" >page &&
	grep -q "<p class=\"notice\" role=\"status\">Saved.</p>" page &&
	grep -q "name=\"name\" value=\"A Job Seeker\"" page &&
	grep -q "name=\"email\" value=\"seeker@example.org\"" page
'

test_expect_success 'a bad address or a name of two lines: errors beside the fields, nothing saved' '
	before=$(db_digest) &&
	http POST /settings name="$(printf "Two\nlines")" email=not-an-address signature=Bye >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "<div class=\"field has-error\"><label for=\"f-email\">" resp &&
	grep -q "<p class=\"error-text\" id=\"e-email\">&#39;not-an-address&#39; is not an e-mail address</p>" resp &&
	grep -q "<div class=\"field has-error\"><label for=\"f-name\">" resp &&
	grep -q "id=\"e-name\">" resp &&
	grep -q "value=\"not-an-address\"" resp &&
	grep -q "<div class=\"form-errors\" role=\"alert\">" resp &&
	test "$(db_digest)" = "$before" &&
	test "$(config signature)" = "$(printf "Best regards,\nA Job Seeker")"
'

test_expect_success 'an empty field removes the setting; a hostile name is shown inert' '
	http POST /settings name="<script>alert(1)</script>" email= \
		signature="\"><img src=x onerror=alert(1)>" >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(config email)" = None &&
	test "$(config name)" = "<script>alert(1)</script>" &&
	http GET /settings >page &&
	grep -q "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"" page &&
	grep -q "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>" page &&
	! grep -q "<script>alert" page &&
	! grep -q "<img src=x" page
'

test_expect_success 'the level ladder: saved as it reads back; a bad one is refused beside the field' '
	http POST /settings/levels levels="junior <senior|sr<  lead" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /settings?saved=levels#levels" resp &&
	test "$(rapport config levels)" = "junior < senior | sr < lead" &&
	http GET /settings >page &&
	grep -q "In use: yours." page &&
	grep -q "<li>senior <span class=\"muted\">|</span> sr</li>" page &&
	before=$(db_digest) &&
	http POST /settings/levels levels="junior < senior < lead < senior" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "<p class=\"error-text\" id=\"e-levels\">levels: &#39;senior&#39; is on rungs 2 and 4</p>" resp &&
	! grep -q "form-errors" resp &&
	test "$(db_digest)" = "$before" &&
	http POST /settings/levels levels= >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(config levels)" = None &&
	http GET /settings >page &&
	grep -q "In use: the default ladder." page
'

test_expect_success 'Playbooks lists the rules in force and an empty editor for your file' '
	http GET /settings/playbooks >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<code>$PB</code>" page &&
	grep -q "<label for=\"f-text\">playbooks.ini</label><textarea rows=\"18\" id=\"f-text\" name=\"text\">$" page &&
	grep -q "<tr id=\"rule-thank-you\"><th scope=\"row\"><code>thank-you</code></th><td>After an interview" page &&
	grep -q "When an interaction is logged: interview; does: email task for participants, due +1 days." page &&
	grep -q "href=\"/settings/templates#t-thank-you\">thank-you</a>" page &&
	grep -q "<pre class=\"file\"># rapport&#39;s built-in playbooks." page &&
	test ! -e "$PB"
'

test_expect_success 'with the built-in rules, an interview logged on Today makes a thank-you' '
	http POST /log kind=interview summary="First interview" with="Hiring Manager" opp=nw \
		>resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(ntasks thank-you)" = 1
'

test_expect_success 'a broken playbooks file: its line-numbered error beside the text, no file' '
	before=$(db_digest) &&
	http POST /settings/playbooks text="$(printf "# mine\r\n[thank-you]\r\ncolour = blue")" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "<div class=\"field has-error\"><label for=\"f-text\">" resp &&
	grep -q "<p class=\"error-text\" id=\"e-text\">line 3: unknown key &#39;colour&#39;" resp &&
	grep -q "^colour = blue</textarea>" resp &&
	test ! -e "$PB" &&
	test -z "$(ls -A "$XDG_CONFIG_HOME/rapport")" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'a valid file is saved and in force at once: no thank-you after an interview' '
	http POST /settings/playbooks \
		text="$(printf "# no thank-you notes\r\n[thank-you]\r\nenabled = no\r\n")" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /settings/playbooks?saved=playbooks" resp &&
	printf "# no thank-you notes\n[thank-you]\nenabled = no\n" >want &&
	test_cmp want "$PB" &&
	rapport playbook check "$PB" >/dev/null &&
	http GET "/settings/playbooks?saved=playbooks" >page &&
	grep -q "<p class=\"notice\" role=\"status\">Saved and in use.</p>" page &&
	grep -q "<tr id=\"rule-thank-you\" class=\"off\"><th scope=\"row\"><code>thank-you</code> <span class=\"badge warn\">off</span>" page &&
	grep -q "^\[thank-you\]$" page &&
	http POST /log kind=interview summary="Second interview" with="Hiring Manager" opp=nw \
		>resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(ntasks thank-you)" = 1
'

test_expect_success 'a broken file over a good one: the error, the good one unchanged and in force' '
	cp "$PB" saved &&
	http POST /settings/playbooks text="$(printf "[thank-you]\nenabled = no\n\n[silence]\nenabled = perhaps\n")" >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "id=\"e-text\">line 5: &#39;enabled&#39; must be yes or no, not &#39;perhaps&#39;" resp &&
	test_cmp saved "$PB" &&
	test "$(ls -A "$XDG_CONFIG_HOME/rapport")" = playbooks.ini &&
	http POST /log kind=interview summary="Third interview" with="Hiring Manager" opp=nw \
		>/dev/null &&
	test "$(ntasks thank-you)" = 1 &&
	test "$(http_status --no-csrf POST /settings/playbooks text=)" = 403 &&
	test_cmp saved "$PB"
'

test_expect_success 'saving an empty file removes it: the built-in rules alone again' '
	http POST /settings/playbooks text= >resp &&
	test "$(head -1 resp)" = 303 &&
	test ! -e "$PB" &&
	http POST /log kind=interview summary="Fourth interview" with="Hiring Manager" opp=nw \
		>/dev/null &&
	test "$(ntasks thank-you)" = 2
'

test_expect_success 'the letter templates: built-in and yours, each shown, escaped' '
	mkdir -p "$XDG_CONFIG_HOME/rapport/templates" &&
	printf "Subject: <script>alert(1)</script>\n\nHello {first},\n" \
		>"$XDG_CONFIG_HOME/rapport/templates/mine.txt" &&
	before=$(db_digest) &&
	http GET /settings/templates >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<tr><td><a href=\"#t-thank-you\">thank-you</a></td><td>built-in</td></tr>" page &&
	grep -q "<tr><td><a href=\"#t-mine\">mine</a></td><td>yours: <code>" page &&
	grep -q "<section class=\"card template\" id=\"t-thank-you\">" page &&
	grep -q "<pre class=\"file\">Subject: &lt;script&gt;alert(1)&lt;/script&gt;" page &&
	grep -q "^Hello {first},$" page &&
	! grep -q "<script>alert" page &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'export.json downloads the same JSON as rapport export' '
	http GET /export.json >resp &&
	test "$(head -1 resp)" = 200 &&
	grep -q "^Content-Type: application/json" resp &&
	grep -q "^Content-Disposition: attachment; filename=\"rapport-export.json\"" resp &&
	body <resp >got.json &&
	rapport export >want.json &&
	test_cmp want.json got.json &&
	python3 -c "
import json, sys
d = json.load(open(\"got.json\"))
assert d[\"format\"] == \"rapport\", d[\"format\"]
names = {r[\"key\"]: r[\"value\"] for r in d[\"tables\"][\"setting\"]}
assert names[\"name\"] == \"<script>alert(1)</script>\", names
assert len(d[\"tables\"][\"interaction\"]) == 4
"
'

test_expect_success 'the settings pages never write' '
	before=$(db_digest) &&
	for p in /settings /settings/playbooks /settings/templates /export.json; do
		test "$(http_status GET $p)" = 200 || exit 1
	done &&
	test "$(db_digest)" = "$before"
'

serve_stop
stopped=$?
test_expect_success 'the server stopped cleanly (under ASan: no leak)' 'test $stopped = 0'

test_done
