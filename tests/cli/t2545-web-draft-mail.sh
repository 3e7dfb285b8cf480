#!/bin/sh
# The web Draft page's two buttons (issue 19): "Put in my Drafts folder"
# and "Send" do what 'rapport draft --to-drafts' and '--send' do, against
# real servers started here on loopback (dovecot, tests/cli/dovecot-lib.sh;
# aiosmtpd over STARTTLS, tests/cli/smtp-lib.sh). Each button is shown
# only when the settings it needs are set (Send: an address to send to and
# the setting email to send from too), else the page names the one to
# set; each posts with the page's CSRF token. A server that refuses, one
# that cannot be reached, a password that cannot be read: the page again
# with the reason, nothing sent, nothing written. After a send the page
# says it was sent and the follow-up is done.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-11T09:00
DV=$TEST_DIR/dovecot
PASSWORD=quarry-violet-7730-web

if ! command -v dovecot >/dev/null 2>&1 ||
	! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
	echo "# skipped: dovecot or aiosmtpd is not installed (sh scripts/install-deps --mail)"
	test_done
fi

# The account's folders: an empty INBOX, Drafts, Sent Items.
mailboxes() {
	maildir_folders "" "/.Drafts" "/.Sent Items"
}

. "$TEST_ROOT/cli/dovecot-lib.sh"
. "$TEST_ROOT/cli/smtp-lib.sh"
trap 'dovecot_stop; for p in $sink_pids; do kill "$p" 2>/dev/null; done
	[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT

# posts_and_fails STATUS PATH: POST PATH answers STATUS with the draft page
# (in resp), and the database is as it was.
posts_and_fails() {
	test_dump >"$TEST_DIR/.before" &&
	http POST "$2" >resp &&
	test_eq "$(head -1 resp)" "$1" &&
	has resp "<div class=\"form-errors\" role=\"alert\">" "<h1>Write to the hiring manager</h1>" &&
	test_dump >"$TEST_DIR/.after" &&
	test_cmp "$TEST_DIR/.before" "$TEST_DIR/.after"
}

SMTP_PORT=$(free_port) CLOSED_PORT=$(free_port)
{ dovecot_start && sink_start tls "$SMTP_PORT" "$DV/cert.pem" "$DV/key.pem"; } \
	>"$TEST_DIR/.servers" 2>&1 && started=yes || started=no
test_expect_success 'dovecot and an SMTP server start on loopback' '
	cat "$TEST_DIR/.servers" &&
	test $started = yes
'

rapport config email me@example.org >/dev/null
rapport config name "Job Seeker" >/dev/null
rapport opp add "Quartz Insurance" "Data Engineer" --slug data >/dev/null
rapport person add "Hiring Manager" --org "Quartz Insurance" --email hm@quartz.example.com \
	>/dev/null
rapport opp link data "Hiring Manager" >/dev/null
rapport task add "Write to the hiring manager" --kind email --with "Hiring Manager" \
	--opp data --template keep-in-touch >/dev/null
serve_start

test_expect_success 'without the settings: no button, the setting each one needs named' '
	http GET /tasks/1/draft >page &&
	test_eq "$(head -1 page)" 200 &&
	hasnt page "action=\"/tasks/1/to-drafts\"" "action=\"/tasks/1/send\"" &&
	has page "Putting it in your Drafts folder from here needs the setting mail.imap-url: <code>rapport config mail.imap-url imaps://HOST</code>" \
		"Sending it from here needs the setting mail.smtp-url: <code>rapport config mail.smtp-url smtps://HOST</code>"
'

test_expect_success 'half the IMAP settings: still no button, the next one named' '
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null &&
	http GET /tasks/1/draft >page &&
	hasnt page "action=\"/tasks/1/to-drafts\"" &&
	has page "needs the setting mail.user: <code>rapport config mail.user USER</code>"
'

test_expect_success 'with the settings: both buttons, each a form with the CSRF token' '
	rapport config mail.smtp-url "smtp://localhost:$SMTP_PORT" >/dev/null &&
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.ca-file "$DV/cert.pem" >/dev/null &&
	http GET /tasks/1/draft >page &&
	has page "action=\"/tasks/1/to-drafts\"><input type=\"hidden\" name=\"csrf\"" \
		"action=\"/tasks/1/send\"><input type=\"hidden\" name=\"csrf\"" \
		">Put in my Drafts folder</button>" ">Send</button>" &&
	hasnt page "needs the setting"
'

test_expect_success 'no address to send from: no Send button, the setting email named' '
	rapport config --unset email >/dev/null &&
	http GET /tasks/1/draft >page &&
	rapport config email me@example.org >/dev/null &&
	has page "action=\"/tasks/1/to-drafts\"" \
		"Sending it from here needs your address, the setting email: <code>rapport config email ADDRESS</code>" &&
	hasnt page "action=\"/tasks/1/send\""
'

test_expect_success 'no address to send to: no Send button, where to add one said' '
	rapport person edit "Hiring Manager" --email "" >/dev/null &&
	http GET /tasks/1/draft >page &&
	rapport person edit "Hiring Manager" --email hm@quartz.example.com >/dev/null &&
	has page "Sending it from here needs an e-mail address to send to: <a href=\"/people/1/edit\">add one</a>." &&
	hasnt page "action=\"/tasks/1/send\""
'

test_expect_success 'a POST without the CSRF token is refused, nothing put anywhere' '
	test_eq "$(http_status --no-csrf POST /tasks/1/to-drafts)" 403 &&
	test_eq "$(http_status --no-csrf POST /tasks/1/send)" 403 &&
	mkdir none && imap_do dump Drafts none && test_eq "$(ls none)" "" &&
	test_eq "$(received tls)" 0
'

test_expect_success 'Put in my Drafts folder: the draft lands there, the page says where' '
	test_dump >before &&
	http POST /tasks/1/to-drafts >resp &&
	test_eq "$(head -1 resp)" 303 &&
	has resp "Location: /tasks/1/draft?drafts=Drafts" &&
	test_dump >after &&
	test_cmp before after &&
	mkdir got && imap_do dump Drafts got &&
	test_eq "$(ls got | grep -c eml)" 1 &&
	has got/1.flags "\\Draft" &&
	has got/1.eml "To: Hiring Manager <hm@quartz.example.com>" "X-Unsent: 1" &&
	http GET "/tasks/1/draft?drafts=Drafts" >page &&
	has page "Put into your folder Drafts: review it and send it from your mail program."
'

test_expect_success 'the wrong password: the page says the server refused, nothing written' '
	rapport config mail.password-command "cat $DV/wrong" >/dev/null &&
	posts_and_fails 502 /tasks/1/to-drafts &&
	has resp "The letter was not put in your Drafts folder: " "refused to sign in" &&
	posts_and_fails 502 /tasks/1/send &&
	has resp "The letter was not sent: " "refused to sign in" &&
	test_eq "$(received tls)" 0 &&
	test_eq "$(task_field "Write to the hiring manager" status)" open
'

test_expect_success 'no password: the command that prints it failed, said on the page' '
	rapport config mail.password-command "false" >/dev/null &&
	posts_and_fails 502 /tasks/1/send &&
	has resp "mail.password-command failed (exit status 1): the password cannot be read" &&
	test_eq "$(received tls)" 0
'

test_expect_success 'a server that cannot be reached: said on the page, nothing written' '
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.smtp-url "smtp://localhost:$CLOSED_PORT" >/dev/null &&
	posts_and_fails 502 /tasks/1/send &&
	has resp "cannot reach the mail server at smtp://localhost:$CLOSED_PORT" &&
	test_eq "$(task_field "Write to the hiring manager" status)" open
'

test_expect_success 'Send: it arrives, is logged, the task done, the page says so' '
	rapport config mail.smtp-url "smtp://localhost:$SMTP_PORT" >/dev/null &&
	http POST /tasks/1/send >resp &&
	test_eq "$(head -1 resp)" 303 &&
	has resp "Location: /tasks/1/draft" &&
	test_eq "$(received tls)" 1 &&
	has "$TEST_DIR/tls/1.eml" "To: Hiring Manager <hm@quartz.example.com>" &&
	hasnt "$TEST_DIR/tls/1.eml" "X-Unsent" &&
	test_eq "$(task_field "Write to the hiring manager" status)" done &&
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" jlen interactions >n && test_eq "$(cat n)" 1 &&
	http GET /tasks/1/draft >page &&
	has page "Sent to hm@quartz.example.com: the e-mail is logged and this follow-up is done." &&
	hasnt page "action=\"/tasks/1/send\"" &&
	rapport undo --list >undo &&
	has undo "web: /tasks/1/send"
'

test_expect_success 'a recipient the server refuses: its answer on the page, nothing sent' '
	rapport person add "Data Recruiter" --email nobody@quartz.example.com >/dev/null &&
	rapport task add "Write to the recruiter" --kind email --with "Data Recruiter" \
		--opp data --template keep-in-touch >/dev/null &&
	test_dump >before &&
	http POST /tasks/2/send >resp &&
	test_eq "$(head -1 resp)" 502 &&
	has resp "refused the message" "550" "<h1>Write to the recruiter</h1>" &&
	test_dump >after &&
	test_cmp before after &&
	test_eq "$(received tls)" 1
'

test_expect_success 'a task with no letter: the page says so, nothing sent' '
	rapport task add "Call back" --kind call --with "Data Recruiter" >/dev/null &&
	http POST /tasks/3/send >resp &&
	test_eq "$(head -1 resp)" 400 &&
	has resp "<div class=\"form-errors\" role=\"alert\">" &&
	test_eq "$(http_status POST /tasks/99/send)" 404 &&
	test_eq "$(received tls)" 1
'

test_expect_success 'the password is never in a page, a log nor the database' '
	! grep -rF "$PASSWORD" resp page "$TEST_DIR/.serve.out" "$TEST_DIR/.serve.err" \
		"$TEST_DIR/tls" &&
	! grep -aF "$PASSWORD" "$RAPPORT_DB"
'

serve_stop
stopped=$?
test_expect_success 'the server stops cleanly (under ASan: nothing leaked)' '
	test $stopped = 0
'

test_done
