/* compat.h: what every file of rapport sees first (the Makefile passes it
 * with -include): ARRAY_SIZE, and the banned functions (banned.h) after the
 * system headers that declare them. */
#ifndef RAPPORT_COMPAT_H
#define RAPPORT_COMPAT_H

#include <stdio.h>
#include <string.h>

/* The number of elements of an array (not of a pointer). */
#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))

#include "util/banned.h"

#endif
