/* xalloc.h: allocation that never returns NULL (out of memory ends the process with a message). */
#ifndef RAPPORT_XALLOC_H
#define RAPPORT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow *ptr (an array of *alloc elements of elsize bytes) so that it holds at least need. */
void xgrow(void **ptr, size_t elsize, size_t need, size_t *alloc);
char *xstrdup(const char *s);
/* Duplicate s, or return NULL when s is NULL. */
char *xstrdup_or_null(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
