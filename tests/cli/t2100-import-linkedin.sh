#!/bin/sh
# import linkedin: LinkedIn's Connections.csv as people, organisations and the
# day you connected; importing again updates and never duplicates; hostile
# files get a line-numbered message and change nothing.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# linkedin FILE [--latin1] [--lf] [--bom] [--no-notes] < rows: write a LinkedIn
# export with Python's csv module: LinkedIn's notes, its header, then one row a
# line of stdin, fields separated by '|' ("" for an empty field).
linkedin() {
	python3 -c '
import csv, sys
path, opts = sys.argv[1], sys.argv[2:]
enc = "latin-1" if "--latin1" in opts else "utf-8-sig" if "--bom" in opts else "utf-8"
end = "\n" if "--lf" in opts else "\r\n"
with open(path, "w", encoding=enc, newline="") as f:
    if "--no-notes" not in opts:
        f.write("Notes:" + end)
        f.write("\"When exporting your connection data, you may notice that some of the "
                "email addresses are missing. You will only see email addresses for "
                "connections who have allowed it.\"" + end + end)
    w = csv.writer(f, lineterminator=end)
    w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                "Connected On"])
    for line in sys.stdin.read().splitlines():
        w.writerow(line.split("|"))
' "$@"
}

# summary FILE [FLAGS...]: the --json summary of an import as
# "rows added updated unchanged skipped organisations interactions".
summary() {
	_f=$1
	shift
	rapport --json import linkedin "$_f" "$@" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["rows"], s["added"], s["updated"], s["unchanged"], len(s["skipped"]),
      s["organisations_added"], s["connection_dates"])
'
}

# people: every person as name|organisation|title|email|linkedin|last contact.
people() {
	rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
rows = ["|".join(str(v or "") for v in
                 (p["name"], (p["organisation"] or {}).get("name"), p["title"], p["email"],
                  p["linkedin"], p["last_contact"]))
        for p in json.load(sys.stdin)]
print("\n".join(sorted(rows)))
'
}

test_expect_success 'LinkedIn export: notes before the header, CRLF, names in many scripts' '
	linkedin first.csv <<-\EOF &&
	Data|Lead Ñandú|https://www.linkedin.com/in/data-lead|data.lead@example.com|Ñandú Analytics|Data Lead|05 Mar 2024
	Hiring|Manager Ølberg|https://www.linkedin.com/in/hiring-manager||Ølberg|Hiring Manager|10 Jan 2023
	Ψηφιακή|Ομάδα|https://www.linkedin.com/in/psifiaki||Ψηφιακή Α.Ε.|Head of Data|1 Feb 2022
	Данные|Аналитик|https://www.linkedin.com/in/dannye||Данные|Analyst|28 Feb 2021
	データ|リード|https://www.linkedin.com/in/deta||データ株式会社|Data Lead|31 Dec 2020
	بيانات|قائد|https://www.linkedin.com/in/bayanat||ñandú analytics|Recruiter|15 Aug 2019
	EOF
	summary first.csv >out &&
	test_eq "$(cat out)" "6 6 0 0 0 5 6"
'

test_expect_success 'the people, their organisations and the day they connected' '
	people >got &&
	cat >want <<-\EOF &&
	Data Lead Ñandú|Ñandú Analytics|Data Lead|data.lead@example.com|https://www.linkedin.com/in/data-lead|2024-03-05
	Hiring Manager Ølberg|Ølberg|Hiring Manager||https://www.linkedin.com/in/hiring-manager|2023-01-10
	Ψηφιακή Ομάδα|Ψηφιακή Α.Ε.|Head of Data||https://www.linkedin.com/in/psifiaki|2022-02-01
	Данные Аналитик|Данные|Analyst||https://www.linkedin.com/in/dannye|2021-02-28
	بيانات قائد|Ñandú Analytics|Recruiter||https://www.linkedin.com/in/bayanat|2019-08-15
	データ リード|データ株式会社|Data Lead||https://www.linkedin.com/in/deta|2020-12-31
	EOF
	test_cmp want got
'

test_expect_success 'the day you connected is kept on the person, as their last contact, not as an interaction' '
	rapport --json person show "Data Lead" >p.json &&
	jv_eq connected_on 2024-03-05 last_contact 2024-03-05 interactions.# 0 <p.json &&
	rapport person show "Data Lead" >p.txt &&
	grep -q "^connected: *2024-03-05" p.txt
'

test_expect_success 'the same file again: every row unchanged, nothing duplicated' '
	before=$(db_digest) &&
	summary first.csv >out &&
	test_eq "$(cat out)" "6 0 0 6 0 0 0" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'the text summary' '
	rapport import linkedin first.csv >out &&
	grep -q "^first.csv: 6 LinkedIn connections: 0 added, 0 updated, 6 unchanged, 0 skipped$" out
'

test_expect_success 'a newer export: changes replace, empty cells erase nothing, new rows are added' '
	rapport person edit "Data Lead" --phone "+44 20 7946 0000" --tag mentor >/dev/null &&
	linkedin newer.csv --lf --no-notes <<-\EOF &&
	Data|Lead Ñandú|https://www.linkedin.com/in/data-lead||Ñandú Analytics|Head of Data|05 Mar 2024
	Hiring|Manager Ølberg|https://www.linkedin.com/in/hiring-manager|hm@example.com|Zenith Data|Hiring Manager|10 Jan 2023
	Ψηφιακή|Ομάδα|https://www.linkedin.com/in/psifiaki||Ψηφιακή Α.Ε.|Head of Data|1 Feb 2022
	New|Recruiter|https://www.linkedin.com/in/new-recruiter||Ølberg|Recruiter|01 Mar 2026
	EOF
	summary newer.csv >out &&
	test_eq "$(cat out)" "4 1 2 1 0 1 1" &&
	rapport --json person show "Data Lead" >p.json &&
	jv_eq title "Head of Data" email data.lead@example.com phone "+44 20 7946 0000" \
		tags "[\"mentor\"]" connected_on 2024-03-05 <p.json &&
	rapport --json person show "Hiring Manager" >p.json &&
	jv_eq email hm@example.com organisation.name "Zenith Data" <p.json &&
	test_eq "$(rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 7
'

test_expect_success 'a person is matched by URL (a new name), else e-mail, else name and organisation' '
	rapport person add "Talent Partner" --org "Ølberg" --email tp@example.com >/dev/null &&
	rapport person add "Data Engineer" --org "Данные" >/dev/null &&
	linkedin match.csv <<-\EOF &&
	Lead|Ñandú|https://www.linkedin.com/in/data-lead||Ñandú Analytics|Head of Data|05 Mar 2024
	Talent|Partner (Ølberg)|https://www.linkedin.com/in/talent-partner|TP@example.com|Ølberg|Talent Partner|02 Mar 2025
	Data|Engineer|https://www.linkedin.com/in/data-engineer||данные|Engineer|03 Mar 2025
	Data|Engineer|https://www.linkedin.com/in/another-data-engineer||Данные|Engineer|04 Mar 2025
	EOF
	summary match.csv >out &&
	test_eq "$(cat out)" "4 1 3 0 0 0 3" &&
	rapport --json person show "Lead Ñandú" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq linkedin https://www.linkedin.com/in/data-lead &&
	test_must_fail 1 rapport person show "Data Lead Ñandú" &&
	rapport --json person list --org "Ølberg" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ps = {p[\"name\"]: p for p in json.load(sys.stdin)}
assert \"Talent Partner (Ølberg)\" in ps and \"Talent Partner\" not in ps, ps
assert ps[\"Talent Partner (Ølberg)\"][\"linkedin\"] == \"https://www.linkedin.com/in/talent-partner\"
" &&
	rapport --json person list --org "Данные" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ps = json.load(sys.stdin)
# the first row matched the Data Engineer already there; the second has
# another profile: someone else with the same name
assert sorted(p[\"linkedin\"] for p in ps if p[\"name\"] == \"Data Engineer\") == [
    \"https://www.linkedin.com/in/another-data-engineer\",
    \"https://www.linkedin.com/in/data-engineer\"], ps
"
'

test_expect_success '--dry-run reports what would change and writes nothing' '
	linkedin dry.csv <<-\EOF &&
	Dry|Run|https://www.linkedin.com/in/dry-run||Dry Run Ltd|Data Lead|05 Mar 2024
	Lead|Ñandú|https://www.linkedin.com/in/data-lead||Ñandú Analytics|Chief Data Officer|05 Mar 2024
	EOF
	before=$(db_digest) &&
	summary dry.csv --dry-run >out &&
	test_eq "$(cat out)" "2 1 1 0 0 1 1" &&
	test_eq "$(db_digest)" "$before" &&
	rapport import linkedin --dry-run dry.csv >out &&
	grep -q "^dry run: dry.csv: 2 LinkedIn connections: 1 added, 1 updated" out &&
	grep -q "^dry run: nothing was written$" out &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'bad rows are skipped with their line and the reason; bad values are left out' '
	linkedin bad.csv <<-\EOF &&
	||https://www.linkedin.com/in/nobody|||Recruiter|05 Mar 2024
	Short|Row|https://www.linkedin.com/in/short
	Too|Many|https://www.linkedin.com/in/many||Acme|Lead|05 Mar 2024|extra
	Bad|Email|https://www.linkedin.com/in/bad-email|not-an-address|Acme|Lead|05 Mar 2024
	Bad|Date|https://www.linkedin.com/in/bad-date||Acme|Lead|05/03/2024
	Bad|Url|linkedin.com/in/bad-url||Acme|Lead|05 Mar 2024
	EOF
	rapport --json import linkedin bad.csv >out &&
	python3 -c "
import json
s = json.load(open(\"out\"))
assert (s[\"rows\"], s[\"added\"], len(s[\"skipped\"])) == (6, 3, 3), s
assert [k[\"line\"] for k in s[\"skipped\"]] == [5, 6, 7], s[\"skipped\"]
assert \"no name\" in s[\"skipped\"][0][\"reason\"]
assert \"3 fields where the header (line 4) has 7\" in s[\"skipped\"][1][\"reason\"]
assert \"8 fields\" in s[\"skipped\"][2][\"reason\"]
w = {(x[\"line\"], x[\"message\"]) for x in s[\"warnings\"]}
assert (8, \"Email Address '"'"'not-an-address'"'"' is not an e-mail address: left out\") in w, w
assert any(l == 9 and \"05/03/2024\" in m for l, m in w), w
assert any(l == 10 and \"not a web address\" in m for l, m in w), w
" &&
	rapport --json person show "Bad Email" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq email None connected_on 2024-03-05 &&
	rapport --json person show "Bad Date" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq connected_on None
'

test_expect_success 'the text summary lists skipped rows and warnings by line' '
	rapport import linkedin --dry-run bad.csv >out &&
	grep -q "^line 5: skipped: no name (First Name and Last Name are empty)$" out &&
	grep -q "^line 8: Email Address .not-an-address. is not an e-mail address: left out$" out
'

test_expect_success 'a trailing empty column is not a ragged row' '
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On,\n" >trail.csv &&
	printf "Trailing,Comma,https://www.linkedin.com/in/trailing,,Acme,Lead,05 Mar 2024,\n" >>trail.csv &&
	test_eq "$(summary trail.csv)" "1 1 0 0 0 0 1"
'

test_expect_success 'Latin-1 (Windows-1252) is detected, converted and said' '
	linkedin latin.csv --latin1 <<-\EOF &&
	Ølberg|Recruiter|https://www.linkedin.com/in/olberg-recruiter||Café Ñandú|Señor Data Lead|05 Mar 2024
	EOF
	rapport --json import linkedin latin.csv >out &&
	jv_eq converted True first_non_utf8_line 5 added 1 <out &&
	grep -q "Windows-1252" out &&
	rapport --json person show "Ølberg Recruiter" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name "Café Ñandú" title "Señor Data Lead" &&
	rapport import linkedin --dry-run latin.csv >out &&
	grep -q "not all UTF-8 (line 5 is the first that is not): read as Windows-1252" out
'

test_expect_success 'a byte order mark is dropped' '
	linkedin bom.csv --bom --no-notes <<-\EOF &&
	Byte|Order|https://www.linkedin.com/in/byte-order||Acme|Lead|05 Mar 2024
	EOF
	rapport --json import linkedin bom.csv >out &&
	jv_eq header_line 1 added 1 encoding "UTF-8 with a byte order mark" <out
'

test_expect_success 'a NUL byte skips its row, with the line' '
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nNul\000Byte,Row,,,,,\nAfter,Nul,https://www.linkedin.com/in/after-nul,,,,\n" >nul.csv &&
	rapport --json import linkedin nul.csv >out &&
	python3 -c "
import json
s = json.load(open(\"out\"))
assert s[\"added\"] == 1 and s[\"skipped\"][0][\"line\"] == 2, s
assert \"NUL\" in s[\"skipped\"][0][\"reason\"], s
"
'

test_expect_success 'a 1 MB field skips its row, with the line and the reason' '
	python3 -c "
import csv
with open(\"big.csv\", \"w\", newline=\"\") as f:
    w = csv.writer(f)
    w.writerow([\"First Name\", \"Last Name\", \"URL\", \"Email Address\", \"Company\", \"Position\", \"Connected On\"])
    w.writerow([\"Big\", \"Field\", \"\", \"\", \"x\" * (1 << 20), \"Lead\", \"\"])
    w.writerow([\"Small\", \"Field\", \"\", \"\", \"Acme\", \"Lead\", \"\"])
" &&
	rapport --json import linkedin big.csv >out &&
	python3 -c "
import json
s = json.load(open(\"out\"))
assert s[\"added\"] == 1 and s[\"skipped\"] == [{\"line\": 2, \"reason\":
    \"the Company field is 1048576 bytes long (at most 1000)\"}], s
"
'

# --- files that cannot be read change nothing

test_expect_success 'an empty file, a header alone, a missing column: clear errors, nothing written' '
	before=$(db_digest) &&
	: >empty.csv &&
	test_must_fail 1 rapport import linkedin empty.csv &&
	test_stderr_contains "empty.csv: the file is empty" &&
	linkedin header.csv </dev/null &&
	test_must_fail 1 rapport import linkedin header.csv &&
	test_stderr_contains "header.csv: line 4: the header has no rows after it" &&
	printf "First Name,URL,Email Address,Company,Position,Connected On\nA,,,,,\n" >nolast.csv &&
	test_must_fail 1 rapport import linkedin nolast.csv &&
	test_stderr_contains "line 1: the header has no '"'"'Last Name'"'"' column" &&
	printf "Name,Email\nA Recruiter,a@example.com\n" >other.csv &&
	test_must_fail 1 rapport import linkedin other.csv &&
	test_stderr_contains "no LinkedIn header" &&
	test_must_fail 1 rapport import linkedin missing.csv &&
	test_stderr_contains "cannot read '"'"'missing.csv'"'"': No such file" &&
	printf "\377\376F\000i\000r\000s\000t\000" >utf16.csv &&
	test_must_fail 1 rapport import linkedin utf16.csv &&
	test_stderr_contains "UTF-16" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an unterminated quote fails the whole file with its line: nothing half-written' '
	before=$(db_digest) &&
	linkedin quote.csv --no-notes <<-\EOF &&
	Before|Quote|https://www.linkedin.com/in/before-quote||Acme|Lead|05 Mar 2024
	Also|Before|https://www.linkedin.com/in/also-before||Acme|Lead|05 Mar 2024
	EOF
	printf "\"Open,Quote,,,Acme,Lead,05 Mar 2024\nAfter,Quote,,,Acme,Lead,05 Mar 2024\n" >>quote.csv &&
	test_must_fail 1 rapport import linkedin quote.csv &&
	test_stderr_contains "quote.csv: line 4: a quoted field starts on this line and is not closed" &&
	test_eq "$(db_digest)" "$before"
'

# --- a real-sized export: LinkedIn caps connections at 30,000

test_expect_success '30,000 connections: all in, then again: all unchanged, none duplicated' '
	python3 -c "
import csv, random
rnd = random.Random(7)
words = [\"Ñandú\", \"Ølberg\", \"Ψηφιακή\", \"Данные\", \"データ\", \"بيانات\", \"Data\", \"Lead\"]
months = \"Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec\".split()
with open(\"big30k.csv\", \"w\", encoding=\"utf-8\", newline=\"\") as f:
    f.write(\"Notes:\r\n\\\"Some e-mail addresses are missing.\\\"\r\n\r\n\")
    w = csv.writer(f)
    w.writerow([\"First Name\", \"Last Name\", \"URL\", \"Email Address\", \"Company\", \"Position\", \"Connected On\"])
    for i in range(30000):
        w.writerow([\"%s%d\" % (rnd.choice(words), i), rnd.choice(words),
                    \"https://www.linkedin.com/in/p-%d\" % i,
                    \"p%d@example.com\" % i if i % 5 == 0 else \"\",
                    \"%s %d\" % (words[i % 1500 % 8], i % 1500), \"Hiring Manager\",
                    \"%02d %s %d\" % (rnd.randint(1, 28), rnd.choice(months), rnd.randint(2010, 2025))])
" &&
	test_db_reset &&
	rapport import linkedin big30k.csv >out 2>err &&
	grep -q "^big30k.csv: 30000 LinkedIn connections: 30000 added, 0 updated, 0 unchanged, 0 skipped$" out &&
	grep -q "^organisations added: 1500$" out &&
	grep -q "^connection dates recorded: 30000$" out &&
	test ! -s err &&
	summary big30k.csv >out &&
	test_eq "$(cat out)" "30000 0 0 30000 0 0 0" &&
	rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
ps = json.load(sys.stdin)
urls = [p[\"linkedin\"] for p in ps]
assert len(ps) == 30000 and len(set(urls)) == 30000, len(ps)
"
'

# On a terminal, a large file gets a progress bar on stderr (above, stderr
# was a file: nothing).
test_expect_success 'a progress bar on a terminal, for a large file' '
	script -qec "$RAPPORT import linkedin --dry-run big30k.csv" /dev/null >tty.out &&
	grep -q "big30k.csv: *[0-9]*% (" tty.out &&
	grep -q "big30k.csv: 100% (30000 rows), writing" tty.out &&
	grep -q "dry run: big30k.csv: 30000 LinkedIn connections: 0 added" tty.out
'

test_done
