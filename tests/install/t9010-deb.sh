#!/bin/sh
# make deb (scripts/make-deb, debian/): the package is built and lintian
# clean, depends on every library rapport needs, including those it opens
# with dlopen(), and, unpacked into a throwaway root, runs a small session:
# the playbooks, the letter templates, the calendar and the web UI.
# Run by tests/install/run, which sets RAPPORT_BUILD (the build folder).
. "$(dirname "$0")/../cli/test-lib.sh"

TOP=$(cd "$TEST_ROOT/.." && pwd)
BUILD=${RAPPORT_BUILD:-build}
VERSION=$(sh "$TOP/scripts/version")
DEB="$TOP/rapport_${VERSION}_$(dpkg-architecture -qDEB_HOST_ARCH).deb"

test_expect_success 'make deb builds rapport_VERSION_ARCH.deb, and lintian finds nothing' '
	rm -f "$DEB" &&
	{ make -s -C "$TOP" --no-print-directory deb BUILD="$BUILD" >make-deb.log 2>&1 ||
		{ cat make-deb.log; false; }; } &&
	test -f "$DEB"
'

test_expect_success 'its version is the one scripts/version gives' '
	dpkg-deb -f "$DEB" Version >version &&
	test_eq "$(cat version)" "$VERSION"
'

# libmicrohttpd, libical and libargon2 are opened with dlopen(), which
# dh_shlibdeps cannot see: debian/control names them by hand.
test_expect_success 'Depends names the libraries rapport links and those it opens' '
	dpkg-deb -f "$DEB" Depends | tr -d " " | tr , "\n" | sed "s/(.*//" >depends &&
	for lib in libmicrohttpd12 libical3 libargon2-1 libsqlite3-0 libjansson4 libcsv3 libc6; do
		grep -qx "$lib" depends || { echo "Depends lacks $lib" >&2; return 1; }
	done &&
	grep -q "^libcmark" depends
'

test_expect_success 'the package holds the binary and its documents under /usr' '
	dpkg-deb -c "$DEB" >contents &&
	has contents ./usr/bin/rapport ./usr/share/doc/rapport/copyright \
		./usr/share/doc/rapport/changelog.gz &&
	hasnt contents ./usr/local/
'

ROOT="$TEST_DIR/root"
test_expect_success 'unpacked into a throwaway root, it says its version' '
	dpkg-deb -x "$DEB" "$ROOT" &&
	"$ROOT/usr/bin/rapport" --version >out &&
	test_eq "$(cat out)" "rapport $VERSION"
'

# From here on, the commands run the unpacked package's rapport.
RAPPORT="$ROOT/usr/bin/rapport"

test_expect_success 'a session: an interview, the thank-you it calls for, its letter' '
	rapport person add "Hiring Manager" --org "Acme Analytics" --email hm@example.com \
		>/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" --slug lead >/dev/null &&
	rapport opp link lead "Hiring Manager" --role hiring-manager >/dev/null &&
	rapport log interview "First interview" --with "Hiring Manager" --opp lead >/dev/null &&
	rapport agenda >agenda &&
	grep -q "Hiring Manager" agenda &&
	id=$(task_field "Thank-you note to Hiring Manager" id) &&
	rapport draft "$id" >letter &&
	has letter "Subject: Thank you" "the Data Lead role" "your team at Acme Analytics"
'

test_expect_success 'the calendar export (libical, opened on first use)' '
	rapport export ical >cal.ics &&
	grep -q "^BEGIN:VCALENDAR" cal.ics &&
	grep -q "PRODID:.*rapport $VERSION" cal.ics
'

serve_start
test_expect_success 'the web UI (libmicrohttpd, opened on first use) and its embedded styles' '
	http --no-cookie GET "/?key=$WEB_KEY" >signin &&
	test "$(head -1 signin)" = 303 &&
	http GET / >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<h1>Today</h1>" page &&
	test "$(http_status GET "/static/style.css?v=$VERSION")" = 200
'
serve_stop

test_done
