/*
 * opp_actions.h: adding and changing an opportunity with the playbooks'
 * answer, the same steps for the command line and the web UI (after
 * actions.h, which moves one). Each runs inside the caller's write
 * transaction; on an error the caller rolls back and nothing is left.
 */
#ifndef RAPPORT_OPP_ACTIONS_H
#define RAPPORT_OPP_ACTIONS_H

#include <stdbool.h>

#include "method/playbook.h"
#include "store/store.h"

/* Add o (o->id and o->slug are set) and run the rules of the stage it
 * starts in; when it is given both a level applied for and a level offered,
 * the mismatch rules too. */
int action_opp_add(struct store *s, const struct playbook *pb, struct opp *o,
		   struct error *err);
/* Save o's fields (not its stage: see action_opp_move); when levels_changed
 * (its level applied for or offered was given anew), run the mismatch rules. */
int action_opp_update(struct store *s, const struct playbook *pb, struct opp *o,
		      bool levels_changed, struct error *err);

#endif
