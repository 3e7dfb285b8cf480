/* tick.c: the items the time rules must evaluate, and the day each fires next (see tick.h). */
#include "store/tick.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/history.h"
#include "store/store_internal.h"
#include "util/strbuf.h"

static const char SQL_TICK_GET[] = "SELECT key FROM tick_state WHERE id = 1";
static const char SQL_TICK_SET[] = "INSERT OR REPLACE INTO tick_state (id, key) VALUES (1, ?)";
/* The mark's rules and version are the key's (after its day), its day no
 * later than today: a day that passed changes nothing by itself (what falls
 * due on it is in rule_next; a task made ahead shows by its day alone). */
static const char SQL_TICK_CURRENT[] =
	"SELECT EXISTS (SELECT 1 FROM tick_state WHERE id = 1 AND substr(key, 11) = substr(?1, 11)"
	"  AND substr(key, 1, 10) <= ?2)"
	" AND NOT EXISTS (SELECT 1 FROM tick_dirty)"
	" AND NOT EXISTS (SELECT 1 FROM rule_next INDEXED BY rule_next_day"
	"  WHERE day <= ?2)";

static const char SQL_ALL_OPPS[] = "SELECT 0, id FROM opportunity";
static const char SQL_ALL_PEOPLE[] = "SELECT 1, id FROM person WHERE cadence IS NOT NULL";
static const char SQL_DUE[] =
	"SELECT kind, id FROM rule_next INDEXED BY rule_next_day WHERE day <= ?1";
/* What was written (a row per write: duplicates): opportunities (0), people
 * (1), and people whose name, rapport or cadence the rules read on every
 * opportunity they were met on (2), then those opportunities. The joins
 * start from the few ids, in their order, whatever statistics an ANALYZE
 * left of a moment tick_dirty was big. */
static const char SQL_ANY_DIRTY[] = "SELECT EXISTS (SELECT 1 FROM tick_dirty)";
static const char SQL_DIRTY[] = "SELECT DISTINCT kind, id FROM tick_dirty";
static const char SQL_MET_OPPS[] =
	"SELECT 0, l.opp_id FROM json_each(?1) m"
	" CROSS JOIN opp_person l ON l.person_id = " SQL_EACH_ID("m")
	" UNION SELECT 0, i.opp_id FROM json_each(?1) m"
	" CROSS JOIN interaction_person ip ON ip.person_id = " SQL_EACH_ID("m")
	" CROSS JOIN interaction i ON i.id = ip.interaction_id WHERE i.opp_id IS NOT NULL";
static const char SQL_FORGET_DIRTY[] = "DELETE FROM tick_dirty";
/* The run's tasks go into the full-text index at its end (schema.c,
 * migration 13); one a later write of the run indexed already is left. */
static const char SQL_SEARCH_DEFER[] = "INSERT OR IGNORE INTO search_defer VALUES (0)";
static const char SQL_SEARCH_CATCH_UP[] =
	"INSERT INTO search_index(rowid, title, body) SELECT t.id * 8 + 5, t.title, t.why"
	" FROM task t WHERE t.id IN (SELECT task_id FROM search_defer WHERE task_id > 0)"
	" AND NOT EXISTS (SELECT 1 FROM search_index x WHERE x.rowid = t.id * 8 + 5)"
	" ORDER BY t.id"; /* IN, not a join: a join made SQLite scan every task for a Bloom filter */
static const char SQL_SEARCH_UNDEFER[] = "DELETE FROM search_defer";
static const char SQL_AHEAD[] =
	"SELECT id, ahead FROM (SELECT " SQL_EACH_ID("c") " AS id, (SELECT min(i.at) FROM interaction i"
	"  WHERE i.opp_id = " SQL_EACH_ID("c") " AND " SQL_MOMENT_AFTER("i.at", ">", "?2", "?3")
	"  AND NOT EXISTS (SELECT 1 FROM rule_fire f"
	"  WHERE f.rule = '" STORE_MARK_PLANNED "' AND f.event = 'i:' || i.id)) AS ahead"
	" FROM json_each(?1) c) AS a WHERE ahead IS NOT NULL ORDER BY id";
static const char SQL_OPEN_ORIGINS[] =
	"SELECT DISTINCT t.origin FROM json_each(?1) c CROSS JOIN task t"
	" ON t.opp_id = " SQL_EACH_ID("c") " AND t.status = 'open' ORDER BY 1";
static const char SQL_NEXT_FORGET_ALL[] = "DELETE FROM rule_next";
static const char SQL_NEXT_FORGET[] =
	"DELETE FROM rule_next WHERE kind = ?1 AND id IN (SELECT " SQL_EACH_ID("c") " FROM json_each(?2) c)";
static const char SQL_NEXT_SET[] =
	"INSERT OR REPLACE INTO rule_next (kind, id, day) VALUES (?, ?, ?)";

/* The statement, or NULL when it cannot be prepared: a database made before
 * the tables (by a development build) has none. Then no mark is read, and
 * the rules run every time: a failure here only ever costs time. */
static struct db_stmt *tick_stmt(struct store *s, const char *sql)
{
	struct error ignored = ERROR_INIT;

	return store_stmt(s, sql, &ignored);
}

/* Run sql, a static statement without parameters (prepared once). */
static int exec_static(struct store *s, const char *sql, const char *doing, struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	return st ? store_exec_stmt(s, st, doing, err) : ERR_STORE;
}

int store_tick_is_current(struct store *s, const char *key, const char *today, bool *current,
			  struct error *err)
{
	struct db_stmt *st;
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

/* The first day something falls due on, and the moment of the first
 * planned interaction whose time has come (each NULL: none). */
static const char SQL_FIRST_DUE[] = "SELECT min(day) FROM rule_next WHERE day <= ?1";
static const char SQL_FIRST_PLANNED[] =
	"SELECT min(i.at) FROM rule_fire f JOIN interaction i ON i.id = CAST(substr(f.event, 3) AS INTEGER)"
	" WHERE f.rule = '" STORE_MARK_PLANNED "' AND " SQL_MOMENT_BEFORE("i.at", "<=", "?1", "?2");

/* The text sql (one value, ?1 bound to text, then now when it takes it)
 * reads, NULL when none; the caller frees it. */
static int first_of(struct store *s, const char *sql, const char *text, bool now, char **out,
		    struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);
	int rc;

	*out = NULL;
	if (!st)
		return ERR_STORE;
	if (now)
		bind_now(s, st, 1, 2);
	else
		bind_text(st, 1, text);
	rc = store_step(s, st, "cannot read the time rules' days", err);
	if (rc == DB_ROW) {
		*out = now ? col_time(st, 0) : col_text(st, 0);
		db_reset(st);
	}
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

/* The last day whose first moment a run would have found nothing to do
 * at, from the mark's on (the day before the first that something falls
 * due on; the day of the first planned interaction whose time came, which
 * came after that moment; else today), into day. */
static int last_quiet_day(struct store *s, const char *today, char day[11], struct error *err)
{
	char *due, *planned;
	struct datetime dt;

	snprintf(day, 11, "%s", today);
	if (first_of(s, SQL_FIRST_DUE, today, false, &due, err) ||
	    first_of(s, SQL_FIRST_PLANNED, NULL, true, &planned, err))
		return err->code;
	if (due && !date_parse_iso(due, &dt, NULL)) {
		char before[DATE_BUFSZ];
		date_add_days(&dt, -1);
		date_format_day(&dt, before);
		if (strcmp(before, day) < 0)
			snprintf(day, 11, "%.10s", before);
	}
	if (planned && strncmp(planned, day, 10) < 0)
		snprintf(day, 11, "%.10s", planned);
	free(due);
	free(planned);
	return 0;
}

int store_tick_catch_up(struct store *s, const char *key, const char *today, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ANY_DIRTY, err);
	char *last = NULL, day[11];
	int64_t dirty = 0;
	int rc;

	if (!st)
		return ERR_STORE;

	if ((rc = store_tick_last_key(s, &last, err)) || !last || strlen(last) < 10 ||
	    strcmp(last + 10, key + 10) || strncmp(last, today, 10) >= 0)
		goto out;
	if ((rc = store_number(s, st, &dirty, "cannot read", err)) || dirty ||
	    (rc = last_quiet_day(s, today, day, err)) || strncmp(day, last, 10) <= 0)
		goto out;
	memcpy(last, day, 10);
	rc = store_tick_mark(s, last, err);
out:
	free(last);
	return rc;
}

int store_tick_last_key(struct store *s, char **key, struct error *err)
{
	struct db_stmt *st;
	int rc;

	*key = NULL;
	if (!(st = tick_stmt(s, SQL_TICK_GET)))
		return 0;
	rc = store_step(s, st, "cannot read", err);
	if (rc == DB_ROW) {
		*key = col_text(st, 0);
		db_reset(st);
	}
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int store_tick_mark(struct store *s, const char *key, struct error *err)
{
	struct db_stmt *st;

	if (!(st = tick_stmt(s, SQL_TICK_SET)))
		return 0;
	bind_text(st, 1, key);
	return store_exec_stmt(s, st, "cannot record the time rules' run", err);
}

/* ---- the run's items ---- */

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Sort ids, each once, and write them as a JSON array into *json. */
static void ids_settle(id_vec *ids, char **json)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = 0;

	if (ids->n)
		qsort(ids->items, ids->n, sizeof(*ids->items), cmp_id);
	for (size_t i = 0; i < ids->n; i++)
		if (!n || ids->items[n - 1] != ids->items[i])
			ids->items[n++] = ids->items[i];
	ids->n = n;
	strbuf_addch(&sb, '[');
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%lld", i ? "," : "", (long long)ids->items[i]);
	strbuf_addch(&sb, ']');
	free(*json);
	*json = strbuf_detach(&sb);
}

/* Where st's rows (kind, id) go: the run's opportunities (0), people (1), or
 * the people written as met (2). */
struct items_out {
	struct tick_run *run;
	id_vec met;
};

static void push_item(struct db_stmt *st, void *out)
{
	struct items_out *o = out;
	int64_t id = db_column_int64(st, 1);

	switch (db_column_int(st, 0)) {
	case TICK_OPP:
		*VEC_PUSH(&o->run->opps) = id;
		break;
	case TICK_PERSON:
		*VEC_PUSH(&o->run->people) = id;
		break;
	default:
		/* a name or a rapport changed: the note a cadence rule made ahead
		 * names both ({person}, {person_note}), so their own time too */
		*VEC_PUSH(&o->met) = id;
		*VEC_PUSH(&o->run->people) = id;
	}
}

/* Add the items sql gives (binding ?1 to text when it is not NULL). */
static int add_items(struct store *s, const char *sql, const char *text, struct items_out *out,
		     struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	if (text)
		bind_text(st, 1, text);
	return store_each(s, st, push_item, out, "cannot read what the time rules look at", err);
}

/* The opportunities of the people written as met, then the JSON arrays. */
static int items_settle(struct store *s, struct items_out *o, struct error *err)
{
	char *met_json = NULL;
	int rc = 0;

	if (o->met.n) {
		ids_settle(&o->met, &met_json);
		rc = add_items(s, SQL_MET_OPPS, met_json, o, err);
		free(met_json);
	}
	free(o->met.items);
	ids_settle(&o->run->opps, &o->run->opps_json);
	ids_settle(&o->run->people, &o->run->people_json);
	return rc;
}

void tick_run_release(struct tick_run *run)
{
	free(run->opps.items);
	free(run->people.items);
	free(run->opps_json);
	free(run->people_json);
	free(run->next.items);
	memset(run, 0, sizeof(*run));
}

int store_tick_begin(struct store *s, bool full, const char *today, struct tick_run *run,
		     struct error *err)
{
	struct items_out o = { .run = run };
	int rc;

	memset(run, 0, sizeof(*run));
	if (exec_static(s, SQL_SEARCH_DEFER, "cannot run the time rules", err))
		return err->code;
	if (full)
		rc = add_items(s, SQL_ALL_OPPS, NULL, &o, err) ||
		     add_items(s, SQL_ALL_PEOPLE, NULL, &o, err);
	else
		rc = add_items(s, SQL_DUE, today, &o, err);
	if (!rc)
		rc = add_items(s, SQL_DIRTY, NULL, &o, err);
	if (!rc)
		rc = items_settle(s, &o, err);
	else
		free(o.met.items);
	if (rc)
		return err->code ? err->code : ERR_STORE;
	return exec_static(s, SQL_FORGET_DIRTY, "cannot run the time rules", err);
}

int store_tick_fold(struct store *s, struct tick_run *run, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ANY_DIRTY, err);
	struct items_out o = { .run = run };
	int64_t any;

	if (!st || store_number(s, st, &any, "cannot read", err))
		return err->code ? err->code : ERR_STORE;
	if (!any) /* the items are as they were */
		return 0;
	if (add_items(s, SQL_DIRTY, NULL, &o, err)) {
		free(o.met.items);
		return err->code;
	}
	return items_settle(s, &o, err);
}

void store_tick_next(struct tick_run *run, enum tick_kind kind, int64_t id, const char *day)
{
	struct tick_day *d = VEC_PUSH(&run->next);

	d->kind = (int)kind;
	d->id = id;
	snprintf(d->day, sizeof(d->day), "%.10s", day);
}

static void tick_ahead_release(struct tick_ahead *a)
{
	free(a->at);
}

VEC_RELEASE_FN(tick_ahead_vec_release, tick_ahead_vec, tick_ahead_release)

static void push_ahead(struct db_stmt *st, void *vec)
{
	struct tick_ahead *a = VEC_PUSH((tick_ahead_vec *)vec);

	a->opp_id = db_column_int64(st, 0);
	a->at = col_time(st, 1);
}

int store_tick_ahead(struct store *s, const struct tick_run *run, tick_ahead_vec *out,
		     struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_AHEAD, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, run->opps_json);
	bind_now(s, st, 2, 3);
	return store_each(s, st, push_ahead, out, "cannot read interactions", err);
}

static void push_text(struct db_stmt *st, void *vec)
{
	*VEC_PUSH((origin_vec *)vec) = col_text(st, 0);
}

static void free_text(char **text)
{
	free(*text);
}

VEC_RELEASE_FN(origin_vec_release, origin_vec, free_text)

int store_tick_open_origins(struct store *s, const struct tick_run *run, origin_vec *out,
			    struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OPEN_ORIGINS, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, run->opps_json);
	return store_each(s, st, push_text, out, "cannot read tasks", err);
}

/* ---- the end of a run: the days ---- */

static int cmp_day(const void *a, const void *b)
{
	const struct tick_day *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if (x->id != y->id)
		return (x->id > y->id) - (x->id < y->id);
	return strcmp(x->day, y->day);
}

/* Forget the days of the run's items of kind (all of them when full). */
static int days_forget(struct store *s, bool full, int kind, const char *json,
		       struct error *err)
{
	struct db_stmt *st = store_stmt(s, full ? SQL_NEXT_FORGET_ALL : SQL_NEXT_FORGET, err);

	if (!st)
		return ERR_STORE;
	if (!full) {
		db_bind_int64(st, 1, kind);
		bind_text(st, 2, json);
	}
	return store_exec_stmt(s, st, "cannot record when the rules fire next", err);
}

/* The full-text entries of the tasks the run made, in one statement.
 * PostgreSQL's index keeps its entries as the rows are written (its search
 * trigger): nothing is deferred there. */
static int search_catch_up(struct store *s, struct error *err)
{
	if (!store_speaks_pg(s) &&
	    exec_static(s, SQL_SEARCH_CATCH_UP, "cannot index the new tasks", err))
		return err->code;
	return exec_static(s, SQL_SEARCH_UNDEFER, "cannot index the new tasks", err);
}

int store_tick_end(struct store *s, bool full, struct tick_run *run, struct error *err)
{
	if (search_catch_up(s, err) || days_forget(s, full, TICK_OPP, run->opps_json, err) ||
	    (!full && days_forget(s, full, TICK_PERSON, run->people_json, err)))
		return err->code;
	if (run->next.n)
		qsort(run->next.items, run->next.n, sizeof(*run->next.items), cmp_day);
	for (size_t i = 0; i < run->next.n; i++) {
		const struct tick_day *d = &run->next.items[i];
		struct db_stmt *st;
		if (i && d->kind == d[-1].kind && d->id == d[-1].id)
			continue; /* a later day for the same item: the earliest is kept */
		if (!(st = store_stmt(s, SQL_NEXT_SET, err)))
			return ERR_STORE;
		db_bind_int64(st, 1, d->kind);
		db_bind_int64(st, 2, d->id);
		bind_text(st, 3, d->day);
		if (store_exec_stmt(s, st, "cannot record when the rules fire next", err))
			return err->code;
	}
	return 0;
}
