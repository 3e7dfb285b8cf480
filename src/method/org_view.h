/*
 * org_view.h: everything an organisation's page shows, gathered once for
 * both front ends ('rapport org show' and /orgs/ID).
 */
#ifndef RAPPORT_ORG_VIEW_H
#define RAPPORT_ORG_VIEW_H

#include <stdint.h>

#include "store/store.h"
#include "util/error.h"

struct org_view {
	struct org org;
	opp_vec opps;          /* its opportunities */
	person_ref_vec people; /* its people */
};

/* Fill v for organisation id; a missing one is ERR_NOT_FOUND. On failure v
 * holds nothing. */
int org_view_load(struct store *s, int64_t id, struct org_view *v, struct error *err);
/* Free what v holds and zero it; safe on a zeroed or released view. */
void org_view_release(struct org_view *v);

#endif
