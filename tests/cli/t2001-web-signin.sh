#!/bin/sh
# The web server is its user's alone: sign-in with the printed key or a
# password, 401 for everything else, checks made before a body is read, no
# secret to a foreign Host, escaped request logs, no way off-site.
. "$(dirname "$0")/test-lib.sh"

export XDG_RUNTIME_DIR="$TEST_DIR/run"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
rapport opp add "Acme" "Data Lead" --slug lead >/dev/null
rapport person add "Hiring Manager" --org Acme --email hm@example.org >/dev/null
rapport task add "Thank the hiring manager" --due today --kind email --with Hiring >/dev/null
serve_start --verbose

# rss: the server's resident memory in kB.
rss() {
	sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$serve_pid/status"
}

test_expect_success 'without a session every page, download and unknown address answers 401 with the sign-in page' '
	for p in / /pipeline /people /people/1 /orgs /opportunities/lead /search?q=acme \
		/export.json /export/csv/people.csv /export/vcard.vcf /export/calendar.ics \
		/settings /settings/import /tasks/1/draft /tasks/1/draft.eml /prep/lead /insights \
		/no/such/page /static/a/b; do
		http --no-cookie GET "$p" >resp &&
		test "$(head -1 resp)" = 401 &&
		grep -q "<h1>Sign in</h1>" resp &&
		! grep -q "Hiring Manager\|hm@example.org\|Acme" resp &&
		! grep -q "^Set-Cookie" resp || { echo "$p"; return 1; }
	done
'

test_expect_success 'the sign-in page carries no secret: no CSRF token, no key' '
	http --no-cookie GET / >resp &&
	grep -q "<meta name=\"csrf\" content=\"\">" resp &&
	! grep -q "$WEB_KEY" resp &&
	! grep -q "name=\"csrf\" value=\"[0-9a-f]" resp
'

test_expect_success 'POSTs without a session get 401 and change nothing' '
	before=$(db_digest) &&
	test "$(http_status --no-cookie POST /log kind=call summary=forged)" = 401 &&
	test "$(http_status --no-cookie POST /tasks/1/done)" = 401 &&
	test "$(http_status --no-cookie --file file=/dev/null POST /settings/import format=json)" = 401 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the sign-in page, the style sheet and the calendar feed need no session' '
	test "$(http_status --no-cookie GET /signin)" = 200 &&
	test "$(http_status --no-cookie GET /static/style.css)" = 200 &&
	test "$(http_status --no-cookie GET "/calendar.ics?token=wrong")" = 404
'

test_expect_success 'a wrong key signs nobody in' '
	http --no-cookie GET "/?key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" >resp &&
	test "$(head -1 resp)" = 401 && ! grep -q "^Set-Cookie" resp &&
	test "$(http_status --no-cookie GET "/?key=")" = 401
'

test_expect_success 'the key signs in and is dropped from the address; the rest of it is kept' '
	http --no-cookie GET "/search?q=acme&key=$WEB_KEY" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /search?q=acme$" resp &&
	grep -q "^Set-Cookie: rapport_session=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Strict" resp &&
	http GET "/people?key=$WEB_KEY" >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /people$" resp
'

test_expect_success 'a script signs with the key as a bearer token, and needs no CSRF token' '
	python3 - "$WEB" "$WEB_KEY" <<-\EOF
	import http.client, sys, urllib.parse
	u = urllib.parse.urlsplit(sys.argv[1])
	def req(method, path, key, body=None):
	    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
	    h = {"Authorization": "Bearer " + key}
	    if body:
	        h["Content-Type"] = "application/x-www-form-urlencoded"
	    c.request(method, path, body=body, headers=h)
	    r = c.getresponse()
	    return r.status, r.read()
	status, body = req("GET", "/export.json", sys.argv[2])
	assert status == 200 and b"Hiring Manager" in body, status
	assert req("GET", "/export.json", "0" * 64)[0] == 401
	assert req("POST", "/log", sys.argv[2], "kind=call&summary=from+a+script")[0] == 303
	assert req("POST", "/log", "0" * 64, "kind=call&summary=forged")[0] == 401
	EOF
	rapport --json search script >out && grep -q "from a script" out
'

test_expect_success 'the address file: only its user can read it; serve --url prints it' '
	f=$(ls "$XDG_RUNTIME_DIR"/rapport/serve-*) &&
	test "$(stat -c %a "$XDG_RUNTIME_DIR/rapport")" = 700 &&
	test "$(stat -c %a "$f")" = 600 &&
	grep -qx "$WEB/?key=$WEB_KEY" "$f" &&
	rapport serve --url >url &&
	test "$(cat url)" = "$WEB/?key=$WEB_KEY"
'

test_expect_success 'a foreign Host gets 421 with no cookie, no CSRF token and no key, even with the key' '
	http --no-cookie --host rebind.example GET "/?key=$WEB_KEY" >resp &&
	test "$(head -1 resp)" = 421 &&
	! grep -q "^Set-Cookie" resp &&
	! grep -q "$WEB_KEY" resp &&
	! grep -q "content=\"[0-9a-f]\{64\}\"" resp &&
	http --host rebind.example GET / >resp &&
	test "$(head -1 resp)" = 421 && ! grep -q "[0-9a-f]\{64\}" resp
'

test_expect_success 'an upload from another site is refused when its headers come, its body unread' '
	before=$(db_digest) &&
	r0=$(rss) &&
	python3 - "$WEB" <<-\EOF &&
	import http.client, sys, urllib.parse
	u = urllib.parse.urlsplit(sys.argv[1])
	for cookie in ("", "rapport_session=" + "0" * 64):
	    c = http.client.HTTPConnection(u.hostname, u.port, timeout=20)
	    c.putrequest("POST", "/settings/import", skip_host=True)
	    c.putheader("Host", u.netloc)
	    c.putheader("Origin", "http://evil.example")
	    if cookie:
	        c.putheader("Cookie", cookie)
	    c.putheader("Content-Type", "multipart/form-data; boundary=x")
	    c.putheader("Content-Length", str(30 * 1024 * 1024))
	    c.endheaders()
	    try:
	        for _ in range(480):
	            c.send(b"x" * 65536)
	    except (BrokenPipeError, ConnectionResetError):
	        pass
	    try:
	        status = c.getresponse().status
	    except (ConnectionResetError, http.client.RemoteDisconnected):
	        status = 401  # answered and closed: the status went with the reset
	    assert status == 401, status
	EOF
	r1=$(rss) &&
	test $((r1 - r0)) -lt 8192 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'a signed-in upload needs the CSRF token in its address, checked before the body' '
	before=$(db_digest) &&
	test "$(http_status --no-csrf --file file=/dev/null POST /settings/import format=json)" = 403 &&
	test "$(http_status --origin http://evil.example --file file=/dev/null POST /settings/import format=json)" = 403 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'the form limits are the documented ones: 2 MB, 32 MB for the import' '
	python3 -c "print(\"summary=\" + \"a\" * (2 * 1024 * 1024), end=\"\")" >big &&
	test "$(http_status --body-file big POST /log)" = 413 &&
	python3 - "$WEB" "$WEB_KEY" <<-\EOF
	import http.client, sys, urllib.parse
	u = urllib.parse.urlsplit(sys.argv[1])
	c = http.client.HTTPConnection(u.hostname, u.port, timeout=20)
	c.putrequest("POST", "/settings/import", skip_host=True)
	c.putheader("Host", u.netloc)
	c.putheader("Authorization", "Bearer " + sys.argv[2])
	c.putheader("Content-Type", "multipart/form-data; boundary=x")
	c.putheader("Content-Length", str(32 * 1024 * 1024 + 1))
	c.endheaders()
	assert c.getresponse().status == 413
	EOF
'

test_expect_success 'serve --verbose logs request paths with their control bytes escaped' '
	test "$(http_status GET "/%1b%5b31mred%0d%0aGET%20/forged%20200%200.1ms")" = 404 &&
	test "$(http_status GET "/%c2%9b31mc1")" = 404 &&
	! grep -q "$(printf "\033")" "$TEST_DIR/.serve.err" &&
	! grep -q "$(printf "\302\233")" "$TEST_DIR/.serve.err" &&
	! grep -q "^GET /forged" "$TEST_DIR/.serve.err" &&
	grep -q "^GET /\\\\x1b\\[31mred\\\\x0d\\\\x0aGET /forged 200 0.1ms 404 " "$TEST_DIR/.serve.err"
'

test_expect_success 'a back address a browser would read as another site is not followed' '
	for back in "/	/evil.example/" "/\\evil.example/" "//evil.example/" "/
/evil.example" "https://evil.example/"; do
		http POST /tasks/1/snooze until=tomorrow "back=$back" >resp &&
		test "$(head -1 resp)" = 303 &&
		! grep -qi "^Location:.*evil" resp || { echo "$back"; cat resp; return 1; }
	done
'

serve_stop
test_expect_success 'serve --url after the server stopped: an error, and the file is gone' '
	! ls "$XDG_RUNTIME_DIR"/rapport/serve-* 2>/dev/null &&
	test_must_fail 1 rapport serve --url
'

test_expect_success 'listening beyond loopback needs a password' '
	test_must_fail 1 rapport serve --listen 0.0.0.0:0 &&
	grep -q "config web.password" "$TEST_DIR/.stderr"
'

test_expect_success 'web.password: never on the command line; 8 characters or more; kept hashed, 0600' '
	test_must_fail 1 rapport config web.password hunter22hunter &&
	printf "short\n" >pw && test_must_fail 1 rapport config web.password <pw &&
	printf "a correct horse\n" >pw && rapport config web.password <pw &&
	f="$XDG_CONFIG_HOME/rapport/web-password" &&
	test "$(stat -c %a "$f")" = 600 &&
	grep -qF "\$argon2id\$v=19\$" "$f" && ! grep -q "correct horse" "$f" &&
	rapport config >list && grep -q "^web.password: (set)" list &&
	rapport export -o all.json && ! grep -q "argon2" all.json
'

: >"$TEST_DIR/.serve.out" # not the stopped server's address (see serve_start)
"$RAPPORT" serve --listen 0.0.0.0:0 >"$TEST_DIR/.serve.out" 2>"$TEST_DIR/.serve.err" &
serve_pid=$!
for i in $(seq 200); do grep -q "serving" "$TEST_DIR/.serve.out" && break; sleep 0.05; done
WEB=$(sed -n "s|.* on http://0.0.0.0:\([0-9]*\)/.*|http://127.0.0.1:\1|p" "$TEST_DIR/.serve.out")
WEB_KEY=
export WEB WEB_KEY
rm -f "$WEB_JAR"
test_expect_success 'with a password, the server listens beyond loopback and warns the traffic is clear' '
	grep -q "not encrypted" "$TEST_DIR/.serve.err" &&
	test "$(http_status --no-cookie GET /)" = 401
'

test_expect_success 'the password signs in; a wrong one does not; five wrong ones lock the address out' '
	http --no-cookie POST /signin password=wrong "next=/people" >resp &&
	test "$(head -1 resp)" = 401 && ! grep -q "^Set-Cookie" resp &&
	http --no-cookie POST /signin "password=a correct horse" "next=/people" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /people$" resp &&
	grep -q "^Set-Cookie: rapport_session=" resp &&
	for i in 1 2 3 4 5; do http_status --no-cookie POST /signin password=wrong >/dev/null; done &&
	test "$(http_status --no-cookie POST /signin "password=a correct horse")" = 429
'

test_expect_success 'the server stops cleanly' '
	kill -0 "$serve_pid"
'
serve_stop

test_done
