/* offer_actions.c: an offer and its rounds, with what follows (see offer_actions.h). */
#include "method/offer_actions.h"

#include <stdio.h>
#include <string.h>

#include "method/actions.h"
#include "method/playbook_run.h"
#include "store/offer.h"
#include "util/xalloc.h"

int offer_deadline_check(struct store *s, const char *deadline, struct error *err)
{
	char today[DATE_BUFSZ];

	date_format_day(store_now(s), today);
	if (deadline && strcmp(deadline, today) < 0)
		return error_set(err, ERR_INVALID, "the deadline %s is in the past (today is %s)",
				 deadline, today);
	return 0;
}

int offer_find(struct store *s, int64_t id, struct offer *out, struct error *err)
{
	offer_vec all = { 0 };
	int rc = store_offer_list(s, &all, err);

	for (size_t i = 0; i < all.n && !rc; i++) {
		if (all.items[i].id != id)
			continue;
		*out = all.items[i];
		all.items[i] = all.items[--all.n];
		offer_vec_release(&all);
		return 0;
	}
	offer_vec_release(&all);
	return rc ? rc : error_set(err, ERR_NOT_FOUND, "no offer %lld", (long long)id);
}

/* What they offer is the opportunity's salary offered and level offered.
 * base < 0 and level NULL leave them as they are. */
static int sync_opp(struct store *s, struct opp *o, int64_t base, const char *level,
		    struct error *err)
{
	if (base < 0 && (!level || !*level))
		return 0;
	if (base >= 0)
		o->salary_offered = base;
	if (level && *level)
		field_set(&o->level_offered, level);
	return store_opp_update(s, o, err);
}

/* The deadline rules (when the deadline changed) and the mismatch rules (when a level was given). */
static int offer_rules(struct store *s, const struct playbook *pb, int64_t opp_id,
		       const char *old_deadline, const char *deadline, bool level_given,
		       struct error *err)
{
	if (playbooks_on_deadline(s, pb, opp_id, old_deadline, deadline, err) ||
	    (level_given && playbooks_on_mismatch(s, pb, opp_id, err)))
		return err->code;
	return 0;
}

int action_offer_add(struct store *s, const struct playbook *pb, struct offer *of,
		     bool *moved, struct error *err)
{
	struct opp opp = { 0 };
	int rc;

	*moved = false;
	if (of->terms.base < 0)
		return error_set(err, ERR_INVALID, "an offer needs its base pay");
	if ((rc = store_opp_get(s, of->opp_id, &opp, err)) ||
	    (rc = store_offer_add(s, of, err)) ||
	    (rc = sync_opp(s, &opp, of->terms.base, of->terms.level, err)))
		goto out;
	if (opp.stage < STAGE_OFFER) {
		if ((rc = action_opp_move(s, pb, opp.id, STAGE_OFFER, "offer received", err)))
			goto out;
		*moved = true;
	}
	rc = offer_rules(s, pb, opp.id, NULL, of->deadline, of->terms.level != NULL, err);
out:
	opp_release(&opp);
	return rc;
}

int action_offer_update(struct store *s, const struct playbook *pb, const struct offer *of,
			const char *old_deadline, bool base_given, bool level_given,
			struct error *err)
{
	struct opp opp = { 0 };
	int rc;

	if (!(rc = store_opp_get(s, of->opp_id, &opp, err)) &&
	    !(rc = store_offer_update(s, of, err)) &&
	    !(rc = sync_opp(s, &opp, base_given ? of->terms.base : -1,
			    level_given ? of->terms.level : NULL, err)))
		rc = offer_rules(s, pb, opp.id, old_deadline, of->deadline, level_given, err);
	opp_release(&opp);
	return rc;
}

/* Take a reply's terms as the offer's current ones; what it does not state stays. */
static void merge_terms(struct offer_terms *to, const struct offer_terms *from)
{
	if (from->base >= 0)
		to->base = from->base;
	if (from->bonus >= 0)
		to->bonus = from->bonus;
	if (from->equity)
		field_set(&to->equity, from->equity);
	if (from->title)
		field_set(&to->title, from->title);
	if (from->level)
		field_set(&to->level, from->level);
	if (from->start)
		field_set(&to->start, from->start);
}

int action_offer_round(struct store *s, const struct playbook *pb, struct offer_round *r,
		       bool *moved, struct error *err)
{
	struct offer of = { .terms = OFFER_TERMS_INIT };
	struct opp opp = { 0 };
	char when[DATE_BUFSZ];
	int rc;

	*moved = false;
	if (!r->at) {
		date_format(store_now(s), when);
		r->at = xstrdup(when);
	}
	if (offer_round_empty(r))
		return error_set(err, ERR_INVALID, "say what %s: a term or a text",
				 r->side == OFFER_ASK ? "you asked for" : "they answered");
	if ((rc = offer_find(s, r->offer_id, &of, err)) ||
	    (rc = store_opp_get(s, of.opp_id, &opp, err)) ||
	    (rc = store_offer_round_add(s, r, err)))
		goto out;
	if (r->side == OFFER_REPLY) {
		merge_terms(&of.terms, &r->terms);
		if ((rc = store_offer_update(s, &of, err)) ||
		    (rc = sync_opp(s, &opp, r->terms.base, r->terms.level, err)))
			goto out;
		rc = offer_rules(s, pb, opp.id, NULL, NULL, r->terms.level != NULL, err);
	} else if (opp.stage == STAGE_OFFER) {
		if (!(rc = action_opp_move(s, pb, opp.id, STAGE_NEGOTIATING,
					   "you asked for better terms", err)))
			*moved = true;
	}
out:
	opp_release(&opp);
	offer_release(&of);
	return rc;
}
