/*
 * wants.h: what the user wants from a job, where each want stands on each
 * opportunity (with the evidence), and the question bank that verifies them.
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in;
 * writes inside store_begin_write()/store_commit().
 */
#ifndef RAPPORT_STORE_WANTS_H
#define RAPPORT_STORE_WANTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
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

/* ---- wants ---- */

/* A want by id, or by its text: exactly (case-insensitive), else the only
 * want whose text contains ref. */
int store_want_resolve(struct store *s, const char *ref, int64_t *id, struct error *err);
int store_want_add(struct store *s, struct want *w, struct error *err);
int store_want_get(struct store *s, int64_t id, struct want *out, struct error *err);
int store_want_update(struct store *s, const struct want *w, struct error *err);
/* Every want, heaviest first (must-haves before others of the same weight). */
int store_want_list(struct store *s, want_vec *out, struct error *err);
/* How many pieces of evidence refer to a want. */
int store_want_uses(struct store *s, int64_t id, int64_t *n, struct error *err);
int store_want_delete(struct store *s, int64_t id, struct error *err);

/* Record evidence (e->id receives the new id). */
int store_want_mark(struct store *s, struct want_evidence *e, struct error *err);
/* Every want as it stands on an opportunity, heaviest first. */
int store_want_standings(struct store *s, int64_t opp_id, want_standing_vec *out,
			 struct error *err);
/* The latest status of every want on every opportunity that has evidence:
 * fn(ctx, opp_id, want_id, status) for each, by opportunity. */
typedef void (*want_status_fn)(void *ctx, int64_t opp_id, int64_t want_id,
			       enum want_status status);
int store_want_statuses(struct store *s, want_status_fn fn, void *ctx, struct error *err);

/* ---- questions ---- */

/* What question list keeps: a zero mask or id means no filter. */
struct question_filter {
	unsigned stages, audiences, categories;
	int64_t want_id; /* questions that verify this want (by id or category) */
	const char *text; /* containing this text (case-insensitive) */
};

int store_question_add(struct store *s, struct question *q, struct error *err);
int store_question_get(struct store *s, int64_t id, struct question *out, struct error *err);
/* Replaces the text, the masks and the wants. */
int store_question_update(struct store *s, const struct question *q, struct error *err);
int store_question_delete(struct store *s, int64_t id, struct error *err);
/* Questions by id; a question matches a mask when it shares a bit with it. */
int store_question_list(struct store *s, const struct question_filter *f, question_vec *out,
			struct error *err);
/* The ids of the questions already asked at an opportunity, ascending. */
int store_questions_asked(struct store *s, int64_t opp_id, id_vec *out,
			  struct error *err);
/* Insert the built-in bank (data/questions.ini) into an empty question
 * table: run once, when the database is created or upgraded. */
int store_seed_questions(struct store *s, struct error *err);

#endif
