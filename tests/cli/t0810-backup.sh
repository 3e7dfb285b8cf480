#!/bin/sh
# backup and restore: a checked copy of the whole database file, and bringing
# one back; damaged, foreign and newer files are refused and change nothing.
. "$(dirname "$0")/test-lib.sh"
test_requires_sqlite "the backup of SQLite's file (a practice backs up with pg_dump)"

test_expect_success 'backup writes one checked SQLite file' '
	rapport person add "Data Recruiter" --org Acme >/dev/null &&
	rapport log call "Called the recruiter" --with Recruiter >/dev/null &&
	rapport backup copy.db >out &&
	grep -q "^backed up .* to copy.db (" out &&
	test -f copy.db && ! test -e copy.db-wal && ! ls copy.db.tmp-* 2>/dev/null &&
	test "$(python3 -c "import sqlite3; print(sqlite3.connect(\"copy.db\").execute(\"PRAGMA integrity_check\").fetchone()[0])")" = ok
'

test_expect_success 'backup --json names the files and the size' '
	rapport --json backup copy2.db >backup.json &&
	jv_eq file copy2.db <backup.json
'

test_expect_success 'restore brings the backup back exactly' '
	want=$(db_digest) &&
	rapport log call "After the backup" >/dev/null &&
	test "$(db_digest)" != "$want" &&
	rapport restore copy.db >out &&
	grep -q "^restored .* from copy.db" out &&
	test "$(db_digest)" = "$want"
'

test_expect_success 'restore into a new database' '
	RAPPORT_DB="$TEST_DIR/other.db" rapport restore copy.db >/dev/null &&
	test "$(RAPPORT_DB="$TEST_DIR/other.db" rapport export >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" sha256sum)" = "$(db_digest)"
'

test_expect_success 'backup without a database fails and creates none' '
	RAPPORT_DB="$TEST_DIR/none.db" test_must_fail 1 rapport backup x.db &&
	test_stderr_contains "no database at" &&
	! test -e none.db && ! test -e x.db
'

test_expect_success 'backup and restore refuse the database itself' '
	test_must_fail 1 rapport backup "$RAPPORT_DB" &&
	test_stderr_contains "is the database itself" &&
	test_must_fail 1 rapport restore "$RAPPORT_DB" &&
	test_stderr_contains "is the database itself"
'

test_expect_success 'backup refuses the database'"'"'s own files, under any name (issue 17)' '
	serve_start &&
	test -e "$RAPPORT_DB-wal" &&
	wal=$(sha256sum <"$RAPPORT_DB-wal") &&
	test_must_fail 1 rapport backup "$RAPPORT_DB-wal" &&
	test_stderr_contains "is the database'"'"'s -wal file" &&
	test_must_fail 1 rapport backup --force "$RAPPORT_DB-shm" &&
	test_stderr_contains "is the database'"'"'s -shm file" &&
	test "$(sha256sum <"$RAPPORT_DB-wal")" = "$wal" &&
	serve_stop &&
	test_must_fail 1 rapport backup --force rapport.db-journal &&
	test_stderr_contains "is the database'"'"'s -journal file" &&
	! test -e rapport.db-journal &&
	mkdir -p sub && ln -s "$RAPPORT_DB" link.db &&
	test_must_fail 1 rapport backup --force link.db &&
	test_stderr_contains "is the database itself" &&
	test_must_fail 1 rapport backup --force ./sub/../rapport.db-wal &&
	test_stderr_contains "-wal file" &&
	ln -s "$TEST_DIR" dirlink &&
	test_must_fail 1 rapport backup --force dirlink/rapport.db &&
	test_stderr_contains "is the database itself"
'

test_expect_success 'backup does not replace an existing file without --force' '
	echo "my notes" >notes.txt &&
	test_must_fail 1 rapport backup notes.txt &&
	test_stderr_contains "'"'"'notes.txt'"'"' exists: give --force to replace it" &&
	test "$(cat notes.txt)" = "my notes" &&
	rapport backup --force notes.txt >/dev/null &&
	rapport --db notes.txt person list >people &&
	grep -q "Data Recruiter" people
'

test_expect_success 'restore refuses a file that is not a database' '
	before=$(db_digest) &&
	echo "not a database" >text.db &&
	test_must_fail 1 rapport restore text.db &&
	test_stderr_contains "is not a rapport database" &&
	test_must_fail 1 rapport restore missing.db &&
	test_stderr_contains "cannot read" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'restore refuses another program'"'"'s SQLite database' '
	before=$(db_digest) &&
	python3 -c "import sqlite3; c = sqlite3.connect(\"photos.db\"); c.execute(\"CREATE TABLE photo (id INTEGER)\"); c.commit()" &&
	test_must_fail 1 rapport restore photos.db &&
	test_stderr_contains "is not a rapport database" &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'restore refuses a damaged backup' '
	before=$(db_digest) &&
	cp copy.db damaged.db &&
	python3 -c "
import sqlite3
root = sqlite3.connect(\"damaged.db\").execute(\"SELECT rootpage FROM sqlite_schema WHERE name = ?\", (\"interaction\",)).fetchone()[0]
with open(\"damaged.db\", \"r+b\") as f:
    size = int.from_bytes(f.read(18)[16:18], \"big\")
    f.seek((root - 1) * size)
    f.write(b\"\\x42\")
" &&
	test_must_fail 1 rapport restore damaged.db &&
	test_stderr_contains "is damaged" &&
	test "$(wc -l <"$TEST_DIR/.stderr")" -eq 1 &&
	test "$(db_digest)" = "$before"
'

test_expect_success 'restore refuses a backup from a newer rapport' '
	before=$(db_digest) &&
	cp copy.db newer.db &&
	python3 -c "import sqlite3; c = sqlite3.connect(\"newer.db\"); c.execute(\"PRAGMA user_version = 999\"); c.commit()" &&
	test_must_fail 1 rapport restore newer.db &&
	test_stderr_contains "newer rapport" &&
	test "$(db_digest)" = "$before"
'

# A copy of copy.db changed by the SQL in $2, as $1.
tamper() {
	cp copy.db "$1" &&
	python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(sys.argv[2])
c.commit()
" "$1" "$2"
}

# restore of $1 must fail saying $2, and leave the database as it was.
restore_refused() {
	before=$(db_digest) &&
	test_must_fail 1 rapport restore "$1" &&
	test_stderr_contains "$2" &&
	test "$(db_digest)" = "$before"
}

test_expect_success 'restore refuses a backup with a planted trigger (issue 17)' '
	tamper trigger.db "CREATE TRIGGER wipe AFTER INSERT ON interaction BEGIN DELETE FROM person; END" &&
	restore_refused trigger.db "has a trigger '"'"'wipe'"'"' that rapport does not make" &&
	rapport log call "After the refused restore" --with Recruiter >/dev/null &&
	rapport --json person list >people.json &&
	jv_eq "#" 1 0.name "Data Recruiter" <people.json
'

test_expect_success 'restore refuses a backup with a table missing' '
	tamper missing.db "DROP TABLE feedback" &&
	restore_refused missing.db "lacks the table '"'"'feedback'"'"' that rapport makes"
'

test_expect_success 'restore refuses a backup with one of rapport'"'"'s triggers changed' '
	tamper changed.db "DROP TRIGGER person_au; CREATE TRIGGER person_au AFTER UPDATE ON person BEGIN DELETE FROM task; END" &&
	restore_refused changed.db "has a trigger '"'"'person_au'"'"' that differs from the one rapport makes"
'

test_expect_success 'restore refuses an extra view, index or table' '
	tamper view.db "CREATE VIEW people AS SELECT * FROM person" &&
	restore_refused view.db "has a view '"'"'people'"'"' that rapport does not make" &&
	tamper index.db "CREATE INDEX person_email ON person(email)" &&
	restore_refused index.db "has a index '"'"'person_email'"'"'" &&
	tamper table.db "CREATE TABLE extra (x)" &&
	restore_refused table.db "has a table '"'"'extra'"'"'"
'

test_expect_success 'restore refuses a trigger named like SQLite'"'"'s own tables' '
	tamper disguised.db "PRAGMA writable_schema = ON;
INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (\"trigger\", \"sqlite_stat1\", \"interaction\", 0,
 \"CREATE TRIGGER sqlite_stat1 AFTER INSERT ON interaction BEGIN DELETE FROM person; END\");" &&
	restore_refused disguised.db "has a trigger '"'"'sqlite_stat1'"'"' that rapport does not make"
'

test_expect_success 'restore accepts a backup that ANALYZE added statistics to' '
	tamper analyzed.db "ANALYZE" &&
	rapport restore analyzed.db >/dev/null &&
	rapport restore copy.db >/dev/null
'

test_expect_success 'a backup made while the server writes is whole' '
	serve_start &&
	for i in 1 2 3 4 5 6 7 8; do http POST /log kind=call summary="web $i" >/dev/null || return 1; done &&
	rapport backup live.db >/dev/null &&
	serve_stop &&
	RAPPORT_DB="$TEST_DIR/live.db" rapport --json search web >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq "#" 8
'

test_expect_success 'help lists backup and restore' '
	rapport help >out &&
	grep -q "^  backup " out && grep -q "^  restore " out &&
	rapport help backup >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" grep -q "online backup"
'

test_done
