/*
 * cache.h: pages already rendered, kept per server thread, so that reading
 * the same page again while nothing changed costs a copy, not the queries.
 *
 * An entry is valid while the database is unchanged: the connection's
 * data_version (which moves when another connection commits; on a
 * practice's database, the account's, which moves when its data does) and
 * one person's server's own write generation (which moves when it commits
 * a POST, whatever thread) are both what they were when it was rendered.
 * The key holds the day, so a page never outlives the day it was made on.
 */
#ifndef RAPPORT_CACHE_H
#define RAPPORT_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "web/web.h"

struct cache_version {
	int64_t data_version;
	uint64_t generation;
};

/* Fill rs with the page cached under key at version; false when none. */
bool page_cache_get(const char *key, const struct cache_version *v, struct web_resp *rs);
/* Keep rs (a 200 page) under key at version. */
void page_cache_put(const char *key, const struct cache_version *v, const struct web_resp *rs);

#endif
