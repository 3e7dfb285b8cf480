/*
 * merge.c: two records that are one person or one organisation become one
 * (see remove.h). Every link of the other moves to the one kept; a link
 * both had (the same opportunity, the same interaction, the same tag) is
 * kept once, with the kept one's role; then the other is removed.
 */
#include "store/remove.h"

#include "store/store_internal.h"

/* ?1 is the one kept, ?2 the other. Each statement's count is what moved. */
static const char SQL_MOVE_INTERACTIONS[] =
	"INSERT OR IGNORE INTO interaction_person (interaction_id, person_id, at)"
	" SELECT interaction_id, ?1, at FROM interaction_person WHERE person_id = ?2";
static const char SQL_MOVE_OPP_LINKS[] =
	"INSERT OR IGNORE INTO opp_person (opp_id, person_id, role, created_at)"
	" SELECT opp_id, ?1, role, created_at FROM opp_person WHERE person_id = ?2";
static const char SQL_MOVE_TAGS[] =
	"INSERT OR IGNORE INTO person_tag (person_id, tag)"
	" SELECT ?1, tag FROM person_tag WHERE person_id = ?2";
static const char SQL_MOVE_TASKS[] = "UPDATE task SET person_id = ?1 WHERE person_id = ?2";
static const char SQL_MOVE_FEEDBACK[] = "UPDATE feedback SET person_id = ?1 WHERE person_id = ?2";
static const char SQL_MOVE_MARKS[] =
	"UPDATE want_evidence SET person_id = ?1 WHERE person_id = ?2";
static const char SQL_MOVE_ASKED[] = "UPDATE asked SET person_id = ?1 WHERE person_id = ?2";
/* What the rules did for the other counts as done for the one kept, so no
 * follow-up comes twice; where both had one, the kept one's stays. */
static const char SQL_MOVE_FIRES[] =
	"UPDATE rule_fire SET person_id = ?1 WHERE person_id = ?2 AND NOT EXISTS"
	" (SELECT 1 FROM rule_fire f WHERE f.rule = rule_fire.rule AND f.event = rule_fire.event"
	"  AND f.opp_id = rule_fire.opp_id AND f.person_id = ?1)";
static const char SQL_DROP_FIRES[] = "DELETE FROM rule_fire WHERE person_id = ?2";

/* The fields the kept one lacks, from the other; notes joined (the kept
 * one's first). The last contact is the later of the two (the moved
 * interactions' trigger has set it already; the day connected may be
 * later). */
static const char SQL_FILL_PERSON[] =
	"UPDATE person AS k SET org_id = coalesce(k.org_id, o.org_id),"
	" title = coalesce(k.title, o.title), email = coalesce(k.email, o.email),"
	" phone = coalesce(k.phone, o.phone), linkedin = coalesce(k.linkedin, o.linkedin),"
	" rapport = coalesce(k.rapport, o.rapport), cadence = coalesce(k.cadence, o.cadence),"
	" connected_on = coalesce(k.connected_on, o.connected_on),"
	" notes = CASE WHEN k.notes IS NULL OR k.notes = '' THEN o.notes"
	"  WHEN o.notes IS NULL OR o.notes = '' THEN k.notes"
	"  ELSE k.notes || '\n\n' || o.notes END,"
	" last_contact = CASE WHEN ifnull(o.last_contact, '') > ifnull(k.last_contact, '')"
	"  THEN o.last_contact ELSE k.last_contact END,"
	" updated_at = ?3"
	" FROM (SELECT * FROM person WHERE id = ?2) AS o WHERE k.id = ?1";
/* Whether the other (o) fills the kept one's (k) empty field col: 1 or 0,
 * as a number on every backend (PostgreSQL adds no booleans). */
#define FILLS(col) "(CASE WHEN k." col " IS NULL AND o." col " IS NOT NULL THEN 1 ELSE 0 END)"
#define FILLS_NOTES "(CASE WHEN ifnull(o.notes, '') != '' THEN 1 ELSE 0 END)"
/* How many fields the other fills (before SQL_FILL_PERSON). */
static const char SQL_FILLED_PERSON[] =
	"SELECT " FILLS("org_id") " + " FILLS("title") " + " FILLS("email") " + " FILLS("phone")
	" + " FILLS("linkedin") " + " FILLS("rapport") " + " FILLS("cadence")
	" + " FILLS("connected_on") " + " FILLS_NOTES
	" FROM person k, person o WHERE k.id = ?1 AND o.id = ?2";
static const char SQL_DROP_PERSON[] = "DELETE FROM person WHERE id = ?2";

static const char SQL_MOVE_PEOPLE[] = "UPDATE person SET org_id = ?1 WHERE org_id = ?2";
static const char SQL_MOVE_OPPS[] = "UPDATE opportunity SET org_id = ?1 WHERE org_id = ?2";
static const char SQL_FILL_ORG[] =
	"UPDATE organisation AS k SET website = coalesce(k.website, o.website),"
	" location = coalesce(k.location, o.location),"
	" notes = CASE WHEN k.notes IS NULL OR k.notes = '' THEN o.notes"
	"  WHEN o.notes IS NULL OR o.notes = '' THEN k.notes"
	"  ELSE k.notes || '\n\n' || o.notes END,"
	" updated_at = ?3"
	" FROM (SELECT * FROM organisation WHERE id = ?2) AS o WHERE k.id = ?1";
static const char SQL_FILLED_ORG[] =
	"SELECT " FILLS("website") " + " FILLS("location") " + " FILLS_NOTES
	" FROM organisation k, organisation o WHERE k.id = ?1 AND o.id = ?2";
static const char SQL_DROP_ORG[] = "DELETE FROM organisation WHERE id = ?2";

/* Run sql with the two ids (and the time as ?3 when it has one); *moved
 * (may be NULL) receives the rows it changed. */
static int step(struct store *s, const char *sql, int64_t keep, int64_t other, int64_t *moved,
		struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, keep);
	db_bind_int64(st, 2, other);
	if (db_param_count(st) >= 3)
		bind_text(st, 3, store_instant(s));
	if (store_exec_stmt(s, st, "cannot merge", err))
		return err->code;
	if (moved)
		*moved = store_changes(s);
	return 0;
}

static int count_filled(struct store *s, const char *sql, int64_t keep, int64_t other,
			int64_t *n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, keep);
	db_bind_int64(st, 2, other);
	return store_number(s, st, n, "cannot merge", err);
}

static int not_itself(int64_t keep, int64_t other, const char *what, struct error *err)
{
	if (keep != other)
		return 0;
	return error_set(err, ERR_INVALID, "cannot merge %s %lld with itself: name two different "
			 "records", what, (long long)keep);
}

int store_person_merge(struct store *s, int64_t keep, int64_t other, struct merge_outcome *out,
		       struct error *err)
{
	struct person k = { 0 }, o = { 0 };
	int rc;

	*out = (struct merge_outcome){ 0 };
	if ((rc = not_itself(keep, other, "person", err)) ||
	    (rc = store_person_get(s, keep, &k, err)) || (rc = store_person_get(s, other, &o, err)))
		goto done;
	rc = count_filled(s, SQL_FILLED_PERSON, keep, other, &out->fields, err) ||
	     step(s, SQL_MOVE_INTERACTIONS, keep, other, &out->interactions, err) ||
	     step(s, SQL_MOVE_OPP_LINKS, keep, other, &out->opps, err) ||
	     step(s, SQL_MOVE_TAGS, keep, other, &out->tags, err) ||
	     step(s, SQL_MOVE_TASKS, keep, other, &out->tasks, err) ||
	     step(s, SQL_MOVE_FEEDBACK, keep, other, &out->feedback, err) ||
	     step(s, SQL_MOVE_MARKS, keep, other, &out->marks, err) ||
	     step(s, SQL_MOVE_ASKED, keep, other, NULL, err) ||
	     step(s, SQL_MOVE_FIRES, keep, other, NULL, err) ||
	     step(s, SQL_DROP_FIRES, keep, other, NULL, err) ||
	     step(s, SQL_FILL_PERSON, keep, other, NULL, err) ||
	     step(s, SQL_DROP_PERSON, keep, other, NULL, err) ? err->code : 0;
done:
	person_release(&k);
	person_release(&o);
	return rc;
}

int store_org_merge(struct store *s, int64_t keep, int64_t other, struct merge_outcome *out,
		    struct error *err)
{
	struct org k = { 0 }, o = { 0 };
	int rc;

	*out = (struct merge_outcome){ 0 };
	if ((rc = not_itself(keep, other, "organisation", err)) ||
	    (rc = store_org_get(s, keep, &k, err)) || (rc = store_org_get(s, other, &o, err)))
		goto done;
	rc = count_filled(s, SQL_FILLED_ORG, keep, other, &out->fields, err) ||
	     step(s, SQL_MOVE_PEOPLE, keep, other, &out->people, err) ||
	     step(s, SQL_MOVE_OPPS, keep, other, &out->opps, err) ||
	     step(s, SQL_FILL_ORG, keep, other, NULL, err) ||
	     step(s, SQL_DROP_ORG, keep, other, NULL, err) ? err->code : 0;
done:
	org_release(&k);
	org_release(&o);
	return rc;
}

/* ---- reopening a task ---- */

static const char SQL_TASK_LOGGED[] = "SELECT logged_interaction_id FROM task WHERE id = ?1";
static const char SQL_TASK_SET_LOGGED[] =
	"UPDATE task SET logged_interaction_id = ?2 WHERE id = ?1";
static const char SQL_TASK_REOPEN[] =
	"UPDATE task SET status = 'open', done_at = NULL, logged_interaction_id = NULL"
	" WHERE id = ?1 AND status != 'open'";

int store_task_logged(struct store *s, int64_t task_id, int64_t *interaction_id,
		      struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TASK_LOGGED, err);

	if (!st)
		return ERR_STORE;
	*interaction_id = 0;
	db_bind_int64(st, 1, task_id);
	return store_one(s, st, store_read_id, interaction_id, "task", task_id, err);
}

int store_task_set_logged(struct store *s, int64_t task_id, int64_t interaction_id,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TASK_SET_LOGGED, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, task_id);
	bind_id(st, 2, interaction_id);
	return store_exec_stmt(s, st, "cannot change the task", err);
}

int store_task_reopen(struct store *s, int64_t task_id, struct error *err)
{
	if (store_exec_id(s, SQL_TASK_REOPEN, task_id, "cannot reopen the task", err))
		return err->code;
	if (store_changes(s) == 0)
		return error_set(err, ERR_CONFLICT, "task %lld is open already", (long long)task_id);
	return 0;
}
