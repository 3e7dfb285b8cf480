#!/bin/sh
# draft --send with mail.auth = xoauth2 (issue 19): the line
# mail.password-command prints is an OAuth2 bearer token, and rapport signs
# in to the SMTP server with it (SASL XOAUTH2, libcurl's
# CURLOPT_XOAUTH2_BEARER) as it does to IMAP (t2560). Against a real
# aiosmtpd (tests/cli/smtp-sink.py with SINK_AUTH=xoauth2: STARTTLS, XOAUTH2
# only, each attempt's user and token noted): the token arrives and the
# letter is sent, logged, its task done; a token the server refuses is one
# clear line, nothing sent, nothing written. The token is never stored.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-12T09:00
TOKEN=ya29.smtp-token-Hw3Rk8Zp2Lq6Vd
PASSWORD=$TOKEN # what smtp-lib.sh's sink takes: here, the token

if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
	echo "# skipped: aiosmtpd is not installed (sh scripts/install-deps --mail)"
	test_done
fi

. "$TEST_ROOT/cli/dovecot-lib.sh" # free_port
. "$TEST_ROOT/cli/smtp-lib.sh"
trap 'for p in $sink_pids; do kill "$p" 2>/dev/null; done; rm -rf "$TEST_DIR"' EXIT

# started here, not in a test: a test runs in a subshell
SMTP_PORT=$(free_port)
{ openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TEST_DIR/key.pem" \
	-out "$TEST_DIR/cert.pem" -days 2 -subj /CN=localhost \
	-addext subjectAltName=DNS:localhost,IP:127.0.0.1 &&
	SINK_AUTH=xoauth2 sink_start oauth "$SMTP_PORT" "$TEST_DIR/cert.pem" "$TEST_DIR/key.pem"
} >"$TEST_DIR/.servers" 2>&1 && started=yes || started=no
test_expect_success 'an SMTP server that takes XOAUTH2 only starts on loopback' '
	cat "$TEST_DIR/.servers" &&
	test $started = yes
'

test_expect_success 'a letter to send, and the account: a token command, mail.auth xoauth2' '
	echo "$TOKEN" >"$TEST_DIR/token" &&
	echo "ya29.expired-token-0000" >"$TEST_DIR/expired" &&
	rapport config email me@example.org >/dev/null &&
	rapport config name "Job Seeker" >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Engineer" --slug data >/dev/null &&
	rapport person add "Hiring Manager" --org "Quartz Insurance" \
		--email hm@quartz.example.com >/dev/null &&
	rapport opp link data "Hiring Manager" >/dev/null &&
	rapport task add "Write to the hiring manager" --kind email --with "Hiring Manager" \
		--opp data --template keep-in-touch >/dev/null &&
	rapport task add "Thank the hiring manager" --kind email --with "Hiring Manager" \
		--opp data --template keep-in-touch >/dev/null &&
	rapport config mail.smtp-url "smtp://localhost:$SMTP_PORT" >/dev/null &&
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.auth xoauth2 >/dev/null &&
	rapport config mail.ca-file "$TEST_DIR/cert.pem" >/dev/null
'

test_expect_success 'a token the server refuses: one clear line, nothing sent or written' '
	rapport config mail.password-command "cat $TEST_DIR/expired" >/dev/null &&
	test_fails_cleanly draft 1 --send &&
	has "$TEST_DIR/.err" "refused to sign in" "seeker" &&
	hasnt "$TEST_DIR/.err" "ya29" &&
	has "$TEST_DIR/oauth/xoauth2.log" "user=seeker token=ya29.expired-token-0000" &&
	test_eq "$(received oauth)" 0 &&
	test_eq "$(task_field "Write to the hiring manager" status)" open
'

test_expect_success 'a valid token signs in with XOAUTH2: the letter is sent and logged' '
	rapport config mail.password-command "cat $TEST_DIR/token" >/dev/null &&
	rapport draft 1 --send >out 2>err &&
	test_eq "$(cat out)" \
		"sent the letter of task 1 to hm@quartz.example.com; logged as interaction 1, task 1 done" &&
	test_eq "$(tail -1 "$TEST_DIR/oauth/xoauth2.log")" "user=seeker token=$TOKEN" &&
	test_eq "$(received oauth)" 1 &&
	has "$TEST_DIR/oauth/1.eml" "To: Hiring Manager <hm@quartz.example.com>" &&
	test_eq "$(task_field "Write to the hiring manager" status)" done
'

test_expect_success 'without mail.auth the token is taken for a password: no way to sign in' '
	rapport config --unset mail.auth >/dev/null &&
	test_fails_cleanly draft 2 --send && has "$TEST_DIR/.err" "refused to sign in" &&
	test_eq "$(received oauth)" 1 &&
	rapport config mail.auth xoauth2 >/dev/null
'

test_expect_success 'the token is never printed nor stored' '
	! grep -rF "$TOKEN" out err "$TEST_DIR/.err" &&
	! grep -aF "$TOKEN" "$RAPPORT_DB"
'

test_done
