/*
 * page_prep.c: the prep sheet of an opportunity (/prep/SLUG): the same
 * Markdown as 'rapport prep' (method/prep.h), shown safely as HTML inside
 * the site's frame and ready to print; ?stage= and ?with=PERSON (repeated)
 * choose the conversation and whom you will meet. (The debriefs are in
 * page_debrief.c.)
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/prep.h"
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

static bool chosen(const struct web_req *rq, int64_t id)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)id);
	for (size_t i = 0; i < rq->query.n; i++)
		if (!strcmp(rq->query.items[i].name, "with") && !strcmp(rq->query.items[i].value, buf))
			return true;
	return false;
}

static void tools(struct strbuf *sb, const struct web_req *rq, const struct opp *o,
		  const person_ref_vec *linked, int stage)
{
	const char *e = web_error_of(rq, "with");

	strbuf_addstr(sb, "<div class=\"prep-tools card\">\n<p class=\"prep-links\"><a href=\"");
	ui_opp_path(sb, o->slug, "");
	strbuf_addstr(sb, "\">Back to the opportunity</a> · <a href=\"");
	ui_opp_path(sb, o->slug, "/debrief");
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
				char label[UI_LABEL_MAX];
				strbuf_addstr(sb, " <span class=\"meta\">");
				html_text(sb, ui_enum_label(&role_def, p->role, label));
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
	ok &= form_ids(rq, &rq->query, "with", store_person_resolve, &with); /* whom you will meet */
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
