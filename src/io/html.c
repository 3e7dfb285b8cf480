/* html.c: escaping text for HTML, Markdown through cmark, a printable page. */
#include "io/html.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

void html_text(struct strbuf *sb, const char *text)
{
	for (const char *p = text; p && *p; p++) {
		switch (*p) {
		case '&': strbuf_addstr(sb, "&amp;"); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '"': strbuf_addstr(sb, "&quot;"); break;
		case '\'': strbuf_addstr(sb, "&#39;"); break;
		default: strbuf_addch(sb, *p);
		}
	}
}

void html_markdown(struct strbuf *sb, const char *markdown)
{
	/* Without CMARK_OPT_UNSAFE, cmark replaces raw HTML with a comment and
	 * drops javascript:, vbscript:, file: and most data: links. */
	char *html = cmark_markdown_to_html(markdown, strlen(markdown),
					    CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);

	strbuf_addstr(sb, html);
	free(html);
}

static const char page_style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
	"max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d232b}"
	"h1{font-size:1.6rem;border-bottom:2px solid #2f6f8f;padding-bottom:.3rem}"
	"h2{font-size:1.2rem;margin-top:2rem;color:#2f6f8f}h3{font-size:1.05rem}"
	"li{margin:.2rem 0}"
	"@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}"
	"h3{break-after:avoid}}";

/*
 * The page's own policy, first in its head (a policy in a meta element
 * covers only what follows it). The page is opened from a file, where no
 * server sends one: without it, an image in a note (Markdown keeps
 * ![](https://...)) would load from elsewhere when the page is opened,
 * telling that site when and where. Its one style sheet is inline; it has
 * no script, no form, no image of its own but data: ones.
 */
#define PAGE_POLICY                                                               \
	"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "          \
	"base-uri 'none'; form-action 'none'"

void html_page(struct strbuf *sb, const char *title, const char *body)
{
	strbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			  "<meta http-equiv=\"Content-Security-Policy\" content=\"" PAGE_POLICY "\">\n"
			  "<meta name=\"referrer\" content=\"no-referrer\">\n"
			  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			  "<title>");
	html_text(sb, title);
	strbuf_addf(sb, "</title>\n<style>%s</style>\n</head>\n<body>\n", page_style);
	strbuf_addstr(sb, body);
	strbuf_addstr(sb, "</body>\n</html>\n");
}
