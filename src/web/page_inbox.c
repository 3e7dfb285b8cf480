/*
 * page_inbox.c: the Inbox (/inbox): what imported mail proposes (a
 * rejection, an offer, an interview, a request for information, an
 * application received, a person to add), each with the message it came
 * from and the phrase that matched, and Accept and Dismiss buttons that do
 * what 'rapport inbox accept|dismiss N' does (method/inbox.h). An
 * interview whose message gives no time asks for one in its Accept form.
 */
#include "web/pages.h"

#include <stdio.h>

#include "core/text.h"
#include "method/inbox.h"
#include "web/form.h"
#include "web/ui.h"

/* What each kind of proposal is, as a heading says it. */
static const char *const kind_titles[] = {
	[PROPOSE_REJECT] = "A rejection",
	[PROPOSE_OFFER] = "An offer",
	[PROPOSE_INTERVIEW] = "An interview invitation",
	[PROPOSE_INFO_REQUEST] = "A request for information",
	[PROPOSE_RECEIVED] = "Your application, received",
	[PROPOSE_ADD_PERSON] = "Someone new writes",
	[PROPOSE_TASK_DONE] = "An e-mail you sent",
};

static void proposal_heading(struct strbuf *sb, const struct mail_proposal *p)
{
	strbuf_addstr(sb, "<h2>");
	html_text(sb, (size_t)p->kind < ARRAY_SIZE(kind_titles) && kind_titles[p->kind]
			      ? kind_titles[p->kind]
			      : "A proposal");
	strbuf_addstr(sb, "</h2>\n<p class=\"meta\">");
	if (p->person.id)
		ui_person_link(sb, p->person.id, p->person.name);
	else
		html_text(sb, p->name);
	if (p->opp.id) {
		strbuf_addstr(sb, " · ");
		ui_opp_link(sb, &p->opp);
	}
	strbuf_addstr(sb, " · ");
	ui_when(sb, p->sent);
	strbuf_addstr(sb, "</p>\n");
}

/* The message: its subject, and the phrase that revealed what it means. */
static void proposal_message(struct strbuf *sb, const struct mail_proposal *p)
{
	strbuf_addstr(sb, "<p>“");
	html_text(sb, p->subject);
	strbuf_addstr(sb, "”</p>\n");
	if (p->phrase) {
		strbuf_addstr(sb, "<p class=\"meta\">Matched: “");
		html_text(sb, p->phrase);
		strbuf_addstr(sb, "”</p>\n");
	}
}

/* The proposal a POST's address names; 0 on a GET. */
static int64_t posted_id(const struct web_req *rq)
{
	long v;

	if (!rq->arg[0] || text_parse_int("id", rq->arg[0], 1, 999999999999L, &v, NULL))
		return 0;
	return v;
}

/* "move <a>Quartz Data: Data Engineer</a> to rejected": the opportunity by
 * its name and a link, or "its opportunity" when the message had none. */
static void move_text(struct strbuf *sb, const struct mail_proposal *p, const char *to)
{
	strbuf_addstr(sb, "move ");
	if (p->opp.id)
		ui_opp_link(sb, &p->opp);
	else
		strbuf_addstr(sb, "its opportunity (say which)");
	strbuf_addf(sb, " to %s", to);
}

/* What accepting does, in words, with the opportunity and the time as the
 * other pages show them (the command line says it with inbox_effect_text). */
static void proposal_effect(struct strbuf *sb, const struct mail_proposal *p)
{
	strbuf_addstr(sb, "<p>Accept to ");
	switch (p->kind) {
	case PROPOSE_REJECT:
		move_text(sb, p, "rejected");
		break;
	case PROPOSE_OFFER:
		move_text(sb, p, "offer");
		break;
	case PROPOSE_INTERVIEW:
		strbuf_addstr(sb, "log the interview");
		if (p->at) {
			strbuf_addstr(sb, " on ");
			ui_when(sb, p->at);
		} else {
			strbuf_addstr(sb, " (the message gives no time: say when)");
		}
		break;
	case PROPOSE_INFO_REQUEST:
		strbuf_addstr(sb, "add a follow-up to answer it, due tomorrow");
		break;
	case PROPOSE_RECEIVED:
		move_text(sb, p, "applied, if it is still a lead");
		break;
	case PROPOSE_ADD_PERSON:
		strbuf_addstr(sb, "add ");
		html_text(sb, p->name ? p->name : "the sender");
		if (p->email) {
			strbuf_addstr(sb, " (");
			html_text(sb, p->email);
			strbuf_addstr(sb, ")");
		}
		strbuf_addstr(sb, " to ");
		html_text(sb, p->org_name ? p->org_name : "the organisation");
		break;
	case PROPOSE_TASK_DONE:
		strbuf_addstr(sb, "mark the task “");
		html_text(sb, p->task_title ? p->task_title : "that it does");
		strbuf_addstr(sb, "” done");
		break;
	}
	strbuf_addstr(sb, ".</p>\n");
}

static void proposal_buttons(struct strbuf *sb, const struct web_req *rq,
			     const struct mail_proposal *p)
{
	char action[64], id[32];

	proposal_effect(sb, p);
	strbuf_addstr(sb, "<div class=\"actions\">\n");
	snprintf(action, sizeof(action), "/inbox/%lld/accept", (long long)p->id);
	if (p->kind == PROPOSE_INTERVIEW && !p->at) {
		snprintf(id, sizeof(id), "p%lld", (long long)p->id);
		/* posted: the address names this proposal, and its errors show */
		const struct ui_form f = { .rq = rq, .key = id,
					   .active = rq->post && posted_id(rq) == p->id };
		ui_form_begin(sb, rq, action, "inline");
		ui_form_input(sb, &f, "datetime-local", "at", "When", NULL, UI_REQUIRED);
		ui_form_end(sb, "Accept");
	} else {
		ui_button_form(sb, rq, action, "Accept", "primary", NULL);
	}
	snprintf(action, sizeof(action), "/inbox/%lld/dismiss", (long long)p->id);
	ui_button_form(sb, rq, action, "Dismiss", "secondary", NULL);
	strbuf_addstr(sb, "</div>\n");
}

static void proposal_card(struct strbuf *sb, const struct web_req *rq,
			  const struct mail_proposal *p)
{
	strbuf_addf(sb, "<section class=\"card\" id=\"proposal-%lld\">\n", (long long)p->id);
	proposal_heading(sb, p);
	proposal_message(sb, p);
	proposal_buttons(sb, rq, p);
	strbuf_addstr(sb, "</section>\n");
}

int inbox_page(struct web_req *rq, struct web_resp *rs, const struct strbuf *result)
{
	mail_proposal_vec v = { 0 };
	struct strbuf *sb = &rs->body;
	int rc = store_proposal_open(rq->store, &v, &rq->err);

	if (rc) {
		mail_proposal_vec_release(&v);
		return rc;
	}
	ui_page_begin(rs, rq, "Inbox", NAV_NONE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Inbox</h1><p class=\"meta\">What your "
			  "mail proposes. Nothing changes until you accept.</p></div>\n");
	ui_form_errors(sb, rq);
	if (result)
		strbuf_add(sb, result->buf, result->len);
	web_mail_card(sb, rq);
	if (!v.n)
		ui_empty_state(sb, "Nothing to look at. When rapport reads your mail (Check "
				   "mail or a file above, or <code>rapport mail import</code> and "
				   "<code>rapport mail sync</code>), a reply that says no, invites you to an interview, "
				   "makes an offer or asks for something is proposed here, and so "
				   "is a new person writing from an organisation you know. You "
				   "decide: accepting moves the opportunity or logs the interview, "
				   "and the playbooks follow as if you had done it by hand.",
			       NULL, NULL);
	for (size_t i = 0; i < v.n; i++)
		proposal_card(sb, rq, &v.items[i]);
	ui_page_end(rs);
	mail_proposal_vec_release(&v);
	return 0;
}

int page_inbox(struct web_req *rq, struct web_resp *rs)
{
	return inbox_page(rq, rs, NULL);
}

int post_inbox_accept(struct web_req *rq, struct web_resp *rs)
{
	struct inbox_accept_options o = { 0 };
	char at[DATE_BUFSZ] = "";
	int64_t id;
	int rc = ui_parse_id(rq, rq->arg[0], &id);

	if (rc)
		return rc;
	if (!form_interaction_when(rq, "at", at))
		return ui_post_end(rq, rs, 0, page_inbox, "/inbox");
	o.at = at[0] ? at : NULL;
	rc = form_error(rq, inbox_accept(rq->store, rq->pb, id, &o, &rq->err), "");
	return ui_post_end(rq, rs, rc, page_inbox, "/inbox");
}

int post_inbox_dismiss(struct web_req *rq, struct web_resp *rs)
{
	int64_t id;
	int rc = ui_parse_id(rq, rq->arg[0], &id);

	if (rc)
		return rc;
	rc = form_error(rq, inbox_dismiss(rq->store, id, &rq->err), "");
	return ui_post_end(rq, rs, rc, page_inbox, "/inbox");
}
