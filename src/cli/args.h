/* args.h: parsing arguments against a command's option table. */
#ifndef RAPPORT_ARGS_H
#define RAPPORT_ARGS_H

#include "cli/cli.h"

/* Fill a from argv (the words after the command's name). Options may come
 * before, between or after the positional arguments; "--" ends options.
 * Errors are usage errors. */
/* a must be zeroed, or hold global options read before the command. */
int args_parse(struct args *a, const struct cmd_spec *cmd, int argc, const char **argv,
	       struct error *err);
void args_release(struct args *a);
/* Replace the "-" of an OPT_STDIN option with standard input, read to its
 * end: at most a note's length, valid UTF-8, the trailing line breaks
 * dropped (a here-document ends with one). */
int args_read_stdin(struct args *a, struct error *err);
/* Give option id one more value, as if it followed on the command line
 * (--editor's changes); value must outlive a. */
void arg_push(struct args *a, int id, const char *value);
/* How many options were given, flags included. */
size_t args_given(const struct args *a);
int global_option(struct args *a, int argc, const char **argv, int i, struct error *err);

#endif
