/*
 * page_start.c: the start checklist of a young search (method/start.h):
 * each step one link to the form that does it, ticked off by itself once
 * done; shown on Today until every step is done or the user hides it.
 */
#include "web/pages.h"

#include "web/ui.h"

static void step_item(struct strbuf *sb, const struct start_checklist *c, enum start_step k)
{
	const struct start_step_text *t = &start_step_texts[k];
	/* an opportunity there already: its people, never a second one */
	bool to_people = k == START_OPP && c->opp_slug;

	strbuf_addf(sb, "<li class=\"start-step%s\"><a href=\"", c->done[k] ? " done" : "");
	if (to_people)
		ui_opp_path(sb, c->opp_slug, "#people");
	else
		strbuf_addstr(sb, t->href);
	strbuf_addf(sb, "\">%s</a>", t->title);
	if (c->done[k]) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "good", "done");
	}
	strbuf_addf(sb, "<p class=\"why\">%s</p></li>\n", to_people ? start_opp_people_why : t->why);
}

void start_checklist_card(struct strbuf *sb, const struct web_req *rq,
			  const struct start_checklist *c, bool hideable)
{
	strbuf_addf(sb, "<section class=\"card start\" id=\"start\" aria-labelledby=\"h-start\">\n"
			"<h2 id=\"h-start\">Start here <span class=\"count\">%zu of %d done"
			"</span></h2>\n<p class=\"meta\">Five things that let rapport plan your "
			"follow-ups. Each step ticks itself off once it is done.",
		    (size_t)START_STEPS - c->left, START_STEPS);
	if (hideable)
		strbuf_addstr(sb, " <a href=\"/method\">How rapport works</a> explains why.");
	strbuf_addstr(sb, "</p>\n<ol class=\"start-steps\">\n");
	for (int k = 0; k < START_STEPS; k++)
		step_item(sb, c, (enum start_step)k);
	strbuf_addstr(sb, "</ol>\n");
	if (hideable) {
		strbuf_addstr(sb, "<div class=\"actions\">");
		ui_button_form(sb, rq, "/start/dismiss", "Hide this list", "secondary", NULL);
		strbuf_addstr(sb, "</div>\n<p class=\"meta\">Hidden, the list stays on the How "
				  "rapport works page, at the foot of every page.</p>\n");
	}
	strbuf_addstr(sb, "</section>\n");
}

int post_start_dismiss(struct web_req *rq, struct web_resp *rs)
{
	int rc = store_setting_set(rq->store, START_DISMISSED_KEY, "yes", &rq->err);

	if (!rc)
		web_redirect(rs, "/");
	return rc;
}
