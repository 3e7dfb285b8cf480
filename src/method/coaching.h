/*
 * coaching.h: what a coach and a client do with the coach's view (issue
 * 20), for both front ends: a coach with `suggest` leaves a note on an
 * opportunity or a follow-up; the client accepts it (the note becomes an
 * interaction note on the opportunity, the follow-up a task) or dismisses
 * it. The rows and the walls are store/coach.h's.
 */
#ifndef RAPPORT_METHOD_COACHING_H
#define RAPPORT_METHOD_COACHING_H

#include <stdint.h>

#include "store/coach.h"

/* Where a suggestion comes from, in the tasks it becomes (task.origin). */
#define COACHING_ORIGIN "coach"

/* The signed-in coach suggests to client_id: kind "note" (on opp_id) or
 * "follow-up" (due: a WHEN, "2026-03-05", "+3d"; opp_id and person_id
 * optional, 0 for none). ERR_INVALID for a kind, text or day that will not
 * do; ERR_CONFLICT when the grant is only `read`; ERR_NOT_FOUND when the
 * opportunity or the person is not the client's. */
int coaching_suggest(struct store *s, int64_t client_id, const char *kind, int64_t opp_id,
		     int64_t person_id, const char *text, const char *due, int64_t *id,
		     struct error *err);
/* The client accepts the open suggestion id, in the caller's write
 * transaction: *made is the interaction's or the task's id. */
int coaching_accept(struct store *s, int64_t id, int64_t *made, struct error *err);
int coaching_dismiss(struct store *s, int64_t id, struct error *err);

#endif
