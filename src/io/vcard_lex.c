/* vcard_lex.c: a vCard file's property lines, unfolded, and their names, parameters and values. */
#include "io/vcard_parse.h"

#include <string.h>
#include <strings.h>

bool vcard_span_ieq(struct vcard_span s, const char *word)
{
	return s.len == strlen(word) && !strncasecmp(s.p, word, s.len);
}

static bool trimmed(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '"';
}

struct vcard_span vcard_span_trim(struct vcard_span s)
{
	while (s.len && trimmed(s.p[0]))
		s.p++, s.len--;
	while (s.len && trimmed(s.p[s.len - 1]))
		s.len--;
	return s;
}

/* The next line without its end (CRLF, LF or a lone CR); false at the end. */
static bool next_physical(struct vcard_cursor *c, struct vcard_span *out, long *lineno)
{
	const char *start = c->s + c->pos;
	size_t rest = c->len - c->pos, n = 0;

	if (c->pos >= c->len)
		return false;
	while (n < rest && start[n] != '\n' && start[n] != '\r')
		n++;
	out->p = start;
	out->len = n;
	*lineno = c->line++;
	if (n + 1 < rest && start[n] == '\r' && start[n + 1] == '\n')
		n += 2;
	else if (n < rest)
		n++;
	c->pos += n;
	return true;
}

static void line_add(struct vcard_line *lg, const char *p, size_t n)
{
	if (!n)
		return;
	if (memchr(p, '\0', n))
		lg->nul = true;
	lg->last = p[n - 1];
	if (lg->too_long || n > VCARD_LINE_MAX - lg->sb.len) {
		lg->too_long = true;
		return;
	}
	strbuf_add(&lg->sb, p, n);
}

bool vcard_parse_prop(const char *s, size_t len, struct vcard_prop *p)
{
	size_t i = 0, name_start = 0, pstart;
	bool quoted = false;
	const char *colon;

	while (i < len && s[i] != ';' && s[i] != ':') {
		if (s[i] == '.')
			name_start = i + 1;
		i++;
	}
	if (i == len || i == name_start)
		return false;
	p->name = (struct vcard_span){ s + name_start, i - name_start };
	pstart = i;
	while (i < len && (quoted || s[i] != ':')) {
		if (s[i] == '"')
			quoted = !quoted;
		i++;
	}
	if (i == len) {
		/* an unbalanced quote: the first colon ends the parameters */
		colon = memchr(s + pstart, ':', len - pstart);
		if (!colon)
			return false;
		i = (size_t)(colon - s);
	}
	p->params = (struct vcard_span){ s + pstart, i - pstart };
	p->value = (struct vcard_span){ s + i + 1, len - i - 1 };
	return true;
}

bool vcard_is_line(struct vcard_span l, const char *name, const char *value)
{
	struct vcard_prop p;

	return vcard_parse_prop(l.p, l.len, &p) && vcard_span_ieq(p.name, name) &&
	       vcard_span_ieq(vcard_span_trim(p.value), value);
}

bool vcard_next_param(struct vcard_span *rest, struct vcard_span *name, struct vcard_span *value)
{
	size_t i = 0;
	bool quoted = false;
	const char *eq;

	while (rest->len && rest->p[0] == ';')
		rest->p++, rest->len--;
	if (!rest->len)
		return false;
	while (i < rest->len && (quoted || rest->p[i] != ';')) {
		if (rest->p[i] == '"')
			quoted = !quoted;
		i++;
	}
	eq = memchr(rest->p, '=', i);
	if (eq) {
		*name = vcard_span_trim((struct vcard_span){ rest->p, (size_t)(eq - rest->p) });
		*value = (struct vcard_span){ eq + 1, i - (size_t)(eq + 1 - rest->p) };
	} else {
		*name = (struct vcard_span){ "", 0 };
		*value = (struct vcard_span){ rest->p, i };
	}
	rest->p += i;
	rest->len -= i;
	return true;
}

bool vcard_next_word(struct vcard_span *list, struct vcard_span *word)
{
	const char *comma;
	size_t n;

	if (!list->len)
		return false;
	comma = memchr(list->p, ',', list->len);
	n = comma ? (size_t)(comma - list->p) : list->len;
	*word = vcard_span_trim((struct vcard_span){ list->p, n });
	list->p += n + (comma != NULL);
	list->len -= n + (comma != NULL);
	return true;
}

enum vcard_encoding vcard_encoding_of(struct vcard_span w)
{
	if (vcard_span_ieq(w, "QUOTED-PRINTABLE"))
		return VCARD_ENC_QP;
	if (vcard_span_ieq(w, "BASE64") || vcard_span_ieq(w, "B"))
		return VCARD_ENC_BASE64;
	if (vcard_span_ieq(w, "7BIT") || vcard_span_ieq(w, "8BIT"))
		return VCARD_ENC_NONE;
	return VCARD_ENC_OTHER;
}

/* Whether the parameters of a line ask for QUOTED-PRINTABLE: then a line
 * that ends with '=' goes on on the next line, whatever that starts with. */
static bool is_qp(const char *s, size_t len)
{
	struct vcard_prop p;
	struct vcard_span name, value;

	if (!vcard_parse_prop(s, len, &p))
		return false;
	while (vcard_next_param(&p.params, &name, &value)) {
		if ((!name.len || vcard_span_ieq(name, "ENCODING")) &&
		    vcard_encoding_of(vcard_span_trim(value)) == VCARD_ENC_QP)
			return true;
	}
	return false;
}

bool vcard_next_line(struct vcard_cursor *c, bool keep_fold_space, struct vcard_line *lg)
{
	struct vcard_span l;
	int qp = -1; /* found out once, at the first line that ends with '=' */

	strbuf_reset(&lg->sb);
	lg->too_long = lg->nul = false;
	lg->last = 0;
	if (!next_physical(c, &l, &lg->line))
		return false;
	line_add(lg, l.p, l.len);
	for (;;) {
		struct vcard_cursor peek = *c;
		long lineno;
		bool soft = lg->last == '=';

		if (!next_physical(&peek, &l, &lineno))
			break;
		if (soft && qp < 0)
			qp = is_qp(lg->sb.buf, lg->sb.len);
		if (soft && qp) {
			/* a writer's stray '=' at the end of the card's last value */
			if (vcard_is_line(l, "END", "VCARD"))
				break;
			line_add(lg, "\n", 1);
			line_add(lg, l.p, l.len);
		} else if (l.len && (l.p[0] == ' ' || l.p[0] == '\t')) {
			line_add(lg, l.p + !keep_fold_space, l.len - !keep_fold_space);
		} else {
			break;
		}
		*c = peek;
	}
	return true;
}
