#!/bin/sh
# Debriefs: the questions asked in an interview and the answers (an answer can
# mark a want, with who said it and in which interaction), what went well,
# what to refine, the chemistry; by flags, and by prompts at a terminal.
. "$(dirname "$0")/test-lib.sh"

# at_terminal INPUT COMMAND...: run COMMAND with a pseudo-terminal as its
# stdin and stderr, typing INPUT (\004 is an end of input); its stdout goes to
# stdout, what the terminal showed (prompts, echo) to terminal.log.
at_terminal() {
	python3 - "$@" <<-'EOF'
	import os, pty, select, subprocess, sys
	master, slave = pty.openpty()
	p = subprocess.Popen(sys.argv[2:], stdin=slave, stdout=subprocess.PIPE, stderr=slave)
	os.close(slave)
	os.write(master, sys.argv[1].encode())
	shown = b""
	while True:
	    ready, _, _ = select.select([master], [], [], 0.2)
	    if ready:
	        try:
	            chunk = os.read(master, 4096)
	        except OSError:
	            break
	        if not chunk:
	            break
	        shown += chunk
	    elif p.poll() is not None:
	        break
	out = p.stdout.read()
	p.wait()
	open("terminal.log", "wb").write(shown.replace(b"\r", b""))
	sys.stdout.write(out.decode())
	sys.exit(p.returncode)
	EOF
}

# evidence WANT: the evidence of WANT on acme-data-lead, oldest first, one a
# line: status|by|interaction|note (from rapport fit --json).
evidence() {
	rapport --json fit acme-data-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for w in json.load(sys.stdin)["wants"]:
    if w["text"] != sys.argv[1]:
        continue
    for e in w["evidence"]:
        print("|".join(str(x) for x in (e["status"], e["by"]["name"] if e["by"] else "-",
                                        e["interaction"], e["note"])))
' "$1"
}

test_expect_success 'setup: an opportunity, people, two interviews, wants, a question' '
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null &&
	rapport opp add "Borealis" "Analytics Manager" --slug borealis >/dev/null &&
	rapport person add "Executive Sponsor" --org "Acme Analytics" >/dev/null &&
	rapport person add "Sourcing Partner" --org "Acme Analytics" >/dev/null &&
	rapport log interview "First interview" --with Executive --opp acme-data-lead \
		--at 2026-02-20T10:00 --chemistry 3 >/dev/null &&
	rapport log interview "Team interview" --with Executive --with Sourcing --opp acme-data-lead \
		--at 2026-02-27T14:00 >/dev/null &&
	rapport log interview "Screening call" --opp borealis --at 2026-02-25T09:00 >/dev/null &&
	rapport want add "remote work" --weight 4 --category work-pattern >/dev/null &&
	rapport want add "a growth path" --weight 3 --category growth >/dev/null &&
	rapport --json question add "How many days a week does the team meet in person?" \
		--verifies work-pattern >q.json &&
	jv id <q.json >qid
'

test_expect_success 'debrief by flags: a bank question, its answer, a want it marks' '
	q=$(cat qid) &&
	rapport --json debrief acme-data-lead --interaction 1 --asked "$q" \
		--answer "Two days a month in the office" --mark "remote work=met" \
		--well "Clear stories about the migration" --refine "Shorter answers on SQL" \
		--chemistry 4 --notes "Executive wants someone hands-on" >out &&
	test_eq "$(jv id <out)" 1 &&
	test_eq "$(jv opportunity.slug <out)" acme-data-lead &&
	test_eq "$(jv interaction.id <out)" 1 &&
	test_eq "$(jv interaction.summary <out)" "First interview" &&
	test_eq "$(jv at <out)" 2026-02-20T10:00:00+00:00 &&
	test_eq "$(jv went_well <out)" "Clear stories about the migration" &&
	test_eq "$(jv refine <out)" "Shorter answers on SQL" &&
	test_eq "$(jv chemistry <out)" 4 &&
	test_eq "$(jv notes <out)" "Executive wants someone hands-on" &&
	test_eq "$(jlen asked <out)" 1 &&
	test_eq "$(jv asked.0.question_id <out)" "$q" &&
	test_eq "$(jv asked.0.text <out)" "How many days a week does the team meet in person?" &&
	test_eq "$(jv asked.0.answer <out)" "Two days a month in the office" &&
	test_eq "$(jv asked.0.by.name <out)" "Executive Sponsor" &&
	test_eq "$(jv asked.0.mark.want.text <out)" "remote work" &&
	test_eq "$(jv asked.0.mark.status <out)" met
'

test_expect_success 'the mark is evidence: who said it, in which interaction, the answer' '
	test_eq "$(evidence "remote work")" "met|Executive Sponsor|1|Two days a month in the office"
'

test_expect_success 'an interaction keeps the chemistry it had' '
	rapport --json opp show acme-data-lead >opp &&
	test_eq "$(jv interactions.0.chemistry <opp)" 3
'

test_expect_success 'text output: what was recorded, then the debrief' '
	rapport debrief acme-data-lead --asked "What does success look like at 90 days?" \
		--chemistry 5 >out &&
	grep -q "^recorded debrief 2: 1 question asked" out &&
	grep -q "^rated interaction 2.s chemistry 5/5" out &&
	grep -q "^interaction: *2 Team interview" out &&
	grep -q "^  1. What does success look like at 90 days?" out
'

test_expect_success 'without --interaction: the latest interview; its chemistry is set when it had none' '
	rapport --json debrief show 2 >out &&
	test_eq "$(jv interaction.id <out)" 2 &&
	test_eq "$(jv asked.0.question_id <out)" None &&
	test_eq "$(jv asked.0.answer <out)" None &&
	rapport --json opp show acme-data-lead >opp &&
	test_eq "$(jv interactions.1.chemistry <opp)" 5
'

test_expect_success 'several questions: answers by rank, N: picks the answer a mark is about, --with' '
	rapport --json debrief acme-data-lead --interaction 2 --with Sourcing \
		--asked "Who would I work with most?" --answer "The platform team" \
		--asked "Is there a path to lead a team?" --answer "Maybe, in a year or two" \
		--mark "2:a growth path=vague" --asked "How is on-call shared?" >out &&
	test_eq "$(jlen asked <out)" 3 &&
	test_eq "$(jv asked.0.answer <out)" "The platform team" &&
	test_eq "$(jv asked.0.mark <out)" None &&
	test_eq "$(jv asked.1.answer <out)" "Maybe, in a year or two" &&
	test_eq "$(jv asked.1.by.name <out)" "Sourcing Partner" &&
	test_eq "$(jv asked.1.mark.want.text <out)" "a growth path" &&
	test_eq "$(jv asked.1.mark.status <out)" vague &&
	test_eq "$(jv asked.2.answer <out)" None &&
	test_eq "$(evidence "a growth path")" "vague|Sourcing Partner|2|Maybe, in a year or two"
'

test_expect_success 'no single participant and no --with: the answer is nobody in particular' '
	rapport --json debrief acme-data-lead --asked "How big is the team?" --answer "Eight" \
		--mark "growth=partly" >out &&
	test_eq "$(jv asked.0.by <out)" None &&
	test_eq "$(evidence "a growth path" | tail -n 1)" "partly|-|2|Eight"
'

test_expect_success '--at sets the time; an interaction about no opportunity is accepted' '
	rapport log call "Catch-up with Executive" --with Executive --at 2026-02-28T16:00 >/dev/null &&
	rapport --json debrief acme-data-lead --interaction 4 --well "Relaxed" >out &&
	test_eq "$(jv interaction.id <out)" 4 &&
	test_eq "$(jv at <out)" 2026-02-28T16:00:00+00:00 &&
	rapport --json debrief borealis --interaction none --at 2026-02-26 \
		--refine "Prepare numbers" >out &&
	test_eq "$(jv interaction <out)" None &&
	test_eq "$(jv at <out)" 2026-02-26T00:00:00+00:00 &&
	test_eq "$(jv opportunity.slug <out)" borealis
'

test_expect_success 'debrief list: every debrief, or one opportunity'"'"'s, oldest first' '
	rapport debrief list >out &&
	test_eq "$(wc -l <out)" 6 &&
	head -n 1 out | grep -q "^    1  2026-02-20T10:00 acme-data-lead  1 question  · chemistry 4/5  · First interview" &&
	rapport --json debrief list borealis >out &&
	test_eq "$(jlen "" <out)" 1 &&
	rapport --json debrief list acme-data-lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "" >n &&
	test_eq "$(cat n)" 5
'

test_expect_success 'debrief show: text' '
	rapport debrief show 3 >out &&
	grep -q "^debrief 3 · acme-data-lead (Acme Analytics · Data Lead)" out &&
	grep -q "^questions asked:" out &&
	grep -q "^     Sourcing Partner: Maybe, in a year or two" out &&
	grep -q "^     -> a growth path: vague" out &&
	grep -q "^  3. How is on-call shared?" out
'

test_expect_success 'rapport help debrief explains the flags' '
	rapport help debrief >out &&
	grep -q "usage: rapport debrief OPP" out &&
	grep -q "usage: rapport debrief list" out &&
	grep -q "usage: rapport debrief show ID" out &&
	grep -q -- "--mark \[N:\]WANT=STATUS" out &&
	grep -q "Nth --answer goes with the Nth --asked" out
'

# bad DESCRIPTION EXPECTED-MESSAGE ARGS...: debrief with ARGS fails (exit 1),
# says EXPECTED-MESSAGE, and writes nothing.
bad() {
	_msg=$1
	shift
	before=$(db_digest) &&
	test_must_fail 1 rapport debrief "$@" </dev/null &&
	test_stderr_contains "$_msg" &&
	test_eq "$(db_digest)" "$before"
}

test_expect_success 'bad input: a clear error, exit 1, nothing written' '
	bad "no opportunity" nope --well "x" &&
	bad "no question 999 in the bank" acme-data-lead --asked 999 --answer "x" &&
	bad "chemistry must be between 1 and 5, not 9" acme-data-lead --well x --chemistry 9 &&
	bad "no want" acme-data-lead --asked "Q?" --answer "x" --mark "yachts=met" &&
	bad "unknown want status" acme-data-lead --asked "Q?" --mark "remote work=great" &&
	bad "a mark is WANT=STATUS" acme-data-lead --asked "Q?" --mark "remote work" &&
	bad "has no --asked" acme-data-lead --answer "Two days" &&
	bad "has no --asked" acme-data-lead --asked "A?" --answer "a" --answer "b" &&
	bad "needs an --asked" acme-data-lead --well "x" --mark "remote work=met" &&
	bad "say which --asked" acme-data-lead --asked "A?" --asked "B?" --mark "remote work=met" &&
	bad "no --asked number 3" acme-data-lead --asked "A?" --mark "3:remote work=met" &&
	bad "already marks a want" acme-data-lead --asked "A?" --mark "remote work=met" \
		--mark "1:growth=met" &&
	bad "no interaction 99" acme-data-lead --interaction 99 --well "x" &&
	bad "about another opportunity" borealis --interaction 1 --well "x" &&
	bad "no person" acme-data-lead --with "Nobody Known" --asked "A?" &&
	bad "nothing to record" acme-data-lead &&
	bad "a question" acme-data-lead --asked "   " &&
	test_must_fail 1 rapport debrief show 99 &&
	test_stderr_contains "no debrief 99" &&
	test_must_fail 1 rapport debrief list nope
'

test_expect_success 'the whole debrief is one transaction: a bad mark after good ones writes nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport debrief acme-data-lead --asked "A?" --answer "yes" \
		--asked "B?" --answer "no" --mark "1:remote work=unmet" --mark "2:yachts=met" \
		--chemistry 2 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'at a terminal with flags: no questions are asked' '
	at_terminal "" "$RAPPORT" debrief acme-data-lead --well "Good energy" >out &&
	grep -q "^recorded debrief 7" out &&
	! grep -q "Question 1" terminal.log
'

test_expect_success 'at a terminal without flags: prompts for everything, bad entries asked again' '
	q=$(cat qid) &&
	printf "%s\n" "" "$q" "About twice a month" "Executive" "remote work=partly" \
		"999" "What would my first project be?" "The data catalogue" "" \
		"yachts=met" "growth=met" "" \
		"I listened well" "Ask about the budget" "9" "4" "Follow up on the catalogue" \
		>input &&
	at_terminal "$(cat input)
" "$RAPPORT" --json debrief acme-data-lead >out &&
	test_eq "$(jv id <out)" 8 &&
	test_eq "$(jv interaction.id <out)" 2 &&
	test_eq "$(jlen asked <out)" 2 &&
	test_eq "$(jv asked.0.question_id <out)" "$q" &&
	test_eq "$(jv asked.0.answer <out)" "About twice a month" &&
	test_eq "$(jv asked.0.by.name <out)" "Executive Sponsor" &&
	test_eq "$(jv asked.0.mark.status <out)" partly &&
	test_eq "$(jv asked.1.text <out)" "What would my first project be?" &&
	test_eq "$(jv asked.1.by <out)" None &&
	test_eq "$(jv asked.1.mark.want.text <out)" "a growth path" &&
	test_eq "$(jv asked.1.mark.status <out)" met &&
	test_eq "$(jv went_well <out)" "I listened well" &&
	test_eq "$(jv refine <out)" "Ask about the budget" &&
	test_eq "$(jv chemistry <out)" 4 &&
	test_eq "$(jv notes <out)" "Follow up on the catalogue" &&
	grep -q "Which interaction is this about? \[2: 2026-02-27 interview, Team interview\]" \
		terminal.log &&
	grep -q "no question 999 in the bank" terminal.log &&
	grep -q "no want .yachts." terminal.log &&
	grep -q "chemistry must be between 1 and 5, not 9" terminal.log &&
	test_eq "$(evidence "remote work" | tail -n 1)" "partly|Executive Sponsor|2|About twice a month"
'

test_expect_success 'at a terminal: the wants still open, and questions that verify them' '
	rapport want add "a short commute" --category work-pattern >/dev/null &&
	at_terminal "$(printf "\004")" "$RAPPORT" debrief acme-data-lead >out 2>&1;
	grep -q "Wants still to verify: .*a short commute (unknown)" terminal.log &&
	grep -q "Questions that verify them" terminal.log &&
	grep -q "(a short commute)" terminal.log
'

test_expect_success 'at a terminal: another interaction, and the end of input ends the debrief' '
	at_terminal "$(printf "1\nWhat tools do you use?\n\004")" "$RAPPORT" --json \
		debrief acme-data-lead >out &&
	test_eq "$(jv interaction.id <out)" 1 &&
	test_eq "$(jv asked.0.text <out)" "What tools do you use?" &&
	test_eq "$(jv asked.0.answer <out)" None &&
	test_eq "$(jv asked.0.by.name <out)" "Executive Sponsor" &&
	test_eq "$(jv went_well <out)" None
'

test_expect_success 'at a terminal: nothing typed writes nothing' '
	before=$(db_digest) &&
	at_terminal "$(printf "none\n\004")" "$RAPPORT" debrief acme-data-lead >out;
	test_eq "$(db_digest)" "$before" &&
	grep -q "nothing to record" terminal.log
'

test_expect_success 'debrief edit: each field, from standard input, cleared; its questions stay' '
	rapport --json debrief borealis --interaction none --asked "Who owns the roadmap?" \
		--well "Clear examples" </dev/null >"$TEST_DIR/.rp" &&
	id=$(jv id <"$TEST_DIR/.rp") &&
	echo "$id" >edited.id &&
	rapport --json debrief edit "$id" --well "Clear, short examples" --refine "The salary question" \
		--chemistry 2 >out &&
	test_eq "$(jv went_well <out)" "Clear, short examples" &&
	test_eq "$(jv refine <out)" "The salary question" &&
	test_eq "$(jv chemistry <out)" 2 &&
	test_eq "$(jv asked.0.text <out)" "Who owns the roadmap?" &&
	rapport debrief edit "$id" --notes - >out <<-\EOF &&
	Send the case study.
	EOF
	has out "changed debrief $id" "notes:          Send the case study." &&
	rapport --json debrief edit "$id" --refine "" --chemistry "" >out &&
	test_eq "$(jv refine <out)" None &&
	test_eq "$(jv chemistry <out)" None &&
	rapport undo >/dev/null &&
	rapport --json debrief show "$id" >out &&
	test_eq "$(jv refine <out)" "The salary question" &&
	test_eq "$(jv chemistry <out)" 2
'

test_expect_success 'debrief edit: nothing to change writes nothing; bad values and ids are refused' '
	id=$(cat edited.id) &&
	before=$(db_digest) &&
	rapport debrief edit "$id" --chemistry 2 >out &&
	has out "nothing to change in debrief $id" &&
	test_must_fail 1 rapport debrief edit "$id" --chemistry 9 &&
	test_stderr_contains "between 1 and 5" &&
	test_must_fail 1 rapport debrief edit 9999 --well x &&
	test_stderr_contains "no debrief 9999" &&
	test_expect_code 1 rapport --json debrief edit 9999 --well x 2>err &&
	has err "\"code\":\"not-found\"" &&
	test_must_fail 2 rapport debrief edit "$id" --asked x &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'debrief edit: a debrief left recording nothing is refused' '
	rapport --json debrief borealis --interaction none --well "Kept" </dev/null >"$TEST_DIR/.rp" &&
	id=$(jv id <"$TEST_DIR/.rp") &&
	before=$(db_digest) &&
	test_must_fail 1 rapport debrief edit "$id" --well "" &&
	test_stderr_contains "would record nothing" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'debrief edit --editor' '
	id=$(cat edited.id) &&
	printf "%s\n" "#!/bin/sh" "sed -i \"s/^refine: .*/refine: Edited as text/\" \"\$1\"" \
		"sed -i \"s/^Send the case study./Notes from the editor/\" \"\$1\"" >ed.sh &&
	chmod +x ed.sh &&
	EDITOR="$TEST_DIR/ed.sh" VISUAL= rapport --json debrief edit "$id" --editor >out &&
	test_eq "$(jv refine <out)" "Edited as text" &&
	test_eq "$(jv notes <out)" "Notes from the editor" &&
	test_eq "$(jv went_well <out)" "Clear, short examples"
'

test_done
