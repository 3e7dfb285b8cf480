/*
 * page_offers.c: Offers (/offers/compare): the decision matrix of 'rapport
 * offer compare' (method/compare.h) as a table, offers side by side against
 * your wants, with what needs attention (deadlines, a role below the level
 * you applied for, unmet must-haves); each offer's terms and negotiation
 * rounds; the form to record a round (?round=OFFER-ID, posted to
 * /offers/ID/rounds) and the form to add an offer (?add=SLUG, posted to
 * /opportunities/SLUG/offers). ?opp=SLUG (repeated) compares only those.
 *
 * One form at a time is open, so the fields keep the shared ids of ui.h.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/compare.h"
#include "method/offer_actions.h"
#include "store/offer.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

/* Days before a deadline from which it is shown as near. */
#define DEADLINE_NEAR 3

struct view {
	int64_t add_opp;     /* the opportunity of the open add form, or 0 */
	int64_t round_offer; /* the offer of the open round form, or 0 */
	int64_t edit_offer;  /* the offer of the open edit form, or 0 */
};

/* ---- pieces ---- */


static void opp_ref_of(const struct opp *o, struct opp_ref *r)
{
	r->id = o->id;
	r->slug = o->slug;
	r->title = o->title;
	r->org_name = o->org_name;
}

/* A summary cell, marked when it calls for attention. */
static void summary_cell(struct strbuf *sb, const struct datetime *now, const char *label,
			 const char *text, const struct offer_column *c)
{
	const char *cls = NULL;
	long days;

	if (!strcmp(label, "fit") && c->fit.deal_breakers) {
		cls = "bad";
	} else if (!strcmp(label, "level") && c->mismatch.found) {
		cls = "warn";
	} else if (!strcmp(label, "unmet must-haves") && text) {
		cls = "bad";
	} else if (!strcmp(label, "days to deadline") && c->offer.deadline) {
		days = offer_days_left(now, c->offer.deadline);
		cls = days < 0 ? "bad" : days <= DEADLINE_NEAR ? "warn" : NULL;
	}
	if (!text)
		strbuf_addstr(sb, "<span class=\"muted\" title=\"not known\">–</span>");
	else if (cls)
		ui_badge(sb, cls, text);
	else
		html_text(sb, text);
}

static void matrix(struct strbuf *sb, const struct datetime *now, const offer_column_vec *cols)
{
	struct compare_table t = { 0 };
	size_t rows;

	compare_table_build(&t, now, cols);
	rows = compare_table_rows(&t);
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-matrix\">\n"
			  "<h2 id=\"h-matrix\">Side by side</h2>\n");
	ui_scroll_begin(sb, "The offers side by side");
	strbuf_addstr(sb, "<table class=\"list offer-matrix\">\n<thead><tr><th scope=\"col\">Want</th>"
			  "<th scope=\"col\">Weight</th>");
	for (size_t i = 0; i < cols->n; i++) {
		struct opp_ref r;
		opp_ref_of(&cols->items[i].opp, &r);
		/* headed by organisation and title: a slug is the machine's name */
		strbuf_addstr(sb, "<th scope=\"col\">");
		ui_opp_link(sb, &r);
		strbuf_addstr(sb, "</th>");
	}
	strbuf_addstr(sb, "</tr></thead>\n");
	for (size_t r = 1; r < rows; r++) {
		bool want_row = r >= t.want_row && r < t.summary_row;
		const char *label = compare_table_cell(&t, r, 0);
		if (r == 1 || r == t.want_row || r == t.summary_row)
			strbuf_addf(sb, "%s<tbody class=\"%s\">\n", r == 1 ? "" : "</tbody>\n",
				    r < t.want_row ? "m-role" : want_row ? "m-wants" : "m-summary");
		strbuf_addstr(sb, "<tr><th scope=\"row\">");
		html_text(sb, label);
		strbuf_addstr(sb, "</th><td class=\"weight\">");
		html_text(sb, compare_table_cell(&t, r, 1));
		strbuf_addstr(sb, "</td>");
		for (size_t i = 0; i < cols->n; i++) {
			const struct offer_column *c = &cols->items[i];
			const char *text = compare_table_cell(&t, r, 2 + i);
			strbuf_addstr(sb, "<td>");
			if (want_row) {
				const struct want *w = &cols->items[0].wants.items[r - t.want_row].want;
				ui_badge(sb,
					 ui_want_status_class(offer_column_status(c, w->id),
							      w->must),
					 text);
			} else if (r < t.want_row) {
				html_text(sb, text);
			} else {
				summary_cell(sb, now, label, text, c);
			}
			strbuf_addstr(sb, "</td>");
		}
		strbuf_addstr(sb, "</tr>\n");
	}
	strbuf_addstr(sb, "</tbody>\n</table>\n</div>\n");
	if (!cols->items[0].wants.n)
		strbuf_addstr(sb, "<p class=\"meta\">No wants yet: <a href=\"/wants\">say what you "
				  "want</a> to see how each offer fits.</p>\n");
	else
		strbuf_addstr(sb, "<p class=\"meta\">Fit: 100 means every want known so far is met; "
				  "an unmet must-have breaks the deal, whatever the score.</p>\n");
	strbuf_addstr(sb, "</section>\n");
	compare_table_release(&t);
}

/* What needs attention: near or passed deadlines, a lower role, unmet must-haves. */
static void alerts(struct strbuf *sb, const struct datetime *now, const offer_column_vec *cols)
{
	struct strbuf items = STRBUF_INIT;

	for (size_t i = 0; i < cols->n; i++) {
		const struct offer_column *c = &cols->items[i];
		struct opp_ref r;
		opp_ref_of(&c->opp, &r);
		if (c->offer.deadline) {
			long days = offer_days_left(now, c->offer.deadline);
			if (days <= DEADLINE_NEAR) {
				strbuf_addstr(&items, "<li>");
				ui_badge(&items, days < 0 ? "bad" : "warn", "deadline");
				strbuf_addch(&items, ' ');
				ui_opp_link(&items, &r);
				if (days < 0)
					strbuf_addf(&items, ": the deadline passed %ld day%s ago", -days,
						    days == -1 ? "" : "s");
				else if (days == 0)
					strbuf_addstr(&items, ": they want your answer today");
				else
					strbuf_addf(&items, ": they want your answer in %ld day%s", days,
						    days == 1 ? "" : "s");
				strbuf_addstr(&items, ".</li>\n");
			}
		}
		if (c->mismatch.found) {
			struct strbuf text = STRBUF_INIT;
			level_mismatch_text(&c->mismatch, &text);
			strbuf_addstr(&items, "<li>");
			ui_badge(&items, "warn", "level mismatch");
			strbuf_addch(&items, ' ');
			ui_opp_link(&items, &r);
			strbuf_addstr(&items, ": ");
			html_text(&items, text.buf);
			strbuf_addstr(&items, ".</li>\n");
			strbuf_release(&text);
		}
		for (size_t k = 0; k < c->wants.n; k++) {
			const struct want_standing *w = &c->wants.items[k];
			if (!w->want.must || w->status != WANT_UNMET)
				continue;
			strbuf_addstr(&items, "<li>");
			ui_badge(&items, "bad", "deal-breaker");
			strbuf_addch(&items, ' ');
			ui_opp_link(&items, &r);
			strbuf_addstr(&items, ": “");
			html_text(&items, w->want.text);
			strbuf_addstr(&items, "” is a must-have, and it is unmet.</li>\n");
		}
	}
	if (items.len) {
		strbuf_addstr(sb, "<section class=\"card offer-alerts\" aria-labelledby=\"h-alerts\">\n"
				  "<h2 id=\"h-alerts\">Needs your attention</h2>\n<ul>\n");
		strbuf_addstr(sb, items.buf);
		strbuf_addstr(sb, "</ul>\n</section>\n");
	}
	strbuf_release(&items);
}




static const char *const side_values[] = { "ask", "reply" };
static const char *const side_labels[] = { "You asked", "They replied" };

static void amount_text(char buf[32], int64_t v)
{
	buf[0] = '\0';
	if (v >= 0)
		snprintf(buf, 32, "%lld", (long long)v);
}

/* The fields of an offer's terms, as read_terms reads them, in rows: base and
 * bonus, title and level, equity and start, and the day to answer by when the
 * form has one. Their values are of's (NULL: every field empty). */
static void terms_fields(struct strbuf *sb, const struct web_req *rq, const struct offer *of,
			 const char *base_label, unsigned base_flags, bool deadline)
{
	const struct offer_terms *t = of ? &of->terms : NULL;
	char base[32] = "", bonus[32] = "";

	if (t) {
		amount_text(base, t->base);
		amount_text(bonus, t->bonus);
	}
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "text", "base", base_label, t ? base : NULL, base_flags);
	ui_input(sb, rq, "text", "bonus", "Bonus a year", t ? bonus : NULL, 0);
	strbuf_addstr(sb, "</div>\n<div class=\"row\">");
	ui_input(sb, rq, "text", "title", "Title", t ? t->title : NULL, 0);
	ui_input(sb, rq, "text", "level", "Level", t ? t->level : NULL, 0);
	strbuf_addstr(sb, "</div>\n<div class=\"row\">");
	ui_input(sb, rq, "text", "equity", "Equity", t ? t->equity : NULL, 0);
	ui_input(sb, rq, "date", "start", "Start", t ? t->start : NULL, 0);
	if (deadline)
		ui_input(sb, rq, "date", "deadline", "Answer by", of ? of->deadline : NULL, 0);
	strbuf_addstr(sb, "</div>\n");
}

/* The start of a form about one offer: its box (class BOX-form, id BOX)
 * with its heading, and the form that posts to /offers/ID/VERB. */
static void offer_form_begin(struct strbuf *sb, const struct web_req *rq, const struct offer *of,
			     const char *box, const char *heading, const char *verb)
{
	char action[64];

	snprintf(action, sizeof(action), "/offers/%lld/%s", (long long)of->id, verb);
	strbuf_addf(sb, "<div class=\"%s-form\" id=\"%s\">\n<h4>%s</h4>\n", box, box, heading);
	ui_form_begin(sb, rq, action, "stack");
	ui_form_errors(sb, rq);
}

static void round_form(struct strbuf *sb, const struct web_req *rq, const struct offer *of)
{
	offer_form_begin(sb, rq, of, "round", "Record a round", "rounds");
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_select(sb, rq, "side", "Who", side_values, side_labels, 2, "ask");
	ui_input(sb, rq, "datetime-local", "at", "When (empty: now)", NULL, 0);
	strbuf_addstr(sb, "</div>\n<p class=\"meta\">Only what this round says: a reply's terms "
			  "become the offer's.</p>\n");
	terms_fields(sb, rq, NULL, "Base a year", 0, false);
	ui_input(sb, rq, "text", "text", "In words (another title, a combined role...)", NULL, 0);
	ui_form_end(sb, "Record the round");
	strbuf_addstr(sb, "</div>\n");
}

/* The offer's terms as they stand, to correct (as 'rapport offer edit'). */
static void edit_form(struct strbuf *sb, const struct web_req *rq, const struct offer *of)
{
	offer_form_begin(sb, rq, of, "edit", "Edit the offer", "edit");
	terms_fields(sb, rq, of, "Base a year", UI_REQUIRED, true);
	ui_input(sb, rq, "text", "benefits", "Benefits", of->benefits, 0);
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", of->notes, 3);
	ui_form_end(sb, "Save the offer");
	strbuf_addstr(sb, "<p class=\"meta\">An empty field clears it; the base and level become "
			  "the opportunity's.</p>\n</div>\n");
}

static int offer_card(struct strbuf *sb, struct web_req *rq, const struct view *v,
		      const struct offer_column *c)
{
	const struct offer *of = &c->offer;
	offer_round_vec rounds = { 0 };
	struct opp_ref r;
	int rc;

	if ((rc = store_offer_rounds(rq->store, of->id, &rounds, &rq->err)))
		return rc;
	opp_ref_of(&c->opp, &r);
	strbuf_addf(sb, "<article class=\"card offer\" id=\"offer-%lld\">\n<h3>", (long long)of->id);
	ui_opp_link(sb, &r);
	strbuf_addstr(sb, " ");
	ui_badge(sb, "", enum_name(&stage_def, (int)c->opp.stage));
	strbuf_addstr(sb, "</h3>\n");
	view_offer_facts(sb, of);
	if (rounds.n)
		strbuf_addstr(sb, "<h4>Negotiation</h4>\n<ol class=\"rounds\">\n");
	for (size_t i = 0; i < rounds.n; i++) {
		const struct offer_round *rd = &rounds.items[i];
		strbuf_addf(sb, "<li class=\"%s\"><span class=\"meta\">", rd->side == OFFER_ASK ?
								 "ask" : "reply");
		ui_when(sb, rd->at);
		strbuf_addf(sb, "</span> <strong>%s</strong> ",
			    rd->side == OFFER_ASK ? "You asked" : "They replied");
		view_round_terms(sb, rd);
		strbuf_addstr(sb, "</li>\n");
	}
	if (rounds.n)
		strbuf_addstr(sb, "</ol>\n");
	if (v->round_offer == of->id)
		round_form(sb, rq, of);
	else if (v->edit_offer == of->id)
		edit_form(sb, rq, of);
	else
		strbuf_addf(sb, "<p class=\"offer-actions\"><a class=\"button secondary\" "
				"href=\"/offers/compare?round=%lld#round\">Record a round</a> "
				"<a class=\"button secondary\" href=\"/offers/compare?edit=%lld#edit\">"
				"Edit the offer</a></p>\n",
			    (long long)of->id, (long long)of->id);
	strbuf_addstr(sb, "</article>\n");
	offer_round_vec_release(&rounds);
	return 0;
}

/* The open opportunities without an offer, for the add form's choice. */
static int add_choice(struct strbuf *sb, struct web_req *rq, const struct view *v)
{
	opp_vec opps = { 0 };
	struct web_req get = *rq;
	const char **values, **labels;
	char **owned;
	size_t n = 0;
	int rc;

	if ((rc = store_opp_list(rq->store, -1, &opps, &rq->err)))
		return rc;
	values = xcalloc(opps.n + 1, sizeof(*values));
	labels = xcalloc(opps.n + 1, sizeof(*labels));
	owned = xcalloc(opps.n + 1, sizeof(*owned));
	for (size_t i = 0; i < opps.n && !rc; i++) {
		struct offer of = { .terms = OFFER_TERMS_INIT };
		bool found;
		if (stage_is_closed(opps.items[i].stage))
			continue;
		rc = store_offer_of_opp(rq->store, opps.items[i].id, &of, &found, &rq->err);
		offer_release(&of);
		if (rc || found)
			continue;
		values[n] = opps.items[i].slug;
		struct strbuf label = STRBUF_INIT;
		strbuf_addf(&label, "%s: %s", opps.items[i].org_name, opps.items[i].title);
		owned[n] = strbuf_detach(&label);
		labels[n] = owned[n];
		n++;
	}
	if (!rc && !n) {
		strbuf_addstr(sb, "<p class=\"meta\">Every open opportunity has its offer recorded, "
				  "or there is none yet.</p>\n");
	} else if (!rc) {
		const char *current = NULL;
		for (size_t i = 0; i < opps.n; i++)
			if (opps.items[i].id == v->add_opp)
				current = opps.items[i].slug;
		get.post = false;
		get.errors = (struct web_params){ 0 };
		strbuf_addstr(sb, "<form method=\"get\" action=\"/offers/compare#add\" "
				  "class=\"stack choose\">\n");
		ui_select(sb, &get, "add", "For the opportunity", values, labels, n, current);
		strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\" "
				  "class=\"secondary\">Choose</button></div>\n</form>\n");
	}
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(values);
	free(labels);
	opp_vec_release(&opps);
	return rc;
}

static int add_section(struct strbuf *sb, struct web_req *rq, const struct view *v)
{
	struct opp o = { 0 };
	struct strbuf action = STRBUF_INIT;
	int rc;

	strbuf_addstr(sb, "<section class=\"card\" id=\"add\" aria-labelledby=\"h-add\">\n"
			  "<h2 id=\"h-add\">Add an offer</h2>\n");
	if ((rc = add_choice(sb, rq, v)) || !v->add_opp)
		goto out;
	if ((rc = store_opp_get(rq->store, v->add_opp, &o, &rq->err)))
		goto out;
	ui_opp_heading(sb, o.org_name, o.title);
	ui_opp_path(&action, o.slug, "/offers");
	ui_form_begin(sb, rq, action.buf, "stack");
	ui_form_errors(sb, rq);
	terms_fields(sb, rq, NULL, "Base a year (85000 or 85k)", UI_REQUIRED, true);
	ui_input(sb, rq, "text", "benefits", "Benefits (pension, holidays, health...)", NULL, 0);
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", NULL, 3);
	ui_form_end(sb, "Add the offer");
	strbuf_addstr(sb, "<p class=\"meta\">The offer becomes the opportunity's salary and "
			  "level offered, and moves it to the offer stage.</p>\n");
out:
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&action);
	opp_release(&o);
	return rc;
}

/* ?opp=SLUG...: the offers to compare (none: every one). */
static const char **compare_refs(const struct web_req *rq, size_t *n)
{
	const char **refs = xcalloc(rq->query.n + 1, sizeof(*refs));

	*n = 0;
	for (size_t i = 0; i < rq->query.n; i++)
		if (!strcmp(rq->query.items[i].name, "opp") && *rq->query.items[i].value)
			refs[(*n)++] = rq->query.items[i].value;
	return refs;
}

static int render(struct web_req *rq, struct web_resp *rs, const struct view *v)
{
	struct strbuf *sb = &rs->body;
	const struct datetime *now = store_now(rq->store);
	offer_column_vec cols = { 0 };
	size_t nrefs;
	const char **refs = compare_refs(rq, &nrefs);
	int rc;

	if ((rc = offer_columns_load(rq->store, refs, nrefs, &cols, &rq->err)))
		goto out;
	ui_page_begin(rs, rq, "Offers", NAV_OFFERS);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Offers</h1><p class=\"meta\">Your offers "
			  "side by side against what you want: the fit, the pay, the deadlines. "
			  "With an offer in hand, keep asking, meet more people, and negotiate.</p>");
	if (nrefs)
		strbuf_addstr(sb, "<p class=\"actions\"><a href=\"/offers/compare\">Compare every "
				  "offer</a></p>");
	strbuf_addstr(sb, "</div>\n");
	if (!cols.n) {
		ui_empty_state(sb, "No offer yet. When one comes, record it below: it is "
				   "compared here with your wants and with the other offers, so "
				   "you can see what to ask for before you answer.", NULL, NULL);
	} else {
		alerts(sb, now, &cols);
		matrix(sb, now, &cols);
		strbuf_addstr(sb, "<div class=\"grid offers\">\n");
		for (size_t i = 0; i < cols.n && !rc; i++)
			rc = offer_card(sb, rq, v, &cols.items[i]);
		strbuf_addstr(sb, "</div>\n");
	}
	if (!rc && !v->round_offer && !v->edit_offer)
		rc = add_section(sb, rq, v);
	ui_page_end(rs);
out:
	free(refs);
	offer_columns_release(&cols);
	return rc;
}

/* The offer a query names by its id: 0 when there is one, else the error
 * (not found: a 404). */
static int offer_named(struct web_req *rq, const char *text, int64_t *id)
{
	struct offer of = { .terms = OFFER_TERMS_INIT };
	int rc = ui_parse_id(rq, text, id);

	if (!rc)
		rc = offer_find(rq->store, *id, &of, &rq->err);
	offer_release(&of);
	return rc;
}

int page_offers_compare(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { 0 };
	const char *add = web_param(&rq->query, "add"), *round = web_param(&rq->query, "round");
	const char *edit = web_param(&rq->query, "edit");
	int rc;

	if (edit && *edit) {
		if ((rc = offer_named(rq, edit, &v.edit_offer)))
			return rc;
	} else if (round && *round) {
		if ((rc = offer_named(rq, round, &v.round_offer)))
			return rc;
	} else if (add && *add) {
		struct offer of = { .terms = OFFER_TERMS_INIT };
		bool found;
		if ((rc = store_opp_resolve(rq->store, add, &v.add_opp, &rq->err)) ||
		    (rc = store_offer_of_opp(rq->store, v.add_opp, &of, &found, &rq->err)))
			return rc;
		if (found) {
			/* it has its offer: record a round of it instead */
			v.add_opp = 0;
			v.round_offer = of.id;
		}
		offer_release(&of);
	}
	return render(rq, rs, &v);
}

/* ---- the forms ---- */

/* A day field (start, deadline): any WHEN, kept as YYYY-MM-DD. */
static bool form_day(struct web_req *rq, const char *name, char **out)
{
	char when[DATE_BUFSZ];

	if (!form_when(rq, name, when))
		return false;
	free(*out);
	*out = when[0] ? xstrndup(when, 10) : NULL;
	return true;
}

static bool read_terms(struct web_req *rq, struct offer_terms *t)
{
	const char *equity, *title, *level;
	bool ok = form_amount(rq, "base", "base pay", &t->base);

	ok &= form_amount(rq, "bonus", "bonus", &t->bonus);
	ok &= form_text(rq, "equity", "equity", false, false, &equity);
	ok &= form_text(rq, "title", "title", false, false, &title);
	ok &= form_text(rq, "level", "level", false, false, &level);
	ok &= form_day(rq, "start", &t->start);
	if (ok) {
		field_set(&t->equity, equity);
		field_set(&t->title, title);
		field_set(&t->level, level);
	}
	return ok;
}

/* How an offer's form ends: back to the offer when it was saved, the page
 * again with the form's errors (400) when the form was wrong, else the error.
 * The offer's id outlives offer_release, which frees only its strings. */
static int offer_post_end(struct web_req *rq, struct web_resp *rs, const struct view *v, int rc,
			  int64_t offer_id)
{
	if (rc)
		return rc;
	if (!rq->errors.n) {
		web_redirect(rs, "/offers/compare#offer-%lld", (long long)offer_id);
		return 0;
	}
	rs->status = 400;
	return render(rq, rs, v);
}

static bool differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b));
}

/* The add and edit forms' fields into of; its deadline checked (not in the
 * past) when it differs from old_deadline (NULL: a new offer). False with
 * the errors beside the fields. */
static bool read_offer_form(struct web_req *rq, struct offer *of, const char *old_deadline)
{
	const char *benefits, *notes;
	struct error e = ERROR_INIT;
	bool ok = read_terms(rq, &of->terms);

	ok &= form_day(rq, "deadline", &of->deadline);
	ok &= form_text(rq, "benefits", "benefits", false, false, &benefits);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	if (ok && of->terms.base < 0) {
		web_field_error(rq, "base", "An offer needs its base pay.");
		ok = false;
	}
	if (ok && differ(of->deadline, old_deadline) &&
	    offer_deadline_check(rq->store, of->deadline, &e)) {
		web_field_error(rq, "deadline", "%s", e.msg);
		ok = false;
	}
	if (ok) {
		field_set(&of->benefits, benefits);
		field_set(&of->notes, notes);
	}
	return ok;
}

int post_offer_create(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT };
	bool found, moved;
	int rc;

	if ((rc = store_opp_resolve(rq->store, rq->arg[0], &v.add_opp, &rq->err)) ||
	    (rc = store_offer_of_opp(rq->store, v.add_opp, &of, &found, &rq->err)))
		goto out;
	if (found) {
		rc = error_set(&rq->err, ERR_CONFLICT,
			       "'%s' already has an offer: record a round of it instead",
			       rq->arg[0]);
		goto out;
	}
	of.opp_id = v.add_opp;
	if (read_offer_form(rq, &of, NULL))
		rc = form_error(rq, action_offer_add(rq->store, rq->pb, &of, &moved, &rq->err), "");
out:
	offer_release(&of);
	return offer_post_end(rq, rs, &v, rc, of.id);
}

int post_offer_round(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT };
	struct offer_round r = { .terms = OFFER_TERMS_INIT };
	char at[DATE_BUFSZ];
	const char *text, *side = web_param(&rq->form, "side");
	struct error e = ERROR_INIT;
	bool ok, moved;
	int rc, sidev;

	if ((rc = ui_parse_id(rq, rq->arg[0], &v.round_offer)) ||
	    (rc = offer_find(rq->store, v.round_offer, &of, &rq->err)))
		goto out;
	r.offer_id = of.id;
	ok = read_terms(rq, &r.terms);
	ok &= form_text(rq, "text", "text", false, false, &text);
	ok &= form_when(rq, "at", at);
	if (!side || !*side) {
		web_field_error(rq, "side", "Say who: you asked, or they replied.");
		ok = false;
	} else if ((sidev = enum_parse(&offer_side_def, side, &e)) < 0) {
		web_field_error(rq, "side", "%s", e.msg);
		ok = false;
	} else {
		r.side = (enum offer_side)sidev;
	}
	if (ok) {
		field_set(&r.text, text);
		r.at = at[0] ? xstrdup(at) : NULL;
		rc = form_error(rq, action_offer_round(rq->store, rq->pb, &r, &moved, &rq->err), "");
	}
out:
	offer_release(&of);
	offer_round_release(&r);
	return offer_post_end(rq, rs, &v, rc, of.id);
}

/* Correct an offer, as 'rapport offer edit': every field as the form sends
 * it (an empty one clears it; the base cannot be cleared). */
int post_offer_edit(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT }, old = { .terms = OFFER_TERMS_INIT };
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &v.edit_offer)) ||
	    (rc = offer_find(rq->store, v.edit_offer, &of, &rq->err)) ||
	    (rc = offer_find(rq->store, v.edit_offer, &old, &rq->err)))
		goto out;
	of.terms.base = of.terms.bonus = -1; /* an empty field clears its term */
	if (read_offer_form(rq, &of, old.deadline))
		rc = form_error(rq, action_offer_update(rq->store, rq->pb, &of, old.deadline,
						     of.terms.base != old.terms.base,
						     differ(of.terms.level, old.terms.level), &rq->err),
			     "");
out:
	offer_release(&of);
	offer_release(&old);
	return offer_post_end(rq, rs, &v, rc, of.id);
}
