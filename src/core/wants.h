/*
 * wants.h: the records of the user's wants, of the evidence of where each
 * stands on an opportunity, and of the question bank; their checks.
 * (store/wants.h reads and writes them.)
 */
#ifndef RAPPORT_CORE_WANTS_H
#define RAPPORT_CORE_WANTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "util/error.h"

struct want {
	int64_t id;
	char *text;
	int weight;   /* 1-5 */
	bool must;    /* a must-have: unmet, it breaks the deal */
	int category; /* enum want_category, or -1 */
	char *created_at, *updated_at;
};

/* One piece of evidence: on an opportunity, a want was found to be status. */
struct want_evidence {
	int64_t id;
	int64_t opp_id, want_id;
	enum want_status status;
	struct person_ref by;   /* who said it; id 0 when unknown */
	int64_t interaction_id; /* 0 when none */
	char *note;
	char *at; /* the day it was learnt: the interaction's day, else today */
	char *created_at;
};

/* A want as it stands on one opportunity: its latest evidence's status
 * (unknown without any), and every piece of evidence, oldest first. */
struct want_standing {
	struct want want;
	enum want_status status;
	VEC(struct want_evidence) evidence;
	/* Not stored: why the status was judged from the opportunity's figures
	 * ("offer base 78k < 80k"; see method/salary_want.h), or NULL. */
	char *judged;
};

struct question {
	int64_t id;
	char *key; /* the built-in question's name, or NULL for the user's own */
	char *text;
	unsigned stages;     /* bit mask of enum question_stage */
	unsigned audiences;  /* bit mask of enum audience */
	unsigned categories; /* bit mask of enum want_category: the wants it verifies */
	id_vec wants;        /* particular wants it verifies (ids) */
	char *created_at, *updated_at;
};

typedef VEC(struct want) want_vec;
typedef VEC(struct want_standing) want_standing_vec;
typedef VEC(struct question) question_vec;

void want_release(struct want *w);
void want_evidence_release(struct want_evidence *e);
void want_vec_release(want_vec *v);
void want_standing_vec_release(want_standing_vec *v);
void question_release(struct question *q);
void question_vec_release(question_vec *v);

int want_validate(const struct want *w, struct error *err);
int question_validate(const struct question *q, struct error *err);

#endif
