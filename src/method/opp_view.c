/* opp_view.c: an opportunity's page data, read once for the CLI and the web. */
#include "method/opp_view.h"

#include <string.h>

#include "method/timeline.h"
#include "store/debrief.h"

/* The offer and its rounds, when there is one. */
static int load_offer(struct store *s, struct opp_view *v, struct error *err)
{
	int rc = store_offer_of_opp(s, v->opp.id, &v->offer, &v->has_offer, err);

	if (!rc && v->has_offer)
		rc = store_offer_rounds(s, v->offer.id, &v->rounds, err);
	return rc;
}

int opp_view_load(struct store *s, int64_t id, bool whole_timeline, struct opp_view *v,
		  struct error *err)
{
	int limit = whole_timeline ? 0 : TIMELINE_NEWEST;
	int rc;

	memset(v, 0, sizeof(*v));
	if ((rc = store_opp_get(s, id, &v->opp, err)) ||
	    (rc = store_opp_people(s, id, &v->people, err)) ||
	    (rc = store_opp_history(s, id, &v->history, err)) ||
	    (rc = store_interactions_of_opp(s, id, limit, &v->interactions, &v->interactions_total,
					    err)) ||
	    (rc = store_tasks_of_opp(s, id, &v->tasks, err)) ||
	    (rc = fit_standings_load(s, &v->opp, &v->wants, err)) ||
	    (rc = levels_check_opp(s, id, &v->mismatch, err)) || (rc = load_offer(s, v, err)) ||
	    (rc = store_debrief_list(s, id, &v->debriefs, err)) ||
	    (rc = store_feedback_list(s, id, &v->feedback, err))) {
		opp_view_release(v);
		return rc;
	}
	v->fit = fit_of_standings(&v->wants);
	return 0;
}

void opp_view_release(struct opp_view *v)
{
	opp_release(&v->opp);
	person_ref_vec_release(&v->people);
	stage_change_vec_release(&v->history);
	interaction_vec_release(&v->interactions);
	task_vec_release(&v->tasks);
	want_standing_vec_release(&v->wants);
	level_mismatch_release(&v->mismatch);
	offer_release(&v->offer);
	offer_round_vec_release(&v->rounds);
	debrief_vec_release(&v->debriefs);
	feedback_vec_release(&v->feedback);
	memset(v, 0, sizeof(*v));
}
