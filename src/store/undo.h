/*
 * undo.h: taking back the last change, with SQLite's session extension.
 *
 * A write transaction that may be undone calls store_undo_track() after it
 * begins: a session then records every row it changes in rapport's data
 * tables (store_tables; triggers' and the time rules' changes included;
 * not the search index, which triggers keep, nor tick_state, a cache).
 * store_undo_save(), just before the commit, keeps what it recorded as one
 * entry of undo_log, in the same transaction. store_rollback() and
 * store_close() drop a session that was not saved.
 *
 * store_undo_apply() takes an entry back: its changeset inverted and
 * applied, in the caller's transaction. Any row that is not as the entry
 * left it (changed, deleted or added since by something not undone), or
 * that refers to a row the undo would remove, is a conflict: nothing is
 * applied and err names the row.
 */
#ifndef RAPPORT_UNDO_H
#define RAPPORT_UNDO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"

/* How many entries undo_log keeps (the oldest go first). */
#define UNDO_KEEP 50

struct undo_entry {
	int64_t id;
	char *at;     /* when the change was made, "YYYY-MM-DDTHH:MM:SS" */
	char *what;   /* one line: the command, or the web's action */
	char *source; /* "cli" or "web" */
	bool undone;
};
typedef VEC(struct undo_entry) undo_entry_vec;
void undo_entry_release(struct undo_entry *e);
void undo_entry_vec_release(undo_entry_vec *v);

/* Start recording this write transaction's changes. */
int store_undo_track(struct store *s, struct error *err);
/* Keep what was recorded as an entry (what: a line, source: "cli" or
 * "web"); *id is its id, or 0 when nothing was changed (no entry). Stops
 * recording. */
int store_undo_save(struct store *s, const char *what, const char *source, int64_t *id,
		    struct error *err);
/* A change made in several transactions (a mail import, committed every
 * batch so that an interruption loses nothing), undone as one: the first
 * call (*id 0) saves as store_undo_save does and sets *id; each next one
 * adds this transaction's changes to entry *id (a new entry, *id changed,
 * when that one was undone meanwhile). Stops recording. */
int store_undo_save_more(struct store *s, const char *what, const char *source, int64_t *id,
			 struct error *err);
/* Stop recording, keeping nothing (a rolled-back transaction). */
void store_undo_forget(struct store *s);
/* This transaction is too large to keep (a big import: recording it would
 * cost a third of its time and as much disk again): stop recording, and
 * forget the history too, in this transaction, since undo takes back the
 * latest change first and must not skip over this one. */
int store_undo_abandon(struct store *s, struct error *err);

/* The latest entry not undone (ERR_NOT_FOUND when there is none). */
int store_undo_latest(struct store *s, struct undo_entry *out, struct error *err);
/* An entry by id, undone or not (ERR_NOT_FOUND when it is not kept). */
int store_undo_get(struct store *s, int64_t id, struct undo_entry *out, struct error *err);
/* The entries not undone, latest first, at most limit. */
int store_undo_list(struct store *s, int limit, undo_entry_vec *out, struct error *err);
/* Take back the entry id (not undone) and mark it undone. ERR_CONFLICT
 * when rows changed since; then nothing is applied. */
int store_undo_apply(struct store *s, int64_t id, struct error *err);

#endif
