#!/bin/sh
# search QUERY: people, organisations, opportunities, interactions and tasks, best first.
. "$(dirname "$0")/test-lib.sh"

# What rapport does on its own; the playbooks have tests of their own (t12xx).
disable_playbooks

# hits: "type id" of each --json search hit, one a line.
hits() {
	python3 -c "import json, sys; [print(h[\"type\"], h[\"id\"]) for h in json.load(sys.stdin)]"
}

test_expect_success 'setup: a small network' '
	rapport org add "Acme Analytics" --location Berlin >/dev/null &&
	rapport org add "Globex Data" --notes "Builds freight dashboards" >/dev/null &&
	rapport person add "Director of Analytics" --org "Acme Analytics" --title "Head of Data" >/dev/null &&
	rapport person add "The Recruiter'"'"'s Assistant" --org "Globex Data" --title "Recruiter" >/dev/null &&
	rapport person add "Référent Entrepôt" --notes "Knows the warehouse team" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug acme-data-lead >/dev/null &&
	rapport opp add "Globex Data" "Platform Engineer" --slug globex-pe >/dev/null &&
	rapport log interview "Onsite with the analytics team" --with Director --opp acme-data-lead \
		--notes "Whiteboard on streaming pipelines" >/dev/null &&
	rapport task add "Send the pipelines write-up" --with Director >/dev/null
'

test_expect_success 'search finds a person by name' '
	rapport --json search director >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^person 1$" out
'

test_expect_success 'search finds an organisation by name' '
	rapport --json search globex >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^organisation 2$" out
'

test_expect_success 'search finds an opportunity by title' '
	rapport --json search platform >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^opportunity 2$" out
'

test_expect_success 'search finds an interaction by summary and by notes' '
	rapport --json search onsite >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^interaction 1$" out &&
	rapport --json search whiteboard >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^interaction 1$" out
'

test_expect_success 'search finds a task by title' '
	rapport --json search write-up >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^task 1$" out
'

test_expect_success 'search matches across types' '
	rapport --json search pipelines >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^interaction 1$" out && grep -q "^task 1$" out
'

test_expect_success 'search is case-insensitive and matches word prefixes' '
	rapport --json search ACME >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^organisation 1$" out &&
	rapport --json search analyt >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^organisation 1$" out
'

test_expect_success 'every word must match' '
	rapport --json search "data lead" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^opportunity 1$" out &&
	! grep -q "^opportunity 2$" out &&
	! grep -q "^organisation 2$" out
'

test_expect_success 'search --json hits have type, id, title, detail and score, best first' '
	rapport --json search data >out &&
	python3 -c "
import json
hs = json.load(open(\"out\"))
assert len(hs) >= 3, hs
for h in hs:
    assert set(h) >= {\"type\", \"id\", \"title\", \"detail\", \"score\"}, h
    assert h[\"type\"] in (\"person\", \"organisation\", \"opportunity\", \"interaction\", \"task\"), h
    assert isinstance(h[\"score\"], (int, float)), h
s = [h[\"score\"] for h in hs]
assert s == sorted(s, reverse=True), s
"
'

test_expect_success 'a name match ranks above a mention in notes' '
	rapport person add "Meetup Host" >/dev/null &&
	rapport person add "Conference Speaker" --notes "Introduced me to the host at a meetup" >/dev/null &&
	rapport --json search host >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^person 5$" out &&
	test_eq "$(head -n 1 out)" "person 4"
'

test_expect_success 'search text output names the type and title' '
	rapport search director >out &&
	grep -q "^person .*Director of Analytics" out
'

test_expect_success 'nothing found is not an error' '
	rapport search kubernetes >out &&
	test ! -s out &&
	rapport --json search kubernetes >out &&
	test_eq "$(jlen "" <out)" 0
'

test_expect_success 'search finds names with apostrophes and accents' '
	rapport --json search "recruiter'"'"'s" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^person 2$" out &&
	rapport --json search "Entrepôt" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^person 3$" out
'

test_expect_success 'search syntax characters in a query are not an error' '
	for q in "\"unbalanced" "NEAR(" "data AND" "OR" "acme -lead" "(x" "a:b" "title:data" "^acme"; do
		rapport search "$q" >/dev/null 2>err || { echo "failed: $q"; cat err; return 1; }
	done
'

test_expect_success 'search --limit caps the number of hits' '
	rapport --json search --limit 1 data >out &&
	test_eq "$(jlen "" <out)" 1
'

test_expect_success 'search finds what was edited, not what was there before' '
	rapport person edit Director --name "Director of Analytics-Interim" >/dev/null &&
	rapport --json search "analytics-interim" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^person 1$" out &&
	rapport opp edit globex-pe --title "Site Reliability Engineer" >/dev/null &&
	rapport --json search platform >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	! grep -q "^opportunity 2$" out &&
	rapport --json search reliability >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" hits >out &&
	grep -q "^opportunity 2$" out
'

test_expect_success 'search writes nothing' '
	before=$(db_digest) &&
	rapport search data >/dev/null &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'search without a query is a usage error' '
	test_must_fail 2 rapport search
'

test_done
