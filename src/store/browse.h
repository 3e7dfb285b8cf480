/*
 * browse.h: the lists a user browses (people, organisations) filtered by the
 * words they type, a page at a time, and what links a person to the
 * opportunities they are part of.
 *
 * A filter is words separated by spaces; each must occur (case-insensitive,
 * anywhere) in one of the record's fields that the function names. Lists come
 * in name order, at most limit records, with *total the number that match.
 */
#ifndef RAPPORT_BROWSE_H
#define RAPPORT_BROWSE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* At most this many words of a filter count; the rest are ignored. */
#define BROWSE_MAX_WORDS 8

/* People whose name, organisation's name or title holds every word of q
 * (NULL or blank: everyone), with tag when tag is not NULL. */
int store_person_find(struct store *s, const char *q, const char *tag, size_t limit,
		      person_vec *out, int64_t *total, struct error *err);

/* An organisation in a list, with how many people and opportunities it has. */
struct org_row {
	struct org org;
	int64_t people, opps;
};
typedef VEC(struct org_row) org_row_vec;
void org_row_vec_release(org_row_vec *v);

/* Organisations whose name or location holds every word of q. */
int store_org_find(struct store *s, const char *q, size_t limit, org_row_vec *out,
		   int64_t *total, struct error *err);

/* An opportunity a person is linked to, with their role in it. */
struct person_opp {
	struct opp_ref opp;
	enum stage stage;
	int role; /* enum role, or -1 */
};
typedef VEC(struct person_opp) person_opp_vec;
void person_opp_vec_release(person_opp_vec *v);

/* The opportunities person_id is linked to, open ones first, newest first. */
int store_person_opps(struct store *s, int64_t person_id, person_opp_vec *out,
		      struct error *err);

#endif
