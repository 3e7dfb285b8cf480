#!/bin/sh
# undo: the last command that wrote is taken back whole (its follow-ups,
# stage changes and logged interactions too), again and again back through
# the history; a change that something else has since built on is refused
# with nothing written; the search index follows; the web's Undo button.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'nothing to undo: a clear error, exit 1' '
	test_must_fail 1 rapport undo &&
	test_stderr_contains "nothing to undo"
'

test_expect_success 'org add and person add are undone, latest first' '
	d0=$(db_digest) &&
	rapport org add "Acme Analytics" >/dev/null &&
	d1=$(db_digest) &&
	rapport person add "Hiring Manager" --org Acme --title "Head of Data" >/dev/null &&
	rapport undo >out &&
	grep -qx "undid: person add \"Hiring Manager\"" out &&
	test "$(db_digest)" = "$d1" &&
	rapport undo >out &&
	grep -qx "undid: org add \"Acme Analytics\"" out &&
	test "$(db_digest)" = "$d0"
'

test_expect_success 'the search index follows: an undone person is no longer found' '
	rapport person add "Zebedee Quartz" >/dev/null &&
	rapport search zebedee >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q Zebedee &&
	rapport undo >/dev/null &&
	rapport search zebedee >out &&
	test ! -s out &&
	rapport person add "Zebedee Quartz" >/dev/null &&
	rapport search zebedee >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q Zebedee
'

rapport opp add Acme "Data Lead" --slug lead >/dev/null
rapport person add "Hiring Manager" --org Acme >/dev/null
rapport opp link lead "Hiring Manager" --role hiring-manager >/dev/null

test_expect_success 'log: the interaction, the stage change and the thank-you follow-ups go' '
	before=$(db_digest) &&
	rapport log interview "First interview" --with Hiring --opp lead >/dev/null &&
	test "$(rapport --json opp show lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage)" = interviewing &&
	test -n "$(task_id "Thank-you note to Hiring Manager")" &&
	rapport --json undo >out.json &&
	test "$(jv undone.what <out.json)" = "log interview \"First interview\"" &&
	test "$(db_digest)" = "$before" &&
	test "$(rapport --json opp show lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage)" = lead &&
	test -z "$(task_id "Thank-you note to Hiring Manager")" &&
	rapport search "first interview" >"$TEST_DIR/.rp" && test ! -s "$TEST_DIR/.rp"
'

test_expect_success 'task done: the task reopens and the interaction it logged goes' '
	rapport task add "Call the recruiter" --kind call --with Hiring >/dev/null &&
	id=$(task_id "Call the recruiter") &&
	before=$(db_digest) &&
	rapport task done $id --reached >/dev/null &&
	test "$(task_field "Call the recruiter" status)" = done &&
	rapport undo >out &&
	grep -q "undid: task done $id" out &&
	test "$(task_field "Call the recruiter" status)" = open &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'opp move: the stage and its history go back' '
	before=$(db_digest) &&
	rapport opp move lead applied --note "sent the CV" >/dev/null &&
	rapport undo >/dev/null &&
	test "$(db_digest)" = "$before" &&
	test "$(rapport --json opp show lead >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage)" = lead
'

test_expect_success 'an import of many rows is undone in one step' '
	{
		echo "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
		for i in $(seq 1 60); do
			echo "Person,Number$i,https://www.linkedin.com/in/p$i,,Firm $i,Engineer,01 Feb 2026"
		done
	} >Connections.csv &&
	before=$(db_digest) &&
	rapport import linkedin Connections.csv >/dev/null &&
	test "$(rapport --json person list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" -gt 60 &&
	rapport undo >out &&
	grep -q "undid: import linkedin Connections.csv" out &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'undo --list: the changes undo can take back, latest first' '
	rapport org add "First Org" >/dev/null &&
	rapport org add "Second Org" >/dev/null &&
	rapport undo --list >out &&
	head -1 out | grep -q "cli  org add \"Second Org\"" &&
	sed -n 2p out | grep -q "cli  org add \"First Org\"" &&
	rapport --json undo --list >l.json &&
	test "$(jv 0.what <l.json)" = "org add \"Second Org\"" &&
	rapport undo >/dev/null && rapport undo >/dev/null &&
	rapport undo --list >"$TEST_DIR/.rp" && ! <"$TEST_DIR/.rp" grep -q "First Org"
'

# The rules are off when the person is added (a cadence set with them on
# makes its note ahead, in the same command), on when the agenda runs: the
# agenda's run makes the note, which is built on the person.
test_expect_success 'a change that something since built on is refused, nothing written' '
	disable_playbooks &&
	rapport person add "Kim Cadence" --cadence 7 >/dev/null &&
	rm "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	RAPPORT_NOW=2026-03-20T09:00 rapport agenda >/dev/null &&
	test -n "$(RAPPORT_NOW=2026-03-20T09:00 rapport --json task list >"$TEST_DIR/.rp" &&
		<"$TEST_DIR/.rp" grep "Kim Cadence")" &&
	before=$(db_digest) &&
	test_must_fail 1 rapport undo &&
	test_stderr_contains "cannot undo '"'"'person add \"Kim Cadence\"'"'"': the task" &&
	test_stderr_contains "nothing was undone" &&
	test "$(db_digest)" = "$before" &&
	rapport undo --list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" head -1 | grep -q "Kim Cadence"
'

test_expect_success 'a changed row is named: the person has changed since' '
	rapport org add "Conflict Org" >/dev/null &&
	rapport org edit "Conflict Org" --location Leeds >/dev/null &&
	test_sql "UPDATE organisation SET location = '"'"'York'"'"' WHERE name = '"'"'Conflict Org'"'"'" &&
	before=$(db_digest) &&
	test_must_fail 1 rapport undo &&
	test_stderr_contains "the organisation" &&
	test_stderr_contains "has changed since" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'rapport help undo says undo walks back and cannot be undone' '
	rapport help undo >out &&
	grep -q "Run it again" out && grep -q -- "--list" out
'

serve_start

test_expect_success 'web: a change shows Done with an Undo button, which takes it back' '
	before=$(db_digest) &&
	http POST /log kind=call summary="Called about the role" >resp &&
	test "$(head -1 resp)" = 303 &&
	rapport search "called about" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "Called about" &&
	http GET / >page &&
	grep -q "action=\"/undo\"" page && grep -q "Done." page &&
	http POST /undo back=/ >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /$" resp &&
	http GET / >page &&
	grep -q "Undone: web: /log" page &&
	! grep -q "action=\"/undo\"" page &&
	test "$(db_digest)" = "$before" &&
	rapport search "called about" >"$TEST_DIR/.rp" && test ! -s "$TEST_DIR/.rp"
'

test_expect_success 'web: Undo without the CSRF token is refused, nothing written' '
	before=$(db_digest) &&
	test "$(http_status --no-csrf POST /undo back=/)" = 403 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'web: a back address elsewhere is not followed' '
	http POST /log kind=call summary="Another call" >/dev/null &&
	http POST /undo back=//evil.example >resp &&
	grep -q "^Location: /$" resp
'

test_expect_success 'web: a server that undid stops cleanly (no leak under ASan)' '
	serve_start &&
	http POST /log kind=call summary="One more call" >/dev/null &&
	http GET / >/dev/null &&
	http POST /undo back=/ >/dev/null &&
	http GET / >page &&
	grep -q "Undone: web: /log" page &&
	serve_stop
'

test_expect_success 'an import over 2 MB is not kept for undo, and undo does not skip over it' '
	rapport log note "Before the big import" >/dev/null &&
	python3 -c "
import sys
sys.stdout.write(\"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\")
for i in range(24000):
    sys.stdout.write(\"Big%d,Contact,https://www.linkedin.com/in/big-contact-%d,,Bigcorp,Engineer,05 Mar 2024\r\n\" % (i, i))
" >big.csv &&
	test $(wc -c <big.csv) -gt 2097152 &&
	rapport import linkedin big.csv >out &&
	grep -q "too large to keep for undo" out &&
	test_must_fail 1 rapport undo &&
	test_stderr_contains "nothing to undo" &&
	rapport search "Before the big import" >s && grep -q "Before the big import" s
'

test_done
