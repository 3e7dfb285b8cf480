#!/bin/sh
# Every file rapport writes: whole or not at all (a failed write leaves the
# old file), no temporary left behind, leftovers of a killed writer swept
# (issue 18, item 1).
. "$(dirname "$0")/test-lib.sh"
test_requires_sqlite "the database's own files and their modes"

# A process id that no process has now.
gone_pid() {
	sh -c 'echo $$'
}

# Run rapport with writes limited to $1 blocks of 512 bytes: a write past
# that fails (EFBIG) as on a full disk; SIGXFSZ is ignored so the write
# returns the error instead of killing the process.
with_file_limit() {
	_blocks=$1
	shift
	(trap '' XFSZ && ulimit -f "$_blocks" && "$RAPPORT" "$@")
}

test_expect_success 'setup' '
	rapport opp add Acme "Data Lead" >/dev/null &&
	rapport person add "Hiring Manager" --org Acme >/dev/null &&
	rapport opp link acme-data-lead "Hiring Manager" --role hiring-manager >/dev/null &&
	rapport task add "Thank-you note" --kind email --with Hiring --opp acme-data-lead --template thank-you >/dev/null
'

# The server keeps the database's -wal and -shm open at their size, so that
# the command under a file size limit reads the database and fails only
# where it writes its own file.
test_expect_success 'prep --html: a failed write leaves the existing page as it was' '
	echo "my own page" >sheet.html &&
	rapport agenda >/dev/null &&
	serve_start &&
	test_must_fail 1 with_file_limit 1 prep acme-data-lead --html sheet.html &&
	serve_stop &&
	test_stderr_contains "cannot write '"'"'sheet.html'"'"'" &&
	test "$(cat sheet.html)" = "my own page" &&
	test "$(ls -A | grep -c rapport-tmp)" = 0
'

test_expect_success 'export -o: a failed write leaves the existing file as it was' '
	echo "my own file" >all.json &&
	serve_start &&
	test_must_fail 1 with_file_limit 1 export -o all.json &&
	serve_stop &&
	test_stderr_contains "cannot write '"'"'all.json'"'"'" &&
	test "$(cat all.json)" = "my own file" &&
	test "$(ls -A | grep -c rapport-tmp)" = 0
'

test_expect_success 'every write leaves its file and nothing else' '
	mkdir out &&
	rapport prep acme-data-lead --html out/sheet.html >/dev/null &&
	rapport export -o out/all.json >/dev/null &&
	rapport export csv people -o out/people.csv >/dev/null &&
	rapport draft 1 --eml out/note.eml >/dev/null &&
	rapport backup out/copy.db >/dev/null &&
	test "$(ls -A out | tr "\n" " ")" = "all.json copy.db note.eml people.csv sheet.html "
'

test_expect_success 'a write sweeps the leftovers of its own file, and only those' '
	dead=$(gone_pid) &&
	: >out/.all.json.rapport-tmp.$dead.aB3xYz &&
	: >out/.people.csv.rapport-tmp.$dead.aB3xYz &&
	: >out/.all.json.rapport-tmp.$$.aB3xYz &&
	: >out/.all.json.rapport-tmp.notes &&
	rapport export -o out/all.json >/dev/null &&
	! test -e out/.all.json.rapport-tmp.$dead.aB3xYz &&
	test -e out/.people.csv.rapport-tmp.$dead.aB3xYz &&
	test -e out/.all.json.rapport-tmp.$$.aB3xYz &&
	test -e out/.all.json.rapport-tmp.notes
'

test_expect_success 'serve sweeps what a killed server left in the config and data folders' '
	dead=$(gone_pid) &&
	conf=$XDG_CONFIG_HOME/rapport &&
	mkdir -p "$conf" &&
	: >"$conf/.playbooks.ini.rapport-tmp.$dead.kIlLeD" &&
	: >"$conf/.playbooks.ini.rapport-tmp.$$.aLiVe0" &&
	: >"$conf/playbooks.ini.bak" &&
	: >"$TEST_DIR/.rapport.db.rapport-tmp.$dead.kIlLeD" &&
	serve_start &&
	serve_stop &&
	! test -e "$conf/.playbooks.ini.rapport-tmp.$dead.kIlLeD" &&
	! test -e "$TEST_DIR/.rapport.db.rapport-tmp.$dead.kIlLeD" &&
	test -e "$conf/.playbooks.ini.rapport-tmp.$$.aLiVe0" &&
	test -e "$conf/playbooks.ini.bak"
'

# mode FILE: its permission bits in octal (600).
mode() {
	stat -c %a "$1"
}

test_expect_success 'what rapport creates is for the user alone, whatever the umask' '
	umask 022 &&
	home=$TEST_DIR/fresh &&
	mkdir "$home" &&
	(
		unset RAPPORT_DB &&
		export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" &&
		rapport person add "Private Person" >/dev/null &&
		serve_start &&
		test "$(mode "$home/data/rapport/rapport.db")" = 600 &&
		test "$(mode "$home/data/rapport/rapport.db-wal")" = 600 &&
		test "$(mode "$home/data/rapport/rapport.db-shm")" = 600 &&
		http POST /settings/playbooks text="$(printf "[thank-you]\nenabled = no\n")" >resp &&
		test "$(head -1 resp)" = 303 &&
		serve_stop &&
		test "$(mode "$home/data/rapport")" = 700 &&
		test "$(mode "$home/config/rapport")" = 700 &&
		test "$(mode "$home/config/rapport/playbooks.ini")" = 600
	) &&
	rapport backup new-copy.db >/dev/null &&
	rapport export -o new.json >/dev/null &&
	rapport export vcard -o new.vcf >/dev/null &&
	rapport prep acme-data-lead --html new.html >/dev/null &&
	rapport draft 1 --eml new.eml >/dev/null &&
	for f in new-copy.db new.json new.vcf new.html new.eml; do
		test "$(mode $f)" = 600 || { echo "$f is $(mode $f)"; return 1; }
	done
'

test_expect_success 'a database made elsewhere is created 0600 too (--db)' '
	umask 022 &&
	rapport --db other.db person add "Someone" >/dev/null &&
	test "$(mode other.db)" = 600
'

test_done
