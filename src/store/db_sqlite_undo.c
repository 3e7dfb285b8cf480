/* db_sqlite_undo.c: undo on SQLite: a transaction's changes as a session changeset (undo.h). */
#include "store/undo_backend.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/db_sqlite.h"
#include "store/store_internal.h"

static const char SQL_UNDO_ADD[] =
	"INSERT INTO undo_log (at, what, source, changes) VALUES (?, ?, ?, ?)";
static const char SQL_UNDO_TRIM[] = "DELETE FROM undo_log WHERE id <= ?";

/* A session on every data table. Attached children first (the reverse of
 * store_tables' load order): a changeset lists its tables in the order they
 * were attached, and its inverse removes rows in that order, so a child row
 * goes before its parent and no ON DELETE action fires on rows the undo
 * removes anyway. */
static int open_session(struct store *s, sqlite3_session **out, struct error *err)
{
	int rc;

	*out = NULL;
	rc = sqlite3session_create(db_sqlite_of(s), "main", out);
	for (size_t i = store_ntables; rc == SQLITE_OK && i-- > 0;)
		rc = sqlite3session_attach(*out, store_tables[i]);
	if (rc == SQLITE_OK)
		return 0;
	if (*out) /* sqlite3session_delete does not take NULL: out of memory made none */
		sqlite3session_delete(*out);
	*out = NULL;
	return error_set(err, ERR_STORE, "cannot record the changes: %s", sqlite3_errstr(rc));
}

int sqlite_undo_track(struct store *s, struct error *err)
{
	sqlite_undo_forget(s);
	return open_session(s, db_sqlite_undo_slot(s), err);
}

void sqlite_undo_forget(struct store *s)
{
	sqlite3_session **slot = db_sqlite_owns(s) ? db_sqlite_undo_slot(s) : NULL;

	if (slot && *slot) {
		sqlite3session_delete(*slot);
		*slot = NULL;
	}
}

int sqlite_undo_abandon(struct store *s, struct error *err)
{
	struct db_stmt *st;

	if (!db_sqlite_owns(s) || !*db_sqlite_undo_slot(s))
		return 0;
	sqlite_undo_forget(s);
	if (!(st = store_stmt(s, "DELETE FROM undo_log", err)))
		return ERR_STORE;
	return store_exec_stmt(s, st, "cannot forget the undo history", err);
}

static int add_entry(struct store *s, const char *what, const char *source, const void *blob,
		     int n, int64_t *id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_ADD, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, store_instant(s));
	bind_text(st, 2, what);
	bind_text(st, 3, source);
	if (sqlite3_bind_blob(db_sqlite_stmt(st), 4, blob, n, SQLITE_STATIC) != SQLITE_OK) {
		db_reset(st);
		return error_set(err, ERR_STORE, "cannot record the changes: out of memory");
	}
	if (store_exec_stmt(s, st, "cannot record the changes", err))
		return ERR_STORE;
	db_clear_bindings(st); /* the blob is freed next */
	*id = store_last_id(s);
	if (!(st = store_stmt(s, SQL_UNDO_TRIM, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, *id - UNDO_KEEP);
	return store_exec_stmt(s, st, "cannot trim the undo history", err);
}

/* What the session recorded (*n 0, *blob NULL when there is no session),
 * and the session stopped. */
static int take_changes(struct store *s, void **blob, int *n, struct error *err)
{
	sqlite3_session *ses = db_sqlite_owns(s) ? *db_sqlite_undo_slot(s) : NULL;
	int rc;

	*blob = NULL;
	*n = 0;
	if (!ses)
		return 0;
	/* Not sqlite3session_isempty first: a session that ran out of memory
	 * while recording can look empty, and only the changeset reports its
	 * error. The change would then be kept without its undo entry, and
	 * undo would skip over it to the change before. */
	rc = sqlite3session_changeset(ses, n, blob);
	sqlite_undo_forget(s);
	if (rc != SQLITE_OK)
		return error_set(err, ERR_STORE, "cannot record the changes: %s",
				 sqlite3_errstr(rc));
	return 0;
}

int sqlite_undo_save(struct store *s, const char *what, const char *source, int64_t *id,
		    struct error *err)
{
	void *blob;
	int n, rc;

	*id = 0;
	if ((rc = take_changes(s, &blob, &n, err)))
		return rc;
	rc = n > 0 ? add_entry(s, what, source, blob, n, id, err) : 0;
	sqlite3_free(blob);
	return rc;
}

static const char SQL_UNDO_CHANGES[] =
	"SELECT changes FROM undo_log WHERE id = ? AND undone_at IS NULL";
static const char SQL_UNDO_SET_CHANGES[] = "UPDATE undo_log SET changes = ?2 WHERE id = ?1";

/* Entry id's changes followed by blob's (n bytes), as one changeset kept
 * in its place; 1 when the entry is gone (undone or trimmed meanwhile). */
static int extend_entry(struct store *s, int64_t id, const void *blob, int n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_CHANGES, err);
	sqlite3_changegroup *g = NULL;
	void *both = NULL;
	int nboth = 0, rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	if ((rc = store_step(s, st, "cannot read the undo history", err)) != DB_ROW)
		return rc == DB_DONE ? 1 : rc;
	rc = sqlite3changegroup_new(&g);
	if (rc == SQLITE_OK)
		rc = sqlite3changegroup_add(g, db_column_bytes(st, 0),
					    (void *)sqlite3_column_blob(db_sqlite_stmt(st), 0));
	db_reset(st);
	if (rc == SQLITE_OK)
		rc = sqlite3changegroup_add(g, n, (void *)blob);
	if (rc == SQLITE_OK)
		rc = sqlite3changegroup_output(g, &nboth, &both);
	if (g)
		sqlite3changegroup_delete(g);
	if (rc != SQLITE_OK)
		return error_set(err, ERR_STORE, "cannot record the changes: %s",
				 sqlite3_errstr(rc));
	if (!(st = store_stmt(s, SQL_UNDO_SET_CHANGES, err))) {
		sqlite3_free(both);
		return ERR_STORE;
	}
	db_bind_int64(st, 1, id);
	rc = sqlite3_bind_blob(db_sqlite_stmt(st), 2, both, nboth, SQLITE_STATIC) == SQLITE_OK
		     ? store_exec_stmt(s, st, "cannot record the changes", err)
		     : error_set(err, ERR_STORE, "cannot record the changes: out of memory");
	db_clear_bindings(st); /* the blob is freed next */
	sqlite3_free(both);
	return rc;
}

int sqlite_undo_save_more(struct store *s, const char *what, const char *source, int64_t *id,
			 struct error *err)
{
	void *blob;
	int n, rc;

	if (!*id)
		return sqlite_undo_save(s, what, source, id, err);
	if ((rc = take_changes(s, &blob, &n, err)))
		return rc;
	rc = n > 0 ? extend_entry(s, *id, blob, n, err) : 0;
	if (rc == 1) /* gone: what follows is an entry of its own */
		rc = add_entry(s, what, source, blob, n, id, err);
	sqlite3_free(blob);
	return rc;
}
