/*
 * db.h: the seam between the store and the database it runs on.
 *
 * A backend fills a struct db_backend, a table of functions, as an SQLite
 * VFS fills its table of file methods: the store's files prepare, bind, step and
 * read through it and never name the library behind it. A connection and a
 * statement start with their backend's table (struct db_conn, struct
 * db_stmt, which a backend's own structs embed first), so the calls below
 * find their backend without the store passing it around.
 *
 * Two backends: SQLite (db_sqlite*.c), the default, and PostgreSQL
 * (db_pg*.c, a coaching practice's server: a first step, issue 20). What
 * SQLite does that no table entry says (the undo recording, the online
 * backup) is in its files, and the SQL that is still SQLite's (FTS5,
 * json_each, the 'utc' modifier, triggers, PRAGMAs) in the store's;
 * docs/architecture.md lists what PostgreSQL provides of each so far.
 */
#ifndef RAPPORT_DB_H
#define RAPPORT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/value.h"
#include "util/error.h"

/* What a step gives when it did not fail: a row to read, or the end.
 * (SQLite's numbers, which the store used before the seam: nothing
 * depends on them but that they are positive and differ.) */
#define DB_ROW 100
#define DB_DONE 101

/* Why a call failed, as the store tells the user (store_fail). */
enum db_failure {
	DB_OK = 0,
	DB_FAIL_OTHER,       /* whatever else: the message says */
	DB_FAIL_RANGE,       /* a CHECK or NOT NULL constraint */
	DB_FAIL_UNIQUE,      /* a unique or primary key */
	DB_FAIL_FOREIGN_KEY, /* other rows refer to it, or it refers to none */
	DB_FAIL_FULL,        /* the disk */
	DB_FAIL_READ_ONLY,
	DB_FAIL_DAMAGED, /* not a database, or a corrupt one */
	DB_FAIL_TOO_BIG, /* a value longer than the database takes */
	DB_FAIL_NO_MEMORY,
	DB_FAIL_REFUSED, /* a rule of the database's own refused it: the message says why */
	DB_FAIL_UNAVAILABLE, /* the database server cannot be reached now (a restart) */
};

/* How long a bound text must live. */
enum db_text_life {
	DB_TEXT_COPY,   /* the backend copies it */
	DB_TEXT_STATIC, /* the caller keeps it until the statement's next step */
	DB_TEXT_OWNED,  /* malloc'd; the backend frees it, even when binding fails */
};

struct db_backend;
struct store_schema; /* a backend's migrations (store_internal.h) */

/* One cell of a row that C hands to SQL (struct db_rows). */
struct db_cell {
	enum value_type type; /* VALUE_NULL, VALUE_INTEGER or VALUE_TEXT */
	int64_t i;
	const char *text; /* lives as long as the rows, unless it is in the scratch */
	int len;          /* bytes of text, or -1: to its NUL */
};

/* Bytes of the scratch a reader of db_rows lends each cell. */
#define DB_ROWS_SCRATCH 64

/* Rows that C holds, read by SQL as a table named when it is opened (an
 * import's queue: one INSERT ... SELECT writes them all, where a statement
 * a row cost twice the time). In the order of their first column. */
struct db_rows {
	const char *columns; /* declared, "id INTEGER, name TEXT, ...": at most 32 */
	size_t n;
	/* The cell of a row and column; text made on the fly goes in scratch
	 * (DB_ROWS_SCRATCH bytes, the reader's own), which the backend copies. */
	void (*cell)(const void *ctx, size_t row, int col, struct db_cell *out, char *scratch);
	const void *ctx;
};

/* The head of a backend's connection and statement. */
struct db_conn {
	const struct db_backend *ops;
};
struct db_stmt {
	const struct db_backend *ops;
};

/*
 * What a backend provides. Calls that can fail return 0 (DB_OK) or an
 * enum db_failure, and leave the connection's message for message();
 * failure() says what the connection's last failure was.
 */
struct db_backend {
	const char *name; /* "sqlite", "postgresql" */
	/* Whether where is this backend's kind of address (store_open picks the
	 * first backend that claims it, else the first); NULL: claims none. */
	bool (*claims)(const char *where);
	/* The migrations that bring a database of this backend to the store's
	 * schema version. */
	const struct store_schema *schema;
	/* Whose SQL it speaks, where a statement has a text per backend
	 * (store_sql): SQLite's unless this says PostgreSQL's. */
	bool postgresql_sql;
	/* Once per process, before any connection (and any thread). */
	void (*library_init)(void);
	/* Open (creating when allowed) the database at where; a plain
	 * message in err when not. flags: enum store_open_flags. */
	int (*open)(struct db_conn **out, const char *where, unsigned flags, struct error *err);
	void (*close)(struct db_conn *c);

	/* Run sql, which returns no rows (several statements allowed). */
	int (*exec)(struct db_conn *c, const char *sql);
	/* A statement for sql, NULL on failure; persistent: it will be kept
	 * and reused (the store's cache), so the backend may plan it so. */
	struct db_stmt *(*prepare)(struct db_conn *c, const char *sql, bool persistent);
	void (*finalize)(struct db_stmt *st); /* NULL is allowed */
	void (*reset)(struct db_stmt *st);
	void (*clear_bindings)(struct db_stmt *st);
	int (*bind_int64)(struct db_stmt *st, int idx, int64_t value);
	int (*bind_double)(struct db_stmt *st, int idx, double value);
	/* len bytes, or to the NUL when len < 0 */
	int (*bind_text)(struct db_stmt *st, int idx, const char *text, int len,
			 enum db_text_life life);
	int (*bind_null)(struct db_stmt *st, int idx);
	/* How many parameters the statement has (the largest ?N). */
	int (*param_count)(struct db_stmt *st);
	/* DB_ROW, DB_DONE, or an enum db_failure (the statement then needs a reset). */
	int (*step)(struct db_stmt *st);
	enum value_type (*column_type)(struct db_stmt *st, int idx);
	int64_t (*column_int64)(struct db_stmt *st, int idx);
	double (*column_double)(struct db_stmt *st, int idx);
	/* NULL for SQL NULL; valid until the next step, reset or read of it as another type */
	const char *(*column_text)(struct db_stmt *st, int idx);
	int (*column_bytes)(struct db_stmt *st, int idx);

	/* Rows the last INSERT, UPDATE or DELETE changed; the last row's id. */
	int64_t (*changes)(struct db_conn *c);
	int64_t (*last_insert_id)(struct db_conn *c);
	enum db_failure (*failure)(struct db_conn *c);
	const char *(*message)(struct db_conn *c);

	/* Transactions: a write one takes the write lock at once, so a busy
	 * database waits at the start, never mid-command. */
	int (*begin)(struct db_conn *c, bool write);
	int (*commit)(struct db_conn *c);
	void (*rollback)(struct db_conn *c); /* nothing when no transaction is open */
	bool (*in_transaction)(struct db_conn *c);
	/* Whether the commits that follow wait for the disk (store_durable). */
	int (*set_durable)(struct db_conn *c, bool durable);

	/* The schema version the database is at (0: new), and setting it, in
	 * the migration's transaction. */
	int (*schema_version)(struct db_conn *c, int *version);
	int (*set_schema_version)(struct db_conn *c, int version);
	/* A number that changes whenever another connection commits a change
	 * to what account_id's pages show (0: the connection's own account,
	 * else the whole database's). SQLite has one for the file, whatever
	 * the account; PostgreSQL one per account (schema_pg.c). */
	int (*data_version)(struct db_conn *c, int64_t account_id, int64_t *version);
	/* For a connection that serves many requests (the web server's). */
	int (*keep_warm)(struct db_conn *c);
	/* For a transaction that writes only what the time rules derive
	 * (store_derive_in_memory). */
	int (*derive_in_memory)(struct db_conn *c);
	/* Show rows as the table name to the statements that run until
	 * rows_close (rows stays the caller's until then). */
	int (*rows_open)(struct db_conn *c, const char *name, const struct db_rows *rows);
	void (*rows_close)(struct db_conn *c, const char *name);
	/* n random bytes (not for secrets: a UID's random part). */
	void (*randomness)(void *out, int n);
	/* A setting every transaction of this connection sees (PostgreSQL's
	 * rapport.zone, rapport.account), kept by the backend: made again on a
	 * new session (a reconnection), and in each transaction when a pool
	 * lends the server's session per transaction. NULL where the backend
	 * has none to keep (SQLite). */
	int (*session_setting)(struct db_conn *c, const char *name, const char *value);
	/* The account the transaction begun acts for, to its end; in a write
	 * transaction, with that account's write lock, so that writers of
	 * other accounts need not wait. NULL where the backend has no
	 * accounts (SQLite). */
	int (*act_for)(struct db_conn *c, int64_t account_id);
};

/* The backends this build has; the first is the default. NULL-terminated. */
extern const struct db_backend db_backend_sqlite;
extern const struct db_backend db_backend_pg;
extern const struct db_backend *const db_backends[];

/* The calls the store makes, each one indirect call through the table. */
static inline int db_bind_int64(struct db_stmt *st, int idx, int64_t v)
{
	return st->ops->bind_int64(st, idx, v);
}
static inline int db_bind_double(struct db_stmt *st, int idx, double v)
{
	return st->ops->bind_double(st, idx, v);
}
static inline int db_bind_null(struct db_stmt *st, int idx)
{
	return st->ops->bind_null(st, idx);
}
static inline int db_param_count(struct db_stmt *st)
{
	return st->ops->param_count(st);
}
static inline int db_step(struct db_stmt *st)
{
	return st->ops->step(st);
}
static inline void db_reset(struct db_stmt *st)
{
	st->ops->reset(st);
}
static inline void db_clear_bindings(struct db_stmt *st)
{
	st->ops->clear_bindings(st);
}
static inline void db_finalize(struct db_stmt *st)
{
	if (st)
		st->ops->finalize(st);
}
static inline enum value_type db_column_type(struct db_stmt *st, int idx)
{
	return st->ops->column_type(st, idx);
}
static inline int64_t db_column_int64(struct db_stmt *st, int idx)
{
	return st->ops->column_int64(st, idx);
}
/* An int column (a count, a flag, a small number). */
static inline int db_column_int(struct db_stmt *st, int idx)
{
	return (int)st->ops->column_int64(st, idx);
}
static inline double db_column_double(struct db_stmt *st, int idx)
{
	return st->ops->column_double(st, idx);
}
static inline const char *db_column_text(struct db_stmt *st, int idx)
{
	return st->ops->column_text(st, idx);
}
static inline int db_column_bytes(struct db_stmt *st, int idx)
{
	return st->ops->column_bytes(st, idx);
}

#endif
