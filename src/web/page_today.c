/*
 * page_today.c: Today (/): overdue, today's and upcoming follow-ups with
 * who, why and the draft; done, snooze and skip in one click; a quick form
 * to log an interaction. The task buttons and the log form post here too.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/actions.h"
#include "method/agenda.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

#define UPCOMING_DAYS 7
/* A day's work: more than this many follow-ups in a section are folded
 * behind a "show all" link (a large backlog would make a page no one reads,
 * and a slow one). */
#define SECTION_SHOWN 25

static const char *const chemistry_values[] = { "", "1", "2", "3", "4", "5" };
static const char *const chemistry_labels[] = { "(not rated)", "1: poor", "2", "3", "4",
						"5: great" };

static const char *const direction_values[] = { "out", "in" };
static const char *const direction_labels[] = { "I did", "They did" };

static void task_item(struct strbuf *sb, const struct web_req *rq, const struct agenda *ag,
		      const struct task *t, id_vec *said)
{
	const struct level_mismatch *m = agenda_mismatch_of(ag, t->opp.id);
	bool seen = false;

	strbuf_addf(sb, "<li class=\"task\" id=\"task-%lld\">\n<div class=\"task-main\">",
		    (long long)t->id);
	view_task_summary(sb, t, VIEW_TASK_PERSON | VIEW_TASK_OPP);
	for (size_t j = 0; j < said->n && !seen; j++)
		seen = said->items[j] == t->opp.id;
	if (m && !seen) {
		struct strbuf text = STRBUF_INIT;
		level_mismatch_text(m, &text);
		strbuf_addstr(sb, "<p class=\"mismatch\">");
		ui_badge(sb, "warn", "level mismatch");
		strbuf_addch(sb, ' ');
		html_text(sb, text.buf);
		strbuf_addstr(sb, "</p>\n");
		strbuf_release(&text);
		*VEC_PUSH(said) = t->opp.id;
	}
	strbuf_addstr(sb, "</div>\n");
	view_task_buttons(sb, rq, t, "/", VIEW_TASK_SNOOZE);
	strbuf_addstr(sb, "</li>\n");
}

static void section(struct strbuf *sb, const struct web_req *rq, const struct agenda *ag,
		    enum agenda_section k, const char *title, id_vec *said)
{
	const task_vec *v = &ag->section[k];
	bool all = web_param(&rq->query, "all") != NULL;
	size_t shown = all || v->n <= SECTION_SHOWN ? v->n : SECTION_SHOWN;

	if (!v->n)
		return;
	strbuf_addf(sb, "<section class=\"agenda %s\" aria-labelledby=\"h-%s\">\n"
			"<h2 id=\"h-%s\">%s <span class=\"count\">%zu</span></h2>\n<ul class=\"tasks\">\n",
		    agenda_section_names[k], agenda_section_names[k], agenda_section_names[k], title,
		    v->n);
	for (size_t i = 0; i < shown; i++)
		task_item(sb, rq, ag, &v->items[i], said);
	strbuf_addstr(sb, "</ul>\n");
	if (shown < v->n)
		strbuf_addf(sb, "<p class=\"more\"><a href=\"/?all=1#h-%s\">Show all %zu</a> "
				"(the %d with the highest score are shown)</p>\n",
			    agenda_section_names[k], v->n, SECTION_SHOWN);
	strbuf_addstr(sb, "</section>\n");
}

static void log_form(struct strbuf *sb, struct web_req *rq)
{
	strbuf_addstr(sb, "<section class=\"card log-form\" aria-labelledby=\"h-log\">\n"
			  "<h2 id=\"h-log\">Log an interaction</h2>\n");
	ui_form_begin(sb, rq, "/log", "stack");
	ui_form_errors(sb, rq);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_select_enum(sb, rq, "kind", "Kind", &interaction_kind_def, IKIND_CALL, NULL);
	ui_select(sb, rq, "direction", "Who reached out", direction_values, direction_labels, 2,
		  "out");
	strbuf_addstr(sb, "</div>");
	ui_input(sb, rq, "text", "summary", "What happened", NULL, UI_REQUIRED);
	ui_input(sb, rq, "text", "with", "With (names, separated by commas)", NULL, 0);
	ui_input(sb, rq, "text", "opp", "About the opportunity (its name or short name)", NULL, 0);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "datetime-local", "at", "When (empty: now)", NULL, 0);
	ui_select(sb, rq, "chemistry", "How it felt", chemistry_values, chemistry_labels, 6, "");
	strbuf_addstr(sb, "</div>");
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", NULL, 3);
	ui_form_end(sb, "Log it");
	strbuf_addstr(sb, "</section>\n");
}

static int render(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct agenda ag;
	id_vec said = { 0 };
	int rc;

	if ((rc = agenda_build(rq->store, UPCOMING_DAYS, &ag, &rq->err)))
		return rc;
	ui_page_begin(rs, rq, "Today", NAV_TODAY);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Today</h1><p class=\"meta\">");
	ui_when(sb, ag.today);
	strbuf_addstr(sb, " · <a href=\"/improve\">Improvement actions</a>");
	strbuf_addstr(sb, "</p></div>\n<div class=\"today\">\n<div class=\"today-tasks\">\n");
	if (!ag.tasks.n)
		strbuf_addstr(sb, "<p class=\"empty\">Nothing due in the next 7 days. Log a "
				  "conversation, or look at the <a href=\"/pipeline\">pipeline</a> "
				  "for someone to get back to.</p>\n");
	section(sb, rq, &ag, AGENDA_OVERDUE, "Overdue", &said);
	section(sb, rq, &ag, AGENDA_TODAY, "Today", &said);
	section(sb, rq, &ag, AGENDA_UPCOMING, "Next 7 days", &said);
	strbuf_addstr(sb, "</div>\n");
	log_form(sb, rq);
	strbuf_addstr(sb, "</div>\n");
	ui_page_end(rs);
	free(said.items);
	agenda_release(&ag);
	return 0;
}

int page_today(struct web_req *rq, struct web_resp *rs)
{
	return render(rq, rs);
}

static int close_task(struct web_req *rq, struct web_resp *rs, enum task_status status)
{
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = action_task_close(rq->store, rq->pb, id, status, true, &rq->err)))
		return rc;
	web_redirect(rs, "%s", form_back(rq, "/"));
	return 0;
}

int post_task_done(struct web_req *rq, struct web_resp *rs)
{
	return close_task(rq, rs, TASK_DONE);
}

/* A call's two Done buttons: "Got through" and "No answer". */
static int call_done(struct web_req *rq, struct web_resp *rs, enum call_outcome outcome)
{
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = action_call_done(rq->store, rq->pb, id, outcome, &rq->err)))
		return rc;
	web_redirect(rs, "%s", form_back(rq, "/"));
	return 0;
}

int post_task_reached(struct web_req *rq, struct web_resp *rs)
{
	return call_done(rq, rs, CALL_REACHED);
}

int post_task_no_answer(struct web_req *rq, struct web_resp *rs)
{
	return call_done(rq, rs, CALL_NO_ANSWER);
}

int post_task_skip(struct web_req *rq, struct web_resp *rs)
{
	return close_task(rq, rs, TASK_SKIPPED);
}

int post_task_snooze(struct web_req *rq, struct web_resp *rs)
{
	char until[DATE_BUFSZ];
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)))
		return rc;
	if (!form_when(rq, "until", until) || !until[0])
		return error_set(&rq->err, ERR_INVALID, "snooze until when? %s",
				 web_error_of(rq, "until") ? web_error_of(rq, "until") : "no date given");
	if ((rc = store_task_set_due(rq->store, id, until, &rq->err)))
		return rc;
	web_redirect(rs, "%s", form_back(rq, "/"));
	return 0;
}

/* The people of the "with" field: names or ids separated by commas. */
static bool read_people(struct web_req *rq, struct interaction *it)
{
	const char *with = web_param(&rq->form, "with");
	char *copy, *name, *next;
	struct error e = ERROR_INIT;
	bool ok = true;

	if (!with)
		return true;
	copy = xstrdup(with);
	for (name = copy; name && ok; name = next) {
		if ((next = strchr(name, ',')))
			*next++ = '\0';
		while (*name == ' ')
			name++;
		for (size_t n = strlen(name); n && name[n - 1] == ' ';)
			name[--n] = '\0';
		if (!*name)
			continue;
		struct person_ref *r = VEC_PUSH(&it->people);
		if (store_person_resolve(rq->store, name, &r->id, &e)) {
			web_field_error(rq, "with", "%s", e.msg);
			ok = false;
		}
	}
	free(copy);
	return ok;
}

int post_log(struct web_req *rq, struct web_resp *rs)
{
	struct interaction it = { .chemistry = -1, .direction = DIR_OUT };
	char at[DATE_BUFSZ];
	const char *summary, *notes;
	int kind, dir, rc = 0;
	long chem;
	bool ok;

	ok = form_enum(rq, "kind", &interaction_kind_def, &kind);
	if (ok && kind < 0) {
		web_field_error(rq, "kind", "choose a kind");
		ok = false;
	}
	ok &= form_enum(rq, "direction", &direction_def, &dir);
	ok &= form_text(rq, "summary", "what happened", true, false, &summary);
	ok &= form_when(rq, "at", at);
	ok &= form_int(rq, "chemistry", "how it felt", 1, 5, &chem);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	ok &= form_opp(rq, "opp", &it.opp.id);
	ok &= read_people(rq, &it);
	if (ok) {
		it.kind = (enum interaction_kind)kind;
		it.direction = dir < 0 ? DIR_OUT : (enum direction)dir;
		it.chemistry = (int)chem;
		if (!at[0])
			date_format(store_now(rq->store), at);
		it.at = xstrdup(at);
		it.summary = xstrdup(summary);
		field_set(&it.notes, notes);
		rc = action_log(rq->store, rq->pb, &it, NULL, &rq->err);
		if (rc == ERR_INVALID || rc == ERR_NOT_FOUND) {
			web_field_error(rq, "", "%s", rq->err.msg);
			error_clear(&rq->err);
			rc = 0;
		}
	}
	interaction_release(&it);
	if (rc)
		return rc;
	if (rq->errors.n) {
		rs->status = 400;
		return render(rq, rs);
	}
	web_redirect(rs, "%s", form_back(rq, "/"));
	return 0;
}
