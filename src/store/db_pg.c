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
 * transaction takes an advisory lock before its first statement, so that
 * writers of one account take turns as SQLite's BEGIN IMMEDIATE makes
 * them, and writers of two accounts do not wait for each other; the data
 * version is a counter per account that the first write of a transaction
 * to a table pages show bumps, whoever writes (triggers: schema_pg.c).
 */
#include "store/db_pg.h"

#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/date.h"
#include "store/store_internal.h"
#include "util/dynlib.h"
#include "util/strbuf.h"

/* libpq's runtime name (objdump -p libpq.so: SONAME). */
#define PQ_SONAME "libpq.so.5"

/*
 * The advisory locks of write transactions (pg_advisory_xact_lock), keyed
 * by PG_WRITE_LOCK_KEY ("rapp" in ASCII) and the account:
 * - a write acting for an account (act_for, or the account a command line
 *   keeps) takes (key, account): that account's writers take turns, and
 *   each statement after the lock sees every earlier commit of theirs;
 *   another account's writers go on, behind the walls of their own rows.
 *   It also shares the key alone, which only a migration takes whole.
 * - a write acting for no account (signing in, an invitation taken, the
 *   admin's commands) takes (key, 0): such writers take turns with each
 *   other, as the throttling counts and "has this address an account?"
 *   need, but not with the accounts' writers: what they write of an
 *   account's (a session, a disabled account, a new account's question
 *   bank) is rows PostgreSQL's own row locks order, never read first and
 *   written after across accounts. So a sign-in, whose password check
 *   takes tens of milliseconds in its transaction, holds up no client's form.
 * - a migration (a write transaction whose first act is to read the
 *   schema version, store.c and schema_pg.c) takes the key alone, so it
 *   waits for every account's writer and holds them off until it commits.
 * The second key is the account id's low 31 bits: two accounts that share
 * them (past two billion ids) only wait for each other.
 */
#define SQL_ACCOUNT_LOCK                                                                  \
	"pg_advisory_xact_lock_shared(" PG_WRITE_LOCK_KEY "), pg_advisory_xact_lock(" \
	PG_WRITE_LOCK_KEY ", "
#define SQL_PRACTICE_LOCK "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK_KEY ", 0)"
#define SQL_MIGRATION_LOCK "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK_KEY ")"
/* A page's data version (schema_pg.c: the practice's epoch and the
 * account's counter), prepared once a server session under this name. */
#define VERSION_STATEMENT "rapport_version"
#define SQL_VERSION "SELECT rapport_page_version($1)"

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
	X(put_copy_end, PQputCopyEnd) X(get_result, PQgetResult) X(exec_params, PQexecParams) \
	X(reset, PQreset)

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
	unsigned session;      /* the server session: one more at each reconnection */
	unsigned flags;        /* store_open's STORE_* flags, for a reconnection */
	bool lastval_known;    /* an INSERT took an identity: lastval() cannot fail */
	struct pg_setting {    /* kept for every transaction (pg_session_setting) */
		char name[32], value[128];
		unsigned session; /* the session it was told to, if told */
		bool told;
	} settings[3]; /* rapport.zone, rapport.account, role (store_act_as) */
	/* Through a pool that lends a server connection per transaction
	 * (PgBouncer's pool_mode=transaction, asked for in the address): no
	 * named statement and no setting outlives a transaction. */
	bool pooled;
	bool durable;          /* pooled: whether the next transactions wait for the disk */
	/* The data version of the account the connection keeps, read with the
	 * BEGIN of a read transaction (in the same round trip) once the
	 * version's function is known to exist: the version of that
	 * transaction's snapshot */
	bool version_table;
	bool snapshot_known;
	int64_t snapshot_version;
	unsigned version_prepared; /* the session VERSION_STATEMENT was prepared on, plus one */
	bool writing;              /* in a write transaction */
	bool lock_pending;         /* which has not taken its write lock yet */
};

struct pg_stmt {
	struct db_stmt head;
	struct pg_conn *c;
	char name[16];    /* "" when pooled: the unnamed statement, parsed each run */
	char *sql;        /* as PostgreSQL reads it, to prepare again on a new session */
	Oid *types;       /* the parameters' types found when it was prepared */
	unsigned session; /* the server session it was prepared on */
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
		/* the server shutting down, crashed, or still starting */
		{ "57P01", DB_FAIL_UNAVAILABLE }, { "57P02", DB_FAIL_UNAVAILABLE },
		{ "57P03", DB_FAIL_UNAVAILABLE },
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
	/* the server went away (a restart, a stop): whatever the statement was,
	 * the next transaction connects again (usable) */
	if (pq.status(c->pg) == CONNECTION_BAD) {
		set_message(c, DB_FAIL_UNAVAILABLE, pq.error_message(c->pg));
		return c->failure;
	}
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

/* The one number res answers (0 when no row or NULL); res is cleared. */
static int number_of(struct pg_conn *c, PGresult *res, int64_t *out)
{
	int rc = note_result(c, res);

	*out = 0;
	if (!rc && pq.ntuples(res) > 0 && !pq.getisnull(res, 0, 0))
		*out = strtoll(pq.getvalue(res, 0, 0), NULL, 10);
	pq.clear(res);
	return rc;
}

/* The one number sql answers (0 when no row or NULL). */
static int query_number(struct pg_conn *c, const char *sql, int64_t *out)
{
	return number_of(c, pq.exec(c->pg, sql), out);
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
 * and integers alone). types (nparams of them, zero) get the types found.
 */
static int prepare_named(struct pg_conn *c, const char *name, const char *sql, int nparams,
			 Oid *types)
{
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
	return rc;
}

static struct db_stmt *pg_prepare(struct db_conn *dc, const char *sql, bool persistent)
{
	struct pg_conn *c = conn_of(dc);
	struct pg_stmt *s;
	int nparams;
	char *translated = pg_sql_translate(sql, &nparams);
	size_t slots = (size_t)(nparams > 0 ? nparams : 1);

	(void)persistent; /* every statement is prepared on the server; finalize frees it */
	s = xcalloc(1, sizeof(*s));
	s->head.ops = pg_ops;
	s->c = c;
	s->sql = translated;
	s->types = xcalloc(slots, sizeof(*s->types));
	s->session = c->session;
	/* pooled: the unnamed statement checks the SQL and finds the types;
	 * each run sends the text again (PQexecParams) */
	if (!c->pooled)
		snprintf(s->name, sizeof(s->name), "s%u", ++c->next_name);
	if (prepare_named(c, s->name, translated, nparams, s->types)) {
		free(s->types);
		free(translated);
		free(s);
		return NULL;
	}
	s->nparams = nparams;
	s->values = xcalloc(slots, sizeof(*s->values));
	s->owned = xcalloc(slots, sizeof(*s->owned));
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
	/* a name on this server session only: the unnamed statement, or one
	 * a lost session took with it, needs no DEALLOCATE */
	if (s->name[0] && s->session == s->c->session && s->c->pg &&
	    pq.status(s->c->pg) == CONNECTION_OK &&
	    pq.transaction_status(s->c->pg) != PQTRANS_INERROR)
		pq.clear(pq.exec(s->c->pg, sql));
	/* else the failed transaction's end forgets nothing: the name stays
	 * taken on the server, and the next statement takes a new one */
	free(s->values);
	free(s->owned);
	free(s->types);
	free(s->sql);
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

/* A statement the store kept from before a reconnection is prepared
 * again, under its name, on the new server session (the old session's
 * names went with it), with the types found the first time. */
static int prepare_again(struct pg_stmt *s)
{
	PGresult *res;
	int rc;

	if (s->c->pooled || s->session == s->c->session)
		return DB_OK;
	res = prepare_once(s->c, s->name, s->sql, s->nparams, s->types);
	rc = note_result(s->c, res);
	pq.clear(res);
	if (!rc)
		s->session = s->c->session;
	return rc;
}

static int tell_settings(struct pg_conn *c, bool inside);
static int lock_if_pending(struct pg_conn *c);

/* The whole result comes at the first step; the next steps walk it. */
static int pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = stmt_of(st);
	int rc;

	if (s->res)
		return ++s->row < s->nrows ? DB_ROW : DB_DONE;
	if ((rc = prepare_again(s)) || (rc = lock_if_pending(s->c)))
		return rc;
	/* a statement outside any transaction sees the settings as well */
	if (!s->c->pooled && pq.transaction_status(s->c->pg) == PQTRANS_IDLE &&
	    (rc = tell_settings(s->c, false)))
		return rc;
	s->res = s->c->pooled ? pq.exec_params(s->c->pg, s->sql, s->nparams, s->types,
					       (const char *const *)s->values, NULL, NULL, 0)
			      : pq.exec_prepared(s->c->pg, s->name, s->nparams,
						 (const char *const *)s->values, NULL, NULL, 0);
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

/* A value as an integer, as the SQLite backend reads one: a
 * number's integer part, clamped to the range; any other text (a word, an
 * address that starts "info@", which strtod would read as infinity) 0. A
 * store dump asks every column for its integer, text ones too. */
static int64_t pg_column_int64(struct db_stmt *st, int idx)
{
	const char *v = pg_column_text(st, idx);
	double d;

	if (!v || !*v || !strchr("+-.0123456789", *v))
		return 0;
	if (!strpbrk(v, ".eE"))
		return strtoll(v, NULL, 10);
	d = strtod(v, NULL);
	if (isnan(d))
		return 0;
	if (d >= 9223372036854775807.0)
		return INT64_MAX;
	if (d <= -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)d;
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
	int rc = lock_if_pending(conn_of(c));

	return rc ? rc : run(conn_of(c), sql);
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

/* ---- the connection's life ---- */

static int configure(struct pg_conn *c);

/* The connection, connected again when the server went away since it was
 * last used (a restart, a stop): a new server session, with its settings
 * made again; each statement the store kept is prepared again at its next
 * run (prepare_again). Still away: DB_FAIL_UNAVAILABLE, and the next use
 * tries again. */
static int usable(struct pg_conn *c)
{
	if (pq.status(c->pg) == CONNECTION_OK)
		return DB_OK;
	pq.reset(c->pg);
	if (pq.status(c->pg) != CONNECTION_OK) {
		set_message(c, DB_FAIL_UNAVAILABLE, pq.error_message(c->pg));
		return DB_FAIL_UNAVAILABLE;
	}
	c->session++;
	c->lastval_known = c->snapshot_known = false;
	return configure(c);
}

/*
 * Run sql, which starts a transaction or sets up the session (nothing of a
 * transaction is lost when it fails). libpq learns that the server went
 * away only when it next speaks to it: a connection idle through a restart
 * fails its first statement. That statement is run once more on a new
 * connection, so the first request after a restart is answered; a request
 * in the middle of its transaction fails (DB_FAIL_UNAVAILABLE).
 */
static int query_version(struct pg_conn *c, int64_t account, int64_t *out);

/* What run_first runs: sql, or when it is NULL, account's data version. */
struct first_statement {
	const char *sql;
	int64_t account;
};

static int run_first_of(struct pg_conn *c, const struct first_statement *f, int64_t *number)
{
	int rc = usable(c);

	for (int tries = 0; !rc && tries < 2; tries++) {
		rc = !f->sql ? query_version(c, f->account, number)
		     : number ? query_number(c, f->sql, number)
			      : run(c, f->sql);
		if (rc != DB_FAIL_UNAVAILABLE || (rc = usable(c)))
			break;
	}
	return rc;
}

static int run_first(struct pg_conn *c, const char *sql, int64_t *number)
{
	return run_first_of(c, &(struct first_statement){ sql, 0 }, number);
}

/* ---- the write locks (SQL_ACCOUNT_LOCK) ---- */

static int lock_key(int64_t account)
{
	return (int)(account & 0x7fffffff);
}

/* The account the connection keeps for every transaction (a command
 * line's, store_act_as; one person's server on PostgreSQL), or 0. */
static int64_t kept_account(const struct pg_conn *c)
{
	for (size_t i = 0; i < ARRAY_SIZE(c->settings); i++)
		if (!strcmp(c->settings[i].name, "rapport.account"))
			return strtoll(c->settings[i].value, NULL, 10);
	return 0;
}

/* Before the first statement of a write transaction that named no account
 * (act_for): the lock of the writes that act for none. */
static int lock_if_pending(struct pg_conn *c)
{
	if (!c->lock_pending)
		return DB_OK;
	c->lock_pending = false;
	return run(c, SQL_PRACTICE_LOCK);
}

/*
 * The account the transaction acts for (SET LOCAL: a pooled connection
 * never carries it into another client's transaction); in a write
 * transaction, with the account's lock, in the same round trip. Taken
 * again when the transaction held one: an advisory lock is counted, not
 * doubled.
 */
static int pg_act_for(struct db_conn *dc, int64_t account_id)
{
	struct pg_conn *c = conn_of(dc);
	char id[24], key[16];
	const char *values[2] = { id, key };
	PGresult *res;
	int rc;

	snprintf(id, sizeof(id), "%lld", (long long)account_id);
	snprintf(key, sizeof(key), "%d", lock_key(account_id));
	res = pq.exec_params(c->pg,
			     c->writing ? "SELECT set_config('rapport.account', $1, true), "
					  SQL_ACCOUNT_LOCK "$2::int)"
					: "SELECT set_config('rapport.account', $1, true)",
			     c->writing ? 2 : 1, NULL, values, NULL, NULL, 0);
	rc = note_result(c, res);
	pq.clear(res);
	if (!rc)
		c->lock_pending = false;
	return rc;
}

/*
 * A write transaction sees every commit before it (READ COMMITTED) once it
 * holds the write lock, as SQLite's BEGIN IMMEDIATE does; a read one sees
 * one snapshot throughout (REPEATABLE READ), as SQLite's reader does.
 * Pooled, the session's settings would stay with the server connection
 * for another client: read-only and durability are the transaction's own.
 */
/*
 * Settings every transaction of the connection sees (db.h's
 * session_setting): rapport.account, whose rows a person's command line
 * acts on (account.c), and rapport.zone, the time zone the process counts
 * local times in (core/date.h; for schema_pg.c's strftime), followed at
 * each transaction's start. Told to the server once a session, and again
 * after a reconnection; pooled, in each transaction (SET LOCAL), since the
 * server's session is lent to others between them.
 */
/* each_transaction: SET LOCAL, in the transaction begun; else the
 * session's, outside any transaction (a setting made inside one would go
 * with its rollback), once a session. */
static int tell_setting(struct pg_conn *c, struct pg_setting *set, bool each_transaction)
{
	const char *values[2] = { set->name, set->value };
	PGresult *res;
	int rc;

	if (!set->name[0] || (set->told && set->session == c->session))
		return DB_OK;
	res = pq.exec_params(c->pg, each_transaction ? "SELECT set_config($1, $2, true)"
						     : "SELECT set_config($1, $2, false)",
			     2, NULL, values, NULL, NULL, 0);
	rc = note_result(c, res);
	pq.clear(res);
	if (rc == DB_OK && !each_transaction) {
		set->session = c->session;
		set->told = true;
	}
	return rc;
}

static int keep_setting(struct pg_conn *c, const char *name, const char *value)
{
	for (size_t i = 0; i < ARRAY_SIZE(c->settings); i++) {
		struct pg_setting *set = &c->settings[i];
		if (set->name[0] && strcmp(set->name, name))
			continue;
		if (strlen(name) >= sizeof(set->name) || strlen(value) >= sizeof(set->value)) {
			set_message(c, DB_FAIL_TOO_BIG, "a setting too long to keep");
			return DB_FAIL_TOO_BIG;
		}
		if (!strcmp(set->value, value) && set->name[0])
			return DB_OK;
		snprintf(set->name, sizeof(set->name), "%s", name);
		snprintf(set->value, sizeof(set->value), "%s", value);
		set->told = false;
		return DB_OK;
	}
	set_message(c, DB_FAIL_OTHER, "too many settings to keep");
	return DB_FAIL_OTHER;
}

/* Kept, and told from the next transaction on. */
static int pg_session_setting(struct db_conn *dc, const char *name, const char *value)
{
	return keep_setting(conn_of(dc), name, value);
}

/* Every setting not told to this session yet: the session's before a
 * transaction begins (inside, false), else the transaction's. */
static int tell_settings(struct pg_conn *c, bool inside)
{
	char zone[sizeof(c->settings[0].value)];
	int rc;

	date_zone_name(zone, sizeof(zone));
	if ((rc = keep_setting(c, "rapport.zone", zone)))
		return rc;
	for (size_t i = 0; i < ARRAY_SIZE(c->settings); i++)
		if ((rc = tell_setting(c, &c->settings[i], inside)))
			return rc;
	return DB_OK;
}

/* What follows BEGIN in its round trip: a write's lock when the account
 * is known (the connection keeps one), else the snapshot's data version of
 * a read that keeps one; "" when neither. */
static void begin_tail(const struct pg_conn *c, bool write, int64_t account, char *out,
		       size_t size)
{
	if (write && account)
		snprintf(out, size, "; SELECT " SQL_ACCOUNT_LOCK "%d)", lock_key(account));
	else if (!write && account && c->version_table)
		snprintf(out, size, "; SELECT rapport_page_version(%lld)", (long long)account);
	else
		out[0] = '\0';
}

static int pg_begin(struct db_conn *dc, bool write)
{
	struct pg_conn *c = conn_of(dc);
	bool read_only = c->pooled && (c->flags & STORE_READ_ONLY);
	int64_t account = kept_account(c);
	char sql[320], tail[160];
	bool with_version;
	int rc;

	/* unpooled, the session keeps the settings: told before BEGIN */
	if (!c->pooled && ((rc = usable(c)) || (rc = tell_settings(c, false))))
		return rc;
	begin_tail(c, write, account, tail, sizeof(tail));
	with_version = !write && tail[0];
	snprintf(sql, sizeof(sql), "BEGIN%s%s%s%s",
		 write ? "" : " ISOLATION LEVEL REPEATABLE READ", read_only ? " READ ONLY" : "",
		 c->pooled && !c->durable ? "; SET LOCAL synchronous_commit = off" : "", tail);
	rc = run_first(c, sql, with_version ? &c->snapshot_version : NULL);
	c->snapshot_known = !rc && with_version;
	c->writing = !rc && write;
	/* acting for no account yet: the lock waits for act_for, or the first
	 * statement (lock_if_pending) */
	c->lock_pending = c->writing && !account;
	/* pooled, in each transaction; unpooled, only what a reconnection in
	 * run_first took (the next transaction tells its session again) */
	if (rc == DB_OK)
		rc = tell_settings(c, true);
	if (c->pooled) /* lastval() is the server session's, which is lent anew */
		c->lastval_known = false;
	return rc;
}

static bool pg_in_transaction(struct db_conn *c)
{
	PGTransactionStatusType t = pq.transaction_status(conn_of(c)->pg);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

/* A transaction a failed statement ended fails here (COMMIT would only
 * roll it back). The data version was bumped by its first write (the
 * triggers of schema_pg.c's DATA_CHANGED_PG). */
static int pg_commit(struct db_conn *dc)
{
	struct pg_conn *c = conn_of(dc);

	c->snapshot_known = c->writing = c->lock_pending = false;
	if (pq.transaction_status(c->pg) == PQTRANS_INERROR) {
		run(c, "ROLLBACK");
		set_message(c, DB_FAIL_OTHER, "a statement of the transaction failed");
		return DB_FAIL_OTHER;
	}
	return run(c, "COMMIT");
}

static void pg_rollback(struct db_conn *dc)
{
	struct pg_conn *c = conn_of(dc);

	c->snapshot_known = c->writing = c->lock_pending = false;
	if (pg_in_transaction(dc))
		pq.clear(pq.exec(c->pg, "ROLLBACK"));
}

static int pg_set_durable(struct db_conn *dc, bool durable)
{
	struct pg_conn *c = conn_of(dc);

	c->durable = durable;
	if (c->pooled) /* SET LOCAL in each transaction (pg_begin) */
		return DB_OK;
	return run_first(c,
			 durable ? "SET synchronous_commit = on" : "SET synchronous_commit = off",
			 NULL);
}

/* The version lives in a one-row table the first migration's commit
 * makes (set_schema_version); no table: a new database. */
static int pg_schema_version(struct db_conn *dc, int *version)
{
	struct pg_conn *c = conn_of(dc);
	int64_t exists = 0, v = 0;
	int rc = DB_OK;

	/* in a write transaction, the migration's: it waits for every writer */
	if (c->lock_pending) {
		c->lock_pending = false;
		rc = run(c, SQL_MIGRATION_LOCK);
	}
	if (!rc)
		rc = query_number(c, "SELECT (to_regclass('rapport_schema') IS NOT NULL)::int",
				  &exists);

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

/* account's page version (SQL_VERSION), prepared once a server session;
 * through a pool, which lends a session per transaction, sent whole. */
static int query_version(struct pg_conn *c, int64_t account, int64_t *out)
{
	char id[24];
	const char *values[1] = { id };
	Oid type = OID_INT8;
	PGresult *res;
	int rc;

	snprintf(id, sizeof(id), "%lld", (long long)account);
	if (c->pooled)
		return number_of(c, pq.exec_params(c->pg, SQL_VERSION, 1, &type, values, NULL,
						   NULL, 0),
				 out);
	if (c->version_prepared != c->session + 1) {
		res = prepare_once(c, VERSION_STATEMENT, SQL_VERSION, 1, &type);
		rc = note_result(c, res);
		pq.clear(res);
		if (rc)
			return rc;
		c->version_prepared = c->session + 1;
	}
	return number_of(c, pq.exec_prepared(c->pg, VERSION_STATEMENT, 1, values, NULL, NULL, 0),
			 out);
}

/* The version of account's data (schema_pg.c's rapport_page_version: the
 * practice's epoch and the account's counter, which the triggers bump at
 * the first write of a transaction to the account's rows); account 0, of
 * the account the connection keeps, else of every account's. In a read
 * transaction whose BEGIN read it, that (its snapshot's: a SELECT now
 * would answer the same), with no round trip. */
static int pg_data_version(struct db_conn *dc, int64_t account_id, int64_t *version)
{
	struct pg_conn *c = conn_of(dc);
	int64_t account = account_id ? account_id : kept_account(c);
	int rc;

	if (c->snapshot_known && account == kept_account(c) &&
	    pq.transaction_status(c->pg) == PQTRANS_INTRANS) {
		*version = c->snapshot_version;
		return DB_OK;
	}
	rc = run_first_of(c, &(struct first_statement){ NULL, account }, version);
	if (!rc)
		c->version_table = true;
	return rc;
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
	rc = lock_if_pending(c);
	if (!rc)
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

/* The session's settings, made at the start and again on a reconnection.
 * UTC: the store converts moments itself, at its edge. Pooled, a session
 * setting would stay with the server connection: read-only goes in each
 * transaction instead (pg_begin); PgBouncer keeps TimeZone and
 * client_encoding per client itself. */
static int configure(struct pg_conn *c)
{
	int rc = run(c, "SET TimeZone = 'UTC'; SET client_encoding = 'UTF8'");

	if (!rc && !c->pooled && (c->flags & STORE_READ_ONLY))
		rc = run(c, "SET default_transaction_read_only = on");
	if (!rc && !c->pooled && !c->durable)
		rc = run(c, "SET synchronous_commit = off");
	return rc;
}

static bool is_param(const char *p, size_t n, const char *param)
{
	return n == strlen(param) && !memcmp(p, param, n);
}

/*
 * The address libpq is given: where without rapport's own parameter
 * pool_mode (libpq refuses a parameter it does not know). pool_mode=
 * transaction says a pool such as PgBouncer lends a server connection per
 * transaction: *pooled. NULL, with err, for another pool_mode.
 */
static char *address_of(const char *where, bool *pooled, struct error *err)
{
	const char *query = strchr(where, '?'), *p;
	struct strbuf out = STRBUF_INIT;
	char sep = '?';
	size_t n;

	*pooled = false;
	strbuf_add(&out, where, query ? (size_t)(query - where) : strlen(where));
	for (p = query; p && *p; p += n) {
		n = strcspn(++p, "&"); /* past the '?' or '&' */
		if (is_param(p, n, "pool_mode=transaction")) {
			*pooled = true;
		} else if (is_param(p, n, "pool_mode=session")) {
			continue;
		} else if (n >= 10 && !strncmp(p, "pool_mode=", 10)) {
			strbuf_release(&out);
			error_set(err, ERR_INVALID,
				  "the address's pool_mode must be session or transaction");
			return NULL;
		} else if (n) {
			strbuf_addch(&out, sep);
			strbuf_add(&out, p, n);
			sep = '&';
		}
	}
	return strbuf_detach(&out);
}

/* A connection to address, configured; 0, or an error in err. */
static int connect_to(struct pg_conn *c, const char *address, struct error *err)
{
	c->pg = pq.connectdb(address);
	if (!c->pg || pq.status(c->pg) != CONNECTION_OK)
		return error_set(err, ERR_IO, "cannot connect to the PostgreSQL database: %s",
				 c->pg ? pq.error_message(c->pg) : "out of memory");
	pq.set_notice(c->pg, quiet, NULL);
	if (configure(c))
		return error_set(err, ERR_STORE, "cannot configure the database: %s", c->message);
	if (is_foreign(c))
		return error_set(err, ERR_STORE,
				 "the PostgreSQL database has tables, but not rapport's");
	return 0;
}

/* The address is never printed: it may hold a password. */
static int pg_open(struct db_conn **out, const char *where, unsigned flags, struct error *err)
{
	struct pg_conn *c;
	char *address;
	bool pooled;
	int rc;

	*out = NULL;
	pthread_once(&load_once, load_libpq);
	if (load_err.code) {
		*err = load_err;
		return err->code;
	}
	if (!(address = address_of(where, &pooled, err)))
		return err->code;
	c = xcalloc(1, sizeof(*c));
	c->head.ops = pg_ops;
	c->flags = flags;
	c->pooled = pooled;
	c->durable = true;
	rc = connect_to(c, address, err);
	free(address);
	if (rc) {
		pg_close(&c->head);
		return rc;
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
	.session_setting = pg_session_setting,
	.act_for = pg_act_for,
};
