#!/bin/sh
# mail sync: the search's e-mail from a real IMAP server (dovecot, started
# here as whoever runs the tests, on free loopback ports, with a config,
# a passwd-file user, a self-signed certificate and a Maildir in
# $TEST_DIR): the first sync logs what mail import would, INBOX and the
# folder flagged \Sent (not the one merely named Sent); a second reads
# nothing; a message delivered since is logged; mail imported from an mbox
# first is not logged twice; a folder made again (a new UIDVALIDITY) is
# read again without doubles; a sync killed mid-way resumes without loss
# or doubles; messages stay unread on the server; the wrong password, a
# failing password command, an unencrypted or untrusted server are
# refused with nothing written; the password is never stored or printed.
. "$(dirname "$0")/test-lib.sh"

MAIL=$TEST_ROOT/cli/mail
RAPPORT_NOW=2026-03-12T09:00
DV=$TEST_DIR/dovecot
PASSWORD=horse-staple-4417-imap
SENT=".Sent Items"

if ! command -v dovecot >/dev/null 2>&1; then
	echo "# skipped: dovecot is not installed (sh scripts/install-deps --mail)"
	test_done
fi

. "$TEST_ROOT/cli/dovecot-lib.sh"

# message FILE FROM TO SUBJECT ID [DATE]: a plain message written for these tests.
message() {
	cat >"$1" <<-EOF
	From: $2
	To: $3
	Subject: $4
	Date: ${6:-Mon, 09 Mar 2026 10:00:00 +0000}
	Message-ID: <$5>
	MIME-Version: 1.0
	Content-Type: text/plain; charset=UTF-8

	Written for the mail sync test.
	EOF
}

# The account: INBOX holds the test Maildir; "Sent Items" is flagged \Sent
# and holds a letter to the recruiter; "Sent" is a folder like any other.
mailboxes() {
	_md=$DV/mail/seeker/Maildir
	mkdir -p "$_md/cur" "$_md/new" "$_md/tmp" "$_md/$SENT/cur" "$_md/$SENT/new" \
		"$_md/$SENT/tmp" "$_md/.Sent/cur" "$_md/.Sent/new" "$_md/.Sent/tmp" &&
	cp "$MAIL"/maildir/cur/* "$_md/cur/" &&
	cp "$MAIL"/maildir/new/* "$_md/new/" &&
	message "$_md/$SENT/cur/1772900000.M1P1.test:2,S" "Job Seeker <me@example.org>" \
		"Data Recruiter <recruiter@example.com>" "Coffee on Tuesday" sent-1@example.org &&
	message "$_md/.Sent/cur/1772900100.M2P2.test:2,S" "Job Seeker <me@example.org>" \
		"Hiring Manager <hm@quartz.example.com>" "Not in the Sent folder" plain-sent@example.org
}

# account [DB]: the search (as t2500's) and the IMAP account's settings.
account() {
	rapport config email me@example.org >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Engineer" --slug job >/dev/null &&
	rapport person add "Hiring Manager" --org "Quartz Insurance" \
		--email HM@quartz.example.com >/dev/null &&
	rapport person add "Data Recruiter" --email recruiter@example.com >/dev/null &&
	rapport opp link job "Hiring Manager" --role hiring-manager >/dev/null &&
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null &&
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.ca-file "$DV/cert.pem" >/dev/null
}

# sync ARGS...: the --json summary of mail sync ARGS, in $TEST_DIR/.sum.
sync() {
	rapport --json mail sync "$@" >"$TEST_DIR/.sum"
}

# emails PERSON: that person's interactions, one a line: direction|summary|opportunity.
emails() {
	rapport --json person show "$1" --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin)["interactions"], key=lambda i: (i["at"], i["summary"])):
    o = i["opportunity"]["slug"] if i["opportunity"] else "-"
    print("|".join((i["direction"], i["summary"], o)))
'
}

# logged_once: every Message-ID logged is one interaction, and none twice.
logged_once() {
	test_sql "SELECT count(*), count(DISTINCT interaction_id) FROM mail_message
		WHERE interaction_id IS NOT NULL" >"$TEST_DIR/.n" &&
	test_sql "SELECT count(*) FROM interaction WHERE kind = 'email'" >>"$TEST_DIR/.n" &&
	test_eq "$(tr '\n' ' ' <"$TEST_DIR/.n")" "$1|$1 $1 "
}

# started here, not in a test: a test runs in a subshell, and the ports
# are every test's
dovecot_start >"$TEST_DIR/.dovecot" 2>&1 && started=yes || started=no
test_expect_success 'dovecot starts on loopback, as the user who runs the tests' '
	cat "$TEST_DIR/.dovecot" &&
	test $started = yes
'

test_expect_success 'the first sync logs INBOX and the \Sent folder, not the one named Sent' '
	account &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq folders.# 2 folders.0.folder INBOX folders.1.folder "Sent Items" \
		folders.0.whole True folders.0.messages 9 folders.0.logged 5 \
		folders.0.unreadable 1 folders.1.messages 1 folders.1.logged 1 \
		logged 6 inbound 4 outbound 2 &&
	emails "Hiring Manager" >got &&
	cat >want <<-\EOF &&
	out|Thank you for today|job
	in|Re: Thank you for today|job
	in|Second round schedule|job
	EOF
	test_cmp want got &&
	emails "Data Recruiter" >got &&
	cat >want <<-\EOF &&
	in|Coffee next week?|-
	in|Réponse à votre candidature|-
	out|Coffee on Tuesday|-
	EOF
	test_cmp want got &&
	logged_once 6
'

test_expect_success '... and leaves the messages unread on the server' '
	test_eq "$(imap_do unseen INBOX)" 3
'

test_expect_success '... where the source of each is its folder and UID' '
	test_sql "SELECT source FROM mail_message WHERE message_id = '"'"'sent-1@example.org'"'"'" >got &&
	echo "imaps://localhost:$IMAPS_PORT/Sent Items;UID=1" >want &&
	test_cmp want got
'

test_expect_success 'a second sync reads nothing new and logs nothing' '
	sync &&
	<"$TEST_DIR/.sum" jv_eq messages 0 logged 0 folders.0.messages 0 folders.0.whole False &&
	logged_once 6
'

test_expect_success 'a message delivered since is logged by the next sync' '
	message late.eml "Data Recruiter <recruiter@example.com>" "me@example.org" \
		"Next steps" late-1@example.com "Wed, 11 Mar 2026 08:00:00 +0000" &&
	imap_do append INBOX late.eml &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq messages 1 logged 1 emails.0.summary "Next steps" &&
	logged_once 7
'

test_expect_success '--dry-run says what it would log and writes nothing' '
	message later.eml "Hiring Manager <hm@quartz.example.com>" "me@example.org" \
		"Offer call" later-1@quartz.example.com "Wed, 11 Mar 2026 09:00:00 +0000" &&
	imap_do append INBOX later.eml &&
	db_digest >before &&
	rapport mail sync --dry-run >out &&
	has out "dry run: INBOX: 1 new message read, would log 1" "Hiring Manager: Offer call" &&
	db_digest >after &&
	test_cmp before after &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq logged 1 &&
	logged_once 8
'

test_expect_success 'a folder made again (a new UIDVALIDITY) is read again, with no doubles' '
	message again.eml "Job Seeker <me@example.org>" "Data Recruiter <recruiter@example.com>" \
		"Coffee on Tuesday" sent-1@example.org &&
	message new-sent.eml "Job Seeker <me@example.org>" "Hiring Manager <hm@quartz.example.com>" \
		"About the offer call" sent-2@example.org "Wed, 11 Mar 2026 10:00:00 +0000" &&
	imap_do recreate "Sent Items" again.eml new-sent.eml &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq folders.1.whole True folders.1.messages 2 folders.1.logged 1 \
		logged_before 1 emails.0.summary "About the offer call" &&
	logged_once 9
'

test_expect_success 'mail sync undo takes the last sync back as one change; the next logs it again' '
	rapport mail undo >out &&
	has out "undid: mail sync" &&
	logged_once 8 &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq logged 1 folders.1.whole True &&
	logged_once 9 &&
	rapport log email "Called back" --with "Data Recruiter" >/dev/null &&
	test_must_fail 1 rapport mail undo &&
	test_stderr_contains "the latest change is '"'"'log email" &&
	test_stderr_contains "'"'"'rapport undo'"'"' takes it back"
'

test_use_db mbox-first.db
test_expect_success 'mail imported from an mbox first is not logged twice by the sync' '
	account &&
	rapport --json mail import "$MAIL/takeout.mbox" >"$TEST_DIR/.sum" &&
	<"$TEST_DIR/.sum" jv_eq logged 3 &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq logged_before 3 logged 6 &&
	logged_once 9
'

test_use_db refused.db
test_expect_success 'the wrong password: one line, exit 1, nothing written, the password never shown' '
	account &&
	rapport config mail.password-command "cat $DV/wrong" >/dev/null &&
	db_digest >before &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "the mail server refused to sign in '"'"'seeker'"'"'" &&
	test_eq "$(wc -l <"$TEST_DIR/.stderr")" 1 &&
	hasnt "$TEST_DIR/.stderr" "$PASSWORD" &&
	hasnt "$TEST_DIR/.stdout" "$PASSWORD" &&
	db_digest >after &&
	test_cmp before after
'

test_expect_success 'a password command that fails, or prints nothing: a clear error' '
	rapport config mail.password-command "cat $DV/secret; exit 3" >/dev/null &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "mail.password-command failed (exit status 3)" &&
	hasnt "$TEST_DIR/.stderr" "$PASSWORD" &&
	rapport config mail.password-command "true" >/dev/null &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "mail.password-command printed nothing"
'

test_expect_success 'settings missing or wrong are named' '
	rapport config --unset mail.user >/dev/null &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "mail sync needs mail.user: rapport config mail.user USER" &&
	test_must_fail 1 rapport config mail.auth kerberos &&
	test_stderr_contains "mail.auth is password or xoauth2" &&
	test_must_fail 1 rapport config mail.imap-url "https://mail.example.org" &&
	rapport config mail.user seeker >/dev/null
'

test_expect_success 'imap:// is refused without --insecure, and for a host not on this computer' '
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.imap-url "imap://127.0.0.1:$IMAP_PORT" >/dev/null &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "is not encrypted: use imaps://, or --insecure" &&
	rapport config mail.imap-url "imap://192.0.2.1:143" >/dev/null &&
	test_must_fail 1 rapport mail sync --insecure &&
	test_stderr_contains "is not encrypted and not on this computer" &&
	rapport config mail.imap-url "imap://127.0.0.1:$IMAP_PORT" >/dev/null &&
	sync --insecure &&
	<"$TEST_DIR/.sum" jv_eq logged 9
'

test_expect_success 'imaps without mail.ca-file: the self-signed certificate is not trusted' '
	test_use_db untrusted.db &&
	account &&
	rapport config --unset mail.ca-file >/dev/null &&
	db_digest >before &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "cannot trust the mail server at imaps://localhost:$IMAPS_PORT" &&
	db_digest >after &&
	test_cmp before after
'

test_expect_success 'a server that cannot be reached: one line, exit 1, nothing written' '
	rapport config mail.imap-url "imaps://127.0.0.1:$(free_port)" >/dev/null &&
	db_digest >before &&
	test_must_fail 1 rapport mail sync &&
	test_stderr_contains "cannot reach the mail server at imaps://127.0.0.1:" &&
	db_digest >after &&
	test_cmp before after
'

test_expect_success 'the password is in neither a database file nor the export' '
	for f in "$TEST_DIR"/*.db*; do
		! grep -q -a -F "$PASSWORD" "$f" || { echo "in $f" >&2; return 1; }
	done &&
	rapport export >dump.json &&
	hasnt dump.json "$PASSWORD"
'

test_use_db killed.db
test_pg_not_yet "the sync ends before the test can kill it"
test_expect_success 'a sync killed mid-way resumes: nothing lost, nothing twice' '
	account &&
	mkdir -p many &&
	n=0 &&
	while [ $n -lt 900 ]; do
		n=$((n + 1)) &&
		message "many/$n.eml" "Hiring Manager <hm@quartz.example.com>" me@example.org \
			"Note $n" "many-$n@quartz.example.com" || return 1
	done &&
	imap_do recreate Archive many/*.eml &&
	rapport config mail.folders Archive >/dev/null || return 1
	"$RAPPORT" mail sync >killed.out 2>&1 &
	pid=$!
	# until its first batch is committed (a minute at most: a loaded machine)
	for i in $(seq 3000); do
		test_sql "SELECT count(*) FROM mail_folder" 2>/dev/null | grep -qx 1 && break
		kill -0 $pid || break
		sleep 0.02
	done &&
	kill -9 $pid &&
	{ wait $pid; true; } &&
	first=$(test_sql "SELECT count(*) FROM mail_message") &&
	echo "logged before the kill: $first" &&
	test "$first" -ge 200 && test "$first" -lt 900 &&
	sync &&
	<"$TEST_DIR/.sum" jv_eq folders.0.whole False &&
	logged_once 900
'

test_done
