/*
 * db_pg.c: the store's PostgreSQL backend (issue 20): the table of
 * store/db.h filled with libpq, for a coaching practice's server.
 *
 * The only file that includes libpq-fe.h. libpq is opened on first use
 * (util/dynlib.h): a person's own rapport, on SQLite, never loads it.
 * store_open picks this backend for a "postgresql://" or "postgres://"
 * address (libpq's connection URI; its key=value form is not taken).
 *
 * How SQLite's ways map (docs/architecture.md, "The PostgreSQL backend"):
 * the store's ?N and ? become $N when a statement is prepared (pg_sql.c);
 * a statement is prepared once (PQprepare) and kept, as the store keeps
 * SQLite's; every value goes and comes as text, read as the store reads
 * SQLite's (a bigint as an integer, a boolean as 1 or 0); a write
 * transaction takes an advisory lock at its start, so that writers take
 * turns as SQLite's BEGIN IMMEDIATE makes them; the data version is a
 * counter that every write transaction bumps as it commits.
 */
#include "store/db_pg.h"

#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/date.h"
#include "store/store_internal.h"
#include "util/dynlib.h"
#include "util/strbuf.h"

/* libpq's runtime name (objdump -p libpq.so: SONAME). */
#define PQ_SONAME "libpq.so.5"

/* The advisory lock every write transaction takes (pg_advisory_xact_lock):
 * "rapp" in ASCII. One per database: PostgreSQL keys them so. */
#define WRITE_LOCK_KEY "1918988400"

/* Type OIDs (PostgreSQL's catalog/pg_type.dat: fixed since 7.x). */
#define OID_BOOL 16
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_OID 26
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_NUMERIC 1700
#define OID_TEXT 25

/* Every function of libpq this file calls, each typed from its header:
 * X(member, function). */
#define PQ_FUNCTIONS(X)                                                                    \
	X(connectdb, PQconnectdb) X(status, PQstatus) X(finish, PQfinish)                  \
	X(error_message, PQerrorMessage) X(set_notice, PQsetNoticeProcessor)              \
	X(exec, PQexec) X(prepare, PQprepare) X(exec_prepared, PQexecPrepared)            \
	X(result_status, PQresultStatus) X(result_error_field, PQresultErrorField)        \
	X(clear, PQclear) X(ntuples, PQntuples) X(ftype, PQftype)                         \
	X(getvalue, PQgetvalue) X(getlength, PQgetlength) X(getisnull, PQgetisnull)       \
	X(cmd_status, PQcmdStatus) X(cmd_tuples, PQcmdTuples)                             \
	X(transaction_status, PQtransactionStatus) X(put_copy_data, PQputCopyData)       \
	X(put_copy_end, PQputCopyEnd) X(get_result, PQgetResult) X(exec_params, PQexecParams)

static struct {
#define PQ_POINTER(m, f) __typeof__(f) *m;
	PQ_FUNCTIONS(PQ_POINTER)
#undef PQ_POINTER
} pq;

static struct error load_err = ERROR_INIT;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_libpq(void)
{
	static const char *const names[] = { PQ_SONAME, "libpq.so", NULL };
	static const struct dynlib_sym syms[] = {
#define PQ_SYM(m, f) { #f, &pq.m },
		PQ_FUNCTIONS(PQ_SYM)
#undef PQ_SYM
	};

	dynlib_load(names, "a PostgreSQL database", syms, ARRAY_SIZE(syms), &load_err);
}

struct pg_conn {
	struct db_conn head;
	PGconn *pg;
	char *message;         /* the last failure's, or NULL */
	enum db_failure failure;
	int64_t changes;       /* rows the last INSERT, UPDATE or DELETE changed */
	unsigned next_name;    /* prepared statements are named s1, s2, ... */
	bool writing;          /* in a write transaction: bump the data version at commit */
	bool lastval_known;    /* an INSERT took an identity: lastval() cannot fail */
	char zone[128];        /* the time zone told to the server (rapport.zone), or "" */
};

struct pg_stmt {
	struct db_stmt head;
	struct pg_conn *c;
	char name[16];
	int nparams;
	char **values;  /* each parameter as text, NULL for SQL NULL */
	bool *owned;    /* whether values[i] is ours to free */
	PGresult *res;  /* the rows of the last run, or NULL before it runs */
	int row, nrows; /* the row the statement is on */
};

static const struct db_backend *const pg_ops = &db_backend_pg;

static struct pg_conn *conn_of(struct db_conn *c)
{
	return (struct pg_conn *)c;
}

static struct pg_stmt *stmt_of(struct db_stmt *st)
{
	return (struct pg_stmt *)st;
}

/* ---- failures ---- */

/* A SQLSTATE (PostgreSQL's appendix A) as the seam says it. */
static enum db_failure failure_of_state(const char *state)
{
	static const struct {
		const char *state;
		enum db_failure failure;
	} map[] = {
		{ "23514", DB_FAIL_RANGE },       { "23502", DB_FAIL_RANGE },
		{ "22003", DB_FAIL_RANGE },       { "23505", DB_FAIL_UNIQUE },
		{ "23503", DB_FAIL_FOREIGN_KEY }, { "53100", DB_FAIL_FULL },
		{ "25006", DB_FAIL_READ_ONLY },   { "53200", DB_FAIL_NO_MEMORY },
		{ "54000", DB_FAIL_TOO_BIG },     { "XX001", DB_FAIL_DAMAGED },
		{ "XX002", DB_FAIL_DAMAGED },
	};

	for (size_t i = 0; state && i < ARRAY_SIZE(map); i++)
		if (!strcmp(map[i].state, state))
			return map[i].failure;
	/* RU: the class of rapport's own PL/pgSQL refusals (undo_apply) */
	return state && !strncmp(state, "RU", 2) ? DB_FAIL_REFUSED : DB_FAIL_OTHER;
}

static void set_message(struct pg_conn *c, enum db_failure failure, const char *message)
{
	size_t n = strlen(message);

	free(c->message);
	while (n && message[n - 1] == '\n') /* libpq ends its messages with one */
		n--;
	c->message = xstrndup(message, n);
	c->failure = failure;
}

/* Note res's failure on c (res may be NULL: the connection's); DB_OK when
 * res succeeded. res stays the caller's. */
static enum db_failure note_result(struct pg_conn *c, const PGresult *res)
{
	ExecStatusType status = res ? pq.result_status(res) : PGRES_FATAL_ERROR;
	const char *primary;

	if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
		return DB_OK;
	primary = res ? pq.result_error_field(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	set_message(c,
		    failure_of_state(res ? pq.result_error_field(res, PG_DIAG_SQLSTATE) : NULL),
		    primary ? primary : pq.error_message(c->pg));
	return c->failure;
}

/* Run sql (no parameters, perhaps several statements); DB_OK or the failure. */
static int run(struct pg_conn *c, const char *sql)
{
	PGresult *res = pq.exec(c->pg, sql);
	int rc = note_result(c, res);

	pq.clear(res);
	return rc;
}

/* The one number sql answers (0 when no row or NULL). */
static int query_number(struct pg_conn *c, const char *sql, int64_t *out)
{
	PGresult *res = pq.exec(c->pg, sql);
	int rc = note_result(c, res);

	*out = 0;
	if (!rc && pq.ntuples(res) > 0 && !pq.getisnull(res, 0, 0))
		*out = strtoll(pq.getvalue(res, 0, 0), NULL, 10);
	pq.clear(res);
	return rc;
}

/* ---- statements ---- */

static void forget_result(struct pg_stmt *s)
{
	pq.clear(s->res);
	s->res = NULL;
	s->row = s->nrows = 0;
}

static void clear_param(struct pg_stmt *s, int i)
{
	if (s->owned[i])
		free(s->values[i]);
	s->values[i] = NULL;
	s->owned[i] = false;
}

/* The parameter a determined type could not be found for (PostgreSQL
 * says "could not determine data type of parameter $N"): its number, or 0. */
static int undetermined_param(const PGresult *res)
{
	const char *state = pq.result_error_field(res, PG_DIAG_SQLSTATE);
	const char *msg = pq.result_error_field(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *dollar = msg ? strrchr(msg, '$') : NULL;

	/* 42P18 or 42P08, depending on where PostgreSQL finds it out */
	if (!state || (strcmp(state, "42P18") && strcmp(state, "42P08")) || !dollar)
		return 0;
	return atoi(dollar + 1);
}

/* PQprepare; in a transaction, in a savepoint of its own: a statement
 * PostgreSQL refuses (SQL it does not speak yet) fails, and the
 * transaction goes on, as SQLite's does. Once per statement: the store
 * keeps what it prepares. */
static PGresult *prepare_once(struct pg_conn *c, const char *name, const char *sql,
			      int nparams, const Oid *types)
{
	bool in_transaction = pq.transaction_status(c->pg) == PQTRANS_INTRANS;
	PGresult *res;

	if (in_transaction)
		pq.clear(pq.exec(c->pg, "SAVEPOINT rapport_prepare"));
	res = pq.prepare(c->pg, name, sql, nparams, types);
	if (in_transaction)
		pq.clear(pq.exec(c->pg, pq.result_status(res) == PGRES_COMMAND_OK
						? "RELEASE SAVEPOINT rapport_prepare"
						: "ROLLBACK TO SAVEPOINT rapport_prepare;"
						  "RELEASE SAVEPOINT rapport_prepare"));
	return res;
}

/* Whether res failed on a type: no operator or function for it (the text
 * a parameter was guessed to be, where a number was wanted). */
static bool type_mismatch(const PGresult *res)
{
	const char *state = pq.result_error_field(res, PG_DIAG_SQLSTATE);

	return state && (!strcmp(state, "42883") || !strcmp(state, "42804"));
}

/*
 * Prepare sql (translated) as name. A parameter PostgreSQL cannot type
 * from where it first stands (SQLite needs no type: "?1 IS NULL OR
 * org_id = ?1") is declared text, and the statement prepared again; when
 * text does not fit where it stands next, bigint (the store binds text
 * and integers alone).
 */
static int prepare_named(struct pg_conn *c, const char *name, const char *sql, int nparams)
{
	Oid *types = xcalloc((size_t)(nparams > 0 ? nparams : 1), sizeof(*types));
	int rc = DB_FAIL_OTHER, guessed = 0; /* the parameter last given a type */

	for (int tries = 0; tries <= 2 * nparams; tries++) {
		PGresult *res = prepare_once(c, name, sql, nparams, types);
		int param = undetermined_param(res);
		bool retype = guessed && types[guessed - 1] == OID_TEXT && type_mismatch(res);
		rc = note_result(c, res);
		pq.clear(res);
		if (!rc)
			break;
		if (param >= 1 && param <= nparams && !types[param - 1]) {
			types[param - 1] = OID_TEXT;
			guessed = param;
		} else if (retype) {
			types[guessed - 1] = OID_INT8;
		} else {
			break;
		}
	}
	free(types);
	return rc;
}

static struct db_stmt *pg_prepare(struct db_conn *dc, const char *sql, bool persistent)
{
	struct pg_conn *c = conn_of(dc);
	struct pg_stmt *s;
	int nparams;
	char *translated = pg_sql_translate(sql, &nparams);

	(void)persistent; /* every statement is prepared on the server; finalize frees it */
	s = xcalloc(1, sizeof(*s));
	s->head.ops = pg_ops;
	s->c = c;
	snprintf(s->name, sizeof(s->name), "s%u", ++c->next_name);
	if (prepare_named(c, s->name, translated, nparams)) {
		free(translated);
		free(s);
		return NULL;
	}
	free(translated);
	s->nparams = nparams;
	s->values = xcalloc((size_t)(nparams > 0 ? nparams : 1), sizeof(*s->values));
	s->owned = xcalloc((size_t)(nparams > 0 ? nparams : 1), sizeof(*s->owned));
	return &s->head;
}

static void pg_clear_bindings(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);

	for (int i = 0; i < s->nparams; i++)
		clear_param(s, i);
}

static void pg_finalize(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	char sql[40];

	forget_result(s);
	pg_clear_bindings(st);
	snprintf(sql, sizeof(sql), "DEALLOCATE %s", s->name);
	if (s->c->pg && pq.transaction_status(s->c->pg) != PQTRANS_INERROR)
		pq.clear(pq.exec(s->c->pg, sql));
	/* else the failed transaction's end forgets nothing: the name stays
	 * taken on the server, and the next statement takes a new one */
	free(s->values);
	free(s->owned);
	free(s);
}

static void pg_reset(struct db_stmt *st)
{
	forget_result(stmt_of(st));
}

/* Set parameter idx (from 1) to value; owned: ours to free. */
static int set_param(struct pg_stmt *s, int idx, char *value, bool owned)
{
	if (idx < 1 || idx > s->nparams) {
		if (owned)
			free(value);
		set_message(s->c, DB_FAIL_OTHER, "parameter number out of range");
		return DB_FAIL_OTHER;
	}
	clear_param(s, idx - 1);
	s->values[idx - 1] = value;
	s->owned[idx - 1] = owned;
	return DB_OK;
}

static int pg_bind_int64(struct db_stmt *st, int idx, int64_t v)
{
	char text[24];

	snprintf(text, sizeof(text), "%lld", (long long)v);
	return set_param(stmt_of(st), idx, xstrdup(text), true);
}

static int pg_bind_double(struct db_stmt *st, int idx, double v)
{
	char text[32];

	snprintf(text, sizeof(text), "%.17g", v);
	return set_param(stmt_of(st), idx, xstrdup(text), true);
}

static int pg_bind_null(struct db_stmt *st, int idx)
{
	return set_param(stmt_of(st), idx, NULL, false);
}

/* Text goes as a C string: one with a length is copied to end in a NUL
 * (PostgreSQL's text holds no NUL byte, so nothing is lost). */
static int pg_bind_text(struct db_stmt *st, int idx, const char *text, int len,
			enum db_text_life life)
{
	if (len >= 0) {
		char *copy = xstrndup(text, (size_t)len);
		if (life == DB_TEXT_OWNED)
			free((char *)text);
		return set_param(stmt_of(st), idx, copy, true);
	}
	if (life == DB_TEXT_STATIC)
		return set_param(stmt_of(st), idx, (char *)text, false);
	return set_param(stmt_of(st), idx, life == DB_TEXT_OWNED ? (char *)text : xstrdup(text),
			 true);
}

static int pg_param_count(struct db_stmt *st)
{
	return stmt_of(st)->nparams;
}

/* Rows a command changed, as SQLite's changes() counts them: INSERT,
 * UPDATE and DELETE only. */
static void note_changes(struct pg_conn *c, const PGresult *res)
{
	const char *status = pq.cmd_status((PGresult *)res);

	if (!strncmp(status, "INSERT", 6) || !strncmp(status, "UPDATE", 6) ||
	    !strncmp(status, "DELETE", 6))
		c->changes = strtoll(pq.cmd_tuples((PGresult *)res), NULL, 10);
}

/* The whole result comes at the first step; the next steps walk it. */
static int pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	int rc;

	if (s->res)
		return ++s->row < s->nrows ? DB_ROW : DB_DONE;
	s->res = pq.exec_prepared(s->c->pg, s->name, s->nparams, (const char *const *)s->values,
				  NULL, NULL, 0);
	if ((rc = note_result(s->c, s->res))) {
		forget_result(s);
		return rc;
	}
	note_changes(s->c, s->res);
	s->row = 0;
	s->nrows = pq.ntuples(s->res);
	return s->nrows > 0 ? DB_ROW : DB_DONE;
}

static bool is_null(struct pg_stmt *s, int idx)
{
	return !s->res || s->row >= s->nrows || idx < 0 || pq.getisnull(s->res, s->row, idx);
}

static enum value_type pg_column_type(struct db_stmt *st, int idx)
{
	struct pg_stmt *s = stmt_of(st);

	if (is_null(s, idx))
		return VALUE_NULL;
	switch (pq.ftype(s->res, idx)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_OID:
		return VALUE_INTEGER;
	case OID_FLOAT4:
	case OID_FLOAT8:
		return VALUE_FLOAT;
	case OID_NUMERIC: /* sum() of bigints: whole, unless it has a point */
		return strpbrk(pq.getvalue(s->res, s->row, idx), ".eE") ? VALUE_FLOAT
									 : VALUE_INTEGER;
	default:
		return VALUE_TEXT;
	}
}

static const char *pg_column_text(struct db_stmt *st, int idx)
{
	struct pg_stmt *s = stmt_of(st);
	const char *v;

	if (is_null(s, idx))
		return NULL;
	v = pq.getvalue(s->res, s->row, idx);
	if (pq.ftype(s->res, idx) == OID_BOOL) /* as SQLite gives a comparison */
		return *v == 't' ? "1" : "0";
	return v;
}

static int64_t pg_column_int64(struct db_stmt *st, int idx)
{
	const char *v = pg_column_text(st, idx);

	if (!v)
		return 0;
	if (strpbrk(v, ".eE"))
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

static double pg_column_double(struct db_stmt *st, int idx)
{
	const char *v = pg_column_text(st, idx);

	return v ? strtod(v, NULL) : 0.0;
}

static int pg_column_bytes(struct db_stmt *st, int idx)
{
	const char *v = pg_column_text(st, idx);

	return v ? (int)strlen(v) : 0;
}

/* ---- the connection ---- */

static int pg_exec(struct db_conn *c, const char *sql)
{
	return run(conn_of(c), sql);
}

static int64_t pg_changes(struct db_conn *c)
{
	return conn_of(c)->changes;
}

/* The id the last INSERT took from its table's identity (lastval()): 0
 * when no INSERT took one yet. Until one has, in a transaction, in a
 * savepoint: lastval() fails then, and would end the transaction. */
static int64_t pg_last_insert_id(struct db_conn *dc)
{
	struct pg_conn *c = conn_of(dc);
	PGTransactionStatusType t = pq.transaction_status(c->pg);
	bool guarded = t == PQTRANS_INTRANS && !c->lastval_known;
	PGresult *res;
	int64_t id = 0;

	if (t == PQTRANS_INERROR)
		return 0;
	res = pq.exec(c->pg, guarded ? "SAVEPOINT rapport_lastval; SELECT lastval()"
				     : "SELECT lastval()");
	if (pq.result_status(res) == PGRES_TUPLES_OK) {
		id = strtoll(pq.getvalue(res, 0, 0), NULL, 10);
		c->lastval_known = true; /* for the rest of the session */
	}
	pq.clear(res);
	if (guarded)
		pq.clear(pq.exec(c->pg, id ? "RELEASE SAVEPOINT rapport_lastval"
					   : "ROLLBACK TO SAVEPOINT rapport_lastval;"
					     "RELEASE SAVEPOINT rapport_lastval"));
	return id;
}

static enum db_failure pg_failure(struct db_conn *c)
{
	return conn_of(c)->failure;
}

static const char *pg_message(struct db_conn *c)
{
	return conn_of(c)->message ? conn_of(c)->message : "no error";
}

/*
 * A write transaction sees every commit before it (READ COMMITTED) once it
 * holds the write lock, as SQLite's BEGIN IMMEDIATE does; a read one sees
 * one snapshot throughout (REPEATABLE READ), as SQLite's reader does.
 */
/* The session keeps the time zone the process counts local times in
 * (core/date.h: the config's, else the machine's), for SQL that turns a
 * local time into its UTC instant (schema_pg.c's strftime); told again only
 * when it changed. The session's own TimeZone stays UTC. */
static int follow_zone(struct pg_conn *c)
{
	char zone[sizeof(c->zone)];
	const char *value = zone;
	PGresult *res;
	int rc;

	date_zone_name(zone, sizeof(zone));
	if (!strcmp(zone, c->zone))
		return DB_OK;
	res = pq.exec_params(c->pg, "SELECT set_config('rapport.zone', $1, false)", 1, NULL,
			     &value, NULL, NULL, 0);
	rc = note_result(c, res);
	pq.clear(res);
	if (rc == DB_OK)
		memcpy(c->zone, zone, sizeof(zone));
	return rc;
}

static int pg_begin(struct db_conn *dc, bool write)
{
	struct pg_conn *c = conn_of(dc);
	int rc = run(c, write ? "BEGIN; SELECT pg_advisory_xact_lock(" WRITE_LOCK_KEY ")"
			      : "BEGIN ISOLATION LEVEL REPEATABLE READ");

	if (rc == DB_OK)
		rc = follow_zone(c);
	c->writing = !rc && write;
	return rc;
}

static bool pg_in_transaction(struct db_conn *c)
{
	PGTransactionStatusType t = pq.transaction_status(conn_of(c)->pg);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

/* A write transaction bumps the data version in its commit. A transaction
 * a failed statement ended fails here (COMMIT would only roll it back). */
static int pg_commit(struct db_conn *dc)
{
	struct pg_conn *c = conn_of(dc);
	bool writing = c->writing;

	c->writing = false;
	if (pq.transaction_status(c->pg) == PQTRANS_INERROR) {
		run(c, "ROLLBACK");
		set_message(c, DB_FAIL_OTHER, "a statement of the transaction failed");
		return DB_FAIL_OTHER;
	}
	return run(c, writing ? "UPDATE rapport_data_version SET n = n + 1; COMMIT" : "COMMIT");
}

static void pg_rollback(struct db_conn *dc)
{
	struct pg_conn *c = conn_of(dc);

	c->writing = false;
	if (pg_in_transaction(dc))
		pq.clear(pq.exec(c->pg, "ROLLBACK"));
}

static int pg_set_durable(struct db_conn *c, bool durable)
{
	return run(conn_of(c),
		   durable ? "SET synchronous_commit = on" : "SET synchronous_commit = off");
}

/* The version lives in a one-row table the first migration's commit
 * makes (set_schema_version); no table: a new database. */
static int pg_schema_version(struct db_conn *dc, int *version)
{
	struct pg_conn *c = conn_of(dc);
	int64_t exists = 0, v = 0;
	int rc = query_number(c, "SELECT (to_regclass('rapport_schema') IS NOT NULL)::int", &exists);

	if (!rc && exists)
		rc = query_number(c, "SELECT max(version) FROM rapport_schema", &v);
	*version = (int)v;
	return rc;
}

static int pg_set_schema_version(struct db_conn *c, int version)
{
	char sql[160];

	snprintf(sql, sizeof(sql),
		 "CREATE TABLE IF NOT EXISTS rapport_schema (version integer NOT NULL);"
		 "DELETE FROM rapport_schema; INSERT INTO rapport_schema VALUES (%d)", version);
	return run(conn_of(c), sql);
}

/* The counter every write transaction's commit bumps (schema_pg.c makes
 * it): one row, read by its key. */
static int pg_data_version(struct db_conn *c, int64_t *version)
{
	return query_number(conn_of(c), "SELECT n FROM rapport_data_version", version);
}

static int pg_no_op(struct db_conn *c)
{
	(void)c;
	return DB_OK;
}

/* ---- rows shown as a table (an import's queue) ---- */

/* A cell in COPY's text format: NULL as \N; a backslash, tab, newline and
 * carriage return escaped. */
static void copy_cell(struct strbuf *line, const struct db_cell *cell)
{
	size_t len;

	if (cell->type == VALUE_NULL) {
		strbuf_addstr(line, "\\N");
		return;
	}
	if (cell->type == VALUE_INTEGER) {
		strbuf_addf(line, "%lld", (long long)cell->i);
		return;
	}
	len = cell->len < 0 ? strlen(cell->text) : (size_t)cell->len;
	for (size_t i = 0; i < len; i++) {
		char ch = cell->text[i];
		if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
			strbuf_addch(line, '\\');
			ch = ch == '\t' ? 't' : ch == '\n' ? 'n' : ch == '\r' ? 'r' : ch;
		}
		strbuf_addch(line, ch);
	}
}

/* The rows through COPY, sent in pieces of about 64 KB. */
static int copy_rows(struct pg_conn *c, const struct db_rows *rows, int ncols)
{
	struct strbuf buf = STRBUF_INIT;
	char scratch[DB_ROWS_SCRATCH];
	PGresult *res;
	int rc = DB_OK;

	for (size_t r = 0; r < rows->n && rc == DB_OK; r++) {
		for (int col = 0; col < ncols; col++) {
			struct db_cell cell;
			rows->cell(rows->ctx, r, col, &cell, scratch);
			if (col)
				strbuf_addch(&buf, '\t');
			copy_cell(&buf, &cell);
		}
		strbuf_addch(&buf, '\n');
		if (buf.len >= 65536 || r + 1 == rows->n) {
			if (pq.put_copy_data(c->pg, buf.buf, (int)buf.len) != 1)
				rc = note_result(c, NULL);
			strbuf_reset(&buf);
		}
	}
	strbuf_release(&buf);
	if (pq.put_copy_end(c->pg, rc == DB_OK ? NULL : "the rows could not be sent") != 1 &&
	    rc == DB_OK)
		rc = note_result(c, NULL);
	while ((res = pq.get_result(c->pg))) { /* the COPY's outcome, then NULL */
		if (rc == DB_OK)
			rc = note_result(c, res);
		pq.clear(res);
	}
	return rc;
}

/* A temporary table named name, of the columns rows declares (SQLite's
 * types, as the store writes them), filled by COPY: PostgreSQL has no
 * virtual tables. It lives until rows_close, in the transaction. */
static int pg_rows_open(struct db_conn *dc, const char *name, const struct db_rows *rows)
{
	struct pg_conn *c = conn_of(dc);
	struct strbuf sql = STRBUF_INIT;
	int nparams, ncols = 1, rc;
	char *columns = pg_sql_translate(rows->columns, &nparams);
	PGresult *res;

	for (const char *p = rows->columns; *p; p++)
		ncols += *p == ',';
	strbuf_addf(&sql, "CREATE TEMP TABLE %s (%s)", name, columns);
	free(columns);
	rc = run(c, sql.buf);
	strbuf_reset(&sql);
	strbuf_addf(&sql, "COPY %s FROM STDIN", name);
	if (rc == DB_OK) {
		res = pq.exec(c->pg, sql.buf);
		if (res && pq.result_status(res) == PGRES_COPY_IN)
			rc = copy_rows(c, rows, ncols);
		else
			rc = note_result(c, res);
		pq.clear(res);
	}
	strbuf_release(&sql);
	return rc;
}

static void pg_rows_close(struct db_conn *dc, const char *name)
{
	struct pg_conn *c = conn_of(dc);
	char sql[128];

	snprintf(sql, sizeof(sql), "DROP TABLE IF EXISTS pg_temp.%s", name);
	run(c, sql);
}

static void pg_randomness(void *out, int n)
{
	if (getrandom(out, (size_t)n, 0) != n)
		memset(out, 0, (size_t)n); /* never: the kernel's pool does not run dry */
}

/* libpq is loaded by the first open, not here: a person's rapport on
 * SQLite never loads it. */
static void pg_library_init(void)
{
}

/* ---- opening ---- */

/* libpq prints a server's notices (NOTICE: ... skipping) on stderr;
 * rapport speaks for itself. */
static void quiet(void *arg, const char *message)
{
	(void)arg, (void)message;
}

/* Tables, but no schema version: another program's database. */
static bool is_foreign(struct pg_conn *c)
{
	int64_t foreign = 0;

	query_number(c,
		     "SELECT (to_regclass('rapport_schema') IS NULL AND EXISTS (SELECT 1 FROM "
		     "pg_tables WHERE schemaname = current_schema()))::int",
		     &foreign);
	return foreign != 0;
}

static void pg_close(struct db_conn *dc)
{
	struct pg_conn *c = conn_of(dc);

	if (!c)
		return;
	if (c->pg)
		pq.finish(c->pg);
	free(c->message);
	free(c);
}

/* The address is never printed: it may hold a password. */
static int pg_open(struct db_conn **out, const char *where, unsigned flags, struct error *err)
{
	struct pg_conn *c;

	*out = NULL;
	pthread_once(&load_once, load_libpq);
	if (load_err.code) {
		*err = load_err;
		return err->code;
	}
	c = xcalloc(1, sizeof(*c));
	c->head.ops = pg_ops;
	c->pg = pq.connectdb(where);
	if (!c->pg || pq.status(c->pg) != CONNECTION_OK) {
		error_set(err, ERR_IO, "cannot connect to the PostgreSQL database: %s",
			  c->pg ? pq.error_message(c->pg) : "out of memory");
		pg_close(&c->head);
		return ERR_IO;
	}
	pq.set_notice(c->pg, quiet, NULL);
	/* UTC: the store converts moments itself, at its edge */
	if (run(c, "SET TimeZone = 'UTC'; SET client_encoding = 'UTF8'") ||
	    ((flags & STORE_READ_ONLY) && run(c, "SET default_transaction_read_only = on"))) {
		error_set(err, ERR_STORE, "cannot configure the database: %s", c->message);
		pg_close(&c->head);
		return ERR_STORE;
	}
	if (is_foreign(c)) {
		error_set(err, ERR_STORE, "the PostgreSQL database has tables, but not rapport's");
		pg_close(&c->head);
		return ERR_STORE;
	}
	*out = &c->head;
	return 0;
}

bool db_pg_claims(const char *where)
{
	return !strncmp(where, "postgresql://", 13) || !strncmp(where, "postgres://", 11);
}

const struct db_backend db_backend_pg = {
	.name = "postgresql",
	.claims = db_pg_claims,
	.schema = &store_schema_pg,
	.postgresql_sql = true,
	.library_init = pg_library_init,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.clear_bindings = pg_clear_bindings,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.param_count = pg_param_count,
	.step = pg_step,
	.column_type = pg_column_type,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.column_bytes = pg_column_bytes,
	.changes = pg_changes,
	.last_insert_id = pg_last_insert_id,
	.failure = pg_failure,
	.message = pg_message,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_transaction = pg_in_transaction,
	.set_durable = pg_set_durable,
	.schema_version = pg_schema_version,
	.set_schema_version = pg_set_schema_version,
	.data_version = pg_data_version,
	.keep_warm = pg_no_op,
	.derive_in_memory = pg_no_op,
	.rows_open = pg_rows_open,
	.rows_close = pg_rows_close,
	.randomness = pg_randomness,
};
