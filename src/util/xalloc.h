/* xalloc.h: allocation that never returns NULL (out of memory ends the process with a message). */
#ifndef RAPPORT_XALLOC_H
#define RAPPORT_XALLOC_H

#include <stddef.h>
#include <stdint.h>

/* Size arithmetic that cannot wrap (git's st_add, st_mult): an overflow
 * ends the process as out of memory would, never allocates too little. */
void xalloc_overflow(void) __attribute__((noreturn));
static inline size_t st_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		xalloc_overflow();
	return a + b;
}
static inline size_t st_mult(size_t a, size_t b)
{
	if (a && b > SIZE_MAX / a)
		xalloc_overflow();
	return a * b;
}

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* n elements of size bytes, the product checked */
void *xmallocarray(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
/* Grow *ptr (an array of *alloc elements of elsize bytes) so that it holds at least need. */
void xgrow(void **ptr, size_t elsize, size_t need, size_t *alloc);
char *xstrdup(const char *s);
/* Duplicate s, or return NULL when s is NULL. */
char *xstrdup_or_null(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
