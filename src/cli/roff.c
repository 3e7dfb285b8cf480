/*
 * roff.c: writing manual pages in roff (man(7)); see roff.h.
 */
#include "cli/roff.h"

#include <stdlib.h>

#include "util/xalloc.h"

/* s escaped for roff; quote: inside a request's quoted argument. */
static void roff_escaped(struct strbuf *sb, const char *s, bool quote)
{
	bool line_start = !sb->len || sb->buf[sb->len - 1] == '\n';

	for (; *s; s++) {
		if (line_start && (*s == '.' || *s == '\''))
			strbuf_addstr(sb, "\\&");
		line_start = *s == '\n';
		if (*s == '\\')
			strbuf_addstr(sb, "\\e");
		else if (*s == '-')
			strbuf_addstr(sb, "\\-");
		else if (*s == '"' && quote)
			strbuf_addstr(sb, "\\(dq");
		else if (*s == '\n' && quote)
			strbuf_addch(sb, ' ');
		else
			strbuf_addch(sb, *s);
	}
}

void roff_text(struct strbuf *sb, const char *s)
{
	roff_escaped(sb, s, false);
}

/* A text line (or lines): s escaped, then a line break. */
void roff_line(struct strbuf *sb, const char *s)
{
	roff_text(sb, s);
	strbuf_addch(sb, '\n');
}

/* A request with one quoted argument: .SH "EXIT STATUS". */
void roff_macro(struct strbuf *sb, const char *macro, const char *arg)
{
	strbuf_addf(sb, ".%s \"", macro);
	roff_escaped(sb, arg, true);
	strbuf_addstr(sb, "\"\n");
}

/* s in a font (B bold, I italic), back to roman after it. */
void roff_font(struct strbuf *sb, char font, const char *s)
{
	strbuf_addf(sb, "\\f%c", font);
	roff_text(sb, s);
	strbuf_addstr(sb, "\\fR");
}

/* A term and what it means, as .TP makes them. */
void roff_item(struct strbuf *sb, const char *term, const char *text)
{
	strbuf_addstr(sb, ".TP\n");
	roff_font(sb, 'B', term);
	strbuf_addch(sb, '\n');
	roff_line(sb, text);
}

void roff_title(struct strbuf *sb, const char *name, int section)
{
	char *upper = xstrdup(name);

	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	strbuf_addstr(sb, ".TH ");
	roff_text(sb, upper);
	strbuf_addf(sb, " %d \"\" \"rapport %s\" \"rapport manual\"\n", section, RAPPORT_VERSION);
	/* no hyphenation, ragged right: an option or a path broken in two
	 * would be copied wrong */
	strbuf_addstr(sb, ".nh\n.ad l\n");
	free(upper);
}

/* NAME: what lexgrog and apropos read, "name \- what it is". */
void roff_name(struct strbuf *sb, const char *name, const char *what)
{
	strbuf_addstr(sb, ".SH NAME\n");
	roff_text(sb, name);
	strbuf_addstr(sb, " \\- ");
	roff_line(sb, what);
}

/* An entry of SEE ALSO: "rapport-opp(1)," (last: no comma). */
void roff_see_also(struct strbuf *sb, const char *page, int section, bool last)
{
	strbuf_addstr(sb, ".BR ");
	roff_text(sb, page);
	strbuf_addf(sb, " (%d)%s\n", section, last ? "" : ",");
}

/* Lines from p to the first blank one, as they are (no filling). */
void roff_verbatim(struct strbuf *sb, const char *p)
{
	strbuf_addstr(sb, ".PP\n.RS\n.nf\n");
	while (*p == '\n')
		p++;
	while (*p && *p != '\n') {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		struct strbuf line = STRBUF_INIT;

		strbuf_add(&line, p, len);
		roff_line(sb, line.buf);
		strbuf_release(&line);
		p += len + (eol != NULL);
	}
	strbuf_addstr(sb, ".fi\n.RE\n");
}
