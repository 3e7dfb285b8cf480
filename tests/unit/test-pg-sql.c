/* test-pg-sql.c: the store's SQL as the PostgreSQL backend sends it (store/db_pg.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "store/db_pg.h"

static void expect_translation(const char *sql, const char *want, int want_params)
{
	int n = -1;
	char *got = pg_sql_translate(sql, &n);

	assert_string_equal(got, want);
	assert_int_equal(n, want_params);
	free(got);
}

/* ?N keeps its number; a bare ? takes the next, as SQLite numbers it. */
static void test_parameters(void **state)
{
	(void)state;
	expect_translation("SELECT 1", "SELECT 1", 0);
	expect_translation("UPDATE t SET a = ?2 WHERE id = ?1", "UPDATE t SET a = $2 WHERE id = $1", 2);
	expect_translation("VALUES (?, ?, ?)", "VALUES ($1, $2, $3)", 3);
	expect_translation("WHERE a = ?3 OR b = ?", "WHERE a = $3 OR b = $4", 4);
	expect_translation("?12", "$12", 12);
}

/* Quoted text and names are left as they are, a doubled quote inside too. */
static void test_quoted(void **state)
{
	(void)state;
	expect_translation("SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = ?",
			   "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = $1", 1);
	expect_translation("SELECT 'integer' AS \"INTEGER\"", "SELECT 'integer' AS \"INTEGER\"", 0);
	expect_translation("SELECT 'unterminated ?", "SELECT 'unterminated ?", 0);
}

/* SQLite's INTEGER is 64 bits: the type becomes bigint, a name that
 * contains the word does not. */
static void test_integer_is_bigint(void **state)
{
	(void)state;
	expect_translation("CAST(x * 1000 AS INTEGER)", "CAST(x * 1000 AS bigint)", 0);
	expect_translation("cast(x as integer)", "cast(x as bigint)", 0);
	expect_translation("SELECT integer_col, my_integer FROM t",
			   "SELECT integer_col, my_integer FROM t", 0);
}

/* SQLite's IS with a value is IS NOT DISTINCT FROM; IS NULL stays. */
static void test_is(void **state)
{
	(void)state;
	expect_translation("WHERE org_id IS ?2", "WHERE org_id IS NOT DISTINCT FROM $2", 2);
	expect_translation("WHERE a is not ?", "WHERE a IS DISTINCT FROM $1", 1);
	expect_translation("WHERE a IS NULL AND b IS NOT NULL AND this = ?",
			   "WHERE a IS NULL AND b IS NOT NULL AND this = $1", 1);
}

/* SQLite's planner hint has no meaning on PostgreSQL. */
static void test_indexed_by(void **state)
{
	(void)state;
	expect_translation("SELECT 1 FROM rule_next INDEXED BY rule_next_day WHERE day <= ?1",
			   "SELECT 1 FROM rule_next  WHERE day <= $1", 1);
	expect_translation("SELECT indexed FROM t", "SELECT indexed FROM t", 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parameters),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_integer_is_bigint),
		cmocka_unit_test(test_is),
		cmocka_unit_test(test_indexed_by),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
