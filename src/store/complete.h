/*
 * complete.h: the names a shell completes (rapport complete): existing
 * people, organisations, opportunities and open tasks whose name starts
 * with what was typed. One indexed query each, run on a connection opened
 * read-only; no rule runs.
 */
#ifndef RAPPORT_STORE_COMPLETE_H
#define RAPPORT_STORE_COMPLETE_H

#include "store/store.h"

enum store_complete_what { COMPLETE_PEOPLE, COMPLETE_ORGS, COMPLETE_OPPS, COMPLETE_TASKS };

/* The words "people", "orgs", "opps" and "tasks", in the enum's order. */
extern const struct enum_def store_complete_def;

/* Called for each match: value is what the shell inserts (a name, a slug,
 * a task's id), about a few words on it (or NULL). */
typedef void store_complete_fn(const char *value, const char *about, void *ctx);

/* Every match of prefix (people and organisations: whatever the case),
 * at most STORE_COMPLETE_MAX, in the order of the index. */
#define STORE_COMPLETE_MAX 500
int store_complete(struct store *s, enum store_complete_what what, const char *prefix,
		   store_complete_fn *fn, void *ctx, struct error *err);

#endif
