/*
 * page_opp.c: one opportunity (/opportunities/SLUG): its details with a
 * form to move it, its notes, the people and their roles (with a form to
 * link one more), a timeline of interactions and stage changes (newest
 * first), how it fits the user's wants (with the evidence), its offer and
 * negotiation rounds, its open follow-ups, and links to the prep sheet and
 * the debrief. Also the forms to add one (/opportunities/new) and to change
 * one (/opportunities/SLUG/edit), checked field by field as the command line
 * checks its options.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/fit.h"
#include "method/levels.h"
#include "method/opp_actions.h"
#include "method/opp_view.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

/* The opportunity of the address (a slug or an id); ERR_NOT_FOUND for a 404. */
static int resolve_opp(struct web_req *rq, int64_t *id)
{
	if (!rq->arg[0])
		return error_set(&rq->err, ERR_NOT_FOUND, "no such opportunity");
	return store_opp_resolve(rq->store, rq->arg[0], id, &rq->err);
}

static int load_opp(struct web_req *rq, struct opp *o)
{
	int64_t id;
	int rc = resolve_opp(rq, &id);

	return rc ? rc : store_opp_get(rq->store, id, o, &rq->err);
}

static void fit_line(struct strbuf *sb, const struct fit *f)
{
	char score[32];

	fit_text(f, score, sizeof(score));
	ui_badge(sb, fit_grade(f), score);
	strbuf_addf(sb, " <span class=\"meta\">%d of %d wants known (%d%% of their weight)</span>",
		    f->known, f->total, fit_coverage(f));
}

/* ---- the page's sections ---- */

/* Everything the page shows (method/opp_view.h); ?all=1 for the whole timeline. */
static int view_load(struct web_req *rq, struct opp_view *v)
{
	const char *all = web_param(&rq->query, "all");
	int64_t id;
	int rc;

	memset(v, 0, sizeof(*v));
	if ((rc = resolve_opp(rq, &id)))
		return rc;
	return opp_view_load(rq->store, id, all && *all, v, &rq->err);
}

static void head(struct strbuf *sb, const struct opp_view *v)
{
	const struct opp *o = &v->opp;

	strbuf_addstr(sb, "<div class=\"page-head opp-head\">\n<div><p class=\"meta\">");
	ui_org_link(sb, o->org_id, o->org_name);
	strbuf_addstr(sb, "</p>\n<h1>");
	html_text(sb, o->title);
	strbuf_addstr(sb, "</h1>\n<p class=\"meta\">");
	ui_badge(sb, stage_is_closed(o->stage) ? "closed" : "",
		 enum_name(&stage_def, (int)o->stage));
	strbuf_addstr(sb, " since ");
	ui_when(sb, o->stage_changed_at);
	if (v->mismatch.found) {
		strbuf_addstr(sb, " ");
		ui_badge(sb, "warn", "level mismatch");
	}
	strbuf_addstr(sb, "</p></div>\n<div class=\"actions\"><a class=\"button\" href=\"");
	ui_opp_path(sb, o->slug, "/edit");
	strbuf_addstr(sb, "\">Edit</a><a class=\"button secondary\" href=\"/prep/");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, "\">Prep sheet</a><a class=\"button secondary\" href=\"");
	ui_opp_path(sb, o->slug, "/debrief");
	strbuf_addstr(sb, "\">Debrief</a><a class=\"button secondary\" href=\"");
	ui_opp_path(sb, o->slug, "/delete");
	strbuf_addstr(sb, "\">Delete</a></div>\n</div>\n");
}

static void move_form(struct strbuf *sb, const struct web_req *rq, const struct opp *o)
{
	struct strbuf action = STRBUF_INIT, back = STRBUF_INIT;

	ui_opp_path(&action, o->slug, "/move");
	ui_opp_path(&back, o->slug, "");
	strbuf_addstr(sb, "<h3 id=\"h-move\">Move to another stage</h3>\n");
	ui_form_begin(sb, rq, action.buf, "stack move-form");
	ui_hidden(sb, "back", back.buf);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_select_enum(sb, rq, "stage", "Stage", &stage_def, (int)o->stage, NULL);
	ui_input(sb, rq, "text", "note", "Why (optional)", NULL, 0);
	strbuf_addstr(sb, "</div>");
	ui_form_end(sb, "Move");
	strbuf_release(&action);
	strbuf_release(&back);
}

static void details(struct strbuf *sb, const struct web_req *rq, const struct opp_view *v)
{
	const struct opp *o = &v->opp;

	strbuf_addstr(sb, "<section class=\"card opp-details\" aria-labelledby=\"h-details\">\n"
			  "<h2 id=\"h-details\">Details</h2>\n<dl class=\"facts\">\n"
			  "<dt>Organisation</dt><dd>");
	ui_org_link(sb, o->org_id, o->org_name);
	strbuf_addstr(sb, "</dd>\n<dt>Stage</dt><dd>");
	html_text(sb, enum_name(&stage_def, (int)o->stage));
	strbuf_addstr(sb, ", since ");
	ui_when(sb, o->stage_changed_at);
	strbuf_addstr(sb, "</dd>\n");
	view_fact_text(sb, "Level applied for", o->level_applied);
	view_fact_text(sb, "Level offered", o->level_offered);
	if (v->mismatch.found) {
		strbuf_addstr(sb, "<dt>Mismatch</dt><dd class=\"mismatch\">");
		view_level_mismatch(sb, &v->mismatch);
		strbuf_addstr(sb, "</dd>\n");
	}
	view_fact_text(sb, "Source", o->source);
	if (o->url) {
		strbuf_addstr(sb, "<dt>Posting</dt><dd class=\"url\">");
		ui_external_link(sb, o->url, NULL);
		strbuf_addstr(sb, "</dd>\n");
	}
	view_fact_amount(sb, "Salary target", o->salary_target);
	if (o->salary_low >= 0) {
		strbuf_addstr(sb, "<dt>Range disclosed</dt><dd>");
		view_amount(sb, o->salary_low);
		strbuf_addstr(sb, " – ");
		view_amount(sb, o->salary_high);
		strbuf_addstr(sb, "</dd>\n");
	}
	view_fact_amount(sb, "Salary offered", o->salary_offered);
	if (v->wants.n) {
		strbuf_addstr(sb, "<dt>Fit</dt><dd>");
		fit_line(sb, &v->fit);
		strbuf_addstr(sb, "</dd>\n");
	}
	strbuf_addstr(sb, "<dt>Added</dt><dd>");
	ui_when(sb, o->created_at);
	strbuf_addstr(sb, "</dd>\n</dl>\n");
	move_form(sb, rq, o);
	strbuf_addstr(sb, "</section>\n");
}

static void notes(struct strbuf *sb, const struct opp *o)
{
	strbuf_addstr(sb, "<section class=\"card opp-notes\" aria-labelledby=\"h-notes\">\n"
			  "<h2 id=\"h-notes\">Notes</h2>\n");
	if (o->notes) {
		strbuf_addstr(sb, "<div class=\"notes\">");
		html_markdown(sb, o->notes);
		strbuf_addstr(sb, "</div>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"meta\">No notes yet. <a href=\"");
		ui_opp_path(sb, o->slug, "/edit");
		strbuf_addstr(sb, "\">Add some</a>: what the job is, who referred you, what to "
				  "find out.</p>\n");
	}
	strbuf_addstr(sb, "</section>\n");
}

static void people(struct strbuf *sb, const struct web_req *rq, const struct opp_view *v)
{
	struct strbuf action = STRBUF_INIT;

	strbuf_addstr(sb, "<section class=\"card opp-people\" id=\"people\" "
			  "aria-labelledby=\"h-people\">\n<h2 id=\"h-people\">People</h2>\n");
	if (v->people.n) {
		strbuf_addstr(sb, "<ul class=\"people\">\n");
		for (size_t i = 0; i < v->people.n; i++) {
			const struct person_ref *p = &v->people.items[i];
			char label[UI_LABEL_MAX];
			strbuf_addstr(sb, "<li>");
			ui_person_link(sb, p->id, p->name);
			strbuf_addstr(sb, " ");
			ui_badge(sb, "", ui_enum_label(&role_def, p->role >= 0 ? p->role : ROLE_OTHER,
						       label));
			strbuf_addstr(sb, "</li>\n");
		}
		strbuf_addstr(sb, "</ul>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"meta\">Nobody linked yet. Link the people you meet "
				  "here: the playbooks write to them after a \"no\".</p>\n");
	}
	ui_opp_path(&action, v->opp.slug, "/people");
	strbuf_addstr(sb, "<h3>Link a person</h3>\n");
	ui_form_begin(sb, rq, action.buf, "stack link-form");
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "text", "person", "Person (their name)", NULL, UI_REQUIRED);
	ui_select_enum(sb, rq, "role", "Role", &role_def, ROLE_OTHER, NULL);
	strbuf_addstr(sb, "</div>");
	ui_form_end(sb, "Link");
	strbuf_addstr(sb, "<p class=\"meta\">Someone not in rapport yet is added, in ");
	html_text(sb, v->opp.org_name ? v->opp.org_name : "no organisation");
	strbuf_addstr(sb, ".</p>\n</section>\n");
	strbuf_release(&action);
}

static void interaction_item(struct strbuf *sb, const struct interaction *it)
{
	strbuf_addf(sb, "<li class=\"tl-item interaction\" id=\"interaction-%lld\">\n"
			"<p class=\"meta\">",
		    (long long)it->id);
	ui_when(sb, it->at);
	strbuf_addstr(sb, " ");
	ui_badge(sb, "", enum_name(&interaction_kind_def, (int)it->kind));
	strbuf_addstr(sb, it->direction == DIR_IN ? " from them" : " from you");
	if (it->chemistry > 0)
		strbuf_addf(sb, " · chemistry %d/5", it->chemistry);
	strbuf_addstr(sb, "</p>\n<p class=\"tl-summary\">");
	html_text(sb, it->summary);
	strbuf_addstr(sb, "</p>\n");
	if (it->people.n) {
		strbuf_addstr(sb, "<p class=\"meta\">with ");
		for (size_t k = 0; k < it->people.n; k++) {
			if (k)
				strbuf_addstr(sb, ", ");
			ui_person_link(sb, it->people.items[k].id, it->people.items[k].name);
		}
		strbuf_addstr(sb, "</p>\n");
	}
	view_notes(sb, NULL, it->notes);
	strbuf_addstr(sb, "</li>\n");
}

static void stage_item(struct strbuf *sb, const struct stage_change *c)
{
	strbuf_addstr(sb, "<li class=\"tl-item stage-change\">\n<p class=\"meta\">");
	ui_when(sb, c->at);
	strbuf_addstr(sb, " ");
	ui_badge(sb, "stage", "stage");
	strbuf_addstr(sb, "</p>\n<p class=\"tl-summary\">");
	if (c->from < 0) {
		strbuf_addstr(sb, "Added as ");
		html_text(sb, enum_name(&stage_def, (int)c->to));
	} else {
		strbuf_addstr(sb, "Moved from ");
		html_text(sb, enum_name(&stage_def, c->from));
		strbuf_addstr(sb, " to ");
		html_text(sb, enum_name(&stage_def, (int)c->to));
	}
	strbuf_addstr(sb, "</p>\n");
	if (c->note) {
		strbuf_addstr(sb, "<p class=\"why\">");
		html_text(sb, c->note);
		strbuf_addstr(sb, "</p>\n");
	}
	strbuf_addstr(sb, "</li>\n");
}

/* Interactions and stage changes merged, newest first (both come oldest first). */
static void timeline(struct strbuf *sb, const struct opp_view *v)
{
	size_t i = v->interactions.n, h = v->history.n;

	strbuf_addstr(sb, "<section class=\"card opp-timeline\" aria-labelledby=\"h-timeline\">\n"
			  "<h2 id=\"h-timeline\">Timeline</h2>\n");
	if (v->interactions_total > (int64_t)v->interactions.n) {
		/* as the person page does: what is not shown can be asked for */
		strbuf_addf(sb, "<p class=\"meta\">The newest %zu of %lld interactions. <a href=\"",
			    v->interactions.n, (long long)v->interactions_total);
		ui_opp_path(sb, v->opp.slug, "?all=1#h-timeline");
		strbuf_addstr(sb, "\">Show every one</a></p>\n");
	}
	if (!i && !h)
		strbuf_addstr(sb, "<p class=\"meta\">Nothing yet.</p>\n");
	strbuf_addstr(sb, "<ol class=\"opp-events\">\n");
	while (i || h) {
		const struct stage_change *c = h ? &v->history.items[h - 1] : NULL;
		if (c && (!i || strncmp(c->at, v->interactions.items[i - 1].at, 16) > 0)) {
			stage_item(sb, c);
			h--;
		} else {
			interaction_item(sb, &v->interactions.items[--i]);
		}
	}
	strbuf_addstr(sb, "</ol>\n</section>\n");
}

static void wants(struct strbuf *sb, const struct opp_view *v)
{
	strbuf_addstr(sb, "<section class=\"card opp-wants\" id=\"wants\" "
			  "aria-labelledby=\"h-wants\">\n<h2 id=\"h-wants\">Wants</h2>\n");
	if (!v->wants.n) {
		strbuf_addstr(sb, "<p class=\"meta\">No wants yet. <a href=\"/wants\">Say what "
				  "you want</a>, and each opportunity is scored against it.</p>\n"
				  "</section>\n");
		return;
	}
	strbuf_addstr(sb, "<p class=\"fit\">Fit ");
	fit_line(sb, &v->fit);
	strbuf_addstr(sb, "</p>\n");
	for (size_t i = 0; i < v->wants.n; i++) {
		const struct want_standing *w = &v->wants.items[i];
		if (!w->want.must || w->status != WANT_UNMET)
			continue;
		strbuf_addstr(sb, "<p class=\"deal-breaker\">");
		ui_badge(sb, "bad", "deal-breaker");
		strbuf_addstr(sb, " ");
		html_text(sb, w->want.text);
		strbuf_addstr(sb, " is a must-have, and it is unmet.</p>\n");
	}
	strbuf_addstr(sb, "<table class=\"list wants\">\n<thead><tr><th>Want</th><th>Status</th>"
			  "<th>Evidence</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v->wants.n; i++) {
		const struct want_standing *w = &v->wants.items[i];
		strbuf_addstr(sb, "<tr><td>");
		html_text(sb, w->want.text);
		strbuf_addf(sb, " <span class=\"meta\">weight %d%s</span></td><td>", w->want.weight,
			    w->want.must ? ", must-have" : "");
		ui_badge(sb, ui_want_status_class(w->status, w->want.must),
			 enum_name(&want_status_def, (int)w->status));
		strbuf_addstr(sb, "</td><td>");
		if (w->evidence.n)
			strbuf_addstr(sb, "<ul class=\"evidence\">");
		for (size_t k = 0; k < w->evidence.n; k++) {
			const struct want_evidence *e = &w->evidence.items[k];
			strbuf_addstr(sb, "<li>");
			ui_when(sb, e->at);
			strbuf_addstr(sb, " ");
			html_text(sb, enum_name(&want_status_def, (int)e->status));
			if (e->by.id) {
				strbuf_addstr(sb, ", said ");
				ui_person_link(sb, e->by.id, e->by.name);
			}
			if (e->note) {
				strbuf_addstr(sb, ": ");
				html_text(sb, e->note);
			}
			strbuf_addstr(sb, "</li>");
		}
		if (w->evidence.n)
			strbuf_addstr(sb, "</ul>");
		else
			strbuf_addstr(sb, "<span class=\"meta\">to verify</span>");
		strbuf_addstr(sb, "</td></tr>\n");
	}
	strbuf_addstr(sb, "</tbody>\n</table>\n<p class=\"actions\"><a class=\"button secondary\" "
			  "href=\"/wants?opp=");
	ui_url_part(sb, v->opp.slug);
	strbuf_addstr(sb, "#mark\">Record what you learnt</a></p>\n<p class=\"meta\">The "
			  "<a href=\"/prep/");
	ui_url_part(sb, v->opp.slug);
	strbuf_addstr(sb, "\">prep sheet</a> lists the questions that verify what is still "
			  "unknown.</p>\n</section>\n");
}


static void offer(struct strbuf *sb, const struct opp_view *v)
{
	const struct offer *of = &v->offer;

	strbuf_addstr(sb, "<section class=\"card opp-offer\" id=\"offer\" "
			  "aria-labelledby=\"h-offer\">\n<h2 id=\"h-offer\">Offer</h2>\n");
	if (!v->has_offer) {
		strbuf_addstr(sb, "<p class=\"meta\">No offer recorded.</p>\n");
	} else {
		view_offer_facts(sb, of);
		if (v->rounds.n)
			strbuf_addstr(sb, "<h3>Negotiation</h3>\n<table class=\"list rounds\">\n"
					  "<thead><tr><th>When</th><th>Who</th><th>Terms</th></tr>"
					  "</thead>\n<tbody>\n");
		for (size_t i = 0; i < v->rounds.n; i++) {
			const struct offer_round *r = &v->rounds.items[i];
			strbuf_addstr(sb, "<tr><td>");
			ui_when(sb, r->at);
			strbuf_addf(sb, "</td><td>%s</td><td>",
				    r->side == OFFER_ASK ? "you asked" : "they replied");
			view_round_terms(sb, r);
			strbuf_addstr(sb, "</td></tr>\n");
		}
		if (v->rounds.n)
			strbuf_addstr(sb, "</tbody>\n</table>\n");
	}
	strbuf_addstr(sb, "<p class=\"actions\">");
	if (v->has_offer) {
		strbuf_addf(sb, "<a class=\"button secondary\" "
				"href=\"/offers/compare?round=%lld#round\">Record a negotiation "
				"round</a>",
			    (long long)of->id);
	} else {
		strbuf_addstr(sb, "<a class=\"button secondary\" href=\"/offers/compare?add=");
		ui_url_part(sb, v->opp.slug);
		strbuf_addstr(sb, "#add\">Add the offer</a>");
	}
	strbuf_addstr(sb, "<a href=\"/offers/compare\">Offers compare</a></p>\n</section>\n");
}

static void tasks(struct strbuf *sb, const struct web_req *rq, const struct opp_view *v)
{
	char today[DATE_BUFSZ];
	struct strbuf back = STRBUF_INIT;

	date_format_day(store_now(rq->store), today);
	ui_opp_path(&back, v->opp.slug, "");
	strbuf_addstr(sb, "<section class=\"card opp-tasks\" id=\"tasks\" "
			  "aria-labelledby=\"h-tasks\">\n"
			  "<h2 id=\"h-tasks\">Open follow-ups</h2>\n");
	if (!v->tasks.n)
		strbuf_addstr(sb, "<p class=\"meta\">None open.</p>\n");
	else
		strbuf_addstr(sb, "<ul class=\"tasks\">\n");
	for (size_t i = 0; i < v->tasks.n; i++) {
		const struct task *t = &v->tasks.items[i];
		bool late = t->due && strncmp(t->due, today, 10) < 0;
		strbuf_addf(sb, "<li class=\"task%s\" id=\"task-%lld\">\n<div class=\"task-main\">",
			    late ? " overdue" : "", (long long)t->id);
		view_task_summary(sb, t, VIEW_TASK_PERSON);
		strbuf_addstr(sb, "</div>\n");
		view_task_buttons(sb, rq, t, back.buf, 0);
		strbuf_addstr(sb, "</li>\n");
	}
	if (v->tasks.n)
		strbuf_addstr(sb, "</ul>\n");
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&back);
}

static int render(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct opp_view v;
	struct strbuf title = STRBUF_INIT;
	int rc;

	if ((rc = view_load(rq, &v)))
		return rc;
	strbuf_addf(&title, "%s · %s", v.opp.title, v.opp.org_name ? v.opp.org_name : "");
	ui_page_begin(rs, rq, title.buf, NAV_PIPELINE);
	head(sb, &v);
	ui_form_errors(sb, rq);
	/* the side first: on a phone's one column, the details come before the history */
	strbuf_addstr(sb, "<div class=\"opp-page\">\n<div class=\"opp-side\">\n");
	details(sb, rq, &v);
	tasks(sb, rq, &v);
	people(sb, rq, &v);
	notes(sb, &v.opp);
	strbuf_addstr(sb, "</div>\n<div class=\"opp-main\">\n");
	timeline(sb, &v);
	opp_debriefs_section(sb, &v);
	opp_feedback_section(sb, rq, &v);
	wants(sb, &v);
	offer(sb, &v);
	strbuf_addstr(sb, "</div>\n</div>\n");
	ui_page_end(rs);
	strbuf_release(&title);
	opp_view_release(&v);
	return 0;
}

int page_opp(struct web_req *rq, struct web_resp *rs)
{
	return render(rq, rs);
}

int post_opp_link(struct web_req *rq, struct web_resp *rs)
{
	struct opp o = { 0 };
	struct strbuf to = STRBUF_INIT;
	int64_t person;
	int role, rc;
	bool ok, added;

	if ((rc = load_opp(rq, &o))) {
		opp_release(&o);
		return rc;
	}
	/* the role first: a person added for a link refused would stay */
	ok = form_enum(rq, "role", &role_def, &role) &&
	     form_person_or_new(rq, "person", o.org_id, &person, &added);
	if (ok && (rc = store_opp_link(rq->store, o.id, person,
				       role < 0 ? ROLE_OTHER : (enum role)role, &rq->err))) {
		opp_release(&o);
		return rc;
	}
	if (!ok) {
		opp_release(&o);
		rs->status = 400;
		return render(rq, rs);
	}
	ui_opp_path(&to, o.slug, "#people");
	web_redirect(rs, "%s", to.buf);
	strbuf_release(&to);
	opp_release(&o);
	return 0;
}

/* ---- adding and changing ---- */

static void amount_input(struct strbuf *sb, const struct web_req *rq, const char *name,
			 const char *label, int64_t value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)value);
	ui_input(sb, rq, "text", name, label, value >= 0 ? buf : NULL, 0);
}

/* The form to add (o NULL) or change an opportunity. */
static void opp_form(struct web_req *rq, struct web_resp *rs, const struct opp *o)
{
	struct strbuf *sb = &rs->body;
	struct strbuf action = STRBUF_INIT, cancel = STRBUF_INIT;

	if (o) {
		ui_opp_path(&action, o->slug, "/edit");
		ui_opp_path(&cancel, o->slug, "");
	} else {
		strbuf_addstr(&action, "/opportunities");
		strbuf_addstr(&cancel, "/pipeline");
	}
	ui_page_begin(rs, rq, o ? "Change the opportunity" : "New opportunity", NAV_PIPELINE);
	ui_record_form_begin(sb, rq, action.buf, "<section class=\"card opp-form\">\n", "Change",
			     o ? o->title : NULL, "New opportunity");
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "text", "org", "Organisation (added if new)", o ? o->org_name : NULL,
		 UI_REQUIRED | (o ? 0 : UI_AUTOFOCUS));
	ui_input(sb, rq, "text", "title", "Job title", o ? o->title : NULL, UI_REQUIRED);
	strbuf_addstr(sb, "</div>\n<div class=\"row\">");
	ui_input(sb, rq, "text", "slug",
		 o ? "Short name, for its address and the command line (a-z, 0-9, -)"
		   : "Short name, for its address and the command line (a-z, 0-9, -; empty: "
		     "made from the name)",
		 o ? o->slug : NULL, o ? UI_REQUIRED : 0);
	if (!o)
		ui_select_enum(sb, rq, "stage", "Stage it starts in", &stage_def, STAGE_LEAD, NULL);
	strbuf_addstr(sb, "</div>\n<div class=\"row\">");
	ui_input(sb, rq, "text", "level", "Level you applied for", o ? o->level_applied : NULL, 0);
	ui_input(sb, rq, "text", "level_offered", "Level they discuss or offer",
		 o ? o->level_offered : NULL, 0);
	strbuf_addstr(sb, "</div>\n<div class=\"row\">");
	ui_input(sb, rq, "text", "source", "Where you found it", o ? o->source : NULL, 0);
	ui_input(sb, rq, "url", "url", "Job posting (https://...)", o ? o->url : NULL, 0);
	strbuf_addstr(sb, "</div>\n<div class=\"row\">");
	amount_input(sb, rq, "salary_target", "Your salary target", o ? o->salary_target : -1);
	amount_input(sb, rq, "salary_low", "Range they disclosed: low", o ? o->salary_low : -1);
	amount_input(sb, rq, "salary_high", "Range: high", o ? o->salary_high : -1);
	if (o)
		amount_input(sb, rq, "salary_offered", "Salary offered", o->salary_offered);
	strbuf_addstr(sb, "</div>\n<p class=\"meta\">Amounts: digits, or with k for thousands "
			  "(95k).</p>\n");
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", o ? o->notes : NULL, 6);
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\">");
	strbuf_addstr(sb, o ? "Save changes" : "Add the opportunity");
	strbuf_addstr(sb, "</button><a class=\"button secondary\" href=\"");
	html_text(sb, cancel.buf);
	strbuf_addstr(sb, "\">Cancel</a></div>\n</form>\n</section>\n");
	ui_page_end(rs);
	strbuf_release(&action);
	strbuf_release(&cancel);
}

static bool differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b));
}

/* Read the form into o (its current values when changing: id set), each
 * field checked beside itself; *org receives the organisation's name. */
static bool read_form(struct web_req *rq, struct opp *o, bool create, const char **org)
{
	const char *title, *slug, *level, *offered, *source, *url, *notes;
	int64_t target, low, high, paid = o->salary_offered;
	struct error e = ERROR_INIT;
	int stage = STAGE_LEAD;
	bool ok = true, low_ok, high_ok;

	ok &= form_text(rq, "org", "organisation", true, false, org);
	ok &= form_text(rq, "title", "title", true, false, &title);
	if (form_text(rq, "slug", "slug", !create, false, &slug)) {
		int64_t other;
		if (slug && slug_check(slug, &e)) {
			web_field_error(rq, "slug", "%s", e.msg);
			ok = false;
		} else if (slug && !store_opp_resolve(rq->store, slug, &other, &e) &&
			   other != o->id) {
			web_field_error(rq, "slug", "the short name '%s' is taken", slug);
			ok = false;
		}
	} else {
		ok = false;
	}
	if (create) {
		ok &= form_enum(rq, "stage", &stage_def, &stage);
		if (stage < 0)
			stage = STAGE_LEAD;
	}
	ok &= form_text(rq, "level", "level applied for", false, false, &level);
	ok &= form_text(rq, "level_offered", "level offered", false, false, &offered);
	ok &= form_text(rq, "source", "source", false, false, &source);
	if (!form_text(rq, "url", "URL", false, false, &url)) {
		ok = false;
	} else if (text_check_url("the URL", url, &e)) {
		web_field_error(rq, "url", "%s", e.msg);
		ok = false;
	}
	ok &= form_amount(rq, "salary_target", "the salary target", &target);
	low_ok = form_amount(rq, "salary_low", "the range's low end", &low);
	high_ok = form_amount(rq, "salary_high", "the range's high end", &high);
	if (!low_ok || !high_ok) {
		ok = false;
	} else if ((low < 0) != (high < 0)) {
		web_field_error(rq, low < 0 ? "salary_low" : "salary_high",
				"a salary range needs both ends");
		ok = false;
	} else if (low > high) {
		web_field_error(rq, "salary_low", "the low end is above the high end");
		ok = false;
	}
	if (!create)
		ok &= form_amount(rq, "salary_offered", "the salary offered", &paid);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	if (!ok)
		return false;
	field_set(&o->title, title);
	if (slug)
		field_set(&o->slug, slug);
	field_set(&o->level_applied, level);
	field_set(&o->level_offered, offered);
	field_set(&o->source, source);
	field_set(&o->url, url);
	field_set(&o->notes, notes);
	o->salary_target = target;
	o->salary_low = low;
	o->salary_high = high;
	o->salary_offered = paid;
	if (create)
		o->stage = (enum stage)stage;
	return true;
}

/* The organisation by name, added when new; its error goes beside the field. */
static bool ensure_org(struct web_req *rq, const char *name, struct opp *o)
{
	struct error e = ERROR_INIT;

	if (store_org_ensure(rq->store, name, &o->org_id, &e)) {
		web_field_error(rq, "org", "%s", e.msg);
		return false;
	}
	field_set(&o->org_name, name);
	return true;
}

int page_opp_new(struct web_req *rq, struct web_resp *rs)
{
	opp_form(rq, rs, NULL);
	return 0;
}

int post_opp_create(struct web_req *rq, struct web_resp *rs)
{
	struct opp o = { .salary_target = -1, .salary_low = -1, .salary_high = -1,
			 .salary_offered = -1 };
	struct strbuf to = STRBUF_INIT;
	const char *org;
	int rc = 0;

	if (read_form(rq, &o, true, &org) && ensure_org(rq, org, &o))
		rc = form_error(rq, action_opp_add(rq->store, rq->pb, &o, &rq->err), "");
	if (!rc && rq->errors.n) {
		rs->status = 400;
		opp_form(rq, rs, NULL);
	} else if (!rc) {
		ui_opp_path(&to, o.slug, "");
		web_redirect(rs, "%s", to.buf);
	}
	strbuf_release(&to);
	opp_release(&o);
	return rc;
}

int page_opp_edit(struct web_req *rq, struct web_resp *rs)
{
	struct opp o = { 0 };
	int rc = load_opp(rq, &o);

	if (!rc)
		opp_form(rq, rs, &o);
	opp_release(&o);
	return rc;
}

int post_opp_edit(struct web_req *rq, struct web_resp *rs)
{
	struct opp o = { 0 }, old = { 0 };
	struct strbuf to = STRBUF_INIT;
	const char *org;
	int rc;

	if ((rc = load_opp(rq, &o)) || (rc = store_opp_get(rq->store, o.id, &old, &rq->err)))
		goto out;
	if (read_form(rq, &o, false, &org) && ensure_org(rq, org, &o)) {
		bool levels = differ(old.level_applied, o.level_applied) ||
			      differ(old.level_offered, o.level_offered);
		rc = form_error(rq, action_opp_update(rq->store, rq->pb, &o, levels, &rq->err),
				"");
	}
	if (rc)
		goto out;
	if (rq->errors.n) {
		rs->status = 400;
		opp_form(rq, rs, &old);
	} else {
		ui_opp_path(&to, o.slug, "");
		web_redirect(rs, "%s", to.buf);
	}
out:
	strbuf_release(&to);
	opp_release(&o);
	opp_release(&old);
	return rc;
}
