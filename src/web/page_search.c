/*
 * page_search.c: Search (/search?q=): the full-text search of 'rapport
 * search', its hits grouped by kind, each linked to where the record is
 * shown. What the user types is only ever words to look for (store_search
 * quotes every word), so no query can fail as a query; a query with no
 * words gets a message, never an error page.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/ui.h"

#define SEARCH_MAX 100

static const struct {
	const char *type, *heading;
} groups[] = {
	{ "person", "People" },
	{ "organisation", "Organisations" },
	{ "opportunity", "Opportunities" },
	{ "interaction", "Interactions" },
	{ "task", "Follow-ups" },
};

/* Where a hit is shown: its href in sb (nothing when it has no page). */
static int hit_href(struct web_req *rq, const struct search_hit *h, struct strbuf *href)
{
	int rc = 0;

	if (!strcmp(h->type, "person")) {
		strbuf_addf(href, "/people/%lld", (long long)h->id);
	} else if (!strcmp(h->type, "organisation")) {
		strbuf_addf(href, "/orgs/%lld", (long long)h->id);
	} else if (!strcmp(h->type, "opportunity")) {
		struct opp o = { 0 };
		if (!(rc = store_opp_get(rq->store, h->id, &o, &rq->err))) {
			ui_opp_path(href, o.slug, "");
		}
		opp_release(&o);
	} else if (!strcmp(h->type, "interaction")) {
		struct interaction it = { 0 };
		if (!(rc = store_interaction_get(rq->store, h->id, &it, &rq->err))) {
			if (it.opp.id) {
				ui_opp_path(href, it.opp.slug, "");
			} else if (it.people.n) {
				strbuf_addf(href, "/people/%lld", (long long)it.people.items[0].id);
			}
		}
		interaction_release(&it);
	} else if (!strcmp(h->type, "task")) {
		struct task t = { 0 };
		if (!(rc = store_task_get(rq->store, h->id, &t, &rq->err))) {
			if (t.template)
				strbuf_addf(href, "/tasks/%lld/draft", (long long)t.id);
			else if (t.person.id)
				strbuf_addf(href, "/people/%lld", (long long)t.person.id);
			else if (t.opp.id) {
				ui_opp_path(href, t.opp.slug, "");
			}
		}
		task_release(&t);
	}
	if (rc == ERR_NOT_FOUND) { /* the index names a record that is gone: no link */
		error_clear(&rq->err);
		rc = 0;
	}
	return rc;
}

static int group(struct strbuf *sb, struct web_req *rq, const search_hit_vec *v, size_t g)
{
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < v->n; i++)
		n += !strcmp(v->items[i].type, groups[g].type);
	if (!n)
		return 0;
	strbuf_addf(sb, "<section class=\"card hits\" aria-labelledby=\"h-%s\">"
			"<h2 id=\"h-%s\">%s <span class=\"count\">%zu</span></h2>\n<ul class=\"hits\">\n",
		    groups[g].type, groups[g].type, groups[g].heading, n);
	for (size_t i = 0; i < v->n && !rc; i++) {
		const struct search_hit *h = &v->items[i];
		struct strbuf href = STRBUF_INIT;
		if (strcmp(h->type, groups[g].type))
			continue;
		rc = hit_href(rq, h, &href);
		strbuf_addstr(sb, "<li>");
		if (href.len) {
			strbuf_addstr(sb, "<a href=\"");
			html_text(sb, href.buf);
			strbuf_addstr(sb, "\">");
		}
		html_text(sb, h->title ? h->title : "(untitled)");
		if (href.len)
			strbuf_addstr(sb, "</a>");
		if (h->detail) {
			strbuf_addstr(sb, "<p class=\"meta snippet\">");
			html_text(sb, h->detail);
			strbuf_addstr(sb, "</p>");
		}
		strbuf_addstr(sb, "</li>\n");
		strbuf_release(&href);
	}
	strbuf_addstr(sb, "</ul>\n</section>\n");
	return rc;
}

int page_search(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	const char *q = web_param(&rq->query, "q");
	search_hit_vec v = { 0 };
	struct error bad = ERROR_INIT;
	bool asked = false;
	int rc = 0;

	for (const char *p = q; p && *p && !asked; p++)
		asked = *p != ' ' && *p != '\t';
	if (asked && store_search(rq->store, q, SEARCH_MAX, &v, &bad))
		search_hit_vec_release(&v); /* shown as a message below */
	ui_page_begin(rs, rq, asked ? "Search results" : "Search", NAV_NONE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Search</h1></div>\n"
			  "<form method=\"get\" action=\"/search\" class=\"filter\" role=\"search\" "
			  "aria-label=\"Search again\">\n"
			  "<div class=\"field grow\"><label for=\"f-q\">Words to look for in people, "
			  "organisations, opportunities, interactions and follow-ups</label>"
			  "<input type=\"search\" id=\"f-q\" name=\"q\" value=\"");
	html_text(sb, q);
	strbuf_addstr(sb, "\"></div>\n<div class=\"actions\"><button type=\"submit\">Search"
			  "</button></div>\n</form>\n");
	if (!asked) {
		strbuf_addstr(sb, "<p class=\"empty\">Type a few words: a name, a company, "
				  "something someone said. Every word must match, as the start "
				  "of a word.</p>\n");
	} else if (bad.code) {
		strbuf_addstr(sb, "<p class=\"empty\">");
		html_text(sb, bad.msg);
		strbuf_addstr(sb, ". Try other words.</p>\n");
	} else if (!v.n) {
		strbuf_addstr(sb, "<p class=\"empty\">Nothing matches “");
		html_text(sb, q);
		strbuf_addstr(sb, "”. Try fewer or shorter words.</p>\n");
	} else {
		strbuf_addf(sb, "<p class=\"meta count-note\">%s%zu %s; the best first in each group.</p>\n",
			    v.n >= SEARCH_MAX ? "The first " : "", v.n,
			    v.n == 1 ? "match" : "matches");
		for (size_t g = 0; g < ARRAY_SIZE(groups) && !rc; g++)
			rc = group(sb, rq, &v, g);
	}
	ui_page_end(rs);
	search_hit_vec_release(&v);
	return rc;
}
