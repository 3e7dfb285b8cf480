/* csv_read.c: CSV text as UTF-8, and its rows with their line numbers (see csv_read.h). */
#include "io/csv_read.h"

#include <csv.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/text.h"
#include "util/xalloc.h"

/* libcsv's parser states (struct csv_parser's pstate, in its public header
 * but named only inside libcsv.c): a field has begun and not yet ended. */
#define LIBCSV_FIELD_BEGUN 2

/* The length of the valid UTF-8 sequence at s[0..len), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t len)
{
	size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;

	if (!n || n > len || !utf8_valid((const char *)s, n))
		return 0;
	return n;
}

/* UTF-16 or UTF-32: a byte order mark, or NUL bytes in every other place. */
static bool looks_wide(const unsigned char *s, size_t len)
{
	size_t even = 0, odd = 0, n = len < 512 ? len : 512;

	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return true;
	if (len >= 4 && !s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF)
		return true;
	for (size_t i = 0; i < n; i++)
		if (!s[i])
			(*(i % 2 ? &odd : &even))++;
	return n >= 8 && (odd > n / 4 || even > n / 4);
}

static long line_of(const char *s, size_t pos)
{
	long line = 1;

	for (size_t i = 0; i < pos; i++)
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			line++;
	return line;
}

int csv_text_decode(const char *data, size_t len, struct csv_text *out, struct error *err)
{
	const unsigned char *s = (const unsigned char *)data;
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, bad_at = 0;
	bool utf8_seen = false, bad_seen = false;

	memset(out, 0, sizeof(*out));
	if (looks_wide(s, len))
		return error_set(err, ERR_INVALID,
				 "the file is UTF-16 or UTF-32 text: save it again as CSV in UTF-8 "
				 "(or convert it: iconv -f UTF-16 -t UTF-8)");
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		out->bom = true;
		i = 3;
	}
	if (utf8_valid(data + i, len - i)) {
		strbuf_add(&sb, data + i, len - i);
		out->len = sb.len;
		out->buf = strbuf_detach(&sb);
		out->encoding = CSV_UTF8;
		return 0;
	}
	strbuf_grow(&sb, len + len / 8);
	while (i < len) {
		size_t start = i, n;

		while (i < len && s[i] < 0x80)
			i++;
		strbuf_add(&sb, data + start, i - start);
		if (i >= len)
			break;
		if ((n = utf8_seq(s + i, len - i))) {
			strbuf_add(&sb, data + i, n);
			utf8_seen = true;
			i += n;
			continue;
		}
		if (!bad_seen)
			bad_at = i;
		bad_seen = true;
		text_add_cp1252(&sb, s[i]);
		i++;
	}
	out->len = sb.len;
	out->buf = strbuf_detach(&sb);
	out->encoding = utf8_seen ? CSV_MIXED : CSV_WINDOWS_1252;
	out->first_bad_line = line_of(data, bad_at);
	return 0;
}

void csv_text_release(struct csv_text *t)
{
	free(t->buf);
	memset(t, 0, sizeof(*t));
}

const char *csv_encoding_name(const struct csv_text *t)
{
	switch (t->encoding) {
	case CSV_WINDOWS_1252:
		return "Windows-1252 (Latin-1)";
	case CSV_MIXED:
		return "UTF-8 with some Windows-1252 (Latin-1) bytes";
	default:
		return t->bom ? "UTF-8 with a byte order mark" : "UTF-8";
	}
}

/* ---- rows ---- */

struct parse {
	csv_row_fn fn;
	void *ctx;
	struct error *err;
	int rc;
	struct strbuf arena;          /* the fields of the row being read, each NUL-terminated */
	VEC(size_t) starts;           /* where each field starts in arena */
	VEC(size_t) lens;
	VEC(char *) ptrs;
	bool has_nul, any_text;
	long line, row_start;
	bool pending;                 /* a row has begun and not ended */
	size_t offset;
};

static void on_field(void *data, size_t len, void *vp)
{
	struct parse *p = vp;

	if (p->rc)
		return;
	*VEC_PUSH(&p->starts) = p->arena.len;
	*VEC_PUSH(&p->lens) = len;
	if (len) {
		strbuf_add(&p->arena, data, len);
		p->any_text = true;
		if (memchr(data, '\0', len))
			p->has_nul = true;
	}
	strbuf_addch(&p->arena, '\0');
}

static void on_row(int term, void *vp)
{
	struct parse *p = vp;
	struct csv_row row = { 0 };

	(void)term;
	if (!p->rc && p->any_text) {
		p->ptrs.n = 0;
		for (size_t i = 0; i < p->starts.n; i++)
			*VEC_PUSH(&p->ptrs) = p->arena.buf + p->starts.items[i];
		row.line = p->pending ? p->row_start : p->line;
		row.end_line = p->line;
		row.n = p->starts.n;
		row.fields = p->ptrs.items;
		row.lens = p->lens.items;
		row.has_nul = p->has_nul;
		row.offset = p->offset;
		p->rc = p->fn(p->ctx, &row, p->err);
	}
	strbuf_reset(&p->arena);
	p->starts.n = p->lens.n = 0;
	p->has_nul = p->any_text = false;
	p->pending = false;
}

static bool blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* The end of the line that starts at s[0] (past its LF, CRLF or CR). */
static size_t line_end(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return len;
}

/* libcsv grows a field's buffer by a fixed step (128 bytes): a 1 MB field
 * would cost 8,000 reallocations of up to 1 MB each. Fed in pieces, with the
 * step raised to the buffer's size before each, it doubles instead. */
#define FEED_PIECE 65536

static void feed(struct csv_parser *parser, const char *s, size_t n, struct parse *p)
{
	for (size_t done = 0; done < n && !p->rc;) {
		size_t piece = n - done < FEED_PIECE ? n - done : FEED_PIECE;
		size_t size = csv_get_buffer_size(parser);

		csv_set_blk_size(parser, size > 4096 ? size : 4096);
		if (csv_parse(parser, s + done, piece, on_field, on_row, p) != piece && !p->rc)
			p->rc = error_set_line(p->err, ERR_INVALID, p->line, "%s",
					  csv_strerror(csv_error(parser)));
		done += piece;
	}
}

int csv_read_rows(const char *text, size_t len, csv_row_fn fn, void *ctx, struct error *err)
{
	struct csv_parser parser;
	struct parse p = { .fn = fn, .ctx = ctx, .err = err, .arena = STRBUF_INIT };
	size_t pos = 0;

	if (csv_init(&parser, CSV_APPEND_NULL))
		return error_set(err, ERR_IO, "cannot start the CSV reader");
	/* One line at a time: a row that ends is reported with the line it started on. */
	while (pos < len && !p.rc) {
		size_t n = line_end(text + pos, len - pos);

		p.line++;
		if (!p.pending && !blank_line(text + pos, n)) {
			p.pending = true;
			p.row_start = p.line;
		}
		p.offset = pos + n;
		feed(&parser, text + pos, n, &p);
		pos += n;
	}
	if (!p.rc && parser.pstate == LIBCSV_FIELD_BEGUN && parser.quoted)
		p.rc = error_set_line(err, ERR_INVALID, p.pending ? p.row_start : p.line,
				      "a quoted field starts on this line and is not closed "
				      "before the end of the file (a missing or stray \")");
	if (!p.rc)
		csv_fini(&parser, on_field, on_row, &p);
	csv_free(&parser);
	strbuf_release(&p.arena);
	free(p.starts.items);
	free(p.lens.items);
	free(p.ptrs.items);
	return p.rc;
}

void csv_name_key(struct strbuf *out, const char *name)
{
	strbuf_reset(out);
	for (const unsigned char *s = (const unsigned char *)name; *s; s++)
		if (isalnum(*s) && *s < 0x80)
			strbuf_addch(out, tolower(*s));
}
