#!/bin/sh
# rapport demo (issue 24): a sample search in a database of its own, every
# built-in playbook at work in it, marked as a sample wherever it is opened;
# the user's own database untouched, from the command line and from the
# web UI's "Explore with a sample search".
. "$(dirname "$0")/test-lib.sh"

DEMO="$XDG_DATA_HOME/rapport/demo.db"

# shape: rows per table of the database at $1's export, a line each.
shape() {
	rapport --db "$1" export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for name, rows in sorted(json.load(sys.stdin)["tables"].items()):
    print(name, len(rows))
'
}

test_expect_success 'the user has a search of their own' '
	rapport opp add "Acme Analytics" "Data Lead" --slug acme >/dev/null &&
	rapport person add "Recruiting Partner" --org "Acme Analytics" >/dev/null &&
	db_digest >own.digest
'

test_expect_success 'demo --no-serve makes the sample beside the default database and prints its path' '
	rapport demo --no-serve >out &&
	echo "$DEMO" >want &&
	test_cmp want out &&
	test -s "$DEMO" &&
	rapport --json demo --no-serve >out.json &&
	jv_eq database "$DEMO" <out.json
'

test_expect_success 'the user database is untouched' '
	test "$(db_digest)" = "$(cat own.digest)"
'

test_expect_success 'it is marked as a sample inside the database' '
	rapport --db "$DEMO" export >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
s = {r[\"key\"]: r[\"value\"] for r in json.load(sys.stdin)[\"tables\"][\"setting\"]}
sys.exit(0 if s.get(\"demo\") else \"no mark\")
" &&
	rapport export >"$TEST_DIR/.rp" &&
	! grep -q "not your data" "$TEST_DIR/.rp"
'

test_expect_success 'every built-in playbook has fired in it' '
	rapport --json playbook list >rules.json &&
	rapport --db "$DEMO" export >"$TEST_DIR/.rp" &&
	python3 -c "
import json, sys
rules = {r[\"name\"] for r in json.load(open(\"rules.json\"))}
t = json.load(open(sys.argv[1]))[\"tables\"]
fired = {r[\"rule\"] for r in t[\"rule_fire\"]} | {r[\"origin\"] for r in t[\"task\"]}
missing = sorted(rules - fired)
sys.exit(\"not fired: %s\" % missing if missing or len(rules) < 20 else 0)
" "$TEST_DIR/.rp" &&
	rapport --db "$DEMO" --json task list --all >tasks.json &&
	python3 -c "
import json, sys
origins = {t[\"origin\"] for t in json.load(open(\"tasks.json\"))}
for r in json.load(open(\"rules.json\")):
    if r[\"name\"] not in origins and r[\"name\"] != \"rejected.cadence\":
        sys.exit(\"no task of %s\" % r[\"name\"])
" &&
	test "$(rapport --db "$DEMO" --json person show "People Partner at Bluefin" >"$TEST_DIR/.rp" &&
		<"$TEST_DIR/.rp" jv cadence)" = 45
'

test_expect_success 'opp show, offer compare and prep work on it' '
	rapport --db "$DEMO" opp show northwind >show &&
	grep -q "Hiring Manager at Northwind" show &&
	rapport --db "$DEMO" offer compare >compare &&
	grep -q "Cobalt Health" compare &&
	grep -q "Larkspur Energy" compare &&
	grep -q "UNMET (must)" compare &&
	rapport --db "$DEMO" prep northwind >prep &&
	grep -q "^## To refine" prep &&
	rapport --db "$DEMO" debrief list >debriefs &&
	test "$(wc -l <debriefs)" -ge 3 &&
	rapport --db "$DEMO" improve list >improve &&
	grep -q "portfolio" improve
'

test_expect_success 'making it again gives a sample of the same shape' '
	shape "$DEMO" >shape1 &&
	rapport demo --no-serve >/dev/null &&
	shape "$DEMO" >shape2 &&
	test_cmp shape1 shape2 &&
	test "$(db_digest)" = "$(cat own.digest)"
'

test_expect_success 'a file at its place that is not a sample is not replaced' '
	mv "$DEMO" demo.keep &&
	rapport --db "$DEMO" person add "Data Recruiter" >/dev/null &&
	rapport --db "$DEMO" export >before.json &&
	test_must_fail 1 rapport demo --no-serve &&
	test_stderr_contains "is not a sample search: not replaced" &&
	rapport --db "$DEMO" export >after.json &&
	test_cmp before.json after.json &&
	rm -f "$DEMO" "$DEMO-wal" "$DEMO-shm" && mv demo.keep "$DEMO"
'

test_expect_success 'the database in use is never the sample' '
	test_must_fail 1 rapport --db "$DEMO" demo --no-serve &&
	test_stderr_contains "needs a file of its own" &&
	(cd "$XDG_DATA_HOME" && test_must_fail 1 rapport --db rapport/demo.db demo --no-serve) &&
	test_stderr_contains "needs a file of its own"
'

PAGES="/ /pipeline /people /orgs /wants /questions /offers/compare /insights /settings /demo"

# banner_count: how many of $PAGES show the sample banner, on the server at $WEB.
banner_count() {
	_n=0
	for p in $PAGES; do
		http GET "$p" >"$TEST_DIR/.page" &&
		test "$(head -1 "$TEST_DIR/.page")" = 200 || { echo "$p failed" >&2; return 1; }
		grep -q "Sample search: not your data" "$TEST_DIR/.page" && _n=$((_n + 1))
	done
	echo "$_n"
}

serve_start
OWN_WEB=$WEB OWN_KEY=$WEB_KEY
test_expect_success 'the user server shows no banner, and a young search offers the sample' '
	test "$(banner_count)" = 0 &&
	http GET / >today &&
	grep -q "href=\"/demo/open\">Explore with a sample search</a>" today &&
	db_digest >own.digest
'

test_expect_success 'Explore with a sample search opens it on a server of its own, under the other name' '
	http GET /demo/open >open &&
	test "$(head -1 open)" = 303 &&
	sed -n "s|^Location: http://localhost:\([0-9]*\)/demo/enter?key=\([0-9a-f]*\).*|\1 \2|p" open >where &&
	read demo_port demo_key <where &&
	test -n "$demo_key" && test "$demo_port" != "${OWN_WEB##*:}" &&
	echo "$demo_port $demo_key" >demo.where
'

test_expect_success 'every page of the sample carries the banner and the way back' '
	read demo_port demo_key <demo.where &&
	WEB=http://127.0.0.1:$demo_port WEB_KEY=$demo_key WEB_JAR=$TEST_DIR/.demo-jar &&
	export WEB WEB_KEY WEB_JAR &&
	n=$(banner_count) &&
	test "$n" = "$(echo $PAGES | wc -w)" &&
	PAGES="/opportunities/northwind /people/1 /orgs/1 /improve /search?q=Northwind" &&
	test "$(banner_count)" = 5 &&
	http GET /pipeline >page &&
	grep -q "href=\"$OWN_WEB/demo/back\">Back to your own search</a>" page &&
	http GET / >today &&
	! grep -q "/demo/open" today &&
	! grep -q "id=\"start\"" today &&
	http GET /method >method &&
	! grep -q "id=\"start\"" method
'

test_expect_success 'a second click goes to the same sample' '
	http GET /demo/open >open &&
	grep -q "^Location: http://localhost:$(cut -d" " -f1 demo.where)/" open
'

test_expect_success 'back on the user server: signed in still, no banner, the database byte for byte as it was' '
	test "$(banner_count)" = 0 &&
	test "$(db_digest)" = "$(cat own.digest)"
'

serve_stop
test_expect_success 'the sample stops with the user server' '
	read demo_port demo_key <demo.where &&
	for i in $(seq 100); do
		WEB=http://127.0.0.1:$demo_port http_status --no-cookie GET /signin >/dev/null 2>&1 ||
			break
		sleep 0.1
	done &&
	! WEB=http://127.0.0.1:$demo_port http_status --no-cookie GET /signin >/dev/null 2>&1
'

serve_start --db "$DEMO"
test_expect_success 'the mark holds however the sample is opened: rapport serve --db shows the banner' '
	http GET /people >page &&
	grep -q "Sample search: not your data" page &&
	grep -q "href=\"/demo\">Leave the sample search</a>" page &&
	http GET /demo >page &&
	grep -q "rapport serve" page
'

test_expect_success 'the hand-over pages need no session and follow their own link (a cookie is not sent across sites)' '
	for p in /demo/enter /demo/back; do
		http --no-cookie GET $p >page &&
		test "$(head -1 page)" = 200 &&
		grep -q "<a data-follow href=\"/\">" page || return 1
	done &&
	http GET /static/app.js >js &&
	grep -q "a\[data-follow\]" js
'
serve_stop

test_done
