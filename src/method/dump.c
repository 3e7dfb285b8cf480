/* dump.c: every table to the JSON dump, and such a dump into an empty
 * database (see dump.h). */
#include "method/dump.h"

#include "io/json_dump.h"
#include "store/history.h"

int dump_export(struct store *s, FILE *out, struct error *err)
{
	struct json_dump_writer w;

	json_dump_begin(&w, out, store_schema_version(), err);
	for (size_t t = 0; t < store_ntables; t++) {
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
};

/* One row into the table (a json_dump_row_fn). */
static int load_row(void *vctx, const struct cell_value *values, struct error *err)
{
	struct load_ctx *ctx = vctx;

	return store_load_row(ctx->s, ctx->table, values, err);
}

static int load_table(struct store *s, const struct json_dump_doc *d, const char *table,
		      long *count, struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	struct load_ctx ctx = { s, table };

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
	if (json_dump_has_table(&d, "question") && (rc = store_clear_seeded(s, err)))
		goto out;
	for (size_t t = 0; t < store_ntables && !rc; t++)
		if (json_dump_has_table(&d, store_tables[t]))
			rc = load_table(s, &d, store_tables[t], rows, err);
	/* an older dump loads: its tables are a part of today's, and
	 * store_upgrade_loaded does what the migrations since did */
	if (!rc && d.schema < store_schema_version())
		rc = store_upgrade_loaded(s, d.schema, err);
	/* A document without the rules' record (not a rapport backup: made by a
	 * script, from last year's spreadsheet) brings history: its past
	 * interactions start no follow-ups. A backup restores what was. */
	if (!rc && !json_dump_has_table(&d, "rule_fire"))
		rc = store_mark_unruled_history(s, err);
	/* the rows' trigger took a planned interaction for a contact */
	if (!rc)
		rc = store_contact_settle(s, 0, err);
	if (!rc)
		rc = store_optimize_search(s, err);
out:
	json_dump_release(&d);
	return rc;
}
