/*
 * move.h: a person's whole local database into their account of a
 * practice (`rapport push`), and an account back into a local file
 * (`rapport pull`). The JSON backup (method/dump.h) is the interchange:
 * one side is exported to memory, the other loads it, each row through
 * the id map below.
 *
 * Ids. A practice's ids are global (an id names one row in the whole
 * database), a person's file counts from 1. An account's rows take the
 * ids of its window, base + local id, base being the account's id times
 * 2^33 (move_id_base); local ids must be below 2^32 (MOVE_LOCAL_IDS).
 * After a push every id sequence is moved past the window, so no other
 * account's row ever takes an id in it, and a pull takes the base off
 * again: push then pull gives back the very ids, and the same export.
 * A row made in the practice since the push has an id past the window and
 * keeps it in the file (and back, on the next push --replace).
 * What holds an id: every integer column named id or ending in _id (the
 * schema names its references so), and the time rules' events and chains
 * ("i:ID", "s:ID", "t:ID": an interaction, a stage change, a task).
 */
#ifndef RAPPORT_MOVE_H
#define RAPPORT_MOVE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/error.h"
#include "util/strbuf.h"

#define MOVE_LOCAL_IDS ((int64_t)1 << 32)

/* The first id of the account's window (0 for a bad account id). */
int64_t move_id_base(int64_t account_id);
/* A local id as the account's, and back. */
int64_t move_id_in(int64_t base, int64_t local);
int64_t move_id_out(int64_t base, int64_t id);

struct move_result {
	long rows;             /* rows loaded */
	bool replaced;         /* the destination had rows, deleted first */
	bool new_calendar_key; /* the calendar feed's token was made anew */
};

/* The whole database as the JSON backup, into out (inside the caller's
 * read transaction; on a practice's database, under the walls and for
 * the account the store acts as, whose id base goes into *base; 0 for a
 * local file). */
int move_export(struct store *s, struct strbuf *out, int64_t *base, struct error *err);
/*
 * Load an export (move_export's text, from a store whose ids were
 * counted from `from_base`) into s, inside the caller's write
 * transaction: a practice's account (under the walls, its ids moved into
 * its window) or a local file. The destination must hold nothing but the
 * question bank it starts with, unless replace (ERR_CONFLICT): then its
 * rows are deleted first, in the same transaction. A calendar feed token
 * is made anew: one secret never opens two feeds.
 */
int move_load(struct store *s, const struct strbuf *text, int64_t from_base, bool replace,
	      struct move_result *r, struct error *err);

/* A JSON backup file into the database, `rapport import json` and the web's
 * restore (inside the caller's transaction): dump_import on a local file;
 * on a practice's database into the account as a push loads it (under the
 * walls, its ids moved into the account's window: a person's ids are
 * others' there), refused (ERR_CONFLICT) when the account has data. */
int move_import(struct store *s, const char *path, long *rows, struct error *err);

#endif
