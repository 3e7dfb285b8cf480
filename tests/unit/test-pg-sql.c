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

/* SQLite's CROSS JOIN keeps the order and takes an ON; PostgreSQL's JOIN. */
static void test_cross_join(void **state)
{
	(void)state;
	expect_translation("FROM json_each(?1) c CROSS JOIN task t ON t.opp_id = c.value",
			   "FROM json_each($1) c JOIN task t ON t.opp_id = c.value", 1);
	expect_translation("SELECT cross_total FROM t", "SELECT cross_total FROM t", 0);
}

/* SQLite's LIKE ignores case: PostgreSQL's ILIKE. */
static void test_like(void **state)
{
	(void)state;
	expect_translation("WHERE p.title LIKE ?1 ESCAPE '\\'", "WHERE p.title ILIKE $1 ESCAPE '\\'", 1);
	expect_translation("WHERE a NOT LIKE 'x%'", "WHERE a NOT ILIKE 'x%'", 0);
	expect_translation("SELECT likes, 'LIKE' FROM t", "SELECT likes, 'LIKE' FROM t", 0);
}

/* SQLite's temporary tables are in temp, PostgreSQL's in pg_temp. */
static void test_temp_schema(void **state)
{
	(void)state;
	expect_translation("INSERT INTO temp.rapport_import_org VALUES (?)",
			   "INSERT INTO pg_temp.rapport_import_org VALUES ($1)", 1);
	expect_translation("CREATE TEMP TABLE t (a)", "CREATE TEMP TABLE t (a)", 0);
	expect_translation("SELECT temp, a.temp FROM t", "SELECT temp, a.temp FROM t", 0);
}

/* INSERT OR IGNORE does nothing on a conflict; OR REPLACE updates every
 * column it names, on a conflict with the primary key. */
static void test_insert_or(void **state)
{
	(void)state;
	expect_translation("INSERT OR IGNORE INTO search_defer VALUES (0)",
			   "INSERT INTO search_defer VALUES (0) ON CONFLICT DO NOTHING", 0);
	expect_translation("insert or ignore into t (a, b) SELECT x, y FROM u WHERE z = ?",
			   "INSERT INTO t (a, b) SELECT x, y FROM u WHERE z = $1 ON CONFLICT DO NOTHING", 1);
	expect_translation("INSERT OR REPLACE INTO rule_next (kind, id, day) VALUES (?, ?, ?)",
			   "INSERT INTO rule_next (kind, id, day) VALUES ($1, $2, $3)"
			   " ON CONFLICT ON CONSTRAINT rule_next_pkey DO UPDATE SET kind = excluded.kind,"
			   " id = excluded.id, day = excluded.day", 3);
	expect_translation("INSERT OR REPLACE INTO tick_state (id,key) VALUES (1, ?)",
			   "INSERT INTO tick_state (id,key) VALUES (1, $1)"
			   " ON CONFLICT ON CONSTRAINT tick_state_pkey DO UPDATE SET id = excluded.id,"
			   " key = excluded.key", 1);
	expect_translation("INSERT INTO t VALUES ('INSERT OR IGNORE INTO')",
			   "INSERT INTO t VALUES ('INSERT OR IGNORE INTO')", 0);
}

/* An upsert's key on a table whose keys are an account's (a practice's
 * walls) names account_id first; on another table it stays. */
static void test_conflict_per_account(void **state)
{
	(void)state;
	expect_translation("INSERT INTO setting (key, value) VALUES (?1, ?2)"
			   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
			   "INSERT INTO setting (key, value) VALUES ($1, $2)"
			   " ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value", 2);
	expect_translation("INSERT INTO mail_folder (account, folder) VALUES (?, ?)"
			   " ON CONFLICT (account, folder) DO NOTHING",
			   "INSERT INTO mail_folder (account, folder) VALUES ($1, $2)"
			   " ON CONFLICT (account_id, account, folder) DO NOTHING", 2);
	expect_translation("INSERT INTO signin_failure (kind, key) VALUES (?1, ?2)"
			   " ON CONFLICT (kind, key) DO NOTHING",
			   "INSERT INTO signin_failure (kind, key) VALUES ($1, $2)"
			   " ON CONFLICT (kind, key) DO NOTHING", 2);
	expect_translation("INSERT INTO settings (key) VALUES (?) ON CONFLICT (key) DO NOTHING",
			   "INSERT INTO settings (key) VALUES ($1) ON CONFLICT (key) DO NOTHING", 1);
}

/* SQLite's LIMIT of a negative number is no limit: PostgreSQL's NULL. */
static void test_limit(void **state)
{
	(void)state;
	expect_translation("SELECT id FROM t ORDER BY id LIMIT ?2",
			   "SELECT id FROM t ORDER BY id LIMIT CASE WHEN $2 >= 0 THEN $2 END", 2);
	expect_translation("SELECT a FROM t WHERE b = ? LIMIT ?",
			   "SELECT a FROM t WHERE b = $1 LIMIT CASE WHEN $2 >= 0 THEN $2 END", 2);
	expect_translation("SELECT a FROM t LIMIT 1", "SELECT a FROM t LIMIT 1", 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parameters),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_integer_is_bigint),
		cmocka_unit_test(test_is),
		cmocka_unit_test(test_indexed_by),
		cmocka_unit_test(test_cross_join),
		cmocka_unit_test(test_temp_schema),
		cmocka_unit_test(test_like),
		cmocka_unit_test(test_insert_or),
		cmocka_unit_test(test_conflict_per_account),
		cmocka_unit_test(test_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
