/*
 * offer.h: an opportunity's offer (at most one) and its negotiation rounds.
 *
 * The offer holds the current terms; each round records what you asked for
 * or what they answered, in order. A reply's terms become the offer's (the
 * command does that, see cli/cmd_offer.c); a round never changes afterwards.
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in;
 * writes inside store_begin_write()/store_commit().
 */
#ifndef RAPPORT_STORE_OFFER_H
#define RAPPORT_STORE_OFFER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
#include "util/error.h"

/* Terms an offer or a round may state; -1 or NULL when it does not say. */
struct offer_terms {
	int64_t base, bonus;               /* a year's pay */
	char *equity, *title, *level;      /* free text */
	char *start;                       /* YYYY-MM-DD */
};

#define OFFER_TERMS_INIT { -1, -1, NULL, NULL, NULL, NULL }

struct offer {
	int64_t id, opp_id;
	struct offer_terms terms;
	char *deadline;                    /* YYYY-MM-DD, or NULL */
	char *benefits, *notes;
	struct opp_ref opp;                /* read only */
	char *created_at, *updated_at;
};

struct offer_round {
	int64_t id, offer_id;
	enum offer_side side;
	struct offer_terms terms;
	char *text;                        /* in words: "asked to combine it with the BI role" */
	char *at;                          /* YYYY-MM-DD or YYYY-MM-DDTHH:MM */
	char *created_at;
};

typedef VEC(struct offer) offer_vec;
typedef VEC(struct offer_round) offer_round_vec;

void offer_release(struct offer *o);
void offer_round_release(struct offer_round *r);
void offer_vec_release(offer_vec *v);
void offer_round_vec_release(offer_round_vec *v);

/* Checks before a write: amounts not negative, dates as YYYY-MM-DD, one-line texts. */
int offer_validate(const struct offer *o, struct error *err);
int offer_round_validate(const struct offer_round *r, struct error *err);
/* Does the round say anything (a term or a text)? */
bool offer_round_empty(const struct offer_round *r);

/* Add the offer of o->opp_id (o->id receives the id); a second offer for
 * the same opportunity is ERR_CONFLICT. */
int store_offer_add(struct store *s, struct offer *o, struct error *err);
/* Replace the offer's terms, deadline, benefits and notes. */
int store_offer_update(struct store *s, const struct offer *o, struct error *err);
/* The offer of an opportunity; *found is false (and out untouched) when it has none. */
int store_offer_of_opp(struct store *s, int64_t opp_id, struct offer *out, bool *found,
		       struct error *err);
/* Every offer, soonest deadline first (those without one last), then by id. */
int store_offer_list(struct store *s, offer_vec *out, struct error *err);
/* Offers whose deadline is on or after day (YYYY-MM-DD), for the deadline rules. */
int store_offer_deadlines_from(struct store *s, const char *day, offer_vec *out,
			       struct error *err);

/* The levels of an opportunity: applied for, offered (the opportunity's
 * field) and its offer's; NULL when not known. */
struct opp_levels {
	int64_t opp_id;
	char *applied, *offered, *offer_level;
};
typedef VEC(struct opp_levels) opp_levels_vec;
void opp_levels_vec_release(opp_levels_vec *v);
/* In one statement, the levels of those of the n opportunities ids (0s and
 * repeats allowed) that have a level applied for and a level offered or an
 * offer's level: the only ones whose level can be below the level applied
 * for. In no order. */
int store_opp_levels(struct store *s, const int64_t *ids, size_t n, opp_levels_vec *out,
		     struct error *err);
/* Record a round (r->id receives the id). */
int store_offer_round_add(struct store *s, struct offer_round *r, struct error *err);
/* The rounds of an offer, in order. */
int store_offer_rounds(struct store *s, int64_t offer_id, offer_round_vec *out,
		       struct error *err);

#endif
