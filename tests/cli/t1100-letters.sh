#!/bin/sh
# Letters: your settings (config), drafting a task's letter, built-in and user templates.
. "$(dirname "$0")/test-lib.sh"

TEMPLATES="$XDG_CONFIG_HOME/rapport/templates"

test_expect_success 'setup: a person, an opportunity, a thank-you task' '
	rapport person add "Director of Analytics" --org "Acme Analytics" --title "Head of Data" \
		--email director@example.com >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null &&
	rapport --json task add "Thank-you note" --with Director --opp acme-data-lead \
		--template thank-you --kind email | json_get "[\"id\"]" >id &&
	test_eq "$(cat id)" 1
'

test_expect_success 'config with nothing set lists the known keys as not set' '
	rapport config >out &&
	grep -q "^name: *(not set)" out &&
	grep -q "^email: *(not set)" out &&
	grep -q "^signature: *(not set)" out &&
	rapport --json config >out &&
	test_eq "$(json_get "[\"name\"]" <out)" None
'

test_expect_success 'config KEY VALUE sets, config KEY prints' '
	rapport config name "New User" >out &&
	grep -q "^set name" out &&
	rapport config email newuser@example.org >/dev/null &&
	test_eq "$(rapport config name)" "New User" &&
	test_eq "$(rapport config email)" "newuser@example.org" &&
	rapport config name "A New User" >/dev/null &&
	test_eq "$(rapport config name)" "A New User" &&
	rapport --json config name >out &&
	test_eq "$(json_get "[\"name\"]" <out)" "A New User"
'

test_expect_success 'a signature may hold several lines' '
	rapport config signature "$(printf "A New User\nData person, Leeds\n+44 113 496 0000")" \
		>/dev/null &&
	rapport config signature >out &&
	printf "A New User\nData person, Leeds\n+44 113 496 0000\n" >expect &&
	test_cmp expect out &&
	rapport config >out &&
	grep -q "^signature: *A New User$" out &&
	grep -q "^  *Data person, Leeds$" out &&
	rapport --json config >out &&
	python3 -c "
import json
c = json.load(open(\"out\"))
assert c == {\"name\": \"A New User\", \"email\": \"newuser@example.org\",
    \"signature\": \"A New User\nData person, Leeds\n+44 113 496 0000\",
    \"levels\": None, \"timezone\": None, \"mail.addresses\": None,
    \"mail.keep-bodies\": None, \"mail.imap-url\": None, \"mail.smtp-url\": None,
    \"mail.user\": None, \"mail.smtp-user\": None, \"mail.password-command\": None, \"mail.auth\": None, \"mail.folders\": None,
    \"mail.ca-file\": None, \"web.password\": False}, c
"
'

test_expect_success 'bad values are refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport config email "not an address" &&
	test_stderr_contains "e-mail address" &&
	test_must_fail 1 rapport config email "a@b@c" &&
	test_must_fail 1 rapport config name "$(printf "two\nlines")" &&
	test_stderr_contains "one line" &&
	test_must_fail 1 rapport config name "" &&
	test_stderr_contains "--unset" &&
	test_must_fail 1 rapport config name "   " &&
	test_must_fail 1 rapport config signature "$(printf "bad\001byte")" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an unknown key is an error that lists the known ones' '
	test_must_fail 1 rapport config colour blue &&
	test_stderr_contains "unknown setting '\''colour'\''" &&
	test_stderr_contains "name, email, signature" &&
	test_must_fail 1 rapport config colour &&
	test_must_fail 1 rapport config --unset colour
'

test_expect_success 'config --unset removes a value' '
	rapport config email old@example.org >/dev/null &&
	rapport config --unset email >out &&
	grep -q "^unset email" out &&
	test_eq "$(rapport config email)" "" &&
	rapport config >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^email: *(not set)" &&
	test_must_fail 1 rapport config --unset &&
	test_must_fail 1 rapport config --unset name "Me" &&
	rapport config email newuser@example.org >/dev/null
'

test_expect_success 'config takes at most KEY and VALUE' '
	test_must_fail 2 rapport config name Me extra
'

test_expect_success 'draft prints the subject, a blank line and the body' '
	rapport draft 1 >out &&
	sed -n 1p out | grep -q "^Subject: ." &&
	test_eq "$(sed -n 2p out)" "" &&
	grep -q "^Hello Director,$" out &&
	grep -q "Acme Analytics" out &&
	grep -q "Data Lead" out &&
	grep -q "^A New User$" out &&
	grep -q "^Data person, Leeds$" out &&
	! grep -q "[{}]" out
'

test_expect_success 'draft --json gives the task, the person, the address, subject and body' '
	rapport --json draft 1 >out &&
	python3 -c "
import json
d = json.load(open(\"out\"))
assert d[\"task\"][\"id\"] == 1 and d[\"task\"][\"title\"], d
assert d[\"template\"] == \"thank-you\", d
assert d[\"person\"] == {\"id\": 1, \"name\": \"Director of Analytics\"}, d
assert d[\"email\"] == \"director@example.com\", d
assert d[\"subject\"], d
assert d[\"body\"].startswith(\"Hello Director,\n\"), d
assert \"Acme Analytics\" in d[\"body\"] and d[\"body\"].endswith(\"+44 113 496 0000\n\"), d
"
'

test_expect_success 'without a signature the letter ends with your name' '
	rapport config --unset signature >/dev/null &&
	rapport draft 1 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" tail -n 1 >last &&
	test_eq "$(cat last)" "A New User" &&
	rapport config signature "Me" >/dev/null
'

test_expect_success 'every built-in template drafts without leftovers' '
	for t in thank-you silence-letter stay-in-touch consult-offer re-contact keep-in-touch \
		offer-questions progress-update landed-update withdrawal; do
		id=$(rapport --json task add "Letter: $t" --with Director --opp acme-data-lead \
			--template $t | json_get "[\"id\"]") &&
		rapport draft "$id" >out &&
		grep -q "^Hello Director,$" out &&
		! grep -q "[{}]" out &&
		! grep -q "  " out || { echo "template $t"; cat out; return 1; }
	done
'

test_expect_success 'a task with no person or opportunity still drafts sensibly' '
	id=$(rapport --json task add "Note to self" --template stay-in-touch >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" json_get "[\"id\"]") &&
	rapport draft "$id" >out &&
	grep -q "^Hello,$" out &&
	grep -q "your organisation" out &&
	! grep -q " ," out &&
	rapport --json draft "$id" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" json_get "[\"person\"]" >to &&
	test_eq "$(cat to)" None
'

test_expect_success 'draft of a task without a template is an error' '
	id=$(rapport --json task add "Call Director" --with Director --kind call >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" json_get "[\"id\"]") &&
	test_must_fail 1 rapport draft "$id" &&
	test_stderr_contains "no letter template" &&
	test_must_fail 1 rapport draft 999 &&
	test_stderr_contains "no task 999" &&
	test_must_fail 1 rapport draft nope &&
	test_must_fail 2 rapport draft
'

test_expect_success 'template list shows the built-ins' '
	rapport template list >out &&
	for t in thank-you silence-letter stay-in-touch consult-offer re-contact keep-in-touch \
		offer-questions progress-update landed-update withdrawal; do
		grep -q "^$t  *built-in$" out || return 1
	done &&
	rapport --json template list >out &&
	python3 -c "
import json
ts = json.load(open(\"out\"))
assert len(ts) == 10 and all(t[\"origin\"] == \"built-in\" for t in ts), ts
"
'

test_expect_success 'template show prints a built-in' '
	rapport template show thank-you >out &&
	sed -n 1p out | grep -q "^Subject: " &&
	grep -q "{first}" out &&
	test_must_fail 1 rapport template show no-such &&
	test_stderr_contains "no letter template '\''no-such'\''" &&
	test_must_fail 1 rapport template show ../../etc/passwd
'

test_expect_success 'a user template overrides the built-in' '
	mkdir -p "$TEMPLATES" &&
	printf "Subject: Merci, {first}\n\nDear {person} ({title}),\n\nAbout {opp} at {org}: {{braces}}.\n\n{signature}\n" \
		>"$TEMPLATES/thank-you.txt" &&
	rapport draft 1 >out &&
	printf "Subject: Merci, Director\n\nDear Director of Analytics (Head of Data),\n\nAbout Data Lead at Acme Analytics: {braces}.\n\nMe\n" \
		>expect &&
	test_cmp expect out &&
	rapport template list >out &&
	grep -q "^thank-you  *yours, overrides the built-in: $TEMPLATES/thank-you.txt$" out &&
	rapport template show thank-you >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^Subject: Merci, {first}$"
'

test_expect_success 'a new user template is listed and drafts' '
	printf "Subject: Coffee?\n\nHi {first}, coffee on {date}?\n" >"$TEMPLATES/coffee.txt" &&
	rapport template list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^coffee  *yours: " &&
	rapport --json task add "Coffee" --with Director --template coffee >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" json_get "[\"id\"]" \
		>coffee.id &&
	rapport draft "$(cat coffee.id)" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^Hi Director, coffee on 2026-03-02?$"
'

test_expect_success 'an unknown merge field in a user template: line-numbered error, exit 1' '
	printf "Subject: Hi\n\nHello {first},\n\nThanks.\n\nBye {frist}\n" >"$TEMPLATES/coffee.txt" &&
	test_must_fail 1 rapport draft "$(cat coffee.id)" &&
	test_stderr_contains "$TEMPLATES/coffee.txt:7: unknown merge field '\''{frist}'\''" &&
	test_must_fail 1 rapport template check "$TEMPLATES/coffee.txt" &&
	test_stderr_contains "coffee.txt:7: unknown merge field '\''{frist}'\''"
'

test_expect_success 'template check: ok, and errors with file and line' '
	printf "Subject: Hi {first}\n\nBody {org|your team}.\n" >good.txt &&
	rapport template check good.txt >out &&
	grep -q "^good.txt: ok$" out &&
	printf "Hello\n\nBody\n" >nosubject.txt &&
	test_must_fail 1 rapport template check nosubject.txt &&
	test_stderr_contains "nosubject.txt:1: the first line must be '\''Subject: ...'\''" &&
	printf "Subject: x\n\nBody\n\n{first\n" >unclosed.txt &&
	test_must_fail 1 rapport template check unclosed.txt &&
	test_stderr_contains "unclosed.txt:5: unclosed" &&
	test_must_fail 1 rapport template check missing.txt &&
	test_stderr_contains "missing.txt"
'

test_expect_success 'a broken user template can be removed to get the built-in back' '
	rm "$TEMPLATES/thank-you.txt" &&
	rapport draft 1 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^Hello Director,$"
'

test_expect_success 'task add --template with an unknown template is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task add "Write a note" --template no-such-letter &&
	test_stderr_contains "unknown template" &&
	test "$(db_digest)" = "$before"
'

test_done
