#!/bin/sh
# mail import: the search's e-mail from a Maildir, an mbox and message files
# (tests/cli/mail, written for these tests): what is logged (in, out, the
# thread's opportunity), what is not (automatic mail, a newsletter from a
# known organisation's domain, strangers, a file that is no message), the
# same mail from a Maildir and an mbox logged once, a second import that
# opens nothing it read, --dry-run, undo as one step across batches, bad
# paths refused with nothing written, and a reply that ends a silence.
. "$(dirname "$0")/test-lib.sh"

MAIL=$TEST_ROOT/cli/mail
FIRST="$MAIL/maildir/cur/1772560800.M1P101.mail.example.org:2,S"
RAPPORT_NOW=2026-03-12T09:00

# search: the job seeker's addresses, an opportunity at Quartz Insurance and
# its hiring manager, a recruiter with no opportunity.
search() {
	rapport config email me@example.org >/dev/null &&
	rapport config mail.addresses "me.alt@example.org, Me@Example.net" >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Engineer" --slug job >/dev/null &&
	rapport person add "Hiring Manager" --org "Quartz Insurance" \
		--email HM@quartz.example.com >/dev/null &&
	rapport person add "Data Recruiter" --email recruiter@example.com >/dev/null &&
	rapport opp link job "Hiring Manager" --role hiring-manager >/dev/null
}

# import ARGS...: the --json summary of mail import ARGS, in $TEST_DIR/.sum.
import() {
	rapport --json mail import "$@" >"$TEST_DIR/.sum"
}

# emails PERSON: that person's interactions, oldest first, one a line:
# kind|direction|at|summary|opportunity.
emails() {
	rapport --json person show "$1" --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin)["interactions"], key=lambda i: i["at"]):
    o = i["opportunity"]["slug"] if i["opportunity"] else "-"
    print("|".join((i["kind"], i["direction"], i["at"], i["summary"], o)))
'
}

# notes PERSON SUMMARY: the notes of that person's interaction with that summary.
notes() {
	rapport --json person show "$1" --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
print([i for i in json.load(sys.stdin)["interactions"] if i["summary"] == sys.argv[1]][0]["notes"])
' "$2"
}

test_expect_success 'paths that are no mailbox: one line, exit 1, nothing written' '
	search &&
	mkdir -p folder/cur &&
	head -c 700 "$MAIL/takeout.mbox" >cut-mid-line.mbox &&
	printf "From a@example.com Mon Mar  9 08:30:00 2026\nFrom: a@example.com\n" \
		>cut-in-headers.mbox &&
	echo "just some notes" >notes.txt &&
	db_digest >before &&
	test_must_fail 1 rapport mail import "$MAIL/maildir" folder &&
	test_stderr_contains "is not a Maildir: it has no cur/ and new/ folders" &&
	test_must_fail 1 rapport mail import cut-mid-line.mbox &&
	test_stderr_contains "cut-mid-line.mbox'"'"' is a truncated mbox: it ends in the middle" &&
	test_must_fail 1 rapport mail import cut-in-headers.mbox &&
	test_stderr_contains "is a truncated mbox: its last message ends within its headers" &&
	test_must_fail 1 rapport mail import notes.txt &&
	test_stderr_contains "is not a Maildir, an mbox or a message file" &&
	test_must_fail 1 rapport mail import "$MAIL/maildir" missing.mbox &&
	test_stderr_contains "cannot read '"'"'missing.mbox'"'"'" &&
	test_eq "$(wc -l <"$TEST_DIR/.stderr")" 1 &&
	db_digest >after &&
	test_cmp before after
'

test_expect_success '--dry-run says what would be logged and writes nothing' '
	db_digest >before &&
	rapport mail import --dry-run "$MAIL/maildir" >out &&
	has out "dry run: 9 messages read: would log 5 e-mails (4 in, 1 out)" \
		"  in  2026-03-05T09:15  Hiring Manager: Re: Thank you for today (job)" &&
	db_digest >after &&
	test_cmp before after
'

test_expect_success 'a sent message: out, to the person, on their one open opportunity' '
	import "$FIRST" &&
	<"$TEST_DIR/.sum" jv_eq messages 1 logged 1 outbound 1 emails.0.opportunity job \
		emails.0.date 2026-03-03T18:00:00+00:00 emails.0.people "Hiring Manager" &&
	emails "Hiring Manager" >got &&
	echo "email|out|2026-03-03T18:00:00+00:00|Thank you for today|job" >want &&
	test_cmp want got
'

test_expect_success 'a Maildir: its thread finds the opportunity; automatic and unknown mail are not logged' '
	rapport opp add "Quartz Insurance" "Analytics Lead" --slug other >/dev/null &&
	rapport opp link other "Hiring Manager" --role peer >/dev/null &&
	import "$MAIL/maildir" &&
	<"$TEST_DIR/.sum" jv_eq messages 9 logged 4 inbound 4 outbound 0 logged_before 1 \
		automatic 1 unknown 2 skipped.# 1 &&
	<"$TEST_DIR/.sum" jv skipped.0.reason >reason &&
	echo "not a message: no header can be read" >want &&
	test_cmp want reason &&
	<"$TEST_DIR/.sum" jv skipped.0.source >source &&
	grep -q "maildir/new/1772870500.M8P108.mail.example.org$" source &&
	emails "Hiring Manager" >got &&
	cat >want <<-\EOF &&
	email|out|2026-03-03T18:00:00+00:00|Thank you for today|job
	email|in|2026-03-05T09:15:00+00:00|Re: Thank you for today|job
	email|in|2026-03-06T16:13:00+00:00|Second round schedule|-
	EOF
	test_cmp want got &&
	emails "Data Recruiter" >got &&
	cat >want <<-\EOF &&
	email|in|2026-03-06T13:26:00+00:00|Coffee next week?|-
	email|in|2026-03-07T08:00:00+00:00|Réponse à votre candidature|-
	EOF
	test_cmp want got
'

test_expect_success '... the notes are an excerpt: no quote, Latin-1 read, broken MIME read' '
	notes "Hiring Manager" "Re: Thank you for today" >got &&
	printf "%s\n" "It was good to meet you. We will be in touch next week about the" \
		"second round." >want &&
	test_cmp want got &&
	notes "Data Recruiter" "Réponse à votre candidature" >got &&
	echo "Nous avons bien reçu votre candidature et revenons vers vous très vite." >want &&
	test_cmp want got &&
	notes "Hiring Manager" "Second round schedule" >got &&
	echo "Could you come in on Wednesday at ten for the second round?" >want &&
	test_cmp want got
'

test_expect_success 'the same mail from an mbox (Takeout): logged once, >From unquoted' '
	import "$MAIL/takeout.mbox" &&
	<"$TEST_DIR/.sum" jv_eq messages 4 logged 1 outbound 1 logged_before 3 \
		emails.0.summary "Wednesday works" &&
	notes "Hiring Manager" "Wednesday works" >got &&
	printf "%s\n" "Wednesday at ten works well for me." "" \
		"From the notes you sent, I will prepare a short walk-through of a pipeline." >want &&
	test_cmp want got
'

test_expect_success 'a Maildir read before: its files are not opened again' '
	cp -R "$MAIL/maildir" copy &&
	import copy &&
	<"$TEST_DIR/.sum" jv_eq logged 0 logged_before 0 files_read_before 8 skipped.# 1 &&
	echo "not mail any more" >"copy/cur/1772800000.M5P105.mail.example.org:2,S" &&
	mv "copy/new/1772870400.M7P107.mail.example.org" \
		"copy/cur/1772870400.M7P107.mail.example.org:2,S" &&
	import copy &&
	<"$TEST_DIR/.sum" jv_eq messages 9 logged 0 files_read_before 8 skipped.# 1
'

test_expect_success 'someone new is known: their mail, read before, is logged now' '
	rapport person add "Conference Organiser" --email someone@example.net >/dev/null &&
	import "$MAIL/maildir" &&
	<"$TEST_DIR/.sum" jv_eq logged 1 emails.0.summary "Speaker invitation" unknown 1
'

test_use_db undo.db
test_expect_success 'undo takes back an import of several batches as one change' '
	search &&
	mkdir -p big/cur big/new &&
	n=0 &&
	while [ $n -lt 520 ]; do
		n=$((n + 1)) &&
		from=stranger$n@example.net &&
		case $n in 3 | 517) from=hm@quartz.example.com ;; esac &&
		printf "From: %s\nTo: me@example.org\nSubject: Note %d\nDate: Wed, 04 Mar 2026 10:00:00 +0000\nMessage-ID: <big-%d@example.net>\n\nHello.\n" \
			"$from" $n $n >"big/cur/$((1772600000 + n)).M${n}P1.mail.example.org:2,S" || return 1
	done &&
	rapport undo --list >before &&
	import big &&
	<"$TEST_DIR/.sum" jv_eq messages 520 logged 2 unknown 518 &&
	rapport undo --list >after &&
	test_eq "$(($(wc -l <after) - $(wc -l <before)))" 1 &&
	rapport undo >out &&
	has out "undid: mail import big" &&
	emails "Hiring Manager" >got &&
	test_eq "$(wc -l <got)" 0
'

test_expect_success '... and importing again logs the mail again' '
	import big &&
	<"$TEST_DIR/.sum" jv_eq logged 2 files_read_before 518
'

test_use_db bodies.db
test_expect_success 'mail.keep-bodies = yes keeps the whole text' '
	search &&
	rapport config mail.keep-bodies yes >/dev/null &&
	import "$MAIL/maildir/cur/1772702100.M2P102.mail.example.org:2,RS" &&
	notes "Hiring Manager" "Re: Thank you for today" >got &&
	has got "On Tue, 3 Mar 2026, Job Seeker wrote:" \
		"> Thank you for the conversation about the Data Engineer role today." &&
	test_must_fail 1 rapport config mail.keep-bodies always &&
	test_must_fail 1 rapport config mail.addresses "me@example.org, not an address"
'

test_use_db silence.db
test_expect_success 'a reply imported ends the silence, as one logged by hand does' '
	interviewed "Quartz Insurance" interviewing &&
	on 2026-03-02 rapport config email me@example.org >/dev/null &&
	on 2026-03-02 rapport person edit Recruiting --email partner@quartz.example.com >/dev/null &&
	each_day 2026-03-03 2026-03-09 rapport agenda &&
	LETTER="Write to Recruiting Partner to restate your interest in Data Engineer" &&
	test_eq "$(on 2026-03-09 task_field "$LETTER" status)" open &&
	on 2026-03-10T09:00 import "$MAIL/newsletter-from-partner.eml" &&
	<"$TEST_DIR/.sum" jv_eq logged 0 automatic 1 &&
	test_eq "$(on 2026-03-10T09:00 task_field "$LETTER" status)" open &&
	on 2026-03-10T15:00 import "$MAIL/reply-after-silence.eml" &&
	<"$TEST_DIR/.sum" jv_eq logged 1 inbound 1 emails.0.opportunity job &&
	test_eq "$(on 2026-03-10T15:00 task_field "$LETTER" status)" skipped &&
	on 2026-03-10T15:00 task_field "$LETTER" why >why &&
	has why "they got in touch on 2026-03-10" &&
	each_day 2026-03-10 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_done
