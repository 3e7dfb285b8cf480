/* table.c: the list commands' rows as an aligned table or as TSV (see table.h). */
#include "cli/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/text.h"

#define ELLIPSIS "…"
#define MIN_CUT_WIDTH 2 /* a column cut no narrower than a character and "…" */

void table_init(struct table *t, const struct table_col *cols, size_t ncols)
{
	*t = (struct table){ .cols = cols, .ncols = ncols, .text = STRBUF_INIT };
}

void table_release(struct table *t)
{
	free(t->cells.items);
	t->cells = (struct cells){ 0 };
	strbuf_release(&t->text);
}

static size_t table_rows(const struct table *t)
{
	return t->cells.n / (t->ncols + 1);
}

/* The cell at index i: NULL when empty. */
static const char *cell_text(const struct table *t, size_t i)
{
	size_t at = t->cells.items[i];

	return at ? t->text.buf + at - 1 : NULL;
}

static const char *cell_at(const struct table *t, size_t row, size_t col)
{
	const char *s = cell_text(t, row * (t->ncols + 1) + col);

	return s ? s : "";
}

/* The cell that starts at start in text (NUL-ended there), or none. */
static void push_cell(struct table *t, size_t start, bool empty)
{
	xgrow((void **)&t->cells.items, sizeof(*t->cells.items), t->cells.n + 1, &t->cells.alloc);
	t->cells.items[t->cells.n++] = empty ? 0 : start + 1;
	if (t->cells.n % (t->ncols + 1) == t->ncols) {
		xgrow((void **)&t->cells.items, sizeof(*t->cells.items), t->cells.n + 1,
		      &t->cells.alloc);
		t->cells.items[t->cells.n++] = 0; /* the row's notes, none yet */
	}
}

void table_add(struct table *t, const char *value)
{
	size_t start = t->text.len;

	if (value) {
		strbuf_addstr(&t->text, value);
		strbuf_addch(&t->text, '\0');
	}
	push_cell(t, start, !value);
}

void table_addf(struct table *t, const char *fmt, ...)
{
	size_t start = t->text.len;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&t->text, fmt, ap);
	va_end(ap);
	strbuf_addch(&t->text, '\0');
	push_cell(t, start, false);
}

void table_add_id(struct table *t, int64_t id)
{
	char buf[24], *p = buf + sizeof(buf);
	uint64_t v = id < 0 ? 0 - (uint64_t)id : (uint64_t)id;

	if (!id) {
		table_add(t, NULL);
		return;
	}
	/* by hand: a list's every row has one, and printf was most of its cost */
	*--p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	if (id < 0)
		*--p = '-';
	table_add(t, p);
}

void table_note(struct table *t, const char *fmt, ...)
{
	size_t *notes = &t->cells.items[t->cells.n - 1];
	struct strbuf line = STRBUF_INIT;
	va_list ap;

	/* the row's notes so far, then this line, as a new cell at the end of
	 * text (the old one stays there unused) */
	if (*notes) {
		strbuf_addstr(&line, t->text.buf + *notes - 1);
		strbuf_addch(&line, '\n');
	}
	va_start(ap, fmt);
	strbuf_vaddf(&line, fmt, ap);
	va_end(ap);
	*notes = t->text.len + 1;
	strbuf_add(&t->text, line.buf, line.len);
	strbuf_addch(&t->text, '\0');
	strbuf_release(&line);
}

/* ---- TSV ---- */

/* A value on one field: tab, line breaks and the backslash escaped as
 * mysql --batch does, so that a line is a record and a tab a separator. */
static void add_tsv_value(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': strbuf_addstr(out, "\\t"); break;
		case '\n': strbuf_addstr(out, "\\n"); break;
		case '\r': strbuf_addstr(out, "\\r"); break;
		case '\\': strbuf_addstr(out, "\\\\"); break;
		default: strbuf_addch(out, *s);
		}
	}
}

static void print_tsv(struct strbuf *out, const struct table *t)
{
	for (size_t r = 0; r <= table_rows(t); r++) { /* the header, then the rows */
		bool first = true;
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].flags & COL_TABLE_ONLY)
				continue;
			if (!first)
				strbuf_addch(out, '\t');
			first = false;
			add_tsv_value(out, r ? cell_at(t, r - 1, c) : t->cols[c].name);
		}
		strbuf_addch(out, '\n');
	}
}

/* ---- the table ---- */

size_t table_columns(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long n;

	if (env && !text_parse_int("COLUMNS", env, 1, 100000, &n, NULL))
		return (size_t)n;
	if (!isatty(STDOUT_FILENO))
		return 0;
	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void table_add_fitted(struct strbuf *sb, const char *s, size_t width)
{
	size_t n, used;

	if (utf8_width(s) <= width) {
		strbuf_addpad(sb, s, width);
		return;
	}
	/* what fits in width - 1 columns, then the ellipsis, padded when a
	 * wide character did not fit */
	n = utf8_fit_prefix(s, width ? width - 1 : 0, &used);
	strbuf_add(sb, s, n);
	strbuf_addstr(sb, ELLIPSIS);
	for (used++; used < width; used++)
		strbuf_addch(sb, ' ');
}

static bool col_shown(const struct table_col *c)
{
	return !(c->flags & COL_TSV_ONLY);
}

static const char *col_sep(const struct table_col *c)
{
	return c->sep ? c->sep : "  ";
}

/* The padded columns' widths: the widest cell, at least the column's own
 * width; none for a column that is not padded or the last one shown (no
 * spaces at the end of a line). */
static void padded_widths(const struct table *t, size_t *width)
{
	size_t last = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (col_shown(&t->cols[c]))
			last = c;
	for (size_t c = 0; c < t->ncols; c++) {
		width[c] = 0;
		if (!t->cols[c].width || c == last || !col_shown(&t->cols[c]))
			continue;
		width[c] = t->cols[c].width;
		for (size_t r = 0; r < table_rows(t); r++) {
			size_t w = utf8_width(cell_at(t, r, c));
			width[c] = w > width[c] ? w : width[c];
		}
	}
}

/* Whether column c takes room in row r. */
static bool cell_shown(const struct table *t, size_t r, size_t c)
{
	const struct table_col *col = &t->cols[c];

	return col_shown(col) && !((col->flags & COL_IF_SET) && !*cell_at(t, r, c));
}

/* The room each cell of row r takes with its separator (0: not shown). */
static size_t row_widths(const struct table *t, size_t r, const size_t *width, size_t *room)
{
	size_t total = 0;
	bool first = true;

	for (size_t c = 0; c < t->ncols; c++) {
		room[c] = 0;
		if (!cell_shown(t, r, c))
			continue;
		room[c] = width[c] ? width[c] : utf8_width(cell_at(t, r, c));
		total += room[c] + (first ? 0 : utf8_width(col_sep(&t->cols[c])));
		first = false;
	}
	return total;
}

/* The widest free-text cell of a row that may give up a column (its
 * room above MIN_CUT_WIDTH): any, or with tail_only one that is not padded
 * (at the end of the line: cutting it moves no other row's column). */
static int widest_free(const struct table *t, const size_t *room, const size_t *width,
		       bool tail_only)
{
	int best = -1;

	for (size_t c = 0; c < t->ncols; c++) {
		if (!(t->cols[c].flags & COL_FREE) || (tail_only && width[c]) ||
		    room[c] <= MIN_CUT_WIDTH)
			continue;
		if (best < 0 || room[c] > room[(size_t)best])
			best = (int)c;
	}
	return best;
}

/* Cut row r's widest free-text cells, a column at a time, until it fits
 * limit or none can give more; returns its width. */
static size_t cut_row(const struct table *t, size_t r, const size_t *width, size_t limit,
		      bool tail_only, size_t *room)
{
	size_t total = row_widths(t, r, width, room);
	int c;

	while (total > limit && (c = widest_free(t, room, width, tail_only)) >= 0) {
		room[c]--;
		total--;
	}
	return total;
}

/* The padded columns' widths when the widest row is cut to fit limit:
 * the widest free-text cell first, padded or not, so that a long name and
 * a long title both give way; the padded ones keep every row aligned. */
static void fit_padded(const struct table *t, size_t *width, size_t limit, size_t *room)
{
	size_t widest = 0, widest_row = 0;

	for (size_t r = 0; r < table_rows(t); r++) {
		size_t w = row_widths(t, r, width, room);
		if (w > widest) {
			widest = w;
			widest_row = r;
		}
	}
	if (widest <= limit)
		return;
	cut_row(t, widest_row, width, limit, false, room);
	for (size_t c = 0; c < t->ncols; c++)
		if (width[c] && room[c])
			width[c] = room[c];
}

static void add_cell(struct strbuf *line, const struct table_col *col, const char *s,
		     size_t room)
{
	size_t w = utf8_width(s);

	if ((col->flags & COL_RIGHT) && w < room) {
		for (; w < room; w++)
			strbuf_addch(line, ' ');
		strbuf_addstr(line, s);
	} else {
		table_add_fitted(line, s, room);
	}
}

/* Row r as one line: its cells at the end of the line cut, widest first,
 * when it is still wider than limit (0: no limit). */
static void render_row(const struct table *t, size_t r, const size_t *width, size_t limit,
		       struct strbuf *line)
{
	size_t *room = xcalloc(t->ncols, sizeof(*room));
	bool first = true;

	if (limit)
		cut_row(t, r, width, limit, true, room);
	else
		row_widths(t, r, width, room);
	for (size_t k = 0; k < t->ncols; k++) {
		if (!cell_shown(t, r, k))
			continue;
		if (!first)
			strbuf_addstr(line, col_sep(&t->cols[k]));
		first = false;
		add_cell(line, &t->cols[k], cell_at(t, r, k), room[k]);
	}
	free(room);
}

/* A line no wider than limit (0: any width), without spaces at its end. */
static void put_line(struct strbuf *out, struct strbuf *line, size_t limit)
{
	if (limit && utf8_width(line->buf) > limit) {
		struct strbuf cut = STRBUF_INIT;
		table_add_fitted(&cut, line->buf, limit);
		strbuf_reset(line);
		strbuf_addstr(line, cut.buf);
		strbuf_release(&cut);
	}
	while (line->len && line->buf[line->len - 1] == ' ')
		line->buf[--line->len] = '\0';
	strbuf_addstr(out, line->buf);
	strbuf_addch(out, '\n');
}

static void put_notes(struct strbuf *out, const char *notes, size_t limit)
{
	struct strbuf line = STRBUF_INIT;

	while (notes && *notes) {
		size_t n = strcspn(notes, "\n");
		strbuf_reset(&line);
		strbuf_add(&line, notes, n);
		put_line(out, &line, limit);
		notes += n + (notes[n] == '\n');
	}
	strbuf_release(&line);
}

static void print_aligned(struct strbuf *out, const struct table *t)
{
	size_t *width = xcalloc(t->ncols, sizeof(*width));
	size_t *room = xcalloc(t->ncols, sizeof(*room));
	size_t limit = table_columns();
	struct strbuf line = STRBUF_INIT;

	padded_widths(t, width);
	if (limit)
		fit_padded(t, width, limit, room);
	for (size_t r = 0; r < table_rows(t); r++) {
		strbuf_reset(&line);
		render_row(t, r, width, limit, &line);
		put_line(out, &line, limit);
		put_notes(out, cell_text(t, r * (t->ncols + 1) + t->ncols), limit);
	}
	strbuf_release(&line);
	free(room);
	free(width);
}

bool table_is_tsv(const struct cli *cli)
{
	return cli->format == CLI_FORMAT_TSV;
}

void table_print(struct cli *cli, struct table *t)
{
	if (cli->json)
		;
	else if (table_is_tsv(cli))
		print_tsv(&cli->out, t);
	else
		print_aligned(&cli->out, t);
	table_release(t);
}

static const char *const format_names[] = { "table", "tsv", "json" };
const struct enum_def cli_format_def = { "format", format_names, ARRAY_SIZE(format_names) };

int table_parse_format(const char *value, enum cli_format *out, struct error *err)
{
	const char *const *names = format_names;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(format_names); i++) {
		if (!strcmp(value, names[i])) {
			*out = (enum cli_format)i;
			return 0;
		}
	}
	strbuf_addf(&sb, "unknown format '%s' (table, tsv or json)", value);
	text_suggest(&sb, value, names, ARRAY_SIZE(format_names));
	error_set(err, ERR_INVALID, "%s", sb.buf);
	strbuf_release(&sb);
	return ERR_INVALID;
}
