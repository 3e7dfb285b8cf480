/*
 * opp_view.h: everything an opportunity's page shows, gathered once for both
 * front ends ('rapport opp show' and /opportunities/SLUG), so that the two
 * cannot drift apart in what they read or how they filter it. Each front end
 * prints what it needs of it.
 */
#ifndef RAPPORT_OPP_VIEW_H
#define RAPPORT_OPP_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/debrief.h"
#include "method/fit.h"
#include "method/levels.h"
#include "store/offer.h"
#include "store/store.h"
#include "util/error.h"

struct opp_view {
	struct opp opp;
	person_ref_vec people;        /* linked, with their roles */
	stage_change_vec history;     /* oldest first */
	interaction_vec interactions; /* the newest (see load), oldest first */
	int64_t interactions_total;   /* every interaction, shown or not */
	task_vec tasks;               /* the open ones */
	want_standing_vec wants;      /* every want as it stands here */
	struct fit fit;               /* of wants */
	struct level_mismatch mismatch;
	bool has_offer;
	struct offer offer;     /* when has_offer */
	offer_round_vec rounds; /* the offer's negotiation, in order */
	debrief_vec debriefs;   /* oldest first */
	feedback_vec feedback;  /* oldest first */
};

/* Fill v for opportunity id: its timeline holds the newest TIMELINE_NEWEST
 * interactions (method/timeline.h), every one when whole_timeline. A missing
 * opportunity is ERR_NOT_FOUND. On failure v holds nothing. */
int opp_view_load(struct store *s, int64_t id, bool whole_timeline, struct opp_view *v,
		  struct error *err);
/* Free what v holds and zero it; safe on a zeroed or released view. */
void opp_view_release(struct opp_view *v);

#endif
