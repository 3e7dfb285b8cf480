/* offer.c: releasing and checking offers and their rounds (see offer.h). */
#include "core/offer.h"

#include <stdlib.h>

#include "core/date.h"
#include "core/text.h"

/* ---- records ---- */

static void offer_terms_release(struct offer_terms *t)
{
	free(t->equity);
	free(t->title);
	free(t->level);
	free(t->start);
	t->equity = t->title = t->level = t->start = NULL;
}

void offer_release(struct offer *o)
{
	offer_terms_release(&o->terms);
	opp_ref_release(&o->opp);
	free(o->deadline);
	free(o->benefits);
	free(o->notes);
	free(o->created_at);
	free(o->updated_at);
	o->deadline = o->benefits = o->notes = o->created_at = o->updated_at = NULL;
}

void offer_round_release(struct offer_round *r)
{
	offer_terms_release(&r->terms);
	free(r->text);
	free(r->at);
	free(r->created_at);
	r->text = r->at = r->created_at = NULL;
}

VEC_RELEASE_FN(offer_vec_release, offer_vec, offer_release)
VEC_RELEASE_FN(offer_round_vec_release, offer_round_vec, offer_round_release)

/* ---- checks ---- */

/* A day (YYYY-MM-DD, no time), or NULL. */
static int check_day(const char *what, const char *day, struct error *err)
{
	struct datetime dt;

	if (!day)
		return 0;
	if (date_parse_iso(day, &dt, NULL) || dt.has_time)
		return error_set(err, ERR_INVALID, "%s must be a day (YYYY-MM-DD), not '%s'", what,
				 day);
	return 0;
}

static int check_terms(const struct offer_terms *t, struct error *err)
{
	if (t->base < -1 || t->bonus < -1)
		return error_set(err, ERR_INVALID, "amounts must not be negative");
	if (text_check("equity", t->equity, TEXT_ONE_LINE, err) ||
	    text_check("title", t->title, TEXT_ONE_LINE, err) ||
	    text_check("level", t->level, TEXT_ONE_LINE, err))
		return ERR_INVALID;
	return check_day("the start date", t->start, err);
}

int offer_validate(const struct offer *o, struct error *err)
{
	if (check_terms(&o->terms, err) || check_day("the deadline", o->deadline, err) ||
	    text_check("benefits", o->benefits, 0, err) || text_check("notes", o->notes, 0, err))
		return ERR_INVALID;
	return 0;
}

int offer_round_validate(const struct offer_round *r, struct error *err)
{
	struct datetime dt;

	if (check_terms(&r->terms, err) || text_check("text", r->text, 0, err))
		return ERR_INVALID;
	if ((size_t)r->side >= offer_side_def.count)
		return error_set(err, ERR_INVALID, "unknown offer side");
	if (!r->at || date_parse_iso(r->at, &dt, NULL))
		return error_set(err, ERR_INVALID, "a round needs the day it happened");
	if (offer_round_empty(r))
		return error_set(err, ERR_INVALID, "a round must say something: a term or a text");
	return 0;
}

bool offer_round_empty(const struct offer_round *r)
{
	const struct offer_terms *t = &r->terms;

	return t->base < 0 && t->bonus < 0 && !t->equity && !t->title && !t->level && !t->start &&
	       !r->text;
}
