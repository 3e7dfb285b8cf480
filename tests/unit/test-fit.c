/* test-fit.c: the fit score, and the sets of names the question bank uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/enums.h"
#include "method/fit.h"

static void test_fit_unknown_until_something_is_known(void **state)
{
	struct fit f = FIT_INIT;
	char buf[32];

	(void)state;
	assert_int_equal(fit_score(&f), -1);
	fit_add(&f, 5, true, WANT_UNKNOWN);
	fit_add(&f, 3, false, WANT_VAGUE);
	assert_int_equal(fit_score(&f), -1);
	assert_int_equal(fit_coverage(&f), 0);
	assert_int_equal(f.total, 2);
	fit_text(&f, buf, sizeof(buf));
	assert_string_equal(buf, "?");
}

static void test_fit_weighted_mean(void **state)
{
	struct fit f = FIT_INIT;

	(void)state;
	fit_add(&f, 5, false, WANT_MET);    /* 5 */
	fit_add(&f, 4, false, WANT_PARTLY); /* 2 */
	fit_add(&f, 1, false, WANT_UNMET);  /* 0 */
	fit_add(&f, 2, false, WANT_UNKNOWN);
	/* 100 * 7 / 10 */
	assert_int_equal(fit_score(&f), 70);
	/* 10 of 12 */
	assert_int_equal(fit_coverage(&f), 83);
	assert_int_equal(f.known, 3);
	assert_int_equal(f.deal_breakers, 0);
}

static void test_fit_rounds_half_up(void **state)
{
	struct fit f = FIT_INIT;

	(void)state;
	fit_add(&f, 1, false, WANT_PARTLY); /* 50 */
	assert_int_equal(fit_score(&f), 50);
	fit_add(&f, 1, false, WANT_UNMET); /* 100 * 0.5 / 2 = 25 */
	assert_int_equal(fit_score(&f), 25);
	fit_add(&f, 1, false, WANT_MET); /* 100 * 1.5 / 3 = 50 */
	assert_int_equal(fit_score(&f), 50);
	fit_add(&f, 5, false, WANT_PARTLY); /* 100 * 4 / 8 = 50 */
	fit_add(&f, 1, false, WANT_MET);    /* 100 * 5 / 9 = 55.6 */
	assert_int_equal(fit_score(&f), 56);
}

static void test_fit_deal_breaker(void **state)
{
	struct fit f = FIT_INIT;
	char buf[32];

	(void)state;
	fit_add(&f, 2, false, WANT_MET);
	fit_add(&f, 5, true, WANT_PARTLY);
	assert_int_equal(f.deal_breakers, 0);
	fit_add(&f, 5, true, WANT_UNMET);
	assert_int_equal(f.deal_breakers, 1);
	/* 100 * (2 + 2.5 + 0) / 12 = 37.5, rounded up */
	fit_text(&f, buf, sizeof(buf));
	assert_string_equal(buf, "38% deal-breaker");
}

static void test_enum_sets(void **state)
{
	struct error err = ERROR_INIT;
	unsigned m;
	char buf[128];

	(void)state;
	assert_int_equal(enum_parse_set(&question_stage_def, "first, second", &m, &err), 0);
	assert_int_equal(m, 1u << QSTAGE_FIRST | 1u << QSTAGE_SECOND);
	enum_set_text(&question_stage_def, m, buf, sizeof(buf));
	assert_string_equal(buf, "first, second");
	assert_int_equal(enum_parse_set(&audience_def, "any", &m, &err), 0);
	assert_int_equal(m, enum_all(&audience_def));
	enum_set_text(&audience_def, m, buf, sizeof(buf));
	assert_string_equal(buf, "any");
	assert_int_equal(enum_parse_set(&audience_def, "boss,,peer ", &m, &err), 0);
	assert_int_equal(m, 1u << AUD_BOSS | 1u << AUD_PEER);
	assert_int_equal(enum_parse_set(&audience_def, "boss, ceo", &m, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "ceo"));
	assert_int_equal(enum_parse_set(&audience_def, " , ", &m, &err), ERR_INVALID);
	assert_int_equal(enum_parse_set(&want_category_def,
					"a-word-far-longer-than-any-category-name-in-the-list-at-all",
					&m, &err), ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_unknown_until_something_is_known),
		cmocka_unit_test(test_fit_weighted_mean),
		cmocka_unit_test(test_fit_rounds_half_up),
		cmocka_unit_test(test_fit_deal_breaker),
		cmocka_unit_test(test_enum_sets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
