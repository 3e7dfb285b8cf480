#!/bin/sh
# Hostile files: what a file someone hands the user can still do.
#  - A JSON backup passes the checks every other way in applies: a line
#    break in a name or an e-mail address, a javascript: URL, a terminal
#    escape, a ladder of levels that does not parse or is 100 kB are
#    refused, with the table, the row and the field, and nothing is written.
#  - Numbers from outside are range-checked before they are converted.
#  - A FIFO or a device where a configuration file goes is refused at once.
. "$(dirname "$0")/test-lib.sh"

# spoil TABLE FIELD PYTHON-VALUE: bad.json is good.json with the first row
# of TABLE's FIELD set to the value (a Python expression).
spoil() {
	python3 -c '
import json, sys
doc = json.load(open("good.json"))
doc["tables"][sys.argv[1]][0][sys.argv[2]] = eval(sys.argv[3])
json.dump(doc, open("bad.json", "w"))
' "$1" "$2" "$3"
}

# refused TABLE FIELD PYTHON-VALUE MESSAGE: importing the spoilt backup
# fails with MESSAGE on stderr, and the new database stays empty.
refused() {
	spoil "$1" "$2" "$3" &&
	test_must_fail 1 rapport --db new.db import json bad.json &&
	test_stderr_contains "$4" &&
	test_eq "$(rapport --db new.db --json person list)" "[]"
}

test_expect_success 'a backup of every kind of record' '
	rapport org add Acme --website https://acme.example --notes "line one
line two" >/dev/null &&
	rapport person add "Data Recruiter" --org Acme --email recruiter@acme.example --tag data \
		--linkedin https://www.linkedin.com/in/ann >/dev/null &&
	rapport opp add Acme "Data Lead" --url https://acme.example/jobs/1 >/dev/null &&
	rapport opp move acme-data-lead interviewing --note "invited" >/dev/null &&
	rapport log interview "First chat" --with Recruiter --opp acme-data-lead --notes "tab	ok" \
		>/dev/null &&
	rapport want add "Remote work" --category work-pattern >/dev/null &&
	rapport want mark acme-data-lead 1 met --by Recruiter --note "they said so" >/dev/null &&
	rapport question add "How remote is the team?" --stage first --audience peer \
		>/dev/null &&
	rapport debrief acme-data-lead --asked "Remote?" --answer "Yes" --well "rapport" \
		>/dev/null &&
	rapport feedback add acme-data-lead "Good questions" --from Recruiter >/dev/null &&
	rapport offer add acme-data-lead --base 90000 --benefits "pension" >/dev/null &&
	rapport offer ask acme-data-lead --base 95000 --text "market rate" >/dev/null &&
	rapport task add "Call Recruiter" --with Recruiter --due 2026-03-05 >/dev/null &&
	rapport config name "Job Seeker" >/dev/null &&
	rapport config levels "junior < senior < lead" >/dev/null &&
	rapport export -o good.json &&
	rapport --db copy.db import json good.json >/dev/null
'

test_expect_success 'import json: line breaks in one-line fields are refused' '
	refused person name "\"Data\\nRecruiter\"" "person row 1: name must be one line" &&
	refused person email "\"recruiter@acme.example\\r\\nBcc: spy@evil.example\"" \
		"person row 1: e-mail must be one line" &&
	refused organisation name "\"Acme\\r\"" "organisation row 1: organisation name" &&
	refused task title "\"Call\\nAnn\"" "task row 1: title must be one line" &&
	refused opportunity level_applied "\"lead\\n\"" "level applied for must be one line"
'

test_expect_success 'import json: only http(s) URLs, like the command line' '
	refused organisation website "\"javascript:alert(1)\"" \
		"organisation row 1: website must start with https:// or http://" &&
	refused person linkedin "\"data:text/html,x\"" "LinkedIn URL must start with" &&
	refused opportunity url "\"javascript:alert(1)\"" "URL must start with"
'

test_expect_success 'import json: terminal escapes and C1 controls are refused in every record' '
	refused person title "\"\\x1b]0;pwned\\x07CTO\"" "person row 1: title must be one line" &&
	refused person name "\"Data \\u009b31mRecruiter\"" "person row 1: name must be one line" &&
	refused organisation notes "\"ok\\x1b[2J\"" "notes holds a control character" &&
	refused interaction notes "\"a\\rb\"" "interaction row 1: notes holds a control" &&
	refused stage_change note "\"\\x1b[31m\"" "stage_change row 1: note holds a control" &&
	refused want text "\"Remote\\x1b\"" "want row 1: want must be one line" &&
	refused want_evidence note "\"\\x1b[1m\"" "want_evidence row 1: note holds" &&
	refused question text "\"Why\\x85?\"" "question row" &&
	refused debrief went_well "\"\\x1b[5m\"" "what went well holds a control" &&
	refused asked text "\"Remote?\\n\"" "asked row 1: a question must be one line" &&
	refused feedback text "\"\\x9b2J\"" "feedback row 1: feedback holds a control" &&
	refused offer benefits "\"\\x1b]8;;http://evil\\x07\"" "benefits holds a control" &&
	refused offer_round text "\"\\x07\"" "offer_round row 1: text holds a control" &&
	refused person_tag tag "\"da ta\"" "person_tag row 1: tag" &&
	refused task created_at "\"2026\\n\"" "task row 1: created_at must be one line"
'

test_expect_success 'import json: settings get the checks rapport config applies' '
	refused setting value "\"x\" * 100000" "setting row 1" &&
	python3 -c "
import json
doc = json.load(open(\"good.json\"))
keys = [r[\"key\"] for r in doc[\"tables\"][\"setting\"]]
assert keys == [\"levels\", \"name\"], keys
" &&
	refused setting value "\"junior <\"" "setting row 1: levels: rung 2 is empty" &&
	refused setting value "\"< \" * 30000" "setting row 1: levels" &&
	spoil setting key "\"name\"" &&
	python3 -c "
import json
doc = json.load(open(\"good.json\"))
doc[\"tables\"][\"setting\"][1][\"value\"] = \"Job\\nSeeker\"
json.dump(doc, open(\"bad.json\", \"w\"))
" &&
	test_must_fail 1 rapport --db new.db import json bad.json &&
	test_stderr_contains "setting row 2: name must be one line" &&
	test_must_fail 1 rapport config levels "$(printf "a < b\033[2J")" &&
	test_must_fail 1 rapport config name "$(printf "Me\302\233")"
'

test_expect_success 'import json: a number out of range is refused, not cut' '
	refused person rapport "2**40 + 3" "person row 1: rapport is out of range" &&
	refused interaction chemistry "-2**63" "interaction row 1: chemistry is out of range" &&
	refused question stages "2**32 + 1" "question row 1: stages is out of range"
'

test_expect_success 'after the refusals, the good backup still loads whole' '
	rapport --db new.db import json good.json >/dev/null &&
	rapport --db new.db export -o again.json &&
	test_cmp good.json again.json
'

# A salary of 1e23 was converted to int64_t unchecked (undefined: UBSan
# reports it), and a month of 4294967297 was cut to 1 by a cast to int.
test_expect_success 'import csv: an out-of-range salary or date part is left out, not cut' '
	printf "Company,Position,Salary,Date Applied\r\n%s\r\n%s\r\n%s\r\n" \
		"Acme,Lead,100000000000000000000000,2024-4294967297-01" \
		"Beta,Eng,\"80,000\",2024-03-05" "Gamma,Ops,1e23 - 2e23,2024-03-4294967301" >s.csv &&
	rapport --db csv.db import csv s.csv >csv.out &&
	grep -q "line 2: Salary .100000000000000000000000. is not an annual salary" csv.out &&
	grep -q "line 2: Date Applied .2024-4294967297-01. is not a date" csv.out &&
	grep -q "line 4: Salary .1e23 - 2e23. is not an annual salary" csv.out &&
	grep -q "line 4: Date Applied .2024-03-4294967301. is not a date" csv.out &&
	rapport --db csv.db --json opp list >opps.json &&
	python3 -c "
import json
opps = {o[\"title\"]: o for o in json.load(open(\"opps.json\"))}
assert opps[\"Lead\"][\"salary_range\"] is None, opps[\"Lead\"]
assert not opps[\"Lead\"][\"stage_changed_at\"].startswith(\"2024\"), opps[\"Lead\"]
assert not opps[\"Ops\"][\"stage_changed_at\"].startswith(\"2024\"), opps[\"Ops\"]
assert opps[\"Eng\"][\"salary_range\"][\"low\"] == 80000, opps[\"Eng\"]
assert opps[\"Eng\"][\"stage_changed_at\"].startswith(\"2024-03-05\"), opps[\"Eng\"]
"
'

# A FIFO opened for reading waits for a writer: every command that loads
# the playbooks hung. timeout turns a hang into a failure (exit 124).
test_expect_success 'a FIFO or a device in the configuration folder is refused at once' '
	mkdir -p "$XDG_CONFIG_HOME/rapport/templates" &&
	mkfifo "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	test_must_fail 1 timeout 20 "$RAPPORT" agenda &&
	test_stderr_contains "/playbooks.ini" && test_stderr_contains ": not a regular file" &&
	test_must_fail 1 timeout 20 "$RAPPORT" task list &&
	test_stderr_contains "not a regular file" &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	ln -s /dev/zero "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	test_must_fail 1 timeout 20 "$RAPPORT" agenda &&
	test_stderr_contains "not a regular file" &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	mkfifo "$XDG_CONFIG_HOME/rapport/templates/thank-you.txt" &&
	test_must_fail 1 timeout 20 "$RAPPORT" template show thank-you &&
	test_stderr_contains "/thank-you.txt" && test_stderr_contains ": not a regular file" &&
	rm "$XDG_CONFIG_HOME/rapport/templates/thank-you.txt" &&
	mkfifo fifo.json &&
	test_must_fail 1 timeout 20 "$RAPPORT" --db fifo.db import json fifo.json &&
	test_stderr_contains "fifo.json" && test_stderr_contains ": not a regular file" &&
	test_must_fail 1 timeout 20 "$RAPPORT" --db fifo.db import linkedin fifo.json &&
	test_stderr_contains "not a regular file"
'

test_expect_success 'a configuration file over 1 MB is refused with its name' '
	python3 -c "open(\"$XDG_CONFIG_HOME/rapport/playbooks.ini\", \"w\").write(\"#\" * (1 << 20) + \"\n\")" &&
	test_must_fail 1 rapport agenda &&
	test_stderr_contains "playbooks.ini" && test_stderr_contains "is too large (1048577 bytes, at most 1048576)" &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	rapport agenda >/dev/null
'

# An older database (or one another program wrote) may hold what today's
# checks refuse: what rapport prints from it carries no escape.
test_expect_success_sqlite 'an escape already in the database is printed as text' '
	python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute(\"UPDATE person SET title = ?, notes = ? WHERE id = 1\",
           (\"CTO\x1b]0;pwned\x07\", \"line\n\x1b[2Jnext\u009b31m\"))
db.execute(\"UPDATE interaction SET summary = ? WHERE id = 1\", (\"chat\rspoof\",))
db.commit()
" copy.db &&
	rapport --db copy.db person show Recruiter >show.out &&
	rapport --db copy.db person list >list.out &&
	rapport --db copy.db --json person show Recruiter >show.json &&
	python3 -c "
import json, sys
for name in sys.argv[1:]:
    raw = open(name, \"rb\").read()
    for bad in (b\"\x1b\", b\"\x07\", b\"\xc2\x9b\", b\"\r\"):
        assert bad not in raw, (name, bad, raw)
show = open(\"show.out\").read()
assert \"CTO\\\\x1b]0;pwned\\\\x07\" in show, show
assert \"chat\\\\x0dspoof\" in show, show
assert \"next\\\\u009b31m\" in show, show
doc = json.load(open(\"show.json\"))
assert doc[\"notes\"] == \"line\n\x1b[2Jnext\u009b31m\", doc
" show.out list.out show.json &&
	test_must_fail 1 rapport --db copy.db person show "$(printf "x\033[2J")" &&
	test_stderr_contains "x\\x1b[2J"
'

test_done
