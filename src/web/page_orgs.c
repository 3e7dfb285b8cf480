/*
 * page_orgs.c: Organisations (/orgs): a list filtered by words; an
 * organisation's page with its web site, location, notes, people and
 * opportunities; the forms that add and change one, as 'rapport org add' and
 * 'org edit' do.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/org_view.h"
#include "store/browse.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

#define LIST_MAX 200

/* ---- the list ---- */

static void filter_form(struct strbuf *sb, const char *q)
{
	strbuf_addstr(sb, "<form method=\"get\" action=\"/orgs\" class=\"filter\" role=\"search\" "
			  "aria-label=\"Filter the organisations\">\n"
			  "<div class=\"field grow\"><label for=\"f-q\">Name or location</label>"
			  "<input type=\"search\" id=\"f-q\" name=\"q\" value=\"");
	html_text(sb, q);
	strbuf_addstr(sb, "\"></div>\n<div class=\"actions\"><button type=\"submit\">Filter"
			  "</button>");
	if (q && *q)
		strbuf_addstr(sb, "<a class=\"button secondary\" href=\"/orgs\">Show all</a>");
	strbuf_addstr(sb, "</div>\n</form>\n");
}

static void org_row(struct strbuf *sb, const struct org_row *r)
{
	strbuf_addstr(sb, "<tr><td>");
	ui_org_link(sb, r->org.id, r->org.name);
	strbuf_addstr(sb, "</td><td>");
	html_text(sb, r->org.location);
	strbuf_addf(sb, "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td><td>",
		    (long long)r->people, (long long)r->opps);
	ui_external_link(sb, r->org.website, NULL);
	strbuf_addstr(sb, "</td></tr>\n");
}

int page_orgs(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	const char *q = web_param(&rq->query, "q");
	struct error bad = ERROR_INIT;
	org_row_vec v = { 0 };
	int64_t total = 0;
	int rc = 0;

	if (text_check("the filter", q, TEXT_ONE_LINE, &bad))
		q = NULL;
	else
		rc = store_org_find(rq->store, q, LIST_MAX, &v, &total, &rq->err);
	if (rc) {
		org_row_vec_release(&v);
		return rc;
	}
	ui_page_begin(rs, rq, "Organisations", NAV_ORGS);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Organisations</h1>"
			  "<div class=\"actions\"><a class=\"button\" href=\"/orgs/new\">"
			  "Add an organisation</a></div></div>\n");
	filter_form(sb, q);
	ui_filter_error(sb, &bad);
	if (!v.n) {
		if (q && *q)
			strbuf_addstr(sb, "<p class=\"empty\">No organisation matches. "
					  "<a href=\"/orgs\">Show all</a>.</p>\n");
		else if (!bad.code)
			ui_empty_state(sb, "No organisations yet. An organisation gathers "
					   "everyone you know there and every opportunity it "
					   "offers; each is added with its first person or "
					   "opportunity.", "/opportunities/new",
				       "Add an opportunity and its organisation");
	} else {
		ui_list_count(sb, v.n, total, "organisation", "organisations");
		strbuf_addstr(sb, "<div class=\"table-wrap\"><table class=\"list orgs\">"
				  "<thead><tr><th scope=\"col\">Name</th>"
				  "<th scope=\"col\">Location</th><th scope=\"col\">People</th>"
				  "<th scope=\"col\">Opportunities</th><th scope=\"col\">Web site</th>"
				  "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < v.n; i++)
			org_row(sb, &v.items[i]);
		strbuf_addstr(sb, "</tbody></table></div>\n");
	}
	ui_page_end(rs);
	org_row_vec_release(&v);
	return 0;
}

/* ---- an organisation's page ---- */

static void org_facts(struct strbuf *sb, const struct org *o)
{
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-details\">"
			  "<h2 id=\"h-details\">Details</h2>\n<dl class=\"facts\">\n");
	strbuf_addstr(sb, "<dt>Web site</dt><dd>");
	if (o->website)
		ui_external_link(sb, o->website, NULL);
	else
		strbuf_addstr(sb, "<span class=\"muted\">none</span>");
	strbuf_addstr(sb, "</dd>\n<dt>Location</dt><dd>");
	if (o->location)
		html_text(sb, o->location);
	else
		strbuf_addstr(sb, "<span class=\"muted\">unknown</span>");
	strbuf_addstr(sb, "</dd>\n</dl>\n");
	view_notes(sb, "<h3>Notes</h3>\n", o->notes);
	strbuf_addstr(sb, "</section>\n");
}

static void org_opps(struct strbuf *sb, const opp_vec *opps)
{
	strbuf_addf(sb, "<section class=\"card\" aria-labelledby=\"h-opps\"><h2 id=\"h-opps\">"
			"Opportunities <span class=\"count\">%zu</span></h2>\n",
		    opps->n);
	if (!opps->n) {
		strbuf_addstr(sb, "<p class=\"empty\">No opportunities here yet. "
				  "<a href=\"/opportunities/new\">Add one</a>.</p>\n</section>\n");
		return;
	}
	strbuf_addstr(sb, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
			  "<th scope=\"col\">Role</th><th scope=\"col\">Stage</th>"
			  "<th scope=\"col\">Level</th><th scope=\"col\">Since</th></tr></thead>\n"
			  "<tbody>\n");
	for (size_t i = 0; i < opps->n; i++) {
		const struct opp *o = &opps->items[i];
		struct opp_ref ref = { .id = o->id, .slug = o->slug, .title = o->title };
		strbuf_addstr(sb, "<tr><td>");
		ui_opp_link(sb, &ref);
		strbuf_addstr(sb, "</td><td>");
		ui_badge(sb, stage_is_closed(o->stage) ? "closed" : "stage",
			 enum_name(&stage_def, (int)o->stage));
		strbuf_addstr(sb, "</td><td>");
		html_text(sb, o->level_offered ? o->level_offered : o->level_applied);
		strbuf_addstr(sb, "</td><td>");
		ui_when(sb, o->stage_changed_at);
		strbuf_addstr(sb, "</td></tr>\n");
	}
	strbuf_addstr(sb, "</tbody></table></div>\n</section>\n");
}

static void org_people(struct strbuf *sb, const struct org *o, const person_ref_vec *people)
{
	strbuf_addf(sb, "<section class=\"card\" aria-labelledby=\"h-people\"><h2 id=\"h-people\">"
			"People <span class=\"count\">%zu</span></h2>\n",
		    people->n);
	if (!people->n)
		strbuf_addstr(sb, "<p class=\"empty\">No one from here yet.</p>\n");
	else
		strbuf_addstr(sb, "<ul class=\"plain people-list\">\n");
	for (size_t i = 0; i < people->n; i++) {
		strbuf_addstr(sb, "<li>");
		ui_person_link(sb, people->items[i].id, people->items[i].name);
		strbuf_addstr(sb, "</li>\n");
	}
	if (people->n)
		strbuf_addstr(sb, "</ul>\n");
	strbuf_addstr(sb, "<p><a href=\"/people/new?org=");
	ui_url_part(sb, o->name);
	strbuf_addstr(sb, "\">Add a person here</a></p>\n</section>\n");
}

int page_org(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct org_view v;
	const struct org *o = &v.org;
	char merge[64];
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = org_view_load(rq->store, id, &v, &rq->err)))
		return rc;
	ui_page_begin(rs, rq, o->name, NAV_ORGS);
	strbuf_addstr(sb, "<div class=\"page-head\"><div><h1>");
	html_text(sb, o->name);
	strbuf_addstr(sb, "</h1>");
	if (o->location) {
		strbuf_addstr(sb, "<p class=\"meta\">");
		html_text(sb, o->location);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addf(sb, "</div><div class=\"actions\"><a class=\"button secondary\" "
			"href=\"/orgs/%lld/edit\">Edit</a><a class=\"button secondary\" "
			"href=\"/orgs/%lld/delete\">Delete</a></div></div>\n"
			"<div class=\"grid org-page\">\n<div>\n",
		    (long long)id, (long long)id);
	org_opps(sb, &v.opps);
	org_people(sb, o, &v.people);
	strbuf_addstr(sb, "</div>\n<div>\n");
	org_facts(sb, o);
	snprintf(merge, sizeof(merge), "/orgs/%lld/merge", (long long)id);
	ui_merge_form(sb, rq, merge, "organisation");
	strbuf_addstr(sb, "</div>\n</div>\n");
	ui_page_end(rs);
	org_view_release(&v);
	return 0;
}

/* ---- adding and changing an organisation ---- */

static void org_form_page(struct web_req *rq, struct web_resp *rs, const struct org *o)
{
	struct strbuf *sb = &rs->body, action = STRBUF_INIT;

	if (o)
		strbuf_addf(&action, "/orgs/%lld/edit", (long long)o->id);
	else
		strbuf_addstr(&action, "/orgs");
	ui_page_begin(rs, rq, o ? "Edit organisation" : "Add an organisation", NAV_ORGS);
	ui_record_form_begin(sb, rq, action.buf, "<div class=\"card form-card\">\n", "Edit",
			     o ? o->name : NULL, "Add an organisation");
	ui_input(sb, rq, "text", "name", "Name", o ? o->name : NULL, UI_REQUIRED | UI_AUTOFOCUS);
	ui_input(sb, rq, "url", "website", "Web site (https://...)", o ? o->website : NULL, 0);
	ui_input(sb, rq, "text", "location", "Location", o ? o->location : NULL, 0);
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", o ? o->notes : NULL, 6);
	ui_form_end(sb, o ? "Save" : "Add the organisation");
	strbuf_addstr(sb, "</div>\n");
	if (o)
		strbuf_addf(sb, "<p><a href=\"/orgs/%lld\">Back to ", (long long)o->id);
	else
		strbuf_addstr(sb, "<p><a href=\"/orgs\">Back to ");
	html_text(sb, o ? o->name : "Organisations");
	strbuf_addstr(sb, "</a></p>\n");
	ui_page_end(rs);
	strbuf_release(&action);
}

/* Read the form into o and save it (new when its id is 0); *saved is false
 * when a field is wrong, with its error beside it. */
static int save_org(struct web_req *rq, struct org *o, bool *saved)
{
	const char *name, *website, *location, *notes;
	struct error e = ERROR_INIT;
	bool ok = true;
	int rc;

	*saved = false;
	ok &= form_text(rq, "name", "name", true, false, &name);
	if (form_text(rq, "website", "web site", false, false, &website) &&
	    text_check_url("the web site", website, &e)) {
		web_field_error(rq, "website", "%s", e.msg);
		ok = false;
	}
	ok &= form_text(rq, "location", "location", false, false, &location);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	if (!ok)
		return 0;
	field_set(&o->name, name);
	field_set(&o->website, website);
	field_set(&o->location, location);
	field_set(&o->notes, notes);
	rc = o->id ? store_org_update(rq->store, o, &rq->err)
		   : store_org_add(rq->store, o, &rq->err);
	/* a conflict is another organisation of that name */
	if (rc && !(rc = form_error(rq, rc, rc == ERR_CONFLICT ? "name" : "")))
		return 0;
	*saved = !rc;
	return rc;
}

int page_org_new(struct web_req *rq, struct web_resp *rs)
{
	org_form_page(rq, rs, NULL);
	return 0;
}

int post_org_create(struct web_req *rq, struct web_resp *rs)
{
	struct org o = { 0 };
	bool saved;
	int rc = save_org(rq, &o, &saved);

	if (!rc && saved) {
		web_redirect(rs, "/orgs/%lld", (long long)o.id);
	} else if (!rc) {
		rs->status = 400;
		org_form_page(rq, rs, NULL);
	}
	org_release(&o);
	return rc;
}

static int edit(struct web_req *rq, struct web_resp *rs)
{
	struct org o = { 0 }, shown = { 0 };
	int64_t id;
	bool saved = false;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = store_org_get(rq->store, id, &o, &rq->err)))
		goto out;
	if (!rq->post) {
		org_form_page(rq, rs, &o);
		goto out;
	}
	if ((rc = store_org_get(rq->store, id, &shown, &rq->err)) ||
	    (rc = save_org(rq, &o, &saved)))
		goto out;
	if (saved) {
		web_redirect(rs, "/orgs/%lld", (long long)id);
	} else {
		rs->status = 400;
		org_form_page(rq, rs, &shown);
	}
out:
	org_release(&o);
	org_release(&shown);
	return rc;
}

int page_org_edit(struct web_req *rq, struct web_resp *rs)
{
	return edit(rq, rs);
}

int post_org_edit(struct web_req *rq, struct web_resp *rs)
{
	return edit(rq, rs);
}
