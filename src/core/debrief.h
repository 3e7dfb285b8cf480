/*
 * debrief.h: the records of a debrief (the questions asked at an interview and the
 * answers), and of feedback; their checks. (store/debrief.h reads and
 * writes them.)
 */
#ifndef RAPPORT_CORE_DEBRIEF_H
#define RAPPORT_CORE_DEBRIEF_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
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

#endif
