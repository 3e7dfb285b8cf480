/*
 * history.h: interactions that start no rules yet (planned: their time has
 * not come) or ever (history: logged with --history, or imported).
 *
 * Both are kept as marks in rule_fire, the table of what the rules have done
 * for an event: a row whose rule is STORE_MARK_HISTORY or STORE_MARK_PLANNED
 * (names a playbook rule cannot take) and whose event is the interaction's
 * ("i:12"). So they travel with a backup and an export, a removed
 * interaction takes them with it, and the schema does not change.
 */
#ifndef RAPPORT_STORE_HISTORY_H
#define RAPPORT_STORE_HISTORY_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

#define STORE_MARK_HISTORY ":history" /* no rule ever starts for it */
#define STORE_MARK_PLANNED ":planned" /* its rules start once its time has passed */

int store_interaction_mark(struct store *s, int64_t id, const char *mark, struct error *err);
int store_interaction_unmark(struct store *s, int64_t id, const char *mark, struct error *err);
int store_interaction_marked(struct store *s, int64_t id, const char *mark, bool *yes,
			     struct error *err);
/* Mark as history every interaction at or before now that no rule has done
 * anything for (an import's: it was not logged, it happened). */
int store_mark_unruled_history(struct store *s, struct error *err);
/* The planned interactions whose time (store_now) has come, oldest first. */
int store_planned_due(struct store *s, id_vec *out, struct error *err);
/* Interactions after now and before `until` (YYYY-MM-DD, exclusive; NULL:
 * any), soonest first, with their people. */
int store_interactions_ahead(struct store *s, const char *until, interaction_vec *out,
			     struct error *err);
/* The last contact of the people of interaction id (0: of every interaction
 * still ahead, after rows were loaded with the insert trigger's idea of it),
 * as of now: an interaction still ahead is no contact yet. */
int store_contact_settle(struct store *s, int64_t id, struct error *err);

#endif
