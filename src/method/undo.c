/* undo.c: take back the latest change (see undo.h). */
#include "method/undo.h"

#include <stdio.h>

int undo_last(struct store *s, struct undo_entry *done, struct error *err)
{
	char why[sizeof(err->msg)];
	int rc;

	if ((rc = store_undo_latest(s, done, err)))
		return rc;
	if (!(rc = store_undo_apply(s, done->id, err)))
		return 0;
	if (rc == ERR_CONFLICT) {
		snprintf(why, sizeof(why), "%s", err->msg);
		error_set(err, rc, "cannot undo '%s': %s (by a change that is not in the undo "
				   "history); nothing was undone", done->what, why);
	}
	undo_entry_release(done);
	return rc;
}
