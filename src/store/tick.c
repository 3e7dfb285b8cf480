/* tick.c: the mark of a run of the time rules that changed nothing (see tick.h). */
#include "store/tick.h"

#include "store/store_internal.h"

static const char SQL_TICK_GET[] = "SELECT key FROM tick_state WHERE id = 1";
static const char SQL_TICK_SET[] = "INSERT OR REPLACE INTO tick_state (id, key) VALUES (1, ?)";

/* The statement, or NULL when it cannot be prepared: a database made before
 * the table (by a development build at schema 4) has none. Then no mark is
 * read or left, and the rules run every time: a failure here only ever
 * costs time. */
static sqlite3_stmt *tick_stmt(struct store *s, const char *sql)
{
	struct error ignored = ERROR_INIT;

	return store_stmt(s, sql, &ignored);
}

int store_tick_is_current(struct store *s, const char *key, bool *current, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*current = false;
	if (!(st = tick_stmt(s, SQL_TICK_GET)))
		return 0;
	rc = store_step(s, st, "cannot read", err);
	if (rc == SQLITE_ROW) {
		const char *mark = (const char *)sqlite3_column_text(st, 0);
		*current = mark && !strcmp(mark, key);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : rc;
}

int store_tick_mark(struct store *s, const char *key, struct error *err)
{
	sqlite3_stmt *st;

	if (!(st = tick_stmt(s, SQL_TICK_SET)))
		return 0;
	bind_text(st, 1, key);
	return store_exec_stmt(s, st, "cannot record the time rules' run", err);
}

int64_t store_changes(struct store *s)
{
	return sqlite3_total_changes64(store_db(s));
}
