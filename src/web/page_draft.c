/*
 * page_draft.c: a follow-up's letter (/tasks/ID/draft): its subject and
 * body to copy, as an e-mail file to download (/tasks/ID/draft.eml) or a
 * mailto: link, as 'rapport draft' makes them; put into the mail account's
 * Drafts folder (POST /tasks/ID/to-drafts) or sent (POST /tasks/ID/send),
 * as 'rapport draft --to-drafts' and '--send' do; and adding a follow-up
 * (POST /tasks), as 'rapport task add' does, from the quick forms of other
 * pages: its errors come back on a form of its own.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/eml.h"
#include "mail/mail_account.h"
#include "mail/mail_send.h"
#include "method/letter.h"
#include "method/letter_eml.h"
#include "store/mail.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

/* ---- the draft ---- */

static void task_head(struct strbuf *sb, const struct task *t)
{
	strbuf_addstr(sb, "<div class=\"page-head\"><div><h1>");
	html_text(sb, t->title);
	strbuf_addstr(sb, "</h1><p class=\"meta\">");
	ui_badge(sb, enum_name(&task_kind_def, (int)t->kind), enum_name(&task_kind_def, (int)t->kind));
	if (t->status != TASK_OPEN) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "good", enum_name(&task_status_def, (int)t->status));
	}
	strbuf_addstr(sb, " due ");
	ui_when(sb, t->due);
	if (t->person.id) {
		strbuf_addstr(sb, " · with ");
		ui_person_link(sb, t->person.id, t->person.name);
	}
	if (t->opp.id) {
		strbuf_addstr(sb, " · ");
		ui_opp_link(sb, &t->opp);
	}
	strbuf_addstr(sb, "</p>");
	view_why(sb, t->why);
	strbuf_addstr(sb, "</div></div>\n");
}

static void task_buttons(struct strbuf *sb, const struct web_req *rq, const struct task *t)
{
	char action[64];

	if (t->status != TASK_OPEN) {
		/* a mistaken Done or Skip is taken back here */
		strbuf_addstr(sb, "<div class=\"actions task-close\">");
		snprintf(action, sizeof(action), "/tasks/%lld/reopen", (long long)t->id);
		ui_button_form(sb, rq, action, "Reopen", "secondary", NULL);
		strbuf_addf(sb, "<a class=\"button secondary\" href=\"/tasks/%lld/delete\">Delete"
				"</a></div>\n", (long long)t->id);
		return;
	}
	strbuf_addstr(sb, "<div class=\"actions task-close\">");
	snprintf(action, sizeof(action), "/tasks/%lld/done", (long long)t->id);
	ui_button_form(sb, rq, action, "Done: it is sent", "primary", "back", "/", NULL);
	snprintf(action, sizeof(action), "/tasks/%lld/skip", (long long)t->id);
	ui_button_form(sb, rq, action, "Skip", "secondary", "back", "/", NULL);
	strbuf_addf(sb, "<a class=\"button secondary\" href=\"/tasks/%lld/delete\">Delete</a>"
			"</div>\n", (long long)t->id);
}

/* ---- the mail account: into the Drafts folder, or sent ---- */

/* A button that posts to /tasks/ID/WHAT with the page's CSRF token. */
static void mail_button(struct strbuf *sb, const struct web_req *rq, int64_t task_id,
			const char *what, const char *label, const char *cls)
{
	char action[64];

	snprintf(action, sizeof(action), "/tasks/%lld/%s", (long long)task_id, what);
	ui_button_form(sb, rq, action, label, cls, NULL);
}

/* Can the letter be sent from here: the task open, an address to send to
 * and one to send from (send_lacking says which is missing). */
static bool sendable(const struct task *t, const struct letter_draft *d)
{
	return t->status == TASK_OPEN && d->to_email && d->from_email;
}

/* Why an open task's letter cannot be sent from here, first things first:
 * no one to send to, no address of the user's to send from (the setting
 * email, which 'draft --send' refuses without), else the SMTP settings. */
static void send_lacking(struct strbuf *sb, const struct mail_account *a, const struct task *t,
			 const struct letter_draft *d)
{
	if (t->status != TASK_OPEN)
		return;
	if (!d->to_email && d->person_id)
		strbuf_addf(sb, "<p class=\"meta\">Sending it from here needs an e-mail address "
				"to send to: <a href=\"/people/%lld/edit\">add one</a>.</p>\n",
			    (long long)d->person_id);
	else if (!d->to_email)
		strbuf_addstr(sb, "<p class=\"meta\">Sending it from here needs someone to send "
				  "it to: this follow-up is with nobody in particular.</p>\n");
	else if (!d->from_email)
		strbuf_addstr(sb, "<p class=\"meta\">Sending it from here needs your address, the "
				  "setting email: <code>rapport config email ADDRESS</code>, or "
				  "<a href=\"/settings\">settings</a>.</p>\n");
	else
		web_mail_lacking(sb, a, MAIL_USE_SMTP, "Sending it from here");
}

/* The two buttons that give the letter to the user's mail account, each
 * shown only when the settings it needs are set (else which one to set). */
static void mail_actions(struct strbuf *sb, const struct web_req *rq, const struct task *t,
			 const struct letter_draft *d)
{
	struct mail_account a = { 0 };
	struct error ignored = ERROR_INIT;
	const char *example;
	bool imap, smtp;

	if (mail_account_load(rq->store, &a, &ignored)) {
		mail_account_release(&a); /* no offer: the page stands without it */
		return;
	}
	imap = !mail_account_missing(&a, MAIL_USE_IMAP, &example);
	smtp = !mail_account_missing(&a, MAIL_USE_SMTP, &example) && sendable(t, d);
	if (imap || smtp) {
		strbuf_addstr(sb, "<div class=\"actions send\">");
		if (imap)
			mail_button(sb, rq, t->id, "to-drafts", "Put in my Drafts folder",
				    "secondary");
		if (smtp)
			mail_button(sb, rq, t->id, "send", "Send", NULL);
		strbuf_addstr(sb, "</div>\n");
	}
	if (smtp)
		strbuf_addstr(sb, "<p class=\"meta\">Send: by your mail server; then the e-mail "
				  "is logged and this follow-up is done.</p>\n");
	web_mail_lacking(sb, &a, MAIL_USE_IMAP, "Putting it in your Drafts folder from here");
	send_lacking(sb, &a, t, d);
	mail_account_release(&a);
}

/* What the account did with the letter: sent (its Message-ID is logged,
 * whether sent from here or read back from the Sent folder), or put into
 * the folder a redirect names (?drafts=FOLDER, from post_draft_to_drafts). */
static int mail_notice(struct strbuf *sb, struct web_req *rq, const struct letter_draft *d)
{
	const char *folder = web_param(&rq->query, "drafts");
	struct strbuf id = STRBUF_INIT;
	bool sent = false;
	int rc;

	if (!(rc = letter_draft_message_id(rq->store, d, &id, &rq->err)))
		rc = store_mail_known(rq->store, id.buf, &sent, &rq->err);
	strbuf_release(&id);
	if (rc)
		return rc;
	if (sent) {
		strbuf_addstr(sb, "<p class=\"notice\" role=\"status\">Sent");
		if (d->to_email) {
			strbuf_addstr(sb, " to ");
			html_text(sb, d->to_email);
		}
		strbuf_addstr(sb, ": the e-mail is logged and this follow-up is done.</p>\n");
	} else if (folder && *folder) {
		strbuf_addstr(sb, "<p class=\"notice\" role=\"status\">Put into your folder ");
		html_text(sb, folder);
		strbuf_addstr(sb, ": review it and send it from your mail program.</p>\n");
	}
	return 0;
}

static void letter(struct strbuf *sb, const struct web_req *rq, const struct task *t,
		   const struct letter_draft *d)
{
	struct strbuf url = STRBUF_INIT;

	strbuf_addstr(sb, "<section class=\"card draft\" aria-labelledby=\"h-letter\">"
			  "<h2 id=\"h-letter\">The letter</h2>\n<dl class=\"facts\"><dt>To</dt><dd>");
	if (d->to_email) {
		html_text(sb, d->to_name);
		strbuf_addstr(sb, " &lt;");
		html_text(sb, d->to_email);
		strbuf_addstr(sb, "&gt;");
	} else if (d->person_id) {
		html_text(sb, d->to_name);
		strbuf_addf(sb, " <span class=\"muted\">(no e-mail address: "
				"<a href=\"/people/%lld/edit\">add one</a>)</span>",
			    (long long)d->person_id);
	} else {
		strbuf_addstr(sb, "<span class=\"muted\">nobody in particular</span>");
	}
	strbuf_addstr(sb, "</dd><dt>From</dt><dd>");
	if (d->from_email) {
		html_text(sb, d->from_name);
		strbuf_addstr(sb, " &lt;");
		html_text(sb, d->from_email);
		strbuf_addstr(sb, "&gt;");
	} else {
		strbuf_addstr(sb, "<span class=\"muted\">your address is not set "
				  "(<a href=\"/settings\">settings</a>)</span>");
	}
	strbuf_addstr(sb, "</dd><dt>Template</dt><dd>");
	html_text(sb, d->template);
	strbuf_addstr(sb, "</dd></dl>\n<h3 id=\"h-subject\">Subject</h3>\n"
			  "<div class=\"copyable\"><p class=\"subject\" id=\"draft-subject\">");
	html_text(sb, d->letter.subject);
	strbuf_addstr(sb, "</p><button type=\"button\" class=\"secondary\" hidden "
			  "data-copy=\"draft-subject\">Copy the subject</button></div>\n"
			  "<h3 id=\"h-body\">Body</h3>\n<div class=\"copyable\">"
			  /* a long letter scrolls in its box: Tab reaches it, so keys scroll it */
			  "<pre class=\"letter\" id=\"draft-body\" role=\"region\" tabindex=\"0\" "
			  "aria-labelledby=\"h-body\">");
	html_text(sb, d->letter.body);
	strbuf_addstr(sb, "</pre><button type=\"button\" class=\"secondary\" hidden "
			  "data-copy=\"draft-body\">Copy the body</button></div>\n");
	eml_mailto(&url, d->to_email, d->letter.subject, d->letter.body);
	strbuf_addf(sb, "<div class=\"actions send\"><a class=\"button\" "
			"href=\"/tasks/%lld/draft.eml\" download>Download .eml</a>"
			"<a class=\"button secondary\" href=\"",
		    (long long)t->id);
	html_text(sb, url.buf);
	strbuf_addstr(sb, "\">Open in your mail app</a></div>\n<p class=\"meta\">The .eml file "
			  "opens in most mail programs as a message ready to send.</p>\n");
	mail_actions(sb, rq, t, d);
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&url);
}

/* The page of task id; failure, when not NULL, is why a button of the
 * page failed, said above the letter. */
static int draft_page(struct web_req *rq, struct web_resp *rs, int64_t id, const char *failure)
{
	struct strbuf *sb = &rs->body;
	struct task t = { 0 };
	struct letter_draft d = { 0 };
	struct error bad = ERROR_INIT;
	int rc, failed = 0;

	if ((rc = store_task_get(rq->store, id, &t, &rq->err)))
		goto out;
	/* a template that is gone or broken is the user's to fix: say so on the page */
	if (t.template && (failed = letter_draft_task(rq->store, id, &d, &bad)) == ERR_STORE) {
		rc = error_set(&rq->err, ERR_STORE, "%s", bad.msg);
		goto out;
	}
	ui_page_begin(rs, rq, t.title, NAV_TODAY);
	task_head(sb, &t);
	if (failure) {
		strbuf_addstr(sb, "<div class=\"form-errors\" role=\"alert\"><p>");
		html_text(sb, failure);
		strbuf_addstr(sb, "</p></div>\n");
	}
	if (!t.template) {
		strbuf_addstr(sb, "<p class=\"empty\">This follow-up has no letter to draft. A "
				  "follow-up added with a letter template, or made by a playbook "
				  "that writes one, has its letter here.</p>\n");
	} else if (failed) {
		strbuf_addstr(sb, "<div class=\"form-errors\" role=\"alert\"><p>The letter cannot "
				  "be drafted: ");
		html_text(sb, bad.msg);
		strbuf_addstr(sb, "</p></div>\n<p><a href=\"/settings/templates\">The letter "
				  "templates</a></p>\n");
	} else if (!(rc = mail_notice(sb, rq, &d))) {
		letter(sb, rq, &t, &d);
	}
	task_buttons(sb, rq, &t);
	ui_page_end(rs);
out:
	task_release(&t);
	letter_draft_release(&d);
	return rc;
}

int page_draft(struct web_req *rq, struct web_resp *rs)
{
	int64_t id;

	return ui_parse_id(rq, rq->arg[0], &id) ? rq->err.code : draft_page(rq, rs, id, NULL);
}

int page_draft_eml(struct web_req *rq, struct web_resp *rs)
{
	struct task t = { 0 };
	struct letter_draft d = { 0 };
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = store_task_get(rq->store, id, &t, &rq->err)))
		goto out;
	if (!t.template) {
		rc = error_set(&rq->err, ERR_NOT_FOUND, "follow-up %lld has no letter to draft",
			       (long long)id);
		goto out;
	}
	if ((rc = letter_draft_task(rq->store, id, &d, &rq->err)) ||
	    (rc = letter_draft_eml(rq->store, &d, false, &rs->body, &rq->err))) {
		strbuf_reset(&rs->body);
		goto out;
	}
	rs->content_type = "message/rfc822";
	free(rs->disposition);
	rs->disposition = xmalloc(64);
	snprintf(rs->disposition, 64, "attachment; filename=\"task-%lld.eml\"", (long long)id);
out:
	task_release(&t);
	letter_draft_release(&d);
	return rc;
}

/* A button of the page failed: the page again, saying what did not happen
 * and why, with a status of 400 or more so that nothing is kept (a mail
 * server that failed: 502). A failure of the database is the server's
 * error page. */
static int mail_failed(struct web_req *rq, struct web_resp *rs, int64_t id, int rc,
		       const char *not_done)
{
	struct strbuf why = STRBUF_INIT;

	if (rc == ERR_STORE || rc == ERR_NOT_FOUND)
		return rc;
	strbuf_addf(&why, "%s: %s", not_done, rq->err.msg);
	error_clear(&rq->err);
	rs->status = rc == ERR_IO ? 502 : rc == ERR_CONFLICT ? 409 : 400;
	rc = draft_page(rq, rs, id, why.buf);
	strbuf_release(&why);
	return rc;
}

/* The draft a button posted about, or the page saying why there is none. */
static int posted_draft(struct web_req *rq, int64_t *id, struct letter_draft *d)
{
	if (ui_parse_id(rq, rq->arg[0], id))
		return rq->err.code;
	return letter_draft_task(rq->store, *id, d, &rq->err);
}

int post_draft_to_drafts(struct web_req *rq, struct web_resp *rs)
{
	struct letter_draft d = { 0 };
	struct strbuf where = STRBUF_INIT;
	char *folder = NULL;
	int64_t id = 0;
	int rc;

	if (!(rc = posted_draft(rq, &id, &d)) &&
	    !(rc = mail_send_to_drafts(rq->store, &d, false, &folder, &rq->err))) {
		strbuf_addf(&where, "/tasks/%lld/draft?drafts=", (long long)id);
		ui_url_part(&where, folder);
		web_redirect(rs, "%s", where.buf);
	} else if (id) {
		rc = mail_failed(rq, rs, id, rc, "The letter was not put in your Drafts folder");
	}
	free(folder);
	strbuf_release(&where);
	letter_draft_release(&d);
	return rc;
}

int post_draft_send(struct web_req *rq, struct web_resp *rs)
{
	struct letter_draft d = { 0 };
	int64_t id = 0, logged;
	int rc;

	if (!(rc = posted_draft(rq, &id, &d)) &&
	    !(rc = mail_send_draft(rq->store, rq->pb, &d, false, &logged, &rq->err)))
		web_redirect(rs, "/tasks/%lld/draft", (long long)id);
	else if (id)
		rc = mail_failed(rq, rs, id, rc, "The letter was not sent");
	letter_draft_release(&d);
	return rc;
}

/* ---- adding a follow-up ---- */

/* Whom the follow-up is with: the person whose page sent the form (their
 * id, as its hidden field), shown by name and kept; a name to type when
 * what was sent names no one. */
static int task_with_field(struct strbuf *sb, struct web_req *rq, int64_t person_id)
{
	struct person p = { 0 };
	char id[32];

	if (!person_id) {
		ui_input(sb, rq, "text", "with", "With (their name; empty: no one)", NULL, 0);
		return 0;
	}
	if (store_person_get(rq->store, person_id, &p, &rq->err))
		return rq->err.code;
	snprintf(id, sizeof(id), "%lld", (long long)person_id);
	ui_hidden(sb, "with", id);
	strbuf_addstr(sb, "<p class=\"meta\">With ");
	ui_person_link(sb, p.id, p.name);
	strbuf_addstr(sb, "</p>\n");
	person_release(&p);
	return 0;
}

/* The person the form names, when it names one without an error. */
static int64_t task_form_person(struct web_req *rq)
{
	const char *with = web_param(&rq->form, "with");
	struct error quiet = ERROR_INIT;
	int64_t id = 0;

	if (!with || !*with || web_error_of(rq, "with") ||
	    store_person_resolve(rq->store, with, &id, &quiet))
		return 0;
	return id;
}

/* Who and what it is about: that person, and an opportunity (theirs
 * first) picked by organisation and title. */
static int task_refs_fields(struct strbuf *sb, struct web_req *rq)
{
	const struct ui_form f = { .rq = rq, .active = true }; /* the page's one form */
	int64_t person_id = task_form_person(rq);
	person_opp_vec theirs = { 0 };
	opp_vec all = { 0 };
	int rc;

	if (!(rc = task_with_field(sb, rq, person_id)) &&
	    !(rc = person_id ? store_person_opps(rq->store, person_id, &theirs, &rq->err) : 0) &&
	    !(rc = store_opp_list(rq->store, -1, &all, &rq->err)))
		view_opp_select(sb, &f, &all, &theirs);
	person_opp_vec_release(&theirs);
	opp_vec_release(&all);
	return rc;
}

/* The form on a page of its own, when the quick form of another page sent
 * something wrong. */
static int task_form_page(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	letter_template_vec tpl = { 0 };
	const char **values;
	int rc;

	if (letter_template_list(&tpl, &rq->err))
		return rq->err.code;
	values = xmallocarray(st_add(tpl.n, 1), sizeof(*values));
	values[0] = "";
	for (size_t i = 0; i < tpl.n; i++)
		values[i + 1] = tpl.items[i].name;
	ui_page_begin(rs, rq, "Add a follow-up", NAV_TODAY);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Add a follow-up</h1></div>\n"
			  "<div class=\"card form-card\">\n");
	ui_form_begin(sb, rq, "/tasks", "stack");
	ui_form_errors(sb, rq);
	strbuf_addstr(sb, "<input type=\"hidden\" name=\"back\" value=\"");
	html_text(sb, form_back(rq, "/"));
	strbuf_addstr(sb, "\">\n");
	ui_input(sb, rq, "text", "title", "What to do", NULL, UI_REQUIRED | UI_AUTOFOCUS);
	strbuf_addstr(sb, "<div class=\"row\">");
	ui_input(sb, rq, "date", "due", "Due (empty: today)", NULL, 0);
	ui_select_enum(sb, rq, "kind", "Kind", &task_kind_def, TKIND_OTHER, NULL);
	strbuf_addstr(sb, "</div>");
	rc = task_refs_fields(sb, rq);
	ui_select(sb, rq, "template", "Letter to draft", values, NULL, tpl.n + 1, "");
	ui_form_end(sb, "Add it");
	strbuf_addstr(sb, "</div>\n<p><a href=\"");
	html_text(sb, form_back(rq, "/"));
	strbuf_addstr(sb, "\">Back</a></p>\n");
	ui_page_end(rs);
	free(values);
	letter_template_vec_release(&tpl);
	return rc;
}

int post_task_create(struct web_req *rq, struct web_resp *rs)
{
	struct task t = { .kind = TKIND_OTHER };
	char due[DATE_BUFSZ];
	const char *title, *tpl;
	int kind, rc = 0;
	bool ok = true;

	ok &= form_text(rq, "title", "title", true, false, &title);
	ok &= form_when(rq, "due", due);
	ok &= form_enum(rq, "kind", &task_kind_def, &kind);
	ok &= form_person(rq, "with", &t.person.id);
	ok &= form_opp(rq, "opp", &t.opp.id);
	if (form_text(rq, "template", "template", false, false, &tpl) && tpl &&
	    !letter_template_exists(tpl)) {
		web_field_error(rq, "template", "there is no letter template '%s'", tpl);
		ok = false;
	}
	if (ok) {
		if (!due[0])
			date_format_day(store_now(rq->store), due);
		t.title = xstrdup(title);
		t.due = xstrdup(due);
		t.kind = kind < 0 ? TKIND_OTHER : (enum task_kind)kind;
		field_set(&t.template, tpl);
		rc = form_error(rq, store_task_add(rq->store, &t, &rq->err), "");
	}
	task_release(&t);
	return ui_post_end(rq, rs, rc, task_form_page, form_back(rq, "/"));
}
