#!/bin/sh
# The web Inbox reads mail (issue 19): "Check mail" runs what 'rapport mail
# sync' runs, against a real dovecot started here on loopback
# (tests/cli/dovecot-lib.sh), a share of the account a request (the page
# says when there is more: check again); a mail file sent with the page's
# form (an mbox or a message) is read as 'rapport mail import' reads one,
# and is not kept. Without an account the page names the setting to set.
# Each POST carries the CSRF token; the wrong password, a password command
# that fails, a file that is no mailbox, a truncated mbox: the page again
# with one clear reason, nothing written. A hostile file name and a hostile
# subject are shown as text. 'rapport mail undo' takes a check back.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-12T09:00
DV=$TEST_DIR/dovecot
PASSWORD=meadow-copper-2861-web
INBOX=$TEST_ROOT/cli/inbox

if ! command -v dovecot >/dev/null 2>&1; then
	echo "# skipped: dovecot is not installed (sh scripts/install-deps --mail)"
	test_done
fi

# The account's folders: INBOX with a rejection and an invitation, Sent.
mailboxes() {
	maildir_folders "" "/.Sent Items" &&
	cp "$INBOX/reject-en.eml" "$DV/mail/seeker/Maildir/cur/1773000000.M1P1.test:2," &&
	cp "$INBOX/interview.eml" "$DV/mail/seeker/Maildir/cur/1773000100.M2P2.test:2,"
}

. "$TEST_ROOT/cli/dovecot-lib.sh"
trap 'dovecot_stop; [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT

# posts_and_fails STATUS PATH [OPTION...]: POST PATH (with webreq.py's
# OPTIONs) answers STATUS with the Inbox page and its reason (in resp), and
# the database is as it was.
posts_and_fails() {
	_status=$1 _path=$2
	shift 2
	test_dump >"$TEST_DIR/.before" &&
	http "$@" POST "$_path" >resp &&
	test_eq "$(head -1 resp)" "$_status" &&
	has resp "<div class=\"form-errors\" role=\"alert\">" "<h1>Inbox</h1>" &&
	test_dump >"$TEST_DIR/.after" &&
	test_cmp "$TEST_DIR/.before" "$TEST_DIR/.after"
}

# message FILE FROM SUBJECT ID: a plain message written for these tests.
message() {
	cat >"$1" <<-EOF
	From: $2
	To: Job Seeker <me@example.org>
	Subject: $3
	Date: Tue, 10 Mar 2026 10:00:00 +0000
	Message-ID: <$4>
	Content-Type: text/plain; charset=UTF-8

	Written for the web Inbox test.
	EOF
}

dovecot_start >"$TEST_DIR/.dovecot" 2>&1 && started=yes || started=no
test_expect_success 'dovecot starts on loopback' '
	cat "$TEST_DIR/.dovecot" &&
	test $started = yes
'

rapport config email me@example.org >/dev/null
rapport opp add "Quartz Data" "Data Engineer" --slug quartz --stage interviewing >/dev/null
rapport opp add "Harbor Analytics" "Analytics Lead" --slug harbor --stage applied >/dev/null
rapport person add "Hiring Manager" --org "Quartz Data" --email hm@quartz.example.com >/dev/null
rapport person add "Team Lead" --org "Harbor Analytics" --email lead@harbor.example.com >/dev/null
rapport opp link quartz "Hiring Manager" --role hiring-manager >/dev/null
rapport opp link harbor "Team Lead" --role peer >/dev/null
# the server's temporary files, to see that an upload leaves none
mkdir -p "$TEST_DIR/tmp"
TMPDIR=$TEST_DIR/tmp serve_start

test_expect_success 'no account: no Check mail button, the setting to set named; a file form' '
	http GET /inbox >page &&
	test_eq "$(head -1 page)" 200 &&
	hasnt page "action=\"/inbox/check\"" &&
	has page "Checking your mail from here needs the setting mail.imap-url: <code>rapport config mail.imap-url imaps://HOST</code>" \
		"enctype=\"multipart/form-data\"" ">Read the file</button>"
'

test_expect_success 'half an account: the next setting named' '
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null &&
	http GET /inbox >page &&
	hasnt page "action=\"/inbox/check\"" &&
	has page "needs the setting mail.user: <code>rapport config mail.user USER</code>"
'

test_expect_success 'the account: a Check mail button, a form with the CSRF token' '
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.ca-file "$DV/cert.pem" >/dev/null &&
	http GET /inbox >page &&
	has page "action=\"/inbox/check\"><input type=\"hidden\" name=\"csrf\"" \
		">Check mail</button>" "imaps://localhost:$IMAPS_PORT" &&
	hasnt page "needs the setting"
'

test_expect_success 'a POST without the CSRF token is refused, nothing read' '
	test_dump >before &&
	test_eq "$(http_status --no-csrf POST /inbox/check)" 403 &&
	test_eq "$(http_status --no-csrf --file file="$INBOX/offer.eml" POST /inbox/upload)" 403 &&
	test_dump >after &&
	test_cmp before after
'

test_expect_success 'the wrong password: the server refused, said once, nothing written' '
	rapport config mail.password-command "cat $DV/wrong" >/dev/null &&
	posts_and_fails 502 /inbox/check &&
	has resp "Your mail was not read: the mail server refused to sign in" &&
	test_eq "$(grep -c "refused to sign in" resp)" 1
'

test_expect_success 'a password command that fails: said on the page, nothing written' '
	rapport config mail.password-command "false" >/dev/null &&
	posts_and_fails 502 /inbox/check &&
	has resp "mail.password-command failed (exit status 1): the password cannot be read"
'

# A server that takes the connection and never answers: the request holds
# the database's write lock meanwhile, so it gives up after a few seconds,
# not the command line's 30 (the client here waits 20).
test_expect_success 'a server that never answers: given up in seconds, said on the page, nothing written' '
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	python3 -c "
import socket, sys, time
s = socket.socket(); s.bind((\"127.0.0.1\", 0)); s.listen(4)
print(s.getsockname()[1], flush=True)
c, _ = s.accept(); time.sleep(60)
" >mute.port &
	mute=$! &&
	for i in $(seq 100); do test -s mute.port && break; sleep 0.05; done &&
	rapport config mail.imap-url "imaps://127.0.0.1:$(cat mute.port)" >/dev/null &&
	export WEBREQ_TIMEOUT=20 &&
	posts_and_fails 502 /inbox/check &&
	has resp "Your mail was not read" &&
	kill $mute &&
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null
'

test_expect_success 'Check mail: the mail logged, its proposals shown, the summary after the redirect' '
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	http POST /inbox/check >resp &&
	test_eq "$(head -1 resp)" 303 &&
	has resp "Location: /inbox?checked=1&read=2&logged=2&proposed=2&skipped=0" &&
	hasnt resp "more=1" &&
	http GET "/inbox?checked=1&read=2&logged=2&proposed=2&skipped=0" >page &&
	has page "Mail checked: 2 messages read: 2 e-mails logged, 2 proposals." \
		"A rejection" "An interview invitation" &&
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" jlen interactions >n && test_eq "$(cat n)" 1 &&
	test_eq "$(imap_do unseen INBOX)" 2
'

test_expect_success 'Check mail again: nothing new' '
	http POST /inbox/check >resp &&
	has resp "Location: /inbox?checked=1&read=0&logged=0&proposed=0&skipped=0" &&
	http GET "/inbox?checked=1&read=0" >page &&
	has page "Mail checked: nothing new."
'

test_expect_success 'rapport mail undo takes back what Check mail logged' '
	message "$TEST_DIR/late.eml" "Team Lead <lead@harbor.example.com>" "Coffee?" late@harbor.example.com &&
	imap_do append INBOX "$TEST_DIR/late.eml" &&
	http POST /inbox/check >resp &&
	has resp "read=1&logged=1" &&
	rapport undo --list >undo &&
	has undo "web: /inbox/check" &&
	rapport --json person show "Team Lead" >"$TEST_DIR/.rp" &&
	has "$TEST_DIR/.rp" "Coffee?" &&
	rapport mail undo >out &&
	test_eq "$(cat out)" "undid: web: /inbox/check" &&
	rapport --json person show "Team Lead" >"$TEST_DIR/.rp" &&
	hasnt "$TEST_DIR/.rp" "Coffee?" &&
	has "$TEST_DIR/.rp" "Next step: Analytics Lead"
'

# location: the address the last answer (resp) redirects to.
location() {
	sed -n "s/^Location: //p" resp | tr -d "\r"
}

test_expect_success 'a large mailbox: a share a check, "more to read, check again", until all is read' '
	mkdir many &&
	for i in $(seq 510); do
		message many/$i.eml "Newsletter <news@example.net>" "Issue $i" "issue-$i@example.net" ||
			return 1
	done &&
	imap_do append INBOX many/*.eml &&
	http POST /inbox/check >resp &&
	location >first &&
	has first "&more=1" &&
	read=$(sed -n "s/.*[?&]read=\([0-9]*\)&.*/\1/p" first) &&
	test "$read" -gt 0 && test "$read" -le 500 &&
	http GET "$(cat first)" >page &&
	has page "There is more to read: check again." &&
	for i in $(seq 30); do
		http POST /inbox/check >resp && location >next || return 1
		grep -q "more=1" next || break
	done &&
	hasnt next "more=1" &&
	http POST /inbox/check >resp &&
	has resp "Location: /inbox?checked=1&read=0&"
'

test_expect_success 'a mail file sent with the form: read as mail import reads it, not kept' '
	{
		echo "From hm@quartz.example.com Wed Mar 11 09:00:00 2026" &&
		cat "$INBOX/offer.eml" && echo &&
		echo "From lead@harbor.example.com Wed Mar 11 10:00:00 2026" &&
		cat "$INBOX/info-request.eml" && echo
	} >search.mbox &&
	rapport --json mail import --dry-run search.mbox >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" jv_eq messages 2 logged 1 proposed 1 &&
	http --file file=search.mbox POST /inbox/upload >resp &&
	test_eq "$(head -1 resp)" 200 &&
	has resp "search.mbox: 2 messages read: 1 e-mail logged, 1 proposal." \
		"A request for information" &&
	test_eq "$(ls "$TEST_DIR/tmp")" "" &&
	rapport undo --list >undo &&
	has undo "web: /inbox/upload"
'

test_expect_success 'a hostile file name and subject: shown as text' '
	message hostile.eml "Hiring Manager <hm@quartz.example.com>" \
		"<script>alert(1)</script> we have decided to move forward with other candidates" \
		hostile@quartz.example.com &&
	http --filename "../../<img src=x onerror=alert(1)>.eml" --file file=hostile.eml \
		POST /inbox/upload >resp &&
	test_eq "$(head -1 resp)" 200 &&
	has resp "&lt;img src=x onerror=alert(1)&gt;.eml: 1 message read: 1 e-mail logged" \
		"&lt;script&gt;alert(1)&lt;/script&gt; we have decided" &&
	hasnt resp "<script>alert" "<img src=x" "../"
'

test_expect_success 'a file that is no mailbox, a truncated mbox, no file: refused, nothing written' '
	printf "\\211PNG\\r\\n\\032\\n<html>not mail" >image.png &&
	posts_and_fails 400 /inbox/upload --file file=image.png &&
	has resp "The file was not read: &#39;image.png&#39; is not a Maildir, an mbox or a message file" &&
	head -c 200 search.mbox >cut.mbox &&
	posts_and_fails 400 /inbox/upload --file file=cut.mbox &&
	has resp "is a truncated mbox" &&
	: >empty.eml &&
	test_dump >before &&
	http --file file=empty.eml POST /inbox/upload >resp &&
	test_eq "$(head -1 resp)" 400 &&
	has resp "choose a mail file" &&
	test_dump >after &&
	test_cmp before after
'

test_expect_success 'the password is never in a page, a log nor the database' '
	! grep -rF "$PASSWORD" resp page "$TEST_DIR/.serve.out" "$TEST_DIR/.serve.err" &&
	! grep -aF "$PASSWORD" "$RAPPORT_DB"
'

serve_stop
stopped=$?
test_expect_success 'the server stops cleanly (under ASan: nothing leaked)' '
	test $stopped = 0
'

test_done
