/*
 * want_actions.h: recording where a want stands on an opportunity, and
 * removing a want: the same rules for the command line and the web UI.
 * Each runs inside the caller's write transaction.
 */
#ifndef RAPPORT_WANT_ACTIONS_H
#define RAPPORT_WANT_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/wants.h"

/* Record e (e->id is set): the want e->want_id on the opportunity e->opp_id
 * (both must exist) is e->status. e->interaction_id (0: none) must exist and
 * be about that opportunity or about none (ERR_INVALID "interaction N is
 * about another opportunity (slug)"). e->at is cut to its day; NULL means
 * the interaction's day, else today. */
int action_want_mark(struct store *s, struct want_evidence *e, struct error *err);
/* Remove a want. While evidence refers to it (*uses pieces), only with
 * force, which removes the evidence too; else ERR_CONFLICT "want N has K
 * pieces of evidence". */
int action_want_remove(struct store *s, int64_t id, bool force, int64_t *uses,
		       struct error *err);

#endif
