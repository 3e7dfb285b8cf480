/*
 * practice.h: a coaching practice's accounts as the front ends use them
 * (issue 20): one-time links (invitations, password resets), signing in
 * with throttling, sessions, password changes. `rapport admin` and the
 * web server's account pages both come here; the rows are store/account.h's.
 *
 * A token (a session's, a link's) is 256 random bits from getrandom, in hex
 * (PRACTICE_TOKEN_HEX digits); only its SHA-256 is stored. A password is
 * hashed with argon2id (util/password.h) and is never in a message.
 */
#ifndef RAPPORT_PRACTICE_H
#define RAPPORT_PRACTICE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/account.h"
#include "util/error.h"

#define PRACTICE_TOKEN_HEX 64
typedef char practice_token[PRACTICE_TOKEN_HEX + 1];

/* How long a session lasts unused, unless the server is told otherwise. */
#define PRACTICE_IDLE_DEFAULT (14LL * 86400)
/* How long a one-time link lasts unless told (admin invite --expires). */
#define PRACTICE_LINK_DEFAULT (7LL * 86400)
/* Failed sign-ins before a wait: for one account, and from one client
 * address (higher: behind a proxy, many people share one). The wait
 * starts at PRACTICE_WAIT_FIRST seconds and doubles with each failure
 * after, up to PRACTICE_WAIT_MAX. */
#define PRACTICE_FAILURES_ACCOUNT 5
#define PRACTICE_FAILURES_ADDRESS 20
#define PRACTICE_WAIT_FIRST 30
#define PRACTICE_WAIT_MAX 3600

/* "7d", "12h", "30m" (or seconds, "90") as seconds; ERR_INVALID otherwise. */
int practice_parse_duration(const char *text, long long *seconds, struct error *err);

/* ---- what an administrator does (rapport admin) ---- */
/* A link that makes a new account of role for email, valid for seconds. */
int practice_invite(struct store *s, const char *email, const char *role, long long seconds,
		    practice_token token, struct error *err);
/* A coach's account, and the link that sets its password. */
int practice_coach_add(struct store *s, const char *email, long long seconds,
		       practice_token token, struct error *err);
/* A link that sets a new password for email's account (ending its sessions). */
int practice_reset_link(struct store *s, const char *email, long long seconds,
			practice_token token, struct error *err);
int practice_disable(struct store *s, const char *email, struct error *err);

/* ---- what the web server does ---- */
/* Sign email in with password from the client address `from`: 0 with a
 * new session's token; ERR_INVALID when the two do not match an active
 * account (the same answer whatever was wrong); ERR_CONFLICT when too many
 * failures came first, *retry_after the seconds to wait. A failure is
 * counted in the caller's transaction, which must be committed. */
int practice_sign_in(struct store *s, const char *email, const char *password, const char *from,
		     long long idle, practice_token token, long long *retry_after,
		     struct error *err);
/* The invitation or reset link of token, as it stands: 0 usable (out
 * filled), ERR_NOT_FOUND, or ERR_CONFLICT (used, expired) with a message. */
int practice_link_get(struct store *s, const char *token, struct invitation *out,
		      struct error *err);
/* Use the link: set password (making the account of an invitation), end a
 * reset account's other sessions, and open a session (session). */
int practice_link_use(struct store *s, const char *token, const char *password, long long idle,
		      practice_token session, struct error *err);
/* The account of a session's token: 1 (out filled), 0 none. Its idle time
 * starts again when *touch is then true: the caller runs
 * practice_session_touch in a write transaction. (Only once it has been
 * idle PRACTICE_TOUCH_AFTER seconds: most requests then write nothing, and
 * the pages' cache, keyed by the database's version, stays.) *valid_for:
 * the seconds the answer stays true while the database does not change
 * (until a touch is due or the session expires; 0 when it is due now). */
#define PRACTICE_TOUCH_AFTER 300
int practice_session_resume(struct store *s, const char *token, struct account *out,
			    bool *touch, long long *valid_for, struct error *err);
int practice_session_touch(struct store *s, const char *token, long long idle,
			   struct error *err);
int practice_sign_out(struct store *s, const char *token, struct error *err);
/* A new password for account, after checking the current one, throttled
 * and counted as a sign-in is (a stolen session must not guess it): every
 * session ends, and a new one opens for this browser (session). */
int practice_password_change(struct store *s, const struct account *account,
			     const char *current, const char *password, const char *from,
			     long long idle, practice_token session, long long *retry_after,
			     struct error *err);
/* The CSRF token of a session: derived from its token, so every server of
 * the practice knows it without storing it, and unlike the stored digest. */
void practice_csrf_of(const char *session_token, char out[PRACTICE_TOKEN_HEX + 1]);

#endif
