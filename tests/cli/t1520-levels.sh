#!/bin/sh
# Levels and role mismatch: the ladder of levels as a setting; a level
# discussed or offered below the level applied for shows in opp show, the
# agenda and offer compare, and the mismatch rule makes one review task per
# lower level.
. "$(dirname "$0")/test-lib.sh"

# mismatch_tasks: the mismatch rule's tasks, oldest first: due|status|slug|title.
mismatch_tasks() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if t["origin"] == "mismatch":
        print("|".join((t["due"], t["status"], t["opportunity"]["slug"], t["title"])))
'
}

test_expect_success 'config levels prints the default ladder' '
	rapport config levels >out &&
	grep -q "^coordinator | assistant | junior < specialist | associate < senior < lead | principal | staff < manager < senior manager < director | head < VP | vice president < SVP | senior vice president | EVP | executive vice president < C-level | chief | CEO | CTO | CFO | COO$" out &&
	rapport config >out &&
	grep -q "^levels: *(not set)" out
'

test_expect_success 'config levels LADDER: a ladder of your own, written back tidy' '
	rapport config levels "junior <  mid|intermediate < senior < lead | staff < manager" \
		>out &&
	grep -q "^set levels$" out &&
	test_eq "$(rapport config levels)" "junior < mid | intermediate < senior < lead | staff < manager" &&
	test_eq "$(rapport --json config levels >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv levels)" \
		"junior < mid | intermediate < senior < lead | staff < manager" &&
	rapport config levels "junior < senior < manager" >/dev/null &&
	test_eq "$(rapport config levels)" "junior < senior < manager"
'

test_expect_success 'a bad ladder is refused with a clear error, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport config levels "junior < < senior" &&
	test_stderr_contains "levels: rung 2 is empty" &&
	test_must_fail 1 rapport config levels "junior < senior <" &&
	test_stderr_contains "rung 3 is empty" &&
	test_must_fail 1 rapport config levels "junior | | jr < senior" &&
	test_stderr_contains "rung 1 has an empty name" &&
	test_must_fail 1 rapport config levels "junior" &&
	test_stderr_contains "at least two rungs" &&
	test_must_fail 1 rapport config levels "junior < senior < Junior" &&
	test_stderr_contains "'\''Junior'\'' is on rungs 1 and 3" &&
	test_must_fail 1 rapport config levels "" &&
	test_must_fail 1 rapport config levels "$(printf "a\n< b")" &&
	test_must_fail 1 rapport config colour blue &&
	test_stderr_contains "name, email, signature, levels" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'config --unset levels brings back the default' '
	rapport config --unset levels >/dev/null &&
	rapport config levels >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^coordinator"
'

test_expect_success 'setup: an opportunity applied for at manager level' '
	rapport opp add "Acme Analytics" "Data Lead" --slug acme --level manager >/dev/null &&
	rapport opp move acme interviewing >/dev/null &&
	test_eq "$(rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mismatch)" None &&
	rapport opp show acme >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q "^mismatch:"
'

test_expect_success 'a lower level discussed: opp show says so, the rule makes a review task' '
	rapport opp edit acme --level-offered "Senior Analyst" >/dev/null &&
	rapport opp show acme >out &&
	grep -q "^mismatch: *they discuss Senior Analyst (senior), below manager, the level you applied for$" out &&
	rapport --json opp show acme >out &&
	test_eq "$(jv mismatch.applied <out)" manager &&
	test_eq "$(jv mismatch.offered <out)" "Senior Analyst" &&
	test_eq "$(jv mismatch.offered_rung <out)" senior &&
	test_eq "$(mismatch_tasks)" \
		"2026-03-02|open|acme|Decide how to answer Acme Analytics about the Senior Analyst level for Data Lead" &&
	rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
t = [t for t in json.load(sys.stdin) if t[\"origin\"] == \"mismatch\"][0]
assert t[\"kind\"] == \"review\", t
assert \"as manager\" in t[\"why\"] and \"talks of Senior Analyst\" in t[\"why\"], t[\"why\"]
"
'

test_expect_success 'the same lower level never makes the task twice' '
	rapport opp edit acme --level-offered "senior" >/dev/null &&
	rapport opp edit acme --level-offered "Senior Analyst" --notes "again" >/dev/null &&
	rapport task done "$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c "
import json, sys
print([t for t in json.load(sys.stdin) if t[\"origin\"] == \"mismatch\"][0][\"id\"])
")" >/dev/null &&
	rapport opp edit acme --level-offered "Senior" >/dev/null &&
	test_eq "$(mismatch_tasks | wc -l | tr -d " ")" 1
'

test_expect_success 'the agenda says so beside the opportunity'\''s tasks, once' '
	rapport task add "Send the portfolio" --opp acme --due tomorrow >/dev/null &&
	rapport task add "Call the recruiter" --opp acme --due +2d >/dev/null &&
	rapport agenda >out &&
	test_eq "$(grep -c "mismatch: they discuss Senior, below manager, the level you applied for" out)" 1 &&
	grep -A1 "Send the portfolio" out | grep -q "mismatch:" &&
	rapport --json agenda >out &&
	test_eq "$(jv upcoming.0.mismatch.offered_rung <out)" senior &&
	test_eq "$(jv upcoming.0.mismatch.applied <out)" manager
'

test_expect_success 'another lower level makes another task' '
	rapport opp edit acme --level-offered specialist >/dev/null &&
	test_eq "$(mismatch_tasks | cut -d"|" -f2,4)" "done|Decide how to answer Acme Analytics about the Senior Analyst level for Data Lead
open|Decide how to answer Acme Analytics about the specialist level for Data Lead"
'

test_expect_success 'a level no longer below: no mismatch, the open task is skipped' '
	rapport opp edit acme --level-offered "Senior Manager" >/dev/null &&
	test_eq "$(rapport --json opp show acme >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mismatch)" None &&
	rapport opp show acme >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q "^mismatch:" &&
	rapport agenda >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q "mismatch:" &&
	test_eq "$(mismatch_tasks | cut -d"|" -f2 | tr "\n" " ")" "done skipped " &&
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "no longer below the level you applied for"
'

test_expect_success 'a level that is on no rung is no mismatch' '
	rapport opp add "Orbit" "Engineer" --slug orbit --level manager >/dev/null &&
	rapport opp edit orbit --level-offered "IC3" >/dev/null &&
	test_eq "$(rapport --json opp show orbit >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mismatch)" None &&
	test_eq "$(mismatch_tasks | grep -c orbit)" 0
'

test_expect_success 'job titles rank too: a head of role offered as a manager' '
	rapport opp add "Globex" "Head of Data" --slug globex --level "Head of Data" >/dev/null &&
	rapport offer add globex --base 90000 --level "Data Manager" >out &&
	grep -q "^mismatch: they discuss Data Manager (manager)" out &&
	rapport opp show globex >out &&
	grep -q "^mismatch: *they discuss Data Manager (manager), below Head of Data (director)" out &&
	test_eq "$(mismatch_tasks | grep globex | cut -d"|" -f2)" open &&
	rapport offer show globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "^mismatch:" &&
	test_eq "$(rapport --json offer show globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mismatch.offered_rung)" manager
'

test_expect_success 'an offer reply with a lower level makes the task' '
	rapport opp add "Initech" "Lead Analyst" --slug initech --level lead >/dev/null &&
	rapport offer add initech --base 80000 >/dev/null &&
	test_eq "$(mismatch_tasks | grep -c initech)" 0 &&
	rapport offer reply initech --level senior --text "senior for now, lead next year" \
		>/dev/null &&
	test_eq "$(mismatch_tasks | grep initech | cut -d"|" -f2)" open &&
	test_eq "$(rapport --json opp show initech >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv level_offered)" senior
'

test_expect_success 'your ladder decides: a principal is above a manager on it' '
	rapport opp add "Hooli" "Principal Analyst" --slug hooli --level principal >/dev/null &&
	rapport opp edit hooli --level-offered manager >/dev/null &&
	test_eq "$(rapport --json opp show hooli >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mismatch)" None &&
	rapport config levels "senior < manager < principal < director" >/dev/null &&
	test_eq "$(rapport --json opp show hooli >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv mismatch.offered)" manager &&
	rapport opp edit hooli --level-offered manager >/dev/null &&
	test_eq "$(mismatch_tasks | grep -c hooli)" 1
'

test_expect_success 'playbook show explains the mismatch rule; check reports file:line' '
	rapport playbook show mismatch >out &&
	grep -q "when: *the level discussed or offered is below the level applied for" out &&
	cat >rules.ini <<-\EOF &&
	[mismatch]
	on    = mismatch
	task  = call
	title = Call {org} about {level_offered} (you applied as {level_applied})
	EOF
	rapport playbook check rules.ini >/dev/null &&
	cat >bad.ini <<-\EOF &&
	[mismatch]
	on    = mismatch
	task  = review
	for   = participants
	title = Decide
	EOF
	test_must_fail 1 rapport playbook check bad.ini &&
	test_stderr_contains "bad.ini:1: rule '\''mismatch'\'': '\''for = participants'\'' does not fit its trigger"
'

test_done
