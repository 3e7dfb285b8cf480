/* dirs.h: making the folders rapport keeps its files in. */
#ifndef RAPPORT_DIRS_H
#define RAPPORT_DIRS_H

#include "util/error.h"

/* Create the folders above path (mkdir -p of its dirname), each new one
 * mode 0700: they hold the user's search. */
int dirs_make_parents(const char *path, struct error *err);

/* A file of the user's configuration: $XDG_CONFIG_HOME/rapport/NAME (an
 * absolute XDG_CONFIG_HOME only), else ~/.config/rapport/NAME; NULL when
 * neither is set. Newly allocated. */
char *dirs_config_file(const char *name);

#endif
