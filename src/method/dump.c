/* dump.c: every table to the JSON dump, and such a dump into an empty
 * database (see dump.h). */
#include "method/dump.h"

#include <string.h>

#include "io/json_dump.h"
#include "store/history.h"

int dump_export(struct store *s, FILE *out, struct error *err)
{
	return dump_export_tables(s, out, store_ntables, err);
}

int dump_export_tables(struct store *s, FILE *out, size_t ntables, struct error *err)
{
	struct json_dump_writer w;

	json_dump_begin(&w, out, store_schema_version(), err);
	for (size_t t = 0; t < ntables; t++) {
		json_dump_table_begin(&w, store_tables[t]);
		if (store_dump_table(s, store_tables[t], json_dump_row, &w, err))
			return err->code;
		json_dump_table_end(&w);
	}
	json_dump_end(&w);
	return 0;
}

struct load_ctx {
	struct store *s;
	const char *table;
	const char *const *cols;
	const struct dump_map *map;
};

/* One row into the table (a json_dump_row_fn), through the map if any. */
static int load_row(void *vctx, const struct cell_value *values, struct error *err)
{
	struct load_ctx *ctx = vctx;
	struct cell_value mapped[32];
	size_t n = 0;

	if (!ctx->map)
		return store_load_row(ctx->s, ctx->table, values, err);
	while (ctx->cols[n])
		n++;
	memcpy(mapped, values, n * sizeof(*mapped)); /* json_dump_each_row: n <= 32 */
	if (ctx->map->fn(ctx->map->ctx, ctx->table, ctx->cols, mapped, err))
		return err->code;
	return store_load_row(ctx->s, ctx->table, mapped, err);
}

static int load_table(struct store *s, const struct json_dump_doc *d, const char *table,
		      const struct dump_map *map, long *count, struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	struct load_ctx ctx = { s, table, cols, map };

	if (!cols)
		return err->code;
	return json_dump_each_row(d, table, cols, load_row, &ctx, count, err);
}

int dump_import(struct store *s, const char *path, long *rows, struct error *err)
{
	struct json_dump_doc d;
	int rc;

	*rows = 0;
	if (!store_is_empty(s))
		return error_set(err, ERR_CONFLICT,
				 "the database is not empty: import a backup into a new file "
				 "(use --db PATH)");
	if ((rc = json_dump_read(path, store_schema_version(), store_tables, store_ntables, &d,
				 err)))
		return rc;
	rc = dump_load(s, &d, NULL, rows, err);
	json_dump_release(&d);
	return rc;
}

int dump_load(struct store *s, const struct json_dump_doc *d, const struct dump_map *map,
	      long *rows, struct error *err)
{
	int rc = 0;

	if (json_dump_has_table(d, "question") && (rc = store_clear_seeded(s, err)))
		return rc;
	/* a document read for an import has none of the bookkeeping tables:
	 * json_dump_read refused them (only a move carries them) */
	for (size_t t = 0; t < store_ntables_moved && !rc; t++)
		if (json_dump_has_table(d, store_tables[t]))
			rc = load_table(s, d, store_tables[t], map, rows, err);
	/* an older dump loads: its tables are a part of today's, and
	 * store_upgrade_loaded does what the migrations since did */
	if (!rc && d->schema < store_schema_version())
		rc = store_upgrade_loaded(s, d->schema, err);
	/* A document without the rules' record (not a rapport backup: made by a
	 * script, from last year's spreadsheet) brings history: its past
	 * interactions start no follow-ups. A backup restores what was. */
	if (!rc && !json_dump_has_table(d, "rule_fire"))
		rc = store_mark_unruled_history(s, err);
	/* the rows' trigger took a planned interaction for a contact */
	if (!rc)
		rc = store_contact_settle(s, 0, err);
	if (!rc)
		rc = store_optimize_search(s, err);
	return rc;
}
