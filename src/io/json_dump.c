/* json_dump.c: the JSON dump as bytes, and back (see json_dump.h). */
#include "io/json_dump.h"

#include <jansson.h>
#include <string.h>

#include "util/file_read.h"
#include "util/strbuf.h"

#define DUMP_FORMAT "rapport"
/* Larger than any dump a person makes (as the importers' limit). */
#define DUMP_FILE_MAX ((size_t)1 << 30)

/* ---- writing ---- */

static json_t *value_to_json(const struct cell_value *v)
{
	switch (v->type) {
	case VALUE_INTEGER:
		return json_integer(v->i);
	case VALUE_FLOAT:
		return json_real(v->f);
	case VALUE_TEXT:
		return json_string(v->text ? v->text : "");
	default:
		return json_null();
	}
}

void json_dump_begin(struct json_dump_writer *w, FILE *out, int schema, struct error *err)
{
	*w = (struct json_dump_writer){ .out = out, .err = err };
	fprintf(out, "{\n  \"format\": \"%s\",\n  \"schema\": %d,\n  \"tables\": {",
		DUMP_FORMAT, schema);
}

void json_dump_table_begin(struct json_dump_writer *w, const char *table)
{
	fprintf(w->out, "%s\n    \"%s\": [", w->tables ? "," : "", table);
	w->tables++;
	w->rows = 0;
}

int json_dump_row(void *vw, const char *const *columns, const struct cell_value *values,
		  size_t n)
{
	struct json_dump_writer *w = vw;
	json_t *row = json_object();
	char *text;

	for (size_t i = 0; i < n; i++) {
		json_t *v = value_to_json(&values[i]);
		if (!v) {
			json_decref(row);
			return error_set(w->err, ERR_STORE,
					 "a value of column '%s' is not valid UTF-8", columns[i]);
		}
		json_object_set_new(row, columns[i], v);
	}
	text = json_dumps(row, JSON_COMPACT);
	json_decref(row);
	if (!text)
		return error_set(w->err, ERR_STORE, "cannot encode a row");
	fprintf(w->out, "%s\n      %s", w->rows ? "," : "", text);
	free(text);
	w->rows++;
	return 0;
}

void json_dump_table_end(struct json_dump_writer *w)
{
	fprintf(w->out, "%s]", w->rows ? "\n    " : "");
}

void json_dump_end(struct json_dump_writer *w)
{
	fprintf(w->out, "\n  }\n}\n");
}

/* ---- reading ---- */

static int json_to_value(const json_t *j, struct cell_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (json_typeof(j)) {
	case JSON_NULL:
		v->type = VALUE_NULL;
		return 0;
	case JSON_INTEGER:
		v->type = VALUE_INTEGER;
		v->i = json_integer_value(j);
		return 0;
	case JSON_REAL:
		v->type = VALUE_FLOAT;
		v->f = json_real_value(j);
		return 0;
	case JSON_STRING:
		v->type = VALUE_TEXT;
		v->text = json_string_value(j);
		return 0;
	default:
		return -1;
	}
}

int json_dump_read(const char *path, int max_schema, const char *const *tables,
		   size_t ntables, struct json_dump_doc *d, struct error *err)
{
	struct strbuf text = STRBUF_INIT;
	int rc;

	memset(d, 0, sizeof(*d));
	if (file_read_named(path, DUMP_FILE_MAX, &text, err)) {
		strbuf_release(&text);
		return ERR_IO;
	}
	rc = json_dump_parse(text.buf, text.len, path, max_schema, tables, ntables, d, err);
	strbuf_release(&text);
	return rc;
}

int json_dump_parse(const char *text, size_t len, const char *path, int max_schema,
		    const char *const *tables, size_t ntables, struct json_dump_doc *d,
		    struct error *err)
{
	json_error_t jerr;
	json_t *doc, *tablesj, *format, *schema;
	const char *key;
	json_t *val;
	int rc = 0;

	memset(d, 0, sizeof(*d));
	doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return error_set_at(err, ERR_INVALID, path, jerr.line, "%s", jerr.text);
	format = json_object_get(doc, "format");
	schema = json_object_get(doc, "schema");
	tablesj = json_object_get(doc, "tables");
	if (!json_is_string(format) || strcmp(json_string_value(format), DUMP_FORMAT) ||
	    !json_is_integer(schema) || !json_is_object(tablesj)) {
		rc = error_set(err, ERR_INVALID, "%s is not a rapport export", path);
		goto fail;
	}
	/* an older dump loads: its tables are a part of today's, and the
	 * caller does what the migrations since did */
	if (json_integer_value(schema) > max_schema || json_integer_value(schema) < 1) {
		rc = error_set(err, ERR_INVALID,
			       "%s has schema %lld; this rapport reads schemas 1 to %d%s", path,
			       (long long)json_integer_value(schema), max_schema,
			       json_integer_value(schema) > max_schema
				       ? ": upgrade rapport to read it" : "");
		goto fail;
	}
	json_object_foreach(tablesj, key, val) {
		bool known = false;
		for (size_t t = 0; t < ntables; t++)
			known |= !strcmp(tables[t], key);
		if (!known) {
			rc = error_set(err, ERR_INVALID, "%s: unknown table '%s'", path, key);
			goto fail;
		}
	}
	d->doc = doc;
	d->tables = tablesj;
	d->schema = (int)json_integer_value(schema);
	return 0;
fail:
	json_decref(doc);
	return rc;
}

bool json_dump_has_table(const struct json_dump_doc *d, const char *table)
{
	return json_object_get(d->tables, table) != NULL;
}

int json_dump_each_row(const struct json_dump_doc *d, const char *table,
		       const char *const *cols, json_dump_row_fn fn, void *ctx, long *count,
		       struct error *err)
{
	const json_t *rows = json_object_get(d->tables, table);
	struct cell_value values[32];
	size_t ncols = 0, i;
	json_t *row;

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
		if (fn(ctx, values, err)) {
			char msg[sizeof(err->msg)];
			snprintf(msg, sizeof(msg), "%s", err->msg);
			return error_set(err, err->code, "%s row %zu: %s", table, i + 1, msg);
		}
		(*count)++;
	}
	return 0;
}

void json_dump_release(struct json_dump_doc *d)
{
	json_decref(d->doc);
	memset(d, 0, sizeof(*d));
}
