/* inbox.c: accepting and dismissing what read mail proposes (see inbox.h). */
#include "method/inbox.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "io/mail_parse.h"
#include "method/actions.h"
#include "util/xalloc.h"

void inbox_effect_text(const struct mail_proposal *p, struct strbuf *sb)
{
	const char *opp = p->opp.slug ? p->opp.slug : "its opportunity";

	switch (p->kind) {
	case PROPOSE_REJECT:
		strbuf_addf(sb, "move %s to rejected", opp);
		break;
	case PROPOSE_OFFER:
		strbuf_addf(sb, "move %s to offer", opp);
		break;
	case PROPOSE_INTERVIEW:
		if (p->at)
			strbuf_addf(sb, "log an interview on %s", p->at);
		else
			strbuf_addstr(sb, "log an interview (the message gives no time: say when)");
		break;
	case PROPOSE_INFO_REQUEST:
		strbuf_addstr(sb, "add a follow-up to answer it, due tomorrow");
		break;
	case PROPOSE_RECEIVED:
		strbuf_addf(sb, "move %s to applied if it is still a lead", opp);
		break;
	case PROPOSE_ADD_PERSON:
		strbuf_addf(sb, "add %s <%s> to %s", p->name ? p->name : "the sender",
			    p->email ? p->email : "", p->org_name ? p->org_name : "the organisation");
		break;
	case PROPOSE_TASK_DONE:
		strbuf_addf(sb, "mark task %lld done (%s)", (long long)p->task_id,
			    p->task_title ? p->task_title : "the e-mail sent does it");
		break;
	}
}

/* ---- applying each kind ---- */

static int need_opp(const struct mail_proposal *p, int64_t opp, struct error *err)
{
	if (opp)
		return 0;
	return error_set(err, ERR_INVALID,
			 "proposal %lld names no opportunity: say which with --opp",
			 (long long)p->id);
}

static int move_opp(struct store *s, const struct playbook *pb, const struct mail_proposal *p,
		    int64_t opp, enum stage to, struct error *err)
{
	struct strbuf note = STRBUF_INIT;
	int rc = need_opp(p, opp, err);

	strbuf_addf(&note, "e-mail of %.10s: %s", p->sent, p->subject);
	if (!rc)
		rc = action_opp_move(s, pb, opp, to, note.buf, err);
	strbuf_release(&note);
	return rc;
}

static int log_interview(struct store *s, const struct playbook *pb,
			 const struct mail_proposal *p, int64_t opp, const char *at,
			 struct error *err)
{
	struct interaction it = { .kind = IKIND_INTERVIEW, .direction = DIR_OUT,
				  .chemistry = -1 };
	struct strbuf summary = STRBUF_INIT;
	int rc;

	if (!at)
		return error_set(err, ERR_INVALID,
				 "proposal %lld gives no time for the interview: say when with --at",
				 (long long)p->id);
	strbuf_addf(&summary, "Interview (invited by e-mail: %s)", p->subject);
	it.summary = mail_clean_text(summary.buf, true, TEXT_LINE_MAX); /* whole characters */
	it.at = xstrdup(at);
	it.opp.id = opp;
	if (p->person.id)
		VEC_PUSH(&it.people)->id = p->person.id;
	if (!(rc = interaction_validate(&it, err)))
		rc = action_log(s, pb, &it, false, NULL, err);
	interaction_release(&it);
	strbuf_release(&summary);
	return rc;
}

static int answer_task(struct store *s, const struct mail_proposal *p, int64_t opp,
		       struct error *err)
{
	struct task t = { .kind = TKIND_EMAIL, .status = TASK_OPEN };
	struct datetime now = *store_now(s); /* the session's now, as every action's */
	char due[DATE_BUFSZ];
	struct strbuf sb = STRBUF_INIT;
	int rc;

	date_add_days(&now, 1);
	date_format_day(&now, due);
	strbuf_addf(&sb, "Answer the request for information: %s", p->subject);
	t.title = mail_clean_text(sb.buf, true, TEXT_LINE_MAX);
	t.due = xstrdup(due);
	t.person.id = p->person.id;
	t.opp.id = opp;
	t.origin = xstrdup("mail");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "asked by e-mail on %.10s", p->sent);
	t.why = strbuf_detach(&sb);
	rc = store_task_add(s, &t, err);
	task_release(&t);
	return rc;
}

/* An applicant tracking system's receipt: the application is sent. */
static int received(struct store *s, const struct playbook *pb, const struct mail_proposal *p,
		    int64_t opp, struct error *err)
{
	struct opp o = { 0 };
	int rc = opp ? store_opp_get(s, opp, &o, err) : 0;

	if (!rc && opp && o.stage == STAGE_LEAD)
		rc = move_opp(s, pb, p, opp, STAGE_APPLIED, err);
	opp_release(&o);
	return rc;
}

static int add_person(struct store *s, const struct mail_proposal *p, struct error *err)
{
	struct person person = { .rapport = -1, .cadence = -1 };
	int rc;

	person.name = xstrdup(p->name);
	person.email = xstrdup_or_null(p->email);
	person.org_id = p->org_id;
	rc = store_person_add(s, &person, err);
	person_release(&person);
	return rc;
}

/* The e-mail that does the task is logged already: the task is closed
 * without logging it again. One closed since (by hand) stays as it is. */
static int task_done(struct store *s, const struct playbook *pb, const struct mail_proposal *p,
		     struct error *err)
{
	struct task t = { 0 };
	int rc = store_task_get(s, p->task_id, &t, err);

	if (!rc && t.status == TASK_OPEN)
		rc = action_task_close(s, pb, p->task_id, TASK_DONE, false, err);
	task_release(&t);
	return rc;
}

static int apply(struct store *s, const struct playbook *pb, const struct mail_proposal *p,
		 const struct inbox_accept_options *o, struct error *err)
{
	int64_t opp = o->opp_id ? o->opp_id : p->opp.id;

	switch (p->kind) {
	case PROPOSE_REJECT:
		return move_opp(s, pb, p, opp, STAGE_REJECTED, err);
	case PROPOSE_OFFER:
		return move_opp(s, pb, p, opp, STAGE_OFFER, err);
	case PROPOSE_INTERVIEW:
		return log_interview(s, pb, p, opp, o->at ? o->at : p->at, err);
	case PROPOSE_INFO_REQUEST:
		return answer_task(s, p, opp, err);
	case PROPOSE_RECEIVED:
		return received(s, pb, p, opp, err);
	case PROPOSE_ADD_PERSON:
		return add_person(s, p, err);
	case PROPOSE_TASK_DONE:
		return task_done(s, pb, p, err);
	}
	return error_set(err, ERR_INVALID, "proposal %lld is of no known kind", (long long)p->id);
}

/* Proposal id, which must be open. */
static int get_open(struct store *s, int64_t id, struct mail_proposal *p, struct error *err)
{
	int rc = store_proposal_get(s, id, p, err);

	if (!rc && p->status != PROPOSAL_OPEN)
		rc = error_set(err, ERR_CONFLICT, "proposal %lld is already %s", (long long)id,
			       enum_name(&proposal_status_def, (int)p->status));
	return rc;
}

int inbox_accept(struct store *s, const struct playbook *pb, int64_t id,
		 const struct inbox_accept_options *o, struct error *err)
{
	struct mail_proposal p = { 0 };
	int rc = get_open(s, id, &p, err);

	if (!rc)
		rc = apply(s, pb, &p, o, err);
	if (!rc)
		rc = store_proposal_close(s, id, PROPOSAL_ACCEPTED, err);
	mail_proposal_release(&p);
	return rc;
}

int inbox_dismiss(struct store *s, int64_t id, struct error *err)
{
	struct mail_proposal p = { 0 };
	int rc = get_open(s, id, &p, err);

	if (!rc)
		rc = store_proposal_close(s, id, PROPOSAL_DISMISSED, err);
	mail_proposal_release(&p);
	return rc;
}
