#!/bin/sh
# mail sync against a real IMAP server (dovecot, tests/cli/dovecot-lib.sh),
# the cases of issue 19 that t2520 does not walk: a letter drafted in
# English answered in German, threaded by In-Reply-To onto the task's
# opportunity (its person has two) and proposing a rejection in German;
# and a message with a 20 MB attachment (made here, never committed): it
# is logged with its text's excerpt, the sync completes within bounded
# memory (its peak resident size is printed in this test's log) and the
# small messages beside it are logged as well; imported from a file, or
# from an mbox, it is held about once, not once per copy made on the way
# (2026-12: sync held it four times over, import twice, an mbox three
# times). The messages are written for the project.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-11T09:00
DV=$TEST_DIR/dovecot
PASSWORD=pebble-harbor-2291-walk

if ! command -v dovecot >/dev/null 2>&1; then
	echo "# skipped: dovecot is not installed (sh scripts/install-deps --mail)"
	test_done
fi

# The account: an empty INBOX and Sent Items.
mailboxes() {
	maildir_folders "" "/.Sent Items"
}

. "$TEST_ROOT/cli/dovecot-lib.sh"

# emails PERSON: that person's e-mails, one a line: direction|summary|opportunity.
emails() {
	rapport --json person show "$1" --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for i in sorted(json.load(sys.stdin)["interactions"], key=lambda i: (i["at"], i["summary"])):
    o = i["opportunity"]["slug"] if i["opportunity"] else "-"
    print("|".join((i["direction"], i["summary"], o)))
'
}

dovecot_start >"$TEST_DIR/.dovecot" 2>&1 && started=yes || started=no
test_expect_success 'dovecot starts on loopback' '
	cat "$TEST_DIR/.dovecot" &&
	test $started = yes
'

test_expect_success 'a search: one person on two opportunities, a letter drafted in English' '
	rapport config email me@example.org >/dev/null &&
	rapport config name "Job Seeker" >/dev/null &&
	rapport opp add "Rhein Analytics" "Data Engineer" --slug data --stage applied >/dev/null &&
	rapport opp add "Rhein Analytics" "Data Lead" --slug lead --stage applied >/dev/null &&
	rapport person add "Hiring Manager" --org "Rhein Analytics" \
		--email hm@rhein.example.de >/dev/null &&
	rapport opp link data "Hiring Manager" >/dev/null &&
	rapport opp link lead "Hiring Manager" >/dev/null &&
	rapport task add "Write to the hiring manager" --kind email --with "Hiring Manager" \
		--opp lead --template keep-in-touch >/dev/null &&
	rapport draft 1 --eml draft.eml >/dev/null &&
	sed -n "s/^Message-ID: \(<.*>\)\r$/\1/p" draft.eml >id &&
	test -s id &&
	rapport config mail.imap-url "imaps://localhost:$IMAPS_PORT" >/dev/null &&
	rapport config mail.user seeker >/dev/null &&
	rapport config mail.password-command "cat $DV/secret" >/dev/null &&
	rapport config mail.ca-file "$DV/cert.pem" >/dev/null
'

test_expect_success 'the answer in German goes on the drafted letter opportunity' '
	cat >reply.eml <<-EOF &&
	From: Hiring Manager <hm@rhein.example.de>
	To: Job Seeker <me@example.org>
	Subject: AW: It has been a while
	Date: Thu, 12 Mar 2026 10:00:00 +0100
	Message-ID: <antwort-1@rhein.example.de>
	In-Reply-To: $(cat id)
	References: $(cat id)
	MIME-Version: 1.0
	Content-Type: text/plain; charset=UTF-8
	Content-Transfer-Encoding: quoted-printable

	Guten Tag,

	vielen Dank f=C3=BCr Ihre Nachricht. Zur Stelle als Data Lead: nach
	sorgf=C3=A4ltiger Pr=C3=BCfung haben wir uns f=C3=BCr einen anderen
	Kandidaten entschieden.

	Mit freundlichen Gr=C3=BC=C3=9Fen
	EOF
	imap_do append INBOX reply.eml &&
	rapport --json mail sync >sum &&
	<sum jv_eq logged 1 inbound 1 &&
	emails "Hiring Manager" >got &&
	test_eq "$(cat got)" "in|AW: It has been a while|lead"
'

test_expect_success '... and proposes the rejection of that opportunity, in German words' '
	rapport --json inbox >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
p = json.load(sys.stdin)
assert len(p) == 1, p
p = p[0]
assert p[\"kind\"] == \"reject\", p
assert p[\"opportunity\"][\"slug\"] == \"lead\", p
assert p[\"phrase\"] == \"für einen anderen Kandidaten entschieden\", p
" &&
	rapport --json opp show lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage applied
'

# rss_bounded KB BASE: the peak resident size KB, less BASE (the same
# command's with nothing large to read: libraries, the database), is under
# 30 MB: one and a half times the 20 MB message, which is then held once.
# Not under AddressSanitizer, whose shadow memory and quarantine are not
# the program's.
rss_bounded() {
	grep -q __asan_init "$RAPPORT" || test $(($1 - $2)) -lt 30000
}

# usage_of FILE CMD...: run rapport CMD..., its peak resident size (kB)
# and seconds into FILE, its output into sum.
usage_of() {
	_f=$1
	shift
	/usr/bin/time -f "%M %e" -o "$_f" "$RAPPORT" "$@" >sum
}

# big FILE: a message from the hiring manager, a short text and a 20 MB
# attachment (15 MB of random bytes, in base64), made here.
big() {
	{
		printf "From: Hiring Manager <hm@rhein.example.de>\nTo: me@example.org\n"
		printf "Subject: The data set for the exercise\nDate: Fri, 13 Mar 2026 09:00:00 +0100\n"
		printf "Message-ID: <big-1@rhein.example.de>\nMIME-Version: 1.0\n"
		printf "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\n"
		printf "Content-Type: text/plain; charset=UTF-8\n\n"
		printf "Here is the data set for the take-home exercise, as promised.\n\n--b1\n"
		printf "Content-Type: application/octet-stream; name=\"data.bin\"\n"
		printf "Content-Disposition: attachment; filename=\"data.bin\"\n"
		printf "Content-Transfer-Encoding: base64\n\n"
		head -c 15000000 /dev/urandom | base64 -w 76
		printf "\n--b1--\n"
	} >"$1"
}

test_expect_success 'a 20 MB attachment: logged with its text excerpt, in bounded memory' '
	big big.eml &&
	test "$(wc -c <big.eml)" -gt 20000000 &&
	printf "From: Hiring Manager <hm@rhein.example.de>\nTo: me@example.org\nSubject: %s\nDate: %s\nMessage-ID: <small-%s@rhein.example.de>\n\nA short note.\n" \
		"A note before" "Fri, 13 Mar 2026 08:00:00 +0100" 1 >small1.eml &&
	printf "From: Hiring Manager <hm@rhein.example.de>\nTo: me@example.org\nSubject: %s\nDate: %s\nMessage-ID: <small-%s@rhein.example.de>\n\nA short note.\n" \
		"A note after" "Fri, 13 Mar 2026 10:00:00 +0100" 2 >small2.eml &&
	imap_do append INBOX small1.eml big.eml small2.eml &&
	usage_of "$TEST_DIR/.sync-usage" --json mail sync &&
	read rss secs <"$TEST_DIR/.sync-usage" &&
	<sum jv_eq logged 3 folders.0.unreadable 0 &&
	emails "Hiring Manager" >got &&
	cat >want <<-\EOF &&
	in|AW: It has been a while|lead
	in|A note before|-
	in|The data set for the exercise|-
	in|A note after|-
	EOF
	test_cmp want got &&
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
i = [i for i in json.load(sys.stdin)[\"interactions\"] if i[\"summary\"].startswith(\"The data\")][0]
assert i[\"notes\"].startswith(\"Here is the data set for the take-home exercise\"), i[\"notes\"]
assert len(i[\"notes\"]) < 2000, len(i[\"notes\"])
" &&
	usage_of "$TEST_DIR/.sync-base" --json mail sync &&
	<sum jv_eq messages 0 &&
	read base secs <"$TEST_DIR/.sync-base" &&
	rss_bounded "$rss" "$base"
'

# imported_once NAME FILE: FILE, imported into a database of its own
# (NAME.db, where the hiring manager is known), is logged, held about once
# (its peak in .NAME-usage).
imported_once() {
	export RAPPORT_DB="$TEST_DIR/$1.db" &&
	rapport person add "Hiring Manager" --email hm@rhein.example.de >/dev/null &&
	usage_of "$TEST_DIR/.import-base" --json mail import small1.eml &&
	read base secs <"$TEST_DIR/.import-base" &&
	usage_of "$TEST_DIR/.$1-usage" --json mail import "$2" &&
	read rss secs <"$TEST_DIR/.$1-usage" &&
	<sum jv_eq logged 1 &&
	rss_bounded "$rss" "$base"
}

test_expect_success 'the same message imported from a file: logged, in bounded memory too' '
	imported_once import big.eml
'

test_expect_success 'the same message in an mbox: read where it is in the file, in bounded memory' '
	{ echo "From hm@rhein.example.de Fri Mar 13 08:00:00 2026" && cat big.eml && echo; } >big.mbox &&
	imported_once mbox big.mbox
'

# the figures in the log: peak resident size (kB) and seconds
for _u in sync import mbox; do
	[ -s "$TEST_DIR/.$_u-usage" ] &&
		echo "# mail $_u with the 20 MB attachment: $(sed 's/ / kB peak RSS, /' \
			"$TEST_DIR/.$_u-usage") s"
done
for _u in sync import; do
	[ -s "$TEST_DIR/.$_u-base" ] &&
		echo "# mail $_u with nothing large: $(sed 's/ / kB peak RSS, /' \
			"$TEST_DIR/.$_u-base") s"
done
test_done
