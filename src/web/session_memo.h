/*
 * session_memo.h: the sessions a practice's server thread verified lately
 * (issue 20), so that a request whose session was verified at its
 * account's current data version costs one round trip (reading the
 * version) instead of a read transaction of three. Every way a session
 * ends early (sign-out, signing out everywhere, a new password, a disabled
 * account) is a write to the account's rows, which moves its version;
 * the rest (its idle expiry, the touch that keeps it alive) comes with
 * time, so a memo is kept only for the seconds practice_session_resume
 * says its answer holds, counted in the store's time (RAPPORT_NOW in tests). Keyed by the token's SHA-256,
 * as the database is: the memo holds no token.
 */
#ifndef RAPPORT_SESSION_MEMO_H
#define RAPPORT_SESSION_MEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "store/account.h"
#include "store/store.h"

/* The data version of its account (into *account_id) this thread
 * verified digest's session at, while that still holds by the clock; -1
 * when it has none. */
int64_t session_memo_version(const struct store *s, const char *digest, int64_t *account_id);
/* Its account, copied into out (the caller releases it). */
void session_memo_account(const char *digest, struct account *out);
/* Keep digest's session, verified at version, for valid_for seconds from now. */
void session_memo_put(const struct store *s, const char *digest, int64_t version,
		      long long valid_for, const struct account *a);

#endif
