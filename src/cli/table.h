/*
 * table.h: the one writer of the list commands' rows, in the format the
 * user asked for with --format: an aligned table for a person (cut to the
 * terminal's width), tab-separated values for a script (awk -F'\t').
 *
 * A list declares its columns once, adds its rows cell by cell in column
 * order, and prints the table into cli->out. Under --json (or --format
 * json) table_print prints nothing: the list's JSON is its output.
 */
#ifndef RAPPORT_TABLE_H
#define RAPPORT_TABLE_H

#include "cli/cli.h"

enum table_col_flags {
	COL_RIGHT = 1 << 0,      /* a number: right-aligned in its width */
	COL_FREE = 1 << 1,       /* free text: where a row too wide is cut ("…") */
	COL_IF_SET = 1 << 2,     /* table: left out, separator and all, when empty */
	COL_TSV_ONLY = 1 << 3,   /* an id or a raw value a script wants, not shown */
	COL_TABLE_ONLY = 1 << 4, /* a decoration ("[off]") with a raw TSV column beside */
};

struct table_col {
	const char *name; /* the header in TSV: lowercase, no spaces */
	/* table: padded to the widest cell, and to at least this; 0: not
	 * padded (a column at the end, or one a decoration follows) */
	unsigned width;
	const char *sep; /* table: what comes before the cell; NULL: two spaces */
	unsigned flags;
};

struct table {
	const struct table_col *cols;
	size_t ncols;
	/* row after row, ncols + 1 a row (the last is the notes): where each
	 * cell starts in text, plus one (0: an empty cell). One buffer for all
	 * the cells, not a copy each: an agenda of 500 rows made 7,000 of them. */
	struct cells {
		size_t *items;
		size_t n, alloc;
	} cells;
	struct strbuf text; /* the cells, each ended by a NUL */
};

void table_init(struct table *t, const struct table_col *cols, size_t ncols);
void table_release(struct table *t);
/* The next cell, in column order: a new row starts after the last column.
 * NULL is an empty cell. */
void table_add(struct table *t, const char *value);
void table_addf(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A number, or an empty cell when id is 0 (no organisation, no person). */
void table_add_id(struct table *t, int64_t id);
/* A line under the row just completed (table only: "why: ..."); its data
 * belongs in a TSV_ONLY column too. */
void table_note(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print t into cli->out in cli->format (nothing under JSON), and release it.
 * A table is cut to the terminal's width (see table_columns). */
void table_print(struct cli *cli, struct table *t);
/* Whether the output is tab-separated values: what a list with sections
 * (the agenda) prints as one table rather than one a section. */
bool table_is_tsv(const struct cli *cli);

/* The columns a table must fit: $COLUMNS when set, else the terminal's
 * width when standard output is one, else 0: no limit, a script reading a
 * pipe gets whole values. */
size_t table_columns(void);
/* s in exactly width display columns: padded, or cut with an ellipsis. */
void table_add_fitted(struct strbuf *sb, const char *s, size_t width);

/* --format's value: 0, or a usage error with a did-you-mean. */
int table_parse_format(const char *value, enum cli_format *out, struct error *err);

#endif
