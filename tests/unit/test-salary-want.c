/* test-salary-want.c: salary wants' floors read from their text, and judged
 * against an offer and a range; the fit's grade and what is known. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/enums.h"
#include "method/fit.h"
#include "method/salary_want.h"

static int64_t floor_of(const char *text, int category)
{
	int64_t v = -1;

	return salary_want_floor(text, category, &v) ? v : -1;
}

static void test_floor_forms(void **state)
{
	(void)state;
	assert_int_equal(floor_of("base salary at least 80k", -1), 80000);
	assert_int_equal(floor_of("Salary 80,000+", -1), 80000);
	assert_int_equal(floor_of("base pay \xe2\x89\xa5 80k", -1), 80000);
	assert_int_equal(floor_of("salary >= 80K", -1), 80000);
	assert_int_equal(floor_of("min 80k base", -1), 80000);
	assert_int_equal(floor_of("Salary over \xc2\xa3" "80k", -1), 80000);
	assert_int_equal(floor_of("at least $95,500", WCAT_COMPENSATION), 95500);
	assert_int_equal(floor_of("compensation of 1.2m or more", -1), 1200000);
	assert_int_equal(floor_of("salary 80.000 EUR minimum", -1), 80000);
	assert_int_equal(floor_of("salary band 80-90k", -1), 80000);
}

static void test_floor_refuses_what_is_not_a_salary_floor(void **state)
{
	(void)state;
	/* no figure, or a figure that is no salary */
	assert_int_equal(floor_of("a fair salary", -1), -1);
	assert_int_equal(floor_of("salary rises of 10% a year", -1), -1);
	/* not about pay: another category, or no pay word */
	assert_int_equal(floor_of("a team of at least 8000 engineers", -1), -1);
	assert_int_equal(floor_of("salary at least 80k", WCAT_WORK_PATTERN), -1);
	assert_int_equal(floor_of("a database of over 80k users", -1), -1);
	/* a bonus or equity alone is not the base */
	assert_int_equal(floor_of("bonus at least 10k", WCAT_COMPENSATION), -1);
	/* a ceiling is not a floor */
	assert_int_equal(floor_of("salary up to 80k", -1), -1);
	assert_int_equal(floor_of("base under 80k is fine", -1), -1);
	/* a word that only contains a ceiling's letters is no ceiling */
	assert_int_equal(floor_of("salary at least 80k, a boss who understands", -1), 80000);
}

static struct opp figures(int64_t low, int64_t high, int64_t offered)
{
	struct opp o = { .salary_target = -1, .salary_low = low, .salary_high = high,
			 .salary_offered = offered };
	return o;
}

static void test_judge(void **state)
{
	char why[96];
	struct opp o;

	(void)state;
	o = figures(-1, -1, 78000);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_UNMET);
	assert_string_equal(why, "offer base 78k < 80k");
	o = figures(-1, -1, 80000);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_MET);
	assert_string_equal(why, "offer base 80k \xe2\x89\xa5 80k");
	/* the offer wins over the range */
	o = figures(60000, 70000, 85500);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_MET);
	assert_string_equal(why, "offer base 85,500 \xe2\x89\xa5 80k");
	o = figures(70000, 90000, -1);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_PARTLY);
	assert_string_equal(why, "range 70k-90k straddles 80k");
	o = figures(80000, 90000, -1);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_MET);
	o = figures(60000, 79999, -1);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_UNMET);
	assert_string_equal(why, "range 60k-79,999 < 80k");
	o = figures(-1, -1, -1);
	assert_int_equal(salary_want_judge(80000, &o, why, sizeof(why)), WANT_UNKNOWN);
	assert_string_equal(why, "");
}

static void test_amount_text(void **state)
{
	char buf[32];

	(void)state;
	salary_amount_text(78000, buf, sizeof(buf));
	assert_string_equal(buf, "78k");
	salary_amount_text(1200000, buf, sizeof(buf));
	assert_string_equal(buf, "1.2m");
	salary_amount_text(2000000, buf, sizeof(buf));
	assert_string_equal(buf, "2m");
	salary_amount_text(1234567, buf, sizeof(buf));
	assert_string_equal(buf, "1,234,567");
	salary_amount_text(950, buf, sizeof(buf));
	assert_string_equal(buf, "950");
}

static void test_good_only_with_enough_known(void **state)
{
	struct fit f = FIT_INIT;
	char buf[32];

	(void)state;
	fit_add(&f, 3, false, WANT_MET);
	fit_add(&f, 3, false, WANT_UNKNOWN);
	fit_add(&f, 3, false, WANT_UNKNOWN);
	fit_add(&f, 3, false, WANT_UNKNOWN);
	assert_int_equal(fit_score(&f), 100);
	assert_false(fit_known_enough(&f));
	assert_string_equal(fit_grade(&f), "");
	fit_known_text(&f, buf, sizeof(buf));
	assert_string_equal(buf, "1 of 4 known");
	f = (struct fit)FIT_INIT;
	fit_add(&f, 3, false, WANT_MET);
	fit_add(&f, 3, false, WANT_MET);
	fit_add(&f, 3, false, WANT_UNKNOWN);
	fit_add(&f, 3, false, WANT_UNKNOWN);
	assert_true(fit_known_enough(&f));
	assert_string_equal(fit_grade(&f), "good");
	f = (struct fit)FIT_INIT;
	fit_add(&f, 3, false, WANT_UNMET);
	assert_string_equal(fit_grade(&f), "warn");
	fit_add(&f, 3, true, WANT_UNMET);
	assert_string_equal(fit_grade(&f), "bad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_floor_forms),
		cmocka_unit_test(test_floor_refuses_what_is_not_a_salary_floor),
		cmocka_unit_test(test_judge),
		cmocka_unit_test(test_amount_text),
		cmocka_unit_test(test_good_only_with_enough_known),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
