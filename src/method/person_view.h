/*
 * person_view.h: everything a person's page shows, gathered once for both
 * front ends ('rapport person show' and /people/ID).
 */
#ifndef RAPPORT_PERSON_VIEW_H
#define RAPPORT_PERSON_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "store/browse.h"
#include "store/store.h"
#include "util/error.h"

struct person_view {
	struct person person;
	interaction_vec interactions; /* the newest (see load), newest first */
	int64_t interactions_total;   /* every interaction, shown or not */
	task_vec tasks;               /* the open ones */
	person_opp_vec opps;          /* linked, open ones first, newest first */
};

/* Fill v for person id: the newest TIMELINE_NEWEST interactions
 * (method/timeline.h), every one when whole_timeline. A missing person is
 * ERR_NOT_FOUND. On failure v holds nothing. */
int person_view_load(struct store *s, int64_t id, bool whole_timeline, struct person_view *v,
		     struct error *err);
/* Free what v holds and zero it; safe on a zeroed or released view. */
void person_view_release(struct person_view *v);

#endif
