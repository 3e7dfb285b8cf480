/*
 * remove.h: taking records out, and putting two records that are the same
 * person or organisation together (issue 16, "mistakes can be taken back").
 *
 * Removing a record says first what goes with it (store_remove_impact):
 * what is part of the record itself (an opportunity's stage history, a
 * person's tags) and what else goes or loses its link to it (an
 * opportunity's tasks and offers; the interactions that stay, unlinked).
 * The callers refuse to remove a record that takes anything else with it
 * unless the user insists (method/remove_actions.h). Every function runs
 * in the caller's write transaction; the search index follows by triggers.
 */
#ifndef RAPPORT_STORE_REMOVE_H
#define RAPPORT_STORE_REMOVE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum record_kind {
	REC_ORG, REC_PERSON, REC_OPP, REC_TASK, REC_INTERACTION, REC_FEEDBACK, REC_OFFER,
	REC_DEBRIEF,
};
/* "organisation", "person", ... as the messages name it. */
const char *record_kind_name(enum record_kind kind);

/* One kind of thing that goes with a record, or loses its link to it. */
struct remove_part {
	const char *one, *many; /* "task", "tasks" */
	int64_t n;
	bool unlinked; /* it stays, without its link to the record */
	bool own;      /* part of the record itself: needs no insisting */
};
#define REMOVE_PARTS_MAX 24
struct remove_impact {
	struct remove_part parts[REMOVE_PARTS_MAX];
	size_t n;
};
/* Does anything besides the record's own parts go or lose its link? */
bool remove_impact_reaches(const struct remove_impact *im);

/* What removing the record would take (ERR_NOT_FOUND when there is none).
 * An organisation's counts include what its people and opportunities take
 * (all of it, none of it its own: it needs insisting). */
int store_remove_impact(struct store *s, enum record_kind kind, int64_t id,
			struct remove_impact *out, struct error *err);
/* Remove the record and everything its impact names. An organisation goes
 * with its opportunities and people (each as they would go alone). */
int store_remove(struct store *s, enum record_kind kind, int64_t id, struct error *err);


/* End the open follow-ups the rules made for interaction id (skipped, why
 * added to their reason) and make the rules forget it. */
int store_end_interaction_rules(struct store *s, int64_t id, const char *why,
				struct error *err);
/* Move interaction id to the date-time at (its people's copies of it and
 * their last contact follow). ERR_NOT_FOUND when there is none. */
int store_interaction_move(struct store *s, int64_t id, const char *at, struct error *err);

/* ---- merging ---- */

/* What a merge moved onto the record kept. */
struct merge_outcome {
	int64_t interactions, opps, tasks, feedback, marks, tags; /* a person's */
	int64_t people;                                           /* an organisation's */
	int64_t fields; /* fields the kept one lacked, filled from the other */
};
/* Merge person other into keep: every link of other's becomes keep's (a
 * link both had is kept once), the fields keep lacks come from other, the
 * notes are joined; then other is removed. */
int store_person_merge(struct store *s, int64_t keep, int64_t other, struct merge_outcome *out,
		       struct error *err);
/* Merge organisation other into keep: its people and opportunities move. */
int store_org_merge(struct store *s, int64_t keep, int64_t other, struct merge_outcome *out,
		    struct error *err);

/* ---- reopening a task ---- */

/* The interaction marking the task done logged (0: none). */
int store_task_logged(struct store *s, int64_t task_id, int64_t *interaction_id,
		      struct error *err);
int store_task_set_logged(struct store *s, int64_t task_id, int64_t interaction_id,
			  struct error *err);
/* Open a done or skipped task again (ERR_CONFLICT when it is open). */
int store_task_reopen(struct store *s, int64_t task_id, struct error *err);

#endif
