#!/bin/sh
# Letters leaving rapport: draft --eml (checked by Python's e-mail parser) and --mailto.
. "$(dirname "$0")/test-lib.sh"

# check_eml FILE: parse FILE with Python's e-mail package and run the
# assertions of standard input with `m` (the message), `raw` (its bytes) and
# `body` (the decoded body) defined.
check_eml() {
	cat >check.py &&
	python3 -c "
import email, email.policy, sys
raw = open(sys.argv[1], 'rb').read()
m = email.message_from_bytes(raw, policy=email.policy.default)
assert not m.defects, m.defects
body = m.get_content().replace('\r\n', '\n')
exec(open('check.py').read())
" "$1"
}

test_expect_success 'setup: a person with a non-ASCII name, your settings, a task' '
	rapport person add "Référente Données" --org "Société Générale" --title "Directrice" \
		--email referente@example.com >/dev/null &&
	rapport opp add "Société Générale" "Responsable données" --slug sg-data >/dev/null &&
	rapport config name "Ný Notandi-Ølberg" >/dev/null &&
	rapport config email notandi@example.org >/dev/null &&
	rapport config signature "$(printf "Ný Notandi\n+45 12 34 56 78")" >/dev/null &&
	rapport task add "Thank-you note" --with "Référente Données" --opp sg-data --template thank-you \
		--kind email >/dev/null
'

test_expect_success 'draft --eml writes a message Python parses, headers decoded' '
	rapport draft 1 --eml draft.eml >out &&
	grep -q "draft.eml" out &&
	test ! -e draft.eml.tmp &&
	check_eml draft.eml <<-\EOF
	to = m.get_all("To")
	assert len(to) == 1, to
	a = to[0].addresses
	assert len(a) == 1 and a[0].display_name == "Référente Données", a
	assert a[0].addr_spec == "referente@example.com", a
	f = m["From"].addresses
	assert len(f) == 1 and f[0].display_name == "Ný Notandi-Ølberg", f
	assert f[0].addr_spec == "notandi@example.org", f
	assert m.get_all("Bcc") is None and m.get_all("Cc") is None
	assert m["Subject"] == "Thank you for our conversation", m["Subject"]
	assert m["MIME-Version"] == "1.0"
	assert m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8"
	assert m["X-Unsent"] == "1"
	assert m["Date"].datetime.isoformat() == "2026-03-02T09:00:00+00:00", m["Date"].datetime
	mid = m["Message-ID"]
	assert mid.startswith("<") and mid.endswith("@rapport.invalid>"), mid
	assert body.startswith("Hello Référente,\n"), body
	assert "Société Générale" in body and "Responsable données" in body, body
	assert body.endswith("Ný Notandi\n+45 12 34 56 78\n"), body
	EOF
'

test_expect_success 'the .eml is CRLF throughout, ASCII headers, lines within limits' '
	python3 -c "
raw = open(\"draft.eml\", \"rb\").read()
head, sep, body = raw.partition(b\"\r\n\r\n\")
assert sep, \"no blank line\"
assert b\"\n\" not in raw.replace(b\"\r\n\", b\"\"), \"bare LF\"
assert b\"\r\" not in raw.replace(b\"\r\n\", b\"\"), \"bare CR\"
head.decode(\"ascii\")
for line in head.split(b\"\r\n\"):
    assert len(line) <= 78, line
for word in head.split():
    if word.startswith(b\"=?\"):
        assert len(word) <= 75, word
for line in body.split(b\"\r\n\"):
    assert len(line) <= 998
"
'

test_expect_success 'Date: follows the local time zone' '
	TZ=Europe/Paris rapport draft 1 --eml paris.eml >/dev/null &&
	grep -q "^Date: Mon, 02 Mar 2026 09:00:00 +0100" paris.eml &&
	RAPPORT_NOW=2026-07-01T10:30 TZ=America/New_York rapport draft 1 --eml ny.eml >/dev/null &&
	grep -q "^Date: Wed, 01 Jul 2026 10:30:00 -0400" ny.eml
'

test_expect_success 'every draft of a task has its Message-ID, whenever and wherever drafted' '
	RAPPORT_NOW=2026-03-09T10:00 TZ=America/New_York rapport draft 1 --eml again.eml >/dev/null &&
	a=$(grep "^Message-ID:" draft.eml) &&
	b=$(grep "^Message-ID:" again.eml) &&
	test -n "$a" && test "$a" = "$b"
'

test_expect_success 'a hostile name cannot add a header' '
	rapport person add "Hostile \"Bcc: spy@evil.example\" <spy@evil.example>, Sender" \
		--email hostile@example.com >/dev/null &&
	rapport task add "Note" --with 2 --template keep-in-touch >/dev/null &&
	rapport draft 2 --eml hostile.eml >/dev/null &&
	check_eml hostile.eml <<-\EOF
	to = m.get_all("To")
	assert len(to) == 1, to
	a = to[0].addresses
	assert len(a) == 1, a
	assert a[0].addr_spec == "hostile@example.com", a
	assert a[0].display_name == "Hostile \"Bcc: spy@evil.example\" <spy@evil.example>, Sender", a
	assert m.get_all("Bcc") is None and m.get_all("Cc") is None
	assert "spy" not in str(m["Subject"])
	assert body.startswith("Hello Hostile,\n"), body
	EOF
'

test_expect_success 'a name with a line break is refused before it reaches a letter' '
	test_must_fail 1 rapport person add "$(printf "Hostile\r\nBcc: spy@evil.example")" &&
	test_must_fail 1 rapport config name "$(printf "Me\r\nBcc: spy@evil.example")"
'

test_expect_success 'no e-mail address for the person: no To header' '
	rapport person add "Nordic Recruiter" >/dev/null &&
	rapport task add "Note" --with Nordic --template keep-in-touch >/dev/null &&
	rapport draft 3 --eml nordic.eml >/dev/null &&
	! grep -qi "^To:" nordic.eml &&
	check_eml nordic.eml <<-\EOF
	assert m.get_all("To") is None
	assert m["From"].addresses[0].addr_spec == "notandi@example.org"
	assert body.startswith("Hello Nordic,\n"), body
	EOF
'

test_expect_success 'no e-mail address of your own: no From header' '
	rapport config --unset email >/dev/null &&
	rapport draft 1 --eml nofrom.eml >/dev/null &&
	! grep -qi "^From:" nofrom.eml &&
	check_eml nofrom.eml <<-\EOF
	assert m.get_all("From") is None
	assert m["To"].addresses[0].addr_spec == "referente@example.com"
	EOF
	rapport config email notandi@example.org >/dev/null
'

test_expect_success 'a long subject with non-ASCII text is encoded and folded' '
	mkdir -p "$XDG_CONFIG_HOME/rapport/templates" &&
	printf "Subject: Merci beaucoup pour notre échange sur le poste {opp} chez {org}, {first}\n\nBonjour {first},\n\nÀ bientôt.\n" \
		>"$XDG_CONFIG_HOME/rapport/templates/merci.txt" &&
	rapport task add "Merci" --with Référente --opp sg-data --template merci >/dev/null &&
	rapport draft 4 --eml merci.eml >/dev/null &&
	test "$(grep -c "^ " merci.eml)" -ge 1 &&
	check_eml merci.eml <<-\EOF
	want = "Merci beaucoup pour notre échange sur le poste Responsable données chez Société Générale, Référente"
	assert m["Subject"] == want, m["Subject"]
	assert body == "Bonjour Référente,\n\nÀ bientôt.\n", body
	EOF
'

test_expect_success 'draft --eml - prints the message' '
	rapport draft 1 --eml - >out.eml &&
	grep -q "^X-Unsent: 1" out.eml &&
	check_eml out.eml <<-\EOF
	assert m["To"].addresses[0].display_name == "Référente Données"
	EOF
'

test_expect_success 'draft --eml to a folder that does not exist fails, leaves nothing' '
	test_must_fail 1 rapport draft 1 --eml nowhere/x.eml &&
	test_stderr_contains "nowhere/x.eml" &&
	test ! -e nowhere
'

test_expect_success 'draft --mailto prints a mailto: URL that decodes to the letter' '
	rapport draft 1 --mailto >url &&
	rapport --json draft 1 >draft.json &&
	python3 -c "
import json, urllib.parse
url = open(\"url\").read().strip()
d = json.load(open(\"draft.json\"))
assert url.startswith(\"mailto:referente@example.com?\"), url
assert \" \" not in url and \"\n\" not in url and \"+\" not in url
u = urllib.parse.urlsplit(url)
assert u.scheme == \"mailto\" and urllib.parse.unquote(u.path) == \"referente@example.com\"
q = urllib.parse.parse_qs(u.query, strict_parsing=True)
assert q[\"subject\"] == [d[\"subject\"]], q
body = q[\"body\"][0]
assert \"\r\n\" in body and \"\n\" not in body.replace(\"\r\n\", \"\"), body
assert body.replace(\"\r\n\", \"\n\") == d[\"body\"].rstrip(\"\n\"), body
assert body.startswith(\"Hello Référente,\r\n\"), body
"
'

test_expect_success 'draft --mailto with a plus in the address, and with no address' '
	rapport person add "Alumni Contact" --email "alumni+jobs@example.com" >/dev/null &&
	rapport task add "Note" --with Alumni --template keep-in-touch >/dev/null &&
	rapport draft 5 --mailto >url &&
	python3 -c "
import urllib.parse
u = urllib.parse.urlsplit(open(\"url\").read().strip())
assert urllib.parse.unquote(u.path) == \"alumni+jobs@example.com\", u
assert urllib.parse.parse_qs(u.query)[\"body\"][0].startswith(\"Hello Alumni,\")
" &&
	rapport draft 3 --mailto >url &&
	grep -q "^mailto:?subject=" url
'

test_expect_success 'draft --json with --eml and --mailto says both' '
	rapport --json draft 1 --eml both.eml --mailto >out &&
	test_eq "$(json_get "[\"eml\"]" <out)" both.eml &&
	json_get "[\"mailto\"]" <out | grep -q "^mailto:referente@example.com?subject=" &&
	test -s both.eml
'

test_expect_success 'names of every kind come back whole from the To header' '
	cat >names <<-\EOF &&
	Référente "Bcc: x@y" <x@y>, Ångström
	Jefa del Área de Análisis y Ñandú-Ødegård Ångström Über Sehr Länger Namè
	=?UTF-8?B?QmNjOiB4QHk=?= Trick
	Dr. Head-of-Data (Ret.)
	Back\slash "quoted" name; with: specials
	数据团队
	L'\''Équipe-d'\''Analyse
	EOF
	n=0 &&
	while IFS= read -r name; do
		n=$((n + 1)) &&
		pid=$(rapport --json person add "$name" --email "n$n@example.com" >"$TEST_DIR/.rp" &&
			<"$TEST_DIR/.rp" json_get "[\"id\"]") &&
		id=$(rapport --json task add "Note $n" --with "$pid" --template thank-you >"$TEST_DIR/.rp" &&
			<"$TEST_DIR/.rp" json_get "[\"id\"]") &&
		rapport draft "$id" --eml "n$n.eml" >/dev/null &&
		printf "%s\n" "$name" >want &&
		check_eml "n$n.eml" <<-\EOF || return 1
		want = open("want", encoding="utf-8").read().rstrip("\n")
		to = m.get_all("To")
		assert len(to) == 1 and len(to[0].addresses) == 1, to
		assert to[0].addresses[0].display_name == want, (to[0].addresses[0].display_name, want)
		assert m.get_all("Bcc") is None
		EOF
	done <names
'

test_done
