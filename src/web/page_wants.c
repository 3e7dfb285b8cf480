/*
 * page_wants.c: Wants (/wants): what you want from your next job, heaviest
 * first, each with a form to change or remove it; a form to add one; a
 * matrix of where each want stands on every open opportunity; and a form to
 * record what you learnt (POST /opportunities/SLUG/wants), for the
 * opportunity chosen with ?opp=SLUG.
 *
 * Several forms share the page (one per want), so the fields here carry
 * their form's key in their ids ("w12-text"), and only the form that was
 * posted shows the user's values and errors again.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/fit.h"
#include "method/want_actions.h"
#include "store/wants.h"
#include "web/form.h"
#include "web/ui.h"

/* ---- one form among several (its fields: ui_form_*, ids KEY-NAME) ---- */

static void begin_form(struct strbuf *sb, const struct ui_form *f, const char *action)
{
	ui_form_begin(sb, f->rq, action, "stack");
	if (f->active)
		ui_form_errors(sb, f->rq);
}

/* ---- the page ---- */

/* Which form was posted, to show it again with its errors. */
enum posted { POSTED_NONE, POSTED_ADD, POSTED_EDIT, POSTED_DELETE, POSTED_MARK };

struct view {
	enum posted posted;
	int64_t want_id;  /* the want of an edit or a delete */
	int64_t mark_opp; /* the opportunity of the mark form (0: none chosen) */
	bool bad_opp;     /* ?opp= named no opportunity */
	want_vec wants;
	opp_vec opps;     /* the open opportunities */
	struct fit_table fits;
};

static void view_release(struct view *v)
{
	want_vec_release(&v->wants);
	opp_vec_release(&v->opps);
	fit_table_release(&v->fits);
}

static int view_load(struct web_req *rq, struct view *v)
{
	opp_vec all = { 0 };
	int rc;

	if ((rc = store_want_list(rq->store, &v->wants, &rq->err)) ||
	    (rc = store_opp_list(rq->store, -1, &all, &rq->err)) ||
	    (rc = fit_table_load(rq->store, &v->fits, &rq->err))) {
		opp_vec_release(&all);
		return rc;
	}
	for (size_t i = 0; i < all.n; i++) {
		if (stage_is_closed(all.items[i].stage))
			continue;
		*VEC_PUSH(&v->opps) = all.items[i];
		memset(&all.items[i], 0, sizeof(all.items[i]));
	}
	opp_vec_release(&all);
	return 0;
}

static const char *const weight_values[] = { "1", "2", "3", "4", "5" };
/* Words for the weights: the fit of an opportunity counts a want this much. */
static const char *const weight_labels[] = { "1: nice to have", "2: a little", "3: it matters",
					     "4: a lot", "5: above all" };

/* The fields a want's add and edit forms share. */
static void want_fields(struct strbuf *sb, const struct ui_form *f, const struct want *w)
{
	char weight[8];

	snprintf(weight, sizeof(weight), "%d", w ? w->weight : 3);
	ui_form_input(sb, f, "text", "text", "What you want", w ? w->text : NULL, UI_REQUIRED);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_form_select(sb, f, "weight", "How much it weighs in an opportunity’s fit", weight_values,
		       weight_labels, 5,
		       weight);
	ui_form_select_enum(sb, f, "category", "Category (the questions that verify it)",
			    &want_category_def, w ? w->category : -1, "(none)");
	strbuf_addstr(sb, "</div>");
	ui_form_checkbox(sb, f, "must", "A must-have: unmet, it breaks the deal", w && w->must);
}

static int want_item(struct strbuf *sb, struct web_req *rq, const struct view *v,
		     const struct want *w)
{
	char key[32], action[64];
	int64_t uses;
	int rc;
	bool open = v->want_id == w->id &&
		    (v->posted == POSTED_EDIT || v->posted == POSTED_DELETE);
	struct ui_form edit = { rq, key, open && v->posted == POSTED_EDIT };
	struct ui_form del = { rq, key, open && v->posted == POSTED_DELETE };

	if ((rc = store_want_uses(rq->store, w->id, &uses, &rq->err)))
		return rc;
	strbuf_addf(sb, "<li class=\"want%s\" id=\"want-%lld\">\n<div class=\"want-head\">"
			"<span class=\"weight w%d\" title=\"weight %d of 5\">%d</span> "
			"<span class=\"want-text\">",
		    w->must ? " must" : "", (long long)w->id, w->weight, w->weight, w->weight);
	html_text(sb, w->text);
	strbuf_addstr(sb, "</span>");
	if (w->must) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "bad", "must-have");
	}
	if (w->category >= 0) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "", enum_name(&want_category_def, w->category));
	}
	strbuf_addf(sb, "</div>\n<p class=\"meta\">weight %d of 5", w->weight);
	if (uses)
		strbuf_addf(sb, " · %lld piece%s of evidence", (long long)uses,
			    uses == 1 ? "" : "s");
	strbuf_addstr(sb, "</p>\n");
	strbuf_addf(sb, "<details class=\"want-edit\"%s><summary>Change or remove</summary>\n",
		    open ? " open" : "");
	snprintf(key, sizeof(key), "w%lld", (long long)w->id);
	snprintf(action, sizeof(action), "/wants/%lld/edit", (long long)w->id);
	begin_form(sb, &edit, action);
	want_fields(sb, &edit, w);
	ui_form_end(sb, "Save");
	snprintf(action, sizeof(action), "/wants/%lld/delete", (long long)w->id);
	begin_form(sb, &del, action);
	if (uses) {
		char label[128];
		snprintf(label, sizeof(label), "Also remove its %lld piece%s of evidence",
			 (long long)uses, uses == 1 ? "" : "s");
		ui_form_checkbox(sb, &del, "force", label, false);
	}
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">"
			  "Remove this want</button></div>\n</form>\n</details>\n</li>\n");
	return 0;
}

static int want_list(struct strbuf *sb, struct web_req *rq, const struct view *v)
{
	int rc = 0;

	strbuf_addf(sb, "<section class=\"card\" aria-labelledby=\"h-wants\">\n"
			"<h2 id=\"h-wants\">Your wants <span class=\"count\">%zu</span></h2>\n",
		    v->wants.n);
	if (!v->wants.n)
		ui_empty_state(sb, "No wants yet. Start from what you want: the pay, the work, "
				   "the team, how you work, and mark what you cannot do without "
				   "as a must-have. Each conversation then checks a want against "
				   "what you hear, the prep sheet asks what is still unknown, "
				   "and offers are scored against them.", "#add",
			       "Add your first want");
	else
		strbuf_addstr(sb, "<ul class=\"wants\">\n");
	for (size_t i = 0; i < v->wants.n && !rc; i++)
		rc = want_item(sb, rq, v, &v->wants.items[i]);
	if (v->wants.n)
		strbuf_addstr(sb, "</ul>\n");
	strbuf_addstr(sb, "</section>\n");
	return rc;
}

static void mark_link(struct strbuf *sb, const struct opp *o)
{
	strbuf_addstr(sb, "<a class=\"mark-link\" href=\"/wants?opp=");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, "#mark\">record</a>");
}

static void matrix(struct strbuf *sb, const struct view *v)
{
	strbuf_addstr(sb, "<section class=\"card\" id=\"matrix\" aria-labelledby=\"h-matrix\">\n"
			  "<h2 id=\"h-matrix\">Where each opportunity stands</h2>\n");
	if (!v->wants.n || !v->opps.n) {
		strbuf_addstr(sb, v->wants.n ? "<p class=\"empty\">No open opportunity to check "
					       "your wants against.</p>\n</section>\n"
					     : "<p class=\"empty\">Add a want first.</p>\n"
					       "</section>\n");
		return;
	}
	ui_scroll_begin(sb, "Your wants, opportunity by opportunity");
	strbuf_addstr(sb, "<table class=\"list want-matrix\">\n"
			  "<thead><tr><th scope=\"col\">Want</th>");
	for (size_t k = 0; k < v->opps.n; k++) {
		const struct opp *o = &v->opps.items[k];
		struct opp_ref ref = { o->id, o->slug, o->title, o->org_name, o->org_id };
		strbuf_addstr(sb, "<th scope=\"col\">");
		ui_opp_link(sb, &ref);
		strbuf_addstr(sb, "<br>");
		mark_link(sb, o);
		strbuf_addstr(sb, "</th>");
	}
	strbuf_addstr(sb, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v->wants.n; i++) {
		const struct want *w = &v->wants.items[i];
		strbuf_addstr(sb, "<tr><th scope=\"row\">");
		html_text(sb, w->text);
		strbuf_addf(sb, " <span class=\"meta\">%d%s</span></th>", w->weight,
			    w->must ? ", must" : "");
		for (size_t k = 0; k < v->opps.n; k++) {
			/* the table's status: salary wants judged from the figures too */
			enum want_status st = fit_table_status(&v->fits, &v->opps.items[k], w->id);
			strbuf_addstr(sb, "<td><a class=\"cell-link\" href=\"/wants?opp=");
			ui_url_part(sb, v->opps.items[k].slug);
			strbuf_addf(sb, "&amp;want=%lld#mark\" title=\"record what you learnt\">",
				    (long long)w->id);
			ui_badge(sb, ui_want_status_class(st, w->must),
				 enum_name(&want_status_def, (int)st));
			strbuf_addstr(sb, "</a></td>");
		}
		strbuf_addstr(sb, "</tr>\n");
	}
	strbuf_addstr(sb, "</tbody>\n<tfoot><tr><th scope=\"row\">Fit</th>");
	for (size_t k = 0; k < v->opps.n; k++) {
		struct fit f = fit_table_get(&v->fits, &v->opps.items[k]);
		char text[32];
		fit_text(&f, text, sizeof(text));
		strbuf_addstr(sb, "<td>");
		if (f.deal_breakers)
			ui_badge(sb, "bad", text);
		else
			html_text(sb, text);
		strbuf_addf(sb, " <span class=\"meta\">%d of %d known</span></td>", f.known,
			    f.total);
	}
	strbuf_addstr(sb, "</tr></tfoot>\n</table>\n</div>\n<p class=\"meta\">Fit: 100 means "
			  "every want known so far is met; an unmet must-have breaks the deal "
			  "whatever the score.</p>\n</section>\n");
}

static void add_form(struct strbuf *sb, struct web_req *rq, const struct view *v)
{
	struct ui_form f = { rq, "new", v->posted == POSTED_ADD };

	strbuf_addstr(sb, "<section class=\"card\" id=\"add\" aria-labelledby=\"h-add\">\n"
			  "<h2 id=\"h-add\">Add a want</h2>\n");
	begin_form(sb, &f, "/wants");
	want_fields(sb, &f, NULL);
	ui_form_end(sb, "Add");
	strbuf_addstr(sb, "</section>\n");
}

/* The choice of the opportunity whose evidence to record (a GET form). */
static void mark_choice(struct strbuf *sb, const struct web_req *rq, const struct view *v)
{
	strbuf_addstr(sb, "<form method=\"get\" action=\"/wants#mark\" class=\"stack choose\">\n"
			  "<div class=\"field");
	if (v->bad_opp)
		strbuf_addstr(sb, " has-error");
	strbuf_addstr(sb, "\"><label for=\"mark-opp\">Opportunity</label><select id=\"mark-opp\" "
			  "name=\"opp\"");
	if (v->bad_opp)
		strbuf_addstr(sb, " aria-invalid=\"true\" aria-describedby=\"e-mark-opp\"");
	strbuf_addstr(sb, ">");
	for (size_t i = 0; i < v->opps.n; i++) {
		const struct opp *o = &v->opps.items[i];
		strbuf_addstr(sb, "<option value=\"");
		html_text(sb, o->slug);
		strbuf_addstr(sb, o->id == v->mark_opp ? "\" selected>" : "\">");
		html_text(sb, o->org_name);
		strbuf_addstr(sb, ": ");
		html_text(sb, o->title);
		strbuf_addstr(sb, "</option>");
	}
	strbuf_addstr(sb, "</select>");
	if (v->bad_opp) {
		strbuf_addstr(sb, "<p class=\"error-text\" id=\"e-mark-opp\">There is no opportunity '");
		html_text(sb, web_param(&rq->query, "opp"));
		strbuf_addstr(sb, "'.</p>");
	}
	strbuf_addstr(sb, "</div>\n<div class=\"actions\"><button type=\"submit\" "
			  "class=\"secondary\">Choose</button></div>\n</form>\n");
}

/* Numbers as option values, kept alive while the form is written. */
struct choices {
	const char **values, **labels;
	char (*ids)[24];
	char **owned;
	size_t n, nowned;
};

static void choices_init(struct choices *c, size_t max, const char *none_label)
{
	c->values = xcalloc(max + 1, sizeof(*c->values));
	c->labels = xcalloc(max + 1, sizeof(*c->labels));
	c->ids = xcalloc(max + 1, sizeof(*c->ids));
	c->owned = xcalloc(max + 1, sizeof(*c->owned));
	c->values[0] = "";
	c->labels[0] = none_label;
	c->n = 1;
	c->nowned = 0;
}

static void choices_add(struct choices *c, int64_t id, char *label)
{
	snprintf(c->ids[c->n], sizeof(c->ids[c->n]), "%lld", (long long)id);
	c->values[c->n] = c->ids[c->n];
	c->labels[c->n++] = label;
	c->owned[c->nowned++] = label;
}

static void choices_release(struct choices *c)
{
	for (size_t i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->values);
	free(c->labels);
	free(c->ids);
	free(c->owned);
}

static int mark_form(struct strbuf *sb, struct web_req *rq, const struct view *v)
{
	struct ui_form f = { rq, "mark", v->posted == POSTED_MARK };
	struct opp o = { 0 };
	person_ref_vec people = { 0 };
	interaction_vec its = { 0 };
	struct choices wants, by, in;
	struct strbuf action = STRBUF_INIT;
	int rc;

	if ((rc = store_opp_get(rq->store, v->mark_opp, &o, &rq->err)) ||
	    (rc = store_opp_people(rq->store, o.id, &people, &rq->err)) ||
	    (rc = store_interactions_of_opp(rq->store, o.id, 0, &its, NULL, &rq->err))) {
		opp_release(&o);
		person_ref_vec_release(&people);
		interaction_vec_release(&its);
		return rc;
	}
	choices_init(&wants, v->wants.n, "(choose a want)");
	for (size_t i = 0; i < v->wants.n; i++)
		choices_add(&wants, v->wants.items[i].id, xstrdup(v->wants.items[i].text));
	choices_init(&by, people.n, "(nobody in particular)");
	for (size_t i = 0; i < people.n; i++) {
		struct strbuf l = STRBUF_INIT;
		char label[UI_LABEL_MAX];
		strbuf_addstr(&l, people.items[i].name);
		if (people.items[i].role >= 0)
			strbuf_addf(&l, " (%s)", ui_enum_label(&role_def, people.items[i].role, label));
		choices_add(&by, people.items[i].id, strbuf_detach(&l));
	}
	choices_init(&in, its.n, "(none)");
	for (size_t i = its.n; i-- > 0;) {
		struct strbuf l = STRBUF_INIT;
		strbuf_addf(&l, "%.10s, %s: %s", its.items[i].at,
			    enum_name(&interaction_kind_def, (int)its.items[i].kind),
			    its.items[i].summary);
		choices_add(&in, its.items[i].id, strbuf_detach(&l));
	}
	ui_opp_heading(sb, o.org_name, o.title);
	ui_opp_path(&action, o.slug, "/wants");
	begin_form(sb, &f, action.buf);
	ui_form_select(sb, &f, "want", "Want", wants.values, wants.labels, wants.n,
		       rq->post ? "" : web_param(&rq->query, "want"));
	ui_form_select_enum(sb, &f, "status", "Where it stands", &want_status_def, -1, "(choose)");
	ui_form_select(sb, &f, "by", "Who said it", by.values, by.labels, by.n, "");
	ui_form_select(sb, &f, "interaction", "In which conversation", in.values, in.labels, in.n,
		       "");
	ui_form_input(sb, &f, "date", "at", "When (empty: that conversation's day, else today)",
		      NULL, 0);
	ui_form_textarea(sb, &f, "note", "What was said", NULL, 2);
	ui_form_end(sb, "Record");
	strbuf_addstr(sb, "<p class=\"meta\">Vague: what they said can be read two ways, so ask "
			  "again. The <a href=\"/prep/");
	ui_url_part(sb, o.slug);
	strbuf_addstr(sb, "\">prep sheet</a> lists the questions for what is still open.</p>\n");
	choices_release(&wants);
	choices_release(&by);
	choices_release(&in);
	strbuf_release(&action);
	opp_release(&o);
	person_ref_vec_release(&people);
	interaction_vec_release(&its);
	return 0;
}

static int mark_section(struct strbuf *sb, struct web_req *rq, const struct view *v)
{
	strbuf_addstr(sb, "<section class=\"card\" id=\"mark\" aria-labelledby=\"h-mark\">\n"
			  "<h2 id=\"h-mark\">Record what you learnt</h2>\n");
	if (!v->wants.n || !v->opps.n) {
		strbuf_addstr(sb, "<p class=\"meta\">With a want and an open opportunity, record "
				  "here what you learn about it: met, partly, unmet, or vague.</p>\n"
				  "</section>\n");
		return 0;
	}
	mark_choice(sb, rq, v);
	if (v->mark_opp) {
		int rc = mark_form(sb, rq, v);
		if (rc)
			return rc;
	}
	strbuf_addstr(sb, "</section>\n");
	return 0;
}

static int render(struct web_req *rq, struct web_resp *rs, struct view *v)
{
	struct strbuf *sb = &rs->body;
	const char *opp = web_param(&rq->query, "opp");
	int rc;

	if ((rc = view_load(rq, v)))
		return rc;
	if (!rq->post && opp && *opp) {
		struct error e = ERROR_INIT;
		if (store_opp_resolve(rq->store, opp, &v->mark_opp, &e)) {
			v->mark_opp = 0;
			v->bad_opp = true;
			rs->status = 400;
		}
	}
	ui_page_begin(rs, rq, "Wants", NAV_WANTS);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Wants</h1><p class=\"meta\">What you want "
			  "from your next job, heaviest first. Every opportunity is checked "
			  "against them.</p></div>\n<div class=\"wants-page\">\n<div class=\"wants-main\">\n");
	if (!(rc = want_list(sb, rq, v))) {
		matrix(sb, v);
		strbuf_addstr(sb, "</div>\n<div class=\"wants-side\">\n");
		add_form(sb, rq, v);
		rc = mark_section(sb, rq, v);
		strbuf_addstr(sb, "</div>\n</div>\n");
	}
	ui_page_end(rs);
	return rc;
}

int page_wants(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { 0 };
	int rc = render(rq, rs, &v);

	view_release(&v);
	return rc;
}

/* Show the page again with the posted form's errors (nothing is written). */
static int again(struct web_req *rq, struct web_resp *rs, struct view *v, int status)
{
	int rc;

	strbuf_reset(&rs->body);
	rs->status = status;
	rc = render(rq, rs, v);
	view_release(v);
	return rc;
}

/* The fields of a want's form onto w; false when one is bad (its error beside it). */
static bool read_want(struct web_req *rq, struct want *w)
{
	const char *text;
	long weight;
	int category;
	bool ok = form_text(rq, "text", "what you want", true, false, &text);

	ok &= form_int(rq, "weight", "the weight", 1, 5, &weight);
	ok &= form_enum(rq, "category", &want_category_def, &category);
	if (!ok)
		return false;
	field_set(&w->text, text);
	if (weight > 0)
		w->weight = (int)weight;
	w->category = category;
	w->must = web_param(&rq->form, "must") != NULL;
	return true;
}

int post_want_create(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { .posted = POSTED_ADD };
	struct want w = { .weight = 3, .category = -1 };
	int rc = 0;

	if (read_want(rq, &w))
		rc = form_error(rq, store_want_add(rq->store, &w, &rq->err), "text");
	if (!rc && !rq->errors.n)
		web_redirect(rs, "/wants#want-%lld", (long long)w.id);
	want_release(&w);
	if (rc || !rq->errors.n)
		return rc;
	return again(rq, rs, &v, 400);
}

int post_want_edit(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { .posted = POSTED_EDIT };
	struct want w = { 0 };
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &v.want_id)) ||
	    (rc = store_want_get(rq->store, v.want_id, &w, &rq->err)))
		goto out;
	if (read_want(rq, &w))
		rc = form_error(rq, store_want_update(rq->store, &w, &rq->err), "text");
	if (!rc && !rq->errors.n)
		web_redirect(rs, "/wants#want-%lld", (long long)w.id);
out:
	want_release(&w);
	if (rc || !rq->errors.n)
		return rc;
	return again(rq, rs, &v, 400);
}

int post_want_delete(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { .posted = POSTED_DELETE };
	bool force = web_param(&rq->form, "force") != NULL;
	int64_t uses;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &v.want_id)))
		return rc;
	rc = action_want_remove(rq->store, v.want_id, force, &uses, &rq->err);
	if (rc == ERR_CONFLICT) {
		error_clear(&rq->err);
		web_field_error(rq, "force",
				"It has %lld piece%s of evidence: tick this box to remove %s with it.",
				(long long)uses, uses == 1 ? "" : "s", uses == 1 ? "it" : "them");
		return again(rq, rs, &v, 409);
	}
	if (!rc)
		web_redirect(rs, "/wants");
	return rc;
}

int post_want_mark(struct web_req *rq, struct web_resp *rs)
{
	struct view v = { .posted = POSTED_MARK };
	struct want_evidence e = { 0 };
	char at[DATE_BUFSZ];
	const char *want = web_param(&rq->form, "want"), *note;
	struct error err = ERROR_INIT;
	long interaction;
	int status, rc;
	bool ok = true;

	if ((rc = store_opp_resolve(rq->store, rq->arg[0], &e.opp_id, &rq->err)))
		return rc;
	v.mark_opp = e.opp_id;
	if (!want || !*want) {
		web_field_error(rq, "want", "Choose the want.");
		ok = false;
	} else if (store_want_resolve(rq->store, want, &e.want_id, &err)) {
		web_field_error(rq, "want", "%s", err.msg);
		ok = false;
	}
	if (form_enum(rq, "status", &want_status_def, &status) && status < 0) {
		web_field_error(rq, "status", "Say where it stands.");
		ok = false;
	} else if (status < 0) {
		ok = false;
	}
	ok &= form_person(rq, "by", &e.by.id);
	ok &= form_int(rq, "interaction", "the conversation", 1, 999999999999L, &interaction);
	ok &= form_when(rq, "at", at);
	ok &= form_text(rq, "note", "what was said", false, true, &note);
	if (ok) {
		e.status = (enum want_status)status;
		e.interaction_id = interaction > 0 ? interaction : 0;
		e.at = at[0] ? xstrdup(at) : NULL;
		e.note = xstrdup_or_null(note);
		rc = form_error(rq, action_want_mark(rq->store, &e, &rq->err), "");
	}
	if (!rc && !rq->errors.n) {
		struct strbuf back = STRBUF_INIT;
		strbuf_addstr(&back, "/wants?opp=");
		ui_url_part(&back, rq->arg[0]);
		strbuf_addstr(&back, "#matrix");
		web_redirect(rs, "%s", form_back(rq, back.buf));
		strbuf_release(&back);
	}
	want_evidence_release(&e);
	if (rc || !rq->errors.n)
		return rc;
	return again(rq, rs, &v, 400);
}
