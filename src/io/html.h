/*
 * html.h: writing HTML safely. Every value that goes into a page goes
 * through one of these, escaped for where it lands.
 */
#ifndef RAPPORT_HTML_H
#define RAPPORT_HTML_H

#include "util/strbuf.h"

/* Text between tags, and a quoted attribute value: & < > " ' escaped. */
void html_text(struct strbuf *sb, const char *text);
/* Markdown (the user's notes, a prep sheet) as HTML: raw HTML and unsafe
 * links (javascript:, data: and the like) are dropped, never passed on. */
void html_markdown(struct strbuf *sb, const char *markdown);
/* A whole printable page: title (escaped) and body (already HTML). */
void html_page(struct strbuf *sb, const char *title, const char *body);

#endif
