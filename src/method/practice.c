/* practice.c: accounts, links, sign-in and sessions (see practice.h). */
#include "method/practice.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/password.h"
#include "util/secret.h"

int practice_parse_duration(const char *text, long long *seconds, struct error *err)
{
	static const struct { char unit; long long seconds; } units[] = {
		{ 'd', 86400 }, { 'h', 3600 }, { 'm', 60 }, { '\0', 1 },
	};
	char *end;
	long long n;

	errno = 0;
	n = text ? strtoll(text, &end, 10) : 0;
	if (text && !errno && end != text && n > 0 && n <= 3650LL * 24 && (!*end || !end[1]))
		for (size_t i = 0; i < ARRAY_SIZE(units); i++)
			if (*end == units[i].unit) {
				*seconds = n * units[i].seconds;
				return 0;
			}
	return error_set(err, ERR_INVALID, "'%s' is not a duration: say 7d, 12h or 30m",
			 text ? text : "");
}

static int check_email(const char *email, struct error *err)
{
	const char *at = email ? strchr(email, '@') : NULL;
	size_t len = email ? strlen(email) : 0;

	if (!at || at == email || !at[1] || strchr(at + 1, '@') || len > 254 ||
	    strpbrk(email, " \t\r\n<>,;\""))
		return error_set(err, ERR_INVALID, "'%s' is not an e-mail address",
				 email ? email : "");
	return 0;
}

/* A new token, and its digest kept as a link to email. */
static int make_link(struct store *s, const char *email, const char *role, const char *kind,
		     long long seconds, practice_token token, struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1], expires[DATE_BUFSZ];

	if (secret_hex(token, PRACTICE_TOKEN_HEX, err))
		return err->code;
	secret_digest_hex(token, digest);
	account_instant_after(s, seconds, expires);
	return store_invitation_add(s, digest, email, role, kind, 0, expires, err);
}

int practice_invite(struct store *s, const char *email, const char *role, long long seconds,
		    practice_token token, struct error *err)
{
	struct account a;
	int rc;

	if (account_require(s, err) || check_email(email, err))
		return err->code;
	if (!account_role_valid(role))
		return error_set(err, ERR_INVALID, "'%s' is not a role: say " ACCOUNT_ROLES, role);
	rc = store_account_get(s, email, &a, err);
	account_release(&a);
	if (rc == 0)
		return error_set(err, ERR_CONFLICT, "'%s' has an account already (to let them "
						    "in again: admin reset-password)", email);
	if (rc != ERR_NOT_FOUND)
		return rc;
	error_clear(err);
	return make_link(s, email, role, "invite", seconds, token, err);
}

int practice_coach_add(struct store *s, const char *email, long long seconds,
		       practice_token token, struct error *err)
{
	int64_t id;

	if (account_require(s, err) || check_email(email, err) ||
	    store_account_add(s, email, "coach", &id, err))
		return err->code;
	return make_link(s, email, "coach", "reset", seconds, token, err);
}

int practice_reset_link(struct store *s, const char *email, long long seconds,
			practice_token token, struct error *err)
{
	struct account a;
	int rc = store_account_get(s, email, &a, err);

	if (!rc && a.disabled_at)
		rc = error_set(err, ERR_CONFLICT, "'%s' is disabled", email);
	if (!rc)
		rc = make_link(s, a.email, a.role, "reset", seconds, token, err);
	account_release(&a);
	return rc;
}

int practice_disable(struct store *s, const char *email, struct error *err)
{
	struct account a;
	int rc = store_account_get(s, email, &a, err);

	if (!rc && a.disabled_at)
		rc = error_set(err, ERR_CONFLICT, "'%s' is disabled already", email);
	if (!rc)
		rc = store_account_disable(s, a.id, err);
	account_release(&a);
	return rc;
}

/* ---- signing in ---- */

static int open_session(struct store *s, int64_t account_id, long long idle,
			practice_token token, struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1], expires[DATE_BUFSZ];

	if (secret_hex(token, PRACTICE_TOKEN_HEX, err))
		return err->code;
	secret_digest_hex(token, digest);
	account_instant_after(s, idle, expires);
	return store_session_add(s, digest, account_id, expires, err);
}

/* Seconds still to wait after `failures` (the last at the UTC instant
 * last) when `allowed` come free; 0: none. The wait doubles with each
 * failure past them. */
static long long wait_left(const struct store *s, int64_t failures, int64_t allowed,
			   const char *last)
{
	long long wait = PRACTICE_WAIT_FIRST, since;

	if (failures < allowed || (since = account_seconds_since(s, last)) < 0)
		return 0;
	for (int64_t i = allowed; i < failures && wait < PRACTICE_WAIT_MAX; i++)
		wait *= 2;
	if (wait > PRACTICE_WAIT_MAX)
		wait = PRACTICE_WAIT_MAX;
	return since < wait ? wait - since : 0;
}

static int throttled(struct store *s, const char *email, const char *from, long long *retry,
		     struct error *err)
{
	char last[DATE_BUFSZ];
	int64_t n;
	long long w;

	*retry = 0;
	if (store_signin_failures(s, "account", email, &n, last, err))
		return err->code;
	*retry = wait_left(s, n, PRACTICE_FAILURES_ACCOUNT, last);
	if (store_signin_failures(s, "address", from, &n, last, err))
		return err->code;
	w = wait_left(s, n, PRACTICE_FAILURES_ADDRESS, last);
	if (w > *retry)
		*retry = w;
	return 0;
}

/* Whether password is email's; the same work when there is no such
 * account, so that the time taken does not tell which addresses have one. */
static int check_password(struct store *s, const char *email, const char *password,
			  int64_t *id, struct error *err)
{
	char *hash = NULL;
	int rc = store_account_credentials(s, email, id, &hash, err);
	bool ok = false;

	if (rc < 0)
		return rc;
	if (rc == 1) {
		ok = password_verify(hash, password, err);
	} else {
		char *decoy = NULL;
		password_hash(password && *password ? password : "-", &decoy, err);
		free(decoy);
	}
	free(hash);
	if (err->code == ERR_IO)
		return err->code; /* the library would not load: not the user's fault */
	error_clear(err);
	return ok ? 0 : ERR_INVALID;
}

/* The key an account's failures are counted under: its address in lower
 * case (ASCII, as the accounts' index), so that its spellings share one
 * count; at most 254 bytes, as an address is. */
static void failure_key(const char *email, char out[256])
{
	size_t i;

	for (i = 0; email[i] && i < 255; i++)
		out[i] = (char)tolower((unsigned char)email[i]);
	out[i] = '\0';
}

/* password checked for the account of email (any spelling), unless too
 * many failures came first (ERR_CONFLICT, *retry_after set); a wrong one is
 * counted (ERR_INVALID, the same whatever was wrong), a right one clears
 * the account's count. */
static int throttled_check(struct store *s, const char *given, const char *password,
			   const char *from, int64_t *id, long long *retry_after,
			   struct error *err)
{
	char email[256];
	int rc;

	*retry_after = 0;
	if (!given || !password || !*given || !*password)
		return error_set(err, ERR_INVALID, "give your e-mail address and your password");
	failure_key(given, email);
	if (throttled(s, email, from, retry_after, err))
		return err->code;
	if (*retry_after)
		return error_set(err, ERR_CONFLICT, "too many failed sign-ins: wait %lld seconds, "
						    "then try again", *retry_after);
	rc = check_password(s, email, password, id, err);
	if (rc == ERR_INVALID) {
		if (store_signin_failed(s, "account", email, err) ||
		    store_signin_failed(s, "address", from, err))
			return err->code;
		return error_set(err, ERR_INVALID, "that e-mail address and password do not match "
						   "an account");
	}
	return rc ? rc : store_signin_clear(s, "account", email, err);
}

int practice_sign_in(struct store *s, const char *email, const char *password, const char *from,
		     long long idle, practice_token token, long long *retry_after,
		     struct error *err)
{
	int64_t id = 0;

	if (throttled_check(s, email, password, from, &id, retry_after, err))
		return err->code;
	return open_session(s, id, idle, token, err);
}

int practice_link_get(struct store *s, const char *token, struct invitation *out,
		      struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1];
	int rc;

	memset(out, 0, sizeof(*out));
	if (!token || strlen(token) != PRACTICE_TOKEN_HEX)
		return error_set(err, ERR_NOT_FOUND, "this link is not one this practice made");
	secret_digest_hex(token, digest);
	rc = store_invitation_get(s, digest, out, err);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "this link is not one this practice made");
	if (out->used)
		return error_set(err, ERR_CONFLICT, "this link has been used: it works once. "
						    "Sign in, or ask the practice for a new one");
	if (out->expired)
		return error_set(err, ERR_CONFLICT, "this link has expired: ask the practice for "
						    "a new one");
	return 0;
}

/* The account a link sets the password of: made for an invitation. */
static int link_account(struct store *s, const struct invitation *inv, int64_t *id,
			struct error *err)
{
	struct account a;
	int rc;

	if (!strcmp(inv->kind, "invite"))
		return store_account_add(s, inv->email, inv->role, id, err);
	rc = store_account_get(s, inv->email, &a, err);
	*id = a.id;
	if (!rc && a.disabled_at)
		rc = error_set(err, ERR_CONFLICT, "this account is disabled");
	account_release(&a);
	return rc ? rc : store_session_end_all(s, *id, err);
}

int practice_link_use(struct store *s, const char *token, const char *password, long long idle,
		      practice_token session, struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1], *hash = NULL;
	struct invitation inv;
	int64_t id = 0;
	int rc = practice_link_get(s, token, &inv, err);

	if (!rc && !(rc = password_hash(password ? password : "", &hash, err)) &&
	    !(rc = link_account(s, &inv, &id, err))) {
		secret_digest_hex(token, digest);
		rc = store_invitation_use(s, digest, err);
	}
	if (!rc)
		rc = store_account_set_password(s, id, hash, err);
	if (!rc)
		rc = open_session(s, id, idle, session, err);
	free(hash);
	invitation_release(&inv);
	return rc;
}

int practice_session_resume(struct store *s, const char *token, struct account *out,
			    bool *touch, long long *valid_for, struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1];
	long long idle_for = 0, expires_in = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	*touch = false;
	*valid_for = 0;
	if (!token || strlen(token) != PRACTICE_TOKEN_HEX)
		return 0;
	secret_digest_hex(token, digest);
	rc = store_session_get(s, digest, out, &idle_for, &expires_in, err);
	*touch = rc == 1 && (idle_for < 0 || idle_for >= PRACTICE_TOUCH_AFTER);
	if (rc == 1 && !*touch)
		*valid_for = expires_in < PRACTICE_TOUCH_AFTER - idle_for ? expires_in
									: PRACTICE_TOUCH_AFTER - idle_for;
	return rc;
}

int practice_session_touch(struct store *s, const char *token, long long idle,
			   struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1], expires[DATE_BUFSZ];

	secret_digest_hex(token, digest);
	account_instant_after(s, idle, expires);
	return store_session_touch(s, digest, expires, err);
}

int practice_sign_out(struct store *s, const char *token, struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1];

	secret_digest_hex(token, digest);
	return store_session_end(s, digest, err);
}

int practice_password_change(struct store *s, const struct account *account,
			     const char *current, const char *password, const char *from,
			     long long idle, practice_token session, long long *retry_after,
			     struct error *err)
{
	char *hash = NULL;
	int64_t id;
	int rc = throttled_check(s, account->email, current, from, &id, retry_after, err);

	if (rc == ERR_INVALID)
		return error_set(err, ERR_INVALID, "the current password is not right");
	if (!rc)
		rc = password_hash(password ? password : "", &hash, err);
	if (!rc)
		rc = store_account_set_password(s, account->id, hash, err);
	free(hash);
	if (!rc)
		rc = store_session_end_all(s, account->id, err);
	return rc ? rc : open_session(s, account->id, idle, session, err);
}

void practice_csrf_of(const char *session_token, char out[PRACTICE_TOKEN_HEX + 1])
{
	char text[PRACTICE_TOKEN_HEX + 32];

	snprintf(text, sizeof(text), "rapport csrf %s", session_token);
	secret_digest_hex(text, out);
}
