/* password.c: argon2id hashes of a password (see password.h). */
#include "util/password.h"

#include <argon2.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "util/dynlib.h"
#include "util/xalloc.h"

/* OWASP's minimum for argon2id: 19 MiB, two passes, one lane. About 50 ms
 * here: slow enough to make guessing costly, quick enough for a sign-in. */
#define ARGON_MEMORY_KIB 19456
#define ARGON_PASSES 2
#define ARGON_LANES 1
#define SALT_BYTES 16
#define HASH_BYTES 32

static struct {
	__typeof__(argon2id_hash_encoded) *argon2id_hash_encoded;
	__typeof__(argon2id_verify) *argon2id_verify;
	__typeof__(argon2_encodedlen) *argon2_encodedlen;
	__typeof__(argon2_error_message) *argon2_error_message;
} argon;

static int argon_load(struct error *err)
{
	static const char *const names[] = { "libargon2.so.1", "libargon2.so", NULL };
	static const struct dynlib_sym syms[] = {
		{ "argon2id_hash_encoded", &argon.argon2id_hash_encoded },
		{ "argon2id_verify", &argon.argon2id_verify },
		{ "argon2_encodedlen", &argon.argon2_encodedlen },
		{ "argon2_error_message", &argon.argon2_error_message },
	};

	if (argon.argon2id_verify)
		return 0;
	return dynlib_load(names, "passwords", syms, ARRAY_SIZE(syms), err);
}

int password_hash(const char *password, char **encoded, struct error *err)
{
	unsigned char salt[SALT_BYTES];
	size_t len, pwlen = strlen(password);
	int rc;

	*encoded = NULL;
	if (pwlen == 0 || pwlen > PASSWORD_MAX)
		return error_set(err, ERR_INVALID, "a password must have 1 to %d bytes",
				 PASSWORD_MAX);
	if (argon_load(err))
		return err->code;
	if (getrandom(salt, sizeof(salt), 0) != (ssize_t)sizeof(salt))
		return error_set(err, ERR_IO, "cannot read random bytes: %s", strerror(errno));
	len = argon.argon2_encodedlen(ARGON_PASSES, ARGON_MEMORY_KIB, ARGON_LANES, SALT_BYTES,
				      HASH_BYTES, Argon2_id);
	*encoded = xmalloc(len);
	rc = argon.argon2id_hash_encoded(ARGON_PASSES, ARGON_MEMORY_KIB, ARGON_LANES, password,
					 pwlen, salt, sizeof(salt), HASH_BYTES, *encoded, len);
	if (rc != ARGON2_OK) {
		free(*encoded);
		*encoded = NULL;
		return error_set(err, ERR_IO, "cannot hash the password: %s",
				 argon.argon2_error_message(rc));
	}
	return 0;
}

bool password_verify(const char *encoded, const char *password, struct error *err)
{
	size_t pwlen = strlen(password);

	if (!encoded || strncmp(encoded, "$argon2id$", 10) || pwlen == 0 || pwlen > PASSWORD_MAX ||
	    argon_load(err))
		return false;
	return argon.argon2id_verify(encoded, password, pwlen) == ARGON2_OK;
}
