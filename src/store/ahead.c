/* ahead.c: tasks made ahead of their day, found, kept or forgotten (see ahead.h). */
#include "store/ahead.h"

#include <stdlib.h>

#include "store/history.h"
#include "store/store_internal.h"

/* The tasks made ahead by rule ?1, not reached by the run of the day ?2, of
 * the people ?3 (from their ids: the index task_person), but the ids ?4. */
#define AHEAD_OF_PEOPLE                                                           \
	"SELECT t.id FROM json_each(?3) c CROSS JOIN task t ON t.person_id = " SQL_EACH_ID("c") \
	" AND t.status = 'open' WHERE t.origin = ?1 AND " SQL_TASK_AHEAD("t.", "?2")      \
	" AND t.id NOT IN (SELECT " SQL_EACH_ID("k") " FROM json_each(?4) k)"
/* The same of the opportunities ?3 (the index task_opp). */
#define AHEAD_OF_OPPS                                                             \
	"SELECT t.id FROM json_each(?3) c CROSS JOIN task t ON t.opp_id = " SQL_EACH_ID("c") \
	" AND t.status = 'open' WHERE t.origin = ?1 AND " SQL_TASK_AHEAD("t.", "?2")      \
	" AND t.id NOT IN (SELECT " SQL_EACH_ID("k") " FROM json_each(?4) k)"
/* The same of everyone (?3 unused: the same bindings). */
#define AHEAD_OF_ALL                                                              \
	"SELECT t.id FROM task t WHERE t.origin = ?1 AND t.status = 'open' AND ?3 IS NULL" \
	" AND " SQL_TASK_AHEAD("t.", "?2")                                         \
	" AND t.id NOT IN (SELECT " SQL_EACH_ID("k") " FROM json_each(?4) k)"
/* Of every rule but those ?1 names (?3 and ?4 unused). */
#define AHEAD_OF_OTHERS                                                           \
	"SELECT t.id FROM task t WHERE t.status = 'open' AND ?3 IS NULL AND ?4 IS NULL"   \
	" AND " SQL_TASK_AHEAD("t.", "?2")                                         \
	" AND t.origin NOT IN (SELECT k.value FROM json_each(?1) k)"
/* Their follow-up records first: a task deleted leaves its record's
 * task_id NULL, a lapse handled for good. */
#define FORGET(ids)                                                               \
	{ "DELETE FROM rule_fire WHERE task_id IN (" ids ")",                       \
	  "DELETE FROM task WHERE id IN (" ids ")" }

static const char *const forget_of_people[2] = FORGET(AHEAD_OF_PEOPLE);
static const char *const forget_of_opps[2] = FORGET(AHEAD_OF_OPPS);
static const char *const forget_of_all[2] = FORGET(AHEAD_OF_ALL);
static const char *const forget_others[2] = FORGET(AHEAD_OF_OTHERS);

static const char SQL_LAST_DAY[] = "SELECT substr(key, 1, 10) FROM tick_state WHERE id = 1";
#define AHEAD_COLS                                                                \
	"SELECT t.id, t.title, t.why, t.due, t.kind, t.template, t.shown_on,"      \
	" (SELECT f.event FROM rule_fire f WHERE f.task_id = t.id), ifnull(t.person_id, 0)"
static const char SQL_FIND[] = AHEAD_COLS
	" FROM task t WHERE t.person_id = ?2 AND t.status = 'open' AND t.origin = ?1"
	" AND " SQL_TASK_AHEAD("t.", "?3") " ORDER BY t.id LIMIT 1";
/* From the follow-up records of the event ?3 (their key: rule, event). */
static const char SQL_FIND_EVENT[] = AHEAD_COLS
	" FROM rule_fire e JOIN task t ON t.id = e.task_id WHERE e.rule = ?1 AND e.event = ?3"
	" AND e.opp_id = ?2 AND t.status = 'open' AND " SQL_TASK_AHEAD("t.", "?4")
	" ORDER BY t.id";
static const char SQL_NEXT_CONTACT[] =
	"SELECT min(ip.at) FROM interaction_person ip WHERE ip.person_id = ?1"
	" AND " SQL_MOMENT_AFTER("ip.at", ">", "?2", "?3")
	" AND NOT EXISTS (SELECT 1 FROM rule_fire f WHERE f.rule = '" STORE_MARK_PLANNED "'"
	"  AND f.event = 'i:' || ip.interaction_id)";
static const char SQL_WRITTEN[] = "SELECT DISTINCT id FROM tick_dirty WHERE kind = ?1";
static const char SQL_UNWRITE[] =
	"DELETE FROM tick_dirty WHERE kind = ?1 AND id IN (SELECT " SQL_EACH_ID("c")
	" FROM json_each(?2) c)";

int store_tick_last_day(struct store *s, char day[11], struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_LAST_DAY, err);
	int rc;

	day[0] = '\0';
	if (!st)
		return ERR_STORE;
	rc = store_step(s, st, "cannot read the time rules' mark", err);
	if (rc == DB_ROW && db_column_text(st, 0))
		snprintf(day, 11, "%s", db_column_text(st, 0));
	if (rc == DB_ROW)
		db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

void ahead_task_release(struct ahead_task *t)
{
	free(t->title);
	free(t->why);
	free(t->due);
	free(t->kind);
	free(t->template);
	free(t->shown_on);
	free(t->event);
	t->id = 0;
}

static void read_ahead(struct db_stmt *st, void *out)
{
	struct ahead_task *t = out;

	t->id = db_column_int64(st, 0);
	t->title = col_text(st, 1);
	t->why = col_text(st, 2);
	t->due = col_text(st, 3);
	t->kind = col_text(st, 4);
	t->template = col_text(st, 5);
	t->shown_on = col_text(st, 6);
	t->event = col_text(st, 7);
	t->person_id = db_column_int64(st, 8);
}

static void push_ahead(struct db_stmt *st, void *vec)
{
	read_ahead(st, VEC_PUSH((ahead_vec *)vec));
}

VEC_RELEASE_FN(ahead_vec_release, ahead_vec, ahead_task_release)

int store_ahead_find_event(struct store *s, const char *rule, int64_t opp_id, const char *event,
			   const char *last, ahead_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_FIND_EVENT, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	db_bind_int64(st, 2, opp_id);
	bind_text(st, 3, event);
	bind_text(st, 4, last);
	return store_each(s, st, push_ahead, out, "cannot read tasks", err);
}

int store_ahead_find(struct store *s, const char *rule, int64_t person_id, const char *last,
		     struct ahead_task *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_FIND, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	db_bind_int64(st, 2, person_id);
	bind_text(st, 3, last);
	rc = store_first(s, st, read_ahead, out, "cannot read tasks", err);
	return rc < 0 ? rc : 0;
}

/* Run the two statements of a FORGET with the same bindings. */
static int forget(struct store *s, const char *const sql[2], const char *rule, const char *last,
		  const char *people, const char *keep, struct error *err)
{
	for (int i = 0; i < 2; i++) {
		struct db_stmt *st = store_stmt(s, sql[i], err);
		if (!st)
			return ERR_STORE;
		bind_text(st, 1, rule);
		bind_text(st, 2, last);
		bind_text(st, 3, people);
		bind_text(st, 4, keep);
		if (store_exec_stmt(s, st, "cannot delete the tasks made ahead", err))
			return err->code;
	}
	return 0;
}

int store_ahead_forget(struct store *s, const char *rule, enum tick_kind kind, const char *items,
		       const char *keep, const char *last, struct error *err)
{
	const char *const *sql = !items		    ? forget_of_all
				 : kind == TICK_OPP ? forget_of_opps
						    : forget_of_people;

	return forget(s, sql, rule, last, items, keep ? keep : "[]", err);
}

int store_ahead_forget_others(struct store *s, const char *rules, const char *last,
			      struct error *err)
{
	return forget(s, forget_others, rules, last, NULL, NULL, err);
}

int store_person_next_contact(struct store *s, int64_t person_id, char **at, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_NEXT_CONTACT, err);
	int rc;

	*at = NULL;
	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, person_id);
	bind_now(s, st, 2, 3);
	rc = store_step(s, st, "cannot read interactions", err);
	if (rc == DB_ROW) {
		*at = col_time(st, 0);
		db_reset(st);
	}
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int store_tick_written(struct store *s, enum tick_kind kind, id_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WRITTEN, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, kind);
	return store_each(s, st, store_push_id, out, "cannot read what was written", err);
}

int store_tick_unwrite(struct store *s, enum tick_kind kind, const char *ids, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_UNWRITE, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, kind);
	bind_text(st, 2, ids);
	return store_exec_stmt(s, st, "cannot record what was written", err);
}
