/*
 * engine.h: what a rule proposes for an event, as a pure function.
 *
 * The caller gathers the situation (the event, the opportunity, the people
 * met) from the store; engine_propose() decides whom the rule's follow-ups
 * are for and writes their titles, reasons and due dates. Saving them, and
 * making sure a rule never makes the same follow-up twice, is the store's.
 */
#ifndef RAPPORT_ENGINE_H
#define RAPPORT_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "method/playbook.h"

struct rule_event {
	const char *key;      /* what makes this follow-up unique: "i:12", "s:4", "t:9" */
	const char *chain;    /* the chain it belongs to ("i:12"), or NULL */
	const char *date;     /* the event's day, YYYY-MM-DD: {date} */
	const char *due_base; /* the day "due" counts from, YYYY-MM-DD */
	const char *not_before; /* a due day before this one becomes this one (NULL: none) */
	int days;             /* {days} */
	int64_t opp_id;       /* 0 when about no opportunity */
	const char *opp_title, *org_name;
	int stage;            /* the opportunity's stage, or -1 */
	int kind;             /* the interaction's kind, or -1 */
	const char *level_applied, *level_offered; /* {level_applied} {level_offered} */
	const char *last_contact; /* {last_contact}: the latest interaction with the person */
	const struct met_person *people;
	size_t npeople;
};

struct proposal {
	const struct rule *rule;
	int64_t person_id; /* 0: for no one in particular */
	char *title, *why; /* NULL when the rule only sets a cadence */
	char due[DATE_BUFSZ];
	bool set_cadence;  /* give this person the rule's cadence */
};

typedef VEC(struct proposal) proposal_vec;

/* Append to out what rule r proposes for the event (nothing is an answer too). */
void engine_propose(const struct rule *r, const struct rule_event *ev, proposal_vec *out);
void proposal_vec_release(proposal_vec *v);

#endif
