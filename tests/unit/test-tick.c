/* test-tick.c: the time rules over what changed and fell due, as the full run makes them (issue 22). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tick-history.h"

#define SEEDS 2
#define STEPS 1100 /* per seed: about 130 days */
#define PG_STEPS 400 /* about 50 days, on PostgreSQL */

/* How many tasks of rule the history made (ahead: made ahead of their day). */
static int64_t count_by(struct tick_history *h, const char *rule, bool ahead)
{
	struct error err = ERROR_INIT;
	struct db_stmt *st = store_prepare(h->s[0], ahead ? "SELECT count(*) FROM task"
					   " WHERE origin = ? AND shown_on IS NOT NULL"
					   : "SELECT count(*) FROM task WHERE origin = ?",
					   "cannot count", &err);
	int64_t n = 0;

	assert_non_null(st);
	bind_text(st, 1, rule);
	assert_int_equal(store_number(h->s[0], st, &n, "cannot count", &err), 0);
	db_finalize(st);
	return n;
}

/* Thousands of random writes over months, the incremental runs against the
 * full ones after each step: every task, follow-up and cadence the same,
 * checked every few steps and at the end. */
static void test_incremental_matches_full(void **state)
{
	static const char *const time_rules[] = { "silence", "silence.call", "silence.nudge",
						  "keep-in-touch", "offer.deadline" };
	int64_t made[ARRAY_SIZE(time_rules)] = { 0 }, ahead[ARRAY_SIZE(time_rules)] = { 0 };

	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct tick_history h;

		th_open(&h, NULL, 0, seed);
		for (int i = 0; i < STEPS; i++) {
			if (!th_step(&h) || (i % 20 == 0 && !th_same(&h)))
				fail_msg("seed %llu: %s", (unsigned long long)seed, h.diff);
		}
		if (!th_same(&h))
			fail_msg("seed %llu: %s", (unsigned long long)seed, h.diff);
		for (size_t r = 0; r < ARRAY_SIZE(time_rules); r++) {
			made[r] += count_by(&h, time_rules[r], false);
			ahead[r] += count_by(&h, time_rules[r], true);
		}
		assert_true(h.day > 100);
		th_close(&h);
	}
	/* the histories reached every kind of time rule */
	for (size_t r = 0; r < ARRAY_SIZE(time_rules); r++)
		if (!made[r])
			fail_msg("no task of %s", time_rules[r]);
	/* and the silences and keep-in-touch made their tasks ahead, the
	 * incremental runs as the full (not the deadlines: due relative to a
	 * date set, they are made when it is) */
	for (size_t r = 0; r < ARRAY_SIZE(time_rules); r++)
		if (!ahead[r] && strcmp(time_rules[r], "offer.deadline"))
			fail_msg("no task of %s made ahead", time_rules[r]);
}

/* How many opportunities and people the last run looked at (-1: it did not run). */
static int64_t run_size(struct tick_history *h)
{
	return h->last.ran ? (int64_t)(h->last.opps + h->last.people) : -1;
}

static void play(struct tick_history *h, struct th_step st)
{
	struct error err = ERROR_INIT;

	if (store_begin_write(h->s[0], &err) || th_play(h, h->s[0], &st, &err) ||
	    store_commit(h->s[0], &err))
		fail_msg("%s", err.msg);
}

/* A write touches its opportunity and its people: the next run looks at
 * those alone, and the next day at what falls due that day. */
static void test_run_looks_at_what_changed(void **state)
{
	struct tick_history h;

	(void)state;
	th_open(&h, NULL, 0, 7);
	th_tick(&h, 0);
	/* the first run, on new rules: the 6 opportunities, and the 2 people with
	 * a cadence, and the 4 others, written since the last run (never) */
	assert_true(h.last.full);
	assert_int_equal(run_size(&h), 12);
	th_tick(&h, 0);
	assert_int_equal(run_size(&h), -1); /* current: no run at all */
	/* an interview (out, not history: n2 = 32) on opportunity 1 with person 2 */
	play(&h, (struct th_step){ .op = TH_LOG, .a = 1, .b = 2, .n1 = 1, .n2 = 32 });
	th_tick(&h, 0);
	assert_false(h.last.full);
	assert_int_equal(h.last.opps, 1);
	assert_int_equal(h.last.people, 1);
	/* its silence is a week away: its letter is made ahead, hidden until
	 * that day, and the opportunity has no day of its own to wait for */
	assert_int_equal(th_number(&h, "SELECT count(*) FROM task WHERE opp_id = 1"
				       " AND origin = 'silence' AND shown_on = '2026-01-12'", 0), 1);
	assert_int_equal(th_number(&h, "SELECT count(*) FROM rule_next WHERE kind = 0 AND id = 1"
				       " AND day <= '2026-01-12'", 0), 0);
	/* what the run wrote ahead is no news: the next run has nothing to do */
	th_tick(&h, 0);
	assert_int_equal(run_size(&h), -1);
	/* the next day, nothing written: nothing falls due, no run at all
	 * (a new day writes nothing) */
	h.day = 1;
	th_clock(&h);
	th_tick(&h, 0);
	assert_int_equal(run_size(&h), -1);
	/* a week on: the letter is shown by its day alone, and still no run */
	h.day = 7;
	th_clock(&h);
	th_tick(&h, 0);
	assert_int_equal(run_size(&h), -1);
	assert_int_equal(th_number(&h, "SELECT count(*) FROM task WHERE opp_id = 1"
				       " AND origin = 'silence' AND shown_on <= '2026-01-12'", 0), 1);
	th_close(&h);
}

/* Play st into both stores, then run the time rules in both. */
static void play_both(struct tick_history *h, struct th_step st)
{
	struct error err = ERROR_INIT;

	for (int k = 0; k < 2; k++)
		if (store_begin_write(h->s[k], &err) || th_play(h, h->s[k], &st, &err) ||
		    store_commit(h->s[k], &err))
			fail_msg("%s", err.msg);
	th_tick(h, 0);
	th_tick(h, 1);
	if (!th_same(h))
		fail_msg("%s", h->diff);
}

/* A rule sees what the rules before it wrote in the same run: the silence
 * letter to a hiring manager never contacted gives them a cadence (the
 * user's rules), and that cadence has lapsed already, so keep-in-touch,
 * after it in the rules' order, writes to them in the same run. */
static void test_run_sees_what_earlier_rules_wrote(void **state)
{
	struct tick_history h;

	(void)state;
	th_open(&h, NULL, 0, 7);
	h.rules_in_force = 1;
	th_tick(&h, 0);
	th_tick(&h, 1);
	/* person 7, no cadence (n3 = 1), the hiring manager (role 0) of opportunity 1 */
	play_both(&h, (struct th_step){ .op = TH_PERSON, .n1 = 1, .n2 = 1, .n3 = 1 });
	play_both(&h, (struct th_step){ .op = TH_LINK, .a = 1, .b = 7, .n2 = 0 });
	play_both(&h, (struct th_step){ .op = TH_LOG, .a = 1, .b = 2, .n1 = 1, .n2 = 32 });
	h.day = 30;
	th_clock(&h);
	th_tick(&h, 0);
	th_tick(&h, 1);
	assert_int_equal(th_number(&h, "SELECT count(*) FROM task WHERE person_id = 7"
				       " AND origin = 'keep-in-touch'", 0), 1);
	if (!th_same(&h))
		fail_msg("%s", h.diff);
	th_close(&h);
}

/* The same random history with the incremental runs on PostgreSQL (a
 * database in the cluster of make check-pg) and the full ones on SQLite:
 * every task, follow-up and cadence the same (issue 20: one product on
 * both backends). Skipped where that cluster is not. */
static bool pg_enabled(void)
{
	const char *on = getenv("RAPPORT_TEST_PG");

	return on && *on && strcmp(on, "0") && getenv("PGHOST");
}

/* A database of its own in make check-pg's cluster: its name, and the
 * address the store opens. */
static void make_pg_database(char *name, size_t name_size, char *where, size_t where_size,
			     const char *prefix)
{
	char cmd[160];

	snprintf(name, name_size, "%s_%ld", prefix, (long)getpid());
	snprintf(where, where_size, "postgresql:///%s", name);
	snprintf(cmd, sizeof(cmd), "createdb '%s'", name);
	assert_int_equal(system(cmd), 0);
}

static void drop_pg_database(const char *name)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "dropdb --force '%s'", name);
	assert_int_equal(system(cmd), 0);
}

/* A keep-in-touch note made ahead names the person's rapport ({person_note});
 * a rapport changed, and nothing else, is a write the run must look at the
 * person for, as the full run does: the note is made again with the new
 * one. On SQLite the update's trigger marks the person's own time whatever
 * changed (UPDATE OF cadence fires when the column is set); PostgreSQL's
 * compares the values, and only the rapport moved: so the incremental runs
 * are PostgreSQL's when make check-pg's cluster is there. */
static void test_rapport_changes_the_note_ahead(void **state)
{
	char name[64], where[96];
	const char *at[2] = { ":memory:", ":memory:" };
	struct tick_history h;

	(void)state;
	if (pg_enabled()) {
		at[0] = where;
		make_pg_database(name, sizeof(name), where, sizeof(where), "rapport_note");
	}
	th_open_at(&h, NULL, 0, 7, at);
	th_tick(&h, 0);
	th_tick(&h, 1);
	/* person 2: a 30-day cadence (n2 = 4), rapport 2 (n3 = 3), then 4 (n3 = 5) */
	play_both(&h, (struct th_step){ .op = TH_CADENCE, .b = 2, .n2 = 4, .n3 = 3 });
	assert_int_equal(th_number(&h, "SELECT count(*) FROM task WHERE person_id = 2"
				       " AND origin = 'keep-in-touch' AND shown_on IS NOT NULL"
				       " AND why LIKE '%rapport 2/5%'", 0), 1);
	play_both(&h, (struct th_step){ .op = TH_CADENCE, .b = 2, .n2 = 4, .n3 = 5 });
	assert_int_equal(th_number(&h, "SELECT count(*) FROM task WHERE person_id = 2"
				       " AND origin = 'keep-in-touch' AND why LIKE '%rapport 4/5%'", 0), 1);
	assert_int_equal(th_number(&h, "SELECT count(*) FROM task WHERE person_id = 2"
				       " AND origin = 'keep-in-touch'", 0), 1);
	th_close(&h);
	if (pg_enabled())
		drop_pg_database(name);
}

static void test_postgresql_matches_sqlite(void **state)
{
	char name[64], where[96];
	const char *at[2] = { where, ":memory:" };
	struct tick_history h;

	(void)state;
	make_pg_database(name, sizeof(name), where, sizeof(where), "rapport_tick");
	th_open_at(&h, NULL, 0, 3, at);
	for (int i = 0; i < PG_STEPS; i++) {
		if (!th_step(&h) || (i % 20 == 0 && !th_same(&h)))
			fail_msg("step %d: %s", i, h.diff);
	}
	if (!th_same(&h))
		fail_msg("%s", h.diff);
	assert_true(h.day > 40);
	/* the rules made follow-ups on PostgreSQL: silences and lapsed cadences */
	assert_true(count_by(&h, "silence", false) + count_by(&h, "silence.call", false) > 0);
	assert_true(count_by(&h, "keep-in-touch", false) > 0);
	th_close(&h);
	drop_pg_database(name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_incremental_matches_full),
		cmocka_unit_test(test_run_looks_at_what_changed),
		cmocka_unit_test(test_run_sees_what_earlier_rules_wrote),
		cmocka_unit_test(test_rapport_changes_the_note_ahead),
	};
	const struct CMUnitTest on_postgresql[] = {
		cmocka_unit_test(test_postgresql_matches_sqlite),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	/* only in the cluster of make check-pg: elsewhere nothing to skip */
	if (pg_enabled())
		failed += cmocka_run_group_tests(on_postgresql, NULL, NULL);
	return failed;
}
