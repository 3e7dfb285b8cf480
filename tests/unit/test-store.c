/* test-store.c: the store: schema and migrations, references, transactions, search, dump/load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/backup.h"
#include "store/db_sqlite.h" /* the tests of SQLite files as such: sqlite_only below */
#include "store/store.h"
#include "store/store_internal.h"
#include "store/wants.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "test-db.h"

/* Each test's fixture is test-db.h's store in its own folder (dir, path, s);
 * the tests call it struct fixture. */
#define fixture test_db

static int setup(void **state)
{
	*state = test_db_open();
	return 0;
}

static int teardown(void **state)
{
	return test_db_close(*state);
}

static int64_t add_org(struct store *s, const char *name)
{
	return test_db_org(s, name);
}

static int64_t add_person(struct store *s, const char *name, int64_t org_id)
{
	return test_db_person(s, name, org_id);
}

static int64_t add_opp(struct store *s, int64_t org_id, const char *org, const char *title,
		       enum stage stage)
{
	struct opp o = { .salary_target = -1, .salary_low = -1, .salary_high = -1,
			 .salary_offered = -1 };
	struct error err = ERROR_INIT;

	o.org_id = org_id;
	o.org_name = xstrdup(org);
	o.title = xstrdup(title);
	o.stage = stage;
	assert_int_equal(store_opp_add(s, &o, &err), 0);
	opp_release(&o);
	return o.id;
}

static void test_schema_version(void **state)
{
	struct fixture *f = *state;
	struct db_conn *c = store_conn(f->s);
	int version = -1;

	assert_int_equal(c->ops->schema_version(c, &version), 0);
	assert_int_equal(version, store_schema_version());
}

static void test_newer_database_refused(void **state)
{
	struct fixture *f = *state;
	struct db_conn *c = store_conn(f->s);
	struct store *s2 = NULL;
	struct error err = ERROR_INIT;

	assert_int_equal(c->ops->set_schema_version(c, 999), 0);
	assert_int_equal(store_open_with(&s2, test_db_backend, f->path, 0, &err), ERR_STORE);
	assert_null(s2);
	assert_non_null(strstr(err.msg, "newer rapport"));
	assert_int_equal(c->ops->set_schema_version(c, 1), 0);
}

static void test_not_a_database(void **state)
{
	struct fixture *f = *state;
	struct store *s2 = NULL;
	struct error err = ERROR_INIT;
	char path[160];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/notes.txt", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fputs("this is a text file, not a database\n", fp);
	fclose(fp);
	assert_int_equal(store_open(&s2, path, 0, &err), ERR_STORE);
	assert_non_null(strstr(err.msg, "not a rapport database"));
}

/* A database of schema 2 (before wants and questions) is upgraded, keeps its
 * records, and gets the built-in question bank. */
static void test_upgrade_seeds_questions(void **state)
{
	struct fixture *f = *state;
	struct store *s2 = NULL;
	struct error err = ERROR_INIT;
	question_vec q = { 0 };
	struct question_filter none = { 0 };
	struct org o = { 0 };
	char path[200];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/old.db", f->dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (int i = 0; i < 2; i++)
		assert_int_equal(sqlite3_exec(db, store_migrations[i], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 2;"
				      "INSERT INTO organisation (name, name_key, created_at, updated_at)"
				      " VALUES ('Acme', 'acme', '2026-01-01', '2026-01-01')",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&s2, path, 0, &err), 0);
	assert_int_equal(store_org_get(s2, 1, &o, &err), 0);
	assert_string_equal(o.name, "Acme");
	assert_int_equal(store_question_list(s2, &none, &q, &err), 0);
	assert_true(q.n >= 60);
	assert_true(store_is_empty(s2) == false);
	org_release(&o);
	question_vec_release(&q);
	store_close(s2);
}

/* A database of schema 3 is upgraded: the "Connected on LinkedIn" notes
 * an import made become the person's connected_on (the earliest), the
 * notes go, a note of the user's own stays, and every person has a UID. */
static void test_upgrade_connections(void **state)
{
	struct fixture *f = *state;
	struct store *s4 = NULL;
	struct error err = ERROR_INIT;
	struct person p = { 0 }, q = { 0 };
	char path[200];
	sqlite3 *db;
	sqlite3_stmt *st;

	snprintf(path, sizeof(path), "%s/v3.db", f->dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(sqlite3_exec(db, store_migrations[i], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 3;"
		"INSERT INTO person (id, name, name_key, created_at, updated_at)"
		" VALUES (1, 'Analyst', 'analyst', '2026-01-01', '2026-01-01'),"
		" (2, 'Bo', 'bo', '2026-01-01', '2026-01-01');"
		"INSERT INTO interaction (id, kind, at, direction, summary, created_at) VALUES"
		" (1, 'note', '2024-03-05', 'out', 'Connected on LinkedIn', '2026-01-01'),"
		" (2, 'note', '2023-01-02', 'out', 'Connected on LinkedIn', '2026-01-01'),"
		" (3, 'note', '2025-01-01', 'out', 'Connected on LinkedIn', '2026-01-01');"
		"UPDATE interaction SET notes = 'my own words' WHERE id = 3;"
		"INSERT INTO interaction_person (interaction_id, person_id, at) VALUES"
		" (1, 1, '2024-03-05'), (2, 1, '2023-01-02'), (3, 2, '2025-01-01');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&s4, path, 0, &err), 0);
	assert_int_equal(store_person_get(s4, 1, &p, &err), 0);
	assert_string_equal(p.connected_on, "2023-01-02");
	assert_string_equal(p.last_contact, "2024-03-05");
	assert_non_null(p.uid);
	assert_int_equal(strncmp(p.uid, "urn:uuid:", 9), 0);
	assert_int_equal(store_person_get(s4, 2, &q, &err), 0);
	assert_null(q.connected_on);
	assert_string_not_equal(p.uid, q.uid);
	assert_int_equal(sqlite3_prepare_v2(db_sqlite_of(s4), "SELECT group_concat(id) FROM"
					    " interaction", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "3");
	sqlite3_finalize(st);
	person_release(&p);
	person_release(&q);
	store_close(s4);
}

/* Every name in each enum is accepted by the schema's CHECK constraint. */
static void test_enums_match_schema(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t org = add_org(f->s, "Acme Analytics");
	int64_t person = add_person(f->s, "Example Contact", org);
	int64_t opp = 0;

	for (size_t i = 0; i < stage_def.count; i++)
		opp = add_opp(f->s, org, "Acme Analytics", "Data Lead", (enum stage)i);
	for (size_t i = 0; i < role_def.count; i++)
		assert_int_equal(store_opp_link(f->s, opp, person, (enum role)i, &err), 0);
	for (size_t i = 0; i < interaction_kind_def.count; i++) {
		struct interaction it = { .kind = (enum interaction_kind)i, .chemistry = -1 };
		it.at = xstrdup("2026-03-01T10:00");
		it.summary = xstrdup("talked");
		assert_int_equal(store_interaction_add(f->s, &it, &err), 0);
		interaction_release(&it);
	}
	for (size_t i = 0; i < task_kind_def.count; i++) {
		struct task t = { .kind = (enum task_kind)i };
		t.title = xstrdup("do it");
		t.due = xstrdup("2026-03-03");
		assert_int_equal(store_task_add(f->s, &t, &err), 0);
		task_release(&t);
	}
	for (size_t i = 0; i < want_category_def.count; i++) {
		struct want w = { .weight = 3, .category = (int)i };
		char text[32];
		snprintf(text, sizeof(text), "want %zu", i);
		w.text = xstrdup(text);
		assert_int_equal(store_want_add(f->s, &w, &err), 0);
		for (size_t k = 0; k < want_status_def.count; k++) {
			struct want_evidence e = { .opp_id = opp, .want_id = w.id,
						   .status = (enum want_status)k };
			e.at = xstrdup("2026-03-01");
			assert_int_equal(store_want_mark(f->s, &e, &err), 0);
			want_evidence_release(&e);
		}
		want_release(&w);
	}
	assert_int_equal(store_exec_sql(f->s, "UPDATE opportunity SET stage = 'dreaming'", "",
				       &err), ERR_INVALID);
	assert_int_equal(store_exec_sql(f->s, "UPDATE person SET rapport = 6", "", &err),
			 ERR_INVALID);
}

static int64_t add_interaction(struct store *s, int64_t opp, enum interaction_kind kind,
				enum direction dir, const char *at)
{
	struct interaction it = { .kind = kind, .direction = dir, .chemistry = -1 };
	struct error err = ERROR_INIT;

	it.opp.id = opp;
	it.at = xstrdup(at);
	it.summary = xstrdup("talked");
	if (store_interaction_add(s, &it, &err))
		fail_msg("%s", err.msg);
	interaction_release(&it);
	return it.id;
}

/* The silence rules' query: the latest interaction of the kinds, nothing
 * inbound since, in the order of the stages, then of the opportunities. */
static void test_silent_after_interaction(void **state)
{
	struct fixture *f = *state;

	struct error err = ERROR_INIT;
	int64_t org = add_org(f->s, "Acme Analytics");
	int64_t a = add_opp(f->s, org, "Acme Analytics", "Data Lead", STAGE_INTERVIEWING);
	int64_t b = add_opp(f->s, org, "Acme Analytics", "Analyst", STAGE_APPLIED);
	int64_t c = add_opp(f->s, org, "Acme Analytics", "Engineer", STAGE_INTERVIEWING);
	int64_t d = add_opp(f->s, org, "Acme Analytics", "Lead", STAGE_OFFER);
	int64_t a_interview = add_interaction(f->s, a, IKIND_INTERVIEW, DIR_OUT, "2026-02-01T10:00");
	int64_t a_email = add_interaction(f->s, a, IKIND_EMAIL, DIR_OUT, "2026-03-01T10:00");
	int64_t a_call = add_interaction(f->s, a, IKIND_CALL, DIR_OUT, "2026-03-01T10:00");
	int64_t b_interview = add_interaction(f->s, b, IKIND_INTERVIEW, DIR_OUT, "2026-02-20T10:00");
	silence_vec v = { 0 };
	char opps[96];

	add_interaction(f->s, c, IKIND_INTERVIEW, DIR_OUT, "2026-02-25T10:00");
	add_interaction(f->s, c, IKIND_EMAIL, DIR_IN, "2026-02-26T10:00"); /* they answered */
	add_interaction(f->s, d, IKIND_INTERVIEW, DIR_OUT, "2026-02-25T10:00");
	(void)a_email;
	/* over the opportunities a, b, c and d (a run of the time rules' items) */
	snprintf(opps, sizeof(opps), "[%lld,%lld,%lld,%lld]", (long long)a, (long long)b,
		 (long long)c, (long long)d);
	/* applied before interviewing (the stages' order); offer not asked for */
	assert_int_equal(store_silent_after_interaction(
				 f->s, opps, (1u << STAGE_INTERVIEWING) | (1u << STAGE_APPLIED),
				 1u << IKIND_INTERVIEW, &v, &err), 0);
	assert_int_equal(v.n, 2);
	assert_int_equal(v.items[0].opp_id, b);
	assert_int_equal(v.items[0].event_id, b_interview);
	assert_string_equal(v.items[0].at, "2026-02-20T10:00");
	assert_int_equal(v.items[1].opp_id, a);
	assert_int_equal(v.items[1].event_id, a_interview);
	assert_null(v.items[1].chain);
	silence_vec_release(&v);
	/* two kinds at the same time: the kind first in their order (call);
	 * their answer is an e-mail too, with nothing since */
	assert_int_equal(store_silent_after_interaction(
				 f->s, opps, 0, (1u << IKIND_EMAIL) | (1u << IKIND_CALL), &v, &err), 0);
	assert_int_equal(v.n, 2);
	assert_int_equal(v.items[0].opp_id, a);
	assert_int_equal(v.items[0].event_id, a_call);
	assert_int_equal(v.items[1].opp_id, c);
	assert_string_equal(v.items[1].at, "2026-02-26T10:00");
	silence_vec_release(&v);
	/* every stage: the offer too */
	assert_int_equal(
		store_silent_after_interaction(f->s, opps, 0, 1u << IKIND_INTERVIEW, &v, &err), 0);
	assert_int_equal(v.n, 3);
	assert_int_equal(v.items[2].opp_id, d);
	silence_vec_release(&v);
	assert_int_equal(store_silent_after_interaction(f->s, opps, 0, 0, &v, &err), 0);
	assert_int_equal(v.n, 0);
}

/* store_new_uid (C, the import's) makes what SQL_NEW_UID (SQL) makes: the
 * same fields for the same time and counter, then 10 random hex digits. */
static void test_new_uid_as_sql(void **state)
{
	struct fixture *f = *state;
	const int64_t ms = 1772442000123, counters[] = { 1, 63, 64, 4095, 262144, 1048577,
							 123456789 };
	struct error err = ERROR_INIT;
	struct db_stmt *st = store_prepare(f->s,
					   "SELECT printf('urn:uuid:%08x-%04x-7%03x-%x%03x-%02x',"
					   " ?1 >> 16, ?1 & 65535, (?2 >> 20) & 4095,"
					   " 8 + ((?2 >> 18) & 3), (?2 >> 6) & 4095, ?2 & 63)",
					   "cannot prepare", &err);

	assert_non_null(st);
	for (size_t i = 0; i < ARRAY_SIZE(counters); i++) {
		char uid[STORE_UID_SIZE], again[STORE_UID_SIZE];
		store_new_uid(uid, ms, counters[i]);
		store_new_uid(again, ms, counters[i]);
		db_bind_int64(st, 1, ms);
		db_bind_int64(st, 2, counters[i]);
		assert_int_equal(store_step(f->s, st, "cannot read", &err), DB_ROW);
		assert_int_equal(strlen(uid), STORE_UID_SIZE - 1);
		assert_memory_equal(uid, db_column_text(st, 0), STORE_UID_SIZE - 11);
		assert_int_equal(strspn(uid + STORE_UID_SIZE - 11, "0123456789abcdef"), 10);
		assert_string_not_equal(uid, again); /* the random part */
		db_reset(st);
	}
	db_finalize(st);
}

static void test_slugs_are_unique(void **state)
{
	struct fixture *f = *state;
	struct opp o = { 0 };
	struct error err = ERROR_INIT;
	int64_t org = add_org(f->s, "Acme Analytics");
	int64_t a = add_opp(f->s, org, "Acme Analytics", "Data Lead", STAGE_LEAD);
	int64_t b = add_opp(f->s, org, "Acme Analytics", "Data Lead", STAGE_LEAD);

	assert_int_equal(store_opp_get(f->s, a, &o, &err), 0);
	assert_string_equal(o.slug, "acme-analytics-data-lead");
	opp_release(&o);
	assert_int_equal(store_opp_get(f->s, b, &o, &err), 0);
	assert_string_equal(o.slug, "acme-analytics-data-lead-2");
	opp_release(&o);
}

static void test_person_references(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t org = add_org(f->s, "Acme Analytics");
	int64_t lead = add_person(f->s, "Planning Lead", org);
	int64_t planner = add_person(f->s, "Sample Planner", 0);
	int64_t id = 0;
	char ref[32];

	add_person(f->s, "Budget 100% Real", 0);
	assert_int_equal(store_person_resolve(f->s, "planning lead", &id, &err), 0);
	assert_int_equal(id, lead);
	snprintf(ref, sizeof(ref), "%lld", (long long)planner);
	assert_int_equal(store_person_resolve(f->s, ref, &id, &err), 0);
	assert_int_equal(id, planner);
	assert_int_equal(store_person_resolve(f->s, "sampl", &id, &err), 0);
	assert_int_equal(id, planner);
	/* "plan" is in both Planning Lead and Sample Planner */
	assert_int_equal(store_person_resolve(f->s, "plan", &id, &err), ERR_AMBIGUOUS);
	assert_non_null(strstr(err.msg, "Planning Lead (Acme Analytics)"));
	assert_non_null(strstr(err.msg, "Sample Planner"));
	assert_int_equal(store_person_resolve(f->s, "nobody", &id, &err), ERR_NOT_FOUND);
	/* LIKE wildcards typed by the user match themselves */
	assert_int_equal(store_person_resolve(f->s, "100%", &id, &err), 0);
	assert_int_equal(store_person_resolve(f->s, "%", &id, &err), 0);
	assert_int_equal(store_person_resolve(f->s, "_", &id, &err), ERR_NOT_FOUND);
	/* a full name wins over a part of another name */
	add_person(f->s, "Plan", 0);
	assert_int_equal(store_person_resolve(f->s, "plan", &id, &err), 0);
}

static void test_org_and_opp_references(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t org = add_org(f->s, "Acme Analytics"), id = 0, ensured = 0;
	int64_t opp = add_opp(f->s, org, "Acme Analytics", "Data Lead", STAGE_APPLIED);

	assert_int_equal(store_org_resolve(f->s, "ACME analytics", &id, &err), 0);
	assert_int_equal(id, org);
	/* a unique part of the name, as for people (issue 16) */
	assert_int_equal(store_org_resolve(f->s, "Acme", &id, &err), 0);
	assert_int_equal(id, org);
	assert_int_equal(store_org_resolve(f->s, "Umbrella", &id, &err), ERR_NOT_FOUND);
	assert_int_equal(store_org_ensure(f->s, "acme ANALYTICS", &ensured, &err), 0);
	assert_int_equal(ensured, org);
	assert_int_equal(store_org_ensure(f->s, "Beta Works", &ensured, &err), 0);
	assert_int_not_equal(ensured, org);
	/* without accents; a close name is the organisation you have */
	assert_int_equal(store_org_resolve(f->s, "b\xc3\xa9ta works", &id, &err), 0);
	assert_int_equal(id, ensured);
	{
		bool close = false;
		int64_t same = 0, other = 0;

		assert_int_equal(store_org_find_or_add(f->s, "Acme", false, &same, &close, &err), 0);
		assert_int_equal(same, org);
		assert_true(close);
		assert_int_equal(store_org_find_or_add(f->s, "cme", false, &other, &close, &err), 0);
		assert_int_not_equal(other, org); /* not the start of a word: a new one */
		assert_false(close);
		assert_int_equal(store_org_find_or_add(f->s, "Acme", true, &other, &close, &err), 0);
		assert_int_not_equal(other, org); /* --new-org */
	}
	assert_int_equal(store_opp_resolve(f->s, "acme-analytics-data-lead", &id, &err), 0);
	assert_int_equal(id, opp);
	assert_int_equal(store_opp_resolve(f->s, "1", &id, &err), 0);
	assert_int_equal(store_opp_resolve(f->s, "99", &id, &err), ERR_NOT_FOUND);
	assert_int_equal(store_opp_resolve(f->s, "acme", &id, &err), ERR_NOT_FOUND);
}

/* The web page cache's key: a commit on another connection changes it. */
static void test_data_version_follows_other_commits(void **state)
{
	struct fixture *f = *state;
	struct store *other = NULL;
	struct error err = ERROR_INIT;
	int64_t before = -1, after = -1;

	assert_int_equal(store_open_with(&other, test_db_backend, f->path, 0, &err), 0);
	assert_int_equal(store_act_as(other, NULL, &err), 0);
	assert_int_equal(store_data_version(f->s, &before, &err), 0);
	assert_int_equal(store_begin_write(other, &err), 0);
	add_org(other, "Acme Analytics");
	assert_int_equal(store_commit(other, &err), 0);
	assert_int_equal(store_data_version(f->s, &after, &err), 0);
	assert_true(after != before);
	store_close(other);
}

static void test_rollback_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	org_vec v = { 0 };

	assert_int_equal(store_begin_write(f->s, &err), 0);
	add_org(f->s, "Acme Analytics");
	store_rollback(f->s);
	assert_int_equal(store_org_list(f->s, &v, &err), 0);
	assert_int_equal(v.n, 0);
	org_vec_release(&v);
}

static void test_stage_history(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	stage_change_vec h = { 0 };
	int64_t org = add_org(f->s, "Acme Analytics");
	int64_t opp = add_opp(f->s, org, "Acme Analytics", "Data Lead", STAGE_APPLIED);

	assert_int_equal(store_opp_move(f->s, opp, STAGE_INTERVIEWING, "first call went well",
					&err), 0);
	assert_int_equal(store_opp_move(f->s, opp, STAGE_INTERVIEWING, NULL, &err), ERR_CONFLICT);
	assert_int_equal(store_opp_history(f->s, opp, &h, &err), 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.items[0].from, -1);
	assert_int_equal(h.items[0].to, STAGE_APPLIED);
	assert_int_equal(h.items[1].from, STAGE_APPLIED);
	assert_int_equal(h.items[1].to, STAGE_INTERVIEWING);
	assert_string_equal(h.items[1].note, "first call went well");
	stage_change_vec_release(&h);
}

static size_t count_hits(struct store *s, const char *query, const char *type)
{
	search_hit_vec v = { 0 };
	struct error err = ERROR_INIT;
	size_t n = 0;

	assert_int_equal(store_search(s, query, 50, &v, &err), 0);
	for (size_t i = 0; i < v.n; i++)
		n += !strcmp(v.items[i].type, type);
	search_hit_vec_release(&v);
	return n;
}

static void test_search_follows_changes(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct person p = { 0 };
	search_hit_vec v = { 0 };
	int64_t id = add_person(f->s, "Example Contact", 0);

	assert_int_equal(count_hits(f->s, "example", "person"), 1);
	assert_int_equal(count_hits(f->s, "exam", "person"), 1);
	assert_int_equal(store_person_get(f->s, id, &p, &err), 0);
	field_set(&p.name, "Other Contact");
	field_set(&p.notes, "met at the \"data\" meetup; AND OR NOT ( * ^");
	assert_int_equal(store_person_update(f->s, &p, &err), 0);
	person_release(&p);
	assert_int_equal(count_hits(f->s, "example", "person"), 0);
	assert_int_equal(count_hits(f->s, "other", "person"), 1);
	assert_int_equal(count_hits(f->s, "meetup", "person"), 1);
	/* query syntax in user input is only text */
	assert_int_equal(count_hits(f->s, "\"data\" AND (", "person"), 1);
	assert_int_equal(store_search(f->s, "*** ((", 50, &v, &err), ERR_INVALID);
	search_hit_vec_release(&v);
}

static int copy_row(void *ctx, const char *const *columns, const struct cell_value *values,
		    size_t n)
{
	struct store *dest = ctx;
	struct error err = ERROR_INIT;

	/* the organisation table's columns, in schema order */
	assert_true(n >= 3);
	assert_string_equal(columns[0], "id");
	assert_string_equal(columns[1], "name");
	assert_string_equal(columns[2], "name_key");
	return store_load_row(dest, "organisation", values, &err);
}

static void test_dump_and_load(void **state)
{
	struct fixture *f = *state;
	struct store *dest;
	struct error err = ERROR_INIT;
	org_vec v = { 0 };
	char path[160];

	add_org(f->s, "Acme Analytics");
	add_org(f->s, "Beta Works");
	snprintf(path, sizeof(path), "%s/copy.db", f->dir);
	assert_int_equal(store_open(&dest, path, 0, &err), 0);
	assert_true(store_is_empty(dest));
	assert_int_equal(store_dump_table(f->s, "organisation", copy_row, dest, &err), 0);
	assert_false(store_is_empty(dest));
	assert_int_equal(store_org_list(dest, &v, &err), 0);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.items[0].name, "Acme Analytics");
	org_vec_release(&v);
	/* and the search index was filled by the triggers */
	assert_int_equal(count_hits(dest, "beta", "organisation"), 1);
	store_close(dest);
}

/* A database of schema `version`, as that rapport made it, at path; then extra SQL. */
static void make_old_database(const char *path, int version, const char *extra)
{
	char sql[64];
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (int i = 0; i < version; i++)
		assert_int_equal(sqlite3_exec(db, store_migrations[i], NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", version);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	if (extra)
		assert_int_equal(sqlite3_exec(db, extra, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Restore compares a backup's schema with the one rapport made at the
 * backup's own version: an older backup is restored (and upgraded when
 * opened), the same with a trigger planted, or claiming a version it does
 * not have, is refused before anything is replaced (issue 17). */
static void test_restore_checks_schema_of_its_version(void **state)
{
	struct fixture *f = *state;
	struct backup_copy *copy = NULL;
	struct error err = ERROR_INIT;
	struct store *s = NULL;
	char path[200];

	for (int v = 1; v <= store_schema_version(); v++) {
		snprintf(path, sizeof(path), "%s/v%d.db", f->dir, v);
		make_old_database(path, v, NULL);
		assert_int_equal(store_backup_load(path, &copy, &err), 0);
		store_backup_copy_free(copy);
	}
	snprintf(path, sizeof(path), "%s/v3.db", f->dir);
	assert_int_equal(store_backup_load(path, &copy, &err), 0);
	assert_int_equal(store_restore_from(f->s, copy, &err), 0);
	store_backup_copy_free(copy);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(&s, f->path, 0, &err), 0); /* upgraded from 3 */
	f->s = s;

	snprintf(path, sizeof(path), "%s/planted.db", f->dir);
	make_old_database(path, 2, "CREATE TRIGGER wipe AFTER INSERT ON interaction BEGIN "
				   "DELETE FROM person; END");
	assert_int_equal(store_backup_load(path, &copy, &err), ERR_INVALID);
	assert_null(copy);
	assert_non_null(strstr(err.msg, "has a trigger 'wipe' that rapport does not make"));

	snprintf(path, sizeof(path), "%s/claims.db", f->dir);
	make_old_database(path, 2, "PRAGMA user_version = 3");
	assert_int_equal(store_backup_load(path, &copy, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "lacks the table"));
}

/* A new database, and its -wal and -shm, are the user's alone whatever the umask. */
static void test_new_database_is_private(void **state)
{
	struct fixture *f = *state;
	struct store *s2 = NULL;
	struct error err = ERROR_INIT;
	const char *suffix[] = { "", "-wal", "-shm" };
	char path[200];
	struct stat st;
	mode_t old = umask(022);

	snprintf(path, sizeof(path), "%s/private.db", f->dir);
	assert_int_equal(store_open(&s2, path, 0, &err), 0);
	for (size_t i = 0; i < 3; i++) {
		char p[220];
		snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
		assert_int_equal(stat(p, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
	}
	store_close(s2);
	umask(old);
}

/* The row helpers (store_internal.h): one row, none, each, exists. */
static const char SQL_T_ORG_NAME[] = "SELECT name FROM organisation WHERE id = ?";
static const char SQL_T_ORG_IDS[] = "SELECT id FROM organisation ORDER BY id";
static const char SQL_T_ORG_NAMED[] = "SELECT 1 FROM organisation WHERE name = ?";
static const char SQL_T_ORG_NOTES[] = "UPDATE organisation SET notes = ?2 WHERE id = ?1";

static void read_name(struct db_stmt *st, void *out)
{
	*(char **)out = col_text(st, 0);
}

static void test_row_helpers(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t a = add_org(f->s, "Acme"), b = add_org(f->s, "Globex");
	struct db_stmt *st;
	char *name = NULL;
	id_vec ids = { 0 };

	st = store_stmt(f->s, SQL_T_ORG_NAME, &err);
	db_bind_int64(st, 1, b);
	assert_int_equal(store_one(f->s, st, read_name, &name, "organisation", b, &err), 0);
	assert_string_equal(name, "Globex");
	free(name);
	st = store_stmt(f->s, SQL_T_ORG_NAME, &err);
	db_bind_int64(st, 1, 999);
	assert_int_equal(store_one(f->s, st, read_name, &name, "organisation", 999, &err),
			 ERR_NOT_FOUND);
	assert_string_equal(err.msg, "no organisation 999");

	st = store_stmt(f->s, SQL_T_ORG_IDS, &err);
	assert_int_equal(store_each(f->s, st, store_push_id, &ids, "cannot list", &err), 0);
	assert_int_equal(ids.n, 2);
	assert_true(ids.items[0] == a && ids.items[1] == b);
	free(ids.items);

	st = store_stmt(f->s, SQL_T_ORG_NAMED, &err);
	bind_text(st, 1, "Acme");
	assert_int_equal(store_exists(f->s, st, "cannot look", &err), 1);
	st = store_stmt(f->s, SQL_T_ORG_NAMED, &err);
	bind_text(st, 1, "Initech");
	assert_int_equal(store_exists(f->s, st, "cannot look", &err), 0);
}

/* A bind that fails (here a text over SQLite's length limit) fails its own
 * statement, a SELECT as well as a write, and leaves nothing behind: the
 * next statement runs. Before, a SELECT ran with NULL in its place and the
 * leftover flag failed the next, unrelated, write. */
static void test_failed_bind_fails_its_statement(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int64_t a = add_org(f->s, "Acme");
	int old = sqlite3_limit(db_sqlite_of(f->s), SQLITE_LIMIT_LENGTH, 10000);
	char *big = xmalloc(20000);
	struct db_stmt *st;

	memset(big, 'x', 19999);
	big[19999] = '\0';
	st = store_stmt(f->s, SQL_T_ORG_NAMED, &err);
	bind_text(st, 1, big);
	assert_int_equal(store_exists(f->s, st, "cannot look", &err), ERR_INVALID);
	assert_string_equal(err.msg, "cannot look: a value is too long");

	err = (struct error)ERROR_INIT;
	st = store_stmt(f->s, SQL_T_ORG_NOTES, &err);
	db_bind_int64(st, 1, a);
	bind_text(st, 2, "fine");
	assert_int_equal(store_exec_stmt(f->s, st, "cannot write", &err), 0);

	st = store_stmt(f->s, SQL_T_ORG_NOTES, &err);
	db_bind_int64(st, 1, a);
	bind_text_owned(st, 2, xstrdup(big));
	assert_int_equal(store_exec_stmt(f->s, st, "cannot write", &err), ERR_INVALID);

	/* Bound but never stepped: the next statement handed out starts clean. */
	st = store_stmt(f->s, SQL_T_ORG_NAMED, &err);
	bind_text(st, 1, big);
	err = (struct error)ERROR_INIT;
	st = store_stmt(f->s, SQL_T_ORG_NAMED, &err);
	bind_text(st, 1, "Acme");
	assert_int_equal(store_exists(f->s, st, "cannot look", &err), 1);
	sqlite3_limit(db_sqlite_of(f->s), SQLITE_LIMIT_LENGTH, old);
	free(big);
}

/* A failure is its statement's own (issue 18): another statement handed
 * out and run between the bind and the step neither takes the failure
 * (before, handing it out cleared the one flag, and the first statement
 * then ran with NULL) nor is failed by it; and a one-off statement that
 * was bound, failed and finalized unrun leaves nothing to the next one. */
static void test_failed_bind_stays_with_its_statement(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	int old = sqlite3_limit(db_sqlite_of(f->s), SQLITE_LIMIT_LENGTH, 10000);
	char *big = xmalloc(20000);
	struct db_stmt *first, *other;
	int64_t n = -1;

	add_org(f->s, "Acme");
	memset(big, 'x', 19999);
	big[19999] = '\0';
	first = store_stmt(f->s, SQL_T_ORG_NAMED, &err);
	bind_text(first, 1, big);
	other = store_stmt(f->s, SQL_T_ORG_IDS, &err);
	assert_int_equal(store_exists(f->s, other, "cannot list", &err), 1);
	assert_int_equal(store_exists(f->s, first, "cannot look", &err), ERR_INVALID);
	assert_string_equal(err.msg, "cannot look: a value is too long");

	err = (struct error)ERROR_INIT;
	other = store_prepare(f->s, "SELECT count(*) FROM organisation WHERE name = ?", "cannot count",
			      &err);
	bind_text(other, 1, big);
	db_finalize(other);
	other = store_prepare(f->s, "SELECT count(*) FROM organisation WHERE name = ?", "cannot count",
			      &err);
	bind_text(other, 1, "Acme");
	assert_int_equal(store_number(f->s, other, &n, "cannot count", &err), 0);
	assert_int_equal(n, 1);
	db_finalize(other);
	sqlite3_limit(db_sqlite_of(f->s), SQLITE_LIMIT_LENGTH, old);
	free(big);
}

int main(void)
{
	/* What every backend must do alike: run once per backend (db_backends). */
	const struct CMUnitTest every_backend[] = {
		cmocka_unit_test_setup_teardown(test_schema_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_database_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enums_match_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_silent_after_interaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slugs_are_unique, setup, teardown),
		cmocka_unit_test_setup_teardown(test_person_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_and_opp_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_data_version_follows_other_commits, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stage_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_follows_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dump_and_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_helpers, setup, teardown),
	};
	/* SQLite's own: its files (old schemas, backups, modes), its length
	 * limit (to make a bind fail), its SQL for a UID. */
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test_setup_teardown(test_upgrade_seeds_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_connections, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_uid_as_sql, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_checks_schema_of_its_version, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_new_database_is_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_bind_fails_its_statement, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed_bind_stays_with_its_statement, setup,
						teardown),
	};
	int failed = 0;

	for (size_t i = 0; db_backends[i]; i++) {
		test_db_backend = db_backends[i]->name;
		if (db_backends[i] == &db_backend_pg && !test_db_pg_enabled()) {
			/* a line of its own, not a silence: make check-pg runs them */
			printf("# skipped: the PostgreSQL backend's tests (make check-pg runs them "
			       "in a throwaway cluster)\n");
			continue;
		}
		failed += cmocka_run_group_tests_name(test_db_backend, every_backend, NULL, NULL);
	}
	test_db_backend = db_backend_sqlite.name;
	failed += cmocka_run_group_tests_name("sqlite_only", sqlite_only, NULL, NULL);
	return failed;
}
