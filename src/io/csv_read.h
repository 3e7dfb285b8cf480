/*
 * csv_read.h: reading a CSV file (RFC 4180 and what spreadsheets write) with
 * libcsv, row by row, each row with the line it starts on.
 *
 * A file goes through two steps:
 *
 *   csv_text_decode  the bytes as UTF-8: a UTF-8 byte order mark is dropped;
 *                    a file that is not valid UTF-8 is read as Windows-1252
 *                    (the superset of Latin-1 that spreadsheets on Windows
 *                    write), sequence by sequence, so that a UTF-8 file with
 *                    one stray byte keeps its other accents; UTF-16 is
 *                    refused with advice.
 *   csv_read_rows    every row that is not blank, to a callback: its fields
 *                    (a quoted field may hold commas, quotes and line breaks)
 *                    and the lines it spans. Lines may end with LF, CRLF or CR.
 *
 * A quoted field still open at the end of the file is an error naming the
 * line it starts on (everything after it would be swallowed into it).
 */
#ifndef RAPPORT_CSV_READ_H
#define RAPPORT_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "util/strbuf.h"

enum csv_encoding {
	CSV_UTF8,         /* valid UTF-8 (a BOM, if any, dropped) */
	CSV_WINDOWS_1252, /* not UTF-8 at all: converted from Windows-1252 / Latin-1 */
	CSV_MIXED,        /* UTF-8 with stray bytes, those read as Windows-1252 */
};

struct csv_text {
	char *buf; /* UTF-8, NUL-terminated (it may hold NUL bytes before len) */
	size_t len;
	enum csv_encoding encoding;
	bool bom;             /* the file started with a UTF-8 byte order mark */
	long first_bad_line;  /* the first line that was not UTF-8, or 0 */
};

/* Decode a file's bytes (see above). Fails only for UTF-16 and UTF-32. */
int csv_text_decode(const char *data, size_t len, struct csv_text *out, struct error *err);
void csv_text_release(struct csv_text *t);
/* "UTF-8", "UTF-8 with a byte order mark", "Windows-1252 (Latin-1)"... */
const char *csv_encoding_name(const struct csv_text *t);

struct csv_row {
	long line, end_line; /* the lines it starts and ends on (1-based) */
	size_t n;            /* how many fields */
	char **fields;       /* NUL-terminated, trimmed of spaces and tabs unless quoted */
	size_t *lens;        /* each field's length (a field may hold a NUL byte) */
	bool has_nul;        /* some field holds a NUL byte */
	size_t offset;       /* bytes of the text read so far (for a progress bar) */
};

/* Called for every row that has a non-empty field. Fields live until the
 * callback returns. A non-zero return stops the parse and is returned (a
 * positive one stops it without an error, as a header search does). */
typedef int (*csv_row_fn)(void *ctx, const struct csv_row *row, struct error *err);

int csv_read_rows(const char *text, size_t len, csv_row_fn fn, void *ctx, struct error *err);

/* A column name as a key for matching headers: ASCII letters and digits in
 * lower case, everything else dropped ("Date Applied", "date_applied" and
 * "DATE-APPLIED" all give "dateapplied"). */
void csv_name_key(struct strbuf *out, const char *name);

#endif
