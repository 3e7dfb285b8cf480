/*
 * ini.h: a small reader for the INI files of playbooks, with line numbers.
 *
 *   # a comment (also ;)        [section]        key = value
 *
 * Comments stand on lines of their own, so a value may hold '#' or ';'.
 * Keys are case-sensitive. A key may repeat; the reader reports each one.
 */
#ifndef RAPPORT_INI_H
#define RAPPORT_INI_H

#include <stddef.h>

#include "util/error.h"

/* Called for each section header (key and value NULL) and each key. A non-zero
 * return stops the reading and is returned by ini_parse (with err filled by
 * the callback). */
typedef int (*ini_fn)(void *ctx, const char *section, const char *key, const char *value,
		      int line, struct error *err);

/* Read text (len bytes, need not be NUL-terminated); file names it in messages. */
int ini_parse(const char *file, const char *text, size_t len, ini_fn fn, void *ctx,
	      struct error *err);

#endif
