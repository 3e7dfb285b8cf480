/*
 * move.h: what moving a person's data into a practice's account and back
 * (`rapport push`, `rapport pull`, method/move.h) asks of the store beyond
 * the JSON backup's rows: the account's id, emptying a database or an
 * account, and the ids a load may take (the walls for the transaction are
 * account.h's, store_walls_for_transaction).
 */
#ifndef RAPPORT_STORE_MOVE_H
#define RAPPORT_STORE_MOVE_H

#include <stdint.h>

#include "util/error.h"

struct store;

/* The account the connection acts for (store_act_as), on a practice's
 * database. */
int store_move_account(struct store *s, int64_t *id, struct error *err);
/* Delete every row of the database's data and bookkeeping (on a
 * practice's database, the acting account's only), inside the caller's
 * write transaction: what a load with --replace starts from. */
int store_move_clear(struct store *s, struct error *err);
/* Move each id sequence of the backup's tables to `past` at least, so the
 * ids up to it are never handed out (PostgreSQL; a no-op on SQLite, whose
 * next id follows the largest). */
int store_move_reserve(struct store *s, int64_t past, struct error *err);

#endif
