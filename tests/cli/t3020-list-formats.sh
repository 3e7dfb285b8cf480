#!/bin/sh
# Lists for scripts and terminals (issue 23): --format tsv on every list,
# which awk reads back; tables cut to COLUMNS with an ellipsis and aligned
# by display width; whole values in a pipe; an unknown format is a usage
# error with a suggestion.
. "$(dirname "$0")/test-lib.sh"

TAB=$(printf '\t')

# Every command that prints rows.
LISTS='org list
person list
opp list
task list
want list
question list
debrief list
feedback list
improve list
search Contoso
agenda
undo --list
template list
playbook list'

# fields_agree FILE: FILE has a header and at least one row, and every line
# has as many tab-separated fields as the header.
fields_agree() {
	awk -F'\t' 'NR == 1 { n = NF; next }
		NF != n { print "line " NR ": " NF " fields, the header has " n; bad = 1 }
		END { if (NR < 2) { print "no rows"; bad = 1 } exit bad }' "$1"
}

test_expect_success 'set-up: a record of every kind, one note holding a tab and a line break' '
	rapport org add Contoso --location Seattle >/dev/null &&
	rapport person add "Hiring Manager" --org Contoso --title "Head of Data" >/dev/null &&
	rapport person add "Data Recruiter" --org Contoso --title Recruiter >/dev/null &&
	rapport opp add Contoso "Data Lead" >/dev/null &&
	rapport log interview "First round" --with "Hiring Manager" --opp contoso-data-lead \
		>/dev/null &&
	rapport task add "Call back" --with "Data Recruiter" --due +2d >/dev/null &&
	rapport want add "Remote work" --weight 4 >/dev/null &&
	rapport debrief contoso-data-lead --asked 1 --answer yes --chemistry 4 \
		</dev/null >/dev/null &&
	rapport feedback add contoso-data-lead "$(printf "Work on\tSQL\nand more")" \
		--from "Hiring Manager" >/dev/null &&
	rapport improve add "Read a SQL book" --from-feedback 1 >/dev/null
'

test_expect_success 'every list: --format tsv is a header, then rows of as many fields' '
	echo "$LISTS" | while read -r cmd; do
		rapport $cmd --format tsv >"$TEST_DIR/.rp" || { echo "$cmd failed"; return 1; }
		fields_agree "$TEST_DIR/.rp" || { echo "in: $cmd"; return 1; }
	done
'

test_expect_success 'tsv: a tab, a line break and a backslash in a value are escaped' '
	rapport feedback list --format tsv >"$TEST_DIR/.rp" &&
	awk -F"\t" "NR == 1 { for (i = 1; i <= NF; i++) col[\$i] = i }
		NR == 2 { print \$col[\"text\"] }" "$TEST_DIR/.rp" >text &&
	test_eq "$(cat text)" "Work on\\tSQL\\nand more" &&
	test_eq "$(wc -l <"$TEST_DIR/.rp")" 2 &&
	rapport undo --list --format tsv >"$TEST_DIR/.rp" &&
	has "$TEST_DIR/.rp" "Work on\\tSQL"
'

test_expect_success 'tsv: the ids of what a row refers to' '
	rapport person list --format tsv >"$TEST_DIR/.rp" &&
	test_eq "$(head -n 1 "$TEST_DIR/.rp")" "id${TAB}name${TAB}org_id${TAB}org${TAB}title" &&
	has "$TEST_DIR/.rp" "2${TAB}Data Recruiter${TAB}1${TAB}Contoso${TAB}Recruiter" &&
	rapport task list --format tsv >"$TEST_DIR/.rp" &&
	awk -F"\t" "\$4 == \"Call back\" { print \$5 \" \" \$6 }" "$TEST_DIR/.rp" >who &&
	test_eq "$(cat who)" "2 Data Recruiter" &&
	rapport agenda --format tsv >"$TEST_DIR/.rp" &&
	test_eq "$(head -n 1 "$TEST_DIR/.rp" | cut -f 1-3)" "section${TAB}id${TAB}due" &&
	has "$TEST_DIR/.rp" "upcoming${TAB}"
'

test_expect_success 'tsv: no note under a row, no footer' '
	rapport template list --format tsv >"$TEST_DIR/.rp" &&
	hasnt "$TEST_DIR/.rp" "Your own templates" &&
	rapport task list --format tsv >"$TEST_DIR/.rp" &&
	hasnt "$TEST_DIR/.rp" "draft ready" &&
	fields_agree "$TEST_DIR/.rp"
'

test_expect_success '--format json is --json; table is the default' '
	rapport org list --json >json1 &&
	rapport org list --format json >json2 &&
	test_cmp json1 json2 &&
	rapport org list >table1 &&
	rapport org list --format table >table2 &&
	test_cmp table1 table2
'

test_expect_success 'an unknown format exits 2 with a suggestion' '
	test_must_fail 2 rapport org list --format tvs &&
	test_stderr_contains "did you mean '\''tsv'\''" &&
	test_must_fail 2 rapport agenda --format=jsn &&
	test_stderr_contains "did you mean '\''json'\''" &&
	test_expect_code 2 rapport person list --json --format tsv 2>"$TEST_DIR/.stderr" &&
	has "$TEST_DIR/.stderr" "\"code\":\"usage\"" "do not go together"
'

test_expect_success 'a command that prints no rows has no --format' '
	test_must_fail 2 rapport org show Contoso --format tsv &&
	test_must_fail 1 rapport undo --format tsv &&
	rapport undo --list --format tsv >"$TEST_DIR/.rp" &&
	has "$TEST_DIR/.rp" "improve add"
'

test_expect_success 'set-up: long and East Asian wide names' '
	rapport person add "山田太郎" --org Contoso --title Recruiter >/dev/null &&
	rapport person add "佐藤花子さんのとても長い名前です" --org Contoso --title Recruiter \
		>/dev/null &&
	rapport person add "Principal Talent Acquisition Partner" --org Contoso \
		--title Recruiter >/dev/null
'

test_expect_success 'COLUMNS=40: rows cut with an ellipsis, columns still aligned' '
	COLUMNS=40 rapport person list >"$TEST_DIR/.rp" &&
	test_eq "$(widest_line "$TEST_DIR/.rp")" 40 &&
	has "$TEST_DIR/.rp" "…" "山田太郎" &&
	hasnt "$TEST_DIR/.rp" "Principal Talent Acquisition Partner" &&
	columns_at Contoso "$TEST_DIR/.rp" >cols &&
	test_eq "$(wc -l <cols)" 5 &&
	test_eq "$(sort -u cols | wc -l)" 1
'

test_expect_success 'a cut never splits a wide character' '
	for n in 38 39 40 41; do
		COLUMNS=$n rapport person list >"$TEST_DIR/.rp" &&
		python3 -c "import sys; open(sys.argv[1], encoding=\"utf-8\").read()" \
			"$TEST_DIR/.rp" &&
		test "$(widest_line "$TEST_DIR/.rp")" -le $n || return 1
	done
'

test_expect_success 'a pipe without COLUMNS gets whole values; a table never cuts TSV' '
	rapport person list >"$TEST_DIR/.rp" &&
	has "$TEST_DIR/.rp" "Principal Talent Acquisition Partner" "佐藤花子さんのとても長い名前です" &&
	hasnt "$TEST_DIR/.rp" "…" &&
	COLUMNS=20 rapport person list --format tsv >"$TEST_DIR/.rp" &&
	has "$TEST_DIR/.rp" "Principal Talent Acquisition Partner" &&
	hasnt "$TEST_DIR/.rp" "…"
'

test_expect_success 'a long value pushes no column out of line (ids, names, slugs)' '
	rapport person list >"$TEST_DIR/.rp" &&
	columns_at Contoso "$TEST_DIR/.rp" >cols &&
	test_eq "$(sort -u cols | wc -l)" 1 &&
	rapport opp add "Northwind Logistics International Trading" Analyst >/dev/null &&
	rapport opp list >"$TEST_DIR/.rp" &&
	columns_at " lead " "$TEST_DIR/.rp" >cols &&
	columns_at " interviewing " "$TEST_DIR/.rp" >>cols &&
	test_eq "$(wc -l <cols)" 2 &&
	test_eq "$(sort -u cols | wc -l)" 1 &&
	rapport org add "Fabrikam Research Laboratories" --location Austin >/dev/null &&
	rapport org list >"$TEST_DIR/.rp" &&
	columns_at Seattle "$TEST_DIR/.rp" >cols &&
	columns_at Austin "$TEST_DIR/.rp" >>cols &&
	test_eq "$(sort -u cols | wc -l)" 1
'

test_expect_success 'ids of different widths stay right-aligned' '
	for i in 1 2 3 4 5; do
		rapport person add "Panel Interviewer $i" >/dev/null || return 1
	done &&
	rapport person list >"$TEST_DIR/.rp" &&
	columns_at "Panel Interviewer 5" "$TEST_DIR/.rp" >cols &&
	columns_at "Data Recruiter" "$TEST_DIR/.rp" >>cols &&
	test_eq "$(sort -u cols | wc -l)" 1
'

test_expect_success 'agenda --format tsv stays a table when an interaction is planned' '
	rapport log call "A call ahead" --at +3d >/dev/null &&
	rapport agenda --format tsv >out &&
	hasnt out "planned:" "A call ahead" &&
	awk -F"\t" "NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad }" out
'

test_done
