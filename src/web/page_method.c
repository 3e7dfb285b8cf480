/*
 * page_method.c: "How rapport works" (/method): the method in a few
 * paragraphs, then each moment of a search with the rules in force that act
 * on it (the user's own rules too), each linked to where to change it.
 */
#include "web/pages.h"

#include <stdlib.h>

#include "method/guide.h"
#include "method/playbook_run.h"
#include "method/playbook_text.h"
#include "web/ui.h"

/* One rule: what it is for, when it fires and what it does, and its name
 * linked to its line among the rules in force. */
static void rule_item(struct strbuf *sb, const struct rule *r)
{
	struct strbuf text = STRBUF_INIT;

	strbuf_addstr(sb, "<li>");
	html_text(sb, r->description ? r->description : r->name);
	strbuf_addstr(sb, "<br><span class=\"meta\">");
	rule_when_text(&text, r);
	text.buf[0] = 'W'; /* a sentence of its own here */
	html_text(sb, text.buf);
	strbuf_addstr(sb, ". The rule <a href=\"/settings/playbooks#");
	ui_rule_anchor(sb, r->name);
	strbuf_addstr(sb, "\"><code>");
	html_text(sb, r->name);
	strbuf_addstr(sb, "</code></a>.</span></li>\n");
	strbuf_release(&text);
}

static void moment_section(struct strbuf *sb, const struct playbook *pb, enum guide_moment m)
{
	const struct guide_moment_text *t = &guide_moments[m];
	size_t shown = 0;

	strbuf_addf(sb, "<section class=\"card\" id=\"%s\" aria-labelledby=\"h-%s\">\n"
			"<h2 id=\"h-%s\">%s</h2>\n<p>%s</p>\n",
		    t->anchor, t->anchor, t->anchor, t->title, t->meaning);
	for (size_t i = 0; i < pb->n; i++) {
		const struct rule *r = &pb->rules[i];
		if (!r->enabled || guide_moment_of(r) != m)
			continue;
		strbuf_addstr(sb, shown++ ? "" : "<ul class=\"guide-rules\">\n");
		rule_item(sb, r);
	}
	strbuf_addstr(sb, shown ? "</ul>\n" : "<p class=\"meta\">No rule in force acts here: "
					       "yours turned it off.</p>\n");
	strbuf_addstr(sb, "</section>\n");
}

/* Where the rules are changed: the page, the file, the command. */
static void change_them(struct strbuf *sb)
{
	char *path = playbooks_user_path();

	strbuf_addstr(sb, "<section class=\"card\" id=\"change\" aria-labelledby=\"h-change\">\n"
			  "<h2 id=\"h-change\">Changing the rules</h2>\n<p>Every rule above can be "
			  "changed, turned off or joined by rules of your own on the "
			  "<a href=\"/settings/playbooks\">Playbooks</a> page");
	if (path) {
		strbuf_addstr(sb, ", which keeps them in <code>");
		html_text(sb, path);
		strbuf_addstr(sb, "</code>");
	}
	strbuf_addstr(sb, ". At a terminal, <code>rapport playbook show NAME</code> prints a "
			  "rule in full.</p>\n</section>\n");
	free(path);
}

int page_method(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct start_checklist start;
	int rc = start_checklist_load(rq->store, &start, &rq->err);

	if (rc) {
		start_checklist_release(&start);
		return rc;
	}
	ui_page_begin(rs, rq, "How rapport works", NAV_NONE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>How rapport works</h1></div>\n"
			  "<section class=\"card\" aria-labelledby=\"h-method\">\n"
			  "<h2 id=\"h-method\">The method</h2>\n");
	for (size_t i = 0; guide_method_paragraphs[i]; i++)
		strbuf_addf(sb, "<p>%s</p>\n", guide_method_paragraphs[i]);
	strbuf_addstr(sb, "<p>The moments below are when the playbooks act; each rule is "
			  "listed under the moment it acts on.</p>\n<ul class=\"guide-toc\">");
	for (int m = 0; m < GUIDE_MOMENTS; m++)
		strbuf_addf(sb, "<li><a href=\"#%s\">%s</a></li>", guide_moments[m].anchor,
			    guide_moments[m].title);
	strbuf_addstr(sb, "</ul>\n</section>\n");
	if (start_checklist_offered(&start)) /* the steps stay here once hidden from Today */
		start_checklist_card(sb, rq, &start, false);
	for (int m = 0; m < GUIDE_MOMENTS; m++)
		moment_section(sb, rq->pb, (enum guide_moment)m);
	change_them(sb);
	ui_page_end(rs);
	start_checklist_release(&start);
	return 0;
}
