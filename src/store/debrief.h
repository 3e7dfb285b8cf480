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
#include "store/store.h"
#include "util/error.h"

/* A question asked at an opportunity, and the answer. */
struct asked {
	int64_t id;
	int64_t question_id; /* the bank's question, 0 for the user's own words */
	char *text;          /* the question as asked */
	char *answer;        /* NULL when not recorded */
	struct person_ref by; /* who answered; id 0 when unknown */
	int64_t evidence_id; /* the want evidence the answer recorded, 0 when none */
	/* read only: the want that evidence is about, and its status there */
	int64_t want_id;
	char *want;
	int want_status; /* enum want_status, -1 when the answer marked no want */
	char *at;
};

struct debrief {
	int64_t id;
	struct opp_ref opp;
	int64_t interaction_id;    /* 0 when none */
	char *interaction_summary; /* read only */
	char *went_well, *refine, *notes;
	int chemistry; /* 1-5, -1 when not rated */
	char *at;      /* the interaction's time, else when the debrief was written */
	char *created_at;
	VEC(struct asked) asked;
};

/* Feedback someone gave about the user (after an interview, a rejection...). */
struct feedback {
	int64_t id;
	struct opp_ref opp;    /* id 0 when none */
	struct person_ref from; /* id 0 when unknown */
	char *text;
	char *at; /* when it was given */
	char *created_at;
};

typedef VEC(struct debrief) debrief_vec;
typedef VEC(struct feedback) feedback_vec;

void asked_release(struct asked *a);
void debrief_release(struct debrief *d);
void debrief_vec_release(debrief_vec *v);
void feedback_release(struct feedback *f);
void feedback_vec_release(feedback_vec *v);

/* Texts, chemistry, the questions' texts: checked before anything is written. */
int debrief_validate(const struct debrief *d, struct error *err);
int feedback_validate(const struct feedback *f, struct error *err);

/* ---- debriefs ---- */

/* Insert the debrief and every question in d->asked (their evidence made by
 * the caller, with store_want_mark); the ids are filled in. */
int store_debrief_add(struct store *s, struct debrief *d, struct error *err);
int store_debrief_get(struct store *s, int64_t id, struct debrief *out, struct error *err);
/* An opportunity's debriefs (every one when opp_id is 0), oldest first, each
 * with its questions. */
int store_debrief_list(struct store *s, int64_t opp_id, debrief_vec *out, struct error *err);
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
