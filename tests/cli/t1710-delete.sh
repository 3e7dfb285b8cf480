#!/bin/sh
# Removing every kind of record (issue 16): what goes with each is listed;
# a record that takes more than itself is refused without --force and
# nothing is written; the search index and last contacts stay right; the
# web's Delete page says what goes and its POST removes it.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'setup: an organisation with a person, an opportunity and its records' '
	disable_playbooks &&
	rapport org add Acme >/dev/null &&
	rapport person add "Data Recruiter" --org Acme --tag peer >/dev/null &&
	rapport person add "Globex Contact" --org Globex >/dev/null &&
	rapport opp add Acme "Data Lead" --slug lead >/dev/null &&
	rapport opp link lead Recruiter --role hiring-manager >/dev/null &&
	rapport log interview "Roadmap zebra talk" --with Recruiter --opp lead >/dev/null &&
	rapport log note "Applied quagga online" --opp lead >/dev/null &&
	rapport task add "Thank Recruiter" --kind email --with Recruiter --opp lead >/dev/null &&
	rapport offer add lead --base 90k --deadline 2026-03-20 >/dev/null &&
	rapport want add "Remote work" >/dev/null &&
	rapport want mark lead Remote met >/dev/null &&
	rapport feedback add lead "Work on SQL" --from Recruiter >/dev/null
'

test_expect_success 'opp rm without --force lists what would go and writes nothing' '
	before=$(db_digest) &&
	test_must_fail 1 rapport opp rm lead &&
	test_stderr_contains "opp rm lead: also removes" &&
	test_stderr_contains "1 person link" &&
	test_stderr_contains "1 offer" &&
	test_stderr_contains "1 want mark" &&
	test_stderr_contains "add --force" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'org rm with people or opportunities is refused without --force' '
	before=$(db_digest) &&
	test_must_fail 1 rapport org rm Acme &&
	test_stderr_contains "1 person, 1 opportunity" &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'a missing record is an error, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task rm 999 &&
	test_stderr_contains "no task 999" &&
	test_must_fail 1 rapport log rm 999 &&
	test_must_fail 1 rapport offer rm nosuch &&
	test_must_fail 2 rapport task rm &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'opp rm --force: tasks, offer, marks go; interactions with people stay, unlinked' '
	rapport --json opp rm lead --force >out &&
	test_eq "$(jv removed <out)" opportunity &&
	test_eq "$(jv with.tasks <out)" 1 &&
	test_eq "$(jv with.offers <out)" 1 &&
	rapport search zebra >s && grep -q "Roadmap zebra talk" s &&
	rapport search quagga >s && ! grep -q "Applied quagga" s &&
	rapport --json person show Recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq "interactions.0.opportunity" None &&
	test_eq "$(rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 0 &&
	rapport --json feedback list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq "0.opportunity" None &&
	test_db_consistent
'

test_expect_success 'log rm recomputes the last contact; the search forgets it' '
	rapport log call "Catch-up yak call" --with Contact --at 2026-02-01 >/dev/null &&
	rapport log call "Later yak call" --with Contact --at 2026-02-20 >/dev/null &&
	id=$(rapport --json person show Contact >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv interactions.0.id) &&
	rapport log rm "$id" >out && grep -q "removed interaction $id" out &&
	rapport --json person show Contact >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq last_contact 2026-02-01 &&
	rapport search later >s && ! grep -q "Later yak" s
'

test_expect_success 'task rm, improve rm, feedback rm --force' '
	rapport task add "Probe task" >/dev/null &&
	id=$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	test_must_fail 1 rapport improve rm "$id" &&
	test_stderr_contains "not an improvement action" &&
	rapport task rm "$id" >/dev/null &&
	fb=$(rapport --json feedback list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	rapport improve add "Take an SQL class" --from-feedback "$fb" >/dev/null &&
	test_must_fail 1 rapport feedback rm "$fb" &&
	test_stderr_contains "1 improvement action" &&
	rapport feedback rm "$fb" --force >/dev/null &&
	imp=$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	rapport improve rm "$imp" >/dev/null &&
	test_eq "$(rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 0
'

test_expect_success 'offer rm and debrief rm' '
	rapport opp add Globex "Analyst" --slug analyst >/dev/null &&
	rapport offer add analyst --base 80k >/dev/null &&
	rapport offer rm analyst >out && grep -q "removed the offer of analyst" out &&
	test_must_fail 1 rapport offer rm analyst &&
	rapport debrief analyst --asked "Remote?" --answer "Yes" --mark Remote=met --well ok \
		</dev/null >/dev/null &&
	d=$(rapport --json debrief list analyst >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	test_must_fail 1 rapport debrief rm "$d" &&
	test_stderr_contains "1 want mark" &&
	rapport debrief rm "$d" --force >/dev/null &&
	rapport --json fit analyst >f && ! grep -q "\"met\"" f
'

# The interview was about the opportunity removed above: now it is only
# Recruiter's, and goes with her rather than be left with no one.
test_expect_success 'person rm --force: their links, tasks and lone interactions go' '
	rapport task add "Call Recruiter" --with Recruiter >/dev/null &&
	test_must_fail 1 rapport person rm Recruiter &&
	test_stderr_contains "1 interaction with only them, 1 task; add --force" &&
	rapport person rm Recruiter --force >out &&
	grep -q "removed person 1 (Data Recruiter)" out &&
	rapport search Recruiter >s && test ! -s s &&
	rapport search zebra >s && test ! -s s &&
	test_eq "$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jlen "")" 0
'

test_expect_success 'org rm --force removes its people and opportunities' '
	rapport person add "Acme Founder" --org Acme >/dev/null &&
	rapport opp add Acme "Second role" --slug second >/dev/null &&
	rapport org rm Acme --force >out &&
	grep -q "with 1 person, 1 opportunity" out &&
	test_must_fail 1 rapport org show Acme &&
	rapport search "Acme Founder" >s && test ! -s s &&
	test_db_consistent
'

test_expect_success 'web: setup' '
	rapport org add Initech >/dev/null &&
	rapport person add "Delete Candidate" --org Initech >/dev/null &&
	rapport opp add Initech "Engineer" --slug eng >/dev/null &&
	rapport opp link eng Candidate --role peer >/dev/null &&
	rapport task add "Write to Candidate" --with Candidate --opp eng >/dev/null
'
serve_start

test_expect_success 'web: each page has a Delete link; the confirm page says what goes' '
	http GET /opportunities/eng >page && has page "href=\"/opportunities/eng/delete\"" &&
	http GET /orgs/$(rapport --json org show Initech >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) >page && has page "/delete\">Delete" &&
	http GET /opportunities/eng/delete >page && test "$(head -1 page)" = 200 &&
	has page "Delete Engineer at Initech?" "1 person link" "1 task" "name=\"force\" value=\"1\"" &&
	test "$(http_status GET /opportunities/nosuch/delete)" = 404 &&
	test "$(http_status GET /tasks/999/delete)" = 404
'

test_expect_success 'web: a POST without the confirmation is refused (409), nothing written' '
	before=$(db_digest) &&
	test "$(http_status POST /opportunities/eng/delete)" = 409 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'web: the confirmed POST removes it and goes to the list' '
	http POST /opportunities/eng/delete force=1 >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /pipeline$" resp &&
	test_must_fail 1 rapport opp show eng &&
	p=$(rapport --json person show Candidate >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http GET /people/$p/delete >page && has page "Nothing else" &&
	http POST /people/$p/delete force=1 >resp &&
	grep -q "^Location: /people$" resp &&
	rapport search Candidate >s && test ! -s s &&
	o=$(rapport --json org show Initech >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http POST /orgs/$o/delete force=1 >resp && grep -q "^Location: /orgs$" resp &&
	test "$(http_status GET /orgs/$o)" = 404
'

test_expect_success 'web: an interaction and a task are deleted from their pages' '
	rapport log call "Web owl call" --with Contact >/dev/null &&
	i=$(rapport --json person show Contact >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv interactions.0.id) &&
	http GET /people/$(rapport --json person show Contact >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) >page &&
	has page "href=\"/interactions/$i/delete\"" &&
	http POST /interactions/$i/delete force=1 >resp && test "$(head -1 resp)" = 303 &&
	rapport search owl >s && test ! -s s &&
	rapport task add "Web task" >/dev/null && t=$(rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv 0.id) &&
	http GET /tasks/$t/draft >page && has page "href=\"/tasks/$t/delete\"" &&
	http POST /tasks/$t/delete >resp && test "$(head -1 resp)" = 303 &&
	test_must_fail 1 rapport task rm "$t"
'

serve_stop && stopped=yes
test_expect_success 'web: the server stops cleanly' '
	test "$stopped" = yes
'

test_done
