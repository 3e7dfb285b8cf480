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
#ifndef RAPPORT_CORE_FIT_H
#define RAPPORT_CORE_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/enums.h"

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

#endif
