/*
 * account.h: a practice's accounts, their sessions and invitations, and the
 * count of failed sign-ins (issue 20). They live in the practice's
 * PostgreSQL database only (schema_pg.c's practice tables): one person's
 * SQLite file has no accounts, and every function here refuses it.
 *
 * Tokens (sessions, invitations) are handed in as the hex SHA-256 the
 * caller made of them (util/secret.h's secret_digest_hex): the store never
 * sees one that could be used. Times are the store's: now is store_now,
 * expiries are UTC instants ("2026-03-02T14:00:00Z") the caller computed
 * (account_instant_after).
 */
#ifndef RAPPORT_STORE_ACCOUNT_H
#define RAPPORT_STORE_ACCOUNT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/model.h"
#include "util/error.h"

struct store;

/* The roles an account has; "client" is a job seeker. */
#define ACCOUNT_ROLES "client, coach or admin"
bool account_role_valid(const char *role);

struct account {
	int64_t id;
	char *email; /* lower case */
	char *role;
	char *created_at;  /* local, as the layers above read times */
	char *disabled_at; /* NULL: active */
	bool has_password;
};
typedef VEC(struct account) account_vec;
void account_release(struct account *a);
void account_vec_release(account_vec *v);

/* Does this store's database keep accounts (a practice's PostgreSQL)?
 * account_require: the same as an error that says where accounts are. */
bool store_has_accounts(const struct store *s);
int account_require(const struct store *s, struct error *err);
/* Whether it is a practice's: a database that keeps accounts and has one
 * besides a person's own (ACCOUNT_OWNER), or an invitation to one.
 * A PostgreSQL database with none yet is one person's, served as SQLite's
 * file is (the server's own key); `rapport admin` makes it a practice. */
int store_is_practice(struct store *s, bool *yes, struct error *err);
/* Whether the database at path (an address, before opening it) is one
 * that keeps accounts; account_require_message: the error when it is not. */
bool store_address_has_accounts(const char *path);
int account_require_message(struct error *err);

/* The UTC instant seconds after the store's now, into out. */
void account_instant_after(const struct store *s, long long seconds, char out[DATE_BUFSZ]);
/* Seconds from the UTC instant `instant` to the store's now; -1 when it is
 * not an instant. */
long long account_seconds_since(const struct store *s, const char *instant);

/* ---- accounts ---- */
/* A new account (no password yet); ERR_CONFLICT when the address has one. */
int store_account_add(struct store *s, const char *email, const char *role, int64_t *id,
		      struct error *err);
/* The account of email (any case); ERR_NOT_FOUND without one. */
int store_account_get(struct store *s, const char *email, struct account *out,
		      struct error *err);
/* Every account, by e-mail address. */
int store_account_list(struct store *s, account_vec *out, struct error *err);
/* The ids of the accounts not disabled, ascending: whose time rules the
 * server runs. */
int store_account_active_ids(struct store *s, id_vec *out, struct error *err);
/* Disable the account (it signs in no more) and end its sessions. */
int store_account_disable(struct store *s, int64_t id, struct error *err);
/* Set the password's hash (argon2id's encoded string). */
int store_account_set_password(struct store *s, int64_t id, const char *hash,
			       struct error *err);
/* The id and password hash of an active account with a password, for a
 * sign-in: 1 found, 0 none (no such account, disabled, no password yet). */
int store_account_credentials(struct store *s, const char *email, int64_t *id, char **hash,
			      struct error *err);

/* ---- invitations (and password resets: the same one-time link) ---- */
struct invitation {
	char *email, *role, *kind; /* kind: "invite" or "reset" */
	bool used, expired;
};
void invitation_release(struct invitation *inv);
int store_invitation_add(struct store *s, const char *token_hash, const char *email,
			 const char *role, const char *kind, int64_t invited_by,
			 const char *expires_at, struct error *err);
/* The invitation of token_hash: 1, 0 when there is none. */
int store_invitation_get(struct store *s, const char *token_hash, struct invitation *out,
			 struct error *err);
/* Mark it used, once: ERR_CONFLICT when it was used or has expired since. */
int store_invitation_use(struct store *s, const char *token_hash, struct error *err);

/* ---- sessions ---- */
int store_session_add(struct store *s, const char *token_hash, int64_t account_id,
		      const char *idle_expires, struct error *err);
/* The session of token_hash, when it has not expired and its account is
 * active: 1 with its account read into out, *idle_for the seconds since
 * its last use and *expires_in those until it expires; 0 when there is
 * none. */
int store_session_get(struct store *s, const char *token_hash, struct account *out,
		      long long *idle_for, long long *expires_in, struct error *err);
/* Its last use now, and its end idle_expires (a write). */
int store_session_touch(struct store *s, const char *token_hash, const char *idle_expires,
			struct error *err);
int store_session_end(struct store *s, const char *token_hash, struct error *err);
/* End every session of the account ("sign out everywhere", a new password). */
int store_session_end_all(struct store *s, int64_t account_id, struct error *err);

/* ---- failed sign-ins: kind "account" (an e-mail address) or "address" ---- */
/* The failures counted for key and the instant of the last (UTC, or ""). */
int store_signin_failures(struct store *s, const char *kind, const char *key, int64_t *failures,
			  char last[DATE_BUFSZ], struct error *err);
int store_signin_failed(struct store *s, const char *kind, const char *key, struct error *err);
int store_signin_clear(struct store *s, const char *kind, const char *key, struct error *err);

/* The account id each transaction's statements act for (PostgreSQL's
 * setting rapport.account, SET LOCAL: it ends with the transaction), the
 * key row-level security reads (schema_pg.c's practice migration 2); a
 * no-op on a store without accounts. */
int store_act_for(struct store *s, int64_t account_id, struct error *err);
/*
 * The command line's account, for every transaction of this connection
 * (a session's setting: one command line is one person): the account of
 * email (any case), or, when email is NULL, the database's only account,
 * made when there is none (ACCOUNT_OWNER, in a write transaction of its
 * own): a database whose first use is a person's command line is theirs.
 * Once `rapport admin` has made others, a command line must say which
 * (--account, RAPPORT_ACCOUNT): ERR_INVALID saying so. A no-op on a store
 * without accounts (SQLite).
 */
int store_act_as(struct store *s, const char *email, struct error *err);
/* Put the transaction open under the walls between accounts, whatever the
 * connection did before (a move into or out of an account, method/move.c,
 * on a server too): a connection whose role lifts them (a superuser, a
 * BYPASSRLS role) acts as rapport_app until the transaction ends, as
 * store_act_as makes a command line's for its session; ERR_INVALID when it
 * cannot. A no-op on a store without accounts. */
int store_walls_for_transaction(struct store *s, struct error *err);
/* The account whose calendar feed token (the setting key, the value
 * token) is this one: 1 with its id in *id, 0 when no account has it. */
int store_calendar_account(struct store *s, const char *key, const char *token, int64_t *id,
			   struct error *err);
/* What this connection's role makes of the walls. hold: whether it is
 * walled off by row-level security, false when its role owns the tables
 * (and could lift the walls) or bypasses them (a superuser); true on a
 * store without accounts, which has no walls to lift. coach_policy:
 * whether the coach's policy is in every query it makes (it inherits
 * rapport_coach's privileges), which keeps PostgreSQL from finding an
 * account's rows by index: right, but slower the more clients a practice
 * has. */
struct store_walls {
	bool hold;
	bool coach_policy;
};
int store_walls_hold(struct store *s, struct store_walls *w, struct error *err);
/* The address of the account a person's database makes for its rows. */
#define ACCOUNT_OWNER "owner@localhost"

#endif
