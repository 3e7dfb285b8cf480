/* import_rows.c: a CSV file's rows for the formats that are CSV: cells, the header, --map (see import_internal.h). */
#include "method/import_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/parse.h"
#include "core/text.h"
#include "io/csv_read.h"

static bool import_multi_line(enum field f)
{
	return f == F_NOTES;
}

/* How well key names a field of defs: 0 for its best name, more for weaker
 * ones; -1 when it names none. */
static int import_field_rank(const struct field_def *defs, const char *key, enum field *f)
{
	for (const struct field_def *d = defs; d->name; d++) {
		const char *k = d->keys;
		int rank = 0;
		size_t n = strlen(key);
		while (*k) {
			size_t len = strcspn(k, " ");
			if (len == n && !strncmp(k, key, n)) {
				*f = d->f;
				return rank;
			}
			k += len;
			k += *k == ' ';
			rank++;
		}
	}
	return -1;
}

/* ---- one row's cells ---- */

static const char *import_raw_cell(const struct import *im, const struct csv_row *row,
				   enum field f)
{
	int c = im->col[f];

	if (c < 0 || (size_t)c >= row->n || !row->lens[c])
		return NULL;
	return row->fields[c];
}

char *import_cell(const struct import *im, const struct csv_row *row, enum field f)
{
	const char *s = import_raw_cell(im, row, f);

	return import_multi_line(f) ? parse_note(s) : parse_one_line(s);
}

const char *import_col_name(const struct import *im, enum field f)
{
	int c = im->col[f];

	return c >= 0 && im->names[c][0] ? im->names[c] : "?";
}

/* Skip a row that cannot be read as a whole (reporting why): a NUL byte,
 * more or fewer fields than the header (trailing empty ones aside), a value
 * longer than its field may be. */
bool import_row_unusable(struct import *im, const struct csv_row *row)
{
	bool ragged = row->n < im->ncols;
	char span[96] = "";

	for (size_t i = im->ncols; i < row->n && !ragged; i++)
		ragged = row->lens[i] > 0;
	if (row->end_line > row->line)
		snprintf(span, sizeof(span), " (a quoted field runs from line %ld to %ld)",
			 row->line, row->end_line);
	if (row->has_nul) {
		import_skip(im, row->line, "holds a NUL byte (is the file binary, or damaged?)");
		return true;
	}
	if (ragged) {
		import_skip(im, row->line, "has %zu fields where the header (line %ld) has %zu%s",
			 row->n, im->header_line, im->ncols, span);
		return true;
	}
	for (int f = 0; f < F_COUNT; f++) {
		int c = im->col[f];
		size_t max = import_multi_line((enum field)f) ? TEXT_NOTE_MAX : TEXT_LINE_MAX;
		if (c >= 0 && f != F_IGNORE && row->lens[c] > max) {
			import_skip(im, row->line, "the %s field is %zu bytes long (at most %zu)",
				 import_col_name(im, (enum field)f), row->lens[c], max);
			return true;
		}
	}
	return false;
}

/* ---- the header ---- */

struct header_scan {
	struct import *im;
	long line;
	size_t ncols;
	char **names;
	int col[F_COUNT];
	int found;  /* recognised columns */
	long rows;
	long first_line;
	bool map_error;
};

void import_free_names(char **names, size_t n)
{
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

/* A --map's COLUMN for the cell named key, or -1; its field in *f. */
static int mapped(const struct import *im, const char *key, enum field *f, struct strbuf *tmp)
{
	for (size_t i = 0; i < im->o->nmaps; i++) {
		const char *m = im->o->maps[i], *eq = strrchr(m, '=');
		char *column = xstrndup(m, (size_t)(eq - m));
		bool same;

		csv_name_key(tmp, column);
		free(column);
		same = !strcmp(tmp->buf, key);
		csv_name_key(tmp, eq + 1);
		if (same && import_field_rank(im->fmt->fields, tmp->buf, f) >= 0)
			return (int)i;
	}
	return -1;
}

/* Which field each cell of a row would be; how many cells name one. */
static int resolve_columns(struct import *im, const struct csv_row *row, int col[F_COUNT])
{
	int rank[F_COUNT], found = 0;
	struct strbuf key = STRBUF_INIT, tmp = STRBUF_INIT;

	for (int f = 0; f < F_COUNT; f++)
		col[f] = -1, rank[f] = 1 << 20;
	for (size_t c = 0; c < row->n; c++) {
		enum field f;
		int r;

		csv_name_key(&key, row->fields[c]);
		if (!key.len)
			continue;
		if (mapped(im, key.buf, &f, &tmp) >= 0)
			r = -1; /* the user's word beats any name */
		else if ((r = import_field_rank(im->fmt->fields, key.buf, &f)) < 0)
			continue;
		if (f != F_IGNORE)
			found++;
		if (r < rank[f]) {
			rank[f] = r;
			col[f] = (int)c;
		}
	}
	strbuf_release(&key);
	strbuf_release(&tmp);
	return found;
}

static int on_header_row(void *ctx, const struct csv_row *row, struct error *err)
{
	struct header_scan *h = ctx;
	int col[F_COUNT];
	int found, need = h->im->fmt->header_needs;

	(void)err;
	if (!h->rows++)
		h->first_line = row->line;
	found = resolve_columns(h->im, row, col);
	/* the first row is the header unless a later one (after notes) names more columns */
	if (h->rows == 1 || (found >= need && found > h->found)) {
		import_free_names(h->names, h->ncols);
		h->names = xcalloc(row->n ? row->n : 1, sizeof(*h->names));
		for (size_t i = 0; i < row->n; i++)
			h->names[i] = parse_one_line(row->fields[i]);
		for (size_t i = 0; i < row->n; i++)
			if (!h->names[i])
				h->names[i] = xstrdup("");
		h->ncols = row->n;
		h->line = row->line;
		h->found = found;
		memcpy(h->col, col, sizeof(col));
	}
	return found >= need || h->rows >= HEADER_SEARCH_ROWS ? 1 : 0;
}

int check_maps(struct import *im, struct error *err)
{
	struct strbuf tmp = STRBUF_INIT;
	enum field f;
	int rc = 0;

	for (size_t i = 0; i < im->o->nmaps && !rc; i++) {
		const char *m = im->o->maps[i], *eq = strrchr(m, '=');
		if (!eq || eq == m)
			rc = error_set(err, ERR_INVALID, "--map takes COLUMN=FIELD, not '%s'", m);
		else if ((csv_name_key(&tmp, eq + 1), import_field_rank(im->fmt->fields, tmp.buf, &f)) < 0)
			rc = error_set(err, ERR_INVALID,
				       "--map %s: no field '%s'; the fields are %s", m, eq + 1,
				       import_csv_fields());
	}
	strbuf_release(&tmp);
	return rc;
}

/* Every --map names a column of the header. */
int check_mapped_columns(struct import *im, struct error *err)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; i < im->o->nmaps && !rc; i++) {
		const char *m = im->o->maps[i], *eq = strrchr(m, '=');
		char *column = xstrndup(m, (size_t)(eq - m));
		bool seen = false;
		csv_name_key(&a, column);
		for (size_t c = 0; c < im->ncols && !seen; c++) {
			csv_name_key(&b, im->names[c]);
			seen = !strcmp(a.buf, b.buf);
		}
		if (!seen)
			rc = error_set(err, ERR_INVALID, "--map %s: the header (line %ld) has no "
				       "column '%s'", m, im->header_line, column);
		free(column);
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return rc;
}

static int find_header(struct import *im, const char *text, size_t len, struct error *err)
{
	struct header_scan h = { .im = im };
	int rc = csv_read_rows(text, len, on_header_row, &h, err);

	if (rc < 0) {
		import_free_names(h.names, h.ncols);
		return error_in_file(err, rc, im->sum->file);
	}
	if (!h.rows) {
		import_free_names(h.names, h.ncols);
		return error_set(err, ERR_INVALID, "%s: the file is empty: nothing to import",
				 im->sum->file);
	}
	im->header_line = im->sum->header_line = h.line;
	im->ncols = h.ncols;
	im->names = h.names;
	memcpy(im->col, h.col, sizeof(im->col));
	return im->fmt->check_header(im, h.found, h.first_line, err);
}

/* ---- reading the whole file ---- */

static void progress(struct import *im, size_t offset)
{
	if (im->o->progress && im->text_len)
		im->o->progress(im->o->progress_ctx, (double)offset / (double)im->text_len,
				im->sum->rows);
}

static int on_data_row(void *ctx, const struct csv_row *row, struct error *err)
{
	struct import *im = ctx;

	if (row->line <= im->header_line)
		return 0;
	im->sum->rows++;
	progress(im, row->offset);
	return im->fmt->row(im, row, err);
}

int import_rows_read(struct import *im, const char *data, size_t len, struct error *err)
{
	struct csv_text t;
	int rc;

	if (!len)
		return error_set(err, ERR_INVALID, "%s: the file is empty: nothing to import",
				 im->sum->file);
	if (csv_text_decode(data, len, &t, err))
		return error_in_file(err, ERR_INVALID, im->sum->file);
	im->sum->encoding = csv_encoding_name(&t);
	im->sum->converted = t.encoding != CSV_UTF8;
	im->sum->first_bad_line = t.first_bad_line;
	im->text_len = t.len;
	rc = find_header(im, t.buf, t.len, err);
	if (!rc) {
		rc = csv_read_rows(t.buf, t.len, on_data_row, im, err);
		if (rc && err->line)
			rc = error_in_file(err, rc, im->sum->file);
	}
	if (!rc && !im->sum->rows)
	{
		error_set_line(err, ERR_INVALID, im->header_line,
			       "the header has no rows after it: nothing to import");
		rc = error_in_file(err, ERR_INVALID, im->sum->file);
	}
	csv_text_release(&t);
	return rc;
}

/* Is there, in the first lines of text, one that names every word (any case)?
 * LinkedIn's export starts with a few lines of notes before its header. */
bool import_early_line_names(const char *text, size_t len, const char *const *words)
{
	char line[512];
	size_t at = 0;

	for (int n = 0; n < HEADER_SEARCH_ROWS && at < len; n++) {
		size_t k = 0;
		bool all = true;

		while (at < len && text[at] != '\n') {
			if (k + 1 < sizeof(line))
				line[k++] = (char)tolower((unsigned char)text[at]);
			at++;
		}
		line[k] = '\0';
		at++;
		for (size_t w = 0; words[w] && all; w++)
			all = strstr(line, words[w]) != NULL;
		if (all)
			return true;
	}
	return false;
}

const char *import_text_start(const char *text, size_t *len)
{
	size_t i = 0;

	if (*len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		i = 3; /* a byte order mark */
	while (i < *len && isspace((unsigned char)text[i]))
		i++;
	*len -= i;
	return text + i;
}
