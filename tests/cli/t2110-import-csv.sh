#!/bin/sh
# import csv: applications from a spreadsheet or another tracker's export as
# opportunities: headers by their common names, statuses mapped to stages,
# dates, salaries, --map; importing again updates and never duplicates.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# sheet FILE [--latin1] [--bom] [--lf] < rows: a CSV file written with Python's
# csv module, one row a line of stdin (the first is the header), fields
# separated by '|'.
sheet() {
	python3 -c '
import csv, sys
path, opts = sys.argv[1], sys.argv[2:]
enc = "latin-1" if "--latin1" in opts else "utf-8-sig" if "--bom" in opts else "utf-8"
with open(path, "w", encoding=enc, newline="") as f:
    w = csv.writer(f, lineterminator="\n" if "--lf" in opts else "\r\n")
    for line in sys.stdin.read().splitlines():
        w.writerow([c.replace("\\n", "\n") for c in line.split("|")])
' "$@"
}

# summary FILE [ARGS...]: "rows added updated unchanged skipped organisations".
summary() {
	_f=$1
	shift
	rapport --json import csv "$_f" "$@" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["rows"], s["added"], s["updated"], s["unchanged"], len(s["skipped"]),
      s["organisations_added"])
'
}

# opps: every opportunity as org|title|stage|url|low-high|target|source|level, by org and title.
opps() {
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
rows = []
for o in json.load(sys.stdin):
    r = o["salary_range"]
    rows.append("|".join(str(v if v is not None else "") for v in (
        o["organisation"]["name"], o["title"], o["stage"], o["url"],
        "%s-%s" % (r["low"], r["high"]) if r else "",
        o["salary_target"], o["source"], o["level_applied"])))
print("\n".join(sorted(rows)))
'
}

test_expect_success 'a spreadsheet: headers by their common names, in any case and spacing' '
	sheet apps.csv <<-\EOF &&
	Company Name|JOB_TITLE|Status|Date Applied|Job Link|Salary|Location|Notes|Source
	Ñandú Analytics|Data Lead|Applied|2024-03-05|https://jobs.example/nandu/1|85k|Leeds|Referred by a recruiter|referral
	Ølberg|Hiring Manager|Phone Screen|05 Mar 2024||£80,000 - £95,000|||
	Ψηφιακή|Analyst|Interviewing|Mar 5, 2024||$80,000-$95,000 per year|Remote|Two rounds\nthen a case study|
	Данные|Engineer|Offer|March 6 2024||80-95k|||
	データ|Data Lead|Rejected after interview|2024-02-01||85000|||
	بيانات|Recruiter|Wishlist||||||
	EOF
	summary apps.csv >out &&
	test_eq "$(cat out)" "6 6 0 0 0 6"
'

test_expect_success 'what each row became' '
	opps >got &&
	cat >want <<-\EOF &&
	Ñandú Analytics|Data Lead|applied|https://jobs.example/nandu/1|85000-85000||referral|
	Ølberg|Hiring Manager|conversation||80000-95000|||
	Ψηφιακή|Analyst|interviewing||80000-95000|||
	Данные|Engineer|offer||80000-95000|||
	بيانات|Recruiter|lead|||||
	データ|Data Lead|rejected||85000-85000|||
	EOF
	test_cmp want got
'

test_expect_success 'the date applied starts the history; location and notes go to the notes' '
	rapport --json opp show nandu-analytics-data-lead >o.json &&
	jv_eq stage_changed_at 2024-03-05T00:00:00+00:00 notes "Referred by a recruiter

Location: Leeds" <o.json &&
	rapport --json opp show olberg-hiring-manager >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
h = [(c[\"from\"], c[\"to\"], c[\"at\"][:10], c[\"note\"]) for c in json.load(sys.stdin)[\"stage_history\"]]
assert h == [(None, \"applied\", \"2024-03-05\", None),
             (\"applied\", \"conversation\", \"2026-03-02\", \"imported from apps.csv\")], h
" &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
o = [o for o in json.load(sys.stdin) if o[\"title\"] == \"Analyst\"][0]
assert o[\"notes\"] == \"Two rounds\nthen a case study\n\nLocation: Remote\", o[\"notes\"]
"
'

test_expect_success 'the same file again: unchanged, nothing duplicated' '
	before=$(db_digest) &&
	test_eq "$(summary apps.csv)" "6 0 0 6 0 0" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a newer file: stages move forward, values change, a move back is only reported' '
	sheet newer.csv --lf <<-\EOF &&
	Company|Role|Stage|URL|Salary
	Ñandú Analytics|Data Lead|Interviewing|https://jobs.example/nandu/1|90k
	Ølberg|Hiring Manager|Applied||
	Ψηφιακή|Analyst|Interviewing||
	Zenith Data|Data Lead|Saved||
	EOF
	rapport --json import csv newer.csv >out &&
	jv_eq rows 4 added 1 updated 1 unchanged 2 warnings.# 1 warnings.0.line 3 <out &&
	grep -q "the file says applied, rapport has .olberg-hiring-manager. at conversation: kept conversation" out &&
	rapport --json opp show nandu-analytics-data-lead >o.json &&
	jv_eq stage interviewing salary_range.low 90000 salary_range.high 90000 <o.json &&
	rapport --json opp show olberg-hiring-manager >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq stage conversation &&
	test_eq "$(rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 7
'

test_expect_success 'an opportunity is matched by its URL: a new title updates it' '
	sheet retitled.csv <<-\EOF &&
	Company|Title|URL
	Ñandú Analytics|Lead Data Engineer|https://jobs.example/nandu/1/
	EOF
	test_eq "$(summary retitled.csv)" "1 0 1 0 0 0" &&
	rapport --json opp show nandu-analytics-data-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq title "Lead Data Engineer" &&
	test_eq "$(rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 7
'

test_expect_success 'status words map to stages; an unknown one is reported' '
	sheet statuses.csv <<-\EOF &&
	company|title|status|date applied
	Stage Co|s1|applied|
	Stage Co|s2|Interview scheduled|
	Stage Co|s3|Offer received|
	Stage Co|s4|Rejected|
	Stage Co|s5|Offer declined|
	Stage Co|s6|Offer accepted|
	Stage Co|s7|Withdrew|
	Stage Co|s8|Screening|
	Stage Co|s9|Bookmarked|
	Stage Co|s10|Ghosted|
	Stage Co|s11|No response|
	Stage Co|s12|Negotiating|
	Stage Co|s13|Not selected|
	Stage Co|s14|Follow-up|2024-03-05
	Stage Co|s15|Mystery|
	Stage Co|s16||2024-03-05
	Stage Co|s17||
	EOF
	rapport --json import csv statuses.csv >out &&
	jv_eq added 17 <out &&
	python3 -c "
import json
w = [(x[\"line\"], x[\"message\"]) for x in json.load(open(\"out\"))[\"warnings\"]]
assert w == [(15, \"status '"'"'Follow-up'"'"' is not a stage rapport knows: imported as applied\"),
             (16, \"status '"'"'Mystery'"'"' is not a stage rapport knows: imported as lead\")], w
" &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
got = {o[\"title\"]: o[\"stage\"] for o in json.load(sys.stdin) if o[\"organisation\"][\"name\"] == \"Stage Co\"}
want = dict(s1=\"applied\", s2=\"interviewing\", s3=\"offer\", s4=\"rejected\", s5=\"declined\",
            s6=\"accepted\", s7=\"withdrawn\", s8=\"conversation\", s9=\"lead\", s10=\"applied\",
            s11=\"applied\", s12=\"negotiating\", s13=\"rejected\", s14=\"applied\", s15=\"lead\",
            s16=\"applied\", s17=\"lead\")
assert got == want, [(k, got.get(k), v) for k, v in want.items() if got.get(k) != v]
"
'

test_expect_success 'dates and salaries nobody can read for sure are left out and reported' '
	sheet values.csv <<-\EOF &&
	Company|Title|Applied On|Pay|Target Salary|Link
	Values Co|v1|05/03/2024|£40/hr|95k|jobs.example/no-scheme
	Values Co|v2|2027-01-01|lots|about 90k|
	Values Co|v3|31 Feb 2024|85,000.00|€ 90.000|
	EOF
	rapport --json import csv values.csv >out &&
	python3 -c "
import json
s = json.load(open(\"out\"))
assert s[\"added\"] == 3 and not s[\"skipped\"], s
w = [(x[\"line\"], x[\"message\"].split(\" \")[0], x[\"message\"].split(\"'"'"'\")[1]) for x in s[\"warnings\"]]
want = [(2, \"Applied\", \"05/03/2024\"), (2, \"Pay\", \"£40/hr\"), (2, \"Link\", \"jobs.example/no-scheme\"),
        (3, \"Applied\", \"2027-01-01\"), (3, \"Pay\", \"lots\"), (3, \"Target\", \"about 90k\"),
        (4, \"Applied\", \"31 Feb 2024\")]
assert sorted(w) == sorted(want), w
" &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
o = {o[\"title\"]: o for o in json.load(sys.stdin)}
assert (o[\"v1\"][\"salary_range\"], o[\"v1\"][\"salary_target\"], o[\"v1\"][\"url\"]) == (None, 95000, None)
assert (o[\"v3\"][\"salary_range\"], o[\"v3\"][\"salary_target\"]) == ({\"low\": 85000, \"high\": 85000}, 90000)
assert o[\"v2\"][\"stage\"] == \"lead\"
"
'

test_expect_success '--map names a column the headers do not' '
	sheet mapped.csv <<-\EOF &&
	Where|What|State of play|Comments|Status
	Mapped Co|Data Lead|Interviewing|kept|this column is ignored
	EOF
	test_must_fail 1 rapport import csv mapped.csv &&
	test_stderr_contains "line 1: the header has no company column" &&
	test_stderr_contains "--map COLUMN=company" &&
	rapport --json import csv mapped.csv --map Where=company --map WHAT=title \
		--map "state of play=stage" --map Status=ignore >out &&
	jv_eq added 1 header_line 1 <out &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
o = [o for o in json.load(sys.stdin) if o[\"organisation\"][\"name\"] == \"Mapped Co\"][0]
assert (o[\"title\"], o[\"stage\"], o[\"notes\"]) == (\"Data Lead\", \"interviewing\", \"kept\"), o
"
'

test_expect_success '--map errors: no such field, no such column, no =' '
	before=$(db_digest) &&
	test_must_fail 1 rapport import csv mapped.csv --map Where=employer-name &&
	test_stderr_contains "--map Where=employer-name: no field '"'"'employer-name'"'"'" &&
	test_must_fail 1 rapport import csv mapped.csv --map Wher=company --map What=title &&
	test_stderr_contains "the header (line 1) has no column '"'"'Wher'"'"'" &&
	test_must_fail 1 rapport import csv mapped.csv --map company &&
	test_stderr_contains "--map takes COLUMN=FIELD" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'notes before the header are passed over, and said' '
	printf "My applications\nexported 2026-03-01\n\nCompany,Position,Status\nNotes Co,Data Lead,applied\n" >notes.csv &&
	rapport --json import csv notes.csv >out &&
	jv_eq header_line 4 added 1 warnings.0.line 1 <out &&
	grep -q "lines 1 to 3 come before the header (line 4): not read" out
'

test_expect_success 'bad rows are skipped with their line; Latin-1 and a BOM are read' '
	sheet bad.csv --latin1 <<-\EOF &&
	Company|Title|Status
	|No company|applied
	No title Co||applied
	Ragged Co|Data Lead
	Café Ñandú|Señor Analyst|applied
	EOF
	rapport --json import csv bad.csv >out &&
	python3 -c "
import json
s = json.load(open(\"out\"))
assert s[\"converted\"] and s[\"first_non_utf8_line\"] == 5, s
assert [(k[\"line\"], k[\"reason\"]) for k in s[\"skipped\"]] == [
    (2, \"no company (the Company column is empty)\"),
    (3, \"no title (the Title column is empty)\"),
    (4, \"has 2 fields where the header (line 1) has 3\")], s[\"skipped\"]
assert s[\"added\"] == 1
" &&
	rapport --json opp list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
assert any(o[\"title\"] == \"Señor Analyst\" and o[\"organisation\"][\"name\"] == \"Café Ñandú\"
           for o in json.load(sys.stdin))
" &&
	sheet bom.csv --bom <<-\EOF &&
	Company|Title
	Bom Co|Data Lead
	EOF
	rapport --json import csv bom.csv >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq added 1 encoding "UTF-8 with a byte order mark"
'

test_expect_success 'a 1 MB company skips its row; a note over 1 MB too' '
	python3 -c "
import csv
with open(\"big.csv\", \"w\", newline=\"\") as f:
    w = csv.writer(f)
    w.writerow([\"Company\", \"Title\", \"Notes\"])
    w.writerow([\"x\" * (1 << 20), \"Data Lead\", \"\"])
    w.writerow([\"Big Co\", \"Data Lead\", \"n\" * ((1 << 20) + 1)])
    w.writerow([\"Big Co\", \"Analyst\", \"n\" * (1 << 19)])
" &&
	rapport --json import csv big.csv >out &&
	python3 -c "
import json
s = json.load(open(\"out\"))
assert s[\"added\"] == 1, s
assert [(k[\"line\"], k[\"reason\"]) for k in s[\"skipped\"]] == [
    (2, \"the Company field is 1048576 bytes long (at most 1000)\"),
    (3, \"the Notes field is 1048577 bytes long (at most 1048576)\")], s[\"skipped\"]
"
'

test_expect_success '--dry-run writes nothing and says what would change' '
	sheet dry.csv <<-\EOF &&
	Company|Title|Status
	Dry Co|Data Lead|applied
	Ñandú Analytics|Lead Data Engineer|offer
	EOF
	before=$(db_digest) &&
	test_eq "$(summary dry.csv --dry-run)" "2 1 1 0 0 1" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'unreadable files change nothing: empty, header only, unterminated quote' '
	before=$(db_digest) &&
	: >empty.csv &&
	test_must_fail 1 rapport import csv empty.csv &&
	test_stderr_contains "empty.csv: the file is empty" &&
	printf "Company,Title\n" >header.csv &&
	test_must_fail 1 rapport import csv header.csv &&
	test_stderr_contains "header.csv: line 1: the header has no rows after it" &&
	printf "Company,Title\nFirst Co,Data Lead\nSecond Co,\"Data Lead\nThird Co,Analyst\n" >quote.csv &&
	test_must_fail 1 rapport import csv quote.csv &&
	test_stderr_contains "quote.csv: line 3: a quoted field starts on this line and is not closed" &&
	printf "Company,Title\nFirst Co,Data\000Lead\n" >nul.csv &&
	rapport --json import csv nul.csv >out &&
	jv_eq added 0 skipped.0.line 2 <out &&
	test_eq "$(db_digest)" "$before"
'

test_done
