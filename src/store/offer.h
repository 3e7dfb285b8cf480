/*
 * offer.h: reading and writing an opportunity's offer and its negotiation
 * rounds (the records are in core/offer.h).
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in;
 * writes inside store_begin_write()/store_commit().
 */
#ifndef RAPPORT_STORE_OFFER_H
#define RAPPORT_STORE_OFFER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "core/offer.h"
#include "store/store.h"
#include "util/error.h"

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
/* ... of the opportunities opps (a JSON array of ids: a run of the time
 * rules', store/tick.h). */
int store_offer_deadlines_ticked(struct store *s, const char *opps, const char *day,
				 offer_vec *out, struct error *err);

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
