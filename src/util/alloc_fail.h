/*
 * alloc_fail.h: injected allocation failures, for the out-of-memory tests
 * (tests/faults/oom-run).
 *
 * In a build with -DRAPPORT_ALLOC_FAIL (and the link flags of ALLOC_FAIL_LDFLAGS
 * in the Makefile, which route rapport's own malloc, calloc and realloc
 * here), alloc_fail_init() counts every allocation rapport, SQLite and
 * jansson make, and makes allocation number $RAPPORT_ALLOC_FAIL fail:
 *
 *   RAPPORT_ALLOC_FAIL=N          the Nth allocation and every one after it fail
 *   RAPPORT_ALLOC_FAIL_ONCE=1     only the Nth fails (the program may recover)
 *   RAPPORT_ALLOC_FAIL_LOG=PATH   at exit, write "allocations=K failed=F" to PATH
 *
 * Other libraries (libcsv, cmark, libical, libc's own strdup) are not counted.
 * In every other build alloc_fail_init() does nothing.
 */
#ifndef RAPPORT_ALLOC_FAIL_H
#define RAPPORT_ALLOC_FAIL_H

#ifdef RAPPORT_ALLOC_FAIL
#include <stdbool.h>

/* Call first thing in main, before SQLite or jansson allocate anything
 * (and before store_library_init, which counts SQLite's allocations). */
void alloc_fail_init(void);
/* Whether the allocation about to be made is to fail; counts it. For an
 * allocator of a library's that is routed here (the store's backend). */
bool alloc_fail_now(void);
#else
static inline void alloc_fail_init(void)
{
}
#endif

#endif
