/*
 * offer.h: the records of an opportunity's offer (at most one) and its
 * negotiation rounds, their release and their checks. (store/offer.h reads
 * and writes them.)
 *
 * The offer holds the current terms; each round records what you asked for
 * or what they answered, in order. A reply's terms become the offer's (the
 * command does that, see cli/cmd_offer.c); a round never changes afterwards.
 */
#ifndef RAPPORT_CORE_OFFER_H
#define RAPPORT_CORE_OFFER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
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

#endif
