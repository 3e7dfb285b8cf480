/*
 * fit.h: how well an opportunity fits the user's wants.
 *
 * Each want with a known status counts with its weight w (1-5) and a value v:
 * met 1, partly 0.5, unmet 0. Unknown and vague wants are still to verify:
 * they do not count, and the sheet lists them.
 *
 *   score = round(100 * sum(w * v) / sum(w)), over the known wants
 *
 * so 100 means every want known so far is met. With no known want the score
 * is unknown (-1). Coverage says how much of the picture is known: the
 * known wants' weight over the weight of every want. An unmet must-have is
 * a deal-breaker, whatever the score.
 */
#ifndef RAPPORT_FIT_H
#define RAPPORT_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/enums.h"
#include "store/wants.h"

struct fit {
	int known, total;             /* wants with a known status; every want */
	int known_weight, total_weight;
	int points2;                  /* sum(w * v) * 2, an integer */
	int deal_breakers;            /* must-haves found unmet */
};

#define FIT_INIT { 0, 0, 0, 0, 0, 0 }

void fit_add(struct fit *f, int weight, bool must, enum want_status status);
/* 0-100, or -1 when no want is known. */
int fit_score(const struct fit *f);
/* 0-100: the share of the wants' weight whose status is known. */
int fit_coverage(const struct fit *f);
/* "72%", "?" when unknown; with " deal-breaker" when there is one. buf >= 32. */
void fit_text(const struct fit *f, char *buf, size_t size);

/* The fit of every opportunity, from one read of the wants and their status. */
struct opp_fit {
	int64_t opp_id;
	struct fit fit;
};
struct fit_table {
	want_vec wants; /* by id */
	VEC(struct opp_fit) opps; /* by opp_id; those with no evidence are left out */
};

int fit_table_load(struct store *s, struct fit_table *t, struct error *err);
/* The opportunity's fit (every want unknown when it has no evidence). */
struct fit fit_table_get(const struct fit_table *t, int64_t opp_id);
void fit_table_release(struct fit_table *t);
/* The fit of one opportunity from its standings. */
struct fit fit_of_standings(const want_standing_vec *v);

#endif
