/*
 * fit.h: the fit of opportunities, read from the store: every
 * opportunity's from one read of the wants, or one opportunity's standings.
 * The score itself is core/fit.h.
 */
#ifndef RAPPORT_FIT_H
#define RAPPORT_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/enums.h"
#include "core/fit.h"
#include "store/wants.h"

/* The fit of every opportunity, from one read of the wants and their status. */
struct opp_fit {
	int64_t opp_id;
	signed char *status; /* per want of the table: enum want_status, or -1: no evidence */
};
struct fit_table {
	want_vec wants;  /* by id */
	int64_t *floors; /* per want: its salary floor, or -1 (see salary_want.h) */
	VEC(struct opp_fit) opps; /* by opp_id; those with no evidence are left out */
};

int fit_table_load(struct store *s, struct fit_table *t, struct error *err);
/* The opportunity's fit (every want unknown when it has no evidence, its
 * salary wants judged from its figures). */
struct fit fit_table_get(const struct fit_table *t, const struct opp *o);
/* Where want_id stands on o, as fit_table_get counts it. */
enum want_status fit_table_status(const struct fit_table *t, const struct opp *o,
				  int64_t want_id);
void fit_table_release(struct fit_table *t);
/* The fit of one opportunity from its standings. */
struct fit fit_of_standings(const want_standing_vec *v);
/* Every want as it stands on o (store_want_standings), its salary wants
 * judged from o's figures. */
int fit_standings_load(struct store *s, const struct opp *o, want_standing_vec *out,
		       struct error *err);

#endif
