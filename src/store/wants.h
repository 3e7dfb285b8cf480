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
#include "core/wants.h"
#include "store/store.h"
#include "util/error.h"

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
/* The built-in bank, whatever the table holds: a practice's new account's
 * own (account.c), whose count a superuser's connection would not see. */
int store_seed_question_bank(struct store *s, struct error *err);

#endif
