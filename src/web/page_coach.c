/*
 * page_coach.c: a practice's coach's view (issue 20). A coach's dashboard
 * of every client who granted access (/coach), a client's search read-only
 * (/coach/client/ID: pipeline, Today, Insights) with the suggestion forms
 * when the grant is `suggest`; a client's grants on their account page,
 * and the coach's suggestions on their Today, to accept or dismiss.
 *
 * A coach's pages read in a transaction store_coach_view made: a role that
 * may only SELECT, whose policies show the granted client's rows alone. So
 * these pages render no form that writes the client's rows, and could not
 * write them if they did.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "method/agenda.h"
#include "method/coaching.h"
#include "store/account.h"
#include "store/insights.h"
#include "store/suggest.h"
#include "web/ui.h"

#define COACH_AGENDA_DAYS 7 /* the days ahead a client's Today shows */
#define COACH_PEOPLE_CHOICES 100

static bool is_coach(const struct web_req *rq)
{
	return rq->account_role && !strcmp(rq->account_role, "coach");
}

/* The client's id in the address, when the signed-in coach holds a grant
 * from it (its level into level); ERR_NOT_FOUND otherwise, as for an id
 * that names nothing. */
static int granted_client(struct web_req *rq, int64_t *client, char level[16])
{
	if (!is_coach(rq))
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such page");
	if (ui_parse_id(rq, rq->arg[0], client))
		return ERR_NOT_FOUND;
	if (store_coach_level(rq->store, *client, level, &rq->err) == ERR_NOT_FOUND)
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such client");
	return rq->err.code;
}

static void count_cell(struct strbuf *sb, int64_t n, const char *warn_class)
{
	strbuf_addstr(sb, "<td class=\"num\">");
	if (n && warn_class)
		strbuf_addf(sb, "<strong class=\"%s\">%lld</strong>", warn_class, (long long)n);
	else
		strbuf_addf(sb, "%lld", (long long)n);
	strbuf_addstr(sb, "</td>");
}

static void day_cell(struct strbuf *sb, const char *iso, const char *none)
{
	strbuf_addstr(sb, "<td>");
	if (iso)
		ui_when(sb, iso);
	else
		html_text(sb, none);
	strbuf_addstr(sb, "</td>");
}

/* ---- the dashboard ---- */

static void stages_cell(struct strbuf *sb, const struct coach_client *c)
{
	char label[UI_LABEL_MAX];
	bool first = true;

	strbuf_addf(sb, "<td class=\"num\">%lld</td><td>", (long long)c->active);
	for (int st = 0; st < COACH_ACTIVE_STAGES; st++) {
		if (!c->by_stage[st])
			continue;
		strbuf_addstr(sb, first ? "" : ", ");
		html_text(sb, ui_enum_label(&stage_def, st, label));
		strbuf_addf(sb, " %lld", (long long)c->by_stage[st]);
		first = false;
	}
	strbuf_addstr(sb, "</td>");
}

static void client_row(struct strbuf *sb, const struct coach_client *c)
{
	strbuf_addf(sb, "<tr><th scope=\"row\"><a href=\"/coach/client/%lld\">", (long long)c->id);
	html_text(sb, c->email);
	strbuf_addstr(sb, "</a></th>");
	stages_cell(sb, c);
	count_cell(sb, c->overdue, "warn");
	count_cell(sb, c->silent, "warn");
	count_cell(sb, c->interviews, NULL);
	count_cell(sb, c->offers, NULL);
	day_cell(sb, c->offer_deadline, "");
	day_cell(sb, c->last_activity, "none yet");
	strbuf_addstr(sb, "</tr>\n");
}

static void dashboard_table(struct strbuf *sb, const coach_client_vec *v)
{
	ui_scroll_begin(sb, "Your clients");
	strbuf_addstr(sb, "<table class=\"list coach-clients\"><caption>Your clients, the one who "
			  "needs attention first</caption>\n<thead><tr><th scope=\"col\">Client</th>"
			  "<th scope=\"col\">Active</th><th scope=\"col\">By stage</th>"
			  "<th scope=\"col\">Overdue follow-ups</th><th scope=\"col\">Gone silent"
			  "</th><th scope=\"col\">Interviews, next 7 days</th><th scope=\"col\">"
			  "Offers</th><th scope=\"col\">Nearest offer deadline</th>"
			  "<th scope=\"col\">Last activity</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v->n; i++)
		client_row(sb, &v->items[i]);
	strbuf_addstr(sb, "</tbody></table>\n</div>\n");
}

int page_coach(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	coach_client_vec v = { 0 };
	int rc;

	if (!is_coach(rq))
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such page");
	if ((rc = coach_dashboard(rq->store, rq->account_id, &v, &rq->err)))
		return rc;
	ui_page_begin(rs, rq, "Your clients", NAV_CLIENTS);
	strbuf_addstr(sb, "<h1>Your clients</h1>\n");
	if (!v.n) {
		strbuf_addstr(sb, "<p>No client has given you access yet. A client grants it on "
				  "their account page, with your e-mail address.</p>\n");
	} else {
		strbuf_addf(sb, "<p>Every client who gave you access. The order says who needs "
				"you first: the most overdue follow-ups, then the most opportunities "
				"gone silent (%d days without an interaction or a move), then the nearest "
				"offer deadline, then the longest without activity.</p>\n",
			    COACH_SILENT_DAYS);
		dashboard_table(sb, &v);
	}
	strbuf_addstr(sb, "<p><a href=\"/account\">Your account</a></p>\n");
	ui_page_end(rs);
	coach_client_vec_release(&v);
	return 0;
}

/* ---- a client's search, read-only ---- */

static int pipeline_section(struct strbuf *sb, struct web_req *rq, opp_vec *opps)
{
	char label[UI_LABEL_MAX];
	int rc = store_opp_list(rq->store, -1, opps, &rq->err);

	if (rc)
		return rc;
	strbuf_addstr(sb, "<section aria-labelledby=\"pipeline\"><h2 id=\"pipeline\">Pipeline</h2>\n");
	if (!opps->n) {
		strbuf_addstr(sb, "<p>No opportunity yet.</p></section>\n");
		return 0;
	}
	ui_scroll_begin(sb, "Opportunities and their stages");
	strbuf_addstr(sb, "<table class=\"list\"><thead><tr><th scope=\"col\">Opportunity</th>"
			  "<th scope=\"col\">Stage</th><th scope=\"col\">Since</th></tr></thead>"
			  "\n<tbody>\n");
	for (size_t i = 0; i < opps->n; i++) {
		const struct opp *o = &opps->items[i];
		char *name = ui_opp_label(o->org_name, o->title);
		strbuf_addstr(sb, "<tr><td>");
		html_text(sb, name);
		strbuf_addstr(sb, "</td><td>");
		html_text(sb, ui_enum_label(&stage_def, (int)o->stage, label));
		strbuf_addstr(sb, "</td>");
		day_cell(sb, o->stage_changed_at, "");
		strbuf_addstr(sb, "</tr>\n");
		free(name);
	}
	strbuf_addstr(sb, "</tbody></table>\n</div></section>\n");
	return 0;
}

static void task_line(struct strbuf *sb, const struct task *t)
{
	strbuf_addstr(sb, "<li>");
	html_text(sb, t->title);
	strbuf_addstr(sb, " <span class=\"muted\">due ");
	ui_when(sb, t->due);
	if (t->person.id) {
		strbuf_addstr(sb, ", with ");
		html_text(sb, t->person.name);
	}
	if (t->opp.id) {
		strbuf_addstr(sb, ", on ");
		html_text(sb, t->opp.title);
	}
	strbuf_addstr(sb, "</span></li>\n");
}

static int today_section(struct strbuf *sb, struct web_req *rq)
{
	static const char *const titles[AGENDA_SECTIONS] = { "Overdue", "Today", "Coming up" };
	struct agenda ag = { 0 };
	int rc = agenda_build(rq->store, COACH_AGENDA_DAYS, &ag, &rq->err);

	if (rc)
		return rc;
	strbuf_addstr(sb, "<section aria-labelledby=\"today\"><h2 id=\"today\">Today</h2>\n");
	for (int k = 0; k < AGENDA_SECTIONS; k++) {
		strbuf_addf(sb, "<h3>%s</h3>\n", titles[k]);
		if (!ag.section[k].n) {
			strbuf_addstr(sb, "<p>Nothing.</p>\n");
			continue;
		}
		strbuf_addstr(sb, "<ul>\n");
		for (size_t i = 0; i < ag.section[k].n; i++)
			task_line(sb, &ag.section[k].items[i]);
		strbuf_addstr(sb, "</ul>\n");
	}
	strbuf_addstr(sb, "</section>\n");
	agenda_release(&ag);
	return 0;
}

/* "YYYY-MM-DD", days before the store's today. */
static void day_before(const struct store *s, long days, char out[DATE_BUFSZ])
{
	struct datetime dt = *store_now(s);

	date_add_days(&dt, -days);
	date_format_day(&dt, out);
}

static int insights_section(struct strbuf *sb, struct web_req *rq)
{
	static const char *const steps[INSIGHTS_STEPS] = { "applied", "in conversation",
							   "interviewing", "an offer",
							   "accepted" };
	struct insights_funnel f = { 0 };
	struct insights_silence quiet = { 0 };
	char quiet_from[DATE_BUFSZ], silent_from[DATE_BUFSZ];
	int rc;

	day_before(rq->store, COACH_SILENT_DAYS / 2, quiet_from);
	day_before(rq->store, COACH_SILENT_DAYS - 1, silent_from);
	if ((rc = store_insights_funnel(rq->store, &f, &rq->err)) ||
	    (rc = store_insights_silence(rq->store, quiet_from, silent_from, 0, &quiet, &rq->err)))
		return rc;
	strbuf_addstr(sb, "<section aria-labelledby=\"insights\"><h2 id=\"insights\">Insights</h2>\n"
			  "<ul>\n");
	strbuf_addf(sb, "<li>%lld opportunit%s in all</li>\n", (long long)f.total,
		    f.total == 1 ? "y" : "ies");
	for (int k = 0; k < INSIGHTS_STEPS; k++)
		strbuf_addf(sb, "<li>%lld reached %s</li>\n", (long long)f.reached[k], steps[k]);
	strbuf_addf(sb, "<li>Of %lld active: %lld in touch, %lld quiet, %lld gone silent</li>\n",
		    (long long)quiet.active, (long long)quiet.in_touch, (long long)quiet.quiet,
		    (long long)quiet.silent);
	strbuf_addstr(sb, "</ul></section>\n");
	insights_silence_release(&quiet);
	return 0;
}

/* The open suggestions: the coach's own list (answer false), or the
 * client's, each with accept and dismiss (answer true). */
static int suggestions_list(struct strbuf *sb, struct web_req *rq, bool answer)
{
	suggestion_vec v = { 0 };
	struct strbuf action = STRBUF_INIT;
	int rc = store_suggestions_open(rq->store, &v, &rq->err);

	for (size_t i = 0; !rc && i < v.n; i++) {
		const struct suggestion *sg = &v.items[i];
		strbuf_addstr(sb, i ? "<li>" : "<ul class=\"suggestions\">\n<li>");
		html_text(sb, !strcmp(sg->kind, "note") ? "A note on " : "A follow-up");
		if (sg->opp_title && !strcmp(sg->kind, "note"))
			html_text(sb, sg->opp_title);
		else if (sg->due) {
			strbuf_addstr(sb, " due ");
			ui_when(sb, sg->due);
		}
		strbuf_addstr(sb, ": ");
		html_text(sb, sg->text);
		strbuf_addstr(sb, answer ? " <span class=\"muted\">suggested by your coach "
					 : " <span class=\"muted\">left by ");
		html_text(sb, sg->coach_email ? sg->coach_email : "(no longer in the practice)");
		strbuf_addstr(sb, "</span>");
		if (answer) {
			strbuf_reset(&action);
			strbuf_addf(&action, "/suggestions/%lld/accept", (long long)sg->id);
			ui_button_form(sb, rq, action.buf, "Accept", NULL, NULL);
			strbuf_reset(&action);
			strbuf_addf(&action, "/suggestions/%lld/dismiss", (long long)sg->id);
			ui_button_form(sb, rq, action.buf, "Dismiss", "secondary", NULL);
		}
		strbuf_addstr(sb, i + 1 == v.n ? "</li>\n</ul>\n" : "</li>\n");
	}
	strbuf_release(&action);
	suggestion_vec_release(&v);
	return rc;
}

int coach_suggestions_section(struct strbuf *sb, struct web_req *rq)
{
	struct strbuf list = STRBUF_INIT;
	int rc;

	if (!store_has_accounts(rq->store))
		return 0;
	rc = suggestions_list(&list, rq, true);
	if (!rc && list.len) {
		strbuf_addstr(sb, "<section aria-labelledby=\"coach-suggestions\">"
				  "<h2 id=\"coach-suggestions\">Suggested by your coach</h2>\n"
				  "<p>Accept one and a note goes on its opportunity, a follow-up "
				  "becomes a task; or dismiss it.</p>\n");
		strbuf_add(sb, list.buf, list.len);
		strbuf_addstr(sb, "</section>\n");
	}
	strbuf_release(&list);
	return rc;
}

static void opp_options(struct strbuf *sb, const opp_vec *opps, bool optional)
{
	if (optional)
		strbuf_addstr(sb, "<option value=\"\">(none)</option>\n");
	for (size_t i = 0; i < opps->n; i++) {
		char *name = ui_opp_label(opps->items[i].org_name, opps->items[i].title);
		strbuf_addf(sb, "<option value=\"%lld\">", (long long)opps->items[i].id);
		html_text(sb, name);
		strbuf_addstr(sb, "</option>\n");
		free(name);
	}
}

static int person_options(struct strbuf *sb, struct web_req *rq)
{
	person_name_vec people = { 0 };
	int rc = store_people_to_suggest(rq->store, COACH_PEOPLE_CHOICES, COACH_PEOPLE_CHOICES,
					 &people, &rq->err);

	strbuf_addstr(sb, "<option value=\"\">(none)</option>\n");
	for (size_t i = 0; !rc && i < people.n; i++) {
		strbuf_addf(sb, "<option value=\"%lld\">", (long long)people.items[i].id);
		html_text(sb, people.items[i].name);
		strbuf_addstr(sb, "</option>\n");
	}
	person_name_vec_release(&people);
	return rc;
}

/* The two forms of a coach with `suggest`: they write through
 * rapport_suggest alone (schema_pg.c), which checks the grant again. */
static int suggest_forms(struct strbuf *sb, struct web_req *rq, int64_t client,
			 const opp_vec *opps)
{
	struct strbuf action = STRBUF_INIT;
	int rc;

	strbuf_addf(&action, "/coach/client/%lld/suggest", (long long)client);
	if (opps->n) {
		strbuf_addstr(sb, "<h3>A note on an opportunity</h3>\n");
		ui_form_begin(sb, rq, action.buf, "coach-note");
		strbuf_addstr(sb, "<input type=\"hidden\" name=\"kind\" value=\"note\">\n"
				  "<label for=\"note-opp\">Opportunity</label>\n<select id=\"note-opp\" "
				  "name=\"opp_id\" required>\n");
		opp_options(sb, opps, false);
		strbuf_addstr(sb, "</select>\n<label for=\"note-text\">Note</label>\n<textarea "
				  "id=\"note-text\" name=\"text\" required maxlength=\"2000\">"
				  "</textarea>\n");
		ui_form_end(sb, "Leave the note");
	}
	strbuf_addstr(sb, "<h3>A follow-up</h3>\n");
	ui_form_begin(sb, rq, action.buf, "coach-follow-up");
	strbuf_addstr(sb, "<input type=\"hidden\" name=\"kind\" value=\"follow-up\">\n"
			  "<label for=\"follow-text\">What to do</label>\n<input id=\"follow-text\" type=\"text\" "
			  "name=\"text\" required maxlength=\"2000\">\n<label for=\"follow-due\">By"
			  "</label>\n<input id=\"follow-due\" type=\"date\" name=\"due\" required>\n"
			  "<label for=\"follow-person\">With (optional)</label>\n<select "
			  "id=\"follow-person\" name=\"person_id\">\n");
	rc = person_options(sb, rq);
	strbuf_addstr(sb, "</select>\n<label for=\"follow-opp\">On (optional)</label>\n<select "
			  "id=\"follow-opp\" name=\"opp_id\">\n");
	opp_options(sb, opps, true);
	strbuf_addstr(sb, "</select>\n");
	ui_form_end(sb, "Suggest the follow-up");
	strbuf_release(&action);
	return rc;
}

static int client_sections(struct strbuf *sb, struct web_req *rq, int64_t client,
			   const char *level)
{
	opp_vec opps = { 0 };
	int rc;

	if ((rc = pipeline_section(sb, rq, &opps)) || (rc = today_section(sb, rq)) ||
	    (rc = insights_section(sb, rq)))
		goto out;
	strbuf_addstr(sb, "<section aria-labelledby=\"suggestions\"><h2 id=\"suggestions\">"
			  "Your suggestions</h2>\n");
	if ((rc = suggestions_list(sb, rq, false)))
		goto out;
	if (!strcmp(level, "suggest"))
		rc = suggest_forms(sb, rq, client, &opps);
	else
		strbuf_addstr(sb, "<p>This client lets you read their search, not suggest.</p>\n");
	strbuf_addstr(sb, "</section>\n");
out:
	opp_vec_release(&opps);
	return rc;
}

/* The client's email as the coach's grants name it. */
static char *client_email(struct web_req *rq, int64_t client)
{
	coach_grant_vec grants = { 0 };
	char *email = NULL;

	if (!store_coach_grants(rq->store, &grants, &rq->err))
		for (size_t i = 0; i < grants.n && !email; i++)
			if (grants.items[i].client_id == client)
				email = xstrdup(grants.items[i].client_email);
	coach_grant_vec_release(&grants);
	return email ? email : xstrdup("");
}

int page_coach_client(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	char level[16];
	int64_t client;
	char *email;
	int rc;

	if ((rc = granted_client(rq, &client, level)))
		return rc;
	email = client_email(rq, client);
	if ((rc = store_coach_view(rq->store, rq->account_id, client, &rq->err))) {
		free(email);
		return rc;
	}
	ui_page_begin(rs, rq, email, NAV_NONE);
	strbuf_addstr(sb, "<p><a href=\"/coach\">Your clients</a></p>\n<h1>");
	html_text(sb, email);
	strbuf_addstr(sb, "</h1>\n<p>Their search as it stands, read-only.</p>\n");
	free(email);
	if ((rc = client_sections(sb, rq, client, level)))
		return rc;
	ui_page_end(rs);
	return 0;
}

/* An id field of the form: 0 when empty. */
static int64_t form_id(const struct web_req *rq, const char *name)
{
	const char *v = web_param(&rq->form, name);

	return v && *v ? strtoll(v, NULL, 10) : 0;
}

int post_coach_suggest(struct web_req *rq, struct web_resp *rs)
{
	char level[16];
	int64_t client, id;
	int rc;

	if ((rc = granted_client(rq, &client, level)))
		return rc;
	if (strcmp(level, "suggest")) {
		ui_error_page(rs, rq, 403, "This client lets you read their search, not suggest.");
		return 0;
	}
	rc = coaching_suggest(rq->store, client, web_param(&rq->form, "kind"),
			      form_id(rq, "opp_id"), form_id(rq, "person_id"),
			      web_param(&rq->form, "text"), web_param(&rq->form, "due"), &id,
			      &rq->err);
	if (rc)
		return rc;
	web_redirect(rs, "/coach/client/%lld#suggestions", (long long)client);
	return 0;
}

/* ---- the client's answer ---- */

static int suggestion_answer(struct web_req *rq, struct web_resp *rs, bool accept)
{
	int64_t id, made;
	int rc;

	if (!store_has_accounts(rq->store) || ui_parse_id(rq, rq->arg[0], &id))
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such suggestion");
	rc = accept ? coaching_accept(rq->store, id, &made, &rq->err)
		    : coaching_dismiss(rq->store, id, &rq->err);
	if (rc)
		return rc;
	web_redirect(rs, "/");
	return 0;
}

int post_suggestion_accept(struct web_req *rq, struct web_resp *rs)
{
	return suggestion_answer(rq, rs, true);
}

int post_suggestion_dismiss(struct web_req *rq, struct web_resp *rs)
{
	return suggestion_answer(rq, rs, false);
}

/* ---- a client's grants, on their account page ---- */

static void grant_item(struct strbuf *sb, const struct web_req *rq, const struct coach_grant *g)
{
	bool suggest = !strcmp(g->level, "suggest");

	strbuf_addstr(sb, "<li>");
	html_text(sb, g->coach_email);
	strbuf_addstr(sb, suggest ? ": reads and suggests, since " : ": reads, since ");
	ui_when(sb, g->granted_at);
	strbuf_addstr(sb, " ");
	ui_button_form(sb, rq, "/account/coaches", suggest ? "Let read only" : "Let suggest too",
		       "secondary", "email", g->coach_email, "level", suggest ? "read" : "suggest",
		       NULL);
	ui_button_form(sb, rq, "/account/coaches/revoke", "Revoke", "secondary", "email",
		       g->coach_email, NULL);
	strbuf_addstr(sb, "</li>\n");
}

int account_grants_section(struct strbuf *sb, struct web_req *rq, const char *error)
{
	coach_grant_vec v = { 0 };
	int rc;

	if (is_coach(rq)) {
		strbuf_addstr(sb, "<h2>Your clients</h2>\n<p><a href=\"/coach\">The clients who "
				  "gave you access</a></p>\n");
		return 0;
	}
	if ((rc = store_coach_grants(rq->store, &v, &rq->err)))
		return rc;
	strbuf_addstr(sb, "<h2>Your coaches</h2>\n<p>A coach of the practice you grant access "
			  "sees your pipeline, Today and Insights, and never changes them. With "
			  "\"suggest\" they may also leave you notes and follow-ups, which you "
			  "accept or dismiss on Today. Revoking takes effect at once.</p>\n");
	for (size_t i = 0; i < v.n; i++) {
		strbuf_addstr(sb, i ? "" : "<ul class=\"grants\">\n");
		grant_item(sb, rq, &v.items[i]);
		strbuf_addstr(sb, i + 1 == v.n ? "</ul>\n" : "");
	}
	ui_form_begin(sb, rq, "/account/coaches", "grant");
	if (error) {
		strbuf_addstr(sb, "<p class=\"error-text\" role=\"alert\">");
		html_text(sb, error);
		strbuf_addstr(sb, "</p>\n");
	}
	strbuf_addstr(sb, "<label for=\"coach-email\">Your coach's e-mail address</label>\n"
			  "<input id=\"coach-email\" type=\"email\" name=\"email\" required>\n"
			  "<label for=\"coach-level\">They may</label>\n<select id=\"coach-level\" "
			  "name=\"level\"><option value=\"read\">read</option><option "
			  "value=\"suggest\">read and suggest</option></select>\n");
	ui_form_end(sb, "Grant access");
	coach_grant_vec_release(&v);
	return 0;
}

/* A grant's form answered: the account page again with why not (400),
 * else back to it. refused: what to say when the address takes none. */
static int grant_answer(struct web_req *rq, struct web_resp *rs, int rc, const char *refused)
{
	if (rc == ERR_NOT_FOUND || rc == ERR_INVALID) {
		rs->status = 400;
		return page_account_with(rq, rs, rc == ERR_INVALID ? rq->err.msg : refused);
	}
	if (rc)
		return rc;
	web_redirect(rs, "/account");
	return 0;
}

int post_account_grant(struct web_req *rq, struct web_resp *rs)
{
	int rc;

	if (is_coach(rq))
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such page");
	rc = store_coach_grant(rq->store, web_param(&rq->form, "email"),
			       web_param(&rq->form, "level"), &rq->err);
	/* one answer, whether the address has an account or not */
	return grant_answer(rq, rs, rc, "No coach of this practice has that address.");
}

int post_account_revoke(struct web_req *rq, struct web_resp *rs)
{
	int rc = store_coach_revoke(rq->store, web_param(&rq->form, "email"), &rq->err);

	return grant_answer(rq, rs, rc, "You have given that address no access.");
}
