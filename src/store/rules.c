/* rules.c: what the playbooks read (people met, silences, lapsed cadences) and record. */
#include "store/store_internal.h"

#include <stdlib.h>

/* The people met on opportunity ?1 (or in interaction ?2), with their role
 * there and how often they were met on it: counted in one pass over the
 * opportunity's interactions (the index interaction_opp_kind covers the
 * kind), not over each person's whole history twice (a recruiter met 900
 * times cost 1.4 M instructions an opportunity). */
static const char SQL_MET[] =
	"SELECT p.id, p.name, ifnull(p.rapport, -1), l.role, p.cadence IS NOT NULL,"
	" ifnull(c.interviews, 0), ifnull(c.n, 0),"
	" EXISTS (SELECT 1 FROM interaction_person WHERE interaction_id = ?2"
	"  AND person_id = p.id)"
	" FROM person p LEFT JOIN opp_person l ON l.person_id = p.id AND l.opp_id = ?1"
	" LEFT JOIN (SELECT ip.person_id AS person_id, count(*) AS n,"
	"  sum(i.kind = 'interview') AS interviews FROM interaction i"
	"  JOIN interaction_person ip ON ip.interaction_id = i.id WHERE i.opp_id = ?1"
	"  GROUP BY ip.person_id) c ON c.person_id = p.id"
	" WHERE p.id IN (SELECT person_id FROM opp_person WHERE opp_id = ?1"
	" UNION SELECT ip.person_id FROM interaction_person ip JOIN interaction i"
	" ON i.id = ip.interaction_id WHERE i.opp_id = ?1"
	" UNION SELECT person_id FROM interaction_person WHERE interaction_id = ?2)"
	" ORDER BY p.id";
/* One person as SQL_MET reads people, on no opportunity and in no
 * interaction: no role, never met on one. */
static const char SQL_MET_ONE[] =
	"SELECT p.id, p.name, ifnull(p.rapport, -1), NULL, p.cadence IS NOT NULL, 0, 0, 0"
	" FROM person p WHERE p.id = ?1";
/* Everyone met during the search (in an interaction on any opportunity),
 * and everyone whose feedback led to a done improvement action. */
static const char SQL_SEARCH_PEOPLE[] =
	"SELECT p.id, p.name, ifnull(p.rapport, -1), p.cadence IS NOT NULL,"
	" EXISTS (SELECT 1 FROM interaction_person ip JOIN interaction i"
	"  ON i.id = ip.interaction_id WHERE ip.person_id = p.id AND i.opp_id IS NOT NULL),"
	" EXISTS (SELECT 1 FROM feedback f JOIN task t ON t.feedback_id = f.id"
	"  WHERE f.person_id = p.id AND t.status = 'done')"
	" FROM person p WHERE p.id IN (SELECT ip.person_id FROM interaction_person ip"
	"  JOIN interaction i ON i.id = ip.interaction_id WHERE i.opp_id IS NOT NULL"
	"  UNION SELECT f.person_id FROM feedback f JOIN task t ON t.feedback_id = f.id"
	"  WHERE t.status = 'done')"
	" ORDER BY p.id";
static const char SQL_FIRE[] =
	"INSERT OR IGNORE INTO rule_fire (rule, event, opp_id, person_id, chain, at)"
	" VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_FIRE_TASK[] =
	"UPDATE rule_fire SET task_id = ?5 WHERE rule = ?1 AND event = ?2 AND opp_id = ?3"
	" AND person_id = ?4";
/* Not a follow-up made ahead that no run has reached: the rules' guess,
 * which a run checks again (store/ahead.h). */
#define FIRE_NOT_AHEAD(f)                                                         \
	" NOT EXISTS (SELECT 1 FROM task a WHERE a.id = " f ".task_id AND "       \
	SQL_TASK_AHEAD("a.", SQL_LAST_RUN_DAY) ")"
static const char SQL_CHAIN_COUNT[] =
	"SELECT count(*) FROM rule_fire f WHERE f.chain = ?1 AND f.rule = ?2 AND" FIRE_NOT_AHEAD("f");
static const char SQL_DEFAULT_CADENCE[] =
	"UPDATE person SET cadence = ?2, updated_at = ?3 WHERE id = ?1 AND cadence IS NULL";
static const char SQL_SKIP_RULE_TASKS[] =
	"UPDATE task SET status = 'skipped', done_at = ?4,"
	" why = CASE WHEN why IS NULL THEN ?3 ELSE why || ' ' || ?3 END"
	" WHERE origin = ?1 AND opp_id = ?2 AND status = 'open' AND " SQL_TASK_NOT_AHEAD("");
/* ?3: the opportunity (0: any), ?4: the person. Not a task made ahead that
 * no run has reached (its day after the mark's): the rules' guess, which
 * the next run deletes or keeps (store/ahead.h). */
static const char SQL_SKIP_PERSON_RULE_TASKS[] =
	"UPDATE task SET status = 'skipped', done_at = ?6,"
	" why = CASE WHEN why IS NULL THEN ?5 ELSE why || ' ' || ?5 END"
	" WHERE origin = ?1 AND (?2 = 0 OR opp_id = ?2) AND person_id = ?3 AND status = 'open'"
	" AND " SQL_TASK_NOT_AHEAD("");
/* A chain ends: every done task of its rules (?1 itself, ?2 the one it
 * follows) with that person on that opportunity counts as followed up
 * already, so the silence after it makes no next step. */
static const char SQL_END_CHAIN[] =
	"INSERT OR IGNORE INTO rule_fire (rule, event, opp_id, person_id, chain, at)"
	" SELECT ?1, 't:' || t.id, t.opp_id, t.person_id, NULL, ?5 FROM task t"
	" WHERE t.origin IN (?1, ?2) AND t.opp_id = ?3 AND t.person_id = ?4"
	" AND t.status = 'done'";
/* The open tasks of a rule whose opportunity is in stage ?2 now, or (?3)
 * changed stage after the task was made: what they were for is over. Of
 * the opportunities of the time rules' run (store/tick.h). */
static const char SQL_SKIP_CONTRADICTED[] =
	"UPDATE task SET status = 'skipped', done_at = ?5,"
	" why = CASE WHEN why IS NULL THEN ?4 ELSE why || ' ' || ?4 END"
	" WHERE id IN (SELECT t.id FROM json_each(?6) c CROSS JOIN task t ON t.opp_id = " SQL_EACH_ID("c")
	"  AND t.status = 'open' WHERE t.origin = ?1 AND " SQL_TASK_NOT_AHEAD("t.") ")"
	" AND EXISTS (SELECT 1 FROM opportunity o WHERE o.id = task.opp_id"
	"  AND ((?2 IS NOT NULL AND o.stage = ?2) OR (?3 AND o.stage_changed_at > task.created_at)))";
/* The opportunities of the time rules' run (store/tick.h) in the stages ?1
 * (a JSON array of names) whose latest
 * interaction of the kinds ?2 (another) has had nothing inbound since, as
 * of ?3 (now: what is planned has not happened): in
 * the order of ?1, then of their ids. The latest: the latest time; on a tie,
 * the kind first in ?2, then the latest id. One statement for all of them,
 * each step an index's (opportunity_stage, interaction_opp_kind,
 * interaction_opp_direction). */
static const char SQL_SILENT_OPPS[] =
	"SELECT o.id, x.id, x.at, x.created_at FROM json_each(?5) c"
	" CROSS JOIN opportunity o ON o.id = " SQL_EACH_ID("c") " JOIN json_each(?1) st ON st.value = o.stage"
	" JOIN interaction x ON x.id = (SELECT i.id FROM json_each(?2) k"
	"  JOIN interaction i ON i.opp_id = o.id AND i.kind = k.value"
	"  AND " SQL_MOMENT_BEFORE("i.at", "<=", "?3", "?4")
	"  ORDER BY i.at DESC, k.key, i.id DESC LIMIT 1)"
	" WHERE NOT EXISTS (SELECT 1 FROM interaction r WHERE r.opp_id = o.id"
	"  AND r.direction = 'in' AND r.at > x.at AND " SQL_MOMENT_BEFORE("r.at", "<=", "?3", "?4") ")"
	" ORDER BY st.key, o.id";
static const char SQL_INBOUND_SINCE[] =
	"SELECT 1 FROM interaction WHERE opp_id = ?1 AND direction = 'in'"
	" AND " SQL_MOMENT_AFTER("at", ">", "?2", "?3") " AND " SQL_MOMENT_BEFORE("at", "<=", "?4", "?5")
	" LIMIT 1";
static const char SQL_DONE_OF_RULES[] =
	"SELECT t.id, t.opp_id, ifnull(t.person_id, 0), t.done_at, f.chain, t.origin, t.created_at"
	" FROM json_each(?4) c CROSS JOIN task t ON t.opp_id = " SQL_EACH_ID("c") " AND t.status = 'done'"
	" LEFT JOIN rule_fire f ON f.task_id = t.id"
	" WHERE t.origin IN (?1, ?2) AND t.done_at >= ?3 ORDER BY t.id";
/* The people of the time rules' run with a cadence (the caller compares
 * their next touch with the day), and their last contact: whether due now
 * or ahead, a task names it. A task made ahead that no run has reached
 * (its day after ?3, the last run's) is the rules' guess, not a task: the
 * caller checks it against what the rules make now. */
static const char SQL_TOUCH_DUE[] =
	"SELECT p.id, " SQL_NEXT_TOUCH("p.") ","
	" (SELECT max(ip.at) FROM interaction_person ip WHERE ip.person_id = p.id"
	"  AND " SQL_MOMENT_BEFORE("ip.at", "<=", "?2", "?5") "),"
	" p.cadence, coalesce(p.last_contact, p.created_at)"
	" FROM json_each(?4) c CROSS JOIN person p ON p.id = " SQL_EACH_ID("c") " WHERE p.cadence IS NOT NULL"
	" AND NOT EXISTS (SELECT 1 FROM task t WHERE t.person_id = p.id AND t.status = 'open'"
	"  AND t.origin = ?1 AND NOT " SQL_TASK_AHEAD("t.", "?3") ")"
	" AND NOT EXISTS (SELECT 1 FROM rule_fire f WHERE f.rule = ?1"
	"  AND f.event = 'lapse:' || " SQL_NEXT_TOUCH("p.") " AND f.opp_id = 0"
	"  AND f.person_id = p.id AND NOT EXISTS (SELECT 1 FROM task t WHERE t.id = f.task_id"
	"  AND " SQL_TASK_AHEAD("t.", "?3") "))"
	" ORDER BY 2, p.id";
static const char SQL_RULE_FIRED[] =
	"SELECT 1 FROM rule_fire f WHERE f.rule = ?1 AND f.event = ?2 AND" FIRE_NOT_AHEAD("f");
static const char SQL_LATEST_STAGE_CHANGE[] =
	"SELECT id, at FROM stage_change WHERE opp_id = ? ORDER BY at DESC, id DESC LIMIT 1";

static void read_met(struct db_stmt *st, void *out)
{
	struct met_person *p = out;

	p->id = db_column_int64(st, 0);
	p->name = col_text(st, 1);
	p->rapport = db_column_int(st, 2);
	p->role = col_enum(st, 3, &role_def);
	p->has_cadence = db_column_int(st, 4);
	p->interviews = db_column_int(st, 5);
	p->talks = db_column_int(st, 6);
	p->participant = db_column_int(st, 7);
}

static void push_met(struct db_stmt *st, void *vec)
{
	read_met(st, VEC_PUSH((met_person_vec *)vec));
}

int store_met_people(struct store *s, int64_t opp_id, int64_t interaction_id,
		     met_person_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	db_bind_int64(st, 2, interaction_id);
	return store_each(s, st, push_met, out, "cannot read the people met", err);
}

static void push_search_person(struct db_stmt *st, void *vec)
{
	struct met_person *p = VEC_PUSH((met_person_vec *)vec);

	p->id = db_column_int64(st, 0);
	p->name = col_text(st, 1);
	p->rapport = db_column_int(st, 2);
	p->role = -1;
	p->has_cadence = db_column_int(st, 3);
	p->met_in_search = db_column_int(st, 4);
	p->adviser = db_column_int(st, 5);
}

int store_search_people(struct store *s, met_person_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SEARCH_PEOPLE, err);

	if (!st)
		return ERR_STORE;
	return store_each(s, st, push_search_person, out, "cannot read the people of the search",
			  err);
}

int store_interaction_people(struct store *s, int64_t interaction_id, met_person_vec *out,
			     struct error *err)
{
	return store_met_people(s, 0, interaction_id, out, err);
}

int store_met_person(struct store *s, int64_t person_id, struct met_person *out,
		     struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MET_ONE, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, person_id);
	return store_one(s, st, read_met, out, "person", person_id, err);
}

/* A follow-up's key in rule_fire, to ?1 .. ?4. */
static void bind_fire_key(struct db_stmt *st, const char *rule, const char *event, int64_t opp_id,
			  int64_t person_id)
{
	bind_text(st, 1, rule);
	bind_text(st, 2, event);
	db_bind_int64(st, 3, opp_id);
	db_bind_int64(st, 4, person_id);
}

int store_rule_fire(struct store *s, const char *rule, const char *event, int64_t opp_id,
		    int64_t person_id, const char *chain, bool *fresh, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_FIRE, err);

	if (!st)
		return ERR_STORE;
	bind_fire_key(st, rule, event, opp_id, person_id);
	bind_text(st, 5, chain);
	bind_text(st, 6, store_instant(s));
	if (store_exec_stmt(s, st, "cannot record a rule's follow-up", err))
		return err->code;
	*fresh = store_changes(s) == 1;
	return 0;
}

int store_rule_fire_task(struct store *s, const char *rule, const char *event, int64_t opp_id,
			 int64_t person_id, int64_t task_id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_FIRE_TASK, err);

	if (!st)
		return ERR_STORE;
	bind_fire_key(st, rule, event, opp_id, person_id);
	db_bind_int64(st, 5, task_id);
	return store_exec_stmt(s, st, "cannot record a rule's follow-up", err);
}

int store_chain_count(struct store *s, const char *chain, const char *rule, int *n,
		      struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_CHAIN_COUNT, err);
	int64_t count;
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, chain);
	bind_text(st, 2, rule);
	rc = store_number(s, st, &count, "cannot read", err);
	*n = (int)count;
	return rc;
}

int store_person_default_cadence(struct store *s, int64_t person_id, int days,
				 struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_DEFAULT_CADENCE, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, person_id);
	db_bind_int64(st, 2, days);
	bind_text(st, 3, store_instant(s));
	return store_exec_stmt(s, st, "cannot set the cadence", err);
}

int store_skip_rule_tasks(struct store *s, const char *rule, int64_t opp_id, const char *reason,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SKIP_RULE_TASKS, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	db_bind_int64(st, 2, opp_id);
	bind_text(st, 3, reason);
	bind_text(st, 4, store_instant(s));
	return store_exec_stmt(s, st, "cannot skip a rule's tasks", err);
}

int store_skip_person_rule_tasks(struct store *s, const char *rule, int64_t opp_id,
				 int64_t person_id, const char *reason, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SKIP_PERSON_RULE_TASKS, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	db_bind_int64(st, 2, opp_id);
	db_bind_int64(st, 3, person_id);
	bind_text(st, 5, reason);
	bind_text(st, 6, store_instant(s));
	return store_exec_stmt(s, st, "cannot skip a rule's tasks", err);
}

int store_end_chain(struct store *s, const char *rule, const char *after_rule, int64_t opp_id,
		    int64_t person_id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_END_CHAIN, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	bind_text(st, 2, after_rule ? after_rule : rule);
	db_bind_int64(st, 3, opp_id);
	db_bind_int64(st, 4, person_id);
	bind_text(st, 5, store_instant(s));
	return store_exec_stmt(s, st, "cannot end a rule's chain", err);
}

int store_skip_contradicted(struct store *s, const char *opps, const char *rule, int stage,
			    bool moved, const char *reason, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SKIP_CONTRADICTED, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 6, opps);
	bind_text(st, 1, rule);
	bind_text(st, 2, stage >= 0 ? enum_name(&stage_def, stage) : NULL);
	db_bind_int64(st, 3, moved);
	bind_text(st, 4, reason);
	bind_text(st, 5, store_instant(s));
	return store_exec_stmt(s, st, "cannot skip a rule's tasks", err);
}

static void silence_start_release(struct silence_start *start)
{
	free(start->at);
	free(start->chain);
	free(start->origin);
	free(start->since);
	free(start->logged);
}

VEC_RELEASE_FN(silence_vec_release, silence_vec, silence_start_release)

/* *yes: does st give a row? 0 or a negative ERR_* code. */
static int has_row(struct store *s, struct db_stmt *st, bool *yes, struct error *err)
{
	int rc = store_exists(s, st, "cannot read", err);

	*yes = rc == 1;
	return rc < 0 ? rc : 0;
}

/* Has anything come in on the opportunity after `at`? */
static int inbound_since(struct store *s, int64_t opp_id, const char *at, bool *yes,
			 struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_INBOUND_SINCE, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	bind_moment(st, 2, 3, at);
	bind_now(s, st, 4, 5);
	return has_row(s, st, yes, err);
}

/* The names of the values of def in mask (0: all) as a JSON array, in
 * their order. (Names are lowercase words: nothing to escape.) */
static void names_json(struct strbuf *sb, const struct enum_def *def, unsigned mask)
{
	strbuf_addch(sb, '[');
	for (int v = 0; v < (int)def->count; v++)
		if (!mask || (mask & (1u << v)))
			strbuf_addf(sb, "%s\"%s\"", sb->len > 1 ? "," : "", enum_name(def, v));
	strbuf_addch(sb, ']');
}

int store_silent_after_interaction(struct store *s, const char *opps, unsigned stages,
				   unsigned kinds, silence_vec *out, struct error *err)
{
	struct strbuf st_names = STRBUF_INIT, kind_names = STRBUF_INIT;
	struct db_stmt *st;
	int rc;

	if (!kinds)
		return 0;
	if (!(st = store_stmt(s, SQL_SILENT_OPPS, err)))
		return ERR_STORE;
	names_json(&st_names, &stage_def, stages);
	names_json(&kind_names, &interaction_kind_def, kinds);
	bind_text(st, 1, st_names.buf);
	bind_text(st, 2, kind_names.buf);
	bind_now(s, st, 3, 4);
	bind_text(st, 5, opps);
	while ((rc = store_step(s, st, "cannot read interactions", err)) == DB_ROW) {
		struct silence_start *x = VEC_PUSH(out);
		memset(x, 0, sizeof(*x));
		x->opp_id = db_column_int64(st, 0);
		x->event_id = db_column_int64(st, 1);
		x->at = col_time(st, 2);
		x->logged = col_stamp(st, 3);
	}
	db_reset(st);
	strbuf_release(&st_names);
	strbuf_release(&kind_names);
	return rc == DB_DONE ? 0 : rc;
}

int store_silent_after_done(struct store *s, const char *opps, const char *a, const char *b,
			    const char *since, silence_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_DONE_OF_RULES, err);
	silence_vec all = { 0 };
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, a);
	bind_text(st, 2, b);
	bind_instant(st, 3, since);
	bind_text(st, 4, opps);
	while ((rc = store_step(s, st, "cannot read tasks", err)) == DB_ROW) {
		struct silence_start *x = VEC_PUSH(&all);
		x->event_id = db_column_int64(st, 0);
		x->opp_id = db_column_int64(st, 1);
		x->person_id = db_column_int64(st, 2);
		x->at = col_time(st, 3);
		x->chain = col_text(st, 4);
		x->origin = col_text(st, 5);
		x->since = col_stamp(st, 6);
	}
	db_reset(st);
	rc = rc == DB_DONE ? 0 : rc;
	for (size_t i = 0; i < all.n && !rc; i++) {
		bool replied;
		/* a reply any time after the task was made ends the chain */
		if ((rc = inbound_since(s, all.items[i].opp_id, all.items[i].since, &replied, err)))
			break;
		if (!replied) {
			*VEC_PUSH(out) = all.items[i];
			memset(&all.items[i], 0, sizeof(all.items[i]));
		}
	}
	silence_vec_release(&all);
	return rc;
}

static void touch_due_release(struct touch_due *t)
{
	free(t->next_touch);
	free(t->due);
	free(t->last_contact);
	free(t->since);
}

VEC_RELEASE_FN(touch_vec_release, touch_vec, touch_due_release)

int store_rule_fired(struct store *s, const char *rule, const char *event, bool *yes,
		     struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_RULE_FIRED, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	bind_text(st, 2, event);
	return has_row(s, st, yes, err);
}

int store_touch_due(struct store *s, const char *people, const char *rule, const char *last,
		    touch_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TOUCH_DUE, err);
	char due[DATE_BUFSZ];
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, rule);
	bind_now(s, st, 2, 5);
	bind_text(st, 3, last);
	bind_text(st, 4, people);
	while ((rc = store_step(s, st, "cannot read people", err)) == DB_ROW) {
		struct touch_due *t = VEC_PUSH(out);
		t->person_id = db_column_int64(st, 0);
		t->next_touch = col_text(st, 1);
		t->last_contact = col_time(st, 2);
		t->cadence = db_column_int(st, 3);
		t->since = col_time(st, 4);
		store_touch_day(t->since, t->cadence, due);
		t->due = due[0] ? xstrdup(due) : NULL;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}

int store_latest_stage_change(struct store *s, int64_t opp_id, int64_t *id, char **at,
			      struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_LATEST_STAGE_CHANGE, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	rc = store_step(s, st, "cannot read the stage history", err);
	if (rc == DB_DONE)
		return error_set(err, ERR_NOT_FOUND, "no stage history");
	if (rc < 0)
		return rc;
	*id = db_column_int64(st, 0);
	*at = col_stamp(st, 1);
	db_reset(st);
	return 0;
}
