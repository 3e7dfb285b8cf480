/*
 * db_sqlite.h: the SQLite backend's own header, for its files alone
 * (db_sqlite*.c) and the tools and tests that work on an SQLite file as
 * such. The store's other files see only store/db.h.
 */
#ifndef RAPPORT_DB_SQLITE_H
#define RAPPORT_DB_SQLITE_H

/* The session extension (undo) is in Debian's libsqlite3; its declarations
 * in sqlite3.h need these two. Here, not on every compiler's command line:
 * only the backend's files see SQLite. */
#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include <sqlite3.h>

#include <stdbool.h>

#include "store/db.h"

struct store;

/* The SQLite connection and statement behind the backend's. */
sqlite3 *db_sqlite_handle(struct db_conn *c);
sqlite3_stmt *db_sqlite_stmt(struct db_stmt *st);
/* Whether the store is on SQLite: undo and the file backup are SQLite's
 * alone so far, and do nothing (or refuse) on another backend. */
bool db_sqlite_owns(struct store *s);
/* The store's connection, as SQLite's (store_conn's). */
sqlite3 *db_sqlite_of(struct store *s);
/* Where the connection keeps the session that records a transaction for
 * undo (db_sqlite_undo.c); the connection deletes it when it closes. */
sqlite3_session **db_sqlite_undo_slot(struct store *s);
/* An SQLite result code as the seam says it. */
enum db_failure db_sqlite_failure(int rc);
/* db_backend's rows_open and rows_close (db_sqlite_rows.c). */
int db_sqlite_rows_open(struct db_conn *c, const char *name, const struct db_rows *rows);
void db_sqlite_rows_close(struct db_conn *c, const char *name);

#endif
