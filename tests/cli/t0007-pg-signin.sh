#!/bin/sh
# Signing in to a practice's server (issue 20): `rapport serve` on a
# PostgreSQL database with accounts, in a throwaway cluster: every page
# needs an account's session; invitation links (once, until they expire);
# sign-in right and wrong; sessions in a __Host- cookie that end when idle,
# on signing out, everywhere, on a new password or a disabled account;
# throttling per account and per client address (429, Retry-After); CSRF
# per session; no password or token in the database's text or the log.
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"

createdb practice || exit 1
export RAPPORT_DB=postgresql:///practice
sql() { psql -X -tA -d practice -c "$1"; }
PW=correct-horse-battery-staple
NEWPW=a-new-passphrase-for-spring

# A practice's server, its "now" fixed at $1, with options $2...; $WEB its
# address (no key).
pserve() {
	_now=$1 && shift
	RAPPORT_NOW=$_now practice_serve --verbose "$@"
}
# The one-time link's token of the last admin command's output.
link_token() { sed -n 's/.*?t=\([0-9a-f]*\)$/\1/p' "$TEST_DIR/.rp"; }
# Sign in as $1 with password $2 into the jar $3.
sign_in() {
	WEB_JAR=$3 http --no-csrf POST /signin email="$1" password="$2" >"$TEST_DIR/.rp" &&
	test "$(head -1 "$TEST_DIR/.rp")" = 303
}

rapport admin invite seeker@example.org >"$TEST_DIR/.rp" || exit 1
invite=$(link_token)
on 2026-03-02T09:00 rapport admin invite late@example.org --expires 1h >"$TEST_DIR/.rp" || exit 1
late=$(link_token)
pserve 2026-03-02T12:00:00

test_expect_success 'without a session every page answers 401 with the e-mail and password form' '
	for p in / /pipeline /settings /export.json /account /no/such/page "/?key=0"; do
		http --no-cookie GET "$p" >resp &&
		test "$(head -1 resp)" = 401 &&
		grep -q "name=\"email\"" resp && grep -q "name=\"password\"" resp &&
		! grep -q "^Set-Cookie" resp || { echo "$p"; return 1; }
	done &&
	grep -q "practice.s PostgreSQL database on http://127.0.0.1:[0-9]*/ " "$TEST_DIR/.serve.out" &&
	! grep -q "key=" "$TEST_DIR/.serve.out"
'

test_expect_success 'an invitation asks for a password twice, and refuses a short or unequal one' '
	http --no-cookie GET "/welcome?t=$invite" >resp &&
	test "$(head -1 resp)" = 200 && grep -q "seeker@example.org" resp &&
	test "$(http_status --no-cookie POST /welcome t=$invite password=short again=short)" = 400 &&
	test "$(http_status --no-cookie POST /welcome t=$invite password=$PW again=${PW}x)" = 400 &&
	test "$(sql "SELECT count(*) FROM account")" = 0
'

test_expect_success 'using it makes the account and signs in with a __Host- cookie' '
	http POST /welcome t=$invite password=$PW again=$PW >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /$" resp &&
	grep -q "^Set-Cookie: __Host-rapport=[0-9a-f]\{64\}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=1209600" resp &&
	http GET /pipeline >resp &&
	test "$(head -1 resp)" = 200 && grep -q "href=\"/account\">seeker@example.org<" resp &&
	test "$(sql "SELECT role FROM account WHERE email = '"'"'seeker@example.org'"'"'")" = client
'

test_expect_success 'an invitation works once; an unknown or expired one is refused' '
	http --no-cookie POST /welcome t=$invite password=$PW again=$PW >resp &&
	test "$(head -1 resp)" = 410 && grep -q "has been used" resp &&
	http --no-cookie GET "/welcome?t=$late" >resp &&
	test "$(head -1 resp)" = 410 && grep -q "has expired" resp &&
	test "$(http_status --no-cookie POST /welcome t=$late password=$PW again=$PW)" = 410 &&
	test "$(http_status --no-cookie GET "/welcome?t=0123")" = 404 &&
	test "$(sql "SELECT count(*) FROM account")" = 1
'

test_expect_success 'sign-in: a wrong password or an unknown address gets the same 401; the right one a session' '
	WEB_JAR=b.jar http --no-csrf POST /signin email=seeker@example.org password=wrong-password >resp &&
	test "$(head -1 resp)" = 401 && grep -q "do not match an account" resp &&
	WEB_JAR=b.jar http --no-csrf POST /signin email=nobody@example.org password=$PW >resp2 &&
	test "$(head -1 resp2)" = 401 && grep -q "do not match an account" resp2 &&
	! grep -q "^Set-Cookie" resp && ! grep -q "^Set-Cookie" resp2 &&
	sign_in SEEKER@example.org $PW b.jar &&
	test "$(WEB_JAR=b.jar http_status GET /settings)" = 200 &&
	test "$(sql "SELECT count(*) FROM account_session")" = 2
'

test_expect_success 'a form without the session CSRF token, or with another session one, is refused' '
	before=$(sql "SELECT count(*) FROM want") &&
	test "$(http_status --no-csrf POST /wants category=team text=Small)" = 403 &&
	other=$(sed -n "s/^csrf=//p" b.jar) &&
	test -n "$other" &&
	test "$(http_status --csrf "$other" POST /wants category=team text=Small)" = 403 &&
	test "$(sql "SELECT count(*) FROM want")" = "$before"
'

test_expect_success 'sign out ends this session only; its cookie is cleared and opens nothing again' '
	cp b.jar b-copy.jar &&
	WEB_JAR=b.jar http POST /signout >resp &&
	test "$(head -1 resp)" = 303 &&
	grep -q "^Set-Cookie: __Host-rapport=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0" resp &&
	test "$(WEB_JAR=b-copy.jar http_status GET /settings)" = 401 &&
	test "$(http_status GET /settings)" = 200
'

test_expect_success 'sign out everywhere ends every session of the account' '
	sign_in seeker@example.org $PW c.jar &&
	WEB_JAR=c.jar http POST /signout/everywhere >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(http_status GET /settings)" = 401 &&
	test "$(WEB_JAR=c.jar http_status GET /settings)" = 401 &&
	test "$(sql "SELECT count(*) FROM account_session")" = 0
'

test_expect_success 'a password change needs the current one (a wrong one counts as a failed sign-in), and ends the other sessions' '
	sign_in seeker@example.org $PW d.jar &&
	sign_in seeker@example.org $PW e.jar &&
	test "$(WEB_JAR=d.jar http_status POST /account/password current=wrong-one password=$NEWPW again=$NEWPW)" = 400 &&
	test "$(sql "SELECT failures FROM signin_failure WHERE key = '"'"'seeker@example.org'"'"'")" = 1 &&
	WEB_JAR=d.jar http POST /account/password current=$PW password=$NEWPW again=$NEWPW >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Set-Cookie: __Host-rapport=[0-9a-f]" resp &&
	test "$(WEB_JAR=d.jar http_status GET /account)" = 200 &&
	test "$(WEB_JAR=e.jar http_status GET /account)" = 401 &&
	! sign_in seeker@example.org $PW f.jar &&
	sign_in seeker@example.org $NEWPW f.jar
'

test_expect_success 'no password and no token is in the database text or the log' '
	pg_dump -d practice >dump.sql &&
	grep -q "argon2id" dump.sql &&
	! grep -q "$PW\|$NEWPW\|correct-horse\|passphrase" dump.sql &&
	token=$(sed -n "s/^cookie=//p" f.jar) && test -n "$token" &&
	! grep -q "$token" dump.sql && ! grep -q "$invite" dump.sql &&
	! grep -q "$PW\|$NEWPW\|$token\|$invite" "$TEST_DIR/.serve.err" "$TEST_DIR/.serve.out" &&
	grep -q "^POST /signin 303" "$TEST_DIR/.serve.err"
'

# The server restarted at a later "now" (the sessions are in the database).
serve_stop && pserve 2026-03-15T12:00:00
test_expect_success 'a session unused for 13 days still works, and its idle time starts again' '
	test "$(WEB_JAR=f.jar http_status GET /account)" = 200
'
serve_stop && pserve 2026-03-29T11:00:00
test_expect_success 'two weeks less an hour after its last use it works' '
	test "$(WEB_JAR=f.jar http_status GET /account)" = 200
'
serve_stop && pserve 2026-04-12T12:00:00
test_expect_success 'two weeks and an hour after, it has ended' '
	test "$(WEB_JAR=f.jar http_status GET /account)" = 401
'

serve_stop && pserve 2026-04-12T12:00:00 --session-idle 1h
test_expect_success '--session-idle sets the idle time: the cookie lasts as long' '
	sign_in seeker@example.org $NEWPW s.jar &&
	grep -q "^Set-Cookie: __Host-rapport=[0-9a-f]*; .*Max-Age=3600$" "$TEST_DIR/.rp" &&
	test "$(sql "SELECT count(*) FROM account_session WHERE idle_expires = '"'"'2026-04-12T13:00:00Z'"'"'")" = 1 &&
	! "$RAPPORT" serve --session-idle 5y 2>err && grep -q "not a duration" err
'
serve_stop && pserve 2026-04-12T12:00:00

test_expect_success 'an admin reset link sets a new password and ends the sessions' '
	sign_in seeker@example.org $NEWPW g.jar &&
	RAPPORT_NOW=2026-04-12T12:00:00 rapport admin reset-password seeker@example.org >"$TEST_DIR/.rp" &&
	reset=$(link_token) &&
	http --no-cookie GET "/welcome?t=$reset" >resp && grep -q "Choose a password" resp &&
	WEB_JAR=h.jar http POST /welcome t=$reset password=$PW again=$PW >resp &&
	test "$(head -1 resp)" = 303 &&
	test "$(WEB_JAR=g.jar http_status GET /account)" = 401 &&
	test "$(WEB_JAR=h.jar http_status GET /account)" = 200
'

test_expect_success 'a disabled account signs in no more and its sessions end' '
	RAPPORT_NOW=2026-04-12T12:00:00 rapport admin disable seeker@example.org >/dev/null &&
	test "$(WEB_JAR=h.jar http_status GET /account)" = 401 &&
	! sign_in seeker@example.org $PW i.jar
'

test_expect_success 'five wrong passwords for an account, however its address is spelt: it waits (429, Retry-After), the right one too' '
	RAPPORT_NOW=2026-04-12T12:00:00 rapport admin coach add coach@example.org >"$TEST_DIR/.rp" &&
	test "$(WEB_JAR=j.jar http_status POST /welcome t=$(link_token) password=$PW again=$PW)" = 303 &&
	for email in coach@example.org Coach@example.org COACH@example.org coach@Example.org \
		coach@EXAMPLE.ORG; do
		test "$(WEB_JAR=k.jar http_status --no-csrf POST /signin email=$email password=wrong)" = 401 || return 1
	done &&
	WEB_JAR=k.jar http --no-csrf POST /signin email=coach@example.org password=$PW >resp &&
	test "$(head -1 resp)" = 429 && grep -q "^Retry-After: 30$" resp &&
	! grep -q "^Set-Cookie" resp
'
serve_stop && pserve 2026-04-12T12:01:00
test_expect_success 'once the wait is over, the right password signs in' '
	sign_in coach@example.org $PW k.jar &&
	test "$(sql "SELECT count(*) FROM signin_failure WHERE key = '"'"'coach@example.org'"'"'")" = 0
'

test_expect_success 'many failures from one address, whatever the accounts: that address waits' '
	n=0 status=401 &&
	while [ "$status" = 401 ] && [ $n -lt 30 ]; do
		n=$((n + 1)) &&
		status=$(WEB_JAR=l.jar http_status --no-csrf POST /signin email=guess$n@example.org password=wrong) || return 1
	done &&
	test "$status" = 429 &&
	test "$(sql "SELECT failures FROM signin_failure WHERE kind = '"'"'address'"'"'")" -ge 20 &&
	! sign_in coach@example.org $PW m.jar &&
	grep -q "^Retry-After: [0-9]" "$TEST_DIR/.rp"
'

serve_stop
test_done
