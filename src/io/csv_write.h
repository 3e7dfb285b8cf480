/*
 * csv_write.h: writing CSV as RFC 4180 describes it, safe to open in a
 * spreadsheet.
 *
 * Rows end with CRLF; a cell that holds a comma, a double quote, a CR or an
 * LF is quoted, its quotes doubled. A cell that starts with =, +, -, @, a
 * tab or a CR gets a single quote (') in front: a spreadsheet would
 * otherwise run it as a formula ("=HYPERLINK(...)", "@SUM(...)"), a way to
 * attack whoever opens the file. Text is written as it is (UTF-8), with no
 * byte order mark unless the caller adds one (csv_bom).
 */
#ifndef RAPPORT_CSV_WRITE_H
#define RAPPORT_CSV_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/strbuf.h"

struct csv_writer {
	struct strbuf *out;
	size_t col; /* cells written in the current row */
};

#define CSV_WRITER_INIT(sb) { (sb), 0 }

/* The UTF-8 byte order mark, which some spreadsheets need to read UTF-8. */
void csv_bom(struct strbuf *out);
/* One cell; NULL is an empty cell. */
void csv_cell(struct csv_writer *w, const char *value);
/* A number; a negative one (the model's "none") is an empty cell. */
void csv_cell_int(struct csv_writer *w, int64_t value);
/* End the row (CRLF). */
void csv_row_end(struct csv_writer *w);
/* A whole row of n cells. */
void csv_row(struct csv_writer *w, const char *const *cells, size_t n);

/* Would a spreadsheet take a cell starting like s for a formula? */
bool csv_formula_start(const char *s);

#endif
