/*
 * page_prep.c: the prep sheet of an opportunity (/prep/SLUG): the same
 * Markdown as 'rapport prep' (method/prep.h), shown safely as HTML inside
 * the site's frame and ready to print; ?stage= and ?with=PERSON (repeated)
 * choose the conversation and whom you will meet. And the debriefs of an
 * opportunity (/opportunities/SLUG/debrief): what you asked and what they
 * answered, what went well and what to refine.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/prep.h"
#include "store/debrief.h"
#include "web/form.h"
#include "web/ui.h"

/* The opportunity of the address's SLUG (a 404 when there is none). */
static int load_opp(struct web_req *rq, struct opp *o)
{
	int64_t id;
	int rc;

	if ((rc = store_opp_resolve(rq->store, rq->arg[0], &id, &rq->err)))
		return rc == ERR_AMBIGUOUS ? error_set(&rq->err, ERR_NOT_FOUND,
						       "there is no opportunity '%s'", rq->arg[0])
					   : rc;
	return store_opp_get(rq->store, id, o, &rq->err);
}

static void opp_path(struct strbuf *sb, const struct opp *o, const char *rest)
{
	strbuf_addstr(sb, "/opportunities/");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, rest);
}

static bool chosen(const struct web_req *rq, int64_t id)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)id);
	for (size_t i = 0; i < rq->query.n; i++)
		if (!strcmp(rq->query.items[i].name, "with") && !strcmp(rq->query.items[i].value, buf))
			return true;
	return false;
}

/* ?with=PERSON...: whom you will meet (ids or names); an error beside the field. */
static bool read_with(struct web_req *rq, id_vec *with)
{
	struct error e = ERROR_INIT;

	for (size_t i = 0; i < rq->query.n; i++) {
		int64_t id;
		if (strcmp(rq->query.items[i].name, "with") || !*rq->query.items[i].value)
			continue;
		if (store_person_resolve(rq->store, rq->query.items[i].value, &id, &e)) {
			web_field_error(rq, "with", "%s", e.msg);
			return false;
		}
		*VEC_PUSH(with) = id;
	}
	return true;
}

static void tools(struct strbuf *sb, const struct web_req *rq, const struct opp *o,
		  const person_ref_vec *linked, int stage)
{
	const char *e = web_error_of(rq, "with");

	strbuf_addstr(sb, "<div class=\"prep-tools card\">\n<p class=\"prep-links\"><a href=\"");
	opp_path(sb, o, "");
	strbuf_addstr(sb, "\">Back to the opportunity</a> · <a href=\"");
	opp_path(sb, o, "/debrief");
	strbuf_addstr(sb, "\">Debriefs</a> · <a href=\"/wants?opp=");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, "#mark\">Record what you learnt</a></p>\n"
			  "<p class=\"print-hint meta\">To take it along, print this page (Ctrl+P, "
			  "or ⌘P on a Mac): the menus and forms are left out of the print.</p>\n"
			  "<form method=\"get\" action=\"/prep/");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, "\" class=\"prep-choose\">\n<div class=\"row\">");
	ui_select_enum(sb, rq, "stage", "The conversation", &question_stage_def, stage,
		       "(from what is logged)");
	strbuf_addstr(sb, "</div>\n");
	if (linked->n) {
		strbuf_addstr(sb, "<fieldset class=\"checks");
		if (e)
			strbuf_addstr(sb, " has-error\" aria-describedby=\"e-with");
		strbuf_addstr(sb, "\"><legend>Whom you will meet</legend><p class=\"meta\">None "
				  "ticked: everyone linked to the opportunity.</p>");
		for (size_t i = 0; i < linked->n; i++) {
			const struct person_ref *p = &linked->items[i];
			strbuf_addf(sb, "<label class=\"check\"><input type=\"checkbox\" name=\"with\" "
					"value=\"%lld\"%s> ",
				    (long long)p->id, chosen(rq, p->id) ? " checked" : "");
			html_text(sb, p->name);
			if (p->role >= 0) {
				strbuf_addstr(sb, " <span class=\"meta\">");
				html_text(sb, enum_name(&role_def, p->role));
				strbuf_addstr(sb, "</span>");
			}
			strbuf_addstr(sb, "</label>");
		}
		if (e) {
			strbuf_addstr(sb, "<p class=\"error-text\" id=\"e-with\">");
			html_text(sb, e);
			strbuf_addstr(sb, "</p>");
		}
		strbuf_addstr(sb, "</fieldset>\n");
	}
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">"
			  "Show the sheet</button></div>\n</form>\n</div>\n");
}

int page_prep(struct web_req *rq, struct web_resp *rs)
{
	struct prep_request req = { .stage = -1 };
	struct prep_result res = { 0 };
	struct strbuf md = STRBUF_INIT, title = STRBUF_INIT;
	struct opp o = { 0 };
	person_ref_vec linked = { 0 };
	id_vec with = { 0 };
	const char *stage = web_param(&rq->query, "stage");
	struct error e = ERROR_INIT;
	bool ok = true;
	int rc;

	if ((rc = load_opp(rq, &o)) || (rc = store_opp_people(rq->store, o.id, &linked, &rq->err)))
		goto out;
	if (stage && *stage && (req.stage = enum_parse(&question_stage_def, stage, &e)) < 0) {
		web_field_error(rq, "stage", "%s", e.msg);
		req.stage = -1;
		ok = false;
	}
	ok &= read_with(rq, &with);
	req.opp_id = o.id;
	req.with = with.items;
	req.nwith = with.n;
	if (ok && (rc = prep_sheet(rq->store, &req, &md, &res, &rq->err)))
		goto out;
	if (!ok)
		rs->status = 400;
	strbuf_addstr(&title, "Prep: ");
	strbuf_addstr(&title, o.title);
	ui_page_begin(rs, rq, title.buf, NAV_PIPELINE);
	tools(&rs->body, rq, &o, &linked, req.stage);
	if (ok) {
		strbuf_addstr(&rs->body, "<article class=\"prep-sheet card\">\n");
		html_markdown(&rs->body, md.buf);
		strbuf_addstr(&rs->body, "</article>\n");
	} else {
		strbuf_addstr(&rs->body, "<p class=\"empty\">Correct the choice above to see the "
					 "sheet.</p>\n");
	}
	ui_page_end(rs);
out:
	strbuf_release(&md);
	strbuf_release(&title);
	prep_result_release(&res);
	opp_release(&o);
	person_ref_vec_release(&linked);
	free(with.items);
	return rc;
}

/* ---- debriefs ---- */

static const char *status_class(int s)
{
	return s == WANT_MET ? "good" : s == WANT_PARTLY || s == WANT_VAGUE ? "warn"
					: s == WANT_UNMET		    ? "bad"
									    : "";
}

static void asked_item(struct strbuf *sb, const struct asked *q)
{
	strbuf_addstr(sb, "<li><p class=\"asked\">");
	html_text(sb, q->text);
	if (q->question_id)
		strbuf_addstr(sb, " <span class=\"meta\">(from the bank)</span>");
	strbuf_addstr(sb, "</p>\n");
	if (q->answer) {
		strbuf_addstr(sb, "<p class=\"answer\">");
		if (q->by.id) {
			ui_person_link(sb, q->by.id, q->by.name);
			strbuf_addstr(sb, ": ");
		}
		html_text(sb, q->answer);
		strbuf_addstr(sb, "</p>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"answer meta\">No answer recorded");
		if (q->by.id) {
			strbuf_addstr(sb, " (asked ");
			ui_person_link(sb, q->by.id, q->by.name);
			strbuf_addstr(sb, ")");
		}
		strbuf_addstr(sb, ".</p>\n");
	}
	if (q->evidence_id) {
		strbuf_addstr(sb, "<p class=\"settles meta\">It tells you where “");
		html_text(sb, q->want ? q->want : "a want since removed");
		strbuf_addstr(sb, "” stands: ");
		if (q->want_status >= 0)
			ui_badge(sb, status_class(q->want_status),
				 enum_name(&want_status_def, q->want_status));
		strbuf_addstr(sb, "</p>\n");
	}
	strbuf_addstr(sb, "</li>\n");
}

static void text_fact(struct strbuf *sb, const char *label, const char *value, const char *cls)
{
	if (!value)
		return;
	strbuf_addf(sb, "<dt>%s</dt><dd class=\"%s\">", label, cls);
	html_text(sb, value);
	strbuf_addstr(sb, "</dd>\n");
}

static void debrief_card(struct strbuf *sb, const struct debrief *d)
{
	strbuf_addf(sb, "<article class=\"card debrief\" id=\"debrief-%lld\">\n<h2>",
		    (long long)d->id);
	ui_when(sb, d->at);
	if (d->interaction_summary) {
		strbuf_addstr(sb, " · ");
		html_text(sb, d->interaction_summary);
	}
	strbuf_addstr(sb, "</h2>\n<dl class=\"facts\">\n");
	if (d->chemistry > 0)
		strbuf_addf(sb, "<dt>Chemistry</dt><dd>%d of 5</dd>\n", d->chemistry);
	text_fact(sb, "Went well", d->went_well, "went-well");
	text_fact(sb, "To refine", d->refine, "refine");
	strbuf_addstr(sb, "</dl>\n");
	if (d->notes) {
		strbuf_addstr(sb, "<div class=\"notes\">");
		html_markdown(sb, d->notes);
		strbuf_addstr(sb, "</div>\n");
	}
	if (d->asked.n) {
		strbuf_addf(sb, "<h3>Questions asked <span class=\"count\">%zu</span></h3>\n"
				"<ol class=\"asked-list\">\n", d->asked.n);
		for (size_t i = 0; i < d->asked.n; i++)
			asked_item(sb, &d->asked.items[i]);
		strbuf_addstr(sb, "</ol>\n");
	}
	strbuf_addstr(sb, "</article>\n");
}

int page_debrief(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct opp o = { 0 };
	debrief_vec v = { 0 };
	size_t refine = 0;
	int rc;

	if ((rc = load_opp(rq, &o)) || (rc = store_debrief_list(rq->store, o.id, &v, &rq->err)))
		goto out;
	ui_page_begin(rs, rq, "Debriefs", NAV_PIPELINE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Debriefs</h1><p class=\"meta\"><a href=\"");
	opp_path(sb, &o, "");
	strbuf_addstr(sb, "\">");
	html_text(sb, o.org_name);
	strbuf_addstr(sb, ": ");
	html_text(sb, o.title);
	strbuf_addstr(sb, "</a> · <a href=\"/prep/");
	ui_url_part(sb, o.slug);
	strbuf_addstr(sb, "\">Prep sheet</a></p></div>\n");
	for (size_t i = 0; i < v.n; i++)
		refine += v.items[i].refine != NULL;
	if (refine) {
		strbuf_addstr(sb, "<section class=\"card refine-all\" aria-labelledby=\"h-refine\">\n"
				  "<h2 id=\"h-refine\">What to refine</h2>\n<ul>\n");
		for (size_t i = 0; i < v.n; i++) {
			if (!v.items[i].refine)
				continue;
			strbuf_addstr(sb, "<li>");
			html_text(sb, v.items[i].refine);
			strbuf_addstr(sb, " <span class=\"meta\">");
			ui_when(sb, v.items[i].at);
			strbuf_addstr(sb, "</span></li>\n");
		}
		strbuf_addstr(sb, "</ul>\n</section>\n");
	}
	if (!v.n) {
		strbuf_addstr(sb, "<p class=\"empty\">No debrief yet. After each interview, write "
				  "down what you asked, what they answered, what went well and what to "
				  "refine: <code>rapport debrief ");
		html_text(sb, o.slug);
		strbuf_addstr(sb, "</code>.</p>\n");
	}
	for (size_t i = v.n; i-- > 0;)
		debrief_card(sb, &v.items[i]);
	ui_page_end(rs);
out:
	opp_release(&o);
	debrief_vec_release(&v);
	return rc;
}
