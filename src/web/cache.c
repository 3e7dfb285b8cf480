/* cache.c: rendered pages per server thread (see cache.h). */
#include "web/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Enough for every client of a practice's server (issue 20: a thousand
 * clients' Today, about 45 KB each, per thread), bounded in bytes as well:
 * with only 16 entries a practice's server rendered nearly every page
 * (bench/practice). One person's server holds far fewer pages. */
#define CACHE_ENTRIES 4096
#define CACHE_BUCKETS 4096 /* chains of entries by their key's hash: a lookup reads a few */
#define CACHE_BYTES (64 * 1024 * 1024)
#define CACHE_MAX_PAGE (2 * 1024 * 1024) /* a larger page is rendered each time */

struct entry {
	char *key;
	uint64_t hash; /* of key: compared before the key itself */
	struct entry *next; /* in its bucket's chain */
	struct cache_version version;
	const char *content_type; /* static strings only */
	struct strbuf body;
	uint64_t used; /* for evicting the least recently used */
};

struct cache {
	struct entry e[CACHE_ENTRIES];
	struct entry *bucket[CACHE_BUCKETS];
	uint64_t clock;
	size_t bytes; /* the bodies held */
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

/* FNV-1a: the keys are short paths */
static uint64_t key_hash(const char *key)
{
	uint64_t h = 14695981039346656037ULL;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h;
}

static struct entry *find(struct cache *c, const char *key, uint64_t hash)
{
	for (struct entry *e = c->bucket[hash % CACHE_BUCKETS]; e; e = e->next)
		if (e->hash == hash && !strcmp(e->key, key))
			return e;
	return NULL;
}

bool page_cache_get(const char *key, const struct cache_version *v, struct web_resp *rs)
{
	struct cache *c = cache();
	struct entry *e = find(c, key, key_hash(key));

	if (!e || !same_version(&e->version, v))
		return false;
	e->used = ++c->clock;
	strbuf_reset(&rs->body);
	strbuf_add(&rs->body, e->body.buf, e->body.len);
	rs->content_type = e->content_type;
	return true;
}

static void drop(struct cache *c, struct entry *e)
{
	struct entry **link = &c->bucket[e->hash % CACHE_BUCKETS];

	while (*link != e)
		link = &(*link)->next;
	*link = e->next;
	c->bytes -= e->body.len;
	free(e->key);
	e->key = NULL;
	strbuf_release(&e->body);
	strbuf_init(&e->body);
}

static struct entry *least_used(struct cache *c)
{
	struct entry *slot = NULL;

	for (size_t i = 0; i < CACHE_ENTRIES; i++)
		if (c->e[i].key && (!slot || c->e[i].used < slot->used))
			slot = &c->e[i];
	return slot;
}

/* A free entry, the least recently used ones dropped until one is free and
 * a page of len bytes fits in CACHE_BYTES. */
static struct entry *make_room(struct cache *c, size_t len)
{
	struct entry *slot = NULL;

	while (c->bytes + len > CACHE_BYTES && c->bytes > 0)
		drop(c, least_used(c));
	for (size_t i = 0; i < CACHE_ENTRIES && !slot; i++)
		if (!c->e[i].key)
			slot = &c->e[i];
	if (!slot)
		drop(c, slot = least_used(c));
	return slot;
}

void page_cache_put(const char *key, const struct cache_version *v, const struct web_resp *rs)
{
	struct cache *c = cache();
	uint64_t hash = key_hash(key);
	struct entry *slot;

	if (rs->status != 200 || rs->location || rs->disposition || rs->body.len > CACHE_MAX_PAGE)
		return;
	if ((slot = find(c, key, hash)))
		drop(c, slot);
	slot = make_room(c, rs->body.len);
	slot->key = xstrdup(key);
	slot->hash = hash;
	slot->next = c->bucket[hash % CACHE_BUCKETS];
	c->bucket[hash % CACHE_BUCKETS] = slot;
	slot->version = *v;
	slot->content_type = rs->content_type;
	slot->used = ++c->clock;
	strbuf_add(&slot->body, rs->body.buf, rs->body.len);
	c->bytes += rs->body.len;
}
