/*
 * json_backup.h: the whole database as one JSON document, and back.
 *
 * The document is {"format": "rapport", "schema": N, "tables": {TABLE: [ROW...]}}
 * with one object per row, keyed by the schema's column names, rows in
 * primary-key order: export -> import -> export gives the same bytes.
 */
#ifndef RAPPORT_JSON_BACKUP_H
#define RAPPORT_JSON_BACKUP_H

#include <stdio.h>

#include "store/store.h"

int backup_export(struct store *s, FILE *out, struct error *err);
/* Load a document into an empty database (inside the caller's transaction).
 * *rows receives the number of rows loaded. */
int backup_import(struct store *s, const char *path, long *rows, struct error *err);

#endif
