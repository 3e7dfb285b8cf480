/*
 * value.h: one cell of a table: what the store dumps and loads row by row,
 * and what the JSON dump (io/json_dump.h) turns into JSON and back. Its
 * types are rapport's own, whatever database the store runs on.
 */
#ifndef RAPPORT_VALUE_H
#define RAPPORT_VALUE_H

#include <stdint.h>

enum value_type {
	VALUE_NULL,
	VALUE_INTEGER,
	VALUE_FLOAT,
	VALUE_TEXT,
	VALUE_BLOB, /* bytes: no table the dump holds has any; dumped as null */
};

struct cell_value {
	int type; /* an enum value_type */
	int64_t i;
	double f;
	const char *text;
};

#endif
