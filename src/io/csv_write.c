/* csv_write.c: RFC 4180 CSV, with formula-like cells neutralised (see csv_write.h). */
#include "io/csv_write.h"

#include <csv.h>
#include <stdio.h>
#include <string.h>

void csv_bom(struct strbuf *out)
{
	strbuf_addstr(out, "\xEF\xBB\xBF");
}

bool csv_formula_start(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s);
}

/* The cell quoted by libcsv: in double quotes, each quote doubled. */
static void add_quoted(struct strbuf *out, const char *s, size_t len)
{
	size_t need = csv_write2(NULL, 0, s, len, CSV_QUOTE);

	strbuf_grow(out, need);
	csv_write2(out->buf + out->len, need, s, len, CSV_QUOTE);
	out->len += need;
	out->buf[out->len] = '\0';
}

void csv_cell(struct csv_writer *w, const char *value)
{
	struct strbuf cell = STRBUF_INIT;
	const char *s = value ? value : "";

	if (w->col++)
		strbuf_addch(w->out, ',');
	if (csv_formula_start(s)) {
		strbuf_addch(&cell, '\'');
		strbuf_addstr(&cell, s);
		s = cell.buf;
	}
	if (strpbrk(s, ",\"\r\n"))
		add_quoted(w->out, s, strlen(s));
	else
		strbuf_addstr(w->out, s);
	strbuf_release(&cell);
}

void csv_cell_int(struct csv_writer *w, int64_t value)
{
	char buf[24];

	if (value < 0) {
		csv_cell(w, NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%lld", (long long)value);
	csv_cell(w, buf);
}

void csv_row_end(struct csv_writer *w)
{
	strbuf_addstr(w->out, "\r\n");
	w->col = 0;
}

void csv_row(struct csv_writer *w, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_cell(w, cells[i]);
	csv_row_end(w);
}
