#!/bin/sh
# mail.auth = xoauth2 (issue 19): the line mail.password-command prints is
# an OAuth2 bearer token, and rapport signs in to IMAP with it (SASL
# XOAUTH2) instead of a password. Against a real dovecot whose oauth2
# passdb asks a token introspection endpoint started here
# (tests/cli/oauth2-introspect.py) whether the token is valid: a valid
# token syncs and puts a draft into Drafts; an expired or wrong one is
# refused with one clear line and nothing written; without mail.auth the
# token is taken for a password and refused. The token is never stored.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-12T09:00
DV=$TEST_DIR/dovecot
PASSWORD=plain-password-never-used-9031
TOKEN=ya29.bench-token-Qx7Lm2Vr8Tn4Kp
INTROSPECT=$TEST_ROOT/cli/oauth2-introspect.py

if ! command -v dovecot >/dev/null 2>&1; then
	echo "# skipped: dovecot is not installed (sh scripts/install-deps --mail)"
	test_done
fi

mailboxes() {
	maildir_folders "" "/.Drafts" &&
	cat >"$DV/mail/seeker/Maildir/cur/1773300000.M1P1.test:2,S" <<-\EOF
	From: Hiring Manager <hm@quartz.example.com>
	To: me@example.org
	Subject: Next steps
	Date: Wed, 11 Mar 2026 10:00:00 +0000
	Message-ID: <next-steps@quartz.example.com>

	Written for the OAuth2 test.
	EOF
}

# the introspection endpoint first: dovecot's configuration names its port
mkdir -p "$DV"
/usr/bin/python3 "$INTROSPECT" "$TEST_DIR/introspect.port" "$TOKEN" seeker \
	>"$TEST_DIR/introspect.out" 2>&1 &
introspect_pid=$!
for _i in $(seq 100); do
	[ -s "$TEST_DIR/introspect.port" ] && break
	sleep 0.05
done
cat >"$DV/oauth2.conf" <<EOF
introspection_mode = post
introspection_url = http://127.0.0.1:$(cat "$TEST_DIR/introspect.port" 2>/dev/null)/introspect
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
EOF
DV_AUTH="auth_mechanisms = plain login xoauth2 oauthbearer
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $DV/oauth2.conf
}"

. "$TEST_ROOT/cli/dovecot-lib.sh"
trap 'dovecot_stop; kill "$introspect_pid" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT

dovecot_start >"$TEST_DIR/.dovecot" 2>&1 && started=yes || started=no
test_expect_success 'dovecot starts, signing in with OAuth2 through the endpoint' '
	cat "$TEST_DIR/.dovecot" &&
	test $started = yes
'

test_expect_success 'the account: a token command, mail.auth xoauth2' '
	echo "$TOKEN" >token && echo "ya29.expired-token" >expired &&
	rapport config email me@example.org >/dev/null &&
	rapport person add "Hiring Manager" --email hm@quartz.example.com >/dev/null &&
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null &&
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.ca-file "$DV/cert.pem" >/dev/null &&
	rapport config mail.password-command "cat $PWD/token" >/dev/null
'

test_expect_success 'without mail.auth the token is taken for a password: refused' '
	test_fails_cleanly mail sync &&
	has "$TEST_DIR/.err" "refused to sign in"
'

test_expect_success 'an expired token: refused, one line, nothing written' '
	rapport config mail.auth xoauth2 >/dev/null &&
	rapport config mail.password-command "cat $PWD/expired" >/dev/null &&
	test_fails_cleanly mail sync &&
	has "$TEST_DIR/.err" "refused to sign in" &&
	grep -qx invalid "$TEST_DIR/introspect.port.log"
'

test_expect_success 'a valid token signs in with XOAUTH2: the sync logs the message' '
	rapport config mail.password-command "cat $PWD/token" >/dev/null &&
	rapport --json mail sync >sum &&
	<sum jv_eq logged 1 inbound 1 &&
	grep -qx valid "$TEST_DIR/introspect.port.log"
'

test_expect_success '... and puts a draft into the Drafts folder' '
	rapport task add "Answer the hiring manager" --kind email --with "Hiring Manager" \
		--template keep-in-touch >/dev/null &&
	rapport draft 1 --to-drafts >out &&
	test_eq "$(cat out)" "put the draft of task 1 into the folder Drafts"
'

test_expect_success 'the token is in no database file, output or log' '
	! grep -rF "$TOKEN" out sum "$TEST_DIR/.err" "$TEST_DIR/.out" &&
	! grep -aF "$TOKEN" "$RAPPORT_DB" &&
	test_dump >dump && ! grep -F "$TOKEN" dump
'

test_done
