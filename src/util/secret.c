/* secret.c: random secrets and their constant-time check (see secret.h). */
#include "util/secret.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

int secret_hex(char *out, size_t hex_len, struct error *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char bytes[128];
	size_t n = hex_len / 2;

	/* a secret longer than the buffer is a bug of the caller, not a fault to carry on past */
	if (n > sizeof(bytes) || hex_len % 2)
		return error_set(err, ERR_INVALID, "a secret of %zu hex digits is not made here",
				 hex_len);
	if (getrandom(bytes, n, 0) != (ssize_t)n)
		return error_set(err, ERR_IO, "cannot read random bytes: %s", strerror(errno));
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[bytes[i] >> 4];
		out[2 * i + 1] = hex[bytes[i] & 15];
	}
	out[hex_len] = '\0';
	return 0;
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
