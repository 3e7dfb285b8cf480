/* test-error.c: an error's place in its members, and the message composed from them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/ini.h"
#include "util/error.h"

static void test_no_place(void **state)
{
	struct error e = ERROR_INIT;

	(void)state;
	assert_int_equal(error_set(&e, ERR_INVALID, "bad %s", "day"), ERR_INVALID);
	assert_string_equal(e.msg, "bad day");
	assert_string_equal(error_what(&e), "bad day");
	assert_int_equal(e.line, 0);
	assert_string_equal(e.file, "");
}

static void test_file_and_line_together(void **state)
{
	struct error e = ERROR_INIT;

	(void)state;
	error_set_at(&e, ERR_INVALID, "rules.ini", 12, "unknown key");
	assert_string_equal(e.msg, "rules.ini:12: unknown key");
	assert_string_equal(error_what(&e), "unknown key");
	assert_int_equal(e.line, 12);
	assert_string_equal(e.file, "rules.ini");
}

/* A data file's line comes first, its name later, from the caller that knows it. */
static void test_line_then_file(void **state)
{
	struct error e = ERROR_INIT;

	(void)state;
	error_set_line(&e, ERR_INVALID, 7, "a stray quote");
	assert_string_equal(e.msg, "line 7: a stray quote");
	assert_int_equal(error_in_file(&e, ERR_INVALID, "apps.csv"), ERR_INVALID);
	assert_string_equal(e.msg, "apps.csv: line 7: a stray quote");
	assert_string_equal(error_what(&e), "a stray quote");
	error_set_field(&e, "company");
	assert_string_equal(e.field, "company");
	assert_string_equal(e.msg, "apps.csv: line 7: a stray quote");
}

static void test_line_added_once(void **state)
{
	struct error e = ERROR_INIT;

	(void)state;
	error_set(&e, ERR_STORE, "the disk is full");
	error_on_line(&e, ERR_STORE, 3);
	error_on_line(&e, ERR_STORE, 9); /* the first place named stays */
	assert_string_equal(e.msg, "line 3: the disk is full");
	error_in_file(&e, ERR_STORE, "x.vcf");
	assert_string_equal(e.msg, "x.vcf: line 3: the disk is full");
}

/* A message written straight into msg keeps its text when a place is added. */
static void test_raw_msg(void **state)
{
	struct error e = ERROR_INIT;

	(void)state;
	snprintf(e.msg, sizeof(e.msg), "raw");
	error_in_file(&e, ERR_IO, "f");
	assert_string_equal(e.msg, "f: raw");
	assert_string_equal(error_what(&e), "raw");
}

static void test_long_message_is_cut(void **state)
{
	struct error e = ERROR_INIT;
	char what[700];

	(void)state;
	memset(what, 'x', sizeof(what) - 1);
	what[sizeof(what) - 1] = '\0';
	error_set_at(&e, ERR_INVALID, "f", 1, "%s", what);
	assert_int_equal(strlen(e.msg), sizeof(e.msg) - 1);
	assert_memory_equal(e.msg, "f:1: xxx", 8);
}

static int on_entry(void *ctx, const char *section, const char *key, const char *value,
		    int line, struct error *err)
{
	(void)ctx, (void)section, (void)key, (void)value, (void)line, (void)err;
	return 0;
}

/* The INI reader says where a bad line is in the members. */
static void test_ini_place(void **state)
{
	static const char text[] = "[a]\nk = v\nnot a key\n";
	struct error e = ERROR_INIT;

	(void)state;
	assert_int_equal(ini_parse("p.ini", text, strlen(text), on_entry, NULL, &e), ERR_INVALID);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.file, "p.ini");
	assert_string_equal(e.msg, "p.ini:3: expected 'key = value' or [section]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_place),
		cmocka_unit_test(test_file_and_line_together),
		cmocka_unit_test(test_line_then_file),
		cmocka_unit_test(test_line_added_once),
		cmocka_unit_test(test_raw_msg),
		cmocka_unit_test(test_long_message_is_cut),
		cmocka_unit_test(test_ini_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
