/* test-levels.c: the ladder of job levels: parsing, ranking levels and titles, the setting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/text.h"
#include "method/levels.h"
#include "util/xalloc.h"

#include "test-db.h"

static int setup_default(void **state)
{
	struct level_ladder *l = xcalloc(1, sizeof(*l));
	struct error err = ERROR_INIT;

	assert_int_equal(level_ladder_parse(level_ladder_default, l, &err), 0);
	*state = l;
	return 0;
}

static int teardown_ladder(void **state)
{
	level_ladder_release(*state);
	free(*state);
	return 0;
}

static void assert_parse_fails(const char *text, const char *message)
{
	struct level_ladder l;
	struct error err = ERROR_INIT;

	assert_int_equal(level_ladder_parse(text, &l, &err), ERR_INVALID);
	if (!strstr(err.msg, message))
		fail_msg("'%s': expected '%s' in '%s'", text, message, err.msg);
	level_ladder_release(&l);
}

static void test_default_rungs(void **state)
{
	const struct level_ladder *l = *state;

	assert_int_equal(l->n, 10);
	assert_string_equal(level_name(l, 0), "coordinator");
	assert_string_equal(level_name(l, 4), "manager");
	assert_string_equal(level_name(l, 9), "C-level");
	assert_null(level_name(l, 10));
	assert_null(level_name(l, -1));
}

static void test_rank_levels_and_titles(void **state)
{
	const struct level_ladder *l = *state;

	assert_int_equal(level_rank(l, "coordinator"), 0);
	assert_int_equal(level_rank(l, "Senior Data Analyst"), 2);
	assert_int_equal(level_rank(l, "Staff Engineer"), 3);
	assert_int_equal(level_rank(l, "Principal"), 3);
	assert_int_equal(level_rank(l, "Data Lead"), 3);
	assert_int_equal(level_rank(l, "Manager"), 4);
	assert_int_equal(level_rank(l, "Head of Data"), 6);
	assert_int_equal(level_rank(l, "VP Engineering"), 7);
	assert_int_equal(level_rank(l, "Vice President, Sales"), 7);
	assert_int_equal(level_rank(l, "CTO"), 9);
	assert_int_equal(level_rank(l, "Chief Data Officer"), 9);
}

static void test_rank_longest_name_wins(void **state)
{
	const struct level_ladder *l = *state;

	/* "senior manager" (14) over "manager" (7) and "senior" (6) */
	assert_int_equal(level_rank(l, "Senior Manager, Analytics"), 5);
	assert_int_equal(level_rank(l, "Senior Vice President"), 8);
	assert_int_equal(level_rank(l, "Senior Director"), 6);
	assert_int_equal(level_rank(l, "Lead Manager"), 4);
}

static void test_rank_whole_words_any_case(void **state)
{
	const struct level_ladder *l = *state;

	assert_int_equal(level_rank(l, "SENIOR MANAGER"), 5);
	assert_int_equal(level_rank(l, "senior   manager"), 5);
	assert_int_equal(level_rank(l, "c level"), 9);
	assert_int_equal(level_rank(l, "C-Level executive"), 9);
	assert_int_equal(level_rank(l, "Seniority matters"), -1);
	assert_int_equal(level_rank(l, "Leadership coach"), -1);
	assert_int_equal(level_rank(l, "Mischief maker"), -1);
	assert_int_equal(level_rank(l, "Data Engineer"), -1);
	assert_int_equal(level_rank(l, ""), -1);
	assert_int_equal(level_rank(l, NULL), -1);
}

static void test_below(void **state)
{
	const struct level_ladder *l = *state;

	assert_true(level_below(l, "senior", "manager"));
	assert_true(level_below(l, "Senior Data Analyst", "Head of Data"));
	assert_false(level_below(l, "manager", "senior"));
	assert_false(level_below(l, "Manager", "manager"));
	assert_false(level_below(l, "Data Engineer", "manager"));
	assert_false(level_below(l, "senior", NULL));
}

static void test_tie_goes_to_the_higher_rung(void **state)
{
	struct level_ladder l;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(level_ladder_parse("ab < cd", &l, &err), 0);
	assert_int_equal(level_rank(&l, "cd ab"), 1);
	assert_int_equal(level_rank(&l, "ab cd"), 1);
	level_ladder_release(&l);
}

static void test_custom_ladder_and_its_text(void **state)
{
	struct level_ladder l;
	struct error err = ERROR_INIT;
	char *text;

	(void)state;
	assert_int_equal(level_ladder_parse("  junior  analyst |jr< senior|sr <  lead ", &l, &err),
			 0);
	assert_int_equal(l.n, 3);
	text = level_ladder_text(&l);
	assert_string_equal(text, "junior analyst | jr < senior | sr < lead");
	free(text);
	assert_int_equal(level_rank(&l, "Jr. Developer"), 0);
	assert_int_equal(level_rank(&l, "Sr Developer"), 1);
	assert_int_equal(level_rank(&l, "Junior Analyst"), 0);
	level_ladder_release(&l);
	/* other scripts: letters outside ASCII are letters too */
	assert_int_equal(level_ladder_parse("chargé de mission < directeur général", &l, &err), 0);
	assert_int_equal(level_rank(&l, "Directeur général adjoint"), 1);
	assert_int_equal(level_rank(&l, "chargée de mission"), -1);
	level_ladder_release(&l);
}

static void test_bad_ladders(void **state)
{
	char long_name[80], *long_text = xmalloc(TEXT_LINE_MAX + 10);

	(void)state;
	assert_parse_fails("", "levels");
	assert_parse_fails("junior", "at least two rungs");
	assert_parse_fails("junior < < senior", "rung 2 is empty");
	assert_parse_fails("junior <   ", "rung 2 is empty");
	assert_parse_fails("< senior", "rung 1 is empty");
	assert_parse_fails("junior | | jr < senior", "rung 1 has an empty name");
	assert_parse_fails("junior < senior | ", "rung 2 has an empty name");
	assert_parse_fails("junior < senior < Junior", "'Junior' is on rungs 1 and 3");
	assert_parse_fails("junior < !!! ", "has no letters or digits");
	assert_parse_fails("junior\n< senior", "one line");
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_parse_fails(long_name, "too long");
	memset(long_text, 'a', TEXT_LINE_MAX + 5);
	long_text[TEXT_LINE_MAX + 5] = '\0';
	long_text[1] = '<';
	assert_parse_fails(long_text, "too long");
	free(long_text);
}

/* The setting, when set, replaces the default. */
static void test_load_from_the_setting(void **state)
{
	struct test_db *db = test_db_open();
	struct store *s = db->s;
	struct level_ladder l;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(store_begin_write(s, &err), 0);
	assert_int_equal(levels_load(s, &l, &err), 0);
	assert_int_equal(l.n, 10);
	level_ladder_release(&l);
	assert_int_equal(store_setting_set(s, "levels", "intern < graduate < fellow", &err), 0);
	assert_int_equal(levels_load(s, &l, &err), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(level_rank(&l, "Research Fellow"), 2);
	assert_int_equal(level_rank(&l, "manager"), -1);
	level_ladder_release(&l);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(test_db_close(db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_default_rungs, setup_default, teardown_ladder),
		cmocka_unit_test_setup_teardown(test_rank_levels_and_titles, setup_default,
						teardown_ladder),
		cmocka_unit_test_setup_teardown(test_rank_longest_name_wins, setup_default,
						teardown_ladder),
		cmocka_unit_test_setup_teardown(test_rank_whole_words_any_case, setup_default,
						teardown_ladder),
		cmocka_unit_test_setup_teardown(test_below, setup_default, teardown_ladder),
		cmocka_unit_test(test_tie_goes_to_the_higher_rung),
		cmocka_unit_test(test_custom_ladder_and_its_text),
		cmocka_unit_test(test_bad_ladders),
		cmocka_unit_test(test_load_from_the_setting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
