/* strbuf.c: a growable string with a documented invariant (see strbuf.h). */
#include "util/strbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

char strbuf_empty[1];

void strbuf_init(struct strbuf *sb)
{
	sb->len = 0;
	sb->alloc = 0;
	sb->buf = strbuf_empty;
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *res;

	if (!sb->alloc)
		return xstrdup("");
	res = sb->buf;
	strbuf_init(sb);
	return res;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	int fresh = !sb->alloc;
	size_t need = st_add(st_add(sb->len, extra), 1);

	if (need <= sb->alloc)
		return;
	if (fresh)
		sb->buf = NULL;
	xgrow((void **)&sb->buf, 1, need, &sb->alloc);
	if (fresh)
		sb->buf[0] = '\0';
}

void strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
	strbuf_grow(sb, n);
	memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

/* Format into the spare room first, and again only when it did not fit (as
 * git's strbuf does): most lines fit, and formatting is the cost. */
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	if (sb->alloc - sb->len < 64)
		strbuf_grow(sb, 64);
	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, cp);
	va_end(cp);
	if (n >= 0 && (size_t)n >= sb->alloc - sb->len) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	if (n < 0) { /* a bad format or encoding: nothing added */
		sb->buf[sb->len] = '\0';
		return;
	}
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

/* The code point at *p (advanced past it); a byte that starts no valid
 * sequence is taken alone, as U+FFFD. */
static unsigned long next_code_point(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned long cp;
	int extra;

	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	extra = s[0] >= 0xF5 ? -1 : s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : s[0] >= 0xC2 ? 1 : -1;
	cp = extra == 3 ? s[0] & 0x07u : extra == 2 ? s[0] & 0x0Fu : s[0] & 0x1Fu;
	for (int i = 1; i <= extra; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			extra = -1;
			break;
		}
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	if (extra < 0) {
		*p = s + 1;
		return 0xFFFD;
	}
	*p = s + 1 + extra;
	return cp;
}

/* Columns a code point takes in a terminal: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide and fullwidth ones (and
 * emoji), 1 otherwise. A small table rather than wcwidth(), which needs a
 * UTF-8 locale set for the whole program. */
static size_t code_point_width(unsigned long cp)
{
	static const struct { unsigned long lo, hi; } zero[] = {
		{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
		{ 0x064B, 0x065F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
		{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	};
	static const struct { unsigned long lo, hi; } wide[] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
		{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
	};

	if (cp < 0x300)
		return 1;
	for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
		if (cp >= zero[i].lo && cp <= zero[i].hi)
			return 0;
	for (size_t i = 0; i < ARRAY_SIZE(wide); i++)
		if (cp >= wide[i].lo && cp <= wide[i].hi)
			return 2;
	return 1;
}

size_t utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (*p) {
		/* ASCII, most of any table, a column each without decoding */
		while (*p && *p < 0x80) {
			p++;
			w++;
		}
		if (*p)
			w += code_point_width(next_code_point(&p));
	}
	return w;
}

size_t utf8_fit_prefix(const char *s, size_t cols, size_t *width)
{
	const unsigned char *p = (const unsigned char *)s, *end = p;
	size_t w = 0;

	while (*p) {
		size_t cw = code_point_width(next_code_point(&p));
		if (w + cw > cols)
			break;
		w += cw;
		end = p;
	}
	*width = w;
	return (size_t)(end - (const unsigned char *)s);
}

void strbuf_addpad(struct strbuf *sb, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	strbuf_addstr(sb, s);
	while (w++ < width)
		strbuf_addch(sb, ' ');
}

void strbuf_trim(struct strbuf *sb)
{
	size_t start = 0;

	while (sb->len && isspace((unsigned char)sb->buf[sb->len - 1]))
		sb->len--;
	while (start < sb->len && isspace((unsigned char)sb->buf[start]))
		start++;
	if (start)
		memmove(sb->buf, sb->buf + start, sb->len - start);
	sb->len -= start;
	if (sb->alloc)
		sb->buf[sb->len] = '\0';
}
