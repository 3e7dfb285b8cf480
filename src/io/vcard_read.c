/*
 * vcard_read.c: reading vCard 2.1, 3.0 and 4.0 into plain records (see vcard.h).
 *
 * A value goes through the same steps whatever its version: unfolding, its
 * transfer encoding (2.1's QUOTED-PRINTABLE) undone, its CHARSET converted
 * to UTF-8, then split into components (N, ORG) and unescaped. Escapes come
 * last because the second byte of a character in Shift_JIS or Big5 may be
 * a backslash.
 */
#include "io/vcard.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "io/vcard_parse.h"
#include "util/xalloc.h"

#define VALUES_MAX 50 /* e-mails, and phones, kept per card */
#define TYPE_MAX 100  /* bytes of one value's type list */

/* ---- one card ---- */

struct card_state {
	struct vcard c;
	int version;          /* 21, 30 or 40 */
	struct strbuf reason; /* why the card is skipped; empty while it is fine */
	char *n_given, *n_family, *n_other;
	char *url_other;      /* the first URL that is not LinkedIn's */
	bool after_empty_agent;
	int agent_depth;      /* inside a 2.1 AGENT's own card */
};

static void card_fail(struct card_state *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void card_fail(struct card_state *st, const char *fmt, ...)
{
	va_list ap;

	if (st->reason.len)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&st->reason, fmt, ap);
	va_end(ap);
}

static void vcard_release(struct vcard *c)
{
	free(c->fn);
	free(c->given);
	free(c->family);
	free(c->org);
	free(c->title);
	free(c->note);
	free(c->url);
	free(c->uid);
	for (size_t i = 0; i < c->nemails; i++) {
		free(c->emails[i].value);
		free(c->emails[i].type);
	}
	for (size_t i = 0; i < c->nphones; i++) {
		free(c->phones[i].value);
		free(c->phones[i].type);
	}
	free(c->emails);
	free(c->phones);
	memset(c, 0, sizeof(*c));
}

static void card_reset(struct card_state *st, long line)
{
	vcard_release(&st->c);
	free(st->n_given);
	free(st->n_family);
	free(st->n_other);
	free(st->url_other);
	st->n_given = st->n_family = st->n_other = st->url_other = NULL;
	st->c.line = line;
	st->version = 30;
	strbuf_reset(&st->reason);
	st->after_empty_agent = false;
	st->agent_depth = 0;
}

/* What the parameters of one property say. */
struct params {
	enum vcard_encoding enc;
	struct vcard_span charset;
	bool pref;
	struct strbuf types; /* lower case, comma-joined, each once */
};

static void add_type(struct params *pp, struct vcard_span w)
{
	if (!w.len)
		return;
	if (vcard_span_ieq(w, "pref")) {
		pp->pref = true;
		return;
	}
	if (vcard_span_ieq(w, "internet")) /* what every e-mail address is */
		return;
	if (pp->types.len + 1 + w.len > TYPE_MAX)
		return;
	for (size_t i = 0; i < w.len; i++) {
		char ch = w.p[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return; /* not a type word: ignored */
	}
	/* each type once: search ",word," in ",list," */
	for (size_t i = 0; i + w.len <= pp->types.len; i++) {
		if ((i == 0 || pp->types.buf[i - 1] == ',') &&
		    !strncasecmp(pp->types.buf + i, w.p, w.len) &&
		    (i + w.len == pp->types.len || pp->types.buf[i + w.len] == ','))
			return;
	}
	if (pp->types.len)
		strbuf_addch(&pp->types, ',');
	for (size_t i = 0; i < w.len; i++) {
		char ch = w.p[i];
		strbuf_addch(&pp->types, ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
	}
}

static void read_params(struct vcard_span rest, struct params *pp)
{
	struct vcard_span name, value, w;

	pp->enc = VCARD_ENC_NONE;
	pp->charset = (struct vcard_span){ "", 0 };
	pp->pref = false;
	strbuf_reset(&pp->types);
	while (vcard_next_param(&rest, &name, &value)) {
		if (!name.len) {
			w = vcard_span_trim(value);
			if (vcard_encoding_of(w) != VCARD_ENC_OTHER)
				pp->enc = vcard_encoding_of(w);
			else
				add_type(pp, w);
		} else if (vcard_span_ieq(name, "TYPE")) {
			while (vcard_next_word(&value, &w))
				add_type(pp, w);
		} else if (vcard_span_ieq(name, "PREF")) {
			if (vcard_span_ieq(vcard_span_trim(value), "1"))
				pp->pref = true;
		} else if (vcard_span_ieq(name, "ENCODING")) {
			pp->enc = vcard_encoding_of(vcard_span_trim(value));
		} else if (vcard_span_ieq(name, "CHARSET")) {
			pp->charset = vcard_span_trim(value);
		}
	}
}

/* s for a message: at most 40 bytes, printable ASCII (others as '?'). */
static void add_printable(struct strbuf *sb, struct vcard_span s)
{
	for (size_t i = 0; i < s.len && i < 40; i++)
		strbuf_addch(sb, s.p[i] > 0x20 && s.p[i] < 0x7F ? s.p[i] : '?');
}

/* The property's value as UTF-8 in out: 0, 1 when the property is to be
 * ignored (a binary value), -1 when the card fails (st->reason says why). */
static int decode_value(struct card_state *st, const struct vcard_prop *p, const struct params *pp,
			long line, struct strbuf *out)
{
	struct strbuf raw = STRBUF_INIT;
	struct vcard_span v = p->value;
	int rc = 0;

	strbuf_reset(out);
	if (pp->enc == VCARD_ENC_BASE64 || pp->enc == VCARD_ENC_OTHER)
		return 1;
	if (pp->enc == VCARD_ENC_QP) {
		vcard_qp_decode(&raw, v);
		v = (struct vcard_span){ raw.buf, raw.len };
	}
	switch (pp->charset.len ? vcard_charset_kind(pp->charset) : VCARD_CS_UTF8) {
	case VCARD_CS_UTF8:
		/* 2.1 had no default charset: old Outlooks wrote windows-1252 */
		if (!pp->charset.len && st->version == 21 && !utf8_valid(v.p, v.len))
			vcard_cp1252_decode(out, v.p, v.len);
		else
			strbuf_add(out, v.p, v.len);
		break;
	case VCARD_CS_CP1252:
		vcard_cp1252_decode(out, v.p, v.len);
		break;
	case VCARD_CS_OTHER:
		rc = vcard_iconv(out, pp->charset, v.p, v.len);
		if (rc) {
			struct strbuf name = STRBUF_INIT;

			add_printable(&name, pp->charset);
			if (rc == -1)
				card_fail(st, "the charset of the %.*s on line %ld is unknown: %s",
					  (int)p->name.len, p->name.p, line, name.buf);
			else
				card_fail(st, "the %.*s on line %ld is not valid %s", (int)p->name.len,
					  p->name.p, line, name.buf);
			strbuf_release(&name);
			rc = -1;
		}
		break;
	}
	strbuf_release(&raw);
	if (rc)
		return rc;
	if (memchr(out->buf, '\0', out->len)) {
		card_fail(st, "the %.*s on line %ld holds a NUL byte", (int)p->name.len, p->name.p,
			  line);
		return -1;
	}
	if (!utf8_valid(out->buf, out->len)) {
		card_fail(st, "the %.*s on line %ld is not valid UTF-8", (int)p->name.len, p->name.p,
			  line);
		return -1;
	}
	return 0;
}

/* Unescape s[*pos..len) into out up to the first unescaped ';' when
 * structured (which *pos then passes). 3.0 and 4.0 escape \n \N \, \; \\
 * (and Apple's \:); 2.1 escapes only \;. Other backslashes stay. */
static void unescape(struct strbuf *out, const struct strbuf *s, size_t *pos, int version,
		     bool structured)
{
	size_t i = *pos;

	strbuf_reset(out);
	for (; i < s->len; i++) {
		char ch = s->buf[i], next = i + 1 < s->len ? s->buf[i + 1] : '\0';

		if (ch == ';' && structured) {
			i++;
			break;
		}
		if (ch == '\\' && next == ';') {
			strbuf_addch(out, ';');
			i++;
		} else if (ch == '\\' && version != 21 && (next == 'n' || next == 'N')) {
			strbuf_addch(out, '\n');
			i++;
		} else if (ch == '\\' && version != 21 && (next == ',' || next == '\\' || next == ':')) {
			strbuf_addch(out, next);
			i++;
		} else {
			strbuf_addch(out, ch);
		}
	}
	*pos = i;
}

/* A one-line value: control characters (line breaks, tabs) become spaces,
 * spaces around go. NULL when nothing is left. */
static char *one_line(struct strbuf *v)
{
	for (size_t i = 0; i < v->len; i++)
		if ((unsigned char)v->buf[i] < 0x20 || v->buf[i] == 0x7F)
			v->buf[i] = ' ';
	strbuf_trim(v);
	return v->len ? xstrndup(v->buf, v->len) : NULL;
}

/* A note: line breaks as LF, other control characters but tabs dropped. */
static char *note_text(struct strbuf *v)
{
	size_t n = 0;

	for (size_t i = 0; i < v->len; i++) {
		unsigned char ch = (unsigned char)v->buf[i];
		if (ch == '\r') {
			if (i + 1 < v->len && v->buf[i + 1] == '\n')
				continue;
			ch = '\n';
		}
		if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7F)
			continue;
		v->buf[n++] = (char)ch;
	}
	v->len = n;
	v->buf[n] = '\0';
	strbuf_trim(v);
	return v->len ? xstrndup(v->buf, v->len) : NULL;
}

/* Keep value as *slot unless set already or too long (then the card fails). */
static void keep_first(struct card_state *st, char **slot, char *value, size_t max,
		       const struct vcard_prop *p, long line)
{
	if (value && strlen(value) > max) {
		card_fail(st, "the %.*s on line %ld is longer than %zu bytes", (int)p->name.len,
			  p->name.p, line, max);
		free(value);
	} else if (*slot || !value) {
		free(value);
	} else {
		*slot = value;
	}
}

static bool is_linkedin(const char *url)
{
	const char *host = strstr(url, "://"), *end;
	size_t n;

	host = host ? host + 3 : url;
	end = host + strcspn(host, "/?#:");
	n = (size_t)(end - host);
	return (n == 12 && !strncasecmp(host, "linkedin.com", 12)) ||
	       (n > 12 && !strncasecmp(end - 13, ".linkedin.com", 13));
}

static void add_value(struct card_state *st, bool phone, char *value, const struct params *pp,
		      const struct vcard_prop *p, long line)
{
	struct vcard_value **arr = phone ? &st->c.phones : &st->c.emails;
	size_t *n = phone ? &st->c.nphones : &st->c.nemails;
	size_t alloc = *n;

	if (!value)
		return;
	if (strlen(value) > TEXT_LINE_MAX) {
		card_fail(st, "the %.*s on line %ld is longer than %d bytes", (int)p->name.len,
			  p->name.p, line, TEXT_LINE_MAX);
		free(value);
		return;
	}
	if (*n >= VALUES_MAX) {
		free(value);
		return;
	}
	/* arrays grow one at a time: a card holds a handful */
	xgrow((void **)arr, sizeof(**arr), *n + 1, &alloc);
	(*arr)[*n] = (struct vcard_value){
		value, pp->types.len ? xstrndup(pp->types.buf, pp->types.len) : NULL, pp->pref
	};
	(*n)++;
}

/* Scratch buffers, reused from property to property. */
struct scratch {
	struct params pp;
	struct strbuf value, part;
};

static void read_n(struct card_state *st, struct scratch *sc, const struct vcard_prop *p, long line)
{
	struct strbuf other = STRBUF_INIT;
	char *family, *given;
	size_t pos = 0;

	if (st->n_family || st->n_given || st->n_other)
		return; /* the first N counts */
	unescape(&sc->part, &sc->value, &pos, st->version, true);
	family = one_line(&sc->part);
	unescape(&sc->part, &sc->value, &pos, st->version, true);
	given = one_line(&sc->part);
	/* additional names, prefixes, suffixes: a name only when there is no other */
	for (int k = 0; k < 3; k++) {
		unescape(&sc->part, &sc->value, &pos, st->version, true);
		strbuf_trim(&sc->part);
		if (sc->part.len && other.len)
			strbuf_addch(&other, ' ');
		strbuf_add(&other, sc->part.buf, sc->part.len);
	}
	keep_first(st, &st->n_family, family, TEXT_LINE_MAX, p, line);
	keep_first(st, &st->n_given, given, TEXT_LINE_MAX, p, line);
	keep_first(st, &st->n_other, one_line(&other), TEXT_LINE_MAX, p, line);
	strbuf_release(&other);
}

static void read_url(struct card_state *st, char *url, bool social, const struct vcard_prop *p,
		     long line)
{
	if (url && is_linkedin(url))
		keep_first(st, &st->c.url, url, TEXT_LINE_MAX, p, line);
	else if (!social)
		keep_first(st, &st->url_other, url, TEXT_LINE_MAX, p, line);
	else
		free(url);
}

/* 4.0's TEL;VALUE=uri:tel:+1-555-0100 as the number alone. A number is
 * never "tel:..." itself: every scheme in front goes, so that what is read
 * is written and read back the same (TEL:tel:tel:55 is 55). */
static char *without_tel_scheme(char *v)
{
	size_t skip = 0;

	if (!v)
		return v;
	while (!strncasecmp(v + skip, "tel:", 4))
		for (skip += 4; v[skip] == ' ';)
			skip++;
	if (!skip)
		return v;
	if (!v[skip]) {
		free(v);
		return NULL;
	}
	memmove(v, v + skip, strlen(v + skip) + 1);
	return v;
}

static void read_property(struct card_state *st, struct scratch *sc, const struct vcard_prop *p,
			  long line)
{
	static const char *const wanted[] = {
		"FN", "N", "ORG", "TITLE", "NOTE", "EMAIL", "TEL", "URL", "X-SOCIALPROFILE", "UID", NULL,
	};
	const char *const *w;
	size_t pos = 0;
	char *v;

	for (w = wanted; *w && !vcard_span_ieq(p->name, *w); w++)
		;
	if (!*w)
		return;
	read_params(p->params, &sc->pp);
	if (decode_value(st, p, &sc->pp, line, &sc->value))
		return;
	if (vcard_span_ieq(p->name, "N")) {
		read_n(st, sc, p, line);
		return;
	}
	/* ORG's first component is the organisation; the others are units */
	unescape(&sc->part, &sc->value, &pos, st->version, vcard_span_ieq(p->name, "ORG"));
	if (vcard_span_ieq(p->name, "NOTE")) {
		keep_first(st, &st->c.note, note_text(&sc->part), TEXT_NOTE_MAX, p, line);
		return;
	}
	v = one_line(&sc->part);
	if (vcard_span_ieq(p->name, "FN"))
		keep_first(st, &st->c.fn, v, TEXT_LINE_MAX, p, line);
	else if (vcard_span_ieq(p->name, "ORG"))
		keep_first(st, &st->c.org, v, TEXT_LINE_MAX, p, line);
	else if (vcard_span_ieq(p->name, "TITLE"))
		keep_first(st, &st->c.title, v, TEXT_LINE_MAX, p, line);
	else if (vcard_span_ieq(p->name, "UID"))
		keep_first(st, &st->c.uid, v, TEXT_LINE_MAX, p, line);
	else if (vcard_span_ieq(p->name, "EMAIL"))
		add_value(st, false, v, &sc->pp, p, line);
	else if (vcard_span_ieq(p->name, "TEL"))
		add_value(st, true, without_tel_scheme(v), &sc->pp, p, line);
	else
		read_url(st, v, vcard_span_ieq(p->name, "X-SOCIALPROFILE"), p, line);
}

/* The card is complete: its name, its URL; false (reason set) when it has no name. */
static bool card_finish(struct card_state *st)
{
	struct strbuf name = STRBUF_INIT;

	if (st->reason.len)
		return false;
	st->c.given = st->n_given;
	st->c.family = st->n_family;
	st->n_given = st->n_family = NULL;
	if (!st->c.fn) {
		if (st->c.given)
			strbuf_addstr(&name, st->c.given);
		if (st->c.given && st->c.family)
			strbuf_addch(&name, ' ');
		if (st->c.family)
			strbuf_addstr(&name, st->c.family);
		if (!name.len && st->n_other)
			strbuf_addstr(&name, st->n_other);
		if (name.len > TEXT_LINE_MAX)
			card_fail(st, "the name made from N is longer than %d bytes", TEXT_LINE_MAX);
		else if (name.len)
			st->c.fn = strbuf_detach(&name);
	}
	strbuf_release(&name);
	if (!st->c.fn)
		card_fail(st, "no name (no FN or N)");
	if (!st->c.url) {
		st->c.url = st->url_other;
		st->url_other = NULL;
	}
	return !st->reason.len;
}

/* ---- the list ---- */

static void add_skip(struct vcard_list *out, long line, const char *reason)
{
	xgrow((void **)&out->skips, sizeof(*out->skips), out->nskips + 1, &out->allocskips);
	out->skips[out->nskips++] = (struct vcard_skip){ line, xstrdup(reason) };
}

static void end_card(struct vcard_list *out, struct card_state *st)
{
	if (card_finish(st)) {
		xgrow((void **)&out->cards, sizeof(*out->cards), out->n + 1, &out->alloc);
		out->cards[out->n++] = st->c;
		memset(&st->c, 0, sizeof(st->c));
	} else {
		add_skip(out, st->c.line, st->reason.buf);
	}
}

void vcard_list_release(struct vcard_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		vcard_release(&l->cards[i]);
	for (size_t i = 0; i < l->nskips; i++)
		free(l->skips[i].reason);
	free(l->cards);
	free(l->skips);
	memset(l, 0, sizeof(*l));
}

static int version_of(struct vcard_span v)
{
	v = vcard_span_trim(v);
	if (v.len && v.p[0] == '2')
		return 21;
	return v.len && v.p[0] == '4' ? 40 : 30;
}

/* One line inside a card. Returns true when the card ends here. */
static bool card_line(struct card_state *st, struct scratch *sc, struct vcard_line *lg,
		      struct vcard_list *out)
{
	struct vcard_prop p;
	bool ok = vcard_parse_prop(lg->sb.buf, lg->sb.len, &p);
	bool begin = ok && vcard_span_ieq(p.name, "BEGIN") && vcard_span_ieq(vcard_span_trim(p.value), "VCARD");
	bool end = ok && vcard_span_ieq(p.name, "END") && vcard_span_ieq(vcard_span_trim(p.value), "VCARD");
	bool after_agent = st->after_empty_agent;

	st->after_empty_agent = ok && vcard_span_ieq(p.name, "AGENT") && !vcard_span_trim(p.value).len;
	if (st->agent_depth) { /* inside a 2.1 AGENT's card: skipped */
		st->agent_depth += begin ? 1 : end ? -1 : 0;
		return false;
	}
	if (begin && after_agent) {
		st->agent_depth = 1;
	} else if (begin) {
		/* the card before never ended: skip it, and start this one */
		card_fail(st, "no END:VCARD before line %ld", lg->line);
		end_card(out, st);
		card_reset(st, lg->line);
	} else if (end) {
		return true;
	} else if (lg->nul) {
		card_fail(st, "line %ld holds a NUL byte", lg->line);
	} else if (lg->too_long) {
		card_fail(st, "line %ld is longer than %d MB", lg->line, VCARD_LINE_MAX >> 20);
	} else if (!ok || st->reason.len) {
		return false; /* not a property, or a card already skipped */
	} else if (vcard_span_ieq(p.name, "VERSION")) {
		st->version = version_of(p.value);
	} else {
		read_property(st, sc, &p, lg->line);
	}
	return false;
}

/* Whether text holds anything but spaces and line breaks. */
static bool blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static int read_utf8(const char *text, size_t len, struct vcard_list *out, struct error *err)
{
	struct vcard_cursor c = { text, len, 0, 1 };
	struct vcard_line lg = { STRBUF_INIT, 0, false, false, 0 };
	struct card_state st = { .reason = STRBUF_INIT };
	struct scratch sc = { .pp.types = STRBUF_INIT, .value = STRBUF_INIT, .part = STRBUF_INIT };
	bool in_card = false, any = false;
	size_t start = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;

	c.pos = start;
	while (vcard_next_line(&c, in_card && st.version == 21, &lg)) {
		struct vcard_span l = { lg.sb.buf, lg.sb.len };

		if (in_card) {
			if (card_line(&st, &sc, &lg, out)) {
				end_card(out, &st);
				in_card = false;
			}
		} else if (vcard_is_line(l, "BEGIN", "VCARD")) {
			card_reset(&st, lg.line);
			in_card = any = true;
		}
	}
	if (in_card) {
		card_fail(&st, "no END:VCARD at the end of the file");
		end_card(out, &st);
	}
	card_reset(&st, 0);
	strbuf_release(&st.reason);
	strbuf_release(&lg.sb);
	strbuf_release(&sc.pp.types);
	strbuf_release(&sc.value);
	strbuf_release(&sc.part);
	if (!any && !blank(text + start, len - start))
		return error_set(err, ERR_INVALID, "no vCard found (no line BEGIN:VCARD)");
	return 0;
}

int vcard_read(const char *text, size_t len, struct vcard_list *out, struct error *err)
{
	struct strbuf utf8 = STRBUF_INIT;
	int rc;

	/* UTF-16, as some Windows address books save: the same lines in UTF-8 */
	if (len >= 2 && (!memcmp(text, "\xFF\xFE", 2) || !memcmp(text, "\xFE\xFF", 2))) {
		if (vcard_iconv(&utf8, (struct vcard_span){ "UTF-16", 6 }, text, len))
			rc = error_set(err, ERR_INVALID,
				       "not valid UTF-16 (it starts with a UTF-16 byte order mark)");
		else
			rc = read_utf8(utf8.buf, utf8.len, out, err);
		strbuf_release(&utf8);
		return rc;
	}
	return read_utf8(text, len, out, err);
}
