/* start.h: what a young search has in it, for the start checklist (method/start.h). */
#ifndef RAPPORT_STORE_START_H
#define RAPPORT_STORE_START_H

#include <stdint.h>

#include "store/store.h"

/* The counts the checklist's steps are ticked off by, read in one statement
 * (one snapshot). */
struct start_counts {
	int64_t wants, must_wants;
	int64_t opps_with_people; /* opportunities with someone linked or met on them */
	int64_t linkedin_people;  /* people with a LinkedIn address (an import brings them) */
};
int store_start_counts(struct store *s, struct start_counts *out, struct error *err);
/* The short name of the opportunity added last; *slug is NULL when there is
 * none (the caller frees it). */
int store_start_newest_opp(struct store *s, char **slug, struct error *err);

#endif
