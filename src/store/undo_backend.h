/*
 * undo_backend.h: each backend's way of recording and taking back a change
 * (undo.h), for undo.c to choose from: SQLite's session extension
 * (db_sqlite_undo.c, db_sqlite_undo_apply.c), PostgreSQL's triggers
 * (undo_pg.c). The store's files only.
 */
#ifndef RAPPORT_UNDO_BACKEND_H
#define RAPPORT_UNDO_BACKEND_H

#include "store/undo.h"

int sqlite_undo_track(struct store *s, struct error *err);
void sqlite_undo_forget(struct store *s);
int sqlite_undo_abandon(struct store *s, struct error *err);
int sqlite_undo_save(struct store *s, const char *what, const char *source, int64_t *id,
		     struct error *err);
int sqlite_undo_save_more(struct store *s, const char *what, const char *source, int64_t *id,
			  struct error *err);
int sqlite_undo_apply(struct store *s, int64_t id, struct error *err);

int pg_undo_track(struct store *s, struct error *err);
void pg_undo_forget(struct store *s);
int pg_undo_abandon(struct store *s, struct error *err);
int pg_undo_save(struct store *s, const char *what, const char *source, int64_t *id,
		 struct error *err);
int pg_undo_save_more(struct store *s, const char *what, const char *source, int64_t *id,
		      struct error *err);
int pg_undo_apply(struct store *s, int64_t id, struct error *err);

#endif
