/* json_backup.c: export every table as JSON, and load such a document into an empty database. */
#include "io/json_backup.h"

#include <jansson.h>
#include <string.h>

#include "util/file_read.h"
#include "util/strbuf.h"

#define BACKUP_FORMAT "rapport"
/* Larger than any backup a person makes (as the importers' limit). */
#define BACKUP_FILE_MAX ((size_t)1 << 30)

struct dump_ctx {
	FILE *out;
	size_t rows;
	struct error *err;
};

static json_t *value_to_json(const struct store_value *v)
{
	switch (v->type) {
	case SQLITE_INTEGER:
		return json_integer(v->i);
	case SQLITE_FLOAT:
		return json_real(v->f);
	case SQLITE_TEXT:
		return json_string(v->text ? v->text : "");
	default:
		return json_null();
	}
}

static int dump_row(void *vctx, const char *const *columns, const struct store_value *values,
		    size_t n)
{
	struct dump_ctx *ctx = vctx;
	json_t *row = json_object();
	char *text;

	for (size_t i = 0; i < n; i++) {
		json_t *v = value_to_json(&values[i]);
		if (!v) {
			json_decref(row);
			return error_set(ctx->err, ERR_STORE,
					 "a value of column '%s' is not valid UTF-8", columns[i]);
		}
		json_object_set_new(row, columns[i], v);
	}
	text = json_dumps(row, JSON_COMPACT);
	json_decref(row);
	if (!text)
		return error_set(ctx->err, ERR_STORE, "cannot encode a row");
	fprintf(ctx->out, "%s\n      %s", ctx->rows ? "," : "", text);
	free(text);
	ctx->rows++;
	return 0;
}

int backup_export(struct store *s, FILE *out, struct error *err)
{
	fprintf(out, "{\n  \"format\": \"%s\",\n  \"schema\": %d,\n  \"tables\": {",
		BACKUP_FORMAT, store_schema_version());
	for (size_t t = 0; t < store_ntables; t++) {
		struct dump_ctx ctx = { out, 0, err };
		fprintf(out, "%s\n    \"%s\": [", t ? "," : "", store_tables[t]);
		if (store_dump_table(s, store_tables[t], dump_row, &ctx, err))
			return err->code;
		fprintf(out, "%s]", ctx.rows ? "\n    " : "");
	}
	fprintf(out, "\n  }\n}\n");
	return 0;
}

static int json_to_value(const json_t *j, struct store_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (json_typeof(j)) {
	case JSON_NULL:
		v->type = SQLITE_NULL;
		return 0;
	case JSON_INTEGER:
		v->type = SQLITE_INTEGER;
		v->i = json_integer_value(j);
		return 0;
	case JSON_REAL:
		v->type = SQLITE_FLOAT;
		v->f = json_real_value(j);
		return 0;
	case JSON_STRING:
		v->type = SQLITE_TEXT;
		v->text = json_string_value(j);
		return 0;
	default:
		return -1;
	}
}

static int load_table(struct store *s, const char *table, const json_t *rows, long *count,
		      struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	struct store_value values[32];
	size_t ncols = 0, i;
	json_t *row;

	if (!cols)
		return err->code;
	while (cols[ncols])
		ncols++;
	if (!json_is_array(rows))
		return error_set(err, ERR_INVALID, "table '%s' is not an array", table);
	json_array_foreach(rows, i, row) {
		const char *key;
		json_t *val;

		if (!json_is_object(row))
			return error_set(err, ERR_INVALID, "%s row %zu is not an object", table,
					 i + 1);
		json_object_foreach(row, key, val) {
			size_t c = 0;
			while (c < ncols && strcmp(cols[c], key))
				c++;
			if (c == ncols)
				return error_set(err, ERR_INVALID, "%s row %zu: unknown field '%s'",
						 table, i + 1, key);
		}
		for (size_t c = 0; c < ncols; c++) {
			json_t *j = json_object_get(row, cols[c]);
			if (!j)
				j = json_null();
			if (json_to_value(j, &values[c]))
				return error_set(err, ERR_INVALID,
						 "%s row %zu: field '%s' is not a number, a string "
						 "or null", table, i + 1, cols[c]);
		}
		if (store_load_row(s, table, values, err)) {
			char msg[sizeof(err->msg)];
			snprintf(msg, sizeof(msg), "%s", err->msg);
			return error_set(err, err->code, "%s row %zu: %s", table, i + 1, msg);
		}
		(*count)++;
	}
	return 0;
}

int backup_import(struct store *s, const char *path, long *rows, struct error *err)
{
	struct strbuf text = STRBUF_INIT;
	json_error_t jerr;
	json_t *doc, *tables, *format, *schema;
	const char *key;
	json_t *val;
	int rc = 0;

	*rows = 0;
	if (!store_is_empty(s))
		return error_set(err, ERR_CONFLICT,
				 "the database is not empty: import a backup into a new file "
				 "(use --db PATH)");
	if (file_read_regular(path, BACKUP_FILE_MAX, &text, err)) {
		strbuf_release(&text);
		return ERR_IO;
	}
	doc = json_loadb(text.buf, text.len, JSON_REJECT_DUPLICATES, &jerr);
	strbuf_release(&text);
	if (!doc)
		return error_set_at(err, ERR_INVALID, path, jerr.line, "%s", jerr.text);
	format = json_object_get(doc, "format");
	schema = json_object_get(doc, "schema");
	tables = json_object_get(doc, "tables");
	if (!json_is_string(format) || strcmp(json_string_value(format), BACKUP_FORMAT) ||
	    !json_is_integer(schema) || !json_is_object(tables)) {
		rc = error_set(err, ERR_INVALID, "%s is not a rapport export", path);
		goto out;
	}
	/* an older backup loads: its tables are a part of today's, and
	 * store_upgrade_loaded does what the migrations since did */
	if (json_integer_value(schema) > store_schema_version() ||
	    json_integer_value(schema) < 1) {
		rc = error_set(err, ERR_INVALID,
			       "%s has schema %lld; this rapport reads schemas 1 to %d%s", path,
			       (long long)json_integer_value(schema), store_schema_version(),
			       json_integer_value(schema) > store_schema_version()
				       ? ": upgrade rapport to read it" : "");
		goto out;
	}
	json_object_foreach(tables, key, val) {
		bool known = false;
		for (size_t t = 0; t < store_ntables; t++)
			known |= !strcmp(store_tables[t], key);
		if (!known) {
			rc = error_set(err, ERR_INVALID, "%s: unknown table '%s'", path, key);
			goto out;
		}
	}
	if (json_object_get(tables, "question") && (rc = store_clear_seeded(s, err)))
		goto out;
	for (size_t t = 0; t < store_ntables && !rc; t++) {
		json_t *rowsj = json_object_get(tables, store_tables[t]);
		if (rowsj)
			rc = load_table(s, store_tables[t], rowsj, rows, err);
	}
	if (!rc && json_integer_value(schema) < store_schema_version())
		rc = store_upgrade_loaded(s, (int)json_integer_value(schema), err);
	if (!rc)
		rc = store_optimize_search(s, err);
out:
	json_decref(doc);
	return rc;
}
