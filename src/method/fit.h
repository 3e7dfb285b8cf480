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
 *
 * A salary want with a figure and no evidence is judged from the
 * opportunity's offer and range (see method/salary_want.h).
 *
 * A fit is good (green) only when its score is 75 or more and at least
 * half the wants are known: "100%" from one want of four says little.
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
/* "1 of 4 known". buf >= 32. */
void fit_known_text(const struct fit *f, char *buf, size_t size);
/* Is enough known for the score to say something: at least half the wants? */
bool fit_known_enough(const struct fit *f);
/* The fit's grade, as a badge's class: "bad" (a deal-breaker), "good" (75
 * and up, with enough known), "warn" (below 50), "" otherwise. */
const char *fit_grade(const struct fit *f);

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
