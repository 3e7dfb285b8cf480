/* opp_actions.c: adding and changing an opportunity (see opp_actions.h). */
#include "method/opp_actions.h"

#include "method/playbook_run.h"

int action_opp_add(struct store *s, const struct playbook *pb, struct opp *o,
		   struct error *err)
{
	int rc;

	if ((rc = store_opp_add(s, o, err)) || (rc = playbooks_on_stage(s, pb, o->id, err)))
		return rc;
	if (o->level_applied && o->level_offered)
		rc = playbooks_on_mismatch(s, pb, o->id, err);
	return rc;
}

int action_opp_update(struct store *s, const struct playbook *pb, struct opp *o,
		      bool levels_changed, struct error *err)
{
	int rc = store_opp_update(s, o, err);

	if (!rc && levels_changed)
		rc = playbooks_on_mismatch(s, pb, o->id, err);
	return rc;
}
