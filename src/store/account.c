/* account.c: a practice's accounts, sessions, invitations and failed
 * sign-ins, on its PostgreSQL database (see account.h). */
#include "store/account.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_internal.h"
#include "store/wants.h"

bool account_role_valid(const char *role)
{
	return role && (!strcmp(role, "client") || !strcmp(role, "coach") || !strcmp(role, "admin"));
}

void account_release(struct account *a)
{
	free(a->email);
	free(a->role);
	free(a->created_at);
	free(a->disabled_at);
	memset(a, 0, sizeof(*a));
}

VEC_RELEASE_FN(account_vec_release, account_vec, account_release)

void invitation_release(struct invitation *inv)
{
	free(inv->email);
	free(inv->role);
	free(inv->kind);
	memset(inv, 0, sizeof(*inv));
}

bool store_has_accounts(const struct store *s)
{
	/* the practice's tables are PostgreSQL's alone (schema_pg.c) */
	return store_speaks_pg(s);
}

bool store_address_has_accounts(const char *path)
{
	for (size_t i = 0; path && db_backends[i]; i++)
		if (db_backends[i]->claims && db_backends[i]->claims(path))
			return db_backends[i]->postgresql_sql;
	return false;
}

int store_is_practice(struct store *s, bool *yes, struct error *err)
{
	struct db_stmt *st;
	int64_t any = 0;
	int rc;

	*yes = false;
	if (!store_has_accounts(s))
		return 0;
	if (store_begin_read(s, err))
		return err->code;
	st = store_stmt(s, "SELECT EXISTS (SELECT 1 FROM account WHERE email <> '" ACCOUNT_OWNER "')"
			    " OR EXISTS (SELECT 1 FROM account_invitation)", err);
	rc = st ? store_number(s, st, &any, "cannot read the accounts", err) : ERR_STORE;
	store_rollback(s);
	*yes = any != 0;
	return rc;
}

int account_require(const struct store *s, struct error *err)
{
	if (store_has_accounts(s))
		return 0;
	return account_require_message(err);
}

int account_require_message(struct error *err)
{
	return error_set(err, ERR_INVALID, "accounts belong to a practice's PostgreSQL database "
					   "(--db postgresql://...); this database is one "
					   "person's file and has none");
}

/* A UTC instant "YYYY-MM-DDTHH:MM:SSZ" as seconds since the epoch; -1 when
 * it is not one. */
static long long instant_seconds(const char *instant)
{
	struct tm tm = { 0 };

	if (sscanf(instant, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (long long)timegm(&tm);
}

void account_instant_after(const struct store *s, long long seconds, char out[DATE_BUFSZ])
{
	time_t t = (time_t)(instant_seconds(store_instant(s)) + seconds);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, DATE_BUFSZ, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

long long account_seconds_since(const struct store *s, const char *instant)
{
	long long then = instant_seconds(instant);

	return then < 0 ? -1 : instant_seconds(store_instant(s)) - then;
}

/* ---- the account a connection or transaction acts for ---- */

/* set_config(..., true) is SET LOCAL: the setting ends with the
 * transaction, so a pooled connection never carries one account's id into
 * another's request. The command line's (false) lasts as long as its
 * connection, which is its own. */
static const char SQL_ACT_FOR[] = "SELECT set_config('rapport.account', ?1, true)";
static const char SQL_ONLY_ACCOUNT[] = "SELECT min(id) FROM account HAVING count(*) = 1";
static const char SQL_ANY_ACCOUNT[] = "SELECT EXISTS (SELECT FROM account)::int";

static int set_account(struct store *s, const char *sql, int64_t account_id, struct error *err)
{
	char id[24];
	struct db_stmt *st;

	snprintf(id, sizeof(id), "%lld", (long long)account_id);
	if (!(st = store_stmt(s, sql, err)))
		return err->code;
	bind_text(st, 1, id);
	return store_first(s, st, NULL, NULL, "cannot set the account", err) < 0 ? err->code : 0;
}

/* ---- accounts ---- */

#define ACCOUNT_COLUMNS "id, email, role, created_at, disabled_at, password_hash IS NOT NULL"

static const char SQL_ACCOUNT_ADD[] =
	"INSERT INTO account (email, role, created_at) VALUES (lower(CAST(?1 AS text)), ?2, ?3)";
static const char SQL_ACCOUNT_GET[] =
	"SELECT " ACCOUNT_COLUMNS " FROM account WHERE email = lower(CAST(?1 AS text))";
static const char SQL_ACCOUNT_LIST[] = "SELECT " ACCOUNT_COLUMNS " FROM account ORDER BY email";
static const char SQL_ACCOUNT_DISABLE[] =
	"UPDATE account SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL";
static const char SQL_ACCOUNT_SET_PASSWORD[] =
	"UPDATE account SET password_hash = ?2 WHERE id = ?1";
static const char SQL_ACCOUNT_CREDENTIALS[] =
	"SELECT id, password_hash FROM account WHERE email = lower(CAST(?1 AS text))"
	" AND disabled_at IS NULL AND password_hash IS NOT NULL";

static void read_account(struct db_stmt *st, void *out)
{
	struct account *a = out;

	a->id = db_column_int64(st, 0);
	a->email = col_text(st, 1);
	a->role = col_text(st, 2);
	a->created_at = col_stamp(st, 3);
	a->disabled_at = col_stamp(st, 4);
	a->has_password = db_column_int64(st, 5) != 0;
}

static void push_account(struct db_stmt *st, void *out)
{
	read_account(st, VEC_PUSH((account_vec *)out));
}

int store_account_get(struct store *s, const char *email, struct account *out,
		      struct error *err)
{
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if (account_require(s, err) || !(st = store_stmt(s, SQL_ACCOUNT_GET, err)))
		return err->code;
	bind_text(st, 1, email);
	rc = store_first(s, st, read_account, out, "cannot read the accounts", err);
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "no account has the address '%s'", email);
	return rc < 0 ? rc : 0;
}

static const char SQL_ACTING_FOR[] =
	"SELECT coalesce(nullif(current_setting('rapport.account', true), ''), '0')::bigint";

/* A new account's own question bank, as a new database gets one: written
 * as the account, in the transaction that made it, then the transaction
 * acts for whom it acted for before. */
static int seed_account(struct store *s, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ACTING_FOR, err);
	int64_t before;

	if (!st || store_number(s, st, &before, "cannot read the account", err))
		return ERR_STORE;
	if (set_account(s, SQL_ACT_FOR, id, err) || store_seed_question_bank(s, err))
		return err->code;
	return set_account(s, SQL_ACT_FOR, before, err);
}

int store_account_add(struct store *s, const char *email, const char *role, int64_t *id,
		      struct error *err)
{
	struct account existing;
	struct db_stmt *st;
	int rc = store_account_get(s, email, &existing, err);

	account_release(&existing);
	if (rc == 0)
		return error_set(err, ERR_CONFLICT, "'%s' has an account already", email);
	if (rc != ERR_NOT_FOUND)
		return rc;
	error_clear(err);
	if (!(st = store_stmt(s, SQL_ACCOUNT_ADD, err)))
		return err->code;
	bind_text(st, 1, email);
	bind_text(st, 2, role);
	bind_text(st, 3, store_instant(s));
	if (store_exec_stmt(s, st, "cannot add the account", err))
		return err->code;
	*id = store_last_id(s);
	return seed_account(s, *id, err);
}

static const char SQL_ACCOUNT_ACTIVE[] =
	"SELECT id FROM account WHERE disabled_at IS NULL ORDER BY id";

int store_account_active_ids(struct store *s, id_vec *out, struct error *err)
{
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_ACCOUNT_ACTIVE, err)))
		return err->code;
	return store_each(s, st, store_push_id, out, "cannot read the accounts", err);
}

int store_account_list(struct store *s, account_vec *out, struct error *err)
{
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_ACCOUNT_LIST, err)))
		return err->code;
	return store_each(s, st, push_account, out, "cannot read the accounts", err);
}

int store_account_disable(struct store *s, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ACCOUNT_DISABLE, err);

	if (!st)
		return err->code;
	bind_id(st, 1, id);
	bind_text(st, 2, store_instant(s));
	if (store_exec_stmt(s, st, "cannot disable the account", err))
		return err->code;
	return store_session_end_all(s, id, err);
}

int store_account_set_password(struct store *s, int64_t id, const char *hash,
			       struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ACCOUNT_SET_PASSWORD, err);

	if (!st)
		return err->code;
	bind_id(st, 1, id);
	bind_text(st, 2, hash);
	return store_exec_stmt(s, st, "cannot set the password", err);
}

/* A row of a number and a text: an account's id and password hash, a
 * count of failures and the time of the last. */
struct number_text {
	int64_t n;
	char *text;
};

static void read_number_text(struct db_stmt *st, void *out)
{
	struct number_text *row = out;

	row->n = db_column_int64(st, 0);
	row->text = col_text(st, 1);
}

int store_account_credentials(struct store *s, const char *email, int64_t *id, char **hash,
			      struct error *err)
{
	struct number_text c = { 0, NULL };
	struct db_stmt *st;
	int rc;

	*id = 0;
	*hash = NULL;
	if (account_require(s, err) || !(st = store_stmt(s, SQL_ACCOUNT_CREDENTIALS, err)))
		return err->code;
	bind_text(st, 1, email);
	rc = store_first(s, st, read_number_text, &c, "cannot read the accounts", err);
	*id = c.n;
	*hash = c.text;
	return rc;
}

/* ---- invitations ---- */

static const char SQL_INVITATION_ADD[] =
	"INSERT INTO account_invitation (token_hash, email, role, kind, invited_by, created_at,"
	" expires_at) VALUES (?1, lower(CAST(?2 AS text)), ?3, ?4, ?5, ?6, ?7)";
static const char SQL_INVITATION_GET[] =
	"SELECT email, role, kind, used_at IS NOT NULL, expires_at <= ?2"
	" FROM account_invitation WHERE token_hash = ?1";
static const char SQL_INVITATION_USE[] =
	"UPDATE account_invitation SET used_at = ?2"
	" WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2";

int store_invitation_add(struct store *s, const char *token_hash, const char *email,
			 const char *role, const char *kind, int64_t invited_by,
			 const char *expires_at, struct error *err)
{
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_INVITATION_ADD, err)))
		return err->code;
	bind_text(st, 1, token_hash);
	bind_text(st, 2, email);
	bind_text(st, 3, role);
	bind_text(st, 4, kind);
	bind_id(st, 5, invited_by);
	bind_text(st, 6, store_instant(s));
	bind_text(st, 7, expires_at);
	return store_exec_stmt(s, st, "cannot keep the invitation", err);
}

static void read_invitation(struct db_stmt *st, void *out)
{
	struct invitation *inv = out;

	inv->email = col_text(st, 0);
	inv->role = col_text(st, 1);
	inv->kind = col_text(st, 2);
	inv->used = db_column_int64(st, 3) != 0;
	inv->expired = db_column_int64(st, 4) != 0;
}

int store_invitation_get(struct store *s, const char *token_hash, struct invitation *out,
			 struct error *err)
{
	struct db_stmt *st;

	memset(out, 0, sizeof(*out));
	if (account_require(s, err) || !(st = store_stmt(s, SQL_INVITATION_GET, err)))
		return err->code;
	bind_text(st, 1, token_hash);
	bind_text(st, 2, store_instant(s));
	return store_first(s, st, read_invitation, out, "cannot read the invitations", err);
}

int store_invitation_use(struct store *s, const char *token_hash, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_INVITATION_USE, err);

	if (!st)
		return err->code;
	bind_text(st, 1, token_hash);
	bind_text(st, 2, store_instant(s));
	if (store_exec_stmt(s, st, "cannot use the invitation", err))
		return err->code;
	if (store_changes(s) != 1)
		return error_set(err, ERR_CONFLICT, "this link has been used or has expired");
	return 0;
}

/* ---- sessions ---- */

static const char SQL_SESSION_ADD[] =
	"INSERT INTO account_session (token_hash, account_id, created_at, last_seen, idle_expires)"
	" VALUES (?1, ?2, ?3, ?3, ?4)";
static const char SQL_SESSION_GET[] =
	"SELECT a.id, a.email, a.role, a.created_at, a.disabled_at, a.password_hash IS NOT NULL,"
	" s.last_seen, s.idle_expires FROM account_session s JOIN account a ON a.id = s.account_id"
	" WHERE s.token_hash = ?1 AND s.idle_expires > ?2 AND a.disabled_at IS NULL";
static const char SQL_SESSION_TOUCH[] =
	"UPDATE account_session SET last_seen = ?2, idle_expires = ?3 WHERE token_hash = ?1";
static const char SQL_SESSION_END[] = "DELETE FROM account_session WHERE token_hash = ?1";
static const char SQL_SESSION_END_ALL[] = "DELETE FROM account_session WHERE account_id = ?1";

int store_session_add(struct store *s, const char *token_hash, int64_t account_id,
		      const char *idle_expires, struct error *err)
{
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_SESSION_ADD, err)))
		return err->code;
	bind_text(st, 1, token_hash);
	bind_id(st, 2, account_id);
	bind_text(st, 3, store_instant(s));
	bind_text(st, 4, idle_expires);
	return store_exec_stmt(s, st, "cannot open the session", err);
}

struct session_row {
	struct account *account;
	long long idle_for, expires_in;
	const struct store *s;
};

static void read_session(struct db_stmt *st, void *out)
{
	struct session_row *row = out;
	char *last_seen = col_text(st, 6), *expires = col_text(st, 7);

	read_account(st, row->account);
	row->idle_for = account_seconds_since(row->s, last_seen ? last_seen : "");
	row->expires_in = -account_seconds_since(row->s, expires ? expires : "");
	free(last_seen);
	free(expires);
}

int store_session_get(struct store *s, const char *token_hash, struct account *out,
		      long long *idle_for, long long *expires_in, struct error *err)
{
	struct session_row row = { out, 0, 0, s };
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if (account_require(s, err) || !(st = store_stmt(s, SQL_SESSION_GET, err)))
		return err->code;
	bind_text(st, 1, token_hash);
	bind_text(st, 2, store_instant(s));
	rc = store_first(s, st, read_session, &row, "cannot read the session", err);
	*idle_for = row.idle_for;
	*expires_in = row.expires_in;
	return rc;
}

int store_session_touch(struct store *s, const char *token_hash, const char *idle_expires,
			struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SESSION_TOUCH, err);

	if (!st)
		return err->code;
	bind_text(st, 1, token_hash);
	bind_text(st, 2, store_instant(s));
	bind_text(st, 3, idle_expires);
	return store_exec_stmt(s, st, "cannot keep the session", err);
}

static int exec_text(struct store *s, const char *sql, const char *text, const char *doing,
		     struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return err->code;
	bind_text(st, 1, text);
	return store_exec_stmt(s, st, doing, err);
}

int store_session_end(struct store *s, const char *token_hash, struct error *err)
{
	return exec_text(s, SQL_SESSION_END, token_hash, "cannot end the session", err);
}

int store_session_end_all(struct store *s, int64_t account_id, struct error *err)
{
	return store_exec_id(s, SQL_SESSION_END_ALL, account_id, "cannot end the sessions", err);
}

/* ---- failed sign-ins ---- */

static const char SQL_FAILURES_GET[] =
	"SELECT failures, last_failure FROM signin_failure WHERE kind = ?1 AND key = ?2";
static const char SQL_FAILURES_ADD[] =
	"INSERT INTO signin_failure (kind, key, failures, last_failure) VALUES (?1, ?2, 1, ?3)"
	" ON CONFLICT (kind, key) DO UPDATE SET failures = signin_failure.failures + 1,"
	" last_failure = excluded.last_failure";
static const char SQL_FAILURES_CLEAR[] = "DELETE FROM signin_failure WHERE kind = ?1 AND key = ?2";

int store_signin_failures(struct store *s, const char *kind, const char *key, int64_t *failures,
			  char last[DATE_BUFSZ], struct error *err)
{
	struct number_text f = { 0, NULL };
	struct db_stmt *st;
	int rc;

	*failures = 0;
	last[0] = '\0';
	if (account_require(s, err) || !(st = store_stmt(s, SQL_FAILURES_GET, err)))
		return err->code;
	bind_text(st, 1, kind);
	bind_text(st, 2, key);
	rc = store_first(s, st, read_number_text, &f, "cannot read the failed sign-ins", err);
	*failures = f.n;
	if (f.text)
		snprintf(last, DATE_BUFSZ, "%s", f.text);
	free(f.text);
	return rc < 0 ? rc : 0;
}

static int bind_kind_key(struct store *s, const char *sql, const char *kind, const char *key,
			 struct db_stmt **out, struct error *err)
{
	if (!(*out = store_stmt(s, sql, err)))
		return err->code;
	bind_text(*out, 1, kind);
	bind_text(*out, 2, key);
	return 0;
}

int store_signin_failed(struct store *s, const char *kind, const char *key, struct error *err)
{
	struct db_stmt *st;

	if (bind_kind_key(s, SQL_FAILURES_ADD, kind, key, &st, err))
		return err->code;
	bind_text(st, 3, store_instant(s));
	return store_exec_stmt(s, st, "cannot count the failed sign-in", err);
}

int store_signin_clear(struct store *s, const char *kind, const char *key, struct error *err)
{
	struct db_stmt *st;

	if (bind_kind_key(s, SQL_FAILURES_CLEAR, kind, key, &st, err))
		return err->code;
	return store_exec_stmt(s, st, "cannot clear the failed sign-ins", err);
}

int store_act_for(struct store *s, int64_t account_id, struct error *err)
{
	return store_has_accounts(s) ? store_backend_act_for(s, account_id, err) : 0;
}

/* The database's only account into *id (0: it has several), made when it
 * has none: the owner of a person's database. */
static int only_account(struct store *s, int64_t *id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ONLY_ACCOUNT, err);
	struct db_stmt *any = store_stmt(s, SQL_ANY_ACCOUNT, err);
	int64_t exists;

	if (!st || !any || store_number(s, st, id, "cannot read the accounts", err) ||
	    store_number(s, any, &exists, "cannot read the accounts", err))
		return ERR_STORE;
	if (exists)
		return 0;
	if (store_begin_write(s, err))
		return ERR_STORE;
	/* another command may have made it while this one waited for the lock */
	if (store_number(s, st, id, "cannot read the accounts", err) ||
	    (!*id && store_account_add(s, ACCOUNT_OWNER, "client", id, err)) ||
	    store_commit(s, err)) {
		store_rollback(s);
		return err->code ? err->code : ERR_STORE;
	}
	return 0;
}

/* Whether the role of the pg_roles row r lifts the walls: a superuser, or
 * a role that bypasses the policies, sees and changes every account's rows
 * (the owner does not: FORCE puts it under them). */
#define LIFTS_WALLS(r) "(" r ".rolsuper OR " r ".rolbypassrls)"

/* How long a connection whose role lifts the walls acts as rapport_app. */
enum walls_scope {
	WALLS_SESSION,     /* every transaction from the next on (a command line's) */
	WALLS_TRANSACTION, /* the transaction open, until it ends (a move's) */
};

/*
 * The walls, one way for every caller: a connection whose role lifts them
 * acts as the server's role, rapport_app, which owns nothing and bypasses
 * nothing. For the session, the backend keeps the role as it keeps the
 * account (told again after a reconnection, and in each transaction
 * through a pool); for the transaction, SET LOCAL ROLE, which holds
 * whatever the connection did before and ends with it. ERR_INVALID when
 * the role cannot act as rapport_app.
 */
static int act_as_app(struct store *s, enum walls_scope scope, struct error *err)
{
	int rc = scope == WALLS_SESSION
			 ? store_session_setting(s, "role", "rapport_app", err)
			 : store_exec_sql(s, "SET LOCAL ROLE rapport_app", "", err);

	if (rc)
		return error_set(err, ERR_INVALID, "this connection's role sees every account's "
						   "rows and cannot act as rapport_app: connect as "
						   "rapport_app or a role granted it");
	return 0;
}

/* The account of an address, and whether this connection's role lifts the
 * walls on a database that keeps several: one round trip. */
static const char SQL_ACT_AS[] =
	"SELECT a.id, (" LIFTS_WALLS("r") " AND (SELECT count(*) FROM account) > 1)::int"
	" FROM account a JOIN pg_roles r ON r.rolname = current_user"
	" WHERE a.email = lower(CAST(?1 AS text))";

struct acting {
	int64_t id;
	bool sees_all;
};

static void read_acting(struct db_stmt *st, void *out)
{
	struct acting *a = out;

	a->id = db_column_int64(st, 0);
	a->sees_all = db_column_int64(st, 1) != 0;
}

static int account_to_act_as(struct store *s, const char *email, struct acting *out,
			     struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ACT_AS, err);
	int rc;

	if (!st)
		return err->code;
	bind_text(st, 1, email);
	rc = store_first(s, st, read_acting, out, "cannot read the accounts", err);
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "no account has the address '%s'", email);
	return rc < 0 ? rc : 0;
}

/*
 * The walls: a command line connected as a role that would see every
 * account's rows acts as the server's role, rapport_app (kept as the
 * account is, for every transaction): else its reads would mix every
 * account's rows (and a single-row read fail), and a move into an account
 * (method/move.c) would empty every account's tables. The only account of
 * a database (no --account) needs no walls: there are no others' rows.
 */
int store_act_as(struct store *s, const char *email, struct error *err)
{
	struct acting acting = { 0, false };
	char value[24];
	int rc;

	if (!store_has_accounts(s))
		return 0;
	if ((rc = email ? account_to_act_as(s, email, &acting, err)
			: only_account(s, &acting.id, err)))
		return rc;
	if (!acting.id)
		return error_set(err, ERR_INVALID, "this database keeps several accounts: say "
						   "which with --account EMAIL (or RAPPORT_ACCOUNT)");
	if (acting.sees_all && (rc = act_as_app(s, WALLS_SESSION, err)))
		return rc;
	/* the backend keeps it: told again after a reconnection, and in each
	 * transaction through a pool */
	snprintf(value, sizeof(value), "%lld", (long long)acting.id);
	return store_session_setting(s, "rapport.account", value, err);
}

static const char SQL_LIFTS_WALLS[] =
	"SELECT " LIFTS_WALLS("r") "::int FROM pg_roles r WHERE r.rolname = current_user";

int store_walls_for_transaction(struct store *s, struct error *err)
{
	struct db_stmt *st;
	int64_t lifts;

	if (!store_has_accounts(s))
		return 0;
	if (!(st = store_stmt(s, SQL_LIFTS_WALLS, err)) ||
	    store_number(s, st, &lifts, "cannot read the connection's role", err))
		return ERR_STORE;
	return lifts ? act_as_app(s, WALLS_TRANSACTION, err) : 0;
}

/* The token as the setting the policy calendar_token reads (schema_pg.c),
 * for this transaction only. */
static const char SQL_CALENDAR_SHOW[] =
	"SELECT set_config('rapport.calendar_token', ?1, true)";
static const char SQL_CALENDAR_ACCOUNT[] =
	"SELECT account_id FROM setting WHERE key = ?1 AND value = ?2";

int store_calendar_account(struct store *s, const char *key, const char *token, int64_t *id,
			   struct error *err)
{
	struct db_stmt *show, *st;
	int rc;

	*id = 0;
	if (account_require(s, err) || !(show = store_stmt(s, SQL_CALENDAR_SHOW, err)))
		return err->code;
	bind_text(show, 1, token);
	if (store_first(s, show, NULL, NULL, "cannot read the calendar", err) < 0 ||
	    !(st = store_stmt(s, SQL_CALENDAR_ACCOUNT, err)))
		return err->code;
	bind_text(st, 1, key);
	bind_text(st, 2, token);
	rc = store_first(s, st, store_read_id, id, "cannot read the calendar", err);
	return rc < 0 ? rc : *id != 0;
}

/* The walls hold unless the role is a superuser, bypasses the policies or
 * has the owner's privileges; the coach's policy is in its every query
 * when it has rapport_coach's privileges (inherits them, practice
 * migration app_noinherit) rather than only the right to SET ROLE. */
static const char SQL_WALLS_HOLD[] =
	"SELECT (NOT (" LIFTS_WALLS("r") " OR pg_has_role(current_user,"
	" (SELECT relowner FROM pg_class WHERE oid = 'organisation'::regclass), 'USAGE')))::int,"
	" coalesce((SELECT pg_has_role(current_user, c.oid, 'USAGE') FROM pg_roles c"
	"  WHERE c.rolname = 'rapport_coach'), false)::int"
	" FROM pg_roles r WHERE r.rolname = current_user";

static void read_walls(struct db_stmt *st, void *out)
{
	struct store_walls *w = out;

	w->hold = db_column_int64(st, 0) != 0;
	w->coach_policy = db_column_int64(st, 1) != 0;
}

int store_walls_hold(struct store *s, struct store_walls *w, struct error *err)
{
	struct db_stmt *st;

	*w = (struct store_walls){ .hold = true };
	if (!store_has_accounts(s))
		return 0;
	if (!(st = store_stmt(s, SQL_WALLS_HOLD, err)) ||
	    store_first(s, st, read_walls, w, "cannot read the server's role", err) < 0)
		return ERR_STORE;
	return 0;
}
