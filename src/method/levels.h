/*
 * levels.h: the user's ladder of job levels (core/ladder.h says how one is
 * written and read) and the role mismatches it finds on opportunities.
 */
#ifndef RAPPORT_LEVELS_H
#define RAPPORT_LEVELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/ladder.h"
#include "store/store.h"
#include "util/error.h"
#include "util/strbuf.h"

/* The user's ladder (the "levels" setting), else the default. */
int levels_load(struct store *s, struct level_ladder *out, struct error *err);

/* A role mismatch: the level discussed or offered on an opportunity (its
 * level offered, else its offer's level) is below the level applied for. */
struct level_mismatch {
	bool found;
	char *applied, *offered;           /* the texts as the user wrote them */
	char *applied_rung, *offered_rung; /* the names of their rungs */
};

/* The same for an opportunity already read, with the level of its offer
 * (NULL when none): no query. */
void levels_mismatch_of(const struct level_ladder *l, const struct opp *o,
			const char *offer_level, struct level_mismatch *out);
/* The same with the user's ladder (levels_load). */
int levels_check_opp(struct store *s, int64_t opp_id, struct level_mismatch *out,
		     struct error *err);
void level_mismatch_release(struct level_mismatch *m);
/* "they discuss senior, below manager, the level you applied for" (no newline). */
void level_mismatch_text(const struct level_mismatch *m, struct strbuf *sb);

#endif
