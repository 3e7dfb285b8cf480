/*
 * password.h: a password kept as an argon2id hash (libargon2, loaded on
 * first use: only `rapport serve` and `rapport config web.password` need it).
 */
#ifndef RAPPORT_PASSWORD_H
#define RAPPORT_PASSWORD_H

#include <stdbool.h>

#include "util/error.h"

/* The longest password taken, in bytes. */
#define PASSWORD_MAX 1024

/* The argon2id hash of password with a fresh salt, as argon2's encoded
 * string ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"); the caller frees it. */
int password_hash(const char *password, char **encoded, struct error *err);
/* Does password match encoded? False also when encoded is not argon2id's
 * or the library cannot be loaded (err says why). */
bool password_verify(const char *encoded, const char *password, struct error *err);

#endif
