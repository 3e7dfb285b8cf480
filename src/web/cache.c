/* cache.c: rendered pages per server thread (see cache.h). */
#include "web/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define CACHE_ENTRIES 16
#define CACHE_MAX_PAGE (2 * 1024 * 1024) /* a larger page is rendered each time */

struct entry {
	char *key;
	struct cache_version version;
	const char *content_type; /* static strings only */
	struct strbuf body;
	uint64_t used; /* for evicting the least recently used */
};

struct cache {
	struct entry e[CACHE_ENTRIES];
	uint64_t clock;
};

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_free(void *p)
{
	struct cache *c = p;

	for (size_t i = 0; i < CACHE_ENTRIES; i++) {
		free(c->e[i].key);
		strbuf_release(&c->e[i].body);
	}
	free(c);
}

static void cache_init(void)
{
	pthread_key_create(&cache_key, cache_free);
}

/* This thread's cache (freed when the thread ends). */
static struct cache *cache(void)
{
	struct cache *c;

	pthread_once(&cache_once, cache_init);
	if (!(c = pthread_getspecific(cache_key))) {
		c = xcalloc(1, sizeof(*c));
		for (size_t i = 0; i < CACHE_ENTRIES; i++)
			strbuf_init(&c->e[i].body);
		pthread_setspecific(cache_key, c);
	}
	return c;
}

static bool same_version(const struct cache_version *a, const struct cache_version *b)
{
	return a->data_version == b->data_version && a->generation == b->generation;
}

bool page_cache_get(const char *key, const struct cache_version *v, struct web_resp *rs)
{
	struct cache *c = cache();

	for (size_t i = 0; i < CACHE_ENTRIES; i++) {
		struct entry *e = &c->e[i];
		if (!e->key || strcmp(e->key, key))
			continue;
		if (!same_version(&e->version, v))
			return false;
		e->used = ++c->clock;
		strbuf_reset(&rs->body);
		strbuf_add(&rs->body, e->body.buf, e->body.len);
		rs->content_type = e->content_type;
		return true;
	}
	return false;
}

void page_cache_put(const char *key, const struct cache_version *v, const struct web_resp *rs)
{
	struct cache *c = cache();
	struct entry *slot = NULL;

	if (rs->status != 200 || rs->location || rs->disposition || rs->body.len > CACHE_MAX_PAGE)
		return;
	for (size_t i = 0; i < CACHE_ENTRIES && !slot; i++)
		if (c->e[i].key && !strcmp(c->e[i].key, key))
			slot = &c->e[i];
	for (size_t i = 0; i < CACHE_ENTRIES && !slot; i++)
		if (!c->e[i].key)
			slot = &c->e[i];
	if (!slot) {
		slot = &c->e[0];
		for (size_t i = 1; i < CACHE_ENTRIES; i++)
			if (c->e[i].used < slot->used)
				slot = &c->e[i];
	}
	if (!slot->key || strcmp(slot->key, key)) {
		free(slot->key);
		slot->key = xstrdup(key);
	}
	slot->version = *v;
	slot->content_type = rs->content_type;
	slot->used = ++c->clock;
	strbuf_reset(&slot->body);
	strbuf_add(&slot->body, rs->body.buf, rs->body.len);
}
