/* test-imap-url.c: which IMAP addresses mail sync reads (mail/imap.c's
 * imap_url_check): imaps:// always; imap:// only with --insecure and only
 * to this computer (127.0.0.0/8, ::1, localhost); no user in the address,
 * no other scheme. And which SMTP addresses draft --send sends through
 * (mail/smtp.c's smtp_url_check): smtps:// and smtp:// (STARTTLS), and
 * --insecure only with smtp:// to this computer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mail/imap.h"
#include "mail/smtp.h"

static int check(const char *url, bool insecure)
{
	struct error err = ERROR_INIT;

	return imap_url_check(url, insecure, &err);
}

static void test_encrypted(void **state)
{
	(void)state;
	assert_int_equal(check("imaps://imap.example.org", false), 0);
	assert_int_equal(check("IMAPS://imap.example.org:993/", false), 0);
	assert_int_equal(check("imaps://[2001:db8::1]:993", false), 0);
	assert_int_equal(check("imaps://", false), ERR_INVALID);
	assert_int_equal(check("https://imap.example.org", false), ERR_INVALID);
	assert_int_equal(check("imaps://me@imap.example.org", false), ERR_INVALID);
}

static void test_plain_on_loopback_only(void **state)
{
	(void)state;
	assert_int_equal(check("imap://127.0.0.1:1143", false), ERR_INVALID);
	assert_int_equal(check("imap://127.0.0.1:1143", true), 0);
	assert_int_equal(check("imap://127.8.9.10", true), 0);
	assert_int_equal(check("imap://localhost:1143/", true), 0);
	assert_int_equal(check("imap://[::1]:1143", true), 0);
	assert_int_equal(check("imap://imap.example.org", true), ERR_INVALID);
	assert_int_equal(check("imap://192.0.2.1", true), ERR_INVALID);
	/* a name that starts like a loopback address is not one */
	assert_int_equal(check("imap://127.0.0.1.example.org", true), ERR_INVALID);
	assert_int_equal(check("imap://localhost.example.org", true), ERR_INVALID);
	assert_int_equal(check("imap://128.0.0.1", true), ERR_INVALID);
}

static int check_smtp(const char *url, bool insecure)
{
	struct error err = ERROR_INIT;

	return smtp_url_check(url, insecure, &err);
}

static void test_smtp(void **state)
{
	(void)state;
	assert_int_equal(check_smtp("smtps://smtp.example.org", false), 0);
	assert_int_equal(check_smtp("smtp://smtp.example.org:587", false), 0);
	assert_int_equal(check_smtp("SMTPS://smtp.example.org:465/", false), 0);
	assert_int_equal(check_smtp("smtp://127.0.0.1:2525", true), 0);
	assert_int_equal(check_smtp("smtp://[::1]:2525", true), 0);
	assert_int_equal(check_smtp("smtp://smtp.example.org:587", true), ERR_INVALID);
	assert_int_equal(check_smtp("smtps://127.0.0.1:465", true), ERR_INVALID);
	assert_int_equal(check_smtp("smtp://me@smtp.example.org", false), ERR_INVALID);
	assert_int_equal(check_smtp("imaps://smtp.example.org", false), ERR_INVALID);
	assert_int_equal(check_smtp("smtpx://smtp.example.org", false), ERR_INVALID);
	assert_int_equal(check_smtp("smtp://", false), ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encrypted),
		cmocka_unit_test(test_plain_on_loopback_only),
		cmocka_unit_test(test_smtp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
