/* test-parse.c: days, stages, salaries and cleaned text as spreadsheets write them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/parse.h"

static void assert_day(const char *s, const char *want)
{
	char day[DATE_BUFSZ];

	if (!want) {
		assert_int_equal(parse_date(s, day), -1);
		return;
	}
	assert_int_equal(parse_date(s, day), 0);
	assert_string_equal(day, want);
}

static void test_dates(void **state)
{
	(void)state;
	assert_day("2024-03-05", "2024-03-05");
	assert_day("2024/03/05", "2024-03-05");
	assert_day("05 Mar 2024", "2024-03-05");
	assert_day("5 March 2024", "2024-03-05");
	assert_day("05-Mar-2024", "2024-03-05");
	assert_day("Mar 5, 2024", "2024-03-05");
	assert_day("2024-03-05T10:00:00", "2024-03-05");
	assert_day("05/03/2024", NULL); /* day or month first? */
	assert_day("31 Feb 2024", NULL);
	assert_day("", NULL);
}

static void test_stages(void **state)
{
	enum stage s;

	(void)state;
	assert_int_equal(parse_stage("applied", &s), 0);
	assert_int_equal(s, STAGE_APPLIED);
	assert_int_equal(parse_stage("Phone screen", &s), 0);
	assert_int_equal(s, STAGE_CONVERSATION);
	assert_int_equal(parse_stage("ghosted", &s), 0);
	assert_int_equal(s, STAGE_APPLIED);
	assert_int_equal(parse_stage("zzzz", &s), -1);
}

static void assert_salary(const char *s, int64_t low, int64_t high)
{
	int64_t l = -1, h = -1;

	assert_int_equal(parse_salary(s, &l, &h), 0);
	assert_int_equal(l, low);
	assert_int_equal(h, high);
}

static void test_salaries(void **state)
{
	int64_t l, h;

	(void)state;
	assert_salary("85000", 85000, 85000);
	assert_salary("85k", 85000, 85000);
	assert_salary("£85,000", 85000, 85000);
	assert_salary("$80,000 - $95,000", 80000, 95000);
	assert_salary("80-95k", 80000, 95000);
	assert_salary("85.5k", 85500, 85500);
	assert_salary("85,000 per year", 85000, 85000);
	assert_int_equal(parse_salary("$40/hr", &l, &h), -1);
	assert_int_equal(parse_salary("5000 a month", &l, &h), -1);
	assert_int_equal(parse_salary("lots", &l, &h), -1);
}

static void test_text(void **state)
{
	char *s;

	(void)state;
	s = parse_one_line("  Head\tof\r\n  Data  ");
	assert_string_equal(s, "Head of Data");
	free(s);
	assert_null(parse_one_line(" \t\n"));
	assert_null(parse_one_line(NULL));
	s = parse_note("\r\n\nfirst\r\nsecond\n\n");
	assert_string_equal(s, "first\nsecond");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_stages),
		cmocka_unit_test(test_salaries),
		cmocka_unit_test(test_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
