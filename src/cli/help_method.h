/* help_method.h: the text of 'rapport help method' (help_method.c). */
#ifndef RAPPORT_HELP_METHOD_H
#define RAPPORT_HELP_METHOD_H

#include "util/error.h"
#include "util/strbuf.h"

/* How rapport works, with the rules in force (built-in and the user's file);
 * 0, or an error code when the user's playbooks cannot be read. */
int cli_help_method(struct strbuf *sb, struct error *err);

#endif
