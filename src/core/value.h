/*
 * value.h: one cell of a table, as SQLite types it: what the store dumps
 * and loads row by row, and what the JSON dump (io/json_dump.h) turns into
 * JSON and back.
 */
#ifndef RAPPORT_VALUE_H
#define RAPPORT_VALUE_H

#include <sqlite3.h>
#include <stdint.h>

struct cell_value {
	int type; /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
	int64_t i;
	double f;
	const char *text;
};

#endif
