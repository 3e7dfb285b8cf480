/* actions.c: the user's actions with the playbooks' answer (see actions.h). */
#include "method/actions.h"

#include <stdio.h>
#include <string.h>

#include "method/playbook_run.h"
#include "store/history.h"
#include "store/remove.h"
#include "util/xalloc.h"

/* The stage an interaction of kind on an opportunity in stage `at` moves it
 * to, or -1: an interview moves a lead, an application or a conversation to
 * interviewing; a call, meeting or video moves a lead or an application to
 * conversation. Forward only: nothing ever moves back. */
static int stage_after_interaction(enum interaction_kind kind, enum stage at)
{
	switch (kind) {
	case IKIND_INTERVIEW:
		return at <= STAGE_CONVERSATION ? STAGE_INTERVIEWING : -1;
	case IKIND_CALL:
	case IKIND_MEETING:
	case IKIND_VIDEO:
		return at <= STAGE_APPLIED ? STAGE_CONVERSATION : -1;
	default:
		return -1; /* an e-mail or a note is no conversation yet */
	}
}

/* Move the interaction's opportunity on when the interaction says it is
 * further along: an interview logged on an application that was never
 * moved would otherwise never start the silence rule. */
static int follow_log(struct store *s, const struct playbook *pb, const struct interaction *it,
		      struct log_outcome *out, struct error *err)
{
	struct opp o = { 0 };
	char note[96];
	int to, rc;

	if (!it->opp.id)
		return 0;
	if ((rc = store_opp_get(s, it->opp.id, &o, err)))
		return rc;
	to = stage_after_interaction(it->kind, o.stage);
	if (to >= 0) {
		snprintf(note, sizeof(note), "from the log: %s on %.10s",
			 enum_name(&interaction_kind_def, (int)it->kind), it->at);
		out->stage_from = (int)o.stage;
		out->stage_to = to;
		rc = action_opp_move(s, pb, it->opp.id, (enum stage)to, note, err);
	}
	opp_release(&o);
	return rc;
}

bool action_at_too_far(const struct store *s, const char *at)
{
	struct datetime limit = *store_now(s);
	char last[DATE_BUFSZ];

	date_add_days(&limit, 366); /* a year, and the day a leap year adds */
	date_format_day(&limit, last);
	return strncmp(at, last, 10) > 0;
}

/* What the interaction's rules did, for the front end to say. */
static void rules_outcome(struct log_outcome *out, const struct interaction_rules *run)
{
	out->rules = run->matched;
	out->late = run->late;
	out->planned = run->planned;
}

/* action_log, where reached says whether a call out counts as getting
 * through (not for a call task done without saying how it went). */
static int log_interaction(struct store *s, const struct playbook *pb, struct interaction *it,
			   bool history, struct log_outcome *out, bool reached, struct error *err)
{
	struct log_outcome ignored;
	struct interaction_rules run = { .reached = reached };
	int rc;

	if (!out)
		out = &ignored;
	memset(out, 0, sizeof(*out));
	out->stage_from = out->stage_to = -1;
	out->history = history;
	if (it->at && action_at_too_far(s, it->at))
		return error_set(err, ERR_INVALID, "%s is more than a year ahead", it->at);
	if ((rc = store_interaction_add(s, it, err)))
		return rc;
	if (history)
		return store_interaction_mark(s, it->id, STORE_MARK_HISTORY, err);
	if ((rc = follow_log(s, pb, it, out, err)) ||
	    (rc = playbooks_on_interaction(s, pb, it, &run, err)))
		return rc;
	rules_outcome(out, &run);
	return 0;
}

int action_interaction_move(struct store *s, const struct playbook *pb, int64_t id,
			    const char *at, struct log_outcome *out, struct error *err)
{
	struct interaction it = { 0 };
	struct interaction_rules run = { .reached = true };
	bool history;
	int rc;

	memset(out, 0, sizeof(*out));
	out->stage_from = out->stage_to = -1;
	if (action_at_too_far(s, at))
		return error_set(err, ERR_INVALID, "%s is more than a year ahead", at);
	if (store_interaction_marked(s, id, STORE_MARK_HISTORY, &history, err))
		return err->code;
	/* ending its rules forgets its marks too: history stays history */
	if (!(rc = store_interaction_move(s, id, at, err)) &&
	    !(rc = store_end_interaction_rules(s, id, "Ended: the interaction it followed was "
						     "moved to another time.", err)) &&
	    !(rc = store_contact_settle(s, id, err)) &&
	    !(rc = store_interaction_get(s, id, &it, err)))
		rc = history ? store_interaction_mark(s, id, STORE_MARK_HISTORY, err)
			     : playbooks_on_interaction(s, pb, &it, &run, err);
	interaction_release(&it);
	out->history = history;
	rules_outcome(out, &run);
	return rc;
}

int action_log(struct store *s, const struct playbook *pb, struct interaction *it, bool history,
	       struct log_outcome *out, struct error *err)
{
	return log_interaction(s, pb, it, history, out, true, err);
}

/* The interaction a done follow-up stands for: an e-mail sent, a call made. */
static int log_contact(struct store *s, const struct playbook *pb, const struct task *t,
		       bool reached, struct error *err)
{
	static const int kinds[] = {
		[TKIND_EMAIL] = IKIND_EMAIL, [TKIND_CALL] = IKIND_CALL,
		[TKIND_LETTER] = IKIND_LETTER, [TKIND_LINKEDIN] = IKIND_MESSAGE,
		[TKIND_MEETING] = IKIND_MEETING, [TKIND_REVIEW] = -1, [TKIND_LEARN] = -1,
		[TKIND_OTHER] = -1,
	};
	struct interaction it = { .direction = DIR_OUT, .chemistry = -1 };
	char when[DATE_BUFSZ];
	int rc;

	if (!t->person.id || kinds[t->kind] < 0)
		return 0;
	it.kind = (enum interaction_kind)kinds[t->kind];
	date_format(store_now(s), when);
	it.at = xstrdup(when);
	it.summary = xstrdup(t->title);
	it.opp.id = t->opp.id;
	VEC_PUSH(&it.people)->id = t->person.id;
	rc = log_interaction(s, pb, &it, false, NULL, reached, err);
	/* kept, so reopening the task takes the contact back (task reopen) */
	if (!rc)
		rc = store_task_set_logged(s, t->id, it.id, err);
	interaction_release(&it);
	return rc;
}

/* Close a task done or skipped; a done one is logged as contact (when
 * log), as reaching the person (when reached), and runs the done rules. */
static int close_task(struct store *s, const struct playbook *pb, int64_t id,
		      enum task_status status, bool log, bool reached, struct error *err)
{
	struct task t = { 0 };
	int rc;

	if ((rc = store_task_close(s, id, status, err)) || status != TASK_DONE)
		return rc;
	if (!(rc = store_task_get(s, id, &t, err)) && log)
		rc = log_contact(s, pb, &t, reached, err);
	if (!rc)
		rc = playbooks_on_done(s, pb, id, err);
	task_release(&t);
	return rc;
}

int action_task_close(struct store *s, const struct playbook *pb, int64_t id,
		      enum task_status status, bool log, struct error *err)
{
	return close_task(s, pb, id, status, log, false, err);
}

int action_call_done(struct store *s, const struct playbook *pb, int64_t id,
		     enum call_outcome outcome, struct error *err)
{
	struct task t = { 0 };
	int rc = store_task_get(s, id, &t, err);

	if (!rc && t.kind != TKIND_CALL && outcome != CALL_UNSAID)
		rc = error_set(err, ERR_INVALID, "task %lld is not a call: whether you got "
			       "through does not apply", (long long)id);
	task_release(&t);
	if (rc)
		return rc;
	return close_task(s, pb, id, TASK_DONE, outcome != CALL_NO_ANSWER,
			  outcome == CALL_REACHED, err);
}

int action_opp_move(struct store *s, const struct playbook *pb, int64_t id, enum stage to,
		    const char *note, struct error *err)
{
	int rc = store_opp_move(s, id, to, note, err);

	return rc ? rc : playbooks_on_stage(s, pb, id, err);
}
