/* mail_text.c: what is read from a message's text without GMime (see
 * mail_parse.h): where its headers end, an out-of-office subject, HTML as
 * text, an excerpt. Pure, and fuzzed (tests/fuzz/fuzz-mail.c). */
#include "io/mail_parse.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

size_t mail_header_end(const char *raw, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (raw[i] != '\n')
			continue;
		if (i + 1 < len && raw[i + 1] == '\n')
			return i + 2;
		if (i + 2 < len && raw[i + 1] == '\r' && raw[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* The subjects of automatic replies, lower-case, in the languages of
 * rapport's users' mail; matched anywhere in the subject. */
static const char *const auto_subjects[] = {
	"out of office",      "out of the office",  "automatic reply",   "auto-reply",
	"autoreply",          "auto reply",         "away from the office",
	"abwesenheitsnotiz",  "automatische antwort", "réponse automatique",
	"absent du bureau",   "respuesta automática", "fuera de la oficina",
	"risposta automatica", "fuori ufficio",
};

bool mail_subject_automatic(const char *subject)
{
	char *low = xstrdup(subject ? subject : "");
	bool found = false;

	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (size_t i = 0; i < ARRAY_SIZE(auto_subjects) && !found; i++)
		found = strstr(low, auto_subjects[i]) != NULL;
	free(low);
	return found;
}

/* ---- HTML as text ---- */

static const struct {
	const char *name; /* with its ; */
	const char *text;
} entities[] = {
	{ "&amp;", "&" },  { "&lt;", "<" },   { "&gt;", ">" },   { "&quot;", "\"" },
	{ "&#39;", "'" },  { "&apos;", "'" }, { "&nbsp;", " " },
};

/* An entity at p: its text into sb, and its length; 0 when p is none of them. */
static size_t add_entity(struct strbuf *sb, const char *p)
{
	for (size_t i = 0; i < ARRAY_SIZE(entities); i++) {
		size_t n = strlen(entities[i].name);
		if (!strncasecmp(p, entities[i].name, n)) {
			strbuf_addstr(sb, entities[i].text);
			return n;
		}
	}
	return 0;
}

/* After a tag that starts at p ('<'): past its '>', and past the element's
 * content too for a script or a style, which are not text. */
static const char *skip_tag(const char *p)
{
	static const char *const hidden[] = { "script", "style", "head" };
	const char *end = strchr(p, '>');

	for (size_t i = 0; i < ARRAY_SIZE(hidden) && end; i++) {
		size_t n = strlen(hidden[i]);
		char close[16];
		const char *q;
		if (strncasecmp(p + 1, hidden[i], n) || isalnum((unsigned char)p[1 + n]))
			continue;
		snprintf(close, sizeof(close), "</%s", hidden[i]);
		for (q = end; (q = strchr(q, '<')) && strncasecmp(q, close, n + 2); q++)
			;
		end = q ? strchr(q, '>') : NULL;
	}
	return end ? end + 1 : p + strlen(p);
}

/* Does the tag at p ('<') end a line: a paragraph, a break, a row, a list item? */
static bool tag_breaks(const char *p)
{
	static const char *const blocks[] = { "br", "p", "div", "tr", "li", "h1", "h2", "h3",
					      "blockquote", "table" };

	p += p[1] == '/' ? 2 : 1;
	for (size_t i = 0; i < ARRAY_SIZE(blocks); i++) {
		size_t n = strlen(blocks[i]);
		if (!strncasecmp(p, blocks[i], n) && !isalnum((unsigned char)p[n]))
			return true;
	}
	return false;
}

char *mail_html_to_text(const char *html)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = html;
	size_t n;

	while (*p) {
		if (*p == '<') {
			if (tag_breaks(p))
				strbuf_addch(&sb, '\n');
			p = skip_tag(p);
		} else if (*p == '&' && (n = add_entity(&sb, p))) {
			p += n;
		} else {
			strbuf_addch(&sb, *p == '\r' || *p == '\t' ? ' ' : *p);
			p++;
		}
	}
	return strbuf_detach(&sb);
}

/* ---- the excerpt ---- */

/* Add one line (start, n bytes) trimmed, and its line break, keeping at
 * most one blank line in a row; *chars counts the characters added. */
static void add_line(struct strbuf *sb, const char *start, size_t n, size_t *chars)
{
	while (n && isspace((unsigned char)*start))
		start++, n--;
	while (n && isspace((unsigned char)start[n - 1]))
		n--;
	if (!n && (!sb->len || (sb->len >= 2 && !strcmp(sb->buf + sb->len - 2, "\n\n"))))
		return;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)start[i] & 0xc0) != 0x80)
			(*chars)++;
		strbuf_addch(sb, start[i]);
	}
	strbuf_addch(sb, '\n');
	(*chars)++;
}

/* Cut sb to its first max characters, on a character's start. */
static bool cut_chars(struct strbuf *sb, size_t max)
{
	size_t chars = 0, i;

	for (i = 0; i < sb->len; i++) {
		if (((unsigned char)sb->buf[i] & 0xc0) != 0x80 && chars++ == max)
			break;
	}
	if (i >= sb->len)
		return false;
	sb->len = i;
	sb->buf[i] = '\0';
	return true;
}

/* Does the text end with a line that introduces a quote ("On Monday,
 * Hiring Manager wrote:")? Then it goes with the quote. */
static void drop_attribution(struct strbuf *sb, size_t last_line)
{
	static const char *const ends[] = { "wrote:\n", "a écrit :\n", "schrieb:\n", "escribió:\n" };

	for (size_t i = 0; i < ARRAY_SIZE(ends); i++) {
		size_t n = strlen(ends[i]);
		if (sb->len >= n && !strcmp(sb->buf + sb->len - n, ends[i])) {
			sb->len = last_line;
			sb->buf[last_line] = '\0';
			return;
		}
	}
}

char *mail_excerpt(const char *text, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	size_t chars = 0, last_line = 0;

	for (const char *line = text; *line && chars <= max;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		if (*line == '>') {
			drop_attribution(&sb, last_line);
		} else {
			last_line = sb.len;
			add_line(&sb, line, n, &chars);
		}
		line += n + (nl != NULL);
	}
	strbuf_trim(&sb);
	if (cut_chars(&sb, max)) {
		strbuf_trim(&sb);
		strbuf_addstr(&sb, "…");
	}
	return strbuf_detach(&sb);
}

/* ---- text the store takes ---- */

/* Is s (n bytes left) a bidirectional control (U+202A-U+202E,
 * U+2066-U+2069), which reverses the text around it? The store refuses them. */
static bool bidi_control(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xE2 &&
	       ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
		(s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9));
}

/* A control character as the store takes it: a space, or a line break (a
 * CR dropped) where lines are kept. */
static void add_control(struct strbuf *sb, unsigned char c, bool one_line)
{
	if (c == '\r')
		return;
	strbuf_addch(sb, !one_line && (c == '\n' || c == '\t') ? c : ' ');
}

/* The length of the UTF-8 sequence at p (end - p bytes left), or 0 when
 * it is not one: its byte is then taken as windows-1252 (a message that
 * says UTF-8 and is not, a raw 8-bit header). */
static size_t utf8_at(const unsigned char *p, const unsigned char *end)
{
	size_t n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 0;

	return n && (size_t)(end - p) >= n && utf8_valid((const char *)p, n) ? n : 0;
}

/* A byte that is not UTF-8, as windows-1252 reads it; the five it leaves
 * unassigned become C1 controls there, and a space here. */
static void add_cp1252(struct strbuf *sb, unsigned char b)
{
	size_t len = sb->len;

	text_add_cp1252(sb, b);
	if (sb->len == len + 2 && (unsigned char)sb->buf[len] == 0xC2 &&
	    (unsigned char)sb->buf[len + 1] < 0xA0) {
		sb->len = len;
		strbuf_addch(sb, ' ');
	}
}

char *mail_clean_text(const char *s, bool one_line, size_t max)
{
	struct strbuf out = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	size_t n;

	for (; p < end; p++) {
		if (*p < 0x20 || *p == 0x7F)
			add_control(&out, *p, one_line);
		else if (*p < 0x80)
			strbuf_addch(&out, (char)*p);
		else if (!(n = utf8_at(p, end)))
			add_cp1252(&out, *p);
		else if ((n == 2 && p[0] == 0xC2 && p[1] < 0xA0) || bidi_control(p, n))
			p += n - 1; /* a C1 control, or one that reverses the text */
		else
			strbuf_add(&out, p, n), p += n - 1;
	}
	if (out.len > max) {
		n = max;
		while (n && ((unsigned char)out.buf[n] & 0xc0) == 0x80)
			n--;
		out.len = n;
		out.buf[n] = '\0';
	}
	strbuf_trim(&out);
	return strbuf_detach(&out);
}
