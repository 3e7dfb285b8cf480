/* alloc_fail.c: a counting allocator that fails the Nth allocation (see alloc_fail.h). */
#include "util/alloc_fail.h"

#ifdef RAPPORT_ALLOC_FAIL

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* The linker's --wrap=malloc sends rapport's calls here; __real_malloc is libc's. */
void *__real_malloc(size_t size);
void *__real_calloc(size_t nmemb, size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t nmemb, size_t size);
void *__wrap_realloc(void *ptr, size_t size);

static atomic_ulong count;
static atomic_ulong failed;
static unsigned long fail_at; /* 0: never */
static bool once;
static const char *log_path;

bool alloc_fail_now(void)
{
	unsigned long n = atomic_fetch_add(&count, 1) + 1;

	if (!fail_at || n < fail_at || (once && n != fail_at))
		return false;
	atomic_fetch_add(&failed, 1);
	return true;
}

void *__wrap_malloc(size_t size)
{
	return alloc_fail_now() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t nmemb, size_t size)
{
	return alloc_fail_now() ? NULL : __real_calloc(nmemb, size);
}

void *__wrap_realloc(void *ptr, size_t size)
{
	/* realloc(p, 0) frees p; it cannot fail in a way that matters */
	if (size && alloc_fail_now())
		return NULL;
	return __real_realloc(ptr, size);
}

static void *json_malloc(size_t size)
{
	return alloc_fail_now() ? NULL : __real_malloc(size);
}

static void json_free(void *ptr)
{
	free(ptr);
}

static void write_log(void)
{
	FILE *f = fopen(log_path, "w");

	if (!f)
		return;
	fprintf(f, "allocations=%lu failed=%lu\n", atomic_load(&count), atomic_load(&failed));
	fclose(f);
}

void alloc_fail_init(void)
{
	const char *n = getenv("RAPPORT_ALLOC_FAIL"), *o = getenv("RAPPORT_ALLOC_FAIL_ONCE");

	fail_at = n ? strtoul(n, NULL, 10) : 0;
	once = o && *o && *o != '0';
	log_path = getenv("RAPPORT_ALLOC_FAIL_LOG");
	if (log_path && *log_path)
		atexit(write_log);
	/* SQLite's allocations are counted by the store's backend
	 * (store/db_sqlite.c), which calls alloc_fail_now: util/ names no
	 * database. */
	json_set_alloc_funcs(json_malloc, json_free);
}

#else
/* ISO C wants a declaration in every translation unit. */
typedef int alloc_fail_unused;
#endif
