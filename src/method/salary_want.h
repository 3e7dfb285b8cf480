/*
 * salary_want.h: a salary want with a figure ("base salary at least 80k")
 * judged against what the opportunity says about pay.
 *
 * A want is a salary want when its category is compensation, or it has no
 * category and its text speaks of salary, pay, base or compensation; a
 * want about a bonus, equity or a pension alone is not (its figure is not
 * the base). Its floor is the first amount in the text (80k, 80,000, £80k,
 * 1.2m), as a minimum: "at least", "min", "minimum", "over", "above",
 * "more than", "from", "≥", ">=", ">" before it, "+" or "or more" after it,
 * or nothing at all; "up to", "at most", "max", "under", "below", "less
 * than", "<", "≤" make it a ceiling, which is not judged. An amount below
 * 1,000 (a percentage, a number of days) is not a salary.
 *
 * The judgement: with an offer, its base (the opportunity's salary offered)
 * against the floor: met when at least the floor, unmet below it; else a
 * disclosed range: met when its low end reaches the floor, unmet when its
 * high end is below it, partly when it straddles it; else unknown.
 *
 * Evidence the user recorded by hand (rapport want mark) always wins: only
 * a want with no evidence on the opportunity is judged.
 */
#ifndef RAPPORT_SALARY_WANT_H
#define RAPPORT_SALARY_WANT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/enums.h"
#include "core/model.h"
#include "core/wants.h"

/* The floor of a salary want; false when text is no salary want with a
 * minimum figure. category: enum want_category, or -1. */
bool salary_want_floor(const char *text, int category, int64_t *floor);

/* The status the opportunity's figures give a want whose floor is floor,
 * with why in words ("offer base 78k < 80k"; "" when unknown). */
enum want_status salary_want_judge(int64_t floor, const struct opp *o, char *why,
				   size_t size);

/* "78k", "78,500", "1.2m": an amount as people write it. buf >= 32. */
void salary_amount_text(int64_t v, char *buf, size_t size);

/* Judge the salary wants among v (an opportunity's standings) that have
 * no evidence: their status, and judged (the why). */
void salary_wants_judge(want_standing_vec *v, const struct opp *o);

#endif
