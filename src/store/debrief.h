/*
 * debrief.h: what the user learnt from an interview (the questions asked and
 * the answers, what went well, what to refine, the chemistry), the feedback
 * people gave, and the improvement actions that follow from it.
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in;
 * writes inside store_begin_write()/store_commit().
 */
#ifndef RAPPORT_STORE_DEBRIEF_H
#define RAPPORT_STORE_DEBRIEF_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "core/debrief.h"
#include "store/store.h"
#include "util/error.h"

/* ---- debriefs ---- */

/* Insert the debrief and every question in d->asked (their evidence made by
 * the caller, with store_want_mark); the ids are filled in. */
int store_debrief_add(struct store *s, struct debrief *d, struct error *err);
int store_debrief_get(struct store *s, int64_t id, struct debrief *out, struct error *err);
/* An opportunity's debriefs (every one when opp_id is 0), oldest first, each
 * with its questions. */
int store_debrief_list(struct store *s, int64_t opp_id, debrief_vec *out, struct error *err);
/* Change what d says of the interview (went well, refine, chemistry,
 * notes); its questions, opportunity, interaction and time stay. */
int store_debrief_edit(struct store *s, const struct debrief *d, struct error *err);
/* The latest interview about an opportunity; *id is 0 when there is none. */
int store_latest_interview(struct store *s, int64_t opp_id, int64_t *id, struct error *err);
/* Rate an interaction's chemistry when it has no rating yet; *set says whether it did. */
int store_interaction_rate(struct store *s, int64_t interaction_id, int chemistry, bool *set,
			   struct error *err);

/* ---- feedback and improvement actions ---- */

int store_feedback_add(struct store *s, struct feedback *f, struct error *err);
int store_feedback_get(struct store *s, int64_t id, struct feedback *out, struct error *err);
/* Feedback about an opportunity (all of it when opp_id is 0), oldest first. */
int store_feedback_list(struct store *s, int64_t opp_id, feedback_vec *out, struct error *err);
/* The improvement actions (tasks made by "improve", or that follow feedback)
 * that follow feedback_id, or every one when it is 0: open ones by due date,
 * then the others by when they were closed. */
int store_improvement_ids(struct store *s, int64_t feedback_id, id_vec *out, struct error *err);
/* The done improvement actions that follow a person's feedback, most recently
 * done last. */
int store_improvements_done_for(struct store *s, int64_t person_id, id_vec *out,
				struct error *err);

#endif
