/* move.c: the store's part of moving data into an account and back (see
 * move.h). */
#include "store/move.h"

#include <stdio.h>
#include <string.h>

#include "store/account.h"
#include "store/store.h"
#include "store/store_internal.h"

int store_move_account(struct store *s, int64_t *id, struct error *err)
{
	struct db_stmt *st;

	*id = 0;
	if (account_require(s, err) || !(st = store_stmt(s, "SELECT rapport_account()", err)) ||
	    store_number(s, st, id, "cannot read the account", err))
		return err->code ? err->code : ERR_STORE;
	if (*id <= 0)
		return error_set(err, ERR_INVALID,
				 "no account to act for: say which with --account");
	return 0;
}

/* What SQLite keeps beside the backup's tables: the time rules' marks, the
 * undo history, the mail bookkeeping. */
static const char *const bookkeeping_tables[] = {
	"tick_state", "tick_dirty",  "rule_next",    "undo_log",
	"mail_file",  "mail_folder", "search_defer",
};

static int delete_all(struct store *s, const char *table, struct error *err)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "DELETE FROM %s", table);
	return store_exec_sql(s, sql, "cannot empty the database", err);
}

int store_move_clear(struct store *s, struct error *err)
{
	/* the backup's tables in reverse, so a row goes before those it names */
	for (size_t t = store_ntables; t-- > 0;)
		if (delete_all(s, store_tables[t], err))
			return ERR_STORE;
	for (size_t t = 0; t < ARRAY_SIZE(bookkeeping_tables); t++)
		if (delete_all(s, bookkeeping_tables[t], err))
			return ERR_STORE;
	/* PostgreSQL's own (the undo triggers' rows, the search index, filled by
	 * triggers): the account's, named as such though the walls hold too */
	if (store_speaks_pg(s) &&
	    store_exec_sql(s,
			   "DELETE FROM undo_change WHERE account_id = rapport_account();"
			   "DELETE FROM search_index WHERE account_id = rapport_account()",
			   "cannot empty the account", err))
		return ERR_STORE;
	return 0;
}

static const char SQL_RESERVE[] =
	"SELECT setval(q, greatest(?2, coalesce(p.last_value, 0)))"
	" FROM pg_get_serial_sequence(?1, 'id') AS q JOIN pg_sequences p"
	" ON q::regclass = format('%I.%I', p.schemaname, p.sequencename)::regclass";

int store_move_reserve(struct store *s, int64_t past, struct error *err)
{
	if (!store_speaks_pg(s))
		return 0;
	for (size_t t = 0; t < store_ntables; t++) {
		const char *const *cols = store_table_columns(s, store_tables[t], err);
		struct db_stmt *st;
		int64_t ignored;

		if (!cols)
			return err->code;
		if (!cols[0] || strcmp(cols[0], "id"))
			continue;
		if (!(st = store_stmt(s, SQL_RESERVE, err)))
			return ERR_STORE;
		bind_text(st, 1, store_tables[t]);
		bind_id(st, 2, past);
		if (store_number(s, st, &ignored, "cannot reserve the account's ids", err))
			return ERR_STORE;
	}
	return 0;
}
