/* test-secret.c: the web server's random secrets and their one check
 * (util/secret.c): hex of the length asked, never twice the same; a compare
 * that takes nothing shorter, longer or empty for the secret. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/secret.h"
#include "util/sha256.h"

static void test_hex(void **state)
{
	char a[65], b[65];
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(secret_hex(a, 64, &err), 0);
	assert_int_equal(secret_hex(b, 64, &err), 0);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	assert_string_not_equal(a, b);
	assert_int_equal(secret_hex(a, 1000, &err), ERR_INVALID);
}

static void test_equal(void **state)
{
	const char *secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	char sent[65];

	(void)state;
	memcpy(sent, secret, sizeof(sent));
	assert_true(secret_equal(sent, secret));
	sent[63] = '0';
	assert_false(secret_equal(sent, secret)); /* the last byte counts */
	sent[63] = 'f';
	sent[0] = '1';
	assert_false(secret_equal(sent, secret));
	assert_false(secret_equal("0123456789abcdef", secret)); /* a prefix */
	assert_false(secret_equal("", secret));
	assert_false(secret_equal(NULL, secret));
	assert_false(secret_equal(secret, NULL));
	/* a stored secret too short to be one (empty, cut off) matches nothing */
	assert_false(secret_equal("", ""));
	assert_false(secret_equal("0123456789abcdef", "0123456789abcdef"));
}

/* FIPS 180-4's examples (NIST's SHA256.pdf), and lengths around the one-
 * or two-block padding (55, 56, 64 bytes), against sha256sum's answers. */
static void test_digest(void **state)
{
	char out[SECRET_DIGEST_HEX + 1];
	char a1000[1001];

	(void)state;
	secret_digest_hex("", out);
	assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	secret_digest_hex("abc", out);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	secret_digest_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", out);
	assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(a1000, 'a', 1000);
	a1000[1000] = '\0';
	secret_digest_hex(a1000, out);
	assert_string_equal(out, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
	a1000[55] = '\0';
	secret_digest_hex(a1000, out);
	assert_string_equal(out, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	a1000[55] = 'a';
	a1000[56] = '\0';
	secret_digest_hex(a1000, out);
	assert_string_equal(out, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	a1000[56] = 'a';
	a1000[64] = '\0';
	secret_digest_hex(a1000, out);
	assert_string_equal(out, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_digest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
