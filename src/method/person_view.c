/* person_view.c: a person's page data, read once for the CLI and the web. */
#include "method/person_view.h"

#include <string.h>

#include "method/timeline.h"

int person_view_load(struct store *s, int64_t id, bool whole_timeline, struct person_view *v,
		     struct error *err)
{
	int limit = whole_timeline ? 0 : TIMELINE_NEWEST;
	int rc;

	memset(v, 0, sizeof(*v));
	if ((rc = store_person_get(s, id, &v->person, err)) ||
	    (rc = store_interactions_of_person(s, id, limit, &v->interactions,
					       &v->interactions_total, err)) ||
	    (rc = store_tasks_of_person(s, id, &v->tasks, err)) ||
	    (rc = store_person_opps(s, id, &v->opps, err)))
		person_view_release(v);
	return rc;
}

void person_view_release(struct person_view *v)
{
	person_release(&v->person);
	interaction_vec_release(&v->interactions);
	task_vec_release(&v->tasks);
	person_opp_vec_release(&v->opps);
	memset(v, 0, sizeof(*v));
}
