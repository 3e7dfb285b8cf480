/*
 * sha256.h: SHA-256 (FIPS 180-4), for the tokens a practice's server hands
 * out (sessions, invitations): a token is 256 random bits, so one round of
 * SHA-256 is enough to keep it stored without keeping it usable. None of
 * the libraries every command links has one (libpq, GnuTLS and OpenSSL are
 * loaded only by what needs them); this is the standard's algorithm, small,
 * checked against its test vectors (tests/unit/test-secret.c).
 */
#ifndef RAPPORT_SHA256_H
#define RAPPORT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32

void sha256(const void *data, size_t len, uint8_t out[SHA256_BYTES]);

#endif
