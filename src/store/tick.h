/*
 * tick.h: remembering that the time rules have nothing to do.
 *
 * The time rules (playbooks_tick) are a function of the data, the day and
 * the rules themselves; when a run of them changed nothing, another run on
 * the same data, the same day, with the same rules changes nothing either.
 * So such a run leaves a mark, its key (the day and the rules, see
 * playbook_run.c), in the table tick_state, and the next run that finds its
 * own key there has nothing to do. Triggers on every table the rules read
 * delete the mark (schema.c, migration 4): any change to their data, by
 * rapport or anything else, makes the next run a full one.
 */
#ifndef RAPPORT_TICK_H
#define RAPPORT_TICK_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Is key the mark left by a run that changed nothing, with no change since?
 * (false also in a database without the table: the rules then always run) */
int store_tick_is_current(struct store *s, const char *key, bool *current, struct error *err);
/* Leave key as the mark (in the current write transaction). */
int store_tick_mark(struct store *s, const char *key, struct error *err);
/* How many rows this connection has inserted, updated or deleted so far
 * (triggers' included): a run that leaves it as it was changed nothing. */
int64_t store_changes(struct store *s);

#endif
