/*
 * dump.h: the whole database as one JSON document (`rapport export`), and
 * back into an empty database (`rapport import json`). This walks the
 * store; io/json_dump.h turns the rows into the document and back. (A copy
 * of the database file itself is store/backup.h.)
 */
#ifndef RAPPORT_DUMP_H
#define RAPPORT_DUMP_H

#include <stdio.h>

#include "store/store.h"
#include "util/error.h"

int dump_export(struct store *s, FILE *out, struct error *err);
/* Load a document into an empty database (inside the caller's transaction).
 * *rows receives the number of rows loaded. A document with no rule_fire
 * table (not made by rapport) is history: its past interactions are marked
 * so that they start no rules (store/history.h). */
int dump_import(struct store *s, const char *path, long *rows, struct error *err);

#endif
