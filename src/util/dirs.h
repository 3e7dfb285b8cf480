/* dirs.h: making the folders rapport keeps its files in. */
#ifndef RAPPORT_DIRS_H
#define RAPPORT_DIRS_H

#include "util/error.h"

/* Create the folders above path (mkdir -p of its dirname), each new one
 * mode 0700: they hold the user's search. */
int dirs_make_parents(const char *path, struct error *err);

#endif
