/* eml.c: building .eml messages (RFC 5322, 2045, 2047) and mailto: URLs (RFC 6068). */
#include "io/eml.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/xalloc.h"

#define LINE_SOFT 78  /* a header line's length we fold at */
#define BODY_MAX 998  /* the longest line 8bit allows */
#define WORD_BYTES 45 /* text in one encoded-word: 60 base64 characters, 72 in all */

/* Where a header line stands. */
struct fold {
	struct strbuf *out;
	size_t col;
};

/* Append a token, after a space or a fold when the line would be too long. */
static void fold_add(struct fold *f, const char *tok, size_t len)
{
	if (f->col + 1 + len > LINE_SOFT) {
		strbuf_addstr(f->out, "\r\n ");
		f->col = 1;
	} else {
		strbuf_addch(f->out, ' ');
		f->col++;
	}
	strbuf_add(f->out, tok, len);
	f->col += len;
}

/* value with control characters as spaces, runs of spaces as one, trimmed. */
static void clean_value(struct strbuf *sb, const char *value)
{
	for (const unsigned char *p = (const unsigned char *)(value ? value : ""); *p; p++) {
		bool space = *p <= 0x20 || *p == 0x7F;
		if (!space)
			strbuf_addch(sb, *p);
		else if (sb->len && sb->buf[sb->len - 1] != ' ')
			strbuf_addch(sb, ' ');
	}
	strbuf_trim(sb);
}

static void base64(struct strbuf *out, const unsigned char *s, size_t len)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < len; i += 3) {
		unsigned long v = (unsigned long)s[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)s[i + 1] << 8;
		if (i + 2 < len)
			v |= s[i + 2];
		strbuf_addch(out, digits[(v >> 18) & 63]);
		strbuf_addch(out, digits[(v >> 12) & 63]);
		strbuf_addch(out, i + 1 < len ? digits[(v >> 6) & 63] : '=');
		strbuf_addch(out, i + 2 < len ? digits[v & 63] : '=');
	}
}

/* The longest prefix of s (len bytes) of at most max bytes that ends on a character. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
	size_t n = max;

	if (len <= max)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n ? n : max;
}

/* Where a phrase's next encoded-word of at most max bytes ends: before its
 * last space, else 0. */
static size_t space_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	for (size_t i = utf8_cut(s, len, max); i > 0; i--)
		if (s[i] == ' ')
			return i;
	return 0;
}

/* The text as "=?UTF-8?B?...?=" words, each fitting its line where it can. In a
 * phrase, words break before a space, on this line or else on the next: the
 * space between two encoded-words is dropped by decoders, so it must be inside
 * one, and some readers (Python's) keep a break inside a word as a space. Only
 * a word longer than an encoded-word is cut inside. */
static void encode_words(struct fold *f, const char *s, size_t len, bool phrase)
{
	struct strbuf word = STRBUF_INIT;

	while (len) {
		size_t room = f->col + 1 + 12 < LINE_SOFT ? (LINE_SOFT - f->col - 1 - 12) / 4 * 3 : 0;
		size_t max = room < 12 || room > WORD_BYTES ? WORD_BYTES : room;
		size_t n = phrase ? space_cut(s, len, max) : 0;
		if (!n && phrase && max < WORD_BYTES)
			n = space_cut(s, len, WORD_BYTES);
		if (!n)
			n = utf8_cut(s, len, max);
		strbuf_reset(&word);
		strbuf_addstr(&word, "=?UTF-8?B?");
		base64(&word, (const unsigned char *)s, n);
		strbuf_addstr(&word, "?=");
		fold_add(f, word.buf, word.len);
		s += n;
		len -= n;
	}
	strbuf_release(&word);
}

static bool ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Words of printable ASCII (of alnum and extra when extra is set) that fit a
 * folded line, and nothing a decoder would take for an encoded-word. */
static bool plain_words(const char *s, const char *extra)
{
	size_t word = 0;

	if (strstr(s, "=?"))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ') {
			word = 0;
			continue;
		}
		if (*p < 0x21 || *p > 0x7E || ++word > LINE_SOFT - 2)
			return false;
		if (extra && !ascii_alnum(*p) && !strchr(extra, *p))
			return false;
	}
	return true;
}

/* Each space-separated word of s as a token. */
static void add_words(struct fold *f, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, " ");
		fold_add(f, s, n);
		s += n + (s[n] == ' ');
	}
}

static void header_start(struct fold *f, struct strbuf *out, const char *name)
{
	f->out = out;
	strbuf_addf(out, "%s:", name);
	f->col = strlen(name) + 1;
}

void eml_header_text(struct strbuf *out, const char *name, const char *value)
{
	struct strbuf v = STRBUF_INIT;
	struct fold f;

	header_start(&f, out, name);
	clean_value(&v, value);
	if (plain_words(v.buf, NULL))
		add_words(&f, v.buf);
	else
		encode_words(&f, v.buf, v.len, false);
	strbuf_addstr(out, "\r\n");
	strbuf_release(&v);
}

/* atext of RFC 5322 beyond letters and digits */
static const char ATEXT[] = "!#$%&'*+-/=?^_`{|}~";

static bool is_atom(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!ascii_alnum((unsigned char)s[i]) && !strchr(ATEXT, s[i]))
			return false;
	return len && len < LINE_SOFT - 2 && !memmem(s, len, "=?", 2);
}

/* A word of printable ASCII that fits a quoted string on a line. */
static bool is_ascii_word(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < 0x21 || s[i] > 0x7E)
			return false;
	return len && len < LINE_SOFT / 2 && !memmem(s, len, "=?", 2);
}

/* s as a quoted string, folded at its spaces (unfolding gives it back whole). */
static void add_quoted(struct fold *f, const char *s, size_t len)
{
	struct strbuf q = STRBUF_INIT;

	strbuf_addch(&q, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\')
			strbuf_addch(&q, '\\');
		strbuf_addch(&q, s[i]);
	}
	strbuf_addch(&q, '"');
	add_words(f, q.buf);
	strbuf_release(&q);
}

/* Atoms as they are, other ASCII words quoted, each run of words with other
 * characters as encoded-words. */
static void add_mixed_phrase(struct fold *f, const char *p)
{
	while (*p) {
		size_t n = strcspn(p, " ");
		const char *q = p + n;
		if (is_atom(p, n)) {
			fold_add(f, p, n);
		} else if (is_ascii_word(p, n)) {
			add_quoted(f, p, n);
		} else {
			while (*q == ' ' && !is_ascii_word(q + 1, strcspn(q + 1, " ")))
				q += 1 + strcspn(q + 1, " ");
			encode_words(f, p, (size_t)(q - p), true);
		}
		p = *q ? q + 1 : q;
	}
}

/* A display name: atoms, else a quoted string, else a mix with encoded-words. */
static void add_phrase(struct fold *f, const char *name)
{
	if (plain_words(name, ATEXT))
		add_words(f, name);
	else if (plain_words(name, NULL))
		add_quoted(f, name, strlen(name));
	else
		add_mixed_phrase(f, name);
}

static bool dot_atom(const char *s, size_t len, const char *extra)
{
	if (!len || s[0] == '.' || s[len - 1] == '.')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!(ascii_alnum((unsigned char)s[i]) || strchr(extra, s[i]) ||
		      (s[i] == '.' && s[i + 1] != '.')))
			return false;
	return true;
}

int eml_check_address(const char *addr, struct error *err)
{
	const char *at = addr ? strchr(addr, '@') : NULL;
	size_t len = addr ? strlen(addr) : 0;

	if (!at || len > 254 || strchr(at + 1, '@') || !dot_atom(addr, (size_t)(at - addr), ATEXT) ||
	    !dot_atom(at + 1, len - (size_t)(at - addr) - 1, "-"))
		return error_set(err, ERR_INVALID,
				 "'%.200s' cannot go in an e-mail header (only plain ASCII"
				 " addresses such as name@example.org)",
				 addr ? addr : "");
	return 0;
}

int eml_header_address(struct strbuf *out, const char *name, const char *display,
		       const char *addr, struct error *err)
{
	struct strbuf v = STRBUF_INIT, angle = STRBUF_INIT;
	struct fold f;

	if (eml_check_address(addr, err))
		return ERR_INVALID;
	header_start(&f, out, name);
	clean_value(&v, display);
	if (v.len) {
		add_phrase(&f, v.buf);
		strbuf_addf(&angle, "<%s>", addr);
		fold_add(&f, angle.buf, angle.len);
	} else {
		fold_add(&f, addr, strlen(addr));
	}
	strbuf_addstr(out, "\r\n");
	strbuf_release(&v);
	strbuf_release(&angle);
	return 0;
}

void eml_date(struct strbuf *out, const struct datetime *dt, int utc_offset)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	long wday = ((date_to_days(dt) % 7) + 11) % 7; /* 1970-01-01 was a Thursday */
	int off = utc_offset < 0 ? -utc_offset : utc_offset;

	strbuf_addf(out, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", days[wday], dt->day,
		    months[(dt->month - 1) % 12], dt->year, dt->hour, dt->minute, dt->second,
		    utc_offset < 0 ? '-' : '+', off / 60 % 100, off % 60);
}

int eml_local_offset(const struct datetime *dt)
{
	struct tm tm = { .tm_year = dt->year - 1900, .tm_mon = dt->month - 1,
			 .tm_mday = dt->day, .tm_hour = dt->hour, .tm_min = dt->minute,
			 .tm_sec = dt->second, .tm_isdst = -1 };

	if (mktime(&tm) == (time_t)-1)
		return 0;
	return (int)(tm.tm_gmtoff / 60);
}

/* FNV-1a, 64 bits, of the task, its stamp and salt: the part of an id
 * that keeps two users' task 5, made in the same second, apart. */
static unsigned long long draft_hash(const char *stamp, int64_t task_id, const char *salt)
{
	unsigned long long h = 1469598103934665603ULL;
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)task_id);
	for (const char *part[] = { stamp, id, salt ? salt : "" }, **p = part; p < part + 3; p++)
		for (const unsigned char *c = (const unsigned char *)*p; ; c++) {
			h = (h ^ *c) * 1099511628211ULL; /* the NUL too: a separator */
			if (!*c)
				break;
		}
	return h;
}

/* The 14 digits of an instant ("2026-03-02T09:00:00Z": 20260302090000)
 * into stamp; false when it has not 14. */
static bool stamp_digits(const char *instant, char stamp[EML_STAMP_SIZE])
{
	size_t n = 0;

	for (const char *p = instant; *p && n < EML_STAMP_SIZE - 1; p++)
		if (*p >= '0' && *p <= '9')
			stamp[n++] = *p;
	stamp[n] = '\0';
	return n == EML_STAMP_SIZE - 1;
}

int eml_draft_message_id(struct strbuf *out, const char *created, int64_t task_id,
			 const char *salt)
{
	char stamp[EML_STAMP_SIZE];

	if (!stamp_digits(created, stamp))
		return -1;
	strbuf_addf(out, "%s.%lld.%016llx" EML_DRAFT_DOMAIN, stamp, (long long)task_id,
		    draft_hash(stamp, task_id, salt));
	return 0;
}

bool eml_draft_message_task(const char *id, int64_t *task_id, char stamp[EML_STAMP_SIZE])
{
	const char *p = id + EML_STAMP_SIZE - 1, *hex;
	char *end;
	long long task;

	if (strspn(id, "0123456789") != EML_STAMP_SIZE - 1 || *p != '.' ||
	    !(p[1] >= '1' && p[1] <= '9'))
		return false;
	task = strtoll(p + 1, &end, 10);
	hex = end + 1;
	if (*end != '.' || task <= 0 || strspn(hex, "0123456789abcdef") != 16 ||
	    strcasecmp(hex + 16, EML_DRAFT_DOMAIN))
		return false;
	memcpy(stamp, id, EML_STAMP_SIZE - 1);
	stamp[EML_STAMP_SIZE - 1] = '\0';
	*task_id = task;
	return true;
}

bool eml_draft_stamp_is(const char *instant, const char stamp[EML_STAMP_SIZE])
{
	char digits[EML_STAMP_SIZE];

	return instant && stamp_digits(instant, digits) && !strcmp(digits, stamp);
}

/* The body's lines, without line ends; *longest gets the longest one. */
static void body_lines(const char *body, struct strbuf *text, size_t *longest)
{
	size_t line = 0;

	*longest = 0;
	for (const char *p = body ? body : ""; *p; p++) {
		if (*p == '\r')
			continue;
		strbuf_addch(text, *p);
		line = *p == '\n' ? 0 : line + 1;
		if (line > *longest)
			*longest = line;
	}
	if (text->len && text->buf[text->len - 1] != '\n')
		strbuf_addch(text, '\n');
}

/* One line as quoted-printable (RFC 2045), soft breaks before 76 columns. */
static void qp_line(struct strbuf *out, const unsigned char *s, size_t len)
{
	size_t col = 0;

	for (size_t i = 0; i < len; i++) {
		bool last = i + 1 == len;
		bool lit = (s[i] >= 33 && s[i] <= 126 && s[i] != '=') ||
			   ((s[i] == ' ' || s[i] == '\t') && !last);
		size_t w = lit ? 1 : 3;
		if (col + w > 75) {
			strbuf_addstr(out, "=\r\n");
			col = 0;
		}
		if (lit)
			strbuf_addch(out, s[i]);
		else
			strbuf_addf(out, "=%02X", s[i]);
		col += w;
	}
	strbuf_addstr(out, "\r\n");
}

/* The transfer encoding header and the body, CRLF line ends. */
static void add_body(struct strbuf *out, const char *body, bool unsent)
{
	struct strbuf text = STRBUF_INIT;
	size_t longest;
	bool qp;

	body_lines(body, &text, &longest);
	qp = longest > BODY_MAX;
	strbuf_addf(out, "Content-Transfer-Encoding: %s\r\n%s\r\n",
		    qp ? "quoted-printable" : "8bit", unsent ? "X-Unsent: 1\r\n" : "");
	for (const char *p = text.buf; *p;) {
		size_t n = strcspn(p, "\n");
		if (qp) {
			qp_line(out, (const unsigned char *)p, n);
		} else {
			strbuf_add(out, p, n);
			strbuf_addstr(out, "\r\n");
		}
		p += n + (p[n] == '\n');
	}
	strbuf_release(&text);
}

int eml_build(const struct eml_message *m, struct strbuf *out, struct error *err)
{
	if (m->from_addr && eml_header_address(out, "From", m->from_name, m->from_addr, err))
		return ERR_INVALID;
	if (m->to_addr && eml_header_address(out, "To", m->to_name, m->to_addr, err))
		return ERR_INVALID;
	eml_header_text(out, "Subject", m->subject);
	strbuf_addstr(out, "Date: ");
	eml_date(out, m->date, m->utc_offset);
	strbuf_addstr(out, "\r\n");
	if (m->message_id && !eml_check_address(m->message_id, NULL))
		strbuf_addf(out, "Message-ID: <%s>\r\n", m->message_id);
	strbuf_addstr(out, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n");
	add_body(out, m->body, !m->sending);
	return 0;
}

/* Percent-encode s: bytes other than letters, digits and keep stay as they are. */
static void pct(struct strbuf *out, const char *s, const char *keep, bool crlf)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (crlf && *p == '\r')
			continue;
		if (crlf && *p == '\n')
			strbuf_addstr(out, "%0D%0A");
		else if (ascii_alnum(*p) || strchr(keep, *p))
			strbuf_addch(out, *p);
		else
			strbuf_addf(out, "%%%02X", *p);
	}
}

void eml_mailto(struct strbuf *out, const char *addr, const char *subject, const char *body)
{
	size_t blen = body ? strlen(body) : 0;
	char *text;

	strbuf_addstr(out, "mailto:");
	pct(out, addr ? addr : "", "-._~+@!", false);
	strbuf_addstr(out, "?subject=");
	pct(out, subject ? subject : "", "-._~", false);
	strbuf_addstr(out, "&body=");
	while (blen && (body[blen - 1] == '\n' || body[blen - 1] == '\r'))
		blen--;
	text = xstrndup(body ? body : "", blen);
	pct(out, text, "-._~", true);
	free(text);
}
