#!/bin/sh
# Bad input: usage errors, refused values that write nothing, hostile strings
# stored verbatim, databases from a newer rapport and files that are not one.
. "$(dirname "$0")/test-lib.sh"

sqli="'; DROP TABLE person; --"
quotes='Robert "Bobby" O'"'"'Neil'
xss='<script>alert("x")</script>'
unicode='Équipe Ålesund-Łódź 日本 🚀'
multiline='first line
	second line, indented
third line'
long_notes=$(python3 -c 'print("Long notes about the hiring process. " * 2500, end="")')

test_expect_success 'setup' '
	rapport person add "Director of Analytics" --org "Acme Analytics" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null &&
	rapport task add "Send the deck" >/dev/null
'

# --- usage errors: exit 2 and a usage line

test_expect_success 'a missing argument is a usage error with the usage line' '
	test_must_fail 2 rapport person add &&
	test_stderr_contains "missing" &&
	grep -q "^usage: rapport person add NAME" .stderr &&
	test_must_fail 2 rapport opp move acme-data-lead &&
	grep -q "^usage: rapport opp move OPP STAGE" .stderr &&
	test_must_fail 2 rapport task done &&
	test_must_fail 2 rapport opp link acme-data-lead
'

test_expect_success 'an unknown option is a usage error for every command' '
	test_must_fail 2 rapport person add "Network Contact" --nickname Net &&
	test_stderr_contains "--nickname" &&
	test_must_fail 2 rapport opp list --colour red &&
	test_must_fail 2 rapport task list --overdue &&
	test_must_fail 2 rapport agenda --weeks 2 &&
	test_must_fail 2 rapport log call "x" --who Director &&
	test_must_fail 2 rapport search data --fuzzy &&
	test_must_fail 2 rapport export --pretty
'

test_expect_success 'an option without its value is a usage error' '
	test_must_fail 2 rapport person add "Network Contact" --org &&
	test_stderr_contains "--org" &&
	test_must_fail 2 rapport task add "x" --due &&
	test_must_fail 2 rapport --db
'

test_expect_success 'an unknown subcommand is a usage error' '
	test_must_fail 2 rapport person delete Director &&
	test_must_fail 2 rapport opp frobnicate &&
	test_must_fail 2 rapport org
'

test_expect_success 'a flag given a value is a usage error' '
	test_must_fail 2 rapport task list --all=yes
'

test_expect_success 'an option given twice is a usage error' '
	test_must_fail 2 rapport person add "Network Contact" --title CTO --title CEO
'

test_expect_success 'usage errors write nothing' '
	before=$(db_digest) &&
	test_must_fail 2 rapport person add "Network Contact" --nickname Net &&
	test_must_fail 2 rapport org add "Zenith Labs" --colour red &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success '--json may come after the command' '
	rapport person show Director --json >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Director of Analytics"
'

test_expect_success 'an error is one line on stderr and nothing on stdout' '
	test_must_fail 1 rapport person show "Missing Contact" &&
	test_eq "$(wc -l <.stderr | tr -d " ")" 1 &&
	test_eq "$(wc -c <.stdout | tr -d " ")" 0 &&
	test_expect_code 1 rapport --json person show "Missing Contact" >out 2>err &&
	test_eq "$(wc -l <err | tr -d " ")" 1 &&
	test_eq "$(jv code <err)" not-found &&
	test ! -s out
'

# --- refused values: exit 1, a clear message, nothing written

test_expect_success 'empty names are refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport org add "" &&
	test_must_fail 1 rapport person add "" &&
	test_must_fail 1 rapport person add "" --org "Zenith Labs" &&
	test_must_fail 1 rapport opp add "Zenith Labs" "" &&
	test_must_fail 1 rapport task add "" &&
	test_must_fail 1 rapport log note "" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'unknown stages, kinds and roles are refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp move acme-data-lead hired &&
	test_stderr_contains "unknown stage" &&
	test_must_fail 1 rapport opp add "Zenith Labs" "Analyst" --stage maybe &&
	test_must_fail 1 rapport log lunch "x" &&
	test_stderr_contains "interview" &&
	test_must_fail 1 rapport task add "x" --kind fax &&
	test_must_fail 1 rapport opp link acme-data-lead Director --role boss &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'rapport outside 0-5 is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "Network Contact" --rapport 6 &&
	test_must_fail 1 rapport person add "Network Contact" --rapport 3.5 &&
	test_must_fail 1 rapport person edit Director --rapport 10 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'malformed dates are refused with a clear message, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task add "x" --due 2026-02-30 &&
	test_stderr_contains "2026-02-30" &&
	test_must_fail 1 rapport task add "x" --due 2026-13-01 &&
	test_stderr_contains "2026-13-01" &&
	test_must_fail 1 rapport task add "x" --due "next tuesday" &&
	test_stderr_contains "next tuesday" &&
	test_must_fail 1 rapport log call "x" --at 2026-02-30 &&
	test_must_fail 1 rapport task snooze 1 2026-13-01 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'unknown references are refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person show "Missing Contact" &&
	test_must_fail 1 rapport org edit "Initech Systems" --location Paris &&
	test_must_fail 1 rapport opp edit nowhere-job --level Senior &&
	test_must_fail 1 rapport opp move nowhere-job applied &&
	test_must_fail 1 rapport opp link acme-data-lead "Missing Contact" --role peer &&
	test_must_fail 1 rapport log call "x" --with "Missing Contact" &&
	test_must_fail 1 rapport log call "x" --opp nowhere-job &&
	test_must_fail 1 rapport task add "x" --with "Missing Contact" &&
	test_must_fail 1 rapport task done 42 &&
	test_must_fail 1 rapport person list --org "Initech Systems" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a refused value after a new organisation rolls the organisation back' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp add "Northwind Health" "Analyst" --salary-target plenty &&
	test_must_fail 1 rapport opp add "Northwind Health" "Analyst" --slug "Not A Slug" &&
	test_must_fail 1 rapport person add "Network Contact" --org "Northwind Health" --cadence 0 &&
	test_eq "$(db_digest)" "$before" &&
	test_must_fail 1 rapport org show "Northwind Health"
'

test_expect_success 'an ambiguous reference is an error listing the candidates' '
	rapport person add "Director of Analytics Ops" >/dev/null &&
	before=$(db_digest) &&
	test_must_fail 1 rapport person edit director --title CTO &&
	test_stderr_contains "Director of Analytics" && test_stderr_contains "Director of Analytics Ops" &&
	test_eq "$(db_digest)" "$before"
'

# --- hostile strings: stored and shown back verbatim

test_expect_success 'an SQL injection string is just a name' '
	rapport --json person add "$sqli" --notes "$sqli" --org "$sqli" >out &&
	test_eq "$(jv name <out)" "$sqli" &&
	test_eq "$(jv notes <out)" "$sqli" &&
	test_eq "$(jv organisation.name <out)" "$sqli" &&
	rapport person list >out &&
	grep -qF -- "$sqli" out &&
	grep -q "Director of Analytics" out &&
	rapport --json person show "$sqli" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "$sqli" &&
	rapport org show "$sqli" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -qF -- "$sqli"
'

test_expect_success 'quotes are stored and shown verbatim' '
	rapport person add "$quotes" --title "$quotes" >/dev/null &&
	rapport --json person show "$quotes" >out &&
	test_eq "$(jv name <out)" "$quotes" &&
	test_eq "$(jv title <out)" "$quotes" &&
	rapport person show "$quotes" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -qF -- "$quotes"
'

test_expect_success 'markup is stored and shown verbatim' '
	rapport --json org add "$xss" --notes "$xss" --website "https://acme.example/?q=$xss" >out &&
	test_eq "$(jv name <out)" "$xss" &&
	test_eq "$(jv website <out)" "https://acme.example/?q=$xss" &&
	rapport org show "$xss" >out &&
	grep -qF -- "$xss" out &&
	rapport --json log note "$xss" --notes "$xss" >out &&
	test_eq "$(jv summary <out)" "$xss" &&
	test_eq "$(jv notes <out)" "$xss"
'

test_expect_success 'unicode is stored and shown verbatim' '
	rapport --json person add "$unicode" --org "Café Zürich" --tag "müller" --notes "$unicode" >out &&
	test_eq "$(jv name <out)" "$unicode" &&
	test_eq "$(jv tags.0 <out)" "müller" &&
	rapport person show "$unicode" >out &&
	grep -qF -- "$unicode" out &&
	rapport --json person list --tag "müller" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test_eq "$(cat n)" 1 &&
	rapport --json task add "$unicode" --with "$unicode" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv title >t &&
	test_eq "$(cat t)" "$unicode"
'

test_expect_success 'a unique part of a name with accents finds the person' '
	rapport --json person show "Łódź" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "$unicode"
'

test_expect_success 'case-insensitive references fold non-ASCII letters too' '
	rapport --json person show "ålesund-łódź" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "$unicode" &&
	rapport --json org show "CAFÉ ZÜRICH" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "Café Zürich"
'

test_expect_success 'very long notes are stored and shown verbatim' '
	rapport person edit "Director of Analytics" --notes "$long_notes" >/dev/null &&
	rapport --json person show "Director of Analytics" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv notes >notes &&
	test_eq "$(cat notes)" "$long_notes" &&
	test_eq "$(wc -c <notes | tr -d " ")" "$(( ${#long_notes} + 1 ))" &&
	rapport person show "Director of Analytics" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -qF "Long notes about the hiring process."
'

test_expect_success 'notes on several lines are stored verbatim' '
	rapport --json opp edit acme-data-lead --notes "$multiline" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv notes >notes &&
	printf "%s\n" "$multiline" >expect &&
	test_cmp expect notes
'

test_expect_success 'hostile strings survive export and import' '
	rapport export >full.json &&
	rapport --db copy.db import json full.json >/dev/null &&
	rapport --db copy.db export >again.json &&
	cmp full.json again.json &&
	rapport --db copy.db --json person show "$sqli" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv name >name &&
	test_eq "$(cat name)" "$sqli"
'

# --- the database file

test_expect_success '--db wins over RAPPORT_DB, which wins over XDG_DATA_HOME' '
	rapport --db flag.db org add "Flag Org" >/dev/null &&
	RAPPORT_DB=env.db rapport org add "Env Org" >/dev/null &&
	(unset RAPPORT_DB && rapport org add "Xdg Org" >/dev/null) &&
	RAPPORT_DB=env.db rapport --db flag.db org list >out &&
	grep -q "Flag Org" out && ! grep -q "Env Org" out &&
	RAPPORT_DB=env.db rapport org list >out &&
	grep -q "Env Org" out && ! grep -q "Xdg Org" out &&
	rapport --db "$XDG_DATA_HOME/rapport/rapport.db" org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Xdg Org"
'

test_expect_success 'without XDG_DATA_HOME the database is in ~/.local/share/rapport' '
	(unset RAPPORT_DB XDG_DATA_HOME && rapport org add "Home Org" >/dev/null) &&
	test -f "$HOME/.local/share/rapport/rapport.db" &&
	rapport --db "$HOME/.local/share/rapport/rapport.db" org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Home Org"
'

test_expect_success '--json prints JSON for every command' '
	rapport --db j.db person add "Director of Analytics" >/dev/null &&
	rapport --db j.db opp add "Acme Analytics" "Data Lead" --slug adl >/dev/null &&
	rapport --db j.db task add "Call back" >/dev/null &&
	rapport --db j.db export >j.json &&
	for cmd in "org add Globex" "org list" "org show 1" "org edit 1 --location Berlin" \
		"person add Interviewer" "person list" "person show Interviewer" "person edit Interviewer --title CTO" \
		"opp add Globex Analyst" "opp list" "opp show adl" "opp edit adl --level Senior" \
		"opp move adl applied" "opp link adl Interviewer --role peer" "log call Intro --with Interviewer" \
		"task add Write" "task list" "task done 1" "task skip 2" "task add Later" \
		"task snooze 3 +1d" "agenda" "search director" "export" "export -o out.json"; do
		rapport --db j.db --json $cmd >out 2>err || { echo "failed: $cmd"; cat err; return 1; }
		python3 -c "import json; json.load(open(\"out\"))" 2>/dev/null ||
			{ echo "not JSON from: $cmd"; cat out; return 1; }
	done &&
	rapport --db j2.db --json import json j.json >out &&
	python3 -c "import json; json.load(open(\"out\"))"
'

test_expect_success_sqlite 'a database from a newer rapport is refused and left unchanged' '
	rapport --db newer.db org add "Acme Analytics" >/dev/null &&
	sqlite3 newer.db "PRAGMA user_version = 99" &&
	cp newer.db newer.orig &&
	test_must_fail 1 rapport --db newer.db org list &&
	test_stderr_contains "newer rapport" &&
	test_must_fail 1 rapport --db newer.db org add "Globex Data" &&
	test_must_fail 1 rapport --db newer.db import json full.json &&
	cmp newer.db newer.orig &&
	test_eq "$(sqlite3 newer.db "PRAGMA user_version")" 99 &&
	test_eq "$(sqlite3 newer.db "SELECT count(*) FROM organisation")" 1
'

test_expect_success 'a file that is not a database is refused and left unchanged' '
	printf "%s\n" "name,email" "Director of Analytics,director@acme.example" >contacts.csv &&
	cp contacts.csv contacts.orig &&
	test_must_fail 1 rapport --db contacts.csv person list &&
	test_stderr_contains "not a rapport database" &&
	test_must_fail 1 rapport --db contacts.csv org add "Acme Analytics" &&
	cmp contacts.csv contacts.orig
'

test_expect_success 'an empty file becomes a database' '
	: >blank.db &&
	rapport --db blank.db org add "Acme Analytics" >/dev/null &&
	rapport --db blank.db org list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Acme Analytics"
'

test_expect_success 'a --db in a folder that does not exist is an error, no folders made' '
	test_must_fail 1 rapport --db missing/dir/rapport.db org list &&
	! test -e missing
'

test_expect_success 'a folder given as the database is an error' '
	mkdir adir &&
	test_must_fail 1 rapport --db adir org list
'

test_done
