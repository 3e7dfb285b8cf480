/* text.c: checks on user-supplied text, number parsing and slugs. */
#include "core/text.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <wctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* The length of the valid UTF-8 sequence that starts at s (a byte of 0x80
 * or more), at most left bytes long; 0 when it is not valid. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];
	size_t n;
	unsigned long cp;

	if ((c & 0xE0) == 0xC0)
		n = 1, cp = c & 0x1F;
	else if ((c & 0xF0) == 0xE0)
		n = 2, cp = c & 0x0F;
	else if ((c & 0xF8) == 0xF0)
		n = 3, cp = c & 0x07;
	else
		return 0;
	if (n >= left)
		return 0; /* truncated sequence */
	for (size_t k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF */
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return n + 1;
}

bool utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (!(n = utf8_seq(s + i, len - i)))
			return false;
		i += n;
	}
	return true;
}

/* A tab or a line break, which a note may hold: LF, or CR LF (what a
 * browser's text box sends). A lone CR is refused: on a terminal it moves
 * back to the start of the line, over what was printed. */
static bool note_break(const unsigned char *p)
{
	return *p == '\n' || *p == '\t' || (*p == '\r' && p[1] == '\n');
}

/* The characters that override the direction of the text around them
 * (U+202A-U+202E: embeddings and overrides; U+2066-U+2069: isolates): in
 * a name, "\u202Egro.emca" shows as "acme.org", the "trojan source" trick.
 * s points at a UTF-8 sequence of n bytes. */
static bool bidi_control(const unsigned char *s, size_t n)
{
	return n == 3 && s[0] == 0xE2 &&
	       ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
		(s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9));
}

/* The code point of a three-byte UTF-8 sequence. */
static unsigned utf8_code3(const unsigned char *s)
{
	return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

int text_check(const char *field, const char *value, unsigned flags, struct error *err)
{
	const unsigned char *p = (const unsigned char *)value, *end;
	size_t len, n;
	bool blank = true, control = false, one_line = flags & TEXT_ONE_LINE;

	if (!value) {
		if (flags & TEXT_REQUIRED)
			return error_set(err, ERR_INVALID, "%s must not be empty", field);
		return 0;
	}
	len = strlen(value);
	if (len > (one_line ? TEXT_LINE_MAX : TEXT_NOTE_MAX))
		return error_set(err, ERR_INVALID, "%s is too long (%zu bytes, at most %d)", field,
				 len, one_line ? TEXT_LINE_MAX : TEXT_NOTE_MAX);
	/* one pass (this runs on every field of every imported row); invalid
	 * UTF-8 is reported before a control character, wherever each is */
	for (end = p + len; p < end; p++) {
		if (*p >= 0x80) {
			if (!(n = utf8_seq(p, (size_t)(end - p))))
				return error_set(err, ERR_INVALID, "%s is not valid UTF-8", field);
			/* C1 controls (U+0080-U+009F, C2 80-C2 9F): U+009B is a
			 * terminal's CSI, as good as ESC [ to many of them */
			if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0)
				control = true;
			if (bidi_control(p, n))
				return error_set(err, ERR_INVALID,
						 "%s holds U+%04X, which reverses the direction of "
						 "the text around it",
						 field, utf8_code3(p));
			p += n - 1;
			blank = false;
		} else if (*p < 0x20 || *p == 0x7F) {
			if (one_line || !note_break(p))
				control = true;
		} else if (*p != ' ') {
			blank = false;
		}
	}
	if (control)
		return one_line ? error_set(err, ERR_INVALID,
					    "%s must be one line without control characters", field)
				: error_set(err, ERR_INVALID, "%s holds a control character", field);
	if ((flags & TEXT_REQUIRED) && blank)
		return error_set(err, ERR_INVALID, "%s must not be empty", field);
	return 0;
}

/* The length of the run at s[i] that a terminal shows as it is: printable
 * ASCII, valid UTF-8 that is no C1 control, and (when keep_breaks) tab, LF
 * and CR LF. 0 when s[i] starts something to escape. */
static size_t printable_run(const unsigned char *s, size_t len, size_t i, bool keep_breaks)
{
	size_t start = i, n;

	while (i < len) {
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			/* a run of printable ASCII, most of any output, in one tight loop */
			while (++i < len && s[i] >= 0x20 && s[i] < 0x7F)
				;
		} else if (keep_breaks && (s[i] != '\r' || i + 1 < len) && note_break(s + i)) {
			i += s[i] == '\r' ? 2 : 1;
		} else if (s[i] >= 0x80 && (n = utf8_seq(s + i, len - i)) &&
			   !(n == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0) && !bidi_control(s + i, n)) {
			i += n;
		} else {
			break;
		}
	}
	return i - start;
}

bool text_printable(const char *s, size_t len, bool keep_breaks)
{
	return printable_run((const unsigned char *)s, len, 0, keep_breaks) == len;
}

void text_add_printable(struct strbuf *out, const char *str, size_t len, bool keep_breaks)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;

	while (i < len) {
		if ((n = printable_run(s, len, i, keep_breaks))) {
			strbuf_add(out, str + i, n);
			i += n;
		} else if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] < 0xA0) {
			/* a C1 control, as JSON would write it: JSON output stays JSON */
			strbuf_addf(out, "\\u%04x", s[i + 1]);
			i += 2;
		} else if (i + 2 < len && bidi_control(s + i, 3)) {
			strbuf_addf(out, "\\u%04x", utf8_code3(s + i));
			i += 3;
		} else if (s[i] == 0x7F) {
			strbuf_addstr(out, "\\u007f");
			i++;
		} else {
			strbuf_addf(out, "\\x%02x", s[i++]);
		}
	}
}

int text_check_email(const char *value, struct error *err)
{
	const char *at;

	if (!value || !*value)
		return 0;
	if (text_check("e-mail", value, TEXT_ONE_LINE, err))
		return ERR_INVALID;
	at = strchr(value, '@');
	if (!at || at == value || !at[1] || strchr(at + 1, '@') || strpbrk(value, " <>,;\""))
		return error_set(err, ERR_INVALID, "'%s' is not an e-mail address", value);
	return 0;
}

int text_check_url(const char *field, const char *value, struct error *err)
{
	if (!value || !*value)
		return 0;
	if (text_check(field, value, TEXT_ONE_LINE, err))
		return ERR_INVALID;
	if (strncasecmp(value, "https://", 8) && strncasecmp(value, "http://", 7))
		return error_set(err, ERR_INVALID, "%s must start with https:// or http:// ('%s')",
				 field, value);
	if (strchr(value, ' '))
		return error_set(err, ERR_INVALID, "%s must not contain spaces", field);
	return 0;
}

bool text_all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

int text_parse_int(const char *field, const char *s, long min, long max, long *out,
		   struct error *err)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || isspace((unsigned char)*s))
		return error_set(err, ERR_INVALID, "%s must be a whole number, not '%s'", field, s);
	if (v < min || v > max)
		return error_set(err, ERR_INVALID, "%s must be between %ld and %ld, not %ld", field,
				 min, max, v);
	*out = v;
	return 0;
}

/* ASCII letter for a two-byte UTF-8 Latin-1 letter (U+00C0..U+00FF), or 0. */
static char fold_latin1(unsigned char b1, unsigned char b2)
{
	static const char map[] = "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTs"
				  "aaaaaaaceeeeiiiidnooooo ouuuuyty";
	unsigned cp = ((b1 & 0x1Fu) << 6) | (b2 & 0x3Fu);

	if (cp < 0xC0 || cp > 0xFF)
		return 0;
	return map[cp - 0xC0];
}

void slug_append(struct strbuf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	bool need_sep = out->len > 0;

	while (*p) {
		char c = 0;

		if (isalnum(*p)) {
			c = (char)tolower(*p);
			p++;
		} else if ((*p & 0xE0) == 0xC0 && p[1]) {
			c = fold_latin1(p[0], p[1]);
			if (!isalnum((unsigned char)c))
				c = 0;
			c = (char)tolower((unsigned char)c);
			p += 2;
		} else {
			p++;
		}
		if (!c) {
			need_sep = out->len > 0;
			continue;
		}
		if (need_sep && out->len && out->buf[out->len - 1] != '-')
			strbuf_addch(out, '-');
		need_sep = false;
		strbuf_addch(out, c);
	}
}

int slug_check(const char *slug, struct error *err)
{
	size_t len = strlen(slug);
	bool digits_only = true;

	if (!len || len > 100)
		return error_set(err, ERR_INVALID, "a slug must have 1 to 100 characters");
	for (size_t i = 0; i < len; i++) {
		char c = slug[i];
		if (!(islower((unsigned char)c) || isdigit((unsigned char)c) || c == '-'))
			return error_set(err, ERR_INVALID,
					 "slug '%s' may hold only a-z, 0-9 and hyphens", slug);
		if (!isdigit((unsigned char)c))
			digits_only = false;
	}
	if (digits_only)
		return error_set(err, ERR_INVALID, "slug '%s' must not be only digits (ids are)",
				 slug);
	if (!strcmp(slug, "new")) /* /opportunities/new is the form for a new one */
		return error_set(err, ERR_INVALID, "the slug 'new' is reserved: choose another");
	if (slug[0] == '-' || slug[len - 1] == '-' || strstr(slug, "--"))
		return error_set(err, ERR_INVALID,
				 "slug '%s' must not start or end with a hyphen or repeat one", slug);
	return 0;
}

/* Decode one UTF-8 sequence at *p (already validated); advance *p. */
static unsigned long utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned long cp;
	int n;

	if (s[0] < 0x80)
		n = 0, cp = s[0];
	else if ((s[0] & 0xE0) == 0xC0)
		n = 1, cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		n = 2, cp = s[0] & 0x0F;
	else
		n = 3, cp = s[0] & 0x07;
	for (int k = 1; k <= n && s[k]; k++)
		cp = (cp << 6) | (s[k] & 0x3F);
	*p += n + 1;
	return cp;
}

/* Write cp as UTF-8 at out; the bytes written. */
static size_t utf8_put(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void text_add_cp1252(struct strbuf *sb, unsigned char b)
{
	static const uint16_t high[32] = {
		0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
		0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
	};
	char utf8[4];

	strbuf_add(sb, utf8, utf8_put(utf8, b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b));
}

int text_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *text_fold(const char *s)
{
	static locale_t utf8;
	static bool tried;
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), n = 0;
	/* An ASCII character folds to one byte, any other (2 bytes or more)
	 * to at most 4 (U+023A's 2 bytes become U+2C65's 3): twice the length
	 * is always enough. */
	char *out = xmalloc(st_add(st_mult(2, len), 1));

	if (!tried) {
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		tried = true;
	}
	if (!utf8_valid(s, len)) {
		for (; *p; p++)
			out[n++] = (char)tolower(*p);
		out[n] = '\0';
		return out;
	}
	while (*p) {
		unsigned long cp = utf8_next(&p);
		if (cp < 0x80)
			cp = (unsigned long)tolower((int)cp);
		else if (utf8)
			cp = (unsigned long)towlower_l((wint_t)cp, utf8);
		n += utf8_put(out + n, cp);
	}
	out[n] = '\0';
	return out;
}

/* The ASCII letter of each lowercase Latin-1 letter from U+00E0, and of
 * each Latin Extended-A letter from U+0100; '*' for a ligature (below). */
static const char latin1_base[] = "aaaaaa*ceeeeiiiidnooooo/ouuuuy*y";
static const char latin_ext_a_base[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllll"
	"nnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static const char *ascii_of(unsigned long cp)
{
	static char one[2];

	switch (cp) {
	case 0xDF: return "ss";
	case 0xE6: return "ae";
	case 0xFE: return "th";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	default: break;
	}
	if (cp >= 0xE0 && cp <= 0xFF && latin1_base[cp - 0xE0] != '/')
		one[0] = latin1_base[cp - 0xE0];
	else if (cp >= 0x100 && cp <= 0x17F)
		one[0] = latin_ext_a_base[cp - 0x100];
	else
		return NULL;
	one[1] = '\0';
	return one;
}

char *text_fold_ascii(const char *s)
{
	char *folded = text_fold(s), *out;
	const unsigned char *p = (const unsigned char *)folded;
	size_t n = 0;

	if (!utf8_valid(folded, strlen(folded)))
		return folded;
	/* each code point becomes at most its own bytes, or 2 ASCII letters */
	out = xmalloc(st_add(st_mult(2, strlen(folded)), 1));
	while (*p) {
		unsigned long cp = utf8_next(&p);
		const char *a = cp < 0x80 ? NULL : ascii_of(cp);

		if (cp >= 0x300 && cp <= 0x36F)
			continue; /* a combining accent, as in decomposed text */
		if (a) {
			size_t k = strlen(a);
			memcpy(out + n, a, k);
			n += k;
		} else {
			n += utf8_put(out + n, cp);
		}
	}
	out[n] = '\0';
	free(folded);
	return out;
}

const char *text_thousands(int64_t n, char buf[32])
{
	char digits[24];
	/* the magnitude as unsigned: -INT64_MIN does not fit an int64_t */
	uint64_t m = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	int len = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)m);
	size_t o = 0;

	if (n < 0)
		buf[o++] = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0'; /* at most 1 + 20 + 6 + 1 bytes */
	return buf;
}

void text_add_thousands(struct strbuf *sb, int64_t n)
{
	char buf[32];

	strbuf_addstr(sb, text_thousands(n, buf));
}

int text_parse_amount(const char *label, const char *s, int64_t *out, struct error *err)
{
	char *end;
	long long v;

	errno = 0;
	v = isdigit((unsigned char)*s) ? strtoll(s, &end, 10) : -1;
	if (v >= 0 && (*end == 'k' || *end == 'K') && !end[1] && v < 1000000000LL)
		v *= 1000, end++;
	if (v < 0 || errno || *end || v > 1000000000000LL)
		return error_set(err, ERR_INVALID, "%s must be an amount like 85000 or 85k, not '%s'",
				 label, s);
	*out = v;
	return 0;
}

/* s[*start..*end) without the ASCII white space around it */
static void trim_bounds(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && isspace((unsigned char)s[*start]))
		(*start)++;
	while (*end > *start && isspace((unsigned char)s[*end - 1]))
		(*end)--;
}

char *text_trimmed(const char *s, size_t n)
{
	size_t start = 0;

	trim_bounds(s, &start, &n);
	return xstrndup(s + start, n - start);
}

void text_tidy(char **field)
{
	size_t start = 0, end;

	if (!*field)
		return;
	end = strlen(*field);
	trim_bounds(*field, &start, &end);
	if (start == end) {
		free(*field);
		*field = NULL;
	} else if (start || (*field)[end]) {
		memmove(*field, *field + start, end - start);
		(*field)[end - start] = '\0';
	}
}

size_t text_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *rows, *prev2, *prev, *cur, d;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	/* three rows of the optimal string alignment distance */
	rows = prev2 = xcalloc(st_mult(3, lb + 1), sizeof(*rows));
	prev = prev2 + lb + 1;
	cur = prev + lb + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t *t;

		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			d = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
		}
		t = prev2, prev2 = prev, prev = cur, cur = t;
	}
	d = prev[lb];
	free(rows);
	return d > limit ? limit + 1 : d;
}

/* How many edits still make a misspelling of a word of len letters: one
 * for short words, two from six letters on (as git's help.autocorrect
 * would find "comit" and "stauts"). */
static size_t typo_limit(size_t len)
{
	return len < 6 ? 1 : 2;
}

/* A prefix counts as no edit: "pers" is on its way to "person". */
static size_t typo_distance(const char *typo, size_t len, const char *candidate)
{
	return !strncmp(candidate, typo, len) ? 0
					      : text_distance(typo, candidate, typo_limit(len));
}

void text_suggest(struct strbuf *out, const char *typo, const char *const *candidates,
		  size_t n)
{
	size_t len = strlen(typo), best = typo_limit(len) + 1, shown = 0;

	if (!len)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t d = typo_distance(typo, len, candidates[i]);
		if (d < best)
			best = d;
	}
	if (best > typo_limit(len))
		return;
	for (size_t i = 0; i < n; i++) {
		if (typo_distance(typo, len, candidates[i]) != best)
			continue;
		strbuf_addf(out, "%s'%s'", shown ? " or " : "; did you mean ", candidates[i]);
		shown++;
	}
	strbuf_addch(out, '?');
}

bool text_same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}
