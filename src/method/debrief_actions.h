/*
 * debrief_actions.h: recording a debrief, feedback and improvement actions
 * with what follows from them: the same steps for the command line and the
 * web UI. Each runs inside the caller's write transaction; on an error the
 * caller rolls back and nothing is left.
 */
#ifndef RAPPORT_DEBRIEF_ACTIONS_H
#define RAPPORT_DEBRIEF_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "method/playbook.h"
#include "store/debrief.h"
#include "store/store.h"

/* A want an answer settles: d->asked.items[answer] becomes its evidence. */
struct debrief_mark {
	size_t answer;
	int64_t want_id;
	enum want_status status;
};

/* Check that interaction id (0: none) may be debriefed on opp_id: it must
 * exist and be about that opportunity or about none (ERR_INVALID
 * "interaction N is about another opportunity (slug)"). out (may be NULL)
 * receives it. */
int debrief_interaction_check(struct store *s, int64_t opp_id, int64_t id,
			      struct interaction *out, struct error *err);
/* Who answered, unless the user says: the interaction's only participant;
 * 0 when it had several or none (it may be NULL). */
int64_t debrief_default_person(const struct interaction *it);
/* Record d (d->id is set; d->at must be set): first the evidence each mark
 * gives (who answered, the answer, or the question when there is none, as
 * its note, the debrief's day, its interaction), then the debrief with its
 * questions, then its chemistry on the interaction when that has none
 * (*rated says so). A debrief that records nothing, a mark on a question
 * that is not there or a second mark on one answer is ERR_INVALID. */
int action_debrief_add(struct store *s, struct debrief *d, const struct debrief_mark *marks,
		       size_t nmarks, bool *rated, struct error *err);

/* Record feedback f (f->id is set; f->at NULL means now): from someone who
 * exists (ERR_INVALID "say who gave the feedback" when f->from.id is 0). */
int action_feedback_add(struct store *s, struct feedback *f, struct error *err);
/* Add an improvement action t (a learn task, origin "improve"; t->id is
 * set; t->due must be set). With feedback_id, it follows that feedback: it
 * is for the person who gave it, on its opportunity, with a why that quotes
 * it, so finishing it proposes a progress update to them. */
int action_improve_add(struct store *s, struct task *t, int64_t feedback_id,
		       struct error *err);
/* The improvement actions that follow a piece of feedback (every one when
 * feedback_id is 0), in the order of store_improvement_ids(). */
int improvement_tasks(struct store *s, int64_t feedback_id, task_vec *out, struct error *err);
/* Mark improvement action id done (action_task_close). When it follows
 * feedback, the playbooks propose a progress update to whoever gave it:
 * *update is that task's id, 0 when none was made. */
int action_improve_done(struct store *s, const struct playbook *pb, int64_t id,
			int64_t *update, struct error *err);

#endif
