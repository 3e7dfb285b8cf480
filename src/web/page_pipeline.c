/*
 * page_pipeline.c: the Pipeline (/pipeline): a board with a column for each
 * stage still open, a card for each opportunity (organisation, title, days
 * in the stage, the next follow-up, the fit to the user's wants, a role
 * mismatch), a small form on each card to move it (20-pipeline.js adds
 * drag and drop, which submits the same form), and the closed opportunities
 * folded away below.
 *
 * The board reads everything in a handful of queries, whatever the number
 * of opportunities: the opportunities, the fit table, the open tasks (the
 * first of each opportunity is its next follow-up) and the ladder of levels;
 * only an opportunity with a level applied for is checked for a mismatch.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/actions.h"
#include "method/fit.h"
#include "method/levels.h"
#include "store/offer.h"
#include "web/form.h"
#include "web/ui.h"

struct card {
	const struct opp *o;
	const struct task *next; /* the next open follow-up, or NULL */
	struct level_mismatch mismatch;
	struct fit fit;
	long days; /* in the stage; -1 when unknown */
};

struct board {
	opp_vec opps;
	task_vec tasks;
	struct card *cards; /* one per opportunity, in opps order */
	bool has_wants;
	char today[DATE_BUFSZ];
};

static void board_release(struct board *b)
{
	for (size_t i = 0; b->cards && i < b->opps.n; i++)
		level_mismatch_release(&b->cards[i].mismatch);
	free(b->cards);
	opp_vec_release(&b->opps);
	task_vec_release(&b->tasks);
}

static long days_since(const struct store *s, const char *iso)
{
	struct datetime dt;

	if (!iso || date_parse_iso(iso, &dt, NULL))
		return -1;
	return date_diff_days(&dt, store_now(s));
}

/* An index of the board's opportunities by id, to find a task's card. */
struct by_id {
	int64_t id;
	size_t card;
};

static int cmp_by_id(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static struct card *card_of(const struct board *b, const struct by_id *index, int64_t id)
{
	struct by_id key = { id, 0 }, *hit;

	hit = bsearch(&key, index, b->opps.n, sizeof(*index), cmp_by_id);
	return hit ? &b->cards[hit->card] : NULL;
}

static const char *offer_level_of(const offer_vec *offers, int64_t opp_id)
{
	for (size_t i = 0; i < offers->n; i++)
		if (offers->items[i].opp_id == opp_id)
			return offers->items[i].terms.level;
	return NULL;
}

static int board_load(struct store *s, struct board *b, struct error *err)
{
	struct fit_table fits = { 0 };
	struct level_ladder ladder = { 0 };
	offer_vec offers = { 0 };
	struct by_id *index = NULL;
	int rc;

	memset(b, 0, sizeof(*b));
	date_format_day(store_now(s), b->today);
	if ((rc = store_opp_list(s, -1, &b->opps, err)) ||
	    (rc = store_task_list(s, false, &b->tasks, err)) ||
	    (rc = store_offer_list(s, &offers, err)) ||
	    (rc = fit_table_load(s, &fits, err)) || (rc = levels_load(s, &ladder, err)))
		goto out;
	b->has_wants = fits.wants.n > 0;
	b->cards = xcalloc(b->opps.n ? b->opps.n : 1, sizeof(*b->cards));
	index = xcalloc(b->opps.n ? b->opps.n : 1, sizeof(*index));
	for (size_t i = 0; i < b->opps.n; i++) {
		struct card *c = &b->cards[i];
		c->o = &b->opps.items[i];
		c->days = days_since(s, c->o->stage_changed_at);
		c->fit = fit_table_get(&fits, c->o);
		index[i] = (struct by_id){ c->o->id, i };
		/* no level applied for: nothing to fall below */
		if (c->o->level_applied && !stage_is_closed(c->o->stage))
			levels_mismatch_of(&ladder, c->o, offer_level_of(&offers, c->o->id),
					   &c->mismatch);
	}
	qsort(index, b->opps.n, sizeof(*index), cmp_by_id);
	/* open tasks come by due date: the first of an opportunity is its next */
	for (size_t t = 0; t < b->tasks.n; t++) {
		struct card *c = b->tasks.items[t].opp.id
					 ? card_of(b, index, b->tasks.items[t].opp.id)
					 : NULL;
		if (c && !c->next)
			c->next = &b->tasks.items[t];
	}
out:
	free(index);
	offer_vec_release(&offers);
	fit_table_release(&fits);
	level_ladder_release(&ladder);
	return rc;
}

static void days_text(struct strbuf *sb, long days)
{
	if (days < 0)
		return;
	if (days == 0)
		strbuf_addstr(sb, "moved here today");
	else
		strbuf_addf(sb, "%ld day%s in this stage", days, days == 1 ? "" : "s");
}

/* The badge's colour (see fit_grade): green only with enough of the picture known. */
static const char *fit_class(const struct fit *f)
{
	const char *grade = fit_grade(f);

	if (!strcmp(grade, "good"))
		return "good fit";
	if (!strcmp(grade, "bad"))
		return "bad fit";
	return !strcmp(grade, "warn") ? "warn fit" : "fit";
}

static void fit_badge(struct strbuf *sb, const struct fit *f)
{
	char score[32], known[32], text[96];

	fit_text(f, score, sizeof(score));
	fit_known_text(f, known, sizeof(known));
	snprintf(text, sizeof(text), "fit %s, %s", score, known);
	ui_badge(sb, fit_class(f), text);
}

/* Named after its card ("Stage of Acme — Data Lead"): a list of selects all
 * called "Stage" says nothing to a screen reader; the visible word stays first. */
static void stage_select(struct strbuf *sb, const struct opp *o)
{
	strbuf_addf(sb, "<label for=\"move-%lld\">Stage<span class=\"visually-hidden\"> of ",
		    (long long)o->id);
	if (o->org_name) {
		html_text(sb, o->org_name);
		strbuf_addstr(sb, " — ");
	}
	html_text(sb, o->title);
	strbuf_addf(sb, "</span></label><select id=\"move-%lld\" name=\"stage\">", (long long)o->id);
	for (size_t k = 0; k < stage_def.count; k++)
		strbuf_addf(sb, "<option value=\"%s\"%s>%s</option>", stage_def.names[k],
			    k == (size_t)o->stage ? " selected" : "", stage_def.names[k]);
	strbuf_addstr(sb, "</select>");
}

/* The card's move form; moved_id's card shows the error of a refused move. */
static void move_form(struct strbuf *sb, const struct web_req *rq, const struct opp *o,
		      int64_t moved_id)
{
	const char *e = o->id == moved_id ? web_error_of(rq, "stage") : NULL;

	strbuf_addstr(sb, "<form method=\"post\" class=\"move");
	if (e)
		strbuf_addstr(sb, " has-error");
	strbuf_addstr(sb, "\" action=\"/opportunities/");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, "/move\"><input type=\"hidden\" name=\"csrf\" value=\"");
	html_text(sb, rq->csrf);
	strbuf_addstr(sb, "\"><input type=\"hidden\" name=\"back\" value=\"/pipeline\">");
	stage_select(sb, o);
	strbuf_addstr(sb, "<button type=\"submit\" class=\"secondary\">Move</button>");
	if (e) {
		strbuf_addstr(sb, "<p class=\"error-text\" role=\"alert\">");
		html_text(sb, e);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</form>\n");
}

static void card_item(struct strbuf *sb, const struct web_req *rq, const struct board *b,
		      const struct card *c, int64_t moved_id)
{
	const struct opp *o = c->o;

	strbuf_addf(sb, "<li class=\"opp-card\" id=\"opp-%lld\">\n<p class=\"opp-org\">",
		    (long long)o->id);
	html_text(sb, o->org_name);
	strbuf_addstr(sb, "</p>\n<h3 class=\"opp-title\"><a href=\"/opportunities/");
	ui_url_part(sb, o->slug);
	strbuf_addstr(sb, "\">");
	html_text(sb, o->title);
	strbuf_addstr(sb, "</a></h3>\n<p class=\"meta opp-days\">");
	days_text(sb, c->days);
	strbuf_addstr(sb, "</p>\n");
	if (c->next) {
		bool late = c->next->due && strncmp(c->next->due, b->today, 10) < 0;
		strbuf_addf(sb, "<p class=\"opp-next%s\"><span class=\"label\">Next:</span> ",
			    late ? " overdue" : "");
		ui_when(sb, c->next->due);
		if (late)
			strbuf_addstr(sb, " (overdue)");
		strbuf_addstr(sb, " · ");
		html_text(sb, c->next->title);
		strbuf_addstr(sb, "</p>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"opp-next none\">No follow-up planned</p>\n");
	}
	if (b->has_wants || c->mismatch.found) {
		strbuf_addstr(sb, "<p class=\"opp-badges\">");
		if (b->has_wants)
			fit_badge(sb, &c->fit);
		if (c->mismatch.found) {
			struct strbuf text = STRBUF_INIT;
			level_mismatch_text(&c->mismatch, &text);
			strbuf_addstr(sb, " <span class=\"badge warn mismatch\" title=\"");
			html_text(sb, text.buf);
			strbuf_addstr(sb, "\">level mismatch</span>"
					  "<span class=\"visually-hidden\">: ");
			html_text(sb, text.buf);
			strbuf_addstr(sb, "</span>");
			strbuf_release(&text);
		}
		strbuf_addstr(sb, "</p>\n");
	}
	move_form(sb, rq, o, moved_id);
	strbuf_addstr(sb, "</li>\n");
}

static void column(struct strbuf *sb, const struct web_req *rq, const struct board *b,
		   enum stage st, int64_t moved_id)
{
	const char *name = enum_name(&stage_def, (int)st);
	size_t n = 0;

	for (size_t i = 0; i < b->opps.n; i++)
		n += b->opps.items[i].stage == st;
	strbuf_addf(sb, "<section class=\"stage-col\" data-stage=\"%s\" "
			"aria-labelledby=\"col-%s\">\n<h2 id=\"col-%s\">%s "
			"<span class=\"count\">%zu</span></h2>\n<ul class=\"cards\">\n",
		    name, name, name, name, n);
	for (size_t i = 0; i < b->opps.n; i++)
		if (b->opps.items[i].stage == st)
			card_item(sb, rq, b, &b->cards[i], moved_id);
	strbuf_addstr(sb, "</ul>\n");
	if (!n)
		strbuf_addstr(sb, "<p class=\"col-empty meta\">None</p>\n");
	strbuf_addstr(sb, "</section>\n");
}

/* The closed ones, latest first: the last CLOSED_SHOWN unless ?closed=all. */
#define CLOSED_SHOWN 30

static void closed_list(struct strbuf *sb, const struct web_req *rq, const struct board *b)
{
	bool all = web_param(&rq->query, "closed") != NULL;
	size_t n = 0, shown = 0;

	for (size_t i = 0; i < b->opps.n; i++)
		n += stage_is_closed(b->opps.items[i].stage);
	if (!n)
		return;
	strbuf_addf(sb, "<details class=\"closed-opps\" id=\"closed\"%s>\n<summary>Closed "
			"<span class=\"count\">%zu</span></summary>\n<table class=\"list\">\n"
			"<thead><tr><th>Organisation</th><th>Opportunity</th><th>Stage</th>"
			"<th>Since</th></tr></thead>\n<tbody>\n",
		    all ? " open" : "", n);
	for (size_t i = 0; i < b->opps.n; i++) {
		const struct opp *o = &b->opps.items[i];
		if (!stage_is_closed(o->stage))
			continue;
		if (!all && shown++ == CLOSED_SHOWN)
			break;
		strbuf_addf(sb, "<tr id=\"opp-%lld\"><td>", (long long)o->id);
		ui_org_link(sb, o->org_id, o->org_name);
		strbuf_addstr(sb, "</td><td><a href=\"/opportunities/");
		ui_url_part(sb, o->slug);
		strbuf_addstr(sb, "\">");
		html_text(sb, o->title);
		strbuf_addstr(sb, "</a></td><td>");
		ui_badge(sb, o->stage == STAGE_ACCEPTED ? "good" : "",
			 enum_name(&stage_def, (int)o->stage));
		strbuf_addstr(sb, "</td><td>");
		ui_when(sb, o->stage_changed_at);
		strbuf_addstr(sb, "</td></tr>\n");
	}
	strbuf_addstr(sb, "</tbody>\n</table>\n");
	if (!all && n > CLOSED_SHOWN)
		strbuf_addf(sb, "<p class=\"more\">The latest %d are shown. <a "
				"href=\"/pipeline?closed=all#closed\">Show all %zu</a></p>\n",
			    CLOSED_SHOWN, n);
	strbuf_addstr(sb, "</details>\n");
}

/* The board; moved_id: the opportunity whose move was refused (0: none). */
static int render(struct web_req *rq, struct web_resp *rs, int64_t moved_id)
{
	struct strbuf *sb = &rs->body;
	struct board b;
	size_t open = 0;
	int rc;

	if ((rc = board_load(rq->store, &b, &rq->err))) {
		board_release(&b);
		return rc;
	}
	for (size_t i = 0; i < b.opps.n; i++)
		open += !stage_is_closed(b.opps.items[i].stage);
	ui_page_begin(rs, rq, "Pipeline", NAV_PIPELINE);
	strbuf_addf(sb, "<div class=\"page-head\"><h1>Pipeline</h1><p class=\"meta\">%zu open</p>"
			"<div class=\"actions\"><a class=\"button\" href=\"/opportunities/new\">"
			"New opportunity</a></div></div>\n",
		    open);
	ui_form_errors(sb, rq);
	if (!b.opps.n)
		ui_empty_state(sb, "No opportunities yet. Each job you hear of, or conversation "
				   "that might become one, is a card here that moves from lead to "
				   "offer; the follow-ups it needs come from where it stands.",
			       "/opportunities/new", "Add your first opportunity");
	strbuf_addstr(sb, "<div class=\"board\">\n");
	for (int st = STAGE_LEAD; st <= STAGE_NEGOTIATING; st++)
		column(sb, rq, &b, (enum stage)st, moved_id);
	strbuf_addstr(sb, "</div>\n");
	closed_list(sb, rq, &b);
	ui_page_end(rs);
	board_release(&b);
	return 0;
}

int page_pipeline(struct web_req *rq, struct web_resp *rs)
{
	return render(rq, rs, 0);
}

int post_opp_move(struct web_req *rq, struct web_resp *rs)
{
	const char *note, *back;
	char opp_page[160];
	int64_t id;
	int stage, rc;
	bool ok;

	if ((rc = store_opp_resolve(rq->store, rq->arg[0], &id, &rq->err)))
		return rc;
	ok = form_enum(rq, "stage", &stage_def, &stage);
	if (ok && stage < 0) {
		web_field_error(rq, "stage", "choose a stage");
		ok = false;
	}
	ok &= form_text(rq, "note", "note", false, false, &note);
	if (ok) {
		rc = form_error(rq,
				action_opp_move(rq->store, rq->pb, id, (enum stage)stage, note,
						&rq->err),
				"stage");
		if (rc)
			return rc;
	}
	back = form_back(rq, "/pipeline");
	if (!rq->errors.n) {
		web_redirect(rs, "%s", back);
		return 0;
	}
	/* the refused move again, on the page it came from */
	rs->status = 400;
	snprintf(opp_page, sizeof(opp_page), "/opportunities/%s", rq->arg[0]);
	if (!strcmp(back, opp_page))
		return page_opp(rq, rs);
	return render(rq, rs, id);
}
