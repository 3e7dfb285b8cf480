/*
 * export_rows.h: the queries the exports need beyond store.h's: every
 * interaction with its people, and the interviews of a window of days.
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in.
 */
#ifndef RAPPORT_EXPORT_ROWS_H
#define RAPPORT_EXPORT_ROWS_H

#include "core/model.h"
#include "store/store.h"
#include "util/error.h"

/* Called with each interaction in turn (valid during the call only); a
 * non-zero return stops the walk and is returned. */
typedef int (*store_interaction_fn)(void *ctx, const struct interaction *i);
/* Every interaction, by id, each with its people (by name), one at a time:
 * a million of them never sit in memory at once. fn must not use the store. */
int store_interactions_each(struct store *s, store_interaction_fn fn, void *ctx,
			    struct error *err);
/* The interviews on or after day (YYYY-MM-DD), by time, with their people. */
int store_interviews_from(struct store *s, const char *day, interaction_vec *out,
			  struct error *err);

#endif
