/*
 * roff.h: writing manual pages in roff (man(7)), for cli/doc_man.c and
 * cli/doc_formats.c.
 *
 * Every text goes through roff_text: a "-" is a minus ("\-", so that a
 * copied option is typed right), a backslash "\e", a double quote inside a
 * request's argument "\(dq", and a line that would start with "." or "'"
 * (a request to roff) starts with "\&". Each function ends what it writes
 * with a line break, but roff_text and roff_font, which write inside a line.
 */
#ifndef RAPPORT_ROFF_H
#define RAPPORT_ROFF_H

#include <stdbool.h>

#include "util/strbuf.h"

void roff_text(struct strbuf *sb, const char *s);
/* A text line (or lines): s escaped, then a line break. */
void roff_line(struct strbuf *sb, const char *s);
/* A request with one quoted argument: .SH "EXIT STATUS". */
void roff_macro(struct strbuf *sb, const char *macro, const char *arg);
/* s in a font (B bold, I italic), back to roman after it. */
void roff_font(struct strbuf *sb, char font, const char *s);
/* A term in bold and what it means, as .TP makes them. */
void roff_item(struct strbuf *sb, const char *term, const char *text);
/* .TH NAME SECTION, no hyphenation, ragged right. */
void roff_title(struct strbuf *sb, const char *name, int section);
/* NAME: what lexgrog and apropos read, "name \- what it is". */
void roff_name(struct strbuf *sb, const char *name, const char *what);
/* An entry of SEE ALSO: "rapport-opp(1)," (last: no comma). */
void roff_see_also(struct strbuf *sb, const char *page, int section, bool last);
/* The lines from p to the first blank one, as they are (no filling). */
void roff_verbatim(struct strbuf *sb, const char *p);

#endif
