/* db_sqlite.c: the store's SQLite backend: the table of store/db.h filled with SQLite. */
#include "store/db_sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"
#include "store/store_internal.h"
#include "util/alloc_fail.h"
#include "util/dirs.h"

struct sqlite_conn {
	struct db_conn head;
	sqlite3 *db;
	sqlite3_session *undo;      /* recording this transaction (db_sqlite_undo.c), or NULL */
	sqlite3_stmt *data_version; /* kept: the web server asks before every page */
};

struct sqlite_stmt {
	struct db_stmt head;
	sqlite3_stmt *st;
};

static struct sqlite_conn *conn_of(struct db_conn *c)
{
	return (struct sqlite_conn *)c;
}

static sqlite3_stmt *raw(struct db_stmt *st)
{
	return ((struct sqlite_stmt *)st)->st;
}

sqlite3 *db_sqlite_handle(struct db_conn *c)
{
	return conn_of(c)->db;
}

sqlite3_stmt *db_sqlite_stmt(struct db_stmt *st)
{
	return raw(st);
}

bool db_sqlite_owns(struct store *s)
{
	return store_conn(s)->ops == &db_backend_sqlite;
}

sqlite3 *db_sqlite_of(struct store *s)
{
	return db_sqlite_handle(store_conn(s));
}

sqlite3_session **db_sqlite_undo_slot(struct store *s)
{
	return &conn_of(store_conn(s))->undo;
}

enum db_failure db_sqlite_failure(int rc)
{
	switch (rc) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return DB_OK;
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
		return DB_FAIL_RANGE;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return DB_FAIL_UNIQUE;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return DB_FAIL_FOREIGN_KEY;
	case SQLITE_NOTADB:
		return DB_FAIL_DAMAGED;
	case SQLITE_TOOBIG:
		return DB_FAIL_TOO_BIG;
	}
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return DB_FAIL_FULL;
	case SQLITE_READONLY:
		return DB_FAIL_READ_ONLY;
	case SQLITE_CORRUPT:
		return DB_FAIL_DAMAGED;
	case SQLITE_NOMEM:
		return DB_FAIL_NO_MEMORY;
	}
	return DB_FAIL_OTHER;
}

/* ---- statements ---- */

static const struct db_backend *const sqlite_ops = &db_backend_sqlite;

static struct db_stmt *sqlite_prepare(struct db_conn *c, const char *sql, bool persistent)
{
	sqlite3_stmt *st;
	struct sqlite_stmt *out;

	if (sqlite3_prepare_v3(conn_of(c)->db, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
			       &st, NULL) != SQLITE_OK)
		return NULL;
	out = xmalloc(sizeof(*out));
	*out = (struct sqlite_stmt){ { sqlite_ops }, st };
	return &out->head;
}

static void sqlite_finalize(struct db_stmt *st)
{
	sqlite3_finalize(raw(st));
	free(st);
}

static void sqlite_reset(struct db_stmt *st)
{
	sqlite3_reset(raw(st));
}

static void sqlite_clear_bindings(struct db_stmt *st)
{
	sqlite3_clear_bindings(raw(st));
}

static int sqlite_bind_int64(struct db_stmt *st, int idx, int64_t v)
{
	return db_sqlite_failure(sqlite3_bind_int64(raw(st), idx, v));
}

static int sqlite_bind_double(struct db_stmt *st, int idx, double v)
{
	return db_sqlite_failure(sqlite3_bind_double(raw(st), idx, v));
}

static int sqlite_bind_null(struct db_stmt *st, int idx)
{
	return db_sqlite_failure(sqlite3_bind_null(raw(st), idx));
}

static int sqlite_param_count(struct db_stmt *st)
{
	return sqlite3_bind_parameter_count(raw(st));
}

static int sqlite_bind_text(struct db_stmt *st, int idx, const char *text, int len,
			    enum db_text_life life)
{
	void (*keep)(void *) = life == DB_TEXT_STATIC  ? SQLITE_STATIC
			       : life == DB_TEXT_OWNED ? free
						       : SQLITE_TRANSIENT;

	return db_sqlite_failure(sqlite3_bind_text(raw(st), idx, text, len, keep));
}

static int sqlite_step(struct db_stmt *st)
{
	int rc = sqlite3_step(raw(st));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return db_sqlite_failure(rc);
}

static enum value_type sqlite_column_type(struct db_stmt *st, int idx)
{
	switch (sqlite3_column_type(raw(st), idx)) {
	case SQLITE_INTEGER:
		return VALUE_INTEGER;
	case SQLITE_FLOAT:
		return VALUE_FLOAT;
	case SQLITE_TEXT:
		return VALUE_TEXT;
	case SQLITE_BLOB:
		return VALUE_BLOB;
	default:
		return VALUE_NULL;
	}
}

static int64_t sqlite_column_int64(struct db_stmt *st, int idx)
{
	return sqlite3_column_int64(raw(st), idx);
}

static double sqlite_column_double(struct db_stmt *st, int idx)
{
	return sqlite3_column_double(raw(st), idx);
}

static const char *sqlite_column_text(struct db_stmt *st, int idx)
{
	return (const char *)sqlite3_column_text(raw(st), idx);
}

static int sqlite_column_bytes(struct db_stmt *st, int idx)
{
	return sqlite3_column_bytes(raw(st), idx);
}

/* ---- the connection ---- */

static int sqlite_exec(struct db_conn *c, const char *sql)
{
	return db_sqlite_failure(sqlite3_exec(conn_of(c)->db, sql, NULL, NULL, NULL));
}

static int64_t sqlite_changes(struct db_conn *c)
{
	return sqlite3_changes(conn_of(c)->db);
}

static int64_t sqlite_last_insert_id(struct db_conn *c)
{
	return sqlite3_last_insert_rowid(conn_of(c)->db);
}

static enum db_failure sqlite_last_failure(struct db_conn *c)
{
	return db_sqlite_failure(sqlite3_extended_errcode(conn_of(c)->db));
}

static const char *sqlite_message(struct db_conn *c)
{
	return sqlite3_errmsg(conn_of(c)->db);
}

/* BEGIN IMMEDIATE for a write: the write lock at once. */
static int sqlite_begin(struct db_conn *c, bool write)
{
	return sqlite_exec(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
}

static int sqlite_commit(struct db_conn *c)
{
	return sqlite_exec(c, "COMMIT");
}

static bool sqlite_in_transaction(struct db_conn *c)
{
	return !sqlite3_get_autocommit(conn_of(c)->db);
}

static void sqlite_rollback(struct db_conn *c)
{
	if (sqlite_in_transaction(c))
		sqlite3_exec(conn_of(c)->db, "ROLLBACK", NULL, NULL, NULL);
}

/* WAL: the file stays whole either way; NORMAL may lose the last commits. */
static int sqlite_set_durable(struct db_conn *c, bool durable)
{
	return sqlite_exec(c,
			   durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
}

/* The one number a pragma or a query answers, 0 when no row. */
static int query_number(struct db_conn *c, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if ((rc = sqlite3_prepare_v2(conn_of(c)->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return db_sqlite_failure(rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_sqlite_failure(rc);
}

static int sqlite_schema_version(struct db_conn *c, int *version)
{
	int64_t v;
	int rc = query_number(c, "PRAGMA user_version", &v);

	*version = (int)v;
	return rc;
}

static int sqlite_set_schema_version(struct db_conn *c, int version)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", version);
	return sqlite_exec(c, sql);
}

/* Changes when another connection commits. */
static int sqlite_data_version(struct db_conn *dc, int64_t account_id, int64_t *version)
{
	struct sqlite_conn *c = conn_of(dc);
	int rc;

	(void)account_id; /* one person's file: no accounts */
	*version = 0;
	if (!c->data_version &&
	    (rc = sqlite3_prepare_v3(c->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
				     &c->data_version, NULL)) != SQLITE_OK)
		return db_sqlite_failure(rc);
	rc = sqlite3_step(c->data_version);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(c->data_version, 0);
	sqlite3_reset(c->data_version);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_sqlite_failure(rc);
}

static int sqlite_keep_warm(struct db_conn *c)
{
	/* A server's connection lives long: a larger page cache keeps what the
	 * pages read between two changes. (SQLite empties it whenever another
	 * connection commits. Mapping the file was tried and was slower: every
	 * outside commit remapped it, 12-16 ms for Today on the bench database
	 * against 4-6 ms without.) */
	return sqlite_exec(c, "PRAGMA cache_size = -16384");
}

static int sqlite_derive_in_memory(struct db_conn *c)
{
	/* each statement's journal in memory, not in a temporary file */
	return sqlite_exec(c, "PRAGMA temp_store = MEMORY");
}

static void sqlite_randomness(void *out, int n)
{
	sqlite3_randomness(n, out);
}

#ifdef RAPPORT_ALLOC_FAIL
/* The out-of-memory tests' build (util/alloc_fail.h): SQLite's default
 * allocator, counted with rapport's own allocations. */
static sqlite3_mem_methods sqlite_mem;

static void *counted_malloc(int size)
{
	return alloc_fail_now() ? NULL : sqlite_mem.xMalloc(size);
}

static void *counted_realloc(void *ptr, int size)
{
	return alloc_fail_now() ? NULL : sqlite_mem.xRealloc(ptr, size);
}

/* Before SQLite initialises. */
static void count_allocations(void)
{
	sqlite3_mem_methods counted;

	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_mem) != SQLITE_OK)
		return;
	counted = sqlite_mem;
	counted.xMalloc = counted_malloc;
	counted.xRealloc = counted_realloc;
	sqlite3_config(SQLITE_CONFIG_MALLOC, &counted);
}
#else
static void count_allocations(void)
{
}
#endif

static void sqlite_library_init(void)
{
	count_allocations();
	/* SQLite's memory statistics take a global mutex on every allocation
	 * and free (7% of a large import's instructions); rapport never reads
	 * them. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* ---- opening ---- */

/* Before SQLite opens (and perhaps creates) anything: a database rapport
 * cannot write, or a folder it cannot write in, gets a plain message and
 * nothing is created. (SQLite would open a read-only file in WAL mode and
 * leave read-only -wal and -shm files beside it, which keep the database
 * read-only even once the file is made writable again.) */
static int check_writable(const char *path, struct error *err)
{
	struct stat st;
	struct strbuf wal = STRBUF_INIT;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool exists = stat(path, &st) == 0, has_wal;
	int rc = 0;

	if (!exists && errno != ENOENT)
		rc = error_set(err, ERR_IO, "cannot open database '%s': %s", path, strerror(errno));
	else if (exists && S_ISDIR(st.st_mode))
		rc = error_set(err, ERR_IO, "'%s' is a folder, not a database", path);
	else if (exists && access(path, R_OK | W_OK))
		rc = error_set(err, ERR_IO, "cannot write to the database '%s': %s", path,
			       strerror(errno));
	if (rc)
		goto out;
	if (!slash) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir) {
		slash[1] = '\0'; /* "/rapport.db": the root folder */
	} else {
		*slash = '\0';
	}
	strbuf_addf(&wal, "%s-wal", path);
	has_wal = access(wal.buf, W_OK) == 0;
	if (stat(dir, &st))
		rc = error_set(err, ERR_IO, "cannot open database '%s': the folder '%s' %s", path,
			       dir, errno == ENOENT ? "does not exist" : strerror(errno));
	else if (!has_wal && access(dir, W_OK | X_OK))
		rc = error_set(err, ERR_IO,
			       "cannot write in the folder '%s' (%s): the database and its journal "
			       "files (-wal, -shm) live there",
			       dir, strerror(errno));
out:
	strbuf_release(&wal);
	free(dir);
	return rc;
}

/* A new database is made 0600 whatever the umask: it holds the user's
 * data (SQLite would make it 0644, and its -wal and -shm, which take the
 * database's mode). An existing file keeps its mode. */
static int create_private(const char *path, struct error *err)
{
	int fd;

	if (!strcmp(path, ":memory:"))
		return 0;
	/* O_EXCL: an existing file, or a symbolic link, is left as it is */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) >= 0) {
		close(fd);
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	return error_set(err, ERR_IO, "cannot create the database '%s': %s", path, strerror(errno));
}

/* Is this another program's SQLite database: tables, but no schema version?
 * (One statement, so one snapshot: another rapport may be creating it.) */
static bool is_foreign(struct sqlite_conn *c)
{
	int64_t foreign = 0;

	query_number(&c->head,
		     "SELECT user_version = 0 AND EXISTS (SELECT 1 FROM "
		     "sqlite_schema) FROM pragma_user_version",
		     &foreign);
	return foreign != 0;
}

/*
 * Another connection holds the write lock: wait, up to BUSY_MS in all.
 * SQLite's own busy_timeout sleeps longer and longer (up to 100 ms a try),
 * so a command that meets the web server busy with back-to-back requests
 * wakes rarely and can wait for seconds while the lock is free most of the
 * time; short, even tries take their turn within milliseconds.
 */
#define BUSY_MS 10000
#define BUSY_TRY_MS 2

static int busy_wait(void *ctx, int tries)
{
	(void)ctx;
	if (tries >= BUSY_MS / BUSY_TRY_MS)
		return 0;
	sqlite3_sleep(BUSY_TRY_MS);
	return 1;
}

/* fold_ascii(text): text_fold_ascii in SQL, so references match without
 * accents (resolve.c); SQLite has no unaccent of its own. */
static void sql_fold_ascii(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *text = sqlite3_value_text(argv[0]);

	(void)argc;
	if (!text) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, text_fold_ascii((const char *)text), -1, free);
}

static int configure(struct sqlite_conn *c, const char *path, bool read_only, struct error *err)
{
	sqlite3_busy_handler(c->db, busy_wait, NULL);
	/* No writing the file by other means than SQL (writable_schema, direct
	 * writes to FTS5's shadow tables). trusted_schema stays on: rapport's
	 * own triggers write to search_index, and SQLite 3.40's FTS5 is not
	 * marked harmless; the one SQL function rapport registers, fold_ascii,
	 * is pure and harmless whoever calls it. (restore turns it off on the
	 * backup it reads.) */
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	if (sqlite3_create_function(c->db, "fold_ascii", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				    sql_fold_ascii, NULL, NULL) != SQLITE_OK)
		return store_fail_message(db_sqlite_failure(sqlite3_extended_errcode(c->db)),
					  sqlite3_errmsg(c->db), "cannot open the database", err);
	/* A file that is not a database fails on its first read: say so plainly. */
	if (sqlite3_exec(c->db,
			 "PRAGMA foreign_keys = ON;"
			 "PRAGMA synchronous = FULL; SELECT count(*) FROM sqlite_schema",
			 NULL, NULL, NULL) != SQLITE_OK) {
		int rc = sqlite3_errcode(c->db);
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
			return error_set(err, ERR_STORE,
					 "'%s' is not a rapport database, or it is damaged", path);
		return store_fail_message(db_sqlite_failure(sqlite3_extended_errcode(c->db)),
					  sqlite3_errmsg(c->db), "cannot read the database", err);
	}
	/* before anything is written to it */
	if (is_foreign(c))
		return error_set(err, ERR_STORE, "'%s' is an SQLite database, but not rapport's",
				 path);
	if (!read_only && sqlite_exec(&c->head, "PRAGMA journal_mode = WAL"))
		return store_fail_message(db_sqlite_failure(sqlite3_extended_errcode(c->db)),
					  sqlite3_errmsg(c->db), "cannot open the database", err);
	return 0;
}

static void sqlite_close(struct db_conn *dc)
{
	struct sqlite_conn *c = conn_of(dc);

	if (!c)
		return;
	if (c->undo) /* a session must go before its connection */
		sqlite3session_delete(c->undo);
	sqlite3_finalize(c->data_version);
	sqlite3_close(c->db);
	free(c);
}

static int sqlite_open(struct db_conn **out, const char *path, unsigned flags, struct error *err)
{
	struct sqlite_conn *c;
	bool read_only = flags & STORE_READ_ONLY;
	int oflags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	*out = NULL;
	if ((flags & STORE_CREATE_DIRS) && dirs_make_parents(path, err))
		return ERR_IO;
	if (!read_only && check_writable(path, err))
		return ERR_IO;
	if (!read_only && create_private(path, err))
		return ERR_IO;
	c = xcalloc(1, sizeof(*c));
	c->head.ops = sqlite_ops;
	if (sqlite3_open_v2(path, &c->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot open database '%s': %s", path,
			  c->db ? sqlite3_errmsg(c->db) : "out of memory");
		sqlite_close(&c->head);
		return ERR_IO;
	}
	sqlite3_extended_result_codes(c->db, 1);
	if (configure(c, path, read_only, err)) {
		sqlite_close(&c->head);
		return ERR_STORE;
	}
	*out = &c->head;
	return 0;
}

const struct db_backend db_backend_sqlite = {
	.name = "sqlite",
	.schema = &store_schema_sqlite,
	.library_init = sqlite_library_init,
	.open = sqlite_open,
	.close = sqlite_close,
	.exec = sqlite_exec,
	.prepare = sqlite_prepare,
	.finalize = sqlite_finalize,
	.reset = sqlite_reset,
	.clear_bindings = sqlite_clear_bindings,
	.bind_int64 = sqlite_bind_int64,
	.bind_double = sqlite_bind_double,
	.bind_text = sqlite_bind_text,
	.bind_null = sqlite_bind_null,
	.param_count = sqlite_param_count,
	.step = sqlite_step,
	.column_type = sqlite_column_type,
	.column_int64 = sqlite_column_int64,
	.column_double = sqlite_column_double,
	.column_text = sqlite_column_text,
	.column_bytes = sqlite_column_bytes,
	.changes = sqlite_changes,
	.last_insert_id = sqlite_last_insert_id,
	.failure = sqlite_last_failure,
	.message = sqlite_message,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.in_transaction = sqlite_in_transaction,
	.set_durable = sqlite_set_durable,
	.schema_version = sqlite_schema_version,
	.set_schema_version = sqlite_set_schema_version,
	.data_version = sqlite_data_version,
	.keep_warm = sqlite_keep_warm,
	.derive_in_memory = sqlite_derive_in_memory,
	.rows_open = db_sqlite_rows_open,
	.rows_close = db_sqlite_rows_close,
	.randomness = sqlite_randomness,
};


