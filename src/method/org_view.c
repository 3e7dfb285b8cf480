/* org_view.c: an organisation's page data, read once for the CLI and the web. */
#include "method/org_view.h"

#include <string.h>

int org_view_load(struct store *s, int64_t id, struct org_view *v, struct error *err)
{
	int rc;

	memset(v, 0, sizeof(*v));
	if ((rc = store_org_get(s, id, &v->org, err)) ||
	    (rc = store_org_people(s, id, &v->people, err)) ||
	    (rc = store_org_opps(s, id, &v->opps, err)))
		org_view_release(v);
	return rc;
}

void org_view_release(struct org_view *v)
{
	org_release(&v->org);
	opp_vec_release(&v->opps);
	person_ref_vec_release(&v->people);
	memset(v, 0, sizeof(*v));
}
