#!/bin/sh
# Input for scripts (issue 23): "-" reads standard input for a file argument
# and for --notes; --editor edits a record as text in $EDITOR; an edit that
# changes nothing says so and writes nothing.
. "$(dirname "$0")/test-lib.sh"

disable_playbooks

# The person's updated_at, and the undo history, to show that a command changed nothing.
person_updated() {
	rapport --json person show "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv updated_at
}
undo_list() {
	rapport undo --list >"$TEST_DIR/.rp" && cat "$TEST_DIR/.rp"
}

test_expect_success '--notes - reads the notes from a here-document' '
	rapport person add "Hiring Manager" --org "Acme Analytics" --notes - >out <<-\EOF &&
	Met at the data fair.
	Asked about the platform team.
	EOF
	rapport --json person show "Hiring Manager" >out &&
	test_eq "$(jv notes <out)" "Met at the data fair.
Asked about the platform team." &&
	rapport org edit "Acme Analytics" --notes - >/dev/null <<-\EOF &&
	Hiring for two data roles.
	EOF
	rapport --json org show "Acme Analytics" >out &&
	test_eq "$(jv notes <out)" "Hiring for two data roles."
'

test_expect_success '--notes - refuses what is not UTF-8, and writes nothing' '
	before=$(db_digest) &&
	printf "caf\351\n" >latin1.txt &&
	test_must_fail 1 rapport person edit "Hiring Manager" --notes - <latin1.txt &&
	test_stderr_contains "UTF-8" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'import vcard - reads the cards from standard input' '
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Data Recruiter\r\nORG:Globex Data\r\nEND:VCARD\r\n" \
		>book.vcf &&
	rapport --json import vcard - <book.vcf >out &&
	test_eq "$(jv added <out)" 1 &&
	rapport --json person show "Data Recruiter" >out &&
	test_eq "$(jv organisation.name <out)" "Globex Data"
'

test_expect_success 'import csv -, playbook check - and template check - read standard input' '
	printf "Company,Title,Status\nInitech,Analytics Engineer,applied\n" >apps.csv &&
	rapport --json import csv - <apps.csv >out &&
	test_eq "$(jv added <out)" 1 &&
	printf "[thank-you]\nenabled = no\n" >pb.ini &&
	rapport playbook check - <pb.ini >out &&
	has out "fine" &&
	printf "Subject: Thanks\n\nDear {first},\n" >letter.txt &&
	rapport template check - <letter.txt >out &&
	has out "ok"
'

test_expect_success 'two "-" are a usage error, and nothing is read or run' '
	test_must_fail 2 rapport debrief acme-analytics --well - --notes - </dev/null &&
	test_stderr_contains "only one argument can read standard input"
'

test_expect_success 'an edit with nothing to change says so, keeps updated_at, records no undo' '
	was=$(person_updated "Hiring Manager") &&
	undo_list >undo-before &&
	on 2026-03-09 rapport person edit "Hiring Manager" >out &&
	has out "nothing to change" &&
	on 2026-03-09 rapport person edit "Hiring Manager" --org "Acme Analytics" \
		--notes "Met at the data fair.
Asked about the platform team." >out &&
	has out "nothing to change" &&
	test_eq "$(person_updated "Hiring Manager")" "$was" &&
	undo_list >undo-after &&
	test_cmp undo-before undo-after
'

test_expect_success 'every edit command: nothing to change writes nothing' '
	rapport opp add "Acme Analytics" "Data Lead" >/dev/null &&
	rapport offer add acme-analytics-data-lead --base 100k >/dev/null &&
	rapport want add "remote work" --weight 3 >/dev/null &&
	rapport question add "How is success measured?" >/dev/null &&
	before=$(db_digest) &&
	undo_list >undo-before &&
	opp=acme-analytics-data-lead &&
	for c in "org edit 1" "org edit 1 --name Acme\ Analytics" "opp edit $opp" \
		"opp edit $opp --title Data\ Lead" "offer edit $opp" "offer edit $opp --base 100000" \
		"want edit 1" "want edit 1 --weight 3" "question edit 1"; do
		eval "on 2026-03-09 rapport $c" >out && has out "nothing to change" || return 1
	done &&
	test_eq "$(db_digest)" "$before" &&
	undo_list >undo-after &&
	test_cmp undo-before undo-after
'

test_expect_success 'an edit that changes something still says changed' '
	on 2026-03-09 rapport person edit "Hiring Manager" --title "Head of Data" >out &&
	has out "changed person" &&
	test_eq "$(person_updated "Hiring Manager")" "2026-03-09T09:00:00+00:00"
'

# Editors for --editor: each edits the file it is given with sed, as a person would.
cat >"$TEST_DIR/ed-title" <<-\EOF
	#!/bin/sh
	cp "$1" "$TEST_DIR/shown" &&
	sed -i -e 's/^title:.*/title: Director of Data/' -e '$a\
	Prefers e-mail.' "$1"
EOF
cat >"$TEST_DIR/ed-same" <<-\EOF
	#!/bin/sh
	exit 0
EOF
cat >"$TEST_DIR/ed-empty" <<-\EOF
	#!/bin/sh
	: >"$1"
EOF
cat >"$TEST_DIR/ed-bad" <<-\EOF
	#!/bin/sh
	sed -i 's/^email:.*/this line has no key/' "$1"
EOF
cat >"$TEST_DIR/ed-unknown" <<-\EOF
	#!/bin/sh
	sed -i 's/^phone:.*/pager: 555/' "$1"
EOF
# changes the record in another rapport while the editor is open
cat >"$TEST_DIR/ed-race" <<-\EOF
	#!/bin/sh
	"$RAPPORT" person edit "Hiring Manager" --phone "+1 555 0100" >/dev/null &&
	sed -i 's/^title:.*/title: Chief Data Officer/' "$1"
EOF
chmod +x "$TEST_DIR"/ed-*
export TEST_DIR RAPPORT
# where --editor's file goes (and stays, when its text could not be saved)
export TMPDIR="$TEST_DIR"

test_expect_success 'person edit --editor: the fields, a blank line, the notes; saved' '
	on 2026-03-10 env EDITOR="$TEST_DIR/ed-title" VISUAL= \
		"$RAPPORT" person edit "Hiring Manager" --editor >out &&
	has out "changed person" &&
	has shown "title: Head of Data" "org: Acme Analytics" "Met at the data fair." &&
	rapport --json person show "Hiring Manager" >out &&
	test_eq "$(jv title <out)" "Director of Data" &&
	test_eq "$(jv notes <out)" "Met at the data fair.
Asked about the platform team.
Prefers e-mail." &&
	test_eq "$(jv updated_at <out)" "2026-03-10T09:00:00+00:00"
'

test_expect_success '$VISUAL comes before $EDITOR' '
	on 2026-03-11 env VISUAL="$TEST_DIR/ed-same" EDITOR="$TEST_DIR/ed-bad" \
		"$RAPPORT" person edit "Hiring Manager" --editor >out &&
	has out "nothing to change"
'

test_expect_success '--editor: an unchanged or emptied file changes nothing and says so' '
	was=$(person_updated "Hiring Manager") &&
	undo_list >undo-before &&
	for ed in ed-same ed-empty; do
		on 2026-03-11 env EDITOR="$TEST_DIR/$ed" VISUAL= \
			"$RAPPORT" person edit "Hiring Manager" --editor >out &&
		has out "nothing to change" || return 1
	done &&
	test_eq "$(person_updated "Hiring Manager")" "$was" &&
	undo_list >undo-after &&
	test_cmp undo-before undo-after
'

test_expect_success '--editor: a malformed line is an error with its line number' '
	before=$(db_digest) &&
	test_must_fail 1 env EDITOR="$TEST_DIR/ed-bad" VISUAL= \
		"$RAPPORT" person edit "Hiring Manager" --editor &&
	test_stderr_contains "line 6:" &&
	test_must_fail 1 env EDITOR="$TEST_DIR/ed-unknown" VISUAL= \
		"$RAPPORT" person edit "Hiring Manager" --editor &&
	test_stderr_contains "line 7: no field '\''pager'\''" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success '--editor: a change made while the editor was open is not overwritten' '
	on 2026-03-12 test_must_fail 1 env EDITOR="$TEST_DIR/ed-race" VISUAL= \
		"$RAPPORT" person edit "Hiring Manager" --editor &&
	test_stderr_contains "was changed while the editor was open" &&
	kept=$(sed -n "s/.*your text is in \([^)]*\)).*/\1/p" "$TEST_DIR/.stderr") &&
	has "$kept" "title: Chief Data Officer" &&
	rm "$kept" &&
	rapport --json person show "Hiring Manager" >out &&
	test_eq "$(jv title <out)" "Director of Data" &&
	test_eq "$(jv phone <out)" "+1 555 0100"
'

test_expect_success 'org and opp edit --editor' '
	cat >"$TEST_DIR/ed-loc" <<-\EOF &&
	#!/bin/sh
	sed -i -e "s/^location:.*/location: Berlin/" -e "s/^salary-range:.*/salary-range: 90k-120k/" "$1"
	EOF
	chmod +x "$TEST_DIR/ed-loc" &&
	env EDITOR="$TEST_DIR/ed-loc" VISUAL= "$RAPPORT" org edit "Acme Analytics" --editor >out &&
	env EDITOR="$TEST_DIR/ed-loc" VISUAL= "$RAPPORT" opp edit acme-analytics-data-lead \
		--editor >out &&
	rapport --json org show "Acme Analytics" >out &&
	test_eq "$(jv location <out)" "Berlin" &&
	rapport --json opp show acme-analytics-data-lead >out &&
	test_eq "$(jv salary_range.low <out)" 90000
'

test_expect_success '--editor with another option is a usage error' '
	test_must_fail 2 rapport person edit "Hiring Manager" --editor --title x &&
	test_stderr_contains "--editor edits the record alone"
'

test_done
