#!/bin/sh
# Offers: add, edit, ask, reply, show; an offer moves the opportunity to the
# offer stage through the playbooks; a deadline makes a review task two days
# before it, moved with the deadline and never twice; bad input changes nothing.
. "$(dirname "$0")/test-lib.sh"

# tasks ORIGIN: the tasks made by rule ORIGIN, oldest first, one a line:
# kind|due|status|slug|title (task list --all also runs the time rules).
tasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if t["origin"] != sys.argv[1]:
        continue
    print("|".join((t["kind"], t["due"], t["status"], t["opportunity"]["slug"], t["title"])))
' "$1"
}

# why ORIGIN SLUG: the why of the newest task of rule ORIGIN on opportunity SLUG.
why() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
ts = [t for t in json.load(sys.stdin)
      if t["origin"] == sys.argv[1] and t["opportunity"]["slug"] == sys.argv[2]]
print(max(ts, key=lambda t: t["id"])["why"])
' "$1" "$2"
}

test_expect_success 'setup: an opportunity in interviews, with its hiring manager' '
	rapport opp add "Acme Analytics" "Data Lead" --slug acme --level manager \
		--salary-target 95k >/dev/null &&
	rapport opp move acme interviewing >/dev/null &&
	rapport person add "Executive Sponsor" --org "Acme Analytics" --rapport 4 >/dev/null &&
	rapport opp link acme Executive --role hiring-manager >/dev/null &&
	rapport opp add "Orbit Payments" "Platform Lead" --slug orbit >/dev/null
'

test_expect_success 'offer add records every term' '
	rapport --json offer add acme --base 90k --bonus 10000 --equity "0.1% over 4 years" \
		--title "Data Lead" --level manager --start 2026-04-01 --deadline 2026-03-20 \
		--benefits "pension 8%, 30 days" --notes "verbal first" >out &&
	test_eq "$(jv opportunity.slug <out)" acme &&
	test_eq "$(jv base <out)" 90000 &&
	test_eq "$(jv bonus <out)" 10000 &&
	test_eq "$(jv equity <out)" "0.1% over 4 years" &&
	test_eq "$(jv title <out)" "Data Lead" &&
	test_eq "$(jv level <out)" manager &&
	test_eq "$(jv start <out)" 2026-04-01 &&
	test_eq "$(jv deadline <out)" 2026-03-20 &&
	test_eq "$(jv benefits <out)" "pension 8%, 30 days" &&
	test_eq "$(jv compensation <out)" 100000 &&
	test_eq "$(jv days_to_deadline <out)" 18 &&
	test_eq "$(jlen rounds <out)" 0
'

test_expect_success 'the offer moved the opportunity to offer, as opp move does' '
	rapport --json opp show acme >out &&
	test_eq "$(jv stage <out)" offer &&
	test_eq "$(jv salary_offered <out)" 90000 &&
	test_eq "$(jv level_offered <out)" manager &&
	test_eq "$(jv stage_history.2.from <out)" interviewing &&
	test_eq "$(jv stage_history.2.to <out)" offer &&
	test_eq "$(jv stage_history.2.note <out)" "offer received" &&
	test_eq "$(tasks offer.compare)" "review|2026-03-03|open|acme|Compare the offer from Acme Analytics with your wants" &&
	test_eq "$(tasks offer.shape | cut -d"|" -f1-4)" "meeting|2026-03-07|open|acme"
'

test_expect_success 'the deadline made one review task, two days before it' '
	test_eq "$(tasks offer.deadline)" \
		"review|2026-03-18|open|acme|Decide on the offer from Acme Analytics: they want an answer by 2026-03-20" &&
	why offer.deadline acme | grep -q "by 2026-03-20"
'

test_expect_success 'offer show prints the terms' '
	rapport offer show acme >out &&
	grep -q "^offer for Acme Analytics · Data Lead (acme)$" out &&
	grep -q "^stage: *offer$" out &&
	grep -q "^base: *90,000$" out &&
	grep -q "^bonus: *10,000$" out &&
	grep -q "^base + bonus: *100,000, +5,000 (+5%) against your target of 95,000$" out &&
	grep -q "^equity: *0.1% over 4 years$" out &&
	grep -q "^start: *2026-04-01$" out &&
	grep -q "^deadline: *2026-03-20 (in 18 days)$" out &&
	grep -q "^benefits: *pension 8%, 30 days$" out &&
	! grep -q "^rounds:" out
'

test_expect_success 'a second offer add is an error that points to offer edit' '
	before=$(db_digest) &&
	test_must_fail 1 rapport offer add acme --base 99000 &&
	test_stderr_contains "already has an offer" &&
	test_stderr_contains "rapport offer edit acme" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'bad input: a clear error, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport offer add nowhere --base 90000 &&
	test_stderr_contains "no opportunity '\''nowhere'\''" &&
	test_must_fail 1 rapport offer add orbit --base -5 &&
	test_stderr_contains "--base must be an amount" &&
	test_stderr_contains "'\''-5'\''" &&
	test_must_fail 1 rapport offer add orbit --base abc &&
	test_stderr_contains "not '\''abc'\''" &&
	test_must_fail 1 rapport offer add orbit --base 90000 --bonus 1.5 &&
	test_stderr_contains "--bonus must be an amount" &&
	test_must_fail 1 rapport offer add orbit --bonus 5000 &&
	test_stderr_contains "--base N" &&
	test_must_fail 1 rapport offer add orbit --base 90000 --deadline 2026-02-27 &&
	test_stderr_contains "the deadline 2026-02-27 is in the past (today is 2026-03-02)" &&
	test_must_fail 1 rapport offer add orbit --base 90000 --deadline -1d &&
	test_stderr_contains "in the past" &&
	test_must_fail 1 rapport offer add orbit --base 90000 --deadline 2026-02-30 &&
	test_stderr_contains "--deadline" &&
	test_must_fail 1 rapport offer add orbit --base 90000 --start soonish &&
	test_stderr_contains "--start: malformed date '\''soonish'\''" &&
	test_must_fail 1 rapport offer add orbit --base 90000 --title "$(printf "two\nlines")" &&
	test_stderr_contains "one line" &&
	test_must_fail 1 rapport offer edit orbit --base 1 &&
	test_stderr_contains "'\''orbit'\'' has no offer yet" &&
	test_must_fail 1 rapport offer show orbit &&
	test_stderr_contains "rapport offer add orbit --base N" &&
	test_must_fail 1 rapport offer edit acme --base -5 &&
	test_must_fail 1 rapport offer edit acme --base "" &&
	test_stderr_contains "cannot be cleared" &&
	test_must_fail 1 rapport offer edit acme --deadline 2026-03-01 &&
	test_stderr_contains "in the past" &&
	test_must_fail 1 rapport offer ask acme &&
	test_stderr_contains "say what you asked for" &&
	test_must_fail 1 rapport offer reply acme --text "" &&
	test_stderr_contains "say what they answered" &&
	test_must_fail 1 rapport offer ask acme --base 1e6 &&
	test_must_fail 1 rapport offer reply acme --base 95000 --at 2026-13-01 &&
	test_must_fail 1 rapport offer reply nowhere --base 95000 &&
	test_must_fail 2 rapport offer counter acme --base 95000 &&
	test_stderr_contains "no command '\''offer counter'\''" &&
	test_must_fail 2 rapport offer add acme --base &&
	test_must_fail 2 rapport offer add --base 90000 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'offer ask records what you asked for and starts the negotiation' '
	rapport offer ask acme --base 100k --title "Head of Data" --at 2026-03-02T11:00 \
		--text "Combine it with the BI lead role" >out &&
	grep -q "^recorded what you asked for acme: base 100000, title Head of Data$" out &&
	grep -q "^moved it to negotiating$" out &&
	rapport --json offer show acme >out &&
	test_eq "$(jv stage <out)" negotiating &&
	test_eq "$(jlen rounds <out)" 1 &&
	test_eq "$(jv rounds.0.side <out)" ask &&
	test_eq "$(jv rounds.0.base <out)" 100000 &&
	test_eq "$(jv rounds.0.title <out)" "Head of Data" &&
	test_eq "$(jv rounds.0.text <out)" "Combine it with the BI lead role" &&
	test_eq "$(jv rounds.0.at <out)" 2026-03-02T11:00:00+00:00 &&
	test_eq "$(jv base <out)" 90000 &&
	test_eq "$(jv title <out)" "Data Lead"
'

test_expect_success 'offer reply: the terms it states become the offer'\''s' '
	RAPPORT_NOW=2026-03-04T15:00 &&
	rapport offer reply acme --base 95k --start 2026-04-15 --text "95k, and a later start" \
		>out &&
	grep -q "^recorded their reply for acme: base 95000, start 2026-04-15$" out &&
	rapport --json offer show acme >out &&
	test_eq "$(jv base <out)" 95000 &&
	test_eq "$(jv bonus <out)" 10000 &&
	test_eq "$(jv start <out)" 2026-04-15 &&
	test_eq "$(jv title <out)" "Data Lead" &&
	test_eq "$(jv rounds.1.side <out)" reply &&
	test_eq "$(jv rounds.1.at <out)" 2026-03-04T15:00:00+00:00 &&
	test_eq "$(rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv salary_offered)" 95000 &&
	test_eq "$(rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage)" negotiating
'

test_expect_success 'offer show lists every round, in order' '
	rapport offer show acme >out &&
	grep -q "^base: *95,000$" out &&
	sed -n "/^rounds:/,\$p" out >rounds &&
	test_eq "$(sed -n 2p rounds)" "  2026-03-02T11:00 you asked    base 100000, title Head of Data: \"Combine it with the BI lead role\"" &&
	test_eq "$(sed -n 3p rounds)" "  2026-03-04T15:00 they replied base 95000, start 2026-04-15: \"95k, and a later start\""
'

test_expect_success 'offer edit changes terms, an empty value clears one' '
	rapport --json offer edit acme --equity "" --notes "written offer due Friday" \
		--bonus 12k >out &&
	test_eq "$(jv equity <out)" None &&
	test_eq "$(jv bonus <out)" 12000 &&
	test_eq "$(jv notes <out)" "written offer due Friday" &&
	test_eq "$(jv base <out)" 95000 &&
	test_eq "$(jlen rounds <out)" 2
'

test_expect_success 'a moved deadline skips the old task and makes a new one' '
	RAPPORT_NOW=2026-03-04T15:00 &&
	rapport offer edit acme --deadline 2026-03-25 >/dev/null &&
	tasks offer.deadline | cut -d"|" -f1-4 >out &&
	printf "%s\n" "review|2026-03-18|skipped|acme" "review|2026-03-23|open|acme" >expect &&
	test_cmp expect out &&
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
t = [t for t in json.load(sys.stdin) if t[\"origin\"] == \"offer.deadline\"][0]
assert \"the deadline moved from 2026-03-20 to 2026-03-25\" in t[\"why\"], t[\"why\"]
"
'

test_expect_success 'the same deadline never makes two tasks' '
	RAPPORT_NOW=2026-03-04T15:00 &&
	rapport offer edit acme --deadline 2026-03-25 --notes "same deadline" >/dev/null &&
	rapport offer reply acme --bonus 12k >/dev/null &&
	for d in 2026-03-05 2026-03-09 2026-03-16 2026-03-23 2026-03-24; do
		on $d rapport agenda >/dev/null || return 1
	done &&
	test_eq "$(tasks offer.deadline | grep -c open)" 1 &&
	test_eq "$(tasks offer.deadline | wc -l | tr -d " ")" 2
'

test_expect_success 'the deadline task shows in the agenda two days before' '
	on 2026-03-23 rapport agenda >out &&
	sed -n "/^today:/,/^\$/p" out | grep -q "Decide on the offer from Acme Analytics"
'

test_expect_success 'a deadline closer than two days is due today' '
	RAPPORT_NOW=2026-03-05T10:00 &&
	rapport offer add orbit --base 105000 --deadline tomorrow >out &&
	grep -q "^moved it to offer$" out &&
	test_eq "$(tasks offer.deadline | grep orbit | cut -d"|" -f1-4)" "review|2026-03-05|open|orbit"
'

test_expect_success 'a deadline removed skips its open task' '
	RAPPORT_NOW=2026-03-05T10:00 &&
	rapport offer edit orbit --deadline "" >/dev/null &&
	test_eq "$(tasks offer.deadline | grep orbit | cut -d"|" -f3)" skipped &&
	why offer.deadline orbit | grep -q "the deadline of 2026-03-06 was removed" &&
	test_eq "$(rapport --json offer show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv deadline)" None
'

test_expect_success 'an offer on an opportunity already negotiating leaves its stage alone' '
	rapport opp add "Globex" "Analytics Manager" --slug globex --stage negotiating >/dev/null &&
	rapport offer add globex --base 88000 >out &&
	! grep -q "moved" out &&
	test_eq "$(rapport --json opp show globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage)" negotiating &&
	test_eq "$(rapport --json opp show globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv salary_offered)" 88000
'

test_expect_success 'a deadline rule switched on later catches up once, on the agenda' '
	mkdir -p "$XDG_CONFIG_HOME/rapport" &&
	printf "[offer.deadline]\nenabled = no\n" >"$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	RAPPORT_NOW=2026-03-05T10:00 &&
	rapport offer edit globex --deadline 2026-03-31 >/dev/null &&
	test_eq "$(tasks offer.deadline | grep -c globex)" 0 &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	rapport agenda >/dev/null &&
	rapport agenda >/dev/null &&
	test_eq "$(tasks offer.deadline | grep globex | cut -d"|" -f1-4)" "review|2026-03-29|open|globex"
'

test_expect_success 'playbook show explains the deadline rule' '
	rapport playbook show offer.deadline >out &&
	grep -q "an offer.s deadline is set or changed" out &&
	grep -q "review task for nobody, due -2 days" out
'

test_expect_success 'playbook check: a deadline rule is checked like any other, with file:line' '
	cat >rules.ini <<-\EOF &&
	[my.deadline]
	on    = deadline
	task  = call
	due   = -5
	title = Call {org} about the deadline of {date}
	EOF
	rapport playbook check rules.ini >/dev/null &&
	cat >bad.ini <<-\EOF &&
	[my.deadline]
	on    = deadlines
	task  = call
	title = Call
	EOF
	test_must_fail 1 rapport playbook check bad.ini &&
	test_stderr_contains "bad.ini:2: unknown trigger '\''deadlines'\''" &&
	test_stderr_contains "deadline or mismatch" &&
	cat >bad.ini <<-\EOF &&
	[my.deadline]
	on    = deadline
	task  = call
	title = Call {org} on {deadline_day}
	EOF
	test_must_fail 1 rapport playbook check bad.ini &&
	test_stderr_contains "bad.ini:4: unknown merge field"
'

test_expect_success 'export keeps offers and rounds' '
	rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
t = json.load(sys.stdin)[\"tables\"]
assert len(t[\"offer\"]) == 3, t[\"offer\"]
assert [r[\"side\"] for r in t[\"offer_round\"]] == [\"ask\", \"reply\", \"reply\"], t[\"offer_round\"]
"
'

test_expect_success 'offer ask and reply take --note like every command; --text still works, unlisted' '
	rapport offer ask acme --note "a hybrid week" --at 2026-03-20T10:00 >/dev/null &&
	rapport offer reply acme --text "yes, two days at home" --at 2026-03-20T11:00 >/dev/null &&
	rapport --json offer show acme >out &&
	n=$(jlen rounds <out) &&
	test_eq "$(jv rounds.$((n - 2)).text <out)" "a hybrid week" &&
	test_eq "$(jv rounds.$((n - 1)).text <out)" "yes, two days at home" &&
	rapport offer ask --help >out &&
	grep -q -- "--note T" out &&
	! grep -q -- "--text" out
'

test_done
