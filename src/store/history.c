/* history.c: the marks that keep interactions from starting rules (see history.h). */
#include "store/history.h"

#include <stdio.h>

#include "store/store_internal.h"

static const char SQL_MARK[] =
	"INSERT OR IGNORE INTO rule_fire (rule, event, opp_id, person_id, chain, at)"
	" VALUES (?1, 'i:' || ?2, 0, 0, NULL, ?3)";
static const char SQL_UNMARK[] = "DELETE FROM rule_fire WHERE rule = ?1 AND event = 'i:' || ?2";
static const char SQL_MARKED[] =
	"SELECT 1 FROM rule_fire WHERE rule = ?1 AND event = 'i:' || ?2";
/* Not "NOT IN (SELECT event ...)": rule_fire's key leads with the rule. */
static const char SQL_MARK_UNRULED[] =
	"INSERT OR IGNORE INTO rule_fire (rule, event, opp_id, person_id, chain, at)"
	" SELECT '" STORE_MARK_HISTORY "', 'i:' || i.id, 0, 0, NULL, ?1 FROM interaction i"
	" WHERE " SQL_MOMENT_BEFORE("i.at", "<=", "?1", "?2") " AND NOT EXISTS (SELECT 1 FROM rule_fire f"
	"  WHERE f.event = 'i:' || i.id)";
static const char SQL_PLANNED_DUE[] =
	"SELECT i.id FROM rule_fire f JOIN interaction i"
	" ON i.id = CAST(substr(f.event, 3) AS INTEGER)"
	" WHERE f.rule = '" STORE_MARK_PLANNED "' AND " SQL_MOMENT_BEFORE("i.at", "<=", "?1", "?2")
	" ORDER BY i.at, i.id";
static const char SQL_AHEAD[] =
	INTERACTION_SELECT " WHERE " SQL_MOMENT_AFTER("i.at", ">", "?1", "?2")
	" AND (?3 IS NULL OR " SQL_MOMENT_BEFORE("i.at", "<", "?3", "?4") ") ORDER BY i.at, i.id";
/* As remove.c keeps it (the latest interaction, else the day you
 * connected), counting only what has happened by now (?2, ?3). */
#define SQL_CONTACT_AS_OF_NOW                                                    \
	"UPDATE person SET last_contact = (SELECT max(d) FROM"                    \
	" (SELECT max(ip.at) AS d FROM interaction_person ip"                     \
	"  WHERE ip.person_id = person.id AND " SQL_MOMENT_BEFORE("ip.at", "<=", "?2", "?3") \
	"  UNION ALL SELECT person.connected_on) AS c)"
static const char SQL_CONTACT_SETTLE[] =
	SQL_CONTACT_AS_OF_NOW
	" WHERE id IN (SELECT person_id FROM interaction_person WHERE interaction_id = ?1)";
/* ?1 is unused: the same binding as SQL_CONTACT_SETTLE; from interaction_at */
static const char SQL_CONTACT_SETTLE_AHEAD[] =
	SQL_CONTACT_AS_OF_NOW
	" WHERE ?1 = 0 AND id IN (SELECT ip.person_id FROM interaction i"
	"  JOIN interaction_person ip ON ip.interaction_id = i.id"
	"  WHERE " SQL_MOMENT_AFTER("i.at", ">", "?2", "?3") ")";

/* Run sql (a mark's statement) for mark and the interaction id. */
static struct db_stmt *mark_stmt(struct store *s, const char *sql, int64_t id, const char *mark,
			       struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (st) {
		bind_text(st, 1, mark);
		db_bind_int64(st, 2, id);
	}
	return st;
}

int store_interaction_mark(struct store *s, int64_t id, const char *mark, struct error *err)
{
	struct db_stmt *st = mark_stmt(s, SQL_MARK, id, mark, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 3, store_instant(s));
	return store_exec_stmt(s, st, "cannot mark the interaction", err);
}

int store_interaction_unmark(struct store *s, int64_t id, const char *mark, struct error *err)
{
	struct db_stmt *st = mark_stmt(s, SQL_UNMARK, id, mark, err);

	return st ? store_exec_stmt(s, st, "cannot unmark the interaction", err) : ERR_STORE;
}

int store_interaction_marked(struct store *s, int64_t id, const char *mark, bool *yes,
			     struct error *err)
{
	struct db_stmt *st = mark_stmt(s, SQL_MARKED, id, mark, err);
	int rc;

	if (!st)
		return ERR_STORE;
	rc = store_exists(s, st, "cannot read the interaction's marks", err);
	*yes = rc == 1;
	return rc < 0 ? rc : 0;
}

int store_mark_unruled_history(struct store *s, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MARK_UNRULED, err);

	if (!st)
		return ERR_STORE;
	bind_now(s, st, 1, 2);
	return store_exec_stmt(s, st, "cannot mark the imported interactions", err);
}

int store_planned_due(struct store *s, id_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PLANNED_DUE, err);

	if (!st)
		return ERR_STORE;
	bind_now(s, st, 1, 2);
	return store_each(s, st, store_push_id, out, "cannot read planned interactions", err);
}

int store_interactions_ahead(struct store *s, const char *until, interaction_vec *out,
			     struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_AHEAD, err);

	if (!st)
		return ERR_STORE;
	bind_now(s, st, 1, 2);
	bind_moment(st, 3, 4, until);
	return store_interaction_read_all(s, st, out, err);
}

int store_contact_settle(struct store *s, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, id ? SQL_CONTACT_SETTLE : SQL_CONTACT_SETTLE_AHEAD, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_now(s, st, 2, 3);
	return store_exec_stmt(s, st, "cannot recompute the last contact", err);
}
