/*
 * dump.h: the whole database as one JSON document (`rapport export`), and
 * back into an empty database (`rapport import json`). This walks the
 * store; io/json_dump.h turns the rows into the document and back. (A copy
 * of the database file itself is store/backup.h.)
 */
#ifndef RAPPORT_DUMP_H
#define RAPPORT_DUMP_H

#include <stdio.h>

#include "io/json_dump.h"
#include "store/store.h"
#include "util/error.h"

int dump_export(struct store *s, FILE *out, struct error *err);
/* The same with the first ntables of store_tables (store_ntables_moved:
 * with the bookkeeping a move carries). */
int dump_export_tables(struct store *s, FILE *out, size_t ntables, struct error *err);
/* Load a document into an empty database (inside the caller's transaction).
 * *rows receives the number of rows loaded. A document with no rule_fire
 * table (not made by rapport) is history: its past interactions are marked
 * so that they start no rules (store/history.h). */
int dump_import(struct store *s, const char *path, long *rows, struct error *err);

/* What a load does to each row before it goes in (method/move.c moves the
 * ids into an account's range): values, in the order of cols, may be
 * rewritten in place; a non-zero return (err filled in) stops the load. */
struct dump_map {
	int (*fn)(void *ctx, const char *table, const char *const *cols,
		  struct cell_value *values, struct error *err);
	void *ctx;
};
/* A parsed document into the store (inside the caller's transaction), each
 * row through map when it is not NULL: dump_import's load, for a database
 * the caller found empty. */
int dump_load(struct store *s, const struct json_dump_doc *d, const struct dump_map *map,
	      long *rows, struct error *err);

#endif
