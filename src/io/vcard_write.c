/* vcard_write.c: writing a card as vCard 4.0 (RFC 6350). */
#include "io/vcard.h"

#include <stdbool.h>
#include <string.h>

#define FOLD_AT 75 /* octets of a line, without its CRLF (RFC 6350 3.2) */

/* Append line[0..len) folded: at most FOLD_AT octets a line, a continuation
 * line starting with a space, never a cut inside a UTF-8 character. */
static void add_folded(struct strbuf *out, const char *s, size_t len)
{
	size_t room = FOLD_AT;

	while (len > room) {
		size_t n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		if (n == 0)
			n = room; /* not UTF-8: cut anywhere rather than loop */
		strbuf_add(out, s, n);
		strbuf_addstr(out, "\r\n ");
		s += n;
		len -= n;
		room = FOLD_AT - 1;
	}
	strbuf_add(out, s, len);
	strbuf_addstr(out, "\r\n");
}

/* A text value escaped (RFC 6350 3.4): backslash, comma, semicolon, and
 * line breaks (CRLF, LF or CR) as \n; other control characters but tabs
 * are dropped. */
static void add_text(struct strbuf *line, const char *v)
{
	for (const char *p = v ? v : ""; *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch == '\\' || ch == ',' || ch == ';') {
			strbuf_addch(line, '\\');
			strbuf_addch(line, ch);
		} else if (ch == '\r' || ch == '\n') {
			strbuf_addstr(line, "\\n");
			if (ch == '\r' && p[1] == '\n')
				p++;
		} else if (ch >= 0x20 && ch != 0x7F) {
			strbuf_addch(line, ch);
		} else if (ch == '\t') {
			strbuf_addch(line, ch);
		}
	}
}

static bool has_text(const char *s)
{
	return s && *s;
}

/* Whether s starts like a URI: a scheme (a letter, then letters, digits, + - .) and a colon. */
static bool has_scheme(const char *s)
{
	size_t n = 0;

	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	while (s[n] && (strchr("+-.", s[n]) || (s[n] >= '0' && s[n] <= '9') ||
			(s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
		n++;
	return s[n] == ':';
}

static void add_property(struct strbuf *out, struct strbuf *line, const char *name,
			 const char *value)
{
	if (!has_text(value))
		return;
	strbuf_reset(line);
	strbuf_addstr(line, name);
	strbuf_addch(line, ':');
	add_text(line, value);
	add_folded(out, line->buf, line->len);
}

/* ;TYPE=work,voice from a type list: only [a-z0-9-] words (lowered), so a
 * type never needs quoting. */
static void add_type_param(struct strbuf *line, const char *type)
{
	size_t start = line->len;
	bool word = false;

	strbuf_addstr(line, ";TYPE=");
	for (const char *p = type ? type : ""; *p; p++) {
		char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') {
			strbuf_addch(line, ch);
			word = true;
		} else if (ch == ',' && word) {
			strbuf_addch(line, ',');
			word = false;
		}
	}
	if (line->len && line->buf[line->len - 1] == ',')
		line->len--;
	if (line->len == start + strlen(";TYPE="))
		line->len = start;
	line->buf[line->len] = '\0';
}

static void add_values(struct strbuf *out, struct strbuf *line, const char *name,
		       const struct vcard_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!has_text(v[i].value))
			continue;
		strbuf_reset(line);
		strbuf_addstr(line, name);
		add_type_param(line, v[i].type);
		if (v[i].pref)
			strbuf_addstr(line, ";PREF=1");
		strbuf_addch(line, ':');
		add_text(line, v[i].value);
		add_folded(out, line->buf, line->len);
	}
}

void vcard_write(struct strbuf *out, const struct vcard *c)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addstr(out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
	/* FN is required; made from the name's parts when missing */
	strbuf_addstr(&line, "FN:");
	if (has_text(c->fn)) {
		add_text(&line, c->fn);
	} else {
		add_text(&line, c->given);
		if (has_text(c->given) && has_text(c->family))
			strbuf_addch(&line, ' ');
		add_text(&line, c->family);
	}
	add_folded(out, line.buf, line.len);
	/* N: family;given;additional;prefixes;suffixes. Without the parts, the
	 * whole name as the family name, as address books that sort by N expect
	 * one rather than an empty N; rapport reads its name from FN. */
	strbuf_reset(&line);
	strbuf_addstr(&line, "N:");
	if (has_text(c->given) || has_text(c->family)) {
		add_text(&line, c->family);
		strbuf_addch(&line, ';');
		add_text(&line, c->given);
	} else {
		add_text(&line, c->fn);
		strbuf_addch(&line, ';');
	}
	strbuf_addstr(&line, ";;;");
	add_folded(out, line.buf, line.len);
	add_property(out, &line, "ORG", c->org);
	add_property(out, &line, "TITLE", c->title);
	add_values(out, &line, "EMAIL", c->emails, c->nemails);
	add_values(out, &line, "TEL", c->phones, c->nphones);
	/* URL and UID are URIs, escaped all the same: vobject, Apple and
	 * Google unescape them, and a bare comma would cut the value there */
	add_property(out, &line, "URL", c->url);
	add_property(out, &line, "NOTE", c->note);
	/* a UID is a URI unless said otherwise: 3.0's "1234-abcd" is text */
	add_property(out, &line, has_scheme(c->uid) ? "UID" : "UID;VALUE=text", c->uid);
	strbuf_addstr(out, "END:VCARD\r\n");
	strbuf_release(&line);
}
