/*
 * remove.c: removing a record with what goes with it (see remove.h).
 *
 * What goes is decided here, once, for the command line and the web:
 * - an opportunity: its stage history, people links, tasks, offers (with
 *   their rounds), debriefs, questions asked and want marks; its
 *   interactions stay in the timelines of the people in them, about no
 *   opportunity, and those with nobody in them (they would be left
 *   nowhere) go; feedback stays, about no opportunity;
 * - a person: their tags, links to opportunities and interactions, and
 *   their follow-ups (improvement actions stay with their feedback); interactions with nobody else and no opportunity go;
 *   feedback and want marks they gave stay, from no one;
 * - an organisation: its opportunities and people, each as above;
 * - an interaction: its people's links (their last contact recomputed);
 *   want marks and debriefs that cite it stay, citing nothing;
 * - a debrief: its questions asked and the want marks their answers made;
 * - feedback: improvement actions stay, following no feedback;
 * - an offer: its rounds (the caller skips its deadline's follow-ups).
 * The rules' memory of what they did for a person or an opportunity goes
 * too (rule_fire): an id can be reused, and a new record must not inherit
 * "already done".
 */
#include "store/remove.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/store_internal.h"

/* ---- what goes ---- */

struct part_spec {
	enum record_kind kind;
	const char *one, *many;
	bool unlinked, own;
	const char *sql; /* a count; ?1 is the record's id, ?2 (if there) today */
};

/* A task counts as it shows: one made ahead, not before its day (it goes
 * with the record all the same: nobody saw it). */
#define TASK_SHOWN " AND " SQL_TASK_SHOWN("", "?2")

/* interaction i has someone in it / someone besides person ?1 */
#define HAS_PEOPLE "EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id)"
#define HAS_OTHERS                                                                \
	"EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id" \
	" AND ip.person_id != ?1)"
#define HAS_HIM                                                                   \
	"EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id" \
	" AND ip.person_id = ?1)"

/* Improvement actions stay with the feedback they follow, which stays. */
#define NOT_IMPROVEMENT "feedback_id IS NULL"

#define ORG_OPPS "(SELECT id FROM opportunity WHERE org_id = ?1)"
#define ORG_PEOPLE "(SELECT id FROM person WHERE org_id = ?1)"
/* Removing an organisation's opportunities, then its people, removes an
 * interaction i when it is about one of them or about none, and everyone
 * in it is one of its people (and it touches the organisation at all). */
#define ORG_REMOVES_INTERACTION                                                   \
	"(i.opp_id IS NULL OR i.opp_id IN " ORG_OPPS ") AND NOT EXISTS"            \
	" (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id"     \
	"  AND ip.person_id NOT IN " ORG_PEOPLE ") AND (i.opp_id IN " ORG_OPPS     \
	" OR EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id))"

static const struct part_spec part_specs[] = {
	{ REC_OPP, "stage change", "stage changes", false, true,
	  "SELECT count(*) FROM stage_change WHERE opp_id = ?1" },
	{ REC_OPP, "person link", "person links", false, false,
	  "SELECT count(*) FROM opp_person WHERE opp_id = ?1" },
	{ REC_OPP, "interaction with no one in it", "interactions with no one in them", false,
	  false, "SELECT count(*) FROM interaction i WHERE i.opp_id = ?1 AND NOT " HAS_PEOPLE },
	{ REC_OPP, "task", "tasks", false, false, "SELECT count(*) FROM task WHERE opp_id = ?1 AND " NOT_IMPROVEMENT TASK_SHOWN },
	{ REC_OPP, "offer", "offers", false, false,
	  "SELECT count(*) FROM offer WHERE opp_id = ?1" },
	{ REC_OPP, "debrief", "debriefs", false, false,
	  "SELECT count(*) FROM debrief WHERE opp_id = ?1" },
	{ REC_OPP, "question asked", "questions asked", false, false,
	  "SELECT count(*) FROM asked WHERE opp_id = ?1" },
	{ REC_OPP, "want mark", "want marks", false, false,
	  "SELECT count(*) FROM want_evidence WHERE opp_id = ?1" },
	{ REC_OPP, "interaction", "interactions", true, false,
	  "SELECT count(*) FROM interaction i WHERE i.opp_id = ?1 AND " HAS_PEOPLE },
	{ REC_OPP, "feedback", "feedback", true, false,
	  "SELECT count(*) FROM feedback WHERE opp_id = ?1" },

	{ REC_PERSON, "tag", "tags", false, true,
	  "SELECT count(*) FROM person_tag WHERE person_id = ?1" },
	{ REC_PERSON, "opportunity link", "opportunity links", false, false,
	  "SELECT count(*) FROM opp_person WHERE person_id = ?1" },
	{ REC_PERSON, "interaction with only them", "interactions with only them", false, false,
	  "SELECT count(*) FROM interaction i WHERE i.opp_id IS NULL AND " HAS_HIM
	  " AND NOT " HAS_OTHERS },
	{ REC_PERSON, "task", "tasks", false, false,
	  "SELECT count(*) FROM task WHERE person_id = ?1 AND " NOT_IMPROVEMENT TASK_SHOWN },
	{ REC_PERSON, "interaction", "interactions", true, false,
	  "SELECT count(*) FROM interaction i WHERE " HAS_HIM
	  " AND (i.opp_id IS NOT NULL OR " HAS_OTHERS ")" },
	{ REC_PERSON, "feedback", "feedback", true, false,
	  "SELECT count(*) FROM feedback WHERE person_id = ?1" },
	{ REC_PERSON, "want mark", "want marks", true, false,
	  "SELECT count(*) FROM want_evidence WHERE person_id = ?1" },

	/* an organisation: its opportunities go first, then its people */
	{ REC_ORG, "person", "people", false, false, "SELECT count(*) FROM person WHERE org_id = ?1" },
	{ REC_ORG, "opportunity", "opportunities", false, false,
	  "SELECT count(*) FROM opportunity WHERE org_id = ?1" },
	{ REC_ORG, "stage change", "stage changes", false, false,
	  "SELECT count(*) FROM stage_change WHERE opp_id IN " ORG_OPPS },
	{ REC_ORG, "tag", "tags", false, false,
	  "SELECT count(*) FROM person_tag WHERE person_id IN " ORG_PEOPLE },
	{ REC_ORG, "person link", "person links", false, false,
	  "SELECT count(*) FROM opp_person WHERE opp_id IN " ORG_OPPS
	  " OR person_id IN " ORG_PEOPLE },
	{ REC_ORG, "interaction", "interactions", false, false,
	  "SELECT count(*) FROM interaction i WHERE " ORG_REMOVES_INTERACTION },
	{ REC_ORG, "task", "tasks", false, false,
	  "SELECT count(*) FROM task WHERE (opp_id IN " ORG_OPPS " OR person_id IN " ORG_PEOPLE
	  ") AND " NOT_IMPROVEMENT TASK_SHOWN },
	{ REC_ORG, "offer", "offers", false, false,
	  "SELECT count(*) FROM offer WHERE opp_id IN " ORG_OPPS },
	{ REC_ORG, "debrief", "debriefs", false, false,
	  "SELECT count(*) FROM debrief WHERE opp_id IN " ORG_OPPS },
	{ REC_ORG, "question asked", "questions asked", false, false,
	  "SELECT count(*) FROM asked WHERE opp_id IN " ORG_OPPS },
	{ REC_ORG, "want mark", "want marks", false, false,
	  "SELECT count(*) FROM want_evidence WHERE opp_id IN " ORG_OPPS },
	{ REC_ORG, "interaction", "interactions", true, false,
	  "SELECT count(*) FROM interaction i WHERE (i.opp_id IN " ORG_OPPS " OR EXISTS"
	  " (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id AND ip.person_id"
	  " IN " ORG_PEOPLE ")) AND NOT (" ORG_REMOVES_INTERACTION ")" },
	{ REC_ORG, "feedback", "feedback", true, false,
	  "SELECT count(*) FROM feedback WHERE opp_id IN " ORG_OPPS " OR person_id IN " ORG_PEOPLE },
	{ REC_ORG, "want mark", "want marks", true, false,
	  "SELECT count(*) FROM want_evidence WHERE person_id IN " ORG_PEOPLE
	  " AND opp_id NOT IN " ORG_OPPS },

	{ REC_INTERACTION, "person link", "person links", false, true,
	  "SELECT count(*) FROM interaction_person WHERE interaction_id = ?1" },
	{ REC_INTERACTION, "want mark", "want marks", true, false,
	  "SELECT count(*) FROM want_evidence WHERE interaction_id = ?1" },
	{ REC_INTERACTION, "debrief", "debriefs", true, false,
	  "SELECT count(*) FROM debrief WHERE interaction_id = ?1" },

	{ REC_FEEDBACK, "improvement action", "improvement actions", true, false,
	  "SELECT count(*) FROM task WHERE feedback_id = ?1" },

	{ REC_OFFER, "round", "rounds", false, true,
	  "SELECT count(*) FROM offer_round WHERE offer_id = ?1" },

	{ REC_DEBRIEF, "question asked", "questions asked", false, true,
	  "SELECT count(*) FROM asked WHERE debrief_id = ?1" },
	{ REC_DEBRIEF, "want mark", "want marks", false, false,
	  "SELECT count(*) FROM asked WHERE debrief_id = ?1 AND evidence_id IS NOT NULL" },
};

static const struct {
	const char *name;
	const char *exists; /* ?1 is the id */
} kinds[] = {
	[REC_ORG] = { "organisation", "SELECT 1 FROM organisation WHERE id = ?1" },
	[REC_PERSON] = { "person", "SELECT 1 FROM person WHERE id = ?1" },
	[REC_OPP] = { "opportunity", "SELECT 1 FROM opportunity WHERE id = ?1" },
	[REC_TASK] = { "task", "SELECT 1 FROM task WHERE id = ?1" TASK_SHOWN },
	[REC_INTERACTION] = { "interaction", "SELECT 1 FROM interaction WHERE id = ?1" },
	[REC_FEEDBACK] = { "feedback", "SELECT 1 FROM feedback WHERE id = ?1" },
	[REC_OFFER] = { "offer", "SELECT 1 FROM offer WHERE id = ?1" },
	[REC_DEBRIEF] = { "debrief", "SELECT 1 FROM debrief WHERE id = ?1" },
};

const char *record_kind_name(enum record_kind kind)
{
	return kinds[kind].name;
}

bool remove_impact_reaches(const struct remove_impact *im)
{
	for (size_t i = 0; i < im->n; i++)
		if (im->parts[i].n && !im->parts[i].own)
			return true;
	return false;
}

/* The single number a query returns, with ?1 bound to id. */
static int count_of(struct store *s, const char *sql, int64_t id, int64_t *n,
		    struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	if (strstr(sql, "?2"))
		bind_today(s, st, 2);
	return store_number(s, st, n, "cannot count", err);
}

static int must_exist(struct store *s, enum record_kind kind, int64_t id, struct error *err)
{
	int64_t n;

	if (count_of(s, kinds[kind].exists, id, &n, err))
		return err->code;
	return n ? 0 : error_set(err, ERR_NOT_FOUND, "no %s %lld", kinds[kind].name, (long long)id);
}

/* Add n of spec's thing to im, joining it to an entry of the same name. */
static void impact_add(struct remove_impact *im, const struct remove_part *p)
{
	for (size_t i = 0; i < im->n; i++)
		if (!strcmp(im->parts[i].one, p->one) && im->parts[i].unlinked == p->unlinked) {
			im->parts[i].n += p->n;
			return;
		}
	if (im->n < REMOVE_PARTS_MAX)
		im->parts[im->n++] = *p;
}

static int impact_of(struct store *s, enum record_kind kind, int64_t id,
		     struct remove_impact *out, struct error *err)
{
	for (size_t i = 0; i < ARRAY_SIZE(part_specs); i++) {
		const struct part_spec *sp = &part_specs[i];
		struct remove_part p = { sp->one, sp->many, 0, sp->unlinked, sp->own };

		if (sp->kind != kind)
			continue;
		if (count_of(s, sp->sql, id, &p.n, err))
			return err->code;
		impact_add(out, &p);
	}
	return 0;
}

static const char SQL_ORG_OPP_IDS[] = "SELECT id FROM opportunity WHERE org_id = ? ORDER BY id";
static const char SQL_ORG_PERSON_IDS[] = "SELECT id FROM person WHERE org_id = ? ORDER BY id";

static int ids_of(struct store *s, const char *sql, int64_t id, id_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_each(s, st, store_push_id, out, "cannot read the records", err);
}

int store_remove_impact(struct store *s, enum record_kind kind, int64_t id,
			struct remove_impact *out, struct error *err)
{
	out->n = 0;
	if (must_exist(s, kind, id, err))
		return err->code;
	return impact_of(s, kind, id, out, err);
}

/* ---- removing ---- */

/* The statements that remove a record of each kind, in order; ?1 is its id.
 * The foreign keys' ON DELETE clauses (schema.c) do the rest. */
static const char *const remove_opp_sql[] = {
	"DELETE FROM task WHERE opp_id = ?1 AND " NOT_IMPROVEMENT,
	"DELETE FROM interaction AS i WHERE i.opp_id = ?1 AND NOT " HAS_PEOPLE,
	"DELETE FROM rule_fire WHERE opp_id = ?1",
	"DELETE FROM opportunity WHERE id = ?1",
	NULL,
};
static const char *const remove_person_sql[] = {
	"DELETE FROM task WHERE person_id = ?1 AND " NOT_IMPROVEMENT,
	"DELETE FROM interaction AS i WHERE i.opp_id IS NULL AND " HAS_HIM " AND NOT " HAS_OTHERS,
	"DELETE FROM rule_fire WHERE person_id = ?1",
	"DELETE FROM person WHERE id = ?1",
	NULL,
};
static const char *const remove_org_sql[] = { "DELETE FROM organisation WHERE id = ?1", NULL };
static const char *const remove_task_sql[] = { "DELETE FROM task WHERE id = ?1", NULL };
static const char *const remove_interaction_sql[] = {
	"DELETE FROM interaction WHERE id = ?1", NULL,
};
static const char *const remove_feedback_sql[] = { "DELETE FROM feedback WHERE id = ?1", NULL };
static const char *const remove_offer_sql[] = { "DELETE FROM offer WHERE id = ?1", NULL };
static const char *const remove_debrief_sql[] = {
	"DELETE FROM want_evidence WHERE id IN"
	" (SELECT evidence_id FROM asked WHERE debrief_id = ?1)",
	"DELETE FROM debrief WHERE id = ?1",
	NULL,
};

static const char *const *const remove_sql[] = {
	[REC_ORG] = remove_org_sql,         [REC_PERSON] = remove_person_sql,
	[REC_OPP] = remove_opp_sql,         [REC_TASK] = remove_task_sql,
	[REC_INTERACTION] = remove_interaction_sql, [REC_FEEDBACK] = remove_feedback_sql,
	[REC_OFFER] = remove_offer_sql,     [REC_DEBRIEF] = remove_debrief_sql,
};

static int run_all(struct store *s, const char *const *sql, int64_t id, const char *doing,
		   struct error *err)
{
	for (; *sql; sql++)
		if (store_exec_id(s, *sql, id, doing, err))
			return err->code;
	return 0;
}

/* The last contact is the latest interaction with them (that has happened:
 * ?2 and ?3 are now), else the day you connected: as history.c keeps it. */
static const char SQL_CONTACT_WITHOUT[] =
	"UPDATE person SET last_contact = (SELECT max(d) FROM"
	" (SELECT max(ip.at) AS d FROM interaction_person ip"
	"  WHERE ip.person_id = person.id AND ip.interaction_id != ?1"
	"  AND " SQL_MOMENT_BEFORE("ip.at", "<=", "?2", "?3")
	"  UNION ALL SELECT person.connected_on) AS c)"
	" WHERE id IN (SELECT person_id FROM interaction_person WHERE interaction_id = ?1)";

/* Recompute the last contact of the people of interaction (as if it were
 * not there: call it before removing the interaction). */
static int store_recompute_contact_without(struct store *s, int64_t interaction_id,
					   struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_CONTACT_WITHOUT, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, interaction_id);
	bind_now(s, st, 2, 3);
	return store_exec_stmt(s, st, "cannot recompute the last contact", err);
}

/* An interaction that is removed (an interview cancelled, or logged by
 * mistake) or moved takes its reasons with it: the open follow-ups its
 * rules made (a thank-you, a silence letter) end, saying why, and the rules
 * forget it, so that an interaction that takes its id later is not taken
 * for it (and a moved one gets its follow-ups anew). */
static const char SQL_END_INTERACTION_TASKS[] =
	"UPDATE task SET status = 'skipped', done_at = ?2,"
	" why = CASE WHEN why IS NULL THEN ?3 ELSE why || ' ' || ?3 END"
	" WHERE status = 'open' AND " SQL_TASK_NOT_AHEAD("") " AND id IN"
	" (SELECT task_id FROM rule_fire WHERE event = 'i:' || ?1)";
static const char SQL_FORGET_INTERACTION[] = "DELETE FROM rule_fire WHERE event = 'i:' || ?1";

int store_end_interaction_rules(struct store *s, int64_t id, const char *why, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_END_INTERACTION_TASKS, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_text(st, 2, store_instant(s));
	bind_text(st, 3, why);
	if (store_exec_stmt(s, st, "cannot end the follow-ups of the interaction", err))
		return err->code;
	return store_exec_id(s, SQL_FORGET_INTERACTION, id,
			     "cannot end the follow-ups of the interaction", err);
}

static const char *const move_interaction_sql[] = {
	"UPDATE interaction SET at = ?2, at_offset = ?3 WHERE id = ?1",
	"UPDATE interaction_person SET at = ?2 WHERE interaction_id = ?1",
	/* the last contact as the insert trigger and person.c keep it */
	"UPDATE person SET last_contact = (SELECT max(d) FROM"
	" (SELECT max(ip.at) AS d FROM interaction_person ip WHERE ip.person_id = person.id"
	"  UNION ALL SELECT person.connected_on) AS c)"
	" WHERE id IN (SELECT person_id FROM interaction_person WHERE interaction_id = ?1)",
	NULL,
};

int store_interaction_move(struct store *s, int64_t id, const char *at, struct error *err)
{
	if (must_exist(s, REC_INTERACTION, id, err))
		return err->code;
	for (const char *const *sql = move_interaction_sql; *sql; sql++) {
		struct db_stmt *st = store_stmt(s, *sql, err);
		if (!st)
			return ERR_STORE;
		db_bind_int64(st, 1, id);
		if (db_param_count(st) > 1)
			bind_time(st, 2, at);
		if (db_param_count(st) > 2)
			bind_local_offset(st, 3, at);
		if (store_exec_stmt(s, st, "cannot move the interaction", err))
			return err->code;
	}
	return 0;
}

static int remove_org(struct store *s, int64_t id, struct error *err)
{
	id_vec opps = { 0 }, people = { 0 };
	int rc;

	if ((rc = ids_of(s, SQL_ORG_OPP_IDS, id, &opps, err)) ||
	    (rc = ids_of(s, SQL_ORG_PERSON_IDS, id, &people, err)))
		goto out;
	for (size_t i = 0; !rc && i < opps.n; i++)
		rc = run_all(s, remove_opp_sql, opps.items[i], "cannot remove the opportunity", err);
	for (size_t i = 0; !rc && i < people.n; i++)
		rc = run_all(s, remove_person_sql, people.items[i], "cannot remove the person", err);
	if (!rc)
		rc = run_all(s, remove_org_sql, id, "cannot remove the organisation", err);
out:
	free(opps.items);
	free(people.items);
	return rc;
}

int store_remove(struct store *s, enum record_kind kind, int64_t id, struct error *err)
{
	char doing[64];

	if (must_exist(s, kind, id, err))
		return err->code;
	if (kind == REC_ORG)
		return remove_org(s, id, err);
	if (kind == REC_INTERACTION &&
	    (store_recompute_contact_without(s, id, err) ||
	     store_end_interaction_rules(s, id, "Ended: the interaction it followed was removed.",
					 err)))
		return err->code;
	snprintf(doing, sizeof(doing), "cannot remove the %s", kinds[kind].name);
	return run_all(s, remove_sql[kind], id, doing, err);
}
