/*
 * suggest.h: the names a form offers to choose from (the log form's list of
 * people), and every person's name for checking a new one against them.
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in.
 */
#ifndef RAPPORT_STORE_SUGGEST_H
#define RAPPORT_STORE_SUGGEST_H

#include <stdint.h>

#include "core/model.h"
#include "store/store.h"

/* A person as a choice: "Name (Organisation)". */
struct person_name {
	int64_t id;
	char *name;
	char *org; /* NULL when in none */
};
typedef VEC(struct person_name) person_name_vec;
void person_name_vec_release(person_name_vec *v);

/* People to offer by name: those linked to an open opportunity and the
 * `recent` added last, at most `limit`, by name. Bounded so that a page
 * that shows them stays fast with a hundred thousand people. */
int store_people_to_suggest(struct store *s, int recent, int limit, person_name_vec *out,
			    struct error *err);
/* Every person's name and organisation, by id. */
int store_people_names(struct store *s, person_name_vec *out, struct error *err);

#endif
