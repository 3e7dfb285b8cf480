/*
 * json_dump.h: the JSON dump of the whole database (`rapport export`) as
 * bytes, and back. The rows come from, and go to, the caller
 * (method/dump.h); nothing here reads or writes the store.
 *
 * The document is {"format": "rapport", "schema": N, "tables": {TABLE: [ROW...]}}
 * with one object per row, keyed by the schema's column names, rows in
 * primary-key order: export -> import -> export gives the same bytes.
 */
#ifndef RAPPORT_JSON_DUMP_H
#define RAPPORT_JSON_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/value.h"
#include "util/error.h"

/* ---- writing ---- */

struct json_dump_writer {
	FILE *out;
	size_t tables, rows; /* tables begun; rows of the current table */
	struct error *err;
};

/* The document's head, for a database of schema version `schema`. */
void json_dump_begin(struct json_dump_writer *w, FILE *out, int schema, struct error *err);
/* Begin the rows of table. */
void json_dump_table_begin(struct json_dump_writer *w, const char *table);
/* One row (a store_row_fn, with a struct json_dump_writer as ctx): 0, or
 * ERR_STORE when a value cannot be written (text that is not UTF-8). */
int json_dump_row(void *w, const char *const *columns, const struct cell_value *values,
		  size_t n);
void json_dump_table_end(struct json_dump_writer *w);
void json_dump_end(struct json_dump_writer *w);

/* ---- reading ---- */

struct json_dump_doc {
	void *doc;    /* the parsed document (a json_t) */
	void *tables; /* its "tables" object */
	int schema;
};

/* Read and check the document at path ("-": standard input): the format, a schema from 1 to
 * max_schema, and tables all named in the ntables of `tables`. On success
 * d holds it until json_dump_release. */
int json_dump_read(const char *path, int max_schema, const char *const *tables,
		   size_t ntables, struct json_dump_doc *d, struct error *err);
/* The same for a document already in memory (len bytes of text); path
 * names it in messages. */
int json_dump_parse(const char *text, size_t len, const char *path, int max_schema,
		    const char *const *tables, size_t ntables, struct json_dump_doc *d,
		    struct error *err);
bool json_dump_has_table(const struct json_dump_doc *d, const char *table);
/* Called with each row of a table, its values in the order of the columns
 * given; a non-zero return (with err filled in) stops the walk. */
typedef int (*json_dump_row_fn)(void *ctx, const struct cell_value *values,
				struct error *err);
/* Each row of table (which the document has) in turn, its fields checked
 * against columns (NULL-terminated, at most 32); *count grows by one a row. */
int json_dump_each_row(const struct json_dump_doc *d, const char *table,
		       const char *const *columns, json_dump_row_fn fn, void *ctx, long *count,
		       struct error *err);
void json_dump_release(struct json_dump_doc *d);

#endif
