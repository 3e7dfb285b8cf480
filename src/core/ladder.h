/*
 * ladder.h: the ladder of job levels, and where a level or a job title stands on it.
 *
 * A ladder is written lowest rung first, rungs separated by '<' and the
 * names of one rung by '|':
 *
 *   coordinator < specialist < senior < lead | principal | staff < manager < ...
 *
 * The first name of a rung is its name in messages. A free-text level or job
 * title ("Senior Data Analyst", "Head of Data") takes the rung of the longest
 * name it contains as whole words, case-insensitive ("senior manager" wins
 * over "manager"); on a tie, the higher rung. Words are runs of ASCII letters
 * and digits (other bytes of UTF-8 count as letters), so "C-level" matches
 * "c level" and "C-Level".
 *
 * The user's ladder is the setting "levels" (rapport config levels "..."),
 * else level_ladder_default.
 */
#ifndef RAPPORT_LADDER_H
#define RAPPORT_LADDER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* The longest name of a level, in bytes (a ladder is one line of text, at
 * most TEXT_LINE_MAX bytes). */
#define LEVELS_NAME_MAX 50

struct level_rung {
	char **names; /* as written, spaces squeezed; names[0] names the rung */
	char **keys;  /* the same names folded to " word word ", for matching */
	size_t n;
};

struct level_ladder {
	struct level_rung *rungs; /* lowest first */
	size_t n;
};

extern const char level_ladder_default[];

/* Parse text into out (released by level_ladder_release, also on error).
 * An empty rung or name, a name on two rungs, or too long a name is an
 * error that says which rung. */
int level_ladder_parse(const char *text, struct level_ladder *out, struct error *err);
void level_ladder_release(struct level_ladder *l);
/* The ladder written back: "a < b | c < d". The caller frees it. */
char *level_ladder_text(const struct level_ladder *l);

/* The rung (0 = lowest) of a level or job title, or -1 when no name matches. */
int level_rank(const struct level_ladder *l, const char *text);
/* The name of a rung ("manager"), or NULL when rank is out of range. */
const char *level_name(const struct level_ladder *l, int rank);
/* Does offered rank strictly below applied? false when either ranks nowhere. */
bool level_below(const struct level_ladder *l, const char *offered, const char *applied);

#endif
