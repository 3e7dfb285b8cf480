/* store.c: opening the database file, migrations, transactions and the statement cache. */
#include "store/store_internal.h"
#include "store/load_check.h"
#include "store/undo.h"

#include "core/text.h"
#include "util/dirs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STMT_SLOTS 256 /* more than the distinct statements rapport has */

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	struct datetime now;
	char stamp[DATE_BUFSZ];   /* now, local: for the layers above */
	char instant[DATE_BUFSZ]; /* now as a UTC instant: what the store writes */
	struct stmt_slot stmts[STMT_SLOTS];
	/* column lists for the dump/load of each table */
	/* per data table (store_tables), filled on first use */
	char **columns[STORE_MAX_TABLES];
	sqlite3_stmt *loaders[STORE_MAX_TABLES];
	sqlite3_session *undo; /* recording this transaction's changes (undo.c), or NULL */
	char *note;            /* what an upgrade at open wants the user to know */
	int opened_at_version; /* the schema version the file had when opened */
};

sqlite3_session **store_undo_slot(struct store *s)
{
	return &s->undo;
}

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

int store_refresh_now(struct store *s, struct error *err)
{
	if (date_now_instant(&s->now, s->instant, err))
		return ERR_INVALID;
	date_format_stamp(&s->now, s->stamp);
	return 0;
}

const struct datetime *store_now(const struct store *s)
{
	return &s->now;
}

const char *store_stamp(const struct store *s)
{
	return s->stamp;
}

const char *store_instant(const struct store *s)
{
	return s->instant;
}

void store_set_note(struct store *s, const char *note)
{
	free(s->note);
	s->note = xstrdup(note);
}

const char *store_upgrade_note(const struct store *s)
{
	return s->note;
}

int store_opened_at_version(const struct store *s)
{
	return s->opened_at_version;
}

int store_fail(struct store *s, const char *doing, struct error *err)
{
	int rc = sqlite3_extended_errcode(s->db);

	if (rc == SQLITE_CONSTRAINT_CHECK || rc == SQLITE_CONSTRAINT_NOTNULL)
		return error_set(err, ERR_INVALID, "%s: a value is out of range (%s)", doing,
				 sqlite3_errmsg(s->db));
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return error_set(err, ERR_CONFLICT, "%s: it already exists", doing);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return error_set(err, ERR_CONFLICT, "%s: other records refer to it", doing);
	if ((rc & 0xff) == SQLITE_FULL)
		return error_set(err, ERR_STORE, "%s: the disk is full", doing);
	if ((rc & 0xff) == SQLITE_READONLY)
		return error_set(err, ERR_STORE, "%s: the database is read-only", doing);
	if ((rc & 0xff) == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return error_set(err, ERR_STORE,
				 "%s: the database file is damaged (%s); 'rapport restore FILE' "
				 "brings back a backup", doing, sqlite3_errmsg(s->db));
	return error_set(err, ERR_STORE, "%s: %s", doing, sqlite3_errmsg(s->db));
}

/* A text that SQLite could not copy (out of memory) or would not take (too
 * long) leaves its parameter NULL: the statement must fail rather than run
 * without it (an INSERT OR IGNORE would drop the row and carry on; a
 * SELECT would answer for NULL). Found by tests/faults/oom-run: a 'log
 * interview' that saved without linking a person. A failed bind is noted
 * against its own statement; store_step, the one place a statement runs,
 * fails that statement with it before its first step. Keyed by statement,
 * not one flag: a failure is never reported by another statement, nor
 * forgotten because another statement was handed out meanwhile (issue 18).
 * Handing a statement out (store_stmt, store_prepare: a finalized one's
 * address may come back) forgets what was noted against it. */
#define BIND_SLOTS 4 /* statements bound at once and not yet run: one or two */

struct failed_bind {
	sqlite3_stmt *st;
	int rc;
};

static _Thread_local struct failed_bind failed_binds[BIND_SLOTS];

/* The failure noted against st (SQLITE_OK: none), forgotten. */
static int take_bind_failure(sqlite3_stmt *st)
{
	for (size_t i = 0; i < BIND_SLOTS; i++)
		if (failed_binds[i].st == st) {
			int rc = failed_binds[i].rc;
			failed_binds[i] = (struct failed_bind){ 0 };
			return rc;
		}
	return SQLITE_OK;
}

static void note_bind(sqlite3_stmt *st, int rc)
{
	struct failed_bind *slot = &failed_binds[0]; /* all full: the first gives way */

	if (rc == SQLITE_OK)
		return;
	for (size_t i = 0; i < BIND_SLOTS; i++)
		if (failed_binds[i].st == st)
			return; /* its first failure says it */
	for (size_t i = 0; i < BIND_SLOTS; i++)
		if (!failed_binds[i].st) {
			slot = &failed_binds[i];
			break;
		}
	*slot = (struct failed_bind){ st, rc };
}

sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct error *err)
{
	size_t h = ((uintptr_t)sql >> 4) % STMT_SLOTS;

	for (size_t probe = 0; probe < STMT_SLOTS; probe++) {
		struct stmt_slot *slot = &s->stmts[(h + probe) % STMT_SLOTS];
		if (slot->sql == sql) {
			take_bind_failure(slot->stmt);
			sqlite3_reset(slot->stmt);
			sqlite3_clear_bindings(slot->stmt);
			return slot->stmt;
		}
		if (!slot->sql) {
			if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
					       &slot->stmt, NULL) != SQLITE_OK) {
				store_fail(s, "cannot prepare a query", err);
				return NULL;
			}
			slot->sql = sql;
			take_bind_failure(slot->stmt);
			return slot->stmt;
		}
	}
	error_set(err, ERR_STORE, "too many distinct queries");
	return NULL;
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql, const char *doing,
			    struct error *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail(s, doing, err);
		return NULL;
	}
	take_bind_failure(st);
	return st;
}

/* err for a bind of st that failed (rc). */
static int bind_fail(sqlite3_stmt *st, int rc, const char *doing, struct error *err)
{
	sqlite3_reset(st);
	if (rc == SQLITE_TOOBIG)
		return error_set(err, ERR_INVALID, "%s: a value is too long", doing);
	return error_set(err, ERR_STORE, "%s: out of memory", doing);
}

int store_step(struct store *s, sqlite3_stmt *st, const char *doing, struct error *err)
{
	int rc = take_bind_failure(st);

	if (rc != SQLITE_OK)
		return bind_fail(st, rc, doing, err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return rc;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return rc;
	}
	rc = store_fail(s, doing, err);
	sqlite3_reset(st);
	return rc;
}

int store_number(struct store *s, sqlite3_stmt *st, int64_t *out, const char *doing,
		 struct error *err)
{
	int rc = store_step(s, st, doing, err);

	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc < 0)
		return rc;
	sqlite3_reset(st);
	return 0;
}

int store_exec_stmt(struct store *s, sqlite3_stmt *st, const char *doing, struct error *err)
{
	int rc = store_step(s, st, doing, err);

	if (rc < 0)
		return rc;
	sqlite3_reset(st);
	return 0;
}

int store_exec_id(struct store *s, const char *sql, int64_t id, const char *doing,
		  struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	sqlite3_bind_int64(st, 1, id);
	return store_exec_stmt(s, st, doing, err);
}

int store_first(struct store *s, sqlite3_stmt *st, store_read_fn *read, void *out,
		     const char *doing, struct error *err)
{
	int rc = store_step(s, st, doing, err);

	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : rc;
	if (read)
		read(st, out);
	sqlite3_reset(st);
	return 1;
}

int store_one(struct store *s, sqlite3_stmt *st, store_read_fn *read, void *out,
	      const char *what, int64_t id, struct error *err)
{
	char doing[64];
	int rc;

	snprintf(doing, sizeof(doing), "cannot read the %s", what);
	rc = store_first(s, st, read, out, doing, err);
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "no %s %lld", what, (long long)id);
	return rc < 0 ? rc : 0;
}

int store_exists(struct store *s, sqlite3_stmt *st, const char *doing, struct error *err)
{
	return store_first(s, st, NULL, NULL, doing, err);
}

int store_each(struct store *s, sqlite3_stmt *st, store_read_fn *read, void *out,
	       const char *doing, struct error *err)
{
	int rc;

	while ((rc = store_step(s, st, doing, err)) == SQLITE_ROW)
		read(st, out);
	return rc == SQLITE_DONE ? 0 : rc;
}

void store_read_id(sqlite3_stmt *st, void *id)
{
	*(int64_t *)id = sqlite3_column_int64(st, 0);
}

void store_push_id(sqlite3_stmt *st, void *ids)
{
	*VEC_PUSH((id_vec *)ids) = sqlite3_column_int64(st, 0);
}

void bind_text(sqlite3_stmt *st, int idx, const char *value)
{
	if (value)
		note_bind(st, sqlite3_bind_text(st, idx, value, -1, SQLITE_TRANSIENT));
	else
		sqlite3_bind_null(st, idx);
}

void bind_time(sqlite3_stmt *st, int idx, const char *value)
{
	char instant[DATE_BUFSZ];

	bind_text(st, idx, value && !date_to_instant(value, instant) ? instant : value);
}

void bind_local_offset(sqlite3_stmt *st, int idx, const char *value)
{
	struct datetime dt;

	if (!value || date_parse_iso(value, &dt, NULL) || !dt.has_time)
		sqlite3_bind_null(st, idx);
	else
		note_bind(st, sqlite3_bind_int(st, idx, date_local_offset(&dt)));
}

void bind_instant(sqlite3_stmt *st, int idx, const char *value)
{
	char start[DATE_BUFSZ], instant[DATE_BUFSZ];

	snprintf(start, sizeof(start), "%.10sT00:00", value ? value : "");
	if (!value || date_to_instant(strlen(value) == 10 ? start : value, instant))
		instant[0] = '\0';
	bind_text(st, idx, value ? instant : NULL);
}

void bind_moment(sqlite3_stmt *st, int instant_idx, int local_idx, const char *value)
{
	bind_instant(st, instant_idx, value);
	bind_text(st, local_idx, value);
}

void bind_now(const struct store *s, sqlite3_stmt *st, int instant_idx, int local_idx)
{
	bind_text(st, instant_idx, s->instant);
	bind_text(st, local_idx, s->stamp);
}

void bind_text_owned(sqlite3_stmt *st, int idx, char *value)
{
	note_bind(st, sqlite3_bind_text(st, idx, value, -1, free));
}

int64_t store_uid_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* v's low `digits` hex digits at out; out past them. */
static char *put_hex(char *out, uint64_t v, int digits)
{
	static const char hex[] = "0123456789abcdef";

	for (int i = digits - 1; i >= 0; i--, v >>= 4)
		out[i] = hex[v & 15];
	return out + digits;
}

/* By hand: snprintf took 5,000 instructions a UID. */
void store_new_uid(char out[STORE_UID_SIZE], int64_t ms, int64_t counter)
{
	uint64_t t = (uint64_t)ms, c = (uint64_t)counter;
	unsigned char r[5];
	char *p = out;

	sqlite3_randomness(sizeof(r), r);
	memcpy(p, "urn:uuid:", 9);
	p = put_hex(p + 9, t >> 16, 8);
	*p++ = '-';
	p = put_hex(p, t, 4);
	*p++ = '-';
	*p++ = '7';
	p = put_hex(p, c >> 20, 3);
	*p++ = '-';
	p = put_hex(p, 8 + ((c >> 18) & 3), 1);
	p = put_hex(p, c >> 6, 3);
	*p++ = '-';
	p = put_hex(p, c & 63, 2);
	for (int i = 0; i < 5; i++)
		p = put_hex(p, r[i], 2);
	*p = '\0';
}

void bind_text_static(sqlite3_stmt *st, int idx, const char *value, int len)
{
	if (value)
		note_bind(st, sqlite3_bind_text(st, idx, value, len, SQLITE_STATIC));
	else
		sqlite3_bind_null(st, idx);
}

void bind_opt_int(sqlite3_stmt *st, int idx, int64_t value)
{
	if (value < 0)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int64(st, idx, value);
}

void bind_id(sqlite3_stmt *st, int idx, int64_t id)
{
	if (id <= 0)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int64(st, idx, id);
}

char *col_text(sqlite3_stmt *st, int idx)
{
	const unsigned char *t = sqlite3_column_text(st, idx);
	return t ? xstrdup((const char *)t) : NULL;
}

static char *col_local(sqlite3_stmt *st, int idx, bool stamp)
{
	const unsigned char *t = sqlite3_column_text(st, idx);
	char local[DATE_BUFSZ];

	if (!t)
		return NULL;
	date_from_instant((const char *)t, stamp, local);
	return xstrdup(local);
}

void store_touch_day(const char *basis, int cadence, char day[DATE_BUFSZ])
{
	struct datetime dt;

	day[0] = '\0';
	if (!basis || date_parse_iso(basis, &dt, NULL))
		return;
	date_add_days(&dt, cadence);
	date_format_day(&dt, day);
}

char *col_time(sqlite3_stmt *st, int idx)
{
	return col_local(st, idx, false);
}

char *col_stamp(sqlite3_stmt *st, int idx)
{
	return col_local(st, idx, true);
}

void col_opp_ref(sqlite3_stmt *st, int first, struct opp_ref *o)
{
	o->id = sqlite3_column_int64(st, first);
	o->slug = col_text(st, first + 1);
	o->title = col_text(st, first + 2);
	o->org_name = col_text(st, first + 3);
	o->org_id = sqlite3_column_int64(st, first + 4);
}

int64_t col_opt_int(sqlite3_stmt *st, int idx)
{
	if (sqlite3_column_type(st, idx) == SQLITE_NULL)
		return -1;
	return sqlite3_column_int64(st, idx);
}

int col_enum(sqlite3_stmt *st, int idx, const struct enum_def *def)
{
	const char *name = (const char *)sqlite3_column_text(st, idx);

	if (!name)
		return -1;
	for (size_t i = 0; i < def->count; i++)
		if (!strcmp(def->names[i], name))
			return (int)i;
	return -1;
}

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
		rc = error_set(err, ERR_IO, "cannot open database '%s': the folder '%s' %s", path, dir,
			       errno == ENOENT ? "does not exist" : strerror(errno));
	else if (!has_wal && access(dir, W_OK | X_OK))
		rc = error_set(err, ERR_IO,
			       "cannot write in the folder '%s' (%s): the database and its journal "
			       "files (-wal, -shm) live there", dir, strerror(errno));
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
	return error_set(err, ERR_IO, "cannot create the database '%s': %s", path,
			 strerror(errno));
}

static int exec_sql(struct store *s, const char *sql, const char *doing, struct error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, doing, err);
	return 0;
}

static int read_user_version(struct store *s, int *version, struct error *err)
{
	static const char doing[] = "cannot read the database";
	sqlite3_stmt *st = store_prepare(s, "PRAGMA user_version", doing, err);
	int64_t v = 0;
	int rc;

	*version = 0;
	if (!st)
		return err->code;
	rc = store_number(s, st, &v, doing, err);
	sqlite3_finalize(st);
	*version = (int)v;
	return rc;
}

/* Is this another program's SQLite database: tables, but no schema version?
 * (One statement, so one snapshot: another rapport may be creating it.) */
static bool is_foreign(struct store *s)
{
	struct error ignored = ERROR_INIT;
	sqlite3_stmt *st = store_prepare(s, "SELECT user_version = 0 AND EXISTS (SELECT 1 FROM "
					    "sqlite_schema) FROM pragma_user_version",
					 "", &ignored);
	int64_t foreign = 0;

	if (!st)
		return false;
	store_number(s, st, &foreign, "", &ignored);
	sqlite3_finalize(st);
	return foreign != 0;
}

/* Bring the schema up to this build's version, in one transaction. */
static int migrate(struct store *s, const char *path, bool read_only, struct error *err)
{
	int version;
	char sql[64];

	if (read_user_version(s, &version, err))
		return ERR_STORE;
	s->opened_at_version = version;
	if (version > (int)store_nmigrations)
		return error_set(err, ERR_STORE,
				 "'%s' was written by a newer rapport (schema %d; this one knows "
				 "up to %d): upgrade rapport to open it", path, version,
				 (int)store_nmigrations);
	if (version == (int)store_nmigrations)
		return 0;
	if (read_only)
		return error_set(err, ERR_STORE, "'%s' needs an upgrade but is opened read-only",
				 path);
	if (exec_sql(s, "BEGIN IMMEDIATE", "cannot lock the database", err))
		return ERR_STORE;
	/* another process may have migrated while we waited for the lock */
	if (read_user_version(s, &version, err))
		goto fail;
	s->opened_at_version = version;
	for (; version < (int)store_nmigrations; version++) {
		if (exec_sql(s, store_migrations[version], "cannot upgrade the database", err))
			goto fail;
		if (store_migration_after[version] && store_migration_after[version](s, err))
			goto fail;
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", version + 1);
		if (exec_sql(s, sql, "cannot upgrade the database", err))
			goto fail;
	}
	return exec_sql(s, "COMMIT", "cannot upgrade the database", err);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return ERR_STORE;
}

int store_data_version(struct store *s, int64_t *version, struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, "PRAGMA data_version", err);

	if (!st)
		return ERR_STORE;
	return store_number(s, st, version, "cannot read the database's version", err);
}

int store_keep_warm(struct store *s, struct error *err)
{
	/* A server's connection lives long: a larger page cache keeps what the
	 * pages read between two changes. (SQLite empties it whenever another
	 * connection commits. Mapping the file was tried and was slower: every
	 * outside commit remapped it, 12-16 ms for Today on the bench database
	 * against 4-6 ms without.) */
	return exec_sql(s, "PRAGMA cache_size = -16384", "cannot configure the database", err);
}

int store_derive_in_memory(struct store *s, struct error *err)
{
	return exec_sql(s, "PRAGMA temp_store = MEMORY", "cannot configure the database", err);
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

static int configure(struct store *s, const char *path, bool read_only, struct error *err)
{
	sqlite3_busy_handler(s->db, busy_wait, NULL);
	/* No writing the file by other means than SQL (writable_schema, direct
	 * writes to FTS5's shadow tables). trusted_schema stays on: rapport's
	 * own triggers write to search_index, and SQLite 3.40's FTS5 is not
	 * marked harmless; the one SQL function rapport registers, fold_ascii,
	 * is pure and harmless whoever calls it. (restore turns it off on the
	 * backup it reads.) */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	if (sqlite3_create_function(s->db, "fold_ascii", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				    sql_fold_ascii, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "cannot open the database", err);
	/* A file that is not a database fails on its first read: say so plainly. */
	if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON;"
			 "PRAGMA synchronous = FULL; SELECT count(*) FROM sqlite_schema",
			 NULL, NULL, NULL) != SQLITE_OK) {
		int rc = sqlite3_errcode(s->db);
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
			return error_set(err, ERR_STORE,
					 "'%s' is not a rapport database, or it is damaged", path);
		return store_fail(s, "cannot read the database", err);
	}
	/* before anything is written to it */
	if (is_foreign(s))
		return error_set(err, ERR_STORE, "'%s' is an SQLite database, but not rapport's",
				 path);
	if (!read_only && exec_sql(s, "PRAGMA journal_mode = WAL", "cannot open the database",
				   err))
		return ERR_STORE;
	return migrate(s, path, read_only, err);
}

void store_library_init(void)
{
	/* SQLite's memory statistics take a global mutex on every allocation
	 * and free (7% of a large import's instructions); rapport never reads
	 * them. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_open(struct store **out, const char *path, unsigned flags, struct error *err)
{
	struct store *s;
	bool read_only = flags & STORE_READ_ONLY;
	int oflags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	*out = NULL;
	if (!path || !*path)
		return error_set(err, ERR_INVALID, "no database path");
	if ((flags & STORE_CREATE_DIRS) && dirs_make_parents(path, err))
		return ERR_IO;
	if (!read_only && check_writable(path, err))
		return ERR_IO;
	if (!read_only && create_private(path, err))
		return ERR_IO;
	s = xcalloc(1, sizeof(*s));
	if (store_refresh_now(s, err)) {
		free(s);
		return ERR_INVALID;
	}
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot open database '%s': %s", path,
			  s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return ERR_IO;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (configure(s, path, read_only, err)) {
		store_close(s);
		return ERR_STORE;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_undo_forget(s); /* a session must go before its connection */
	for (size_t i = 0; i < STMT_SLOTS; i++)
		if (s->stmts[i].stmt)
			sqlite3_finalize(s->stmts[i].stmt);
	for (size_t i = 0; i < ARRAY_SIZE(s->columns); i++) {
		sqlite3_finalize(s->loaders[i]);
		if (!s->columns[i])
			continue;
		for (char **c = s->columns[i]; *c; c++)
			free(*c);
		free(s->columns[i]);
	}
	sqlite3_close(s->db);
	free(s->note);
	free(s);
}

int store_begin_read(struct store *s, struct error *err)
{
	return exec_sql(s, "BEGIN", "cannot read the database", err);
}

int store_durable(struct store *s, bool durable, struct error *err)
{
	return exec_sql(s, durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
			"cannot set how commits reach the disk", err);
}

int store_begin_write(struct store *s, struct error *err)
{
	return exec_sql(s, "BEGIN IMMEDIATE", "cannot lock the database for writing", err);
}

int store_commit(struct store *s, struct error *err)
{
	if (sqlite3_get_autocommit(s->db))
		return 0;
	return exec_sql(s, "COMMIT", "cannot save the changes", err);
}

void store_rollback(struct store *s)
{
	store_undo_forget(s);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- dump and load, for the JSON backup ---- */

static int table_index(const char *table)
{
	for (size_t i = 0; i < store_ntables; i++)
		if (!strcmp(store_tables[i], table))
			return (int)i;
	return -1;
}

typedef VEC(char *) column_vec;

static void push_column(sqlite3_stmt *st, void *vec)
{
	*VEC_PUSH((column_vec *)vec) = col_text(st, 0);
}

const char *const *store_table_columns(struct store *s, const char *table, struct error *err)
{
	int t = table_index(table);
	sqlite3_stmt *st;
	column_vec cols = { 0 };

	if (t < 0) {
		error_set(err, ERR_INVALID, "unknown table '%s'", table);
		return NULL;
	}
	if (s->columns[t])
		return (const char *const *)s->columns[t];
	st = store_stmt(s, "SELECT name FROM pragma_table_info(?) ORDER BY cid", err);
	if (!st)
		return NULL;
	bind_text_static(st, 1, store_tables[t], -1);
	if (store_each(s, st, push_column, &cols, "cannot read the database's columns", err)) {
		for (size_t i = 0; i < cols.n; i++)
			free(cols.items[i]);
		free(cols.items);
		return NULL;
	}
	*VEC_PUSH(&cols) = NULL;
	s->columns[t] = cols.items;
	return (const char *const *)s->columns[t];
}

/* SQL built from the schema's own table and column names, never from input. */
static void build_sql(struct strbuf *sql, const char *table, const char *const *cols,
		      bool insert)
{
	strbuf_addstr(sql, insert ? "INSERT INTO \"" : "SELECT ");
	if (insert)
		strbuf_addf(sql, "%s\" (", table);
	for (size_t i = 0; cols[i]; i++)
		strbuf_addf(sql, "%s\"%s\"", i ? ", " : "", cols[i]);
	if (insert) {
		strbuf_addstr(sql, ") VALUES (");
		for (size_t i = 0; cols[i]; i++)
			strbuf_addstr(sql, i ? ", ?" : "?");
		strbuf_addstr(sql, ")");
	} else {
		strbuf_addf(sql, " FROM \"%s\" ORDER BY 1, 2", table);
	}
}

static void column_value(sqlite3_stmt *st, int i, struct cell_value *v)
{
	v->type = sqlite3_column_type(st, i);
	v->i = sqlite3_column_int64(st, i);
	v->f = sqlite3_column_double(st, i);
	v->text = (const char *)sqlite3_column_text(st, i);
}

int store_dump_table(struct store *s, const char *table, store_row_fn row, void *ctx,
		     struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	struct strbuf sql = STRBUF_INIT;
	struct cell_value vals[32];
	sqlite3_stmt *st;
	size_t n = 0;
	int rc = 0;

	if (!cols)
		return ERR_INVALID;
	while (cols[n])
		n++;
	if (n > 32)
		return error_set(err, ERR_STORE, "table '%s' has too many columns", table);
	build_sql(&sql, table, cols, false);
	st = store_prepare(s, sql.buf, "cannot read the database", err);
	strbuf_release(&sql);
	if (!st)
		return ERR_STORE;
	while ((rc = store_step(s, st, "cannot read the database", err)) == SQLITE_ROW) {
		for (size_t i = 0; i < n; i++)
			column_value(st, (int)i, &vals[i]);
		if ((rc = row(ctx, cols, vals, n)) != 0)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : rc;
}

int store_load_row(struct store *s, const char *table, const struct cell_value *values,
		   struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	int t = table_index(table);
	sqlite3_stmt *st;
	char doing[128];
	int rc;

	if (!cols)
		return ERR_INVALID;
	if (store_check_loaded_row(table, cols, values, err))
		return ERR_INVALID;
	if (!s->loaders[t]) {
		struct strbuf sql = STRBUF_INIT;
		build_sql(&sql, table, cols, true);
		rc = sqlite3_prepare_v3(s->db, sql.buf, -1, SQLITE_PREPARE_PERSISTENT,
					&s->loaders[t], NULL);
		strbuf_release(&sql);
		if (rc != SQLITE_OK)
			return store_fail(s, "cannot prepare a load", err);
	}
	st = s->loaders[t];
	take_bind_failure(st);
	for (int i = 0; cols[i]; i++) {
		const struct cell_value *v = &values[i];
		if (v->type == SQLITE_INTEGER)
			sqlite3_bind_int64(st, i + 1, v->i);
		else if (v->type == SQLITE_FLOAT)
			sqlite3_bind_double(st, i + 1, v->f);
		else if (v->type == SQLITE_TEXT)
			bind_text_static(st, i + 1, v->text, -1);
		else
			sqlite3_bind_null(st, i + 1);
	}
	snprintf(doing, sizeof(doing), "cannot load a row of %s", table);
	rc = store_exec_stmt(s, st, doing, err);
	sqlite3_clear_bindings(st);
	return rc;
}

/* Tables a new database starts with rows in (the built-in question bank). */
static bool seeded_table(const char *table)
{
	return !strcmp(table, "question");
}

bool store_is_empty(struct store *s)
{
	for (size_t i = 0; i < store_ntables; i++) {
		struct error ignored = ERROR_INIT;
		char sql[96];
		sqlite3_stmt *st;
		int rows;

		if (seeded_table(store_tables[i]))
			continue;
		snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\" LIMIT 1", store_tables[i]);
		if (!(st = store_prepare(s, sql, "", &ignored)))
			return false;
		rows = store_exists(s, st, "", &ignored);
		sqlite3_finalize(st);
		if (rows == 1) /* as before: a table that cannot be read counts as empty */
			return false;
	}
	return true;
}

int store_upgrade_loaded(struct store *s, int from, struct error *err)
{
	for (size_t i = from > 0 ? (size_t)from : 0; i < store_nmigrations; i++)
		if (store_migration_data[i] &&
		    exec_sql(s, store_migration_data[i], "cannot upgrade the backup", err))
			return ERR_STORE;
	return 0;
}

int store_clear_seeded(struct store *s, struct error *err)
{
	return exec_sql(s, "DELETE FROM question", "cannot clear the question bank", err);
}

int store_optimize_search(struct store *s, struct error *err)
{
	return exec_sql(s, "INSERT INTO search_index(search_index) VALUES ('optimize')",
			"cannot optimise the search index", err);
}
