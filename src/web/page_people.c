/*
 * page_people.c: People (/people): a list filtered by words and a tag; a
 * person's page with their details, timeline, open follow-ups and
 * opportunities, and quick forms to log a conversation (posted to /log) and
 * to add a follow-up (posted to /tasks); the forms that add and change a
 * person, as 'rapport person add' and 'person edit' do.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "method/letter.h"
#include "method/person_view.h"
#include "store/browse.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

/* How many people a list shows. */
#define LIST_MAX 200

static const char *const rapport_values[] = { "", "0", "1", "2", "3", "4", "5" };
static const char *const rapport_labels[] = { "(not rated)", "0: none", "1", "2", "3", "4",
					      "5: we hit it off" };
static const char *const chemistry_values[] = { "", "1", "2", "3", "4", "5" };
static const char *const chemistry_labels[] = { "(not rated)", "1: poor", "2", "3", "4",
						"5: great" };

/* ---- small pieces ---- */

/* "mailto:ADDRESS" with the address percent-encoded where it must be. */
static void mailto_url(struct strbuf *sb, const char *addr)
{
	strbuf_addstr(sb, "mailto:");
	ui_percent_encode(sb, addr, "-._~+@!");
}

static void today(const struct web_req *rq, char day[DATE_BUFSZ])
{
	date_format_day(store_now(rq->store), day);
}

/* A next touch, flagged when it is today or past. */
static void next_touch(struct strbuf *sb, const struct web_req *rq, const char *when)
{
	char day[DATE_BUFSZ];

	if (!when)
		return;
	today(rq, day);
	ui_when(sb, when);
	if (strncmp(when, day, 10) < 0) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "bad", "overdue");
	} else if (!strncmp(when, day, 10)) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "warn", "today");
	}
}

static void rapport_text(struct strbuf *sb, int rapport)
{
	if (rapport < 0)
		strbuf_addstr(sb, "<span class=\"muted\">not rated</span>");
	else
		strbuf_addf(sb, "<span class=\"rapport r%d\">%d/5</span>", rapport, rapport);
}

static void tag_links(struct strbuf *sb, const struct person *p)
{
	for (size_t i = 0; i < p->ntags; i++) {
		strbuf_addstr(sb, "<a class=\"badge tag\" href=\"/people?tag=");
		ui_url_part(sb, p->tags[i]);
		strbuf_addstr(sb, "\">");
		html_text(sb, p->tags[i]);
		strbuf_addstr(sb, "</a> ");
	}
}

/* ---- the list ---- */

static void filter_form(struct strbuf *sb, const char *q, const char *tag)
{
	strbuf_addstr(sb, "<form method=\"get\" action=\"/people\" class=\"filter\" "
			  "role=\"search\" aria-label=\"Filter the people\">\n"
			  "<div class=\"field grow\"><label for=\"f-q\">Name, "
			  "organisation or title</label><input type=\"search\" id=\"f-q\" name=\"q\" "
			  "value=\"");
	html_text(sb, q);
	strbuf_addstr(sb, "\"></div>\n<div class=\"field\"><label for=\"f-tag\">Tag</label>"
			  "<input type=\"text\" id=\"f-tag\" name=\"tag\" value=\"");
	html_text(sb, tag);
	strbuf_addstr(sb, "\"></div>\n<div class=\"actions\"><button type=\"submit\">Filter"
			  "</button>");
	if ((q && *q) || (tag && *tag))
		strbuf_addstr(sb, "<a class=\"button secondary\" href=\"/people\">Show everyone</a>");
	strbuf_addstr(sb, "</div>\n</form>\n");
}

static void person_row(struct strbuf *sb, const struct web_req *rq, const struct person *p)
{
	strbuf_addstr(sb, "<tr><td>");
	ui_person_link(sb, p->id, p->name);
	if (p->ntags) {
		strbuf_addstr(sb, "<div class=\"tags\">");
		tag_links(sb, p);
		strbuf_addstr(sb, "</div>");
	}
	strbuf_addstr(sb, "</td><td>");
	ui_org_link(sb, p->org_id, p->org_name);
	strbuf_addstr(sb, "</td><td>");
	html_text(sb, p->title);
	strbuf_addstr(sb, "</td><td>");
	rapport_text(sb, p->rapport);
	strbuf_addstr(sb, "</td><td>");
	if (p->last_contact)
		ui_when(sb, p->last_contact);
	strbuf_addstr(sb, "</td><td>");
	next_touch(sb, rq, p->next_touch);
	strbuf_addstr(sb, "</td></tr>\n");
}

int page_people(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	const char *q = web_param(&rq->query, "q"), *tag = web_param(&rq->query, "tag");
	struct error bad = ERROR_INIT;
	person_vec v = { 0 };
	int64_t total = 0;
	int rc = 0;

	if (text_check("the filter", q, TEXT_ONE_LINE, &bad) ||
	    text_check("the tag", tag, TEXT_ONE_LINE, &bad))
		q = tag = NULL;
	else
		rc = store_person_find(rq->store, q, tag, LIST_MAX, &v, &total, &rq->err);
	if (rc) {
		person_vec_release(&v);
		return rc;
	}
	ui_page_begin(rs, rq, "People", NAV_PEOPLE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>People</h1>"
			  "<div class=\"actions\"><a class=\"button\" href=\"/people/new\">"
			  "Add a person</a></div></div>\n");
	filter_form(sb, q, tag);
	ui_filter_error(sb, &bad);
	if (!v.n) {
		if ((q && *q) || (tag && *tag))
			strbuf_addstr(sb, "<p class=\"empty\">No one matches. Try fewer words, or "
					  "<a href=\"/people\">show everyone</a>.</p>\n");
		else if (!bad.code)
			ui_empty_state(sb, "No one yet. The people you talk to (recruiters, "
					   "hiring managers, the peers who interviewed you) are "
					   "who your follow-ups are for: a search is won through "
					   "them. Your LinkedIn connections can bring them in at "
					   "once.", "/people/new", "Add a person");
	} else {
		ui_list_count(sb, v.n, total, "person", "people");
		strbuf_addstr(sb, "<div class=\"table-wrap\"><table class=\"list people\">"
				  "<thead><tr><th scope=\"col\">Name</th>"
				  "<th scope=\"col\">Organisation</th><th scope=\"col\">Title</th>"
				  "<th scope=\"col\">Rapport</th><th scope=\"col\">Last contact</th>"
				  "<th scope=\"col\">Next touch</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < v.n; i++)
			person_row(sb, rq, &v.items[i]);
		strbuf_addstr(sb, "</tbody></table></div>\n");
	}
	ui_page_end(rs);
	person_vec_release(&v);
	return 0;
}

/* ---- a person's page ---- */

static void facts(struct strbuf *sb, const struct web_req *rq, const struct person *p)
{
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-details\">"
			  "<h2 id=\"h-details\">Details</h2>\n<dl class=\"facts\">\n");
	if (p->org_id) {
		strbuf_addstr(sb, "<dt>Organisation</dt><dd>");
		ui_org_link(sb, p->org_id, p->org_name);
		strbuf_addstr(sb, "</dd>\n");
	}
	if (p->title) {
		strbuf_addstr(sb, "<dt>Title</dt><dd>");
		html_text(sb, p->title);
		strbuf_addstr(sb, "</dd>\n");
	}
	if (p->email) {
		struct strbuf url = STRBUF_INIT;
		mailto_url(&url, p->email);
		strbuf_addstr(sb, "<dt>E-mail</dt><dd>");
		ui_external_link(sb, url.buf, p->email);
		strbuf_addstr(sb, "</dd>\n");
		strbuf_release(&url);
	}
	if (p->phone) {
		strbuf_addstr(sb, "<dt>Phone</dt><dd>");
		html_text(sb, p->phone);
		strbuf_addstr(sb, "</dd>\n");
	}
	if (p->linkedin) {
		strbuf_addstr(sb, "<dt>LinkedIn</dt><dd>");
		ui_external_link(sb, p->linkedin, NULL);
		strbuf_addstr(sb, "</dd>\n");
	}
	strbuf_addstr(sb, "<dt>Rapport</dt><dd>");
	rapport_text(sb, p->rapport);
	strbuf_addstr(sb, "</dd>\n<dt>Keep in touch</dt><dd>");
	if (p->cadence > 0)
		strbuf_addf(sb, "every %d days", p->cadence);
	else
		strbuf_addstr(sb, "<span class=\"muted\">no cadence</span>");
	strbuf_addstr(sb, "</dd>\n");
	if (p->connected_on) {
		strbuf_addstr(sb, "<dt>Connected</dt><dd>");
		ui_when(sb, p->connected_on);
		strbuf_addstr(sb, "</dd>\n");
	}
	strbuf_addstr(sb, "<dt>Last contact</dt><dd>");
	if (p->last_contact)
		ui_when(sb, p->last_contact);
	else
		strbuf_addstr(sb, "<span class=\"muted\">none logged</span>");
	strbuf_addstr(sb, "</dd>\n");
	if (p->next_touch) {
		strbuf_addstr(sb, "<dt>Next touch</dt><dd>");
		next_touch(sb, rq, p->next_touch);
		strbuf_addstr(sb, "</dd>\n");
	}
	if (p->ntags) {
		strbuf_addstr(sb, "<dt>Tags</dt><dd>");
		tag_links(sb, p);
		strbuf_addstr(sb, "</dd>\n");
	}
	strbuf_addstr(sb, "</dl>\n");
	view_notes(sb, "<h3>Notes</h3>\n", p->notes);
	strbuf_addstr(sb, "</section>\n");
}

static void interaction_item(struct strbuf *sb, const struct person *p,
			     const struct interaction *it)
{
	bool with = false;

	strbuf_addstr(sb, "<li><div class=\"when\">");
	ui_when(sb, it->at);
	strbuf_addstr(sb, "</div><div class=\"what\">");
	ui_badge(sb, enum_name(&interaction_kind_def, (int)it->kind),
		 enum_name(&interaction_kind_def, (int)it->kind));
	strbuf_addstr(sb, " <span class=\"summary\">");
	html_text(sb, it->summary);
	strbuf_addstr(sb, "</span>\n<p class=\"meta\">");
	strbuf_addstr(sb, it->direction == DIR_IN ? "they reached out" : "you reached out");
	for (size_t k = 0; k < it->people.n; k++) {
		const struct person_ref *r = &it->people.items[k];
		if (r->id == p->id)
			continue;
		strbuf_addstr(sb, with ? ", " : " · with ");
		ui_person_link(sb, r->id, r->name);
		with = true;
	}
	if (it->opp.id) {
		strbuf_addstr(sb, " · ");
		ui_opp_link(sb, &it->opp);
	}
	if (it->chemistry > 0)
		strbuf_addf(sb, " · chemistry %d/5", it->chemistry);
	strbuf_addf(sb, " · <a href=\"/interactions/%lld/move\">Move</a>"
		    " · <a href=\"/interactions/%lld/delete\">Delete</a>", (long long)it->id,
		    (long long)it->id);
	strbuf_addstr(sb, "</p>\n");
	view_notes(sb, NULL, it->notes);
	strbuf_addstr(sb, "</div></li>\n");
}

static void timeline(struct strbuf *sb, const struct person *p, const interaction_vec *iv,
		     int64_t total)
{
	strbuf_addf(sb, "<section class=\"card\" aria-labelledby=\"h-timeline\">"
			"<h2 id=\"h-timeline\">Timeline <span class=\"count\">%lld</span></h2>\n",
		    (long long)total);
	if (!iv->n) {
		strbuf_addstr(sb, "<p class=\"empty\">Nothing logged with them yet.</p>\n");
	} else {
		if (total > (int64_t)iv->n)
			strbuf_addf(sb, "<p class=\"meta\">The newest %zu of %lld. "
					"<a href=\"/people/%lld?all=1#h-timeline\">Show every one</a>"
					"</p>\n",
				    iv->n, (long long)total, (long long)p->id);
		strbuf_addstr(sb, "<ol class=\"person-timeline\">\n");
		for (size_t i = 0; i < iv->n; i++)
			interaction_item(sb, p, &iv->items[i]);
		strbuf_addstr(sb, "</ol>\n");
	}
	strbuf_addstr(sb, "</section>\n");
}

static void open_tasks(struct strbuf *sb, const struct web_req *rq, const struct person *p,
		       const task_vec *tv)
{
	char back[64], day[DATE_BUFSZ];

	today(rq, day);
	snprintf(back, sizeof(back), "/people/%lld", (long long)p->id);
	strbuf_addf(sb, "<section class=\"card\" aria-labelledby=\"h-tasks\">"
			"<h2 id=\"h-tasks\">Follow-ups <span class=\"count\">%zu</span></h2>\n",
		    tv->n);
	if (!tv->n) {
		strbuf_addstr(sb, "<p class=\"empty\">No open follow-ups with them.</p>\n");
		strbuf_addstr(sb, "</section>\n");
		return;
	}
	strbuf_addstr(sb, "<ul class=\"tasks\">\n");
	for (size_t i = 0; i < tv->n; i++) {
		const struct task *t = &tv->items[i];
		strbuf_addf(sb, "<li class=\"task%s\" id=\"task-%lld\"><div class=\"task-main\">",
			    t->due && strncmp(t->due, day, 10) < 0 ? " overdue" : "",
			    (long long)t->id);
		view_task_summary(sb, t, VIEW_TASK_OPP);
		strbuf_addstr(sb, "</div>");
		view_task_buttons(sb, rq, t, back, 0);
		strbuf_addstr(sb, "</li>\n");
	}
	strbuf_addstr(sb, "</ul>\n</section>\n");
}

static void opportunities(struct strbuf *sb, const person_opp_vec *ov)
{
	if (!ov->n)
		return;
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-opps\">"
			  "<h2 id=\"h-opps\">Opportunities</h2>\n<ul class=\"plain\">\n");
	for (size_t i = 0; i < ov->n; i++) {
		const struct person_opp *po = &ov->items[i];
		strbuf_addstr(sb, "<li>");
		ui_opp_link(sb, &po->opp);
		strbuf_addch(sb, ' ');
		ui_badge(sb, stage_is_closed(po->stage) ? "closed" : "stage",
			 enum_name(&stage_def, (int)po->stage));
		if (po->role >= 0) {
			char label[UI_LABEL_MAX];
			strbuf_addstr(sb, " <span class=\"meta\">");
			html_text(sb, ui_enum_label(&role_def, po->role, label));
			strbuf_addstr(sb, "</span>");
		}
		strbuf_addstr(sb, "</li>\n");
	}
	strbuf_addstr(sb, "</ul>\n</section>\n");
}

/* The quick forms offer the person's open opportunities first, then the
 * others (a recruiter brings a new one): all is every opportunity. */
static void log_form(struct strbuf *sb, const struct web_req *rq, const struct person *p,
		     const opp_vec *all, const person_opp_vec *ov, const char *back)
{
	char id[32];
	/* two quick forms on the page (and the header's search): ids log-NAME */
	struct ui_form f = { .rq = rq, .key = "log" };

	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	strbuf_addstr(sb, "<section class=\"card quick\" id=\"log\" aria-labelledby=\"h-log\">"
			  "<h2 id=\"h-log\">Log an interaction</h2>\n");
	ui_form_begin(sb, rq, "/log", "stack");
	ui_hidden(sb, "with", id);
	ui_hidden(sb, "back", back);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_form_select(sb, &f, "kind", "Kind", interaction_kind_def.names, NULL,
		       interaction_kind_def.count, "call");
	ui_form_select(sb, &f, "direction", "Who reached out", direction_def.names, NULL,
		       direction_def.count, "out");
	strbuf_addstr(sb, "</div>");
	ui_form_input(sb, &f, "text", "summary", "What happened", NULL, UI_REQUIRED);
	view_opp_select(sb, &f, all, ov);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_form_input(sb, &f, "datetime-local", "at", "When (empty: now)", NULL, 0);
	ui_form_select(sb, &f, "chemistry", "How it felt", chemistry_values, chemistry_labels, 6,
		       "");
	strbuf_addstr(sb, "</div>");
	ui_form_textarea(sb, &f, "notes", "Notes (Markdown)", NULL, 3);
	ui_form_end(sb, "Log it");
	strbuf_addstr(sb, "</section>\n");
}

static int task_form(struct strbuf *sb, struct web_req *rq, const struct person *p,
		     const opp_vec *all, const person_opp_vec *ov, const char *back)
{
	letter_template_vec tpl = { 0 };
	const char **tvalues, **tlabels;
	char id[32];
	struct ui_form f = { .rq = rq, .key = "task" }; /* ids task-NAME */

	if (letter_template_list(&tpl, &rq->err))
		return rq->err.code;
	tvalues = xmallocarray(st_add(tpl.n, 1), sizeof(*tvalues));
	tlabels = xmallocarray(st_add(tpl.n, 1), sizeof(*tlabels));
	tvalues[0] = "";
	tlabels[0] = "(no letter)";
	for (size_t i = 0; i < tpl.n; i++)
		tvalues[i + 1] = tlabels[i + 1] = tpl.items[i].name;
	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	strbuf_addstr(sb, "<section class=\"card quick\" id=\"follow-up\" "
			  "aria-labelledby=\"h-follow-up\"><h2 id=\"h-follow-up\">Add a follow-up"
			  "</h2>\n");
	ui_form_begin(sb, rq, "/tasks", "stack");
	ui_hidden(sb, "with", id);
	ui_hidden(sb, "back", back);
	ui_form_input(sb, &f, "text", "title", "What to do", NULL, UI_REQUIRED);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_form_input(sb, &f, "date", "due", "Due (empty: today)", NULL, 0);
	ui_form_select(sb, &f, "kind", "Kind", task_kind_def.names, NULL, task_kind_def.count,
		       "email");
	strbuf_addstr(sb, "</div>");
	view_opp_select(sb, &f, all, ov);
	ui_form_select(sb, &f, "template", "Letter to draft", tvalues, tlabels, tpl.n + 1, "");
	ui_form_end(sb, "Add it");
	strbuf_addstr(sb, "</section>\n");
	free(tvalues);
	free(tlabels);
	letter_template_vec_release(&tpl);
	return 0;
}

int page_person(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct person_view v;
	const struct person *p = &v.person;
	const char *all = web_param(&rq->query, "all");
	opp_vec opps = { 0 };
	int64_t id;
	char back[64];
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = person_view_load(rq->store, id, all && *all, &v, &rq->err)))
		return rc;
	if ((rc = store_opp_list(rq->store, -1, &opps, &rq->err))) {
		person_view_release(&v);
		return rc;
	}
	snprintf(back, sizeof(back), "/people/%lld", (long long)id);
	ui_page_begin(rs, rq, p->name, NAV_PEOPLE);
	strbuf_addstr(sb, "<div class=\"page-head\"><div><h1>");
	html_text(sb, p->name);
	strbuf_addstr(sb, "</h1><p class=\"meta\">");
	html_text(sb, p->title);
	if (p->title && p->org_id)
		strbuf_addstr(sb, " at ");
	ui_org_link(sb, p->org_id, p->org_name);
	strbuf_addf(sb, "</p></div><div class=\"actions\">"
			"<a class=\"button secondary\" href=\"/people/%lld/edit\">Edit</a>"
			"<a class=\"button secondary\" href=\"#log\">Log an interaction</a>"
			"<a class=\"button secondary\" href=\"#follow-up\">Add a follow-up</a>"
			"<a class=\"button secondary\" href=\"/people/%lld/delete\">Delete</a>"
			"</div></div>\n<div class=\"person-page\">\n<div class=\"person-main\">\n",
		    (long long)id, (long long)id);
	open_tasks(sb, rq, p, &v.tasks);
	timeline(sb, p, &v.interactions, v.interactions_total);
	strbuf_addstr(sb, "</div>\n<div class=\"person-side\">\n");
	facts(sb, rq, p);
	opportunities(sb, &v.opps);
	log_form(sb, rq, p, &opps, &v.opps, back);
	rc = task_form(sb, rq, p, &opps, &v.opps, back);
	person_feedback_form(sb, rq, p->id, &v.opps);
	snprintf(back, sizeof(back), "/people/%lld/merge", (long long)id);
	ui_merge_form(sb, rq, back, "person");
	strbuf_addstr(sb, "</div>\n</div>\n");
	ui_page_end(rs);
	person_view_release(&v);
	opp_vec_release(&opps);
	return rc;
}

/* ---- adding and changing a person ---- */

static void join_tags(struct strbuf *sb, const struct person *p)
{
	for (size_t i = 0; i < p->ntags; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", p->tags[i]);
}

/* The form of a new person (p NULL) or of p. */
static void person_form_page(struct web_req *rq, struct web_resp *rs, const struct person *p,
			     bool namesake)
{
	struct strbuf *sb = &rs->body, tags = STRBUF_INIT, action = STRBUF_INIT;
	char rapport[16] = "", cadence[16] = "";
	const char *org = p ? p->org_name : web_param(&rq->query, "org");

	if (p) {
		join_tags(&tags, p);
		if (p->rapport >= 0)
			snprintf(rapport, sizeof(rapport), "%d", p->rapport);
		if (p->cadence > 0)
			snprintf(cadence, sizeof(cadence), "%d", p->cadence);
		strbuf_addf(&action, "/people/%lld/edit", (long long)p->id);
	} else {
		strbuf_addstr(&action, "/people");
	}
	ui_page_begin(rs, rq, p ? "Edit person" : "Add a person", NAV_PEOPLE);
	ui_record_form_begin(sb, rq, action.buf, "<div class=\"card form-card\">\n", "Edit",
			     p ? p->name : NULL, "Add a person");
	ui_input(sb, rq, "text", "name", "Name", p ? p->name : NULL, UI_REQUIRED | UI_AUTOFOCUS);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "text", "org", "Organisation (added if new)", org, 0);
	ui_input(sb, rq, "text", "title", "Job title", p ? p->title : NULL, 0);
	strbuf_addstr(sb, "</div><div class=\"row\">");
	ui_input(sb, rq, "email", "email", "E-mail", p ? p->email : NULL, 0);
	ui_input(sb, rq, "text", "phone", "Phone", p ? p->phone : NULL, 0);
	strbuf_addstr(sb, "</div>");
	ui_input(sb, rq, "url", "linkedin", "LinkedIn profile (https://...)",
		 p ? p->linkedin : NULL, 0);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_select(sb, rq, "rapport", "Rapport (how well you hit it off)", rapport_values,
		  rapport_labels, 7, rapport);
	ui_input(sb, rq, "number", "cadence", "Keep in touch every N days", cadence, 0);
	strbuf_addstr(sb, "</div>");
	ui_input(sb, rq, "text", "tags", "Tags (separated by commas)", tags.buf, 0);
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", p ? p->notes : NULL, 6);
	if (namesake)
		ui_checkbox(sb, rq, "allow_duplicate",
			    "Yes, add them: they are someone else, not the person I have", false);
	ui_form_end(sb, p ? "Save" : "Add the person");
	strbuf_addstr(sb, "</div>\n");
	if (p)
		strbuf_addf(sb, "<p><a href=\"/people/%lld\">Back to ", (long long)p->id);
	else
		strbuf_addstr(sb, "<p><a href=\"/people\">Back to ");
	html_text(sb, p ? p->name : "People");
	strbuf_addstr(sb, "</a></p>\n");
	ui_page_end(rs);
	strbuf_release(&tags);
	strbuf_release(&action);
}

/* The tags field: words separated by commas or spaces, each a valid tag. */
static bool read_tags(struct web_req *rq, struct person *p)
{
	const char *v = web_param(&rq->form, "tags");
	char *copy, *word, *save = NULL;
	struct error e = ERROR_INIT;
	bool ok = true;

	for (size_t i = 0; i < p->ntags; i++)
		free(p->tags[i]);
	free(p->tags);
	p->tags = NULL;
	p->ntags = 0;
	if (!v)
		return true;
	if (text_check("tags", v, TEXT_ONE_LINE, &e)) {
		web_field_error(rq, "tags", "%s", e.msg);
		return false;
	}
	copy = xstrdup(v);
	for (word = strtok_r(copy, ", \t", &save); word && ok;
	     word = strtok_r(NULL, ", \t", &save)) {
		bool dup = false;
		if (tag_check(word, &e)) {
			web_field_error(rq, "tags", "%s", e.msg);
			ok = false;
			break;
		}
		for (size_t i = 0; i < p->ntags && !dup; i++)
			dup = !strcasecmp(p->tags[i], word);
		if (dup)
			continue;
		p->tags = xreallocarray(p->tags, st_add(p->ntags, 1), sizeof(*p->tags));
		p->tags[p->ntags++] = xstrdup(word);
	}
	free(copy);
	return ok;
}

/* Read the form into p (every field: an empty one clears it); false when a
 * field is wrong, with its error beside it. */
static bool read_person(struct web_req *rq, struct person *p)
{
	const char *name, *org, *title, *email, *phone, *linkedin, *notes;
	struct error e = ERROR_INIT;
	long rapport, cadence;
	bool ok = true;

	ok &= form_text(rq, "name", "name", true, false, &name);
	ok &= form_text(rq, "org", "organisation", false, false, &org);
	ok &= form_text(rq, "title", "title", false, false, &title);
	if (form_text(rq, "email", "e-mail", false, false, &email) &&
	    text_check_email(email, &e)) {
		web_field_error(rq, "email", "%s", e.msg);
		ok = false;
	}
	ok &= form_text(rq, "phone", "phone", false, false, &phone);
	if (form_text(rq, "linkedin", "LinkedIn URL", false, false, &linkedin) &&
	    text_check_url("LinkedIn URL", linkedin, &e)) {
		web_field_error(rq, "linkedin", "%s", e.msg);
		ok = false;
	}
	ok &= form_int(rq, "rapport", "rapport", 0, 5, &rapport);
	ok &= form_int(rq, "cadence", "cadence", 1, 3650, &cadence);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	ok &= read_tags(rq, p);
	if (!ok)
		return false;
	field_set(&p->name, name);
	field_set(&p->title, title);
	field_set(&p->email, email);
	field_set(&p->phone, phone);
	field_set(&p->linkedin, linkedin);
	field_set(&p->notes, notes);
	p->rapport = (int)rapport;
	p->cadence = (int)cadence;
	p->org_id = 0;
	if (org && store_org_ensure(rq->store, org, &p->org_id, &e)) {
		web_field_error(rq, "org", "%s", e.msg);
		return false;
	}
	return true;
}

/* A new person of the same name in the same organisation as someone you
 * have: refused beside the name until the form's checkbox confirms it. */
static int check_namesake(struct web_req *rq, const struct person *p, bool *namesake)
{
	int64_t id = 0;

	if (p->id || web_param(&rq->form, "allow_duplicate"))
		return 0;
	if (p->email && store_person_by_email(rq->store, p->email, &id, &rq->err))
		return rq->err.code;
	if (id) {
		web_field_error(rq, "email",
				"person %lld has this e-mail address already: tick the box below "
				"to add another",
				(long long)id);
		*namesake = true;
		return 0;
	}
	if (store_person_namesake(rq->store, p->name, p->org_id, &id, &rq->err))
		return rq->err.code;
	if (id) {
		web_field_error(rq, "name",
				"you have a person of this name %s already (person %lld): tick the "
				"box below to add another",
				p->org_id ? "in this organisation" : "with no organisation",
				(long long)id);
		*namesake = true;
	}
	return 0;
}

/* Save p (new when its id is 0); an error the store finds goes on the form. */
static int save_person(struct web_req *rq, struct person *p, bool *saved, bool *namesake)
{
	int rc;

	*saved = false;
	if (!read_person(rq, p))
		return 0;
	if ((rc = check_namesake(rq, p, namesake)) || *namesake)
		return rc;
	rc = p->id ? store_person_update(rq->store, p, &rq->err)
		   : store_person_add(rq->store, p, &rq->err);
	if (rc && !(rc = form_error(rq, rc, "")))
		return 0;
	*saved = !rc;
	return rc;
}

int page_person_new(struct web_req *rq, struct web_resp *rs)
{
	person_form_page(rq, rs, NULL, false);
	return 0;
}

int post_person_create(struct web_req *rq, struct web_resp *rs)
{
	struct person p = { .rapport = -1, .cadence = -1 };
	bool saved, namesake = false;
	int rc = save_person(rq, &p, &saved, &namesake);

	if (!rc && saved) {
		web_redirect(rs, "/people/%lld", (long long)p.id);
	} else if (!rc) {
		rs->status = 400;
		person_form_page(rq, rs, NULL, namesake);
	}
	person_release(&p);
	return rc;
}

static int edit(struct web_req *rq, struct web_resp *rs)
{
	struct person p = { 0 }, shown = { 0 };
	int64_t id;
	bool saved = false, namesake = false;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = store_person_get(rq->store, id, &p, &rq->err)))
		goto out;
	if (!rq->post) {
		person_form_page(rq, rs, &p, false);
		goto out;
	}
	/* the form shows the record as stored, and the user's values over it */
	if ((rc = store_person_get(rq->store, id, &shown, &rq->err)) ||
	    (rc = save_person(rq, &p, &saved, &namesake)))
		goto out;
	if (saved) {
		web_redirect(rs, "/people/%lld", (long long)id);
	} else {
		rs->status = 400;
		person_form_page(rq, rs, &shown, false);
	}
out:
	person_release(&p);
	person_release(&shown);
	return rc;
}

int page_person_edit(struct web_req *rq, struct web_resp *rs)
{
	return edit(rq, rs);
}

int post_person_edit(struct web_req *rq, struct web_resp *rs)
{
	return edit(rq, rs);
}
