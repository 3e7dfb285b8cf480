/*
 * secret.h: the random secrets the web server hands out (the session cookie,
 * the sign-in key, the CSRF token, the calendar feed's token) and the one way
 * to check one that comes back.
 */
#ifndef RAPPORT_SECRET_H
#define RAPPORT_SECRET_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* The shortest secret secret_equal accepts as one: 128 bits in hex. */
#define SECRET_MIN_HEX 32

/* hex_len (even) random hex digits from getrandom, and a NUL, into out
 * (which holds hex_len + 1); ERR_IO when the kernel gives no random bytes. */
int secret_hex(char *out, size_t hex_len, struct error *err);
/* Is sent the secret? In a time that does not tell how much of it was right
 * (every byte is compared, whatever the first difference). False when either
 * is NULL, when their lengths differ, and when secret is shorter than
 * SECRET_MIN_HEX: an empty or damaged stored secret matches nothing. */
bool secret_equal(const char *sent, const char *secret);

/* How a token a practice's server hands out (a session, an invitation) is
 * kept: the SHA-256 of its text, in hex (SECRET_DIGEST_HEX digits and a
 * NUL into out). A stolen copy of the table then opens nothing, and the
 * lookup by digest tells nothing of how much of a guess was right. */
#define SECRET_DIGEST_HEX 64
void secret_digest_hex(const char *token, char out[SECRET_DIGEST_HEX + 1]);

#endif
