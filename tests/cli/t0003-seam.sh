#!/bin/sh
# The store's seam (issue 20): no source file but the SQLite backend's own
# (src/store/db_sqlite*) names SQLite, and none but the PostgreSQL
# backend's (src/store/db_pg*) names libpq, so that a backend plugs in
# without touching the layers above the store (scripts/check-seam).
. "$(dirname "$0")/test-lib.sh"

seam="$TEST_ROOT/../scripts/check-seam"

# found_outside WEB_LINE STORE_LINE BACKEND_FILE BACKEND_LINE: a web page and
# a store file with these lines are found, the backend's own file is not.
found_outside() {
	rm -rf src && mkdir -p src/store src/web &&
	echo "$1" >src/web/page.c &&
	echo "$2" >src/store/person.c &&
	echo "$4" >"src/store/$3" &&
	! sh "$seam" src 2>found &&
	grep -q "src/web/page.c" found &&
	grep -q "src/store/person.c" found &&
	! grep -q "$3" found
}

test_expect_success 'the check finds a file that names SQLite outside the backend' '
	found_outside "#include <sqlite3.h>" "int x = SQLITE_ROW;" db_sqlite_more.c "sqlite3 *db;"
'

test_expect_success 'the check finds a file that names libpq outside its backend' '
	found_outside "#include <libpq-fe.h>" "PGresult *r;" db_pg_more.c "PGconn *c;"
'

test_expect_success 'no file of src/ but its backend names SQLite or libpq' '
	sh "$seam" "$TEST_ROOT/../src"
'

test_done
