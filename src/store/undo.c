/*
 * undo.c: taking back the last change (undo.h): the history, read alike on
 * every backend, and the recording and applying, each backend's own
 * (undo_backend.h: SQLite's session extension, PostgreSQL's triggers).
 */
#include "store/undo_backend.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static const char SQL_UNDO_LATEST[] =
	"SELECT id, at, what, source, undone_at IS NOT NULL FROM undo_log"
	" WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1";
static const char SQL_UNDO_GET[] =
	"SELECT id, at, what, source, undone_at IS NOT NULL FROM undo_log WHERE id = ?";
static const char SQL_UNDO_LIST[] =
	"SELECT id, at, what, source, undone_at IS NOT NULL FROM undo_log"
	" WHERE undone_at IS NULL ORDER BY id DESC LIMIT ?";

void undo_entry_release(struct undo_entry *e)
{
	free(e->at);
	free(e->what);
	free(e->source);
	memset(e, 0, sizeof(*e));
}

void undo_entry_vec_release(undo_entry_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		undo_entry_release(&v->items[i]);
	free(v->items);
	memset(v, 0, sizeof(*v));
}

int store_undo_track(struct store *s, struct error *err)
{
	return store_speaks_pg(s) ? pg_undo_track(s, err) : sqlite_undo_track(s, err);
}

void store_undo_forget(struct store *s)
{
	if (store_speaks_pg(s))
		pg_undo_forget(s);
	else
		sqlite_undo_forget(s);
}

int store_undo_abandon(struct store *s, struct error *err)
{
	return store_speaks_pg(s) ? pg_undo_abandon(s, err) : sqlite_undo_abandon(s, err);
}

int store_undo_save(struct store *s, const char *what, const char *source, int64_t *id,
		    struct error *err)
{
	return store_speaks_pg(s) ? pg_undo_save(s, what, source, id, err)
				  : sqlite_undo_save(s, what, source, id, err);
}

int store_undo_save_more(struct store *s, const char *what, const char *source, int64_t *id,
			 struct error *err)
{
	return store_speaks_pg(s) ? pg_undo_save_more(s, what, source, id, err)
				  : sqlite_undo_save_more(s, what, source, id, err);
}

int store_undo_apply(struct store *s, int64_t id, struct error *err)
{
	return store_speaks_pg(s) ? pg_undo_apply(s, id, err) : sqlite_undo_apply(s, id, err);
}

/* ---- reading the history ---- */

static void read_entry(struct db_stmt *st, void *out)
{
	struct undo_entry *e = out;

	e->id = db_column_int64(st, 0);
	e->at = col_stamp(st, 1);
	e->what = col_text(st, 2);
	e->source = col_text(st, 3);
	e->undone = db_column_int(st, 4);
}

static void push_entry(struct db_stmt *st, void *vec)
{
	read_entry(st, VEC_PUSH((undo_entry_vec *)vec));
}

static int read_one(struct store *s, struct db_stmt *st, struct undo_entry *out, const char *none,
		    struct error *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = store_first(s, st, read_entry, out, "cannot read the undo history", err);
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "%s", none);
	return rc < 0 ? rc : 0;
}

int store_undo_latest(struct store *s, struct undo_entry *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_LATEST, err);

	return st ? read_one(s, st, out, "nothing to undo", err) : ERR_STORE;
}

int store_undo_get(struct store *s, int64_t id, struct undo_entry *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_GET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return read_one(s, st, out, "no such change in the undo history", err);
}

int store_undo_list(struct store *s, int limit, undo_entry_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNDO_LIST, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, limit);
	return store_each(s, st, push_entry, out, "cannot read the undo history", err);
}
