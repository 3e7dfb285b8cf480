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
#include "method/log_refs.h"
#include "store/proposal.h"
#include "store/suggest.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

#define UPCOMING_DAYS 7
/* A day's work: more than this many follow-ups in a section are folded
 * behind a "show all" link (a large backlog would make a page no one reads,
 * and a slow one). */
#define SECTION_SHOWN 25
/* The log form's list of people: those on open opportunities and the newest
 * added, at most PEOPLE_LISTED (a list of a hundred thousand would make
 * Today slow; anyone else is found by typing the name). */
#define PEOPLE_RECENT 200
#define PEOPLE_LISTED 500

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
		strbuf_addstr(sb, "<p class=\"mismatch\">");
		view_level_mismatch(sb, m);
		strbuf_addstr(sb, "</p>\n");
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

/* The interactions ahead in the agenda's days (an interview on Thursday),
 * with their time: events to prepare for, not tasks. */
static void planned_section(struct strbuf *sb, const interaction_vec *v)
{
	if (!v->n)
		return;
	strbuf_addf(sb, "<section class=\"agenda planned\" aria-labelledby=\"h-planned\">\n"
			"<h2 id=\"h-planned\">Planned <span class=\"count\">%zu</span></h2>\n"
			"<ul class=\"tasks\">\n", v->n);
	for (size_t i = 0; i < v->n; i++) {
		const struct interaction *it = &v->items[i];
		strbuf_addstr(sb, "<li class=\"task\"><div class=\"task-main\"><span class=\"due\">");
		ui_when(sb, it->at);
		strbuf_addstr(sb, "</span> ");
		html_text(sb, enum_name(&interaction_kind_def, (int)it->kind));
		strbuf_addstr(sb, ": ");
		html_text(sb, it->summary);
		for (size_t k = 0; k < it->people.n; k++) {
			strbuf_addstr(sb, k ? ", " : " · with ");
			ui_person_link(sb, it->people.items[k].id, it->people.items[k].name);
		}
		if (it->opp.id) {
			strbuf_addstr(sb, " · ");
			ui_opp_link(sb, &it->opp);
		}
		strbuf_addstr(sb, "</div></li>\n");
	}
	strbuf_addstr(sb, "</ul>\n</section>\n");
}

/* The opportunities to log about: the open ones, "Organisation — Title". */
static int opp_select(struct strbuf *sb, struct web_req *rq)
{
	const struct ui_form f = { .rq = rq, .active = true }; /* the page's one form */
	opp_vec all = { 0 };
	int rc = store_opp_list(rq->store, -1, &all, &rq->err);

	if (!rc)
		view_opp_select(sb, &f, &all, NULL);
	opp_vec_release(&all);
	return rc;
}

/* The "with" field: typed names, with a list of people to pick from as
 * "Name (Organisation)" (the browser offers them as you type). */
static int with_field(struct strbuf *sb, struct web_req *rq)
{
	person_name_vec people = { 0 };
	const char *e = web_error_of(rq, "with");
	const char *v = rq->post && rq->errors.n ? web_param(&rq->form, "with") : NULL;
	int rc = store_people_to_suggest(rq->store, PEOPLE_RECENT, PEOPLE_LISTED, &people, &rq->err);

	if (rc)
		return rc;
	strbuf_addf(sb, "<div class=\"field%s\"><label for=\"f-with\">With (names, separated by "
			"commas)</label><input type=\"text\" id=\"f-with\" "
			"name=\"with\" list=\"people-names\" autocomplete=\"off\"",
		    e ? " has-error" : "");
	if (e)
		strbuf_addstr(sb, " aria-invalid=\"true\" aria-describedby=\"e-with\"");
	if (v) {
		strbuf_addstr(sb, " value=\"");
		html_text(sb, v);
		strbuf_addstr(sb, "\"");
	}
	strbuf_addstr(sb, "><datalist id=\"people-names\">");
	for (size_t i = 0; i < people.n; i++) {
		strbuf_addstr(sb, "<option value=\"");
		html_text(sb, people.items[i].name);
		if (people.items[i].org) {
			strbuf_addstr(sb, " (");
			html_text(sb, people.items[i].org);
			strbuf_addstr(sb, ")");
		}
		strbuf_addstr(sb, "\"></option>");
	}
	strbuf_addstr(sb, "</datalist>");
	if (e) {
		strbuf_addstr(sb, "<p class=\"error-text\" id=\"e-with\">");
		html_text(sb, e);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</div>\n");
	person_name_vec_release(&people);
	return 0;
}

static int log_form(struct strbuf *sb, struct web_req *rq)
{
	int rc;

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
	if ((rc = opp_select(sb, rq)) || (rc = with_field(sb, rq)))
		return rc;
	strbuf_addstr(sb, "<p class=\"meta\">Someone not in rapport yet is added, in the "
			  "opportunity's organisation.</p>\n");
	ui_checkbox(sb, rq, "new_people", "The names I typed are new people, even if close to "
		    "someone's", false);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "datetime-local", "at", "When (empty: now)", NULL, 0);
	ui_select(sb, rq, "chemistry", "How it felt", chemistry_values, chemistry_labels, 6, "");
	strbuf_addstr(sb, "</div>");
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", NULL, 3);
	ui_checkbox(sb, rq, "history", "History: record it only, starting no follow-ups and "
		    "moving no stage (something long past)", false);
	ui_form_end(sb, "Log it");
	strbuf_addstr(sb, "</section>\n");
	return 0;
}

/* After a log: who was added as new (?added=ID...), linked to their pages. */
static void added_notice(struct strbuf *sb, struct web_req *rq)
{
	struct error e = ERROR_INIT;
	size_t shown = 0;

	for (size_t i = 0; i < rq->query.n; i++) {
		struct person p = { 0 };
		long id;
		if (strcmp(rq->query.items[i].name, "added") ||
		    text_parse_int("id", rq->query.items[i].value, 1, 999999999999L, &id, &e) ||
		    store_person_get(rq->store, id, &p, &e)) {
			person_release(&p);
			continue;
		}
		strbuf_addstr(sb, shown++ ? ", " : "<div class=\"notice\" role=\"status\"><p>Logged. "
						   "Added as new people: ");
		ui_person_link(sb, p.id, p.name);
		if (p.org_id) {
			strbuf_addstr(sb, " (at ");
			ui_org_link(sb, p.org_id, p.org_name);
			strbuf_addstr(sb, ")");
		}
		person_release(&p);
	}
	if (shown)
		strbuf_addstr(sb, ". Add their details on their pages.</p></div>\n");
}

/* After a log that moved its opportunity on (?moved=ID&from=S&to=S): say
 * so, as the command line does; the Undo above takes it back with the log. */
static void moved_notice(struct strbuf *sb, struct web_req *rq)
{
	const char *id = web_param(&rq->query, "moved");
	const char *from_name = web_param(&rq->query, "from"), *to_name = web_param(&rq->query, "to");
	struct error e = ERROR_INIT;
	struct opp o = { 0 };
	int from, to;
	long n;

	if (!id || !from_name || !to_name)
		return;
	from = enum_parse(&stage_def, from_name, &e);
	to = enum_parse(&stage_def, to_name, &e);
	if (from < 0 || to < 0 || text_parse_int("id", id, 1, 999999999999L, &n, &e) ||
	    store_opp_get(rq->store, n, &o, &e)) {
		opp_release(&o);
		return;
	}
	strbuf_addstr(sb, "<div class=\"notice\" role=\"status\"><p>Logged: ");
	ui_opp_link(sb, &(struct opp_ref){ .id = o.id, .slug = o.slug, .title = o.title,
					     .org_name = o.org_name });
	strbuf_addf(sb, " moved from %s to %s, as what you logged shows.</p></div>\n",
		    enum_name(&stage_def, from), enum_name(&stage_def, to));
	opp_release(&o);
}

/* The follow-ups; while the search is young, the start checklist: on its
 * own while nothing is due, below the follow-ups once some are (the
 * agenda comes first as soon as there is work in it). */
static void agenda_sections(struct strbuf *sb, const struct web_req *rq, const struct agenda *ag,
			    const struct start_checklist *start)
{
	bool empty = !ag->tasks.n && !ag->planned.n, checklist = start_checklist_shown(start);
	id_vec said = { 0 };

	if (empty && checklist)
		start_checklist_card(sb, rq, start, true);
	else if (empty)
		strbuf_addstr(sb, "<p class=\"empty\">Nothing due in the next 7 days. Log a "
				  "conversation, or look at the <a href=\"/pipeline\">pipeline</a> "
				  "for someone to get back to.</p>\n");
	if (empty) /* what rapport will do, on a made-up search (not on a sample) */
		demo_offer_link(sb, rq);
	section(sb, rq, ag, AGENDA_OVERDUE, "Overdue", &said);
	section(sb, rq, ag, AGENDA_TODAY, "Today", &said);
	section(sb, rq, ag, AGENDA_UPCOMING, "Next 7 days", &said);
	planned_section(sb, &ag->planned);
	if (!empty && checklist)
		start_checklist_card(sb, rq, start, true);
	free(said.items);
}

static int render(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct start_checklist start;
	struct agenda ag;
	long proposals = 0;
	int rc;

	if ((rc = store_proposal_count(rq->store, &proposals, &rq->err)) ||
	    (rc = agenda_build(rq->store, UPCOMING_DAYS, &ag, &rq->err)))
		return rc;
	if ((rc = start_checklist_load(rq->store, &start, &rq->err))) {
		agenda_release(&ag);
		return rc;
	}
	ui_page_begin(rs, rq, "Today", NAV_TODAY);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Today</h1><p class=\"meta\">");
	ui_when(sb, ag.today);
	strbuf_addstr(sb, " · <a href=\"/improve\">Improvement actions</a>");
	/* what mail proposes waits for a yes: its count, where the day starts */
	if (proposals)
		strbuf_addf(sb, " · <a href=\"/inbox\">Inbox: %ld proposal%s</a>", proposals,
			    proposals == 1 ? "" : "s");
	else
		strbuf_addstr(sb, " · <a href=\"/inbox\">Inbox</a>");
	strbuf_addstr(sb, "</p></div>\n");
	added_notice(sb, rq);
	moved_notice(sb, rq);
	strbuf_addstr(sb, "<div class=\"today-page\">\n<div class=\"today-tasks\">\n");
	rc = coach_suggestions_section(sb, rq);
	agenda_sections(sb, rq, &ag, &start);
	start_checklist_release(&start);
	strbuf_addstr(sb, "</div>\n");
	if (!rc)
		rc = log_form(sb, rq);
	strbuf_addstr(sb, "</div>\n");
	ui_page_end(rs);
	agenda_release(&ag);
	return rc;
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

/* The opportunity field: a slug, an id or a label (log_opp_ref); *org_id
 * is its organisation, for the people added with it. */
static bool read_opp(struct web_req *rq, struct interaction *it, int64_t *org_id)
{
	const char *v = web_param(&rq->form, "opp");
	struct opp o = { 0 };
	struct error e = ERROR_INIT;
	bool ok = true;

	*org_id = 0;
	if (!v || !*v)
		return true;
	if (log_opp_ref(rq->store, v, &it->opp.id, &e) ||
	    store_opp_get(rq->store, it->opp.id, &o, &e)) {
		web_field_error(rq, "opp", "%s", e.msg);
		ok = false;
	}
	*org_id = o.org_id;
	opp_release(&o);
	return ok;
}

static bool has_person(const struct interaction *it, int64_t id)
{
	for (size_t i = 0; i < it->people.n; i++)
		if (it->people.items[i].id == id)
			return true;
	return false;
}

/* The people of every "with" field, each names separated by commas: known
 * ones by name, label or id; new ones added (their ids in added). */
static bool read_people(struct web_req *rq, struct interaction *it, int64_t org_id,
			id_vec *added)
{
	bool force = web_param(&rq->form, "new_people") != NULL, ok = true;

	for (size_t f = 0; f < rq->form.n; f++) {
		char **names;
		if (strcmp(rq->form.items[f].name, "with"))
			continue;
		names = log_split_names(rq->form.items[f].value);
		for (size_t i = 0; names[i]; i++) {
			struct error e = ERROR_INIT;
			int64_t id;
			bool is_new;
			if (log_person_ref(rq->store, names[i], org_id, force, &id, &is_new, &e)) {
				web_field_error(rq, "with", "%s", e.msg);
				ok = false;
				continue;
			}
			if (is_new)
				*VEC_PUSH(added) = id;
			if (!has_person(it, id)) /* the same person named twice is there once */
				VEC_PUSH(&it->people)->id = id;
		}
		log_names_free(names);
	}
	return ok;
}

/* Back to where the form was; on Today, saying who was added. */
static void log_redirect(struct web_req *rq, struct web_resp *rs, const id_vec *added,
			 const struct log_outcome *moved, int64_t opp_id)
{
	const char *back = form_back(rq, "/");
	struct strbuf to = STRBUF_INIT;
	char sep = '?';

	strbuf_addstr(&to, back);
	if (!strcmp(back, "/")) {
		for (size_t i = 0; i < added->n; i++, sep = '&')
			strbuf_addf(&to, "%cadded=%lld", sep, (long long)added->items[i]);
		if (moved->stage_to >= 0)
			strbuf_addf(&to, "%cmoved=%lld&from=%s&to=%s", sep, (long long)opp_id,
				    enum_name(&stage_def, moved->stage_from),
				    enum_name(&stage_def, moved->stage_to));
	}
	web_redirect(rs, "%s", to.buf);
	strbuf_release(&to);
}

int post_log(struct web_req *rq, struct web_resp *rs)
{
	struct interaction it = { .chemistry = -1, .direction = DIR_OUT };
	struct log_outcome moved = { .stage_from = -1, .stage_to = -1 };
	id_vec added = { 0 };
	char at[DATE_BUFSZ];
	const char *summary, *notes;
	int64_t org_id = 0;
	int kind, dir, rc = 0;
	long chem;
	bool ok, history = web_param(&rq->form, "history") != NULL;

	ok = form_enum(rq, "kind", &interaction_kind_def, &kind);
	if (ok && kind < 0) {
		web_field_error(rq, "kind", "choose a kind");
		ok = false;
	}
	ok &= form_enum(rq, "direction", &direction_def, &dir);
	ok &= form_text(rq, "summary", "what happened", true, false, &summary);
	ok &= form_interaction_when(rq, "at", at);
	ok &= form_int(rq, "chemistry", "how it felt", 1, 5, &chem);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	ok &= read_opp(rq, &it, &org_id);
	/* people are added only once the rest is right: an error writes nothing anyway */
	ok = ok && read_people(rq, &it, org_id, &added);
	if (ok) {
		it.kind = (enum interaction_kind)kind;
		it.direction = dir < 0 ? DIR_OUT : (enum direction)dir;
		it.chemistry = (int)chem;
		if (!at[0])
			date_format(store_now(rq->store), at);
		it.at = xstrdup(at);
		it.summary = xstrdup(summary);
		field_set(&it.notes, notes);
		rc = form_error(rq, action_log(rq->store, rq->pb, &it, history, &moved, &rq->err), "");
	}
	if (!rc && !rq->errors.n)
		log_redirect(rq, rs, &added, &moved, it.opp.id);
	interaction_release(&it);
	free(added.items);
	if (rc || !rq->errors.n)
		return rc;
	rs->status = 400;
	return render(rq, rs);
}
