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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_equal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
