/*
 * offer_actions.h: recording an offer and its negotiation rounds with what
 * follows from them (the opportunity's salary and level offered, its stage,
 * the playbooks' rules): the same steps for the command line and the web UI.
 * Each runs inside the caller's write transaction; on an error the caller
 * rolls back and nothing is left.
 */
#ifndef RAPPORT_OFFER_ACTIONS_H
#define RAPPORT_OFFER_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "method/playbook.h"
#include "core/offer.h"
#include "store/store.h"

/* A new deadline (YYYY-MM-DD, or NULL) must not be in the past: ERR_INVALID
 * "the deadline D is in the past (today is T)". */
int offer_deadline_check(struct store *s, const char *deadline, struct error *err);
/* The offer whose id is id (ERR_NOT_FOUND "no offer N" when there is none). */
int offer_find(struct store *s, int64_t id, struct offer *out, struct error *err);

/* Record the first offer of of->opp_id (of->id is set): it needs its base
 * pay (ERR_INVALID) and a second offer is ERR_CONFLICT. Its base and level
 * become the opportunity's salary and level offered; an opportunity before
 * the offer stage moves to it ("offer received", *moved is set) so the
 * offer playbook runs; then the deadline rules and, when the offer states a
 * level, the mismatch rules. */
int action_offer_add(struct store *s, const struct playbook *pb, struct offer *of,
		     bool *moved, struct error *err);
/* Save the offer of->id as it is now (its terms, deadline, benefits, notes).
 * Its base (when base_given) and its level (when level_given and stated)
 * become the opportunity's; then the deadline rules (old_deadline: the one
 * before) and, when level_given, the mismatch rules. */
int action_offer_update(struct store *s, const struct playbook *pb, const struct offer *of,
			const char *old_deadline, bool base_given, bool level_given,
			struct error *err);
/* Record a round of r->offer_id (r->id is set; r->at NULL means now). A round
 * must say something (ERR_INVALID). A reply's terms become the offer's, and
 * its base and level the opportunity's (with the mismatch rules for a
 * level); the first ask on an opportunity at offer moves it to negotiating
 * (*moved is set). */
int action_offer_round(struct store *s, const struct playbook *pb, struct offer_round *r,
		       bool *moved, struct error *err);

#endif
