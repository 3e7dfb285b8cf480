#!/bin/sh
# draft --to-drafts and --send (issue 19) against real servers started here
# on free loopback ports: dovecot (tests/cli/dovecot-lib.sh; its drafts
# folder, flagged \Drafts, is named "Brouillons", so the flag is what finds
# it) and aiosmtpd (tests/cli/smtp-sink.py: STARTTLS with a self-signed
# certificate, a password required; a second one, unencrypted). The draft
# lands in the Drafts folder flagged \Draft; a message sent arrives with
# the task's Message-ID and its text, and is logged, its task done, one
# change for undo; the copy in the Sent folder is not logged again. A
# closed task, a refused recipient, a server that cannot be reached, an
# unencrypted one, the wrong password: a clear error, nothing sent,
# nothing written. The password is never printed or stored.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-11T09:00
DV=$TEST_DIR/dovecot
PASSWORD=lantern-orbit-5521-mail
DRAFTS=Brouillons

if ! command -v dovecot >/dev/null 2>&1 ||
	! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
	echo "# skipped: dovecot or aiosmtpd is not installed (sh scripts/install-deps --mail)"
	test_done
fi

# The account's folders: an empty INBOX, the drafts folder, Sent Items.
mailboxes() {
	_md=$DV/mail/seeker/Maildir
	for _f in "" "/.$DRAFTS" "/.Sent Items"; do
		mkdir -p "$_md$_f/cur" "$_md$_f/new" "$_md$_f/tmp" || return 1
	done
}

. "$TEST_ROOT/cli/dovecot-lib.sh"
. "$TEST_ROOT/cli/smtp-lib.sh"
trap 'dovecot_stop; for p in $sink_pids; do kill "$p" 2>/dev/null; done; rm -rf "$TEST_DIR"' EXIT

# the whole database as text, for what must not be in it or must not change
db_text() {
	test_dump
}

# task_status ID: open, done or skipped.
task_status() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
print(*[t["status"] for t in json.load(sys.stdin) if t["id"] == int(sys.argv[1])])' "$1"
}

# started here, not in a test: a test runs in a subshell, and the ports
# are every test's
SMTP_PORT=$(free_port) PLAIN_PORT=$(free_port) CLOSED_PORT=$(free_port)
{ dovecot_start && sink_start tls "$SMTP_PORT" "$DV/cert.pem" "$DV/key.pem" &&
	sink_start plain "$PLAIN_PORT"; } >"$TEST_DIR/.servers" 2>&1 && started=yes || started=no
test_expect_success 'dovecot and two SMTP servers start on loopback' '
	cat "$TEST_DIR/.servers" &&
	test $started = yes
'

test_expect_success 'a search with a letter to write, and the account' '
	rapport config email me@example.org >/dev/null &&
	rapport config name "Job Seeker" >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Engineer" --slug data >/dev/null &&
	rapport person add "Hiring Manager" --org "Quartz Insurance" \
		--email hm@quartz.example.com >/dev/null &&
	rapport opp link data "Hiring Manager" >/dev/null &&
	rapport task add "Write to the hiring manager" --kind email --with "Hiring Manager" \
		--opp data --template keep-in-touch >/dev/null &&
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null &&
	rapport config mail.smtp-url "smtp://localhost:$SMTP_PORT" >/dev/null &&
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.ca-file "$DV/cert.pem" >/dev/null &&
	rapport draft 1 --eml draft.eml >/dev/null &&
	sed -n "s/^Message-ID: \(.*\)\r$/\1/p" draft.eml >id &&
	test -s id
'

test_expect_success '--to-drafts puts the draft into the folder flagged \Drafts, as a draft' '
	db_text >before &&
	rapport --json draft 1 --to-drafts >json &&
	<json jv_eq drafts_folder Brouillons &&
	imap_do recreate Brouillons &&
	rapport draft 1 --to-drafts >out 2>err &&
	test_eq "$(cat out)" "put the draft of task 1 into the folder Brouillons" &&
	db_text >after &&
	test_cmp before after &&
	mkdir got && imap_do dump Brouillons got &&
	test_eq "$(ls got | grep -c eml)" 1 &&
	has got/1.flags "\\Draft" &&
	has got/1.eml "Message-ID: $(cat id)" "To: Hiring Manager <hm@quartz.example.com>" \
		"X-Unsent: 1" "Subject: It has been a while"
'

test_expect_success '--to-drafts with the wrong password: refused, nothing written' '
	rapport config mail.password-command "cat $DV/wrong" >/dev/null &&
	test_fails_cleanly draft 1 --to-drafts &&
	has "$TEST_DIR/.err" "refused to sign in" &&
	rapport config mail.password-command "cat $DV/secret" >/dev/null
'

test_expect_success '--send over STARTTLS: the letter arrives with the task Message-ID' '
	rapport draft 1 --send >out 2>err &&
	test_eq "$(cat out)" \
		"sent the letter of task 1 to hm@quartz.example.com; logged as interaction 1, task 1 done" &&
	test_eq "$(received tls)" 1 &&
	test_eq "$(cat "$TEST_DIR/tls/1.env")" "$(printf "from me@example.org\nto hm@quartz.example.com")" &&
	/usr/bin/python3 - "$TEST_DIR/tls/1.eml" "$(cat id)" <<-\EOF
	import email, email.policy, sys
	m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
	assert m["Message-ID"] == sys.argv[2], (m["Message-ID"], sys.argv[2])
	assert m["From"] == "Job Seeker <me@example.org>", m["From"]
	assert m["To"] == "Hiring Manager <hm@quartz.example.com>", m["To"]
	assert m["Subject"] == "It has been a while", m["Subject"]
	assert m["X-Unsent"] is None, "a message sent is no draft"
	body = m.get_content()
	assert body.startswith("Hello Hiring,\n"), body
	assert body.rstrip().endswith("Job Seeker"), body
	EOF
'

test_expect_success 'what was sent is logged on the opportunity, the task done, one undo entry' '
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
i = json.load(sys.stdin)[\"interactions\"]
assert len(i) == 1, i
i = i[0]
assert (i[\"kind\"], i[\"direction\"], i[\"summary\"]) == (\"email\", \"out\", \"It has been a while\"), i
assert i[\"opportunity\"][\"slug\"] == \"data\", i
assert i[\"notes\"].startswith(\"Hello Hiring,\"), i
" &&
	test_eq "$(task_status 1)" done &&
	rapport undo --list >undo &&
	has undo "draft 1 --send"
'

test_expect_success 'the copy in the Sent folder is not logged again' '
	imap_do append "Sent Items" "$TEST_DIR/tls/1.eml" &&
	rapport config mail.folders "Sent Items" >/dev/null &&
	rapport --json mail sync >sum &&
	<sum jv_eq logged 0 logged_before 1
'

test_expect_success 'a task closed already is not sent again' '
	test_fails_cleanly draft 1 --send &&
	has "$TEST_DIR/.err" "task 1 is closed already: nothing was sent" &&
	test_eq "$(received tls)" 1
'

test_expect_success 'a recipient the server refuses: nothing sent, nothing written' '
	rapport person add "Data Recruiter" --email nobody@quartz.example.com >/dev/null &&
	rapport task add "Write to the recruiter" --kind email --with "Data Recruiter" \
		--opp data --template keep-in-touch >/dev/null &&
	test_fails_cleanly draft 2 --send &&
	has "$TEST_DIR/.err" "refused the message" "550" "nothing was sent" &&
	test_eq "$(received tls)" 1 &&
	test_eq "$(task_status 2)" open
'

test_expect_success 'a server that cannot be reached: a clear error, nothing written' '
	rapport person edit "Data Recruiter" --email recruiter@quartz.example.com >/dev/null &&
	rapport config mail.smtp-url "smtp://localhost:$CLOSED_PORT" >/dev/null &&
	test_fails_cleanly draft 2 --send &&
	has "$TEST_DIR/.err" "cannot reach the mail server at smtp://localhost:$CLOSED_PORT"
'

test_expect_success 'unencrypted: refused without --insecure, sent with it, only on loopback' '
	rapport config mail.smtp-url "smtp://127.0.0.1:$PLAIN_PORT" >/dev/null &&
	test_fails_cleanly draft 2 --send &&
	has "$TEST_DIR/.err" "offers no encryption (STARTTLS)" &&
	test_eq "$(received plain)" 0 &&
	rapport config mail.smtp-url "smtp://mail.example.com:$PLAIN_PORT" >/dev/null &&
	test_fails_cleanly draft 2 --send --insecure &&
	has "$TEST_DIR/.err" "only with smtp:// to a server on this computer" &&
	rapport config mail.smtp-url "smtp://127.0.0.1:$PLAIN_PORT" >/dev/null &&
	rapport --json draft 2 --send --insecure >out &&
	<out jv_eq sent.to recruiter@quartz.example.com sent.interaction 2 &&
	test_eq "$(received plain)" 1 &&
	test_eq "$(task_status 2)" done
'

test_expect_success 'undo takes a send back: the e-mail unlogged, the task open' '
	rapport undo >out &&
	test_eq "$(task_status 2)" open &&
	rapport --json person show "Data Recruiter" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" jv_eq interactions "[]" &&
	test_eq "$(test_sql "SELECT count(*) FROM mail_message")" 1
'

test_expect_success 'the wrong password: refused, nothing sent or written' '
	rapport task add "Write again" --kind email --with "Hiring Manager" \
		--template keep-in-touch >/dev/null &&
	rapport config mail.smtp-url "smtp://localhost:$SMTP_PORT" >/dev/null &&
	rapport config mail.password-command "cat $DV/wrong" >/dev/null &&
	test_fails_cleanly draft 3 --send &&
	has "$TEST_DIR/.err" "refused to sign in" &&
	test_eq "$(received tls)" 1
'

test_expect_success 'usage: one of --to-drafts and --send; --insecure only with them' '
	test_expect_code 1 rapport draft 3 --send --to-drafts >out 2>err &&
	has err "choose one" &&
	test_expect_code 1 rapport draft 3 --insecure >out 2>err &&
	has err "--insecure goes with --to-drafts or --send"
'

test_expect_success 'the password is never printed nor stored' '
	! grep -rF "$PASSWORD" "$TEST_DIR"/*.log "$TEST_DIR"/out "$TEST_DIR"/err \
		"$TEST_DIR"/.out "$TEST_DIR"/.err "$TEST_DIR"/tls "$TEST_DIR"/plain &&
	! grep -aF "$PASSWORD" "$RAPPORT_DB" &&
	db_text >dump && ! grep -F "$PASSWORD" dump
'

test_done
