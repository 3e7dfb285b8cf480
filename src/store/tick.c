/* tick.c: the items the time rules must evaluate, and the day each fires next (see tick.h). */
#include "store/tick.h"

#include <stdlib.h>

#include "store/history.h"
#include "store/store_internal.h"

static const char SQL_TICK_GET[] = "SELECT key FROM tick_state WHERE id = 1";
static const char SQL_TICK_SET[] = "INSERT OR REPLACE INTO tick_state (id, key) VALUES (1, ?)";
static const char SQL_TICK_CURRENT[] =
	"SELECT (SELECT key FROM tick_state WHERE id = 1) IS ?1"
	" AND NOT EXISTS (SELECT 1 FROM tick_dirty)"
	" AND NOT EXISTS (SELECT 1 FROM rule_next INDEXED BY rule_next_day"
	"  WHERE day <= ?2)";

/* A run's items: temporary, this connection's own, never in a backup. */
static const char SQL_TEMP_OPPS[] =
	"CREATE TEMP TABLE IF NOT EXISTS tick_opps (id INTEGER PRIMARY KEY)";
static const char SQL_TEMP_PEOPLE[] =
	"CREATE TEMP TABLE IF NOT EXISTS tick_people (id INTEGER PRIMARY KEY)";
static const char SQL_TEMP_MET[] =
	"CREATE TEMP TABLE IF NOT EXISTS tick_met (id INTEGER PRIMARY KEY)";
static const char SQL_TEMP_NEXT[] =
	"CREATE TEMP TABLE IF NOT EXISTS tick_next (kind INTEGER NOT NULL, id INTEGER NOT NULL,"
	" day TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID";
/* The planner takes a table it has no statistics for as a big one, and
 * would scan task (or build a Bloom filter or an index over it) rather than
 * look up the few rows of the run's items: they are said to be a few, once
 * per connection (ANALYZE of sqlite_stat1 loads the statistics again). */
static const char SQL_TEMP_HAS_STATS[] =
	"SELECT count(*) FROM temp.sqlite_schema WHERE name = 'sqlite_stat1'";
static const char SQL_TEMP_ANALYZE[] = "ANALYZE temp";
static const char SQL_TEMP_STATS[] =
	"INSERT INTO temp.sqlite_stat1 (tbl, idx, stat) VALUES ('tick_opps', NULL, '16'),"
	" ('tick_people', NULL, '16'), ('tick_met', NULL, '16')";
static const char SQL_TEMP_STATS_LOAD[] = "ANALYZE temp.sqlite_stat1";
static const char SQL_CLEAR_OPPS[] = "DELETE FROM temp.tick_opps";
static const char SQL_CLEAR_PEOPLE[] = "DELETE FROM temp.tick_people";
static const char SQL_CLEAR_NEXT[] = "DELETE FROM temp.tick_next";
static const char SQL_ALL_OPPS[] = "INSERT INTO temp.tick_opps SELECT id FROM opportunity";
static const char SQL_ALL_PEOPLE[] =
	"INSERT INTO temp.tick_people SELECT id FROM person WHERE cadence IS NOT NULL";
static const char SQL_DUE_OPPS[] =
	"INSERT OR IGNORE INTO temp.tick_opps SELECT id FROM rule_next INDEXED BY rule_next_day"
	" WHERE kind = 0 AND day <= ?1";
static const char SQL_DUE_PEOPLE[] =
	"INSERT OR IGNORE INTO temp.tick_people SELECT id FROM rule_next INDEXED BY rule_next_day"
	" WHERE kind = 1 AND day <= ?1";
/* What was written: opportunities, people, and the opportunities of the
 * people whose name, rapport or cadence the rules read there (kind 2).
 * tick_dirty holds a row per write (duplicates), and whatever statistics an
 * ANALYZE left of a moment it was big: it is read once into the small
 * temporary tables, and the joins start from those, in their order. */
static const char SQL_ANY_DIRTY[] = "SELECT EXISTS (SELECT 1 FROM tick_dirty)";
static const char SQL_DIRTY_OPPS[] =
	"INSERT OR IGNORE INTO temp.tick_opps SELECT id FROM tick_dirty WHERE kind = 0";
static const char SQL_DIRTY_PEOPLE[] =
	"INSERT OR IGNORE INTO temp.tick_people SELECT id FROM tick_dirty WHERE kind = 1";
static const char SQL_DIRTY_MET[] =
	"INSERT OR IGNORE INTO temp.tick_met SELECT id FROM tick_dirty WHERE kind = 2";
static const char SQL_MET_OPPS[] =
	"INSERT OR IGNORE INTO temp.tick_opps SELECT l.opp_id FROM temp.tick_met m"
	" CROSS JOIN opp_person l ON l.person_id = m.id"
	" UNION ALL SELECT i.opp_id FROM temp.tick_met m"
	" CROSS JOIN interaction_person ip ON ip.person_id = m.id"
	" CROSS JOIN interaction i ON i.id = ip.interaction_id WHERE i.opp_id IS NOT NULL";
static const char SQL_CLEAR_MET[] = "DELETE FROM temp.tick_met";
static const char SQL_ANY_ITEMS[] =
	"SELECT EXISTS (SELECT 1 FROM temp.tick_opps) + 2 * EXISTS (SELECT 1 FROM temp.tick_people)";
static const char SQL_FORGET_DIRTY[] = "DELETE FROM tick_dirty";
static const char SQL_NEXT[] =
	"INSERT INTO temp.tick_next (kind, id, day) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (kind, id) DO UPDATE SET day = min(day, excluded.day)";
static const char SQL_AHEAD[] =
	"SELECT c.id, (SELECT min(i.at) FROM interaction i WHERE i.opp_id = c.id AND i.at > ?1"
	"  AND NOT EXISTS (SELECT 1 FROM rule_fire f WHERE f.rule = '" STORE_MARK_PLANNED "'"
	"  AND f.event = 'i:' || i.id)) AS ahead"
	" FROM temp.tick_opps c WHERE ahead IS NOT NULL ORDER BY c.id";
static const char SQL_OPEN_ORIGINS[] =
	"SELECT DISTINCT t.origin FROM temp.tick_opps c CROSS JOIN task t"
	" ON t.opp_id = c.id AND t.status = 'open' ORDER BY 1";
static const char SQL_NEXT_FORGET_ALL[] = "DELETE FROM rule_next";
static const char SQL_NEXT_FORGET_OPPS[] =
	"DELETE FROM rule_next WHERE kind = 0 AND id IN (SELECT id FROM temp.tick_opps)";
static const char SQL_NEXT_FORGET_PEOPLE[] =
	"DELETE FROM rule_next WHERE kind = 1 AND id IN (SELECT id FROM temp.tick_people)";
static const char SQL_NEXT_KEEP[] =
	"INSERT OR REPLACE INTO rule_next (kind, id, day) SELECT kind, id, day FROM temp.tick_next";

/* Run each of sqls (static statements, binding ?1 to text when it has one). */
static int run_all(struct store *s, const char *const *sqls, size_t n, const char *text,
		   struct error *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = store_stmt(s, sqls[i], err);
		if (!st)
			return ERR_STORE;
		if (sqlite3_bind_parameter_count(st))
			bind_text(st, 1, text);
		if (store_exec_stmt(s, st, "cannot run the time rules", err))
			return err->code;
	}
	return 0;
}

/* The statement, or NULL when it cannot be prepared: a database made before
 * the tables (by a development build) has none. Then no mark is read, and
 * the rules run every time: a failure here only ever costs time. */
static sqlite3_stmt *tick_stmt(struct store *s, const char *sql)
{
	struct error ignored = ERROR_INIT;

	return store_stmt(s, sql, &ignored);
}

int store_tick_is_current(struct store *s, const char *key, const char *today, bool *current,
			  struct error *err)
{
	sqlite3_stmt *st;
	int64_t yes = 0;

	*current = false;
	if (!(st = tick_stmt(s, SQL_TICK_CURRENT)))
		return 0;
	bind_text(st, 1, key);
	bind_text(st, 2, today);
	if (store_number(s, st, &yes, "cannot read", err))
		return err->code;
	*current = yes == 1;
	return 0;
}

int store_tick_last_key(struct store *s, char **key, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*key = NULL;
	if (!(st = tick_stmt(s, SQL_TICK_GET)))
		return 0;
	rc = store_step(s, st, "cannot read", err);
	if (rc == SQLITE_ROW) {
		*key = col_text(st, 0);
		sqlite3_reset(st);
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : rc;
}

int store_tick_mark(struct store *s, const char *key, struct error *err)
{
	sqlite3_stmt *st;

	if (!(st = tick_stmt(s, SQL_TICK_SET)))
		return 0;
	bind_text(st, 1, key);
	return store_exec_stmt(s, st, "cannot record the time rules' run", err);
}

/* The run's tables, empty, and (once) what the planner should think of them. */
static int temp_tables(struct store *s, struct error *err)
{
	static const char *const create[] = { SQL_TEMP_OPPS, SQL_TEMP_PEOPLE, SQL_TEMP_MET,
					      SQL_TEMP_NEXT };
	static const char *const stats[] = { SQL_TEMP_ANALYZE, SQL_TEMP_STATS,
					     SQL_TEMP_STATS_LOAD };
	static const char *const clear[] = { SQL_CLEAR_OPPS, SQL_CLEAR_PEOPLE, SQL_CLEAR_NEXT };
	sqlite3_stmt *st;
	int64_t has_stats;

	if (run_all(s, create, ARRAY_SIZE(create), NULL, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_TEMP_HAS_STATS, err)) ||
	    store_number(s, st, &has_stats, "cannot read", err) ||
	    (!has_stats && run_all(s, stats, ARRAY_SIZE(stats), NULL, err)))
		return err->code ? err->code : ERR_STORE;
	return run_all(s, clear, ARRAY_SIZE(clear), NULL, err);
}

static int tick_items_read(struct store *s, struct tick_items *items, struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_ANY_ITEMS, err);
	int64_t any;

	if (!st || store_number(s, st, &any, "cannot read", err))
		return err->code ? err->code : ERR_STORE;
	items->opps = any & 1;
	items->people = any & 2;
	return 0;
}

int store_tick_begin(struct store *s, bool full, const char *today, struct tick_items *items,
		     struct error *err)
{
	static const char *const all[] = { SQL_ALL_OPPS, SQL_ALL_PEOPLE };
	static const char *const due[] = { SQL_DUE_OPPS, SQL_DUE_PEOPLE };
	static const char *const forget[] = { SQL_FORGET_DIRTY };

	if (temp_tables(s, err) ||
	    (full ? run_all(s, all, ARRAY_SIZE(all), NULL, err)
		  : run_all(s, due, ARRAY_SIZE(due), today, err)) ||
	    store_tick_fold(s, items, err) || tick_items_read(s, items, err))
		return err->code;
	return run_all(s, forget, ARRAY_SIZE(forget), NULL, err);
}

int store_tick_fold(struct store *s, struct tick_items *items, struct error *err)
{
	static const char *const fold[] = { SQL_DIRTY_OPPS, SQL_DIRTY_PEOPLE, SQL_DIRTY_MET,
					    SQL_MET_OPPS, SQL_CLEAR_MET };
	sqlite3_stmt *st = store_stmt(s, SQL_ANY_DIRTY, err);
	int64_t any;

	if (!st || store_number(s, st, &any, "cannot read", err))
		return err->code ? err->code : ERR_STORE;
	if (!any) /* the items are as they were */
		return 0;
	return run_all(s, fold, ARRAY_SIZE(fold), NULL, err) || tick_items_read(s, items, err)
		       ? err->code : 0;
}

int store_tick_next(struct store *s, enum tick_kind kind, int64_t id, const char *day,
		    struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_NEXT, err);

	if (!st)
		return ERR_STORE;
	sqlite3_bind_int(st, 1, (int)kind);
	sqlite3_bind_int64(st, 2, id);
	bind_text(st, 3, day);
	return store_exec_stmt(s, st, "cannot record when a rule fires next", err);
}

static void tick_ahead_release(struct tick_ahead *a)
{
	free(a->at);
}

VEC_RELEASE_FN(tick_ahead_vec_release, tick_ahead_vec, tick_ahead_release)

static void push_ahead(sqlite3_stmt *st, void *vec)
{
	struct tick_ahead *a = VEC_PUSH((tick_ahead_vec *)vec);

	a->opp_id = sqlite3_column_int64(st, 0);
	a->at = col_text(st, 1);
}

int store_tick_ahead(struct store *s, tick_ahead_vec *out, struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_AHEAD, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, store_stamp(s));
	return store_each(s, st, push_ahead, out, "cannot read interactions", err);
}

static void push_text(sqlite3_stmt *st, void *vec)
{
	*VEC_PUSH((origin_vec *)vec) = col_text(st, 0);
}

static void free_text(char **text)
{
	free(*text);
}

VEC_RELEASE_FN(origin_vec_release, origin_vec, free_text)

int store_tick_open_origins(struct store *s, origin_vec *out, struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_OPEN_ORIGINS, err);

	if (!st)
		return ERR_STORE;
	return store_each(s, st, push_text, out, "cannot read tasks", err);
}

int store_tick_end(struct store *s, bool full, struct error *err)
{
	static const char *const forget_all[] = { SQL_NEXT_FORGET_ALL, SQL_NEXT_KEEP };
	static const char *const forget_run[] = { SQL_NEXT_FORGET_OPPS, SQL_NEXT_FORGET_PEOPLE,
						  SQL_NEXT_KEEP };

	return full ? run_all(s, forget_all, ARRAY_SIZE(forget_all), NULL, err)
		    : run_all(s, forget_run, ARRAY_SIZE(forget_run), NULL, err);
}
