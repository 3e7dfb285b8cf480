/*
 * db_sqlite_rows.c: rows that C holds, read by SQL as a table (db.h's
 * rows_open): an eponymous virtual table, registered for as long as the
 * statements that read it run. No copies: SQLite reads the caller's text
 * where it lies (the import's queue; the SQL printf of a UID cost 4% of
 * an import, the copies as much).
 */
#include "store/db_sqlite.h"

#include <string.h>

struct rows_vtab {
	sqlite3_vtab base;
	const struct db_rows *rows;
};

struct rows_cursor {
	sqlite3_vtab_cursor base;
	const struct db_rows *rows;
	size_t i;
	char scratch[DB_ROWS_SCRATCH];
};

static int rows_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
			sqlite3_vtab **out, char **errmsg)
{
	const struct db_rows *rows = aux;
	char *decl = sqlite3_mprintf("CREATE TABLE x(%s)", rows->columns);
	struct rows_vtab *t;
	int rc;

	(void)argc, (void)argv, (void)errmsg;
	if (!decl)
		return SQLITE_NOMEM;
	rc = sqlite3_declare_vtab(db, decl);
	sqlite3_free(decl);
	if (rc != SQLITE_OK)
		return rc;
	if (!(t = sqlite3_malloc(sizeof(*t))))
		return SQLITE_NOMEM;
	memset(t, 0, sizeof(*t));
	t->rows = rows;
	*out = &t->base;
	return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *t)
{
	sqlite3_free(t);
	return SQLITE_OK;
}

/* One way to read it: in order, which is the order of the first column. */
static int rows_best_index(sqlite3_vtab *t, sqlite3_index_info *info)
{
	const struct db_rows *rows = ((struct rows_vtab *)t)->rows;

	info->estimatedCost = (double)rows->n;
	info->estimatedRows = (sqlite3_int64)rows->n;
	if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == 0 && !info->aOrderBy[0].desc)
		info->orderByConsumed = 1;
	return SQLITE_OK;
}

static int rows_cursor_open(sqlite3_vtab *t, sqlite3_vtab_cursor **out)
{
	struct rows_cursor *c = sqlite3_malloc(sizeof(*c));

	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	c->rows = ((struct rows_vtab *)t)->rows;
	*out = &c->base;
	return SQLITE_OK;
}

static int rows_cursor_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *vc, int idx_num, const char *idx_str, int argc,
		       sqlite3_value **argv)
{
	(void)idx_num, (void)idx_str, (void)argc, (void)argv;
	((struct rows_cursor *)vc)->i = 0;
	return SQLITE_OK;
}

static int rows_next(sqlite3_vtab_cursor *vc)
{
	((struct rows_cursor *)vc)->i++;
	return SQLITE_OK;
}

static int rows_eof(sqlite3_vtab_cursor *vc)
{
	const struct rows_cursor *c = (const struct rows_cursor *)vc;

	return c->i >= c->rows->n;
}

static int rows_column(sqlite3_vtab_cursor *vc, sqlite3_context *ctx, int col)
{
	struct rows_cursor *c = (struct rows_cursor *)vc;
	struct db_cell cell = { .len = -1 };

	c->rows->cell(c->rows->ctx, c->i, col, &cell, c->scratch);
	if (cell.type == VALUE_INTEGER)
		sqlite3_result_int64(ctx, cell.i);
	else if (cell.type == VALUE_TEXT && cell.text)
		/* the scratch changes with the next cell: copied; the rest stays */
		sqlite3_result_text(ctx, cell.text, cell.len,
				    cell.text == c->scratch ? SQLITE_TRANSIENT : SQLITE_STATIC);
	else
		sqlite3_result_null(ctx);
	return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *vc, sqlite3_int64 *rowid)
{
	const struct rows_cursor *c = (const struct rows_cursor *)vc;

	*rowid = (sqlite3_int64)c->i + 1;
	return SQLITE_OK;
}

/* Eponymous only (no xCreate): read as a table-valued function, never made
 * in the schema. */
static const sqlite3_module rows_module = {
	.xConnect = rows_connect,
	.xBestIndex = rows_best_index,
	.xDisconnect = rows_disconnect,
	.xOpen = rows_cursor_open,
	.xClose = rows_cursor_close,
	.xFilter = rows_filter,
	.xNext = rows_next,
	.xEof = rows_eof,
	.xColumn = rows_column,
	.xRowid = rows_rowid,
};

int db_sqlite_rows_open(struct db_conn *c, const char *name, const struct db_rows *rows)
{
	return db_sqlite_failure(sqlite3_create_module_v2(db_sqlite_handle(c), name, &rows_module,
							  (void *)rows, NULL));
}

void db_sqlite_rows_close(struct db_conn *c, const char *name)
{
	sqlite3_create_module_v2(db_sqlite_handle(c), name, NULL, NULL, NULL);
}
