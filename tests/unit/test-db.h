/*
 * test-db.h: a new store in a temporary folder for a unit test, and the
 * records most tests start from. Static functions in a header, as each unit
 * test is linked alone with the library.
 */
#ifndef RAPPORT_TEST_DB_H
#define RAPPORT_TEST_DB_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/account.h"
#include "store/db.h"
#include "store/store.h"
#include "util/xalloc.h"

/* The backend test_db_open opens a store on (a name in store/db.h's
 * db_backends): a test run once per backend sets it before each round. */
static const char *test_db_backend = "sqlite";

struct test_db {
	char dir[64];
	char path[128]; /* SQLite's file, or PostgreSQL's address */
	char pg_name[48]; /* the PostgreSQL database made for the test, or "" */
	struct store *s;
};

/* Whether the PostgreSQL backend's tests run: in a cluster that
 * tests/pg/cluster started (make check-pg), which says where in PGHOST. */
static inline bool test_db_pg_enabled(void)
{
	const char *on = getenv("RAPPORT_TEST_PG");
	return on && *on && strcmp(on, "0") && getenv("PGHOST");
}

/* On PostgreSQL, a new database per test, named after the test's folder,
 * made and dropped with PostgreSQL's own tools (the test links no libpq). */
static inline void test_db_make_pg(struct test_db *db)
{
	char cmd[160];

	snprintf(db->pg_name, sizeof(db->pg_name), "rapport_unit_%s", strrchr(db->dir, '.') + 1);
	snprintf(db->path, sizeof(db->path), "postgresql:///%s", db->pg_name);
	snprintf(cmd, sizeof(cmd), "createdb '%s'", db->pg_name);
	assert_int_equal(system(cmd), 0);
}

/* A new store in a new folder, on test_db_backend, at the tests' fixed time
 * (2026-03-02T09:00). */
static inline struct test_db *test_db_open(void)
{
	struct test_db *db = xcalloc(1, sizeof(*db));
	struct error err = ERROR_INIT;
	int rc;

	setenv("RAPPORT_NOW", "2026-03-02T09:00", 1);
	snprintf(db->dir, sizeof(db->dir), "/tmp/rapport-unit.XXXXXX");
	assert_non_null(mkdtemp(db->dir));
	if (!strcmp(test_db_backend, "postgresql"))
		test_db_make_pg(db);
	else
		snprintf(db->path, sizeof(db->path), "%s/test.db", db->dir);
	rc = store_open_with(&db->s, test_db_backend, db->path, 0, &err);
	if (!rc) /* PostgreSQL's rows are an account's: the database's one */
		rc = store_act_as(db->s, NULL, &err);
	if (rc)
		fprintf(stderr, "# %s\n", err.msg);
	assert_int_equal(rc, 0);
	return db;
}

/* Close the store and remove its folder (and its PostgreSQL database): 0,
 * or -1 when they could not be removed. */
static inline int test_db_close(struct test_db *db)
{
	char cmd[160];
	int rc;

	store_close(db->s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", db->dir);
	rc = system(cmd) ? -1 : 0;
	if (db->pg_name[0]) {
		snprintf(cmd, sizeof(cmd), "dropdb --force '%s'", db->pg_name);
		rc = system(cmd) ? -1 : rc;
	}
	free(db);
	return rc;
}

static inline int64_t test_db_org(struct store *s, const char *name)
{
	struct org o = { 0 };
	struct error err = ERROR_INIT;

	o.name = xstrdup(name);
	assert_int_equal(store_org_add(s, &o, &err), 0);
	org_release(&o);
	return o.id;
}

static inline int64_t test_db_person(struct store *s, const char *name, int64_t org_id)
{
	struct person p = { .rapport = -1, .cadence = -1 };
	struct error err = ERROR_INIT;

	p.name = xstrdup(name);
	p.org_id = org_id;
	if (store_person_add(s, &p, &err))
		fail_msg("%s", err.msg);
	person_release(&p);
	return p.id;
}

#endif
