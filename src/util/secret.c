/* secret.c: random secrets and their constant-time check (see secret.h). */
#include "util/secret.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "util/sha256.h"

static const char hex[] = "0123456789abcdef";

static void bytes_to_hex(const unsigned char *bytes, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[bytes[i] >> 4];
		out[2 * i + 1] = hex[bytes[i] & 15];
	}
	out[2 * n] = '\0';
}

int secret_hex(char *out, size_t hex_len, struct error *err)
{
	unsigned char bytes[128];
	size_t n = hex_len / 2;

	/* a secret longer than the buffer is a bug of the caller, not a fault to carry on past */
	if (n > sizeof(bytes) || hex_len % 2)
		return error_set(err, ERR_INVALID, "a secret of %zu hex digits is not made here",
				 hex_len);
	if (getrandom(bytes, n, 0) != (ssize_t)n)
		return error_set(err, ERR_IO, "cannot read random bytes: %s", strerror(errno));
	bytes_to_hex(bytes, n, out);
	return 0;
}

void secret_digest_hex(const char *token, char out[SECRET_DIGEST_HEX + 1])
{
	uint8_t digest[SHA256_BYTES];

	sha256(token, strlen(token), digest);
	bytes_to_hex(digest, sizeof(digest), out);
}

bool secret_equal(const char *sent, const char *secret)
{
	unsigned char diff = 0;
	size_t n;

	if (!sent || !secret || (n = strlen(secret)) < SECRET_MIN_HEX || strlen(sent) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(sent[i] ^ secret[i]);
	return diff == 0;
}
