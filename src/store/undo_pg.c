/*
 * undo_pg.c: undo on PostgreSQL (undo.h), through the store's SQL alone.
 *
 * PostgreSQL has no session extension: a trigger on every data table
 * (schema_pg.c, migration 14: undo_record) writes each row a tracked
 * transaction changes into undo_change, with the row before and after as
 * JSON and its key, while the transaction's setting rapport.undo is on.
 * Saving gathers them, in order, into the entry's changes (jsonb) and
 * empties undo_change: writers take turns (the backend's write lock), so
 * whatever is there belongs to this transaction or to none. Taking an
 * entry back is the function undo_apply (schema_pg.c): each change undone
 * in reverse order, on the row only as the entry left it, and any other
 * row touched (a foreign key's action on a row made since) a conflict,
 * raised as SQLSTATE RU001 with its words (DB_FAIL_REFUSED).
 */
#include "store/undo_backend.h"

#include "store/store_internal.h"

static const char SQL_TRACK[] =
	"WITH gone AS (DELETE FROM undo_change) SELECT set_config('rapport.undo', 'track', true)";
static const char SQL_FORGET[] =
	"WITH gone AS (DELETE FROM undo_change) SELECT set_config('rapport.undo', '', true)";
static const char SQL_FORGET_ALL[] = "DELETE FROM undo_log";
#define CHANGES_OF_TRANSACTION                                                  \
	"(SELECT jsonb_agg(jsonb_build_object('tbl', tbl, 'op', op, 'key', key,"  \
	" 'okey', okey, 'old', old, 'new', new) ORDER BY seq) FROM undo_change"   \
	" WHERE tx = txid_current())"
static const char SQL_SAVE[] =
	"INSERT INTO undo_log (at, what, source, changes) SELECT ?1, ?2, ?3, "
	CHANGES_OF_TRANSACTION " WHERE EXISTS (SELECT 1 FROM undo_change WHERE tx = txid_current())";
static const char SQL_EXTEND[] =
	"UPDATE undo_log SET changes = changes || " CHANGES_OF_TRANSACTION
	" WHERE id = ?1 AND undone_at IS NULL"
	" AND EXISTS (SELECT 1 FROM undo_change WHERE tx = txid_current())";
static const char SQL_ANY[] = "SELECT EXISTS (SELECT 1 FROM undo_change WHERE tx = txid_current())";
static const char SQL_TRIM[] = "DELETE FROM undo_log WHERE id <= ?";
static const char SQL_APPLY[] =
	"SELECT undo_apply(changes) FROM undo_log WHERE id = ?1 AND undone_at IS NULL";
static const char SQL_MARK[] =
	"UPDATE undo_log SET undone_at = ?, changes = NULL WHERE id = ?";

static int exec_static(struct store *s, const char *sql, const char *doing, struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	return st ? store_exec_stmt(s, st, doing, err) : ERR_STORE;
}

int pg_undo_track(struct store *s, struct error *err)
{
	return exec_static(s, SQL_TRACK, "cannot record the changes", err);
}

/* In a transaction only: after a rollback there is nothing left to drop
 * (the setting and the rows were the transaction's). */
void pg_undo_forget(struct store *s)
{
	struct error ignored = ERROR_INIT;

	if (store_in_transaction(s))
		exec_static(s, SQL_FORGET, "", &ignored);
}

int pg_undo_abandon(struct store *s, struct error *err)
{
	if (exec_static(s, SQL_FORGET, "cannot forget the undo history", err))
		return err->code;
	return exec_static(s, SQL_FORGET_ALL, "cannot forget the undo history", err);
}

/* Keep the newest UNDO_KEEP entries, then stop recording. */
static int trim_and_stop(struct store *s, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TRIM, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id - UNDO_KEEP);
	if (store_exec_stmt(s, st, "cannot trim the undo history", err))
		return err->code;
	return exec_static(s, SQL_FORGET, "cannot record the changes", err);
}

int pg_undo_save(struct store *s, const char *what, const char *source, int64_t *id,
		 struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SAVE, err);

	*id = 0;
	if (!st)
		return ERR_STORE;
	bind_text(st, 1, store_instant(s));
	bind_text(st, 2, what);
	bind_text(st, 3, source);
	if (store_exec_stmt(s, st, "cannot record the changes", err))
		return err->code;
	if (store_changes(s))
		*id = store_last_id(s);
	return *id ? trim_and_stop(s, *id, err)
		   : exec_static(s, SQL_FORGET, "cannot record the changes", err);
}

int pg_undo_save_more(struct store *s, const char *what, const char *source, int64_t *id,
		      struct error *err)
{
	struct db_stmt *st;
	int64_t any = 0;

	if (!*id)
		return pg_undo_save(s, what, source, id, err);
	if (!(st = store_stmt(s, SQL_ANY, err)) ||
	    store_number(s, st, &any, "cannot record the changes", err))
		return ERR_STORE;
	if (!any)
		return exec_static(s, SQL_FORGET, "cannot record the changes", err);
	if (!(st = store_stmt(s, SQL_EXTEND, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, *id);
	if (store_exec_stmt(s, st, "cannot record the changes", err))
		return err->code;
	if (!store_changes(s)) /* undone meanwhile: an entry of its own */
		return pg_undo_save(s, what, source, id, err);
	return exec_static(s, SQL_FORGET, "cannot record the changes", err);
}

static int mark_undone(struct store *s, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MARK, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, store_instant(s));
	db_bind_int64(st, 2, id);
	return store_exec_stmt(s, st, "cannot mark the change undone", err);
}

int pg_undo_apply(struct store *s, int64_t id, struct error *err)
{
	struct error ignored = ERROR_INIT;
	struct db_stmt *st;
	int rc;

	/* a savepoint of its own: a refused undo leaves the transaction as it was */
	if (store_exec_sql(s, "SAVEPOINT undo", "cannot undo", err))
		return ERR_STORE;
	if (!(st = store_stmt(s, SQL_APPLY, err))) {
		rc = ERR_STORE;
		goto out;
	}
	db_bind_int64(st, 1, id);
	rc = store_step(s, st, "cannot undo", err);
	db_reset(st);
	if (rc == DB_DONE)
		rc = error_set(err, ERR_NOT_FOUND, "no change %lld to undo", (long long)id);
	else if (rc == DB_ROW)
		rc = mark_undone(s, id, err);
out:
	if (rc)
		store_exec_sql(s, "ROLLBACK TO undo", "", &ignored);
	store_exec_sql(s, "RELEASE undo", "", &ignored);
	return rc;
}
