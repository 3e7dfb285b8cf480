#!/bin/sh
# The store's seam (issue 20): no source file but the SQLite backend's own
# (src/store/db_sqlite*) names SQLite, and none but the PostgreSQL
# backend's (src/store/db_pg*) names libpq, so that a backend plugs in
# without touching the layers above the store (scripts/check-seam).
. "$(dirname "$0")/test-lib.sh"

seam="$TEST_ROOT/../scripts/check-seam"

test_expect_success 'the check finds a file that names SQLite outside the backend' '
	mkdir -p src/store src/web &&
	echo "#include <sqlite3.h>" >src/web/page.c &&
	echo "int x = SQLITE_ROW;" >src/store/person.c &&
	echo "sqlite3 *db;" >src/store/db_sqlite_more.c &&
	! sh "$seam" src 2>found &&
	grep -q "src/web/page.c" found &&
	grep -q "src/store/person.c" found &&
	! grep -q db_sqlite_more found
'

test_expect_success 'the check finds a file that names libpq outside its backend' '
	rm -rf src && mkdir -p src/store src/web &&
	echo "#include <libpq-fe.h>" >src/web/page.c &&
	echo "PGresult *r;" >src/store/person.c &&
	echo "PGconn *c;" >src/store/db_pg_more.c &&
	! sh "$seam" src 2>found &&
	grep -q "src/web/page.c" found &&
	grep -q "src/store/person.c" found &&
	! grep -q db_pg_more found
'

test_expect_success 'no file of src/ but its backend names SQLite or libpq' '
	sh "$seam" "$TEST_ROOT/../src"
'

test_done
