/*
 * page_improve.c: feedback and improvement actions, as 'rapport feedback'
 * and 'rapport improve' keep them. /improve lists the improvement actions
 * (open ones first, with Done and Skip) and the feedback they follow, with
 * the forms to record feedback and to add an action. Done on an action that
 * follows feedback makes the progress update the CLI proposes, and the page
 * says so with a link to its draft.
 *
 * The opportunity and person pages carry a small "Feedback received" form
 * (opp_feedback_section, person_feedback_form) that posts to /feedback; when
 * it has an error, /improve shows the whole form again with it.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/debrief_actions.h"
#include "store/browse.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

/* How much of a piece of feedback a choice shows, in bytes (cut on a character). */
#define EXCERPT_MAX 60

static char *id_text(int64_t id)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)id);
	return xstrdup(buf);
}

/* "3 · 2026-03-01 · Hiring Manager: Read up on..." */
static char *feedback_label(const struct feedback *f)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strcspn(f->text, "\n"), cut = len > EXCERPT_MAX ? EXCERPT_MAX : len;

	while (cut < len && cut && ((unsigned char)f->text[cut] & 0xC0) == 0x80)
		cut--; /* not inside a UTF-8 sequence */
	strbuf_addf(&sb, "%lld · %.10s · %s: ", (long long)f->id, f->at,
		    f->from.id ? f->from.name : "someone since removed");
	strbuf_add(&sb, f->text, cut);
	if (cut < strlen(f->text))
		strbuf_addstr(&sb, "...");
	return strbuf_detach(&sb);
}

/* ---- the small form on the opportunity and person pages ---- */

static void feedback_text_fields(struct strbuf *sb, const struct web_req *rq, const char *back)
{
	ui_hidden(sb, "back", back);
	ui_textarea(sb, rq, "text", "What they told you", NULL, 3);
}

void opp_feedback_section(struct strbuf *sb, const struct web_req *rq,
			  const struct opp_view *view)
{
	const struct opp *o = &view->opp;
	const person_ref_vec *people = &view->people;
	const feedback_vec *v = &view->feedback;
	struct strbuf back = STRBUF_INIT;

	strbuf_addstr(sb, "<section class=\"card opp-feedback\" id=\"feedback\" "
			  "aria-labelledby=\"h-feedback\">\n<h2 id=\"h-feedback\">Feedback received"
			  "</h2>\n");
	if (v->n)
		strbuf_addstr(sb, "<ul class=\"feedback\">\n");
	for (size_t i = 0; i < v->n; i++) {
		strbuf_addstr(sb, "<li><span class=\"meta\">");
		ui_when(sb, v->items[i].at);
		strbuf_addstr(sb, " · ");
		ui_person_link(sb, v->items[i].from.id, v->items[i].from.name);
		strbuf_addstr(sb, "</span> ");
		html_text(sb, v->items[i].text);
		strbuf_addf(sb, " <a href=\"/improve?feedback=%lld#add\">Act on it</a></li>\n",
			    (long long)v->items[i].id);
	}
	if (v->n)
		strbuf_addstr(sb, "</ul>\n");
	if (!people->n) {
		strbuf_addstr(sb, "<p class=\"meta\">Link the person who gave it to the opportunity "
				  "first.</p>\n</section>\n");
		goto out;
	}
	ui_opp_path(&back, o->slug, "#feedback");
	ui_form_begin(sb, rq, "/feedback", "stack feedback-form");
	ui_hidden(sb, "opp", o->slug);
	{
		size_t n = people->n;
		char **values = xcalloc(n, sizeof(*values)), **labels = xcalloc(n, sizeof(*labels));
		for (size_t i = 0; i < n; i++) {
			values[i] = id_text(people->items[i].id);
			labels[i] = xstrdup(people->items[i].name);
		}
		ui_select_owned(sb, rq, "from", "From whom", values, labels, n, NULL);
	}
	feedback_text_fields(sb, rq, back.buf);
	ui_form_end(sb, "Record the feedback");
	strbuf_addstr(sb, "</section>\n");
out:
	strbuf_release(&back);
}

void person_feedback_form(struct strbuf *sb, const struct web_req *rq, int64_t person_id,
			  const person_opp_vec *opps)
{
	char back[64];
	char **values, **labels;

	strbuf_addstr(sb, "<section class=\"card person-feedback\" id=\"feedback\" "
			  "aria-labelledby=\"h-feedback\">\n<h2 id=\"h-feedback\">Feedback received"
			  "</h2>\n");
	if (!opps->n) {
		strbuf_addstr(sb, "<p class=\"meta\">Feedback is about an opportunity: link the "
				  "person to one first.</p>\n</section>\n");
		return;
	}
	snprintf(back, sizeof(back), "/people/%lld#feedback", (long long)person_id);
	ui_form_begin(sb, rq, "/feedback", "stack feedback-form");
	{
		char *from = id_text(person_id);
		ui_hidden(sb, "from", from);
		free(from);
	}
	values = xcalloc(opps->n, sizeof(*values));
	labels = xcalloc(opps->n, sizeof(*labels));
	for (size_t i = 0; i < opps->n; i++) {
		values[i] = xstrdup(opps->items[i].opp.slug);
		labels[i] = ui_opp_label(opps->items[i].opp.org_name, opps->items[i].opp.title);
	}
	ui_select_owned(sb, rq, "opp", "About the opportunity", values, labels, opps->n, NULL);
	feedback_text_fields(sb, rq, back);
	ui_form_end(sb, "Record the feedback");
	strbuf_addstr(sb, "<p class=\"meta\"><a href=\"/improve\">Improvement actions</a></p>\n"
			  "</section>\n");
}

/* ---- /improve ---- */

struct improve_view {
	task_vec actions;
	feedback_vec feedback;
	opp_vec opps;
};

static void improve_view_release(struct improve_view *v)
{
	task_vec_release(&v->actions);
	feedback_vec_release(&v->feedback);
	opp_vec_release(&v->opps);
}

static int improve_view_load(struct web_req *rq, struct improve_view *v)
{
	memset(v, 0, sizeof(*v));
	if (improvement_tasks(rq->store, 0, &v->actions, &rq->err) ||
	    store_feedback_list(rq->store, 0, &v->feedback, &rq->err) ||
	    store_opp_list(rq->store, -1, &v->opps, &rq->err))
		return rq->err.code;
	return 0;
}

/* The notice after Done: the progress update it made, with its draft. */
static int done_notice(struct strbuf *sb, struct web_req *rq)
{
	const char *update = web_param(&rq->query, "update");
	struct task t = { 0 };
	long id;
	struct error e = ERROR_INIT;

	if (!web_param(&rq->query, "done"))
		return 0;
	strbuf_addstr(sb, "<div class=\"notice\" role=\"status\"><p>Done.");
	if (update && !text_parse_int("task", update, 1, 999999999999L, &id, &e) &&
	    !store_task_get(rq->store, id, &t, &e)) {
		strbuf_addstr(sb, " It follows ");
		html_text(sb, t.person.name);
		strbuf_addf(sb, "'s advice: rapport proposes a progress update to them, due ");
		ui_when(sb, t.due);
		strbuf_addf(sb, ". <a href=\"/tasks/%lld/draft\">Its draft</a>", (long long)t.id);
	}
	strbuf_addstr(sb, "</p></div>\n");
	task_release(&t);
	return 0;
}

static void action_item(struct strbuf *sb, const struct web_req *rq, const struct task *t)
{
	char action[64];

	strbuf_addf(sb, "<li class=\"task%s\" id=\"action-%lld\">\n<div class=\"task-main\">",
		    t->status == TASK_OPEN ? "" : " closed", (long long)t->id);
	view_task_summary(sb, t, VIEW_TASK_PERSON | VIEW_TASK_OPP);
	strbuf_addstr(sb, "</div>\n");
	if (t->status == TASK_OPEN) {
		strbuf_addstr(sb, "<div class=\"task-actions\">");
		snprintf(action, sizeof(action), "/improve/%lld/done", (long long)t->id);
		ui_button_form(sb, rq, action, "Done", "primary", NULL);
		snprintf(action, sizeof(action), "/tasks/%lld/skip", (long long)t->id);
		ui_button_form(sb, rq, action, "Skip", "secondary", "back", "/improve", NULL);
		strbuf_addstr(sb, "</div>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"meta\">");
		html_text(sb, enum_name(&task_status_def, (int)t->status));
		strbuf_addstr(sb, "</p>\n");
	}
	strbuf_addstr(sb, "</li>\n");
}

/* A card's list of n items: <ul class="CLS">, or none_html (why there are
 * none) when n is 0. list_end closes the list and the card. */
static void list_begin(struct strbuf *sb, size_t n, const char *cls, const char *none_html)
{
	if (n)
		strbuf_addf(sb, "<ul class=\"%s\">\n", cls);
	else
		strbuf_addstr(sb, none_html);
}

static void list_end(struct strbuf *sb, size_t n)
{
	if (n)
		strbuf_addstr(sb, "</ul>\n");
	strbuf_addstr(sb, "</section>\n");
}

static void actions_section(struct strbuf *sb, const struct web_req *rq,
			    const struct improve_view *v)
{
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-actions\">\n"
			  "<h2 id=\"h-actions\">Improvement actions</h2>\n");
	list_begin(sb, v->actions.n, "tasks",
		   "<p class=\"empty\">None yet: a book to read, a class to take, a skill to "
		   "practise. Add one below.</p>\n");
	for (size_t i = 0; i < v->actions.n; i++)
		action_item(sb, rq, &v->actions.items[i]);
	list_end(sb, v->actions.n);
}

static void add_form(struct strbuf *sb, const struct web_req *rq, const struct improve_view *v)
{
	size_t n = v->feedback.n + 1;
	char **values = xcalloc(n, sizeof(*values)), **labels = xcalloc(n, sizeof(*labels));

	values[0] = xstrdup("");
	labels[0] = xstrdup("(none)");
	for (size_t i = 0; i < v->feedback.n; i++) {
		values[i + 1] = id_text(v->feedback.items[i].id);
		labels[i + 1] = feedback_label(&v->feedback.items[i]);
	}
	strbuf_addstr(sb, "<section class=\"card\" id=\"add\" aria-labelledby=\"h-add\">\n"
			  "<h2 id=\"h-add\">Add an improvement action</h2>\n");
	ui_form_begin(sb, rq, "/improve", "stack");
	ui_form_errors(sb, rq);
	ui_input(sb, rq, "text", "title", "What you will do", NULL, UI_REQUIRED);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_select_owned(sb, rq, "from_feedback", "It follows the feedback", values, labels, n,
		     web_param(&rq->query, "feedback"));
	ui_input(sb, rq, "text", "due", "Due (empty: in a week)", NULL, 0);
	strbuf_addstr(sb, "</div>");
	ui_form_end(sb, "Add the action");
	strbuf_addstr(sb, "<p class=\"meta\">When an action that follows feedback is done, "
			  "rapport proposes a progress update to whoever gave it.</p>\n</section>\n");
}

static void feedback_form(struct strbuf *sb, const struct web_req *rq,
			  const struct improve_view *v)
{
	char **values = xcalloc(v->opps.n + 1, sizeof(*values));
	char **labels = xcalloc(v->opps.n + 1, sizeof(*labels));

	for (size_t i = 0; i < v->opps.n; i++) {
		values[i] = xstrdup(v->opps.items[i].slug);
		labels[i] = ui_opp_label(v->opps.items[i].org_name, v->opps.items[i].title);
	}
	strbuf_addstr(sb, "<section class=\"card\" id=\"record-feedback\" "
			  "aria-labelledby=\"h-record-feedback\">\n"
			  "<h2 id=\"h-record-feedback\">Record feedback</h2>\n");
	ui_form_begin(sb, rq, "/feedback", "stack");
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_select_owned(sb, rq, "opp", "About the opportunity", values, labels, v->opps.n, NULL);
	ui_input(sb, rq, "text", "from", "From whom (a name)", NULL, UI_REQUIRED);
	strbuf_addstr(sb, "</div>");
	ui_textarea(sb, rq, "text", "What they told you", NULL, 3);
	ui_form_end(sb, "Record the feedback");
	strbuf_addstr(sb, "</section>\n");
}

static void feedback_list(struct strbuf *sb, const struct improve_view *v)
{
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-feedback\">\n"
			  "<h2 id=\"h-feedback\">Feedback received</h2>\n");
	list_begin(sb, v->feedback.n, "feedback",
		   "<p class=\"meta\">None yet. Ask for it after an interview, and after a "
		   "\"no\".</p>\n");
	for (size_t i = v->feedback.n; i-- > 0;) {
		const struct feedback *f = &v->feedback.items[i];
		strbuf_addf(sb, "<li id=\"feedback-%lld\"><span class=\"meta\">", (long long)f->id);
		ui_when(sb, f->at);
		strbuf_addstr(sb, " · ");
		ui_person_link(sb, f->from.id, f->from.name);
		if (f->opp.id) {
			strbuf_addstr(sb, " · ");
			ui_opp_link(sb, &f->opp);
		}
		strbuf_addstr(sb, "</span> ");
		html_text(sb, f->text);
		strbuf_addf(sb, " <a href=\"/improve?feedback=%lld#add\">Act on it</a></li>\n",
			    (long long)f->id);
	}
	list_end(sb, v->feedback.n);
}

static int render(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct improve_view v;
	int rc = improve_view_load(rq, &v);

	if (rc)
		goto out;
	ui_page_begin(rs, rq, "Improvement actions", NAV_TODAY);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Improvement actions</h1><p class=\"meta\">"
			  "Follow the advice you are given, then tell the person what you did: "
			  "it keeps the relationship alive.</p></div>\n");
	done_notice(sb, rq);
	actions_section(sb, rq, &v);
	add_form(sb, rq, &v);
	feedback_list(sb, &v);
	feedback_form(sb, rq, &v);
	ui_page_end(rs);
out:
	improve_view_release(&v);
	return rc;
}

int page_improve(struct web_req *rq, struct web_resp *rs)
{
	return render(rq, rs);
}

/* ---- the POSTs ---- */

static int form_failed(struct web_req *rq, struct web_resp *rs)
{
	rs->status = 400;
	return render(rq, rs);
}

int post_feedback(struct web_req *rq, struct web_resp *rs)
{
	struct feedback f = { 0 };
	const char *text;
	bool ok = form_opp(rq, "opp", &f.opp.id);
	int rc = 0;

	ok &= form_person(rq, "from", &f.from.id);
	ok &= form_text(rq, "text", "the feedback", true, true, &text);
	if (ok && !f.opp.id) {
		web_field_error(rq, "opp", "Which opportunity is it about?");
		ok = false;
	}
	if (ok && !f.from.id) {
		web_field_error(rq, "from", "Who gave it?");
		ok = false;
	}
	if (ok) {
		f.text = xstrdup(text);
		rc = form_error(rq, action_feedback_add(rq->store, &f, &rq->err), "");
	}
	if (!rc && !rq->errors.n)
		web_redirect(rs, "%s", form_back(rq, "/improve"));
	feedback_release(&f);
	if (rc || !rq->errors.n)
		return rc;
	return form_failed(rq, rs);
}

int post_improve(struct web_req *rq, struct web_resp *rs)
{
	struct task t = { 0 };
	const char *title;
	char due[DATE_BUFSZ];
	long feedback;
	bool ok = form_text(rq, "title", "what you will do", true, false, &title);
	int rc = 0;

	ok &= form_int(rq, "from_feedback", "the feedback", 1, 999999999999L, &feedback);
	ok &= form_when(rq, "due", due);
	if (ok) {
		struct datetime week;
		if (!due[0] && !date_parse_when("+1w", store_now(rq->store), &week, &rq->err))
			date_format(&week, due); /* as 'improve add' without --due */
		t.title = xstrdup(title);
		t.due = xstrdup(due);
		rc = form_error(rq,
				action_improve_add(rq->store, &t, feedback > 0 ? feedback : 0,
						   &rq->err),
				"");
	}
	if (!rc && !rq->errors.n)
		web_redirect(rs, "/improve#action-%lld", (long long)t.id);
	task_release(&t);
	if (rc || !rq->errors.n)
		return rc;
	return form_failed(rq, rs);
}

int post_improve_done(struct web_req *rq, struct web_resp *rs)
{
	int64_t id, update;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = action_improve_done(rq->store, rq->pb, id, &update, &rq->err)))
		return rc;
	if (update)
		web_redirect(rs, "/improve?done=%lld&update=%lld", (long long)id, (long long)update);
	else
		web_redirect(rs, "/improve?done=%lld", (long long)id);
	return 0;
}
