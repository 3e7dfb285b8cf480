#!/bin/sh
# The web UI's server: it starts on a free port, answers only to its own
# name, refuses forged and oversized posts, and stops cleanly.
. "$(dirname "$0")/test-lib.sh"

serve_start
test_expect_success 'serve starts and prints its address' '
	test -n "$WEB" &&
	grep -q "^rapport: serving .* on http://127.0.0.1:[0-9]*/?key=[0-9a-f]\{64\} " "$TEST_DIR/.serve.out"
'

test_expect_success 'the printed address signs in: a session cookie, and on to the page without the key' '
	http --no-cookie GET "/?key=$WEB_KEY" >signin &&
	test "$(head -1 signin)" = 303 &&
	grep -q "^Location: /$" signin &&
	grep -q "^Set-Cookie: rapport_session=[0-9a-f]*; Path=/; HttpOnly; SameSite=Strict" signin
'

test_expect_success 'Today answers with the security headers, and sets no cookie once signed in' '
	http GET / >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "^Content-Security-Policy: .*script-src .self.;" page &&
	! grep -q "unsafe-inline" page &&
	grep -q "frame-ancestors .none." page &&
	grep -q "^X-Content-Type-Options: nosniff" page &&
	! grep -q "^Set-Cookie" page &&
	grep -q "<h1>Today</h1>" page
'

test_expect_success 'a Host that is not this server gets 421 (DNS rebinding)' '
	test "$(http_status --host attacker.example GET /)" = 421 &&
	test "$(http_status --host attacker.example:80 GET /)" = 421 &&
	test "$(http_status --host localhost GET /)" = 200 &&
	test "$(http_status --host "127.0.0.1:1" GET /)" = 200
'

serve_stop
serve_start --allow-host rapport.home
test_expect_success 'a name given with --allow-host is accepted' '
	test "$(http_status --host rapport.home GET /)" = 200 &&
	test "$(http_status --host rapport.evil GET /)" = 421
'

test_expect_success 'a POST without the CSRF token, or a wrong one, is refused and changes nothing' '
	before=$(db_digest) &&
	test "$(http_status --no-csrf POST /log kind=call summary=forged)" = 403 &&
	test "$(http_status --csrf 0000 POST /log kind=call summary=forged)" = 403 &&
	test "$(http_status --no-cookie POST /log kind=call summary=forged)" = 401 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'a POST from another origin is refused' '
	before=$(db_digest) &&
	test "$(http_status --origin http://attacker.example POST /log kind=call summary=x)" = 403 &&
	test "$(http_status --origin http://127.0.0.1:1 POST /log kind=call summary=x)" = 403 &&
	test "$(http_status --origin null POST /log kind=call summary=x)" = 403 &&
	test "$(db_digest)" = "$before" &&
	test "$(http_status --origin "$WEB" POST /log kind=call summary=same-origin)" = 303
'

test_expect_success 'a valid POST logs the interaction and redirects' '
	http POST /log kind=call summary="Called the recruiter" >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Location: /$" resp &&
	rapport --json search recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Called the recruiter"
'

test_expect_success 'a body over the limit gets 413 and writes nothing' '
	before=$(db_digest) &&
	python3 -c "print(\"summary=\" + \"a\" * 3000000, end=\"\")" >big &&
	test "$(http_status --body-file big POST /log)" = 413 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'a form with an error comes back with the message beside the field' '
	before=$(db_digest) &&
	http POST /log kind=call summary= at=yesterday-ish >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "class=\"field has-error\"" resp &&
	grep -q "id=\"e-summary\"" resp &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'a malformed form (bad escape, not UTF-8, NUL) gets 400' '
	test "$(http_status --body "summary=%zz" POST /log)" = 400 &&
	test "$(http_status --body "summary=%ff%fe" POST /log)" = 400 &&
	test "$(http_status --body "summary=a%00b" POST /log)" = 400
'

test_expect_success 'unknown addresses and ids get a proper 404 page' '
	http GET /no/such/page >resp &&
	test "$(head -1 resp)" = 404 && grep -q "<h1>Not found</h1>" resp &&
	test "$(http_status POST /tasks/999/done)" = 404 &&
	test "$(http_status POST /tasks/abc/done)" = 404
'

test_expect_success 'a GET never changes data' '
	before=$(db_digest) &&
	http_status GET / >/dev/null && http_status GET "/?q=x" >/dev/null &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'a page read again shows what the command line wrote meanwhile' '
	http GET / >first && ! grep -q "Call back the agency" first &&
	http GET / >again && ! grep -q "Call back the agency" again &&
	rapport task add "Call back the agency" --due today >/dev/null &&
	http GET / >after && grep -q "Call back the agency" after &&
	rapport task done 1 >/dev/null &&
	http GET / >done && ! grep -q "Call back the agency" done
'

test_expect_success 'a page read again shows what a POST wrote meanwhile' '
	rapport task add "Write to the recruiter" --due today >/dev/null &&
	http GET / >first && grep -q "Write to the recruiter" first &&
	id=$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "import json,sys; print([t[\"id\"] for t in json.load(sys.stdin) if t[\"title\"] == \"Write to the recruiter\"][0])") &&
	test "$(http_status POST /tasks/$id/skip back=/)" = 303 &&
	http GET / >after && ! grep -q "Write to the recruiter" after
'

test_expect_success 'keep-alive: three requests over one connection' '
	python3 - "$WEB" "$WEB_KEY" <<-\EOF
	import http.client, sys, urllib.parse
	u = urllib.parse.urlsplit(sys.argv[1])
	c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
	c.connect()
	sock = c.sock
	for path in ("/", "/static/style.css", "/"):
	    c.request("GET", path, headers={"Authorization": "Bearer " + sys.argv[2]})
	    r = c.getresponse()
	    r.read()
	    assert r.status == 200, (path, r.status)
	    assert (r.getheader("Connection") or "").lower() != "close", path
	    assert c.sock is sock, "the connection was closed after " + path
	EOF
'

test_expect_success 'other methods get 405' '
	test "$(http_status DELETE /)" = 405
'

test_expect_success 'the style sheet, script and icon are served from the binary' '
	http GET /static/style.css >css && grep -q "^Content-Type: text/css" css &&
	grep -q -- "--accent" css &&
	http GET /static/app.js >js && grep -q "^Content-Type: text/javascript" js &&
	test "$(http_status GET /static/icon.svg)" = 200 &&
	test "$(http_status GET /static/nothing.css)" = 404
'

serve_stop
stopped=$?
test_expect_success 'serve stops cleanly on SIGTERM' '
	test $stopped = 0 &&
	grep -q "stopped" "$TEST_DIR/.serve.err"
'

test_expect_success 'serve refuses a bad --listen' '
	test_must_fail 1 rapport serve --listen nonsense &&
	test_stderr_contains "--listen"
'

test_done
