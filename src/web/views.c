/* views.c: records shown the same way on every page (see views.h). */
#include "web/views.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"

void view_amount(struct strbuf *sb, int64_t v)
{
	text_add_thousands(sb, v);
}

void view_fact_text(struct strbuf *sb, const char *label, const char *value)
{
	if (!value)
		return;
	strbuf_addf(sb, "<dt>%s</dt><dd>", label);
	html_text(sb, value);
	strbuf_addstr(sb, "</dd>\n");
}

void view_fact_amount(struct strbuf *sb, const char *label, int64_t v)
{
	if (v < 0)
		return;
	strbuf_addf(sb, "<dt>%s</dt><dd>", label);
	view_amount(sb, v);
	strbuf_addstr(sb, "</dd>\n");
}

static void fact_day(struct strbuf *sb, const char *label, const char *day)
{
	if (!day)
		return;
	strbuf_addf(sb, "<dt>%s</dt><dd>", label);
	ui_when(sb, day);
	strbuf_addstr(sb, "</dd>\n");
}

void view_terms(struct strbuf *sb, const struct offer_terms *t)
{
	const char *sep = "";
	const struct {
		const char *name, *value;
	} texts[] = { { "equity", t->equity }, { "title", t->title }, { "level", t->level },
		      { "start", t->start } };

	if (t->base >= 0) {
		strbuf_addstr(sb, "base ");
		view_amount(sb, t->base);
		sep = ", ";
	}
	if (t->bonus >= 0) {
		strbuf_addf(sb, "%sbonus ", sep);
		view_amount(sb, t->bonus);
		sep = ", ";
	}
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		if (!texts[i].value)
			continue;
		strbuf_addf(sb, "%s%s ", sep, texts[i].name);
		html_text(sb, texts[i].value);
		sep = ", ";
	}
}

void view_notes(struct strbuf *sb, const char *heading, const char *notes)
{
	if (!notes)
		return;
	if (heading)
		strbuf_addstr(sb, heading);
	strbuf_addstr(sb, "<div class=\"notes\">");
	html_markdown(sb, notes);
	strbuf_addstr(sb, "</div>\n");
}

void view_level_mismatch(struct strbuf *sb, const struct level_mismatch *m)
{
	struct strbuf text = STRBUF_INIT;

	level_mismatch_text(m, &text);
	ui_badge(sb, "warn", "level mismatch");
	strbuf_addch(sb, ' ');
	html_text(sb, text.buf);
	strbuf_release(&text);
}

void view_why(struct strbuf *sb, const char *text)
{
	if (!text)
		return;
	strbuf_addstr(sb, "<p class=\"why\">");
	html_text(sb, text);
	strbuf_addstr(sb, "</p>");
}

void view_round_terms(struct strbuf *sb, const struct offer_round *r)
{
	view_terms(sb, &r->terms);
	view_why(sb, r->text);
}

void view_offer_facts(struct strbuf *sb, const struct offer *of)
{
	strbuf_addstr(sb, "<dl class=\"facts\">\n");
	view_fact_amount(sb, "Base", of->terms.base);
	view_fact_amount(sb, "Bonus", of->terms.bonus);
	view_fact_text(sb, "Equity", of->terms.equity);
	view_fact_text(sb, "Title", of->terms.title);
	view_fact_text(sb, "Level", of->terms.level);
	fact_day(sb, "Start", of->terms.start);
	fact_day(sb, "Deadline", of->deadline);
	view_fact_text(sb, "Benefits", of->benefits);
	strbuf_addstr(sb, "</dl>\n");
	view_notes(sb, NULL, of->notes);
}

static const char *const snooze_values[] = { "tomorrow", "+2d", "+1w", "+2w" };
static const char *const snooze_labels[] = { "tomorrow", "in 2 days", "in a week",
					     "in 2 weeks" };

void view_task_summary(struct strbuf *sb, const struct task *t, unsigned flags)
{
	const char *kind = enum_name(&task_kind_def, (int)t->kind);

	ui_badge(sb, kind, kind);
	strbuf_addstr(sb, " <span class=\"task-title\">");
	html_text(sb, t->title);
	strbuf_addstr(sb, "</span>\n<p class=\"meta\">due ");
	ui_when(sb, t->due);
	if ((flags & VIEW_TASK_PERSON) && t->person.id) {
		strbuf_addstr(sb, " · with ");
		ui_person_link(sb, t->person.id, t->person.name);
	}
	if ((flags & VIEW_TASK_OPP) && t->opp.id) {
		strbuf_addstr(sb, " · ");
		ui_opp_link(sb, &t->opp);
	}
	strbuf_addstr(sb, "</p>\n");
	if (t->why) {
		strbuf_addstr(sb, "<p class=\"why\">");
		html_text(sb, t->why);
		strbuf_addstr(sb, "</p>\n");
	}
}

void view_task_buttons(struct strbuf *sb, const struct web_req *rq, const struct task *t,
		       const char *back, unsigned flags)
{
	char action[64];

	strbuf_addstr(sb, "<div class=\"task-actions\">");
	if (t->template)
		strbuf_addf(sb, "<a class=\"button secondary\" href=\"/tasks/%lld/draft\">Draft</a>",
			    (long long)t->id);
	if (t->kind == TKIND_CALL && t->person.id) {
		/* a call is done either way; only getting through ends the chase */
		snprintf(action, sizeof(action), "/tasks/%lld/reached", (long long)t->id);
		ui_button_form(sb, rq, action, "Got through", "primary", "back", back, NULL);
		snprintf(action, sizeof(action), "/tasks/%lld/no-answer", (long long)t->id);
		ui_button_form(sb, rq, action, "No answer", "secondary", "back", back, NULL);
	} else {
		snprintf(action, sizeof(action), "/tasks/%lld/done", (long long)t->id);
		ui_button_form(sb, rq, action, "Done", "primary", "back", back, NULL);
	}
	snprintf(action, sizeof(action), "/tasks/%lld/skip", (long long)t->id);
	ui_button_form(sb, rq, action, "Skip", "secondary", "back", back, NULL);
	if (flags & VIEW_TASK_SNOOZE) {
		strbuf_addf(sb, "<form method=\"post\" class=\"inline snooze\" "
				"action=\"/tasks/%lld/snooze\"><input type=\"hidden\" name=\"csrf\" "
				"value=\"",
			    (long long)t->id);
		html_text(sb, rq->csrf);
		strbuf_addstr(sb, "\"><input type=\"hidden\" name=\"back\" value=\"");
		html_text(sb, back);
		strbuf_addf(sb, "\"><label for=\"snooze-%lld\" class=\"visually-hidden\">Snooze "
				"until</label><select id=\"snooze-%lld\" name=\"until\">",
			    (long long)t->id, (long long)t->id);
		for (size_t i = 0; i < ARRAY_SIZE(snooze_values); i++)
			strbuf_addf(sb, "<option value=\"%s\">%s</option>", snooze_values[i],
				    snooze_labels[i]);
		strbuf_addstr(sb, "</select><button type=\"submit\" class=\"secondary\">Snooze"
				  "</button></form>");
	}
	strbuf_addstr(sb, "</div>\n");
}

/* ---- picking an opportunity ---- */

static bool is_theirs(const person_opp_vec *theirs, int64_t opp_id)
{
	for (size_t i = 0; theirs && i < theirs->n; i++)
		if (theirs->items[i].opp.id == opp_id)
			return true;
	return false;
}

static void add_choice(struct ui_choice *c, size_t *n, const char *slug, const char *org,
		       const char *title, const char *group)
{
	c[*n] = (struct ui_choice){ slug, ui_opp_label(org, title), group };
	(*n)++;
}

void view_opp_select(struct strbuf *sb, const struct ui_form *f, const opp_vec *all,
		     const person_opp_vec *theirs)
{
	size_t max = 1 + all->n + (theirs ? theirs->n : 0), n = 1;
	struct ui_choice *c = xcalloc(max, sizeof(*c));
	const char *others;

	c[0] = (struct ui_choice){ "", "(none)", NULL };
	for (size_t i = 0; theirs && i < theirs->n; i++)
		if (!stage_is_closed(theirs->items[i].stage))
			add_choice(c, &n, theirs->items[i].opp.slug, theirs->items[i].opp.org_name,
				   theirs->items[i].opp.title, "Their opportunities");
	others = n > 1 ? "Other opportunities" : NULL; /* no group when none is theirs */
	for (size_t i = 0; i < all->n; i++)
		if (!stage_is_closed(all->items[i].stage) && !is_theirs(theirs, all->items[i].id))
			add_choice(c, &n, all->items[i].slug, all->items[i].org_name,
				   all->items[i].title, others);
	if (n > 1)
		ui_form_select_grouped(sb, f, "opp", "About the opportunity", c, n, "");
	for (size_t i = 1; i < n; i++)
		free((char *)c[i].label);
	free(c);
}
