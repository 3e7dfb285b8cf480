/* actions.c: the user's actions with the playbooks' answer (see actions.h). */
#include "method/actions.h"

#include "method/playbook_run.h"
#include "util/xalloc.h"

int action_log(struct store *s, const struct playbook *pb, struct interaction *it,
	       struct error *err)
{
	int rc = store_interaction_add(s, it, err);

	return rc ? rc : playbooks_on_interaction(s, pb, it, err);
}

/* The interaction a done follow-up stands for: an e-mail sent, a call made. */
static int log_contact(struct store *s, const struct playbook *pb, const struct task *t,
		       struct error *err)
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
	rc = action_log(s, pb, &it, err);
	interaction_release(&it);
	return rc;
}

int action_task_close(struct store *s, const struct playbook *pb, int64_t id,
		      enum task_status status, bool log, struct error *err)
{
	struct task t = { 0 };
	int rc;

	if ((rc = store_task_close(s, id, status, err)) || status != TASK_DONE)
		return rc;
	if (!(rc = store_task_get(s, id, &t, err)) && log)
		rc = log_contact(s, pb, &t, err);
	if (!rc)
		rc = playbooks_on_done(s, pb, id, err);
	task_release(&t);
	return rc;
}

int action_opp_move(struct store *s, const struct playbook *pb, int64_t id, enum stage to,
		    const char *note, struct error *err)
{
	int rc = store_opp_move(s, id, to, note, err);

	return rc ? rc : playbooks_on_stage(s, pb, id, err);
}
