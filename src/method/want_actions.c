/* want_actions.c: evidence for a want, and removing one (see want_actions.h). */
#include "method/want_actions.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/wants.h"
#include "util/xalloc.h"

int action_want_mark(struct store *s, struct want_evidence *e, struct error *err)
{
	struct interaction it = { 0 };
	struct want w = { 0 };
	struct opp o = { 0 };
	char day[DATE_BUFSZ];
	int rc;

	if ((rc = store_opp_get(s, e->opp_id, &o, err)) ||
	    (rc = store_want_get(s, e->want_id, &w, err)) ||
	    (e->interaction_id && (rc = store_interaction_get(s, e->interaction_id, &it, err))))
		goto out;
	if (it.opp.id && it.opp.id != e->opp_id) {
		rc = error_set(err, ERR_INVALID, "interaction %lld is about another opportunity (%s)",
			       (long long)e->interaction_id, it.opp.slug);
		goto out;
	}
	if (e->at)
		snprintf(day, sizeof(day), "%.10s", e->at);
	else if (it.at)
		snprintf(day, sizeof(day), "%.10s", it.at);
	else
		date_format_day(store_now(s), day);
	free(e->at);
	e->at = xstrdup(day);
	rc = store_want_mark(s, e, err);
out:
	interaction_release(&it);
	want_release(&w);
	opp_release(&o);
	return rc;
}

int action_want_remove(struct store *s, int64_t id, bool force, int64_t *uses,
		       struct error *err)
{
	struct want w = { 0 };
	int rc;

	*uses = 0;
	if ((rc = store_want_get(s, id, &w, err)) || (rc = store_want_uses(s, id, uses, err)))
		goto out;
	if (*uses && !force)
		rc = error_set(err, ERR_CONFLICT, "want %lld has %lld piece%s of evidence",
			       (long long)id, (long long)*uses, *uses == 1 ? "" : "s");
	else
		rc = store_want_delete(s, id, err);
out:
	want_release(&w);
	return rc;
}
