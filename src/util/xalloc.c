/* xalloc.c: allocation wrappers; rapport treats out of memory as fatal, like git and Redis. */
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void __attribute__((noreturn)) out_of_memory(size_t size)
{
	fprintf(stderr, "rapport: out of memory (allocating %zu bytes)\n", size);
	exit(1);
}

void xalloc_overflow(void)
{
	out_of_memory(SIZE_MAX);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		out_of_memory(nmemb * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xmallocarray(size_t n, size_t size)
{
	return xmalloc(st_mult(n, size));
}

void *xreallocarray(void *ptr, size_t n, size_t size)
{
	return xrealloc(ptr, st_mult(n, size));
}

void xgrow(void **ptr, size_t elsize, size_t need, size_t *alloc)
{
	size_t n;

	if (need <= *alloc)
		return;
	n = *alloc ? *alloc : 8;
	while (n < need) {
		n = st_mult(n, 2);
	}
	*ptr = xreallocarray(*ptr, n, elsize);
	*alloc = n;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s);
	char *p = xmalloc(st_add(n, 1));
	memcpy(p, s, n + 1);
	return p;
}

char *xstrdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(st_add(n, 1));
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
