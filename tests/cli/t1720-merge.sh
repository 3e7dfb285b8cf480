#!/bin/sh
# Merging two people or two organisations (issue 16): every link moves to
# the one kept, a link both had is kept once, the fields the kept one lacks
# come from the other, notes are joined; merging a record with itself is
# refused and writes nothing; references stop being ambiguous; the search
# index follows; the web's Merge form does the same.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'setup: one person entered twice, with links on both' '
	disable_playbooks &&
	rapport org add Acme --website https://acme.example >/dev/null &&
	rapport org add "Acme Corp" --location Leeds --notes "The same firm" >/dev/null &&
	rapport person add "Data Recruiter" --org Acme --email recruiter@acme.example --notes "Met at a fair" \
		--tag peer >/dev/null &&
	rapport person add "Data Recruiter" --org "Acme Corp" --new-org --title "Head of Data" \
		--phone "+44 1" --notes "Likes tea" --tag hiring --rapport 4 >/dev/null &&
	rapport opp add Acme "Data Lead" --slug lead >/dev/null &&
	rapport opp add "Acme Corp" "Analyst" --slug analyst >/dev/null &&
	rapport opp link lead 1 --role hiring-manager >/dev/null &&
	rapport opp link lead 2 --role peer >/dev/null &&
	rapport opp link analyst 2 --role hr >/dev/null &&
	rapport log interview "Panel heron" --with 1 --with 2 --opp lead >/dev/null &&
	rapport log call "Catch-up walrus" --with 2 --at 2026-02-01 >/dev/null &&
	rapport task add "Write to Recruiter" --with 2 >/dev/null &&
	rapport feedback add lead "More SQL" --from 2 >/dev/null &&
	test_must_fail 1 rapport person show "Data Recruiter" &&
	test_stderr_contains "matches"
'

test_expect_success 'merging a person with itself is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport person merge 1 1 &&
	test_stderr_contains "with itself" &&
	test_must_fail 1 rapport org merge Acme 1 &&
	test_stderr_contains "with itself" &&
	test_must_fail 1 rapport person merge 1 99 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'person merge keeps every link once, fills fields, joins notes' '
	rapport --json person merge 1 2 >out &&
	jv_eq interactions 1 opportunities 1 tasks 1 feedback 1 <out &&
	rapport --json person show "Data Recruiter" >p &&
	jv_eq id 1 title "Head of Data" email recruiter@acme.example phone "+44 1" rapport 4 \
		organisation.name Acme tags.# 2 <p &&
	python3 -c "
import json; p = json.load(open(\"p\"))
assert p[\"notes\"] == \"Met at a fair\n\nLikes tea\", p[\"notes\"]
assert sorted(i[\"summary\"] for i in p[\"interactions\"]) == [\"Catch-up walrus\", \"Panel heron\"]
" &&
	rapport --json opp show lead >o &&
	python3 -c "
import json; o = json.load(open(\"o\"))
assert [(p[\"id\"], p[\"role\"]) for p in o[\"people\"]] == [(1, \"hiring-manager\")], o[\"people\"]
" &&
	rapport --json opp show analyst >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq people.0.id 1 people.0.role hr &&
	rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq 0.person.id 1 &&
	rapport --json feedback list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq 0.person.id 1 &&
	test_must_fail 1 rapport person show 2 &&
	rapport search tea >s && grep -q "Data Recruiter" s && test "$(grep -c "Data Recruiter" s)" = 1 &&
	test_db_consistent
'

test_expect_success 'org merge moves people and opportunities; the name is free again' '
	rapport person add "Office Contact" --org "Acme Corp" >/dev/null &&
	rapport --json org merge Acme "Acme Corp" >out &&
	jv_eq people 1 opportunities 1 <out &&
	rapport --json org show Acme >o &&
	jv_eq website https://acme.example location Leeds notes "The same firm" <o &&
	rapport --json opp show analyst >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name Acme &&
	rapport --json person show "Office Contact" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq organisation.name Acme &&
	test_must_fail 1 rapport org show "Acme Corp" &&
	rapport org add "Acme Corp" >/dev/null
'

test_expect_success 'web: setup' '
	rapport person add "Globex Founder" --org Globex --email founder@globex.example >/dev/null &&
	rapport person add "G. Founder" --org Globex --title CTO >/dev/null &&
	rapport org add "Globex Inc" >/dev/null
'
serve_start

test_expect_success 'web: the person and organisation pages have a Merge form' '
	id=$(rapport --json person show "Globex Founder" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http GET /people/$id >page && has page "action=\"/people/$id/merge\"" "name=\"other\"" &&
	o=$(rapport --json org show Globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http GET /orgs/$o >page && has page "action=\"/orgs/$o/merge\""
'

test_expect_success 'web: merging with itself or nobody comes back with the error, nothing written' '
	id=$(rapport --json person show "Globex Founder" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	before=$(db_digest) &&
	http POST /people/$id/merge other="Globex Founder" >page &&
	test "$(head -1 page)" = 400 && has page "with itself" &&
	http POST /people/$id/merge other="Nobody at all" >page &&
	test "$(head -1 page)" = 400 &&
	test "$(http_status POST /people/999/merge other=x)" = 404 &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'web: the Merge form merges and comes back to the one kept' '
	id=$(rapport --json person show "Globex Founder" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http POST /people/$id/merge other="G. Founder" >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /people/$id$" resp &&
	rapport --json person show "Founder" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq title CTO email founder@globex.example &&
	o=$(rapport --json org show Globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv id) &&
	http POST /orgs/$o/merge other="Globex Inc" >resp &&
	grep -q "^Location: /orgs/$o$" resp &&
	test_must_fail 1 rapport org show "Globex Inc"
'

serve_stop && stopped=yes
test_expect_success 'web: the server stops cleanly' '
	test "$stopped" = yes
'

test_done
