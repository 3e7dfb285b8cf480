/*
 * demo.h: the sample search ('rapport demo', issue 24): how a database is
 * marked as one. The mark is a setting inside the database, so it holds
 * however the file is opened (rapport demo, rapport --db, rapport serve,
 * a restored backup): every page of it then says it is not the user's data.
 */
#ifndef RAPPORT_METHOD_DEMO_H
#define RAPPORT_METHOD_DEMO_H

#include <stdbool.h>

#include "store/store.h"
#include "util/error.h"

/* The setting that marks a sample search. */
#define DEMO_SETTING "demo"

/* Mark s's database as a sample search (in the caller's write transaction). */
int demo_mark(struct store *s, struct error *err);
/* Whether s's database is a sample search. A database that cannot be read
 * is taken as the user's own (no mark). */
bool demo_is_marked(struct store *s);

#endif
