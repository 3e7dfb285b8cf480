/*
 * db_sqlite_undo_apply.c: undo on SQLite: taking an undo entry back: its
 * changeset inverted, applied with a handler that refuses every conflict,
 * then checked for rows the undo touched that the entry never did.
 *
 * That check is needed because applying runs the schema's foreign key
 * actions: removing a person that a later task refers to would quietly
 * clear the task's person (ON DELETE SET NULL), and removing an
 * opportunity would delete a later stage change (CASCADE). SQLite 3.40
 * cannot turn the actions off for an apply (SQLITE_CHANGESETAPPLY_FKNOACTION
 * came later), and PRAGMA foreign_keys cannot change inside a transaction;
 * so a second session records what the apply really did, and any row
 * beyond the entry's own is a conflict. Triggers run on apply too: the
 * search index follows the rows, as with any other change.
 */
#include "store/undo_backend.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/db_sqlite.h"
#include "store/store_internal.h"

static const char SQL_UNDO_CHANGES[] =
	"SELECT changes FROM undo_log WHERE id = ? AND undone_at IS NULL";
static const char SQL_UNDO_MARK[] =
	"UPDATE undo_log SET undone_at = ?, changes = NULL WHERE id = ?";

typedef VEC(char *) key_vec;

/* ---- rows: a key to compare them, and words to name them ---- */

/* The change's primary key column i: the new row's for an insert, else the old's. */
static sqlite3_value *pk_value(sqlite3_changeset_iter *it, int op, int i)
{
	sqlite3_value *v = NULL;

	if (op == SQLITE_INSERT)
		sqlite3changeset_new(it, i, &v);
	else
		sqlite3changeset_old(it, i, &v);
	return v;
}

/* Which row a change is about: the table and its key, as one string. */
static char *row_key(sqlite3_changeset_iter *it)
{
	struct strbuf key = STRBUF_INIT;
	const char *table;
	unsigned char *pk;
	int ncol, op;

	sqlite3changeset_op(it, &table, &ncol, &op, NULL);
	sqlite3changeset_pk(it, &pk, &ncol);
	strbuf_addstr(&key, table);
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *v = pk[i] ? pk_value(it, op, i) : NULL;
		if (!v)
			continue;
		if (sqlite3_value_type(v) == SQLITE_INTEGER)
			strbuf_addf(&key, "\x1fi%lld", (long long)sqlite3_value_int64(v));
		else if (sqlite3_value_type(v) == SQLITE_NULL)
			strbuf_addstr(&key, "\x1fn");
		else
			strbuf_addf(&key, "\x1ft%d:%s", sqlite3_value_bytes(v),
				    (const char *)sqlite3_value_text(v));
	}
	return strbuf_detach(&key);
}

/* "the task 12", "the opp person 3, 7": how a message names a change's row. */
static void name_row(struct strbuf *sb, sqlite3_changeset_iter *it)
{
	const char *table;
	unsigned char *pk;
	int ncol, op, shown = 0;

	sqlite3changeset_op(it, &table, &ncol, &op, NULL);
	sqlite3changeset_pk(it, &pk, &ncol);
	strbuf_addstr(sb, "the ");
	for (const char *p = table; *p; p++)
		strbuf_addch(sb, *p == '_' ? ' ' : *p);
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *v = pk[i] ? pk_value(it, op, i) : NULL;
		if (!v)
			continue;
		strbuf_addstr(sb, shown++ ? ", " : " ");
		if (sqlite3_value_type(v) == SQLITE_INTEGER)
			strbuf_addf(sb, "%lld", (long long)sqlite3_value_int64(v));
		else
			strbuf_addf(sb, "'%s'", (const char *)sqlite3_value_text(v));
	}
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rows a changeset changes, sorted. */
static int collect_keys(int n, void *changes, key_vec *keys)
{
	sqlite3_changeset_iter *it;
	int rc = sqlite3changeset_start(&it, n, changes);

	if (rc != SQLITE_OK)
		return rc;
	while (sqlite3changeset_next(it) == DB_ROW)
		*VEC_PUSH(keys) = row_key(it);
	rc = sqlite3changeset_finalize(it);
	if (keys->n)
		qsort(keys->items, keys->n, sizeof(*keys->items), key_cmp);
	return rc;
}

static void keys_release(key_vec *keys)
{
	for (size_t i = 0; i < keys->n; i++)
		free(keys->items[i]);
	free(keys->items);
}

/* ---- applying ---- */

/* The first conflict, in words; the apply stops there and writes nothing. */
static int on_conflict(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	struct strbuf *why = ctx;
	int nfk = 0;

	if (why->len)
		return SQLITE_CHANGESET_ABORT;
	if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
		sqlite3changeset_fk_conflicts(it, &nfk);
		strbuf_addf(why, "%d record%s added since refer%s to what it would remove", nfk,
			    nfk == 1 ? "" : "s", nfk == 1 ? "s" : "");
		return SQLITE_CHANGESET_ABORT;
	}
	name_row(why, it);
	if (kind == SQLITE_CHANGESET_DATA)
		strbuf_addstr(why, " has changed since");
	else if (kind == SQLITE_CHANGESET_NOTFOUND)
		strbuf_addstr(why, " has been deleted since");
	else if (kind == SQLITE_CHANGESET_CONFLICT)
		strbuf_addstr(why, " has been added again since");
	else
		strbuf_addstr(why, " would break a rule of the database");
	return SQLITE_CHANGESET_ABORT;
}

/* Rows the apply changed that the entry did not: a foreign key action on
 * a row made or changed since. */
static int check_only_expected(sqlite3_session *ses, const key_vec *expected,
			       struct strbuf *why)
{
	sqlite3_changeset_iter *it;
	void *done = NULL;
	int n = 0, rc = sqlite3session_changeset(ses, &n, &done);

	if (rc != SQLITE_OK)
		return rc;
	if (n && (rc = sqlite3changeset_start(&it, n, done)) == SQLITE_OK) {
		while (!why->len && sqlite3changeset_next(it) == DB_ROW) {
			char *key = row_key(it);
			if (!expected->n || !bsearch(&key, expected->items, expected->n,
						     sizeof(*expected->items), key_cmp)) {
				name_row(why, it);
				strbuf_addstr(why, " refers to what it would remove, and was made or "
						   "changed since");
			}
			free(key);
		}
		rc = sqlite3changeset_finalize(it);
	}
	sqlite3_free(done);
	return rc;
}

/* A copy of the entry's changeset (ERR_NOT_FOUND: none, or undone). */
static int read_changes(struct store *s, int64_t id, void **out, int *n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_CHANGES, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	rc = store_step(s, st, "cannot read the undo history", err);
	if (rc == DB_DONE)
		return error_set(err, ERR_NOT_FOUND, "no change %lld to undo", (long long)id);
	if (rc < 0)
		return rc;
	*n = db_column_bytes(st, 0);
	*out = xmalloc(*n > 0 ? (size_t)*n : 1);
	memcpy(*out, sqlite3_column_blob(db_sqlite_stmt(st), 0), (size_t)*n);
	db_reset(st);
	return 0;
}

/* Apply the inverse, watched by a second session (see the top). */
static int apply_checked(struct store *s, int n, void *inverse, struct error *err)
{
	struct strbuf why = STRBUF_INIT;
	sqlite3_session *watch = NULL;
	key_vec expected = { 0 };
	int rc = collect_keys(n, inverse, &expected);

	if (rc == SQLITE_OK && !(rc = sqlite3session_create(db_sqlite_of(s), "main", &watch)))
		for (size_t i = 0; rc == SQLITE_OK && i < store_ntables; i++)
			rc = sqlite3session_attach(watch, store_tables[i]);
	if (rc == SQLITE_OK)
		rc = sqlite3changeset_apply(db_sqlite_of(s), n, inverse, NULL, on_conflict, &why);
	if (rc == SQLITE_OK && !why.len)
		rc = check_only_expected(watch, &expected, &why);
	if (watch) /* NULL when out of memory made none */
		sqlite3session_delete(watch);
	keys_release(&expected);
	if (why.len)
		rc = error_set(err, ERR_CONFLICT, "%s", why.buf);
	else if (rc != SQLITE_OK)
		rc = error_set(err, ERR_STORE, "cannot undo: %s", sqlite3_errstr(rc));
	strbuf_release(&why);
	return rc;
}

static int mark_undone(struct store *s, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_MARK, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, store_instant(s));
	db_bind_int64(st, 2, id);
	return store_exec_stmt(s, st, "cannot mark the change undone", err);
}

int sqlite_undo_apply(struct store *s, int64_t id, struct error *err)
{
	void *changes = NULL, *inverse = NULL;
	int n = 0, ninv = 0, rc;

	if ((rc = read_changes(s, id, &changes, &n, err)))
		return rc;
	if (sqlite3changeset_invert(n, changes, &ninv, &inverse) != SQLITE_OK)
		rc = error_set(err, ERR_STORE, "cannot undo: the recorded changes are damaged");
	free(changes);
	if (rc)
		goto out;
	/* a savepoint of its own: a refused undo leaves the transaction as it was */
	if (sqlite3_exec(db_sqlite_of(s), "SAVEPOINT undo", NULL, NULL, NULL) != SQLITE_OK) {
		rc = store_fail(s, "cannot undo", err);
		goto out;
	}
	rc = apply_checked(s, ninv, inverse, err);
	if (!rc)
		rc = mark_undone(s, id, err);
	if (rc)
		sqlite3_exec(db_sqlite_of(s), "ROLLBACK TO undo", NULL, NULL, NULL);
	sqlite3_exec(db_sqlite_of(s), "RELEASE undo", NULL, NULL, NULL);
out:
	sqlite3_free(inverse);
	return rc;
}
