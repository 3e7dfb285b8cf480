/*
 * remove_actions.h: removing a record, merging two, reopening a task: the
 * steps the command line and the web UI share (issue 16). Each runs in the
 * caller's write transaction; on an error nothing has been written.
 */
#ifndef RAPPORT_REMOVE_ACTIONS_H
#define RAPPORT_REMOVE_ACTIONS_H

#include <stdbool.h>

#include "method/playbook.h"
#include "store/remove.h"
#include "util/strbuf.h"

/* Remove a record. When it takes anything besides its own parts (see
 * store/remove.h) and force is false, nothing is removed: ERR_CONFLICT,
 * and *im says what would go. *im is filled in either case. An offer's
 * open deadline follow-ups are skipped. */
int action_remove(struct store *s, const struct playbook *pb, enum record_kind kind, int64_t id,
		  bool force, struct remove_impact *im, struct error *err);
/* What goes: "2 tasks, 1 offer; 3 interactions stay, unlinked". Only what
 * needs insisting unless own_too; nothing is written when nothing goes. */
void remove_impact_describe(struct strbuf *sb, const struct remove_impact *im, bool own_too);
/* What went, after the record: " with 2 tasks, 1 offer; unlinked (kept) 3
 * interactions" (nothing when nothing went). */
void remove_impact_done(struct strbuf *sb, const struct remove_impact *im);

/* What reopening a task did. */
struct reopen_outcome {
	int64_t interaction_id; /* the contact taken back (0: none) */
	int was;                /* enum task_status it had */
};
/* Open a done or skipped task again. A done task that logged a contact
 * (an e-mail sent, a call made) takes it back: the interaction goes and
 * its people's last contact is what it was. What the rules did when it was
 * done (a next step, a chain ended) stays. */
int action_task_reopen(struct store *s, int64_t id, struct reopen_outcome *out,
		       struct error *err);

#endif
