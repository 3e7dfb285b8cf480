/* store.c: the store on its backend (store/db.h): opening, migrations, transactions, statements. */
#include "store/store_internal.h"
#include "store/load_check.h"
#include "store/undo.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The backends this build has, the default first (store/db.h). */
const struct db_backend *const db_backends[] = { &db_backend_sqlite, &db_backend_pg, NULL };

#define STMT_SLOTS 256 /* more than the distinct statements rapport has */

struct stmt_slot {
	const char *sql;
	struct db_stmt *stmt;
};

struct store {
	struct db_conn *db;
	struct datetime now;
	char stamp[DATE_BUFSZ];   /* now, local: for the layers above */
	char instant[DATE_BUFSZ]; /* now as a UTC instant: what the store writes */
	struct stmt_slot stmts[STMT_SLOTS];
	/* column lists for the dump/load of each table */
	/* per data table (store_tables), filled on first use */
	char **columns[STORE_MAX_TABLES];
	struct db_stmt *loaders[STORE_MAX_TABLES];
	char *note;            /* what an upgrade at open wants the user to know */
	int opened_at_version; /* the schema version the file had when opened */
};

struct db_conn *store_conn(struct store *s)
{
	return s->db;
}

bool store_speaks_pg(const struct store *s)
{
	return s->db->ops->postgresql_sql;
}


const char *store_sql(const struct store *s, const char *sqlite, const char *pg)
{
	return store_speaks_pg(s) ? pg : sqlite;
}

int64_t store_last_id(struct store *s)
{
	return s->db->ops->last_insert_id(s->db);
}

int64_t store_changes(struct store *s)
{
	return s->db->ops->changes(s->db);
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

int store_fail_message(enum db_failure failure, const char *message, const char *doing,
		       struct error *err)
{
	switch (failure) {
	case DB_FAIL_RANGE:
		return error_set(err, ERR_INVALID, "%s: a value is out of range (%s)", doing,
				 message);
	case DB_FAIL_UNIQUE:
		return error_set(err, ERR_CONFLICT, "%s: it already exists", doing);
	case DB_FAIL_FOREIGN_KEY:
		return error_set(err, ERR_CONFLICT, "%s: other records refer to it", doing);
	case DB_FAIL_FULL:
		return error_set(err, ERR_STORE, "%s: the disk is full", doing);
	case DB_FAIL_READ_ONLY:
		return error_set(err, ERR_STORE, "%s: the database is read-only", doing);
	case DB_FAIL_REFUSED:
		return error_set(err, ERR_CONFLICT, "%s", message);
	case DB_FAIL_UNAVAILABLE:
		return error_set(err, ERR_UNAVAILABLE,
				 "%s: the database server cannot be reached (%s)", doing, message);
	case DB_FAIL_DAMAGED:
		return error_set(err, ERR_STORE,
				 "%s: the database file is damaged (%s); 'rapport restore FILE' "
				 "brings back a backup", doing, message);
	default:
		return error_set(err, ERR_STORE, "%s: %s", doing, message);
	}
}

int store_fail(struct store *s, const char *doing, struct error *err)
{
	return store_fail_message(s->db->ops->failure(s->db), s->db->ops->message(s->db), doing,
				  err);
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
	struct db_stmt *st;
	int rc;
};

static _Thread_local struct failed_bind failed_binds[BIND_SLOTS];

/* The failure noted against st (DB_OK: none), forgotten. */
static int take_bind_failure(struct db_stmt *st)
{
	for (size_t i = 0; i < BIND_SLOTS; i++)
		if (failed_binds[i].st == st) {
			int rc = failed_binds[i].rc;
			failed_binds[i] = (struct failed_bind){ 0 };
			return rc;
		}
	return DB_OK;
}

static void note_bind(struct db_stmt *st, int rc)
{
	struct failed_bind *slot = &failed_binds[0]; /* all full: the first gives way */

	if (rc == DB_OK)
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

struct db_stmt *store_stmt(struct store *s, const char *sql, struct error *err)
{
	size_t h = ((uintptr_t)sql >> 4) % STMT_SLOTS;

	for (size_t probe = 0; probe < STMT_SLOTS; probe++) {
		struct stmt_slot *slot = &s->stmts[(h + probe) % STMT_SLOTS];
		if (slot->sql == sql) {
			take_bind_failure(slot->stmt);
			db_reset(slot->stmt);
			db_clear_bindings(slot->stmt);
			return slot->stmt;
		}
		if (!slot->sql) {
			if (!(slot->stmt = s->db->ops->prepare(s->db, sql, true))) {
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

struct db_stmt *store_prepare(struct store *s, const char *sql, const char *doing,
			    struct error *err)
{
	struct db_stmt *st;

	if (!(st = s->db->ops->prepare(s->db, sql, false))) {
		store_fail(s, doing, err);
		return NULL;
	}
	take_bind_failure(st);
	return st;
}

/* err for a bind of st that failed (rc). */
static int bind_fail(struct db_stmt *st, int rc, const char *doing, struct error *err)
{
	db_reset(st);
	if (rc == DB_FAIL_TOO_BIG)
		return error_set(err, ERR_INVALID, "%s: a value is too long", doing);
	return error_set(err, ERR_STORE, "%s: out of memory", doing);
}

int store_step(struct store *s, struct db_stmt *st, const char *doing, struct error *err)
{
	int rc = take_bind_failure(st);

	if (rc != DB_OK)
		return bind_fail(st, rc, doing, err);
	rc = db_step(st);
	if (rc == DB_ROW)
		return rc;
	if (rc == DB_DONE) {
		db_reset(st);
		return rc;
	}
	rc = store_fail(s, doing, err);
	db_reset(st);
	return rc;
}

int store_number(struct store *s, struct db_stmt *st, int64_t *out, const char *doing,
		 struct error *err)
{
	int rc = store_step(s, st, doing, err);

	*out = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	if (rc < 0)
		return rc;
	db_reset(st);
	return 0;
}

int store_exec_stmt(struct store *s, struct db_stmt *st, const char *doing, struct error *err)
{
	int rc = store_step(s, st, doing, err);

	if (rc < 0)
		return rc;
	db_reset(st);
	return 0;
}

int store_rows_open(struct store *s, const char *name, const struct db_rows *rows,
		    const char *doing, struct error *err)
{
	if (s->db->ops->rows_open(s->db, name, rows))
		return store_fail(s, doing, err);
	return 0;
}

void store_rows_close(struct store *s, const char *name)
{
	s->db->ops->rows_close(s->db, name);
}

int store_exec_id(struct store *s, const char *sql, int64_t id, const char *doing,
		  struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_exec_stmt(s, st, doing, err);
}

int store_first(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
		     const char *doing, struct error *err)
{
	int rc = store_step(s, st, doing, err);

	if (rc != DB_ROW)
		return rc == DB_DONE ? 0 : rc;
	if (read)
		read(st, out);
	db_reset(st);
	return 1;
}

int store_one(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
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

int store_exists(struct store *s, struct db_stmt *st, const char *doing, struct error *err)
{
	return store_first(s, st, NULL, NULL, doing, err);
}

int store_each(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
	       const char *doing, struct error *err)
{
	int rc;

	while ((rc = store_step(s, st, doing, err)) == DB_ROW)
		read(st, out);
	return rc == DB_DONE ? 0 : rc;
}

void store_read_id(struct db_stmt *st, void *id)
{
	*(int64_t *)id = db_column_int64(st, 0);
}

void store_push_id(struct db_stmt *st, void *ids)
{
	*VEC_PUSH((id_vec *)ids) = db_column_int64(st, 0);
}

void bind_text(struct db_stmt *st, int idx, const char *value)
{
	if (value)
		note_bind(st, st->ops->bind_text(st, idx, value, -1, DB_TEXT_COPY));
	else
		db_bind_null(st, idx);
}

void bind_time(struct db_stmt *st, int idx, const char *value)
{
	char instant[DATE_BUFSZ];

	bind_text(st, idx, value && !date_to_instant(value, instant) ? instant : value);
}

void bind_local_offset(struct db_stmt *st, int idx, const char *value)
{
	struct datetime dt;

	if (!value || date_parse_iso(value, &dt, NULL) || !dt.has_time)
		db_bind_null(st, idx);
	else
		note_bind(st, db_bind_int64(st, idx, date_local_offset(&dt)));
}

void bind_instant(struct db_stmt *st, int idx, const char *value)
{
	char start[DATE_BUFSZ], instant[DATE_BUFSZ];

	snprintf(start, sizeof(start), "%.10sT00:00", value ? value : "");
	if (!value || date_to_instant(strlen(value) == 10 ? start : value, instant))
		instant[0] = '\0';
	bind_text(st, idx, value ? instant : NULL);
}

void bind_moment(struct db_stmt *st, int instant_idx, int local_idx, const char *value)
{
	bind_instant(st, instant_idx, value);
	bind_text(st, local_idx, value);
}

void bind_now(const struct store *s, struct db_stmt *st, int instant_idx, int local_idx)
{
	bind_text(st, instant_idx, s->instant);
	bind_text(st, local_idx, s->stamp);
}

void bind_today(const struct store *s, struct db_stmt *st, int idx)
{
	bind_text_static(st, idx, s->stamp, 10);
}

void bind_text_owned(struct db_stmt *st, int idx, char *value)
{
	note_bind(st, st->ops->bind_text(st, idx, value, -1, DB_TEXT_OWNED));
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

	db_backends[0]->randomness(r, sizeof(r)); /* no store here: the default's */
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

void bind_text_static(struct db_stmt *st, int idx, const char *value, int len)
{
	if (value)
		note_bind(st, st->ops->bind_text(st, idx, value, len, DB_TEXT_STATIC));
	else
		db_bind_null(st, idx);
}

void bind_opt_int(struct db_stmt *st, int idx, int64_t value)
{
	if (value < 0)
		db_bind_null(st, idx);
	else
		db_bind_int64(st, idx, value);
}

void bind_id(struct db_stmt *st, int idx, int64_t id)
{
	if (id <= 0)
		db_bind_null(st, idx);
	else
		db_bind_int64(st, idx, id);
}

char *col_text(struct db_stmt *st, int idx)
{
	const char *t = db_column_text(st, idx);
	return t ? xstrdup(t) : NULL;
}

static char *col_local(struct db_stmt *st, int idx, bool stamp)
{
	const char *t = db_column_text(st, idx);
	char local[DATE_BUFSZ];

	if (!t)
		return NULL;
	date_from_instant(t, stamp, local);
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

char *col_time(struct db_stmt *st, int idx)
{
	return col_local(st, idx, false);
}

char *col_stamp(struct db_stmt *st, int idx)
{
	return col_local(st, idx, true);
}

void col_opp_ref(struct db_stmt *st, int first, struct opp_ref *o)
{
	o->id = db_column_int64(st, first);
	o->slug = col_text(st, first + 1);
	o->title = col_text(st, first + 2);
	o->org_name = col_text(st, first + 3);
	o->org_id = db_column_int64(st, first + 4);
}

int64_t col_opt_int(struct db_stmt *st, int idx)
{
	if (db_column_type(st, idx) == VALUE_NULL)
		return -1;
	return db_column_int64(st, idx);
}

int col_enum(struct db_stmt *st, int idx, const struct enum_def *def)
{
	const char *name = db_column_text(st, idx);

	if (!name)
		return -1;
	for (size_t i = 0; i < def->count; i++)
		if (!strcmp(def->names[i], name))
			return (int)i;
	return -1;
}

int store_exec_sql(struct store *s, const char *sql, const char *doing, struct error *err)
{
	if (s->db->ops->exec(s->db, sql))
		return store_fail(s, doing, err);
	return 0;
}

static int read_user_version(struct store *s, int *version, struct error *err)
{
	if (s->db->ops->schema_version(s->db, version))
		return store_fail(s, "cannot read the database", err);
	return 0;
}

/* Run migration i of the backend's schema (store_internal.h). */
static int run_migration(struct store *s, const struct store_schema *sc, size_t i,
			 struct error *err)
{
	if (sc->sql[i] && store_exec_sql(s, sc->sql[i], "cannot upgrade the database", err))
		return ERR_STORE;
	if (sc->after[i] && sc->after[i](s, err))
		return ERR_STORE;
	if (s->db->ops->set_schema_version(s->db, (int)i + 1))
		return store_fail(s, "cannot upgrade the database", err);
	return 0;
}

/* Bring the store's schema up to this build's version, in one transaction. */
static int migrate_schema(struct store *s, const char *path, bool read_only, struct error *err)
{
	const struct store_schema *sc = s->db->ops->schema;
	int version;

	if (read_user_version(s, &version, err))
		return ERR_STORE;
	s->opened_at_version = version;
	if (version > (int)sc->n)
		return error_set(err, ERR_STORE,
				 "'%s' was written by a newer rapport (schema %d; this one knows "
				 "up to %d): upgrade rapport to open it", path, version,
				 (int)sc->n);
	if (version == (int)sc->n)
		return 0;
	if (read_only)
		return error_set(err, ERR_STORE, "'%s' needs an upgrade but is opened read-only",
				 path);
	if (s->db->ops->begin(s->db, true))
		return store_fail(s, "cannot lock the database", err);
	/* another process may have migrated while we waited for the lock */
	if (read_user_version(s, &version, err))
		goto fail;
	s->opened_at_version = version;
	for (; version < (int)sc->n; version++)
		if (run_migration(s, sc, (size_t)version, err))
			goto fail;
	if (sc->after_any && store_exec_sql(s, sc->after_any, "cannot upgrade the database", err))
		goto fail;
	if (s->db->ops->commit(s->db))
		return store_fail(s, "cannot upgrade the database", err);
	return 0;
fail:
	s->db->ops->rollback(s->db);
	return ERR_STORE;
}

/* The store's schema, then the backend's own tables (store_internal.h). */
static int migrate(struct store *s, const char *path, bool read_only, struct error *err)
{
	const struct store_schema *sc = s->db->ops->schema;

	if (migrate_schema(s, path, read_only, err))
		return ERR_STORE;
	return sc->own_tables ? sc->own_tables(s, path, read_only, err) : 0;
}

int store_data_version(struct store *s, int64_t *version, struct error *err)
{
	return store_account_version(s, 0, version, err);
}

int store_account_version(struct store *s, int64_t account_id, int64_t *version,
			  struct error *err)
{
	if (s->db->ops->data_version(s->db, account_id, version))
		return store_fail(s, "cannot read the database's version", err);
	return 0;
}

int store_keep_warm(struct store *s, struct error *err)
{
	if (s->db->ops->keep_warm(s->db))
		return store_fail(s, "cannot configure the database", err);
	return 0;
}

int store_derive_in_memory(struct store *s, struct error *err)
{
	if (s->db->ops->derive_in_memory(s->db))
		return store_fail(s, "cannot configure the database", err);
	return 0;
}

void store_library_init(void)
{
	for (size_t i = 0; db_backends[i]; i++)
		db_backends[i]->library_init();
}

/* The backend that claims path's kind of address (a "postgresql://"
 * address is PostgreSQL's), else the first: a path is SQLite's file. */
int store_open(struct store **out, const char *path, unsigned flags, struct error *err)
{
	const struct db_backend *ops = db_backends[0];

	for (size_t i = 0; path && db_backends[i]; i++)
		if (db_backends[i]->claims && db_backends[i]->claims(path)) {
			ops = db_backends[i];
			break;
		}
	return store_open_with(out, ops->name, path, flags, err);
}

bool store_is_server_address(const char *path)
{
	for (size_t i = 1; path && db_backends[i]; i++)
		if (db_backends[i]->claims && db_backends[i]->claims(path))
			return true;
	return false;
}

static const struct db_backend *backend_named(const char *name)
{
	for (size_t i = 0; db_backends[i]; i++)
		if (!strcmp(db_backends[i]->name, name))
			return db_backends[i];
	return NULL;
}

int store_open_with(struct store **out, const char *backend, const char *path, unsigned flags,
		    struct error *err)
{
	const struct db_backend *ops = backend_named(backend);
	struct store *s;

	*out = NULL;
	if (!ops)
		return error_set(err, ERR_INVALID, "no database backend '%s'", backend);
	if (!path || !*path)
		return error_set(err, ERR_INVALID, "no database path");
	s = xcalloc(1, sizeof(*s));
	/* first: a clock that cannot be read creates no database */
	if (store_refresh_now(s, err)) {
		free(s);
		return ERR_INVALID;
	}
	if (ops->open(&s->db, path, flags, err)) {
		free(s);
		return err->code;
	}
	if (migrate(s, path, flags & STORE_READ_ONLY, err)) {
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
			db_finalize(s->stmts[i].stmt);
	for (size_t i = 0; i < ARRAY_SIZE(s->columns); i++) {
		db_finalize(s->loaders[i]);
		if (!s->columns[i])
			continue;
		for (char **c = s->columns[i]; *c; c++)
			free(*c);
		free(s->columns[i]);
	}
	if (s->db)
		s->db->ops->close(s->db);
	free(s->note);
	free(s);
}

int store_begin_read(struct store *s, struct error *err)
{
	if (s->db->ops->begin(s->db, false))
		return store_fail(s, "cannot read the database", err);
	return 0;
}

int store_durable(struct store *s, bool durable, struct error *err)
{
	if (s->db->ops->set_durable(s->db, durable))
		return store_fail(s, "cannot set how commits reach the disk", err);
	return 0;
}

int store_begin_write(struct store *s, struct error *err)
{
	if (s->db->ops->begin(s->db, true))
		return store_fail(s, "cannot lock the database for writing", err);
	return 0;
}

int store_session_setting(struct store *s, const char *name, const char *value,
			  struct error *err)
{
	if (s->db->ops->session_setting && s->db->ops->session_setting(s->db, name, value))
		return store_fail(s, "cannot keep a setting of the connection", err);
	return 0;
}

int store_backend_act_for(struct store *s, int64_t account_id, struct error *err)
{
	if (s->db->ops->act_for && s->db->ops->act_for(s->db, account_id))
		return store_fail(s, "cannot set the account", err);
	return 0;
}

bool store_in_transaction(struct store *s)
{
	return s->db->ops->in_transaction(s->db);
}

int store_commit(struct store *s, struct error *err)
{
	if (!s->db->ops->in_transaction(s->db))
		return 0;
	if (s->db->ops->commit(s->db))
		return store_fail(s, "cannot save the changes", err);
	return 0;
}

void store_rollback(struct store *s)
{
	store_undo_forget(s);
	s->db->ops->rollback(s->db);
}

/* ---- dump and load, for the JSON backup ---- */

static int table_index(const char *table)
{
	for (size_t i = 0; i < store_ntables_moved; i++)
		if (!strcmp(store_tables[i], table))
			return (int)i;
	return -1;
}

typedef VEC(char *) column_vec;

static void push_column(struct db_stmt *st, void *vec)
{
	*VEC_PUSH((column_vec *)vec) = col_text(st, 0);
}

const char *const *store_table_columns(struct store *s, const char *table, struct error *err)
{
	int t = table_index(table);
	struct db_stmt *st;
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

static void column_value(struct db_stmt *st, int i, struct cell_value *v)
{
	v->type = db_column_type(st, i);
	v->i = db_column_int64(st, i);
	v->f = db_column_double(st, i);
	v->text = db_column_text(st, i);
}

int store_dump_table(struct store *s, const char *table, store_row_fn row, void *ctx,
		     struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	struct strbuf sql = STRBUF_INIT;
	struct cell_value vals[32];
	struct db_stmt *st;
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
	while ((rc = store_step(s, st, "cannot read the database", err)) == DB_ROW) {
		for (size_t i = 0; i < n; i++)
			column_value(st, (int)i, &vals[i]);
		if ((rc = row(ctx, cols, vals, n)) != 0)
			break;
	}
	db_finalize(st);
	return rc == DB_DONE ? 0 : rc;
}

int store_load_row(struct store *s, const char *table, const struct cell_value *values,
		   struct error *err)
{
	const char *const *cols = store_table_columns(s, table, err);
	int t = table_index(table);
	struct db_stmt *st;
	char doing[128];
	int rc;

	if (!cols)
		return ERR_INVALID;
	if (store_check_loaded_row(table, cols, values, err))
		return ERR_INVALID;
	if (!s->loaders[t]) {
		struct strbuf sql = STRBUF_INIT;
		build_sql(&sql, table, cols, true);
		s->loaders[t] = s->db->ops->prepare(s->db, sql.buf, true);
		strbuf_release(&sql);
		if (!s->loaders[t])
			return store_fail(s, "cannot prepare a load", err);
	}
	st = s->loaders[t];
	take_bind_failure(st);
	for (int i = 0; cols[i]; i++) {
		const struct cell_value *v = &values[i];
		if (v->type == VALUE_INTEGER)
			db_bind_int64(st, i + 1, v->i);
		else if (v->type == VALUE_FLOAT)
			db_bind_double(st, i + 1, v->f);
		else if (v->type == VALUE_TEXT)
			bind_text_static(st, i + 1, v->text, -1);
		else
			db_bind_null(st, i + 1);
	}
	snprintf(doing, sizeof(doing), "cannot load a row of %s", table);
	rc = store_exec_stmt(s, st, doing, err);
	db_clear_bindings(st);
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
		struct db_stmt *st;
		int rows;

		if (seeded_table(store_tables[i]))
			continue;
		snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\" LIMIT 1", store_tables[i]);
		if (!(st = store_prepare(s, sql, "", &ignored)))
			return false;
		rows = store_exists(s, st, "", &ignored);
		db_finalize(st);
		if (rows == 1) /* as before: a table that cannot be read counts as empty */
			return false;
	}
	return true;
}

int store_upgrade_loaded(struct store *s, int from, struct error *err)
{
	for (size_t i = from > 0 ? (size_t)from : 0; i < store_nmigrations; i++)
		if (store_migration_data[i] &&
		    store_exec_sql(s, store_migration_data[i], "cannot upgrade the backup", err))
			return ERR_STORE;
	return 0;
}

int store_clear_seeded(struct store *s, struct error *err)
{
	return store_exec_sql(s, "DELETE FROM question", "cannot clear the question bank", err);
}

int store_optimize_search(struct store *s, struct error *err)
{
	if (store_speaks_pg(s))
		return 0; /* a GIN index has no optimize step: autovacuum keeps it */
	return store_exec_sql(s, "INSERT INTO search_index(search_index) VALUES ('optimize')",
			"cannot optimise the search index", err);
}
