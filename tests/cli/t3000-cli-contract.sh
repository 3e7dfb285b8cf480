#!/bin/sh
# The command line's contract for scripts: help pages and exit codes,
# did-you-mean, names trimmed, direction overrides refused, /dev/full.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'help help is the list of commands, exit 0' '
	rapport help help >out &&
	has out "usage: rapport" "commands:"
'

test_expect_success 'help GROUP SUB prints that command page alone' '
	rapport help person add >out &&
	has out "usage: rapport person add NAME" &&
	hasnt out "usage: rapport person list" "usage: rapport person edit" &&
	rapport person add --help >out2 &&
	test_cmp out out2
'

test_expect_success 'help for an unknown subcommand exits 2 with a suggestion' '
	test_must_fail 2 rapport help person bogus &&
	test_stderr_contains "no command '\''person bogus'\''" &&
	test_must_fail 2 rapport help person ad &&
	test_stderr_contains "did you mean '\''person add'\''?" &&
	test_must_fail 2 rapport help person add extra
'

test_expect_success 'a misspelt command or subcommand gets a did-you-mean' '
	test_must_fail 2 rapport persn &&
	test_stderr_contains "did you mean '\''person'\''?" &&
	test_must_fail 2 rapport help agneda &&
	test_stderr_contains "did you mean '\''agenda'\''?" &&
	test_must_fail 2 rapport task dnoe 1 &&
	test_stderr_contains "did you mean '\''task done'\''?" &&
	test_must_fail 2 rapport zzzzzzzz &&
	! grep -q "did you mean" "$TEST_DIR/.stderr"
'

test_expect_success 'a misspelt kind or stage gets a did-you-mean' '
	rapport opp add Acme "Data Lead" >/dev/null &&
	test_must_fail 1 rapport log interveiw "a talk" --opp acme-data-lead &&
	test_stderr_contains "did you mean '\''interview'\''?" &&
	test_must_fail 1 rapport opp move acme-data-lead intervewing &&
	test_stderr_contains "did you mean '\''interviewing'\''?"
'

test_expect_success 'help agenda names no source file' '
	rapport help agenda >out &&
	hasnt out "src/" ".h)"
'

to_full() {
	rapport "$@" >/dev/full
}

test_expect_success 'version and help to a full disk exit 1' '
	test_must_fail 1 to_full version &&
	test_stderr_contains "cannot write the output" &&
	test_must_fail 1 to_full help &&
	test_must_fail 1 to_full help person add &&
	test_must_fail 1 to_full person add --help
'

test_expect_success 'names lose the spaces around them, so they match' '
	rapport --json person add "  Hiring Manager  " --email " hm@acme.example " >out &&
	test_eq "$(jv name <out)" "Hiring Manager" &&
	test_eq "$(jv email <out)" "hm@acme.example" &&
	test_must_fail 1 rapport person add "Hiring Manager" &&
	test_stderr_contains "is already person" &&
	rapport --json org add "  Beta Corp " >out &&
	test_eq "$(jv name <out)" "Beta Corp" &&
	test_must_fail 1 rapport org add "Beta Corp" &&
	rapport --json person edit "Hiring Manager" --title "  Head of Data " >out &&
	test_eq "$(jv title <out)" "Head of Data"
'

test_expect_success 'direction overrides are refused in names and notes, nothing saved' '
	before=$(db_digest) &&
	rlo=$(printf "\342\200\256") &&
	test_must_fail 1 rapport org add "Acme${rlo}gro" &&
	test_stderr_contains "U+202E" &&
	test_must_fail 1 rapport person add "Data${rlo}Recruiter" &&
	test_must_fail 1 rapport person edit "Hiring Manager" --notes "a ${rlo}note" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'an empty result prints nothing on stdout' '
	rapport search zebra >out 2>err &&
	test ! -s out && test ! -s err &&
	rapport question list --text "no such question" >out 2>err &&
	test ! -s out && test ! -s err &&
	rapport --db "$TEST_DIR/fresh.db" undo --list >out &&
	test ! -s out &&
	rapport --db "$TEST_DIR/fresh.db" agenda >out &&
	test ! -s out
'

test_expect_success 'at a terminal, the empty result says so on stderr' '
	command -v script >/dev/null || { echo "no script(1)"; return 0; }
	script -qec "\"$RAPPORT\" search zebra >\"$TEST_DIR/so\"" "$TEST_DIR/tty" >/dev/null &&
	test ! -s "$TEST_DIR/so" &&
	has "$TEST_DIR/tty" "nothing matches"
'

test_expect_success 'errors under --json are one JSON object on stderr, same exit codes' '
	test_expect_code 1 rapport --json person show nobody 2>err &&
	test_eq "$(jv code <err)" not-found &&
	test_eq "$(jv exit <err)" 1 &&
	test_eq "$(jv error <err)" "no person '\''nobody'\''" &&
	test_expect_code 2 rapport persn --json 2>err &&
	test_eq "$(jv code <err)" usage &&
	test_eq "$(jv exit <err)" 2 &&
	test_expect_code 1 rapport person add "" --json 2>err &&
	test_eq "$(jv code <err)" invalid
'

test_expect_success '--json is refused, not ignored, where the output is another format' '
	before=$(db_digest) &&
	test_expect_code 1 rapport --json export vcard >out 2>err &&
	test ! -s out &&
	test_eq "$(jv code <err)" invalid &&
	has err "--json does not apply" &&
	test_expect_code 1 rapport --json export csv people 2>/dev/null &&
	test_expect_code 1 rapport --json export ical 2>/dev/null &&
	rapport --json export vcard -o "$TEST_DIR/all.vcf" >out &&
	test_eq "$(jv exported <out)" "$TEST_DIR/all.vcf" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'the hidden doc and complete refuse --json, as serve does' '
	for cmd in "doc pages" "doc man rapport" "doc completion bash" "complete opps"; do
		test_expect_code 2 rapport --json $cmd >out 2>err &&
		test ! -s out &&
		test_eq "$(jv code <err)" usage &&
		has err "--json does not apply to" || return 1
	done &&
	rapport complete opps >out &&
	has out acme-data-lead
'

test_expect_success 'one JSON shape per thing: an opportunity is the same object everywhere' '
	rapport person add "Data Recruiter" --org Acme >/dev/null &&
	rapport --json log call "A first call" --with "Data Recruiter" --opp acme-data-lead >log.json &&
	rapport --json task add "Send the portfolio" --opp acme-data-lead --due +2d >task.json &&
	rapport --json fit acme-data-lead >fit.json &&
	rapport --json opp link acme-data-lead "Data Recruiter" --role recruiter >link.json &&
	rapport --json opp show acme-data-lead >opp.json &&
	org_id=$(jv organisation.id <opp.json) &&
	for f in log task fit link; do
		test_eq "$(jv opportunity.slug <$f.json)" acme-data-lead &&
		test_eq "$(jv opportunity.organisation.name <$f.json)" Acme &&
		test_eq "$(jv opportunity.organisation.id <$f.json)" "$org_id" || return 1
	done &&
	test_eq "$(jv person.name <link.json)" "Data Recruiter" &&
	test_eq "$(jv person.role <link.json)" recruiter
'

test_expect_success 'times in RFC 3339 with their offset, days as dates' '
	rapport --json org add "Zone Test" >out &&
	test_eq "$(jv created_at <out)" "2026-03-02T09:00:00+00:00" &&
	test_eq "$(jv created_at <out)" "$(rapport --json org show "Zone Test" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv created_at)" &&
	rapport --json task add "Timed" --due 2026-03-05T14:30 >out &&
	test_eq "$(jv due <out)" 2026-03-05 &&
	test_eq "$(jv due_at <out)" "2026-03-05T14:30:00+00:00" &&
	rapport --json log note "A day alone" --at 2026-03-01 >out &&
	test_eq "$(jv at <out)" "2026-03-01T00:00:00+00:00" &&
	test_eq "$(jv all_day <out)" True
'

test_expect_success 'a person added again by e-mail is refused, nothing doubled' '
	rapport person add "Talent Partner" --email tp@acme.example >/dev/null &&
	before=$(db_digest) &&
	test_must_fail 1 rapport person add "T. Partner" --email TP@acme.example &&
	test_stderr_contains "already the e-mail address of person" &&
	test_eq "$(db_digest)" "$before" &&
	rapport person add "T. Partner" --email tp@acme.example --allow-duplicate >/dev/null
'

test_expect_success 'log edit: the summary, notes and chemistry; an edit that changes nothing writes nothing' '
	rapport --json log call "Phone screen" --with "Data Recruiter" --opp acme-data-lead >out &&
	id=$(jv id <out) &&
	rapport --json log edit "$id" --summary "Phone screen with the recruiter" --chemistry 4 >out &&
	test_eq "$(jv summary <out)" "Phone screen with the recruiter" &&
	test_eq "$(jv chemistry <out)" 4 &&
	before=$(db_digest) &&
	rapport log edit "$id" --summary "Phone screen with the recruiter" >out &&
	has out "nothing to change" &&
	test_eq "$(db_digest)" "$before" &&
	rapport log edit "$id" --notes - >/dev/null <<-\EOF &&
	They want SQL and Python.
	A second round next week.
	EOF
	rapport search "second round" >out &&
	test_eq "$(wc -l <out)" 2 &&
	has out "They want SQL and Python. A second round next week." &&
	test_must_fail 1 rapport log edit "$id" --chemistry 9 &&
	test_must_fail 1 rapport log edit 9999 --summary x &&
	test_must_fail 1 rapport log edit "$id" --summary ""
'

test_expect_success 'log edit --editor' '
	id=$(rapport --json log note "A note to edit" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	printf "%s\n" "#!/bin/sh" "sed -i \"s/^summary: .*/summary: Edited as text/\" \"\$1\"" >ed.sh &&
	chmod +x ed.sh &&
	EDITOR="$TEST_DIR/ed.sh" VISUAL= rapport log edit "$id" --editor >out &&
	has out "changed interaction $id: Edited as text"
'

test_expect_success 'docs/json/rapport.schema.json is what docs/json/schema.py writes' '
	python3 "$TEST_ROOT/../docs/json/schema.py" --check
'

test_expect_success 'help GROUP ARG for a command that takes arguments is its page' '
	rapport help config levels >out &&
	has out "usage: rapport config [KEY [VALUE]]" &&
	rapport help debrief acme-data-lead >out &&
	test_eq "$(grep -c "^usage:" out)" 1 &&
	rapport help debrief list >out &&
	has out "usage: rapport debrief list"
'

test_expect_success 'serve refuses --json rather than ignoring it' '
	test_expect_code 2 rapport --json serve --url 2>err &&
	test_eq "$(jv code <err)" usage &&
	test_expect_code 2 rapport serve --json 2>/dev/null &&
	rapport help serve >out &&
	hasnt out "--json" &&
	rapport help agenda >out &&
	has out "--json (print JSON)"
'

test_expect_success 'timezone: the zone days and times are taken in, whatever the machine; the same instant read in another zone' '
	test_must_fail 1 rapport config timezone Mars/Base &&
	test_stderr_contains "unknown time zone" &&
	test_must_fail 1 rapport config timezone ../../etc/passwd &&
	rapport --db zone.db config timezone Asia/Kolkata >/dev/null &&
	rapport --db zone.db --json org add "Zone Org" >out &&
	test_eq "$(jv created_at <out)" "2026-03-02T09:00:00+05:30" &&
	TZ=America/New_York rapport --db zone.db --json org show "Zone Org" >out &&
	test_eq "$(jv created_at <out)" "2026-03-02T09:00:00+05:30" &&
	rapport --db zone.db config --unset timezone >/dev/null &&
	rapport --db zone.db --json org show "Zone Org" >out &&
	test_eq "$(jv created_at <out)" "2026-03-02T03:30:00+00:00"
'

test_done
