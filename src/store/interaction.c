/* interaction.c: conversations and messages, and the people in them. */
#include "store/store_internal.h"

#include <stdlib.h>

static const char SQL_INTERACTION_INSERT[] =
	"INSERT INTO interaction (kind, at, direction, opp_id, summary, notes, chemistry,"
	" created_at, at_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INTERACTION_PERSON_ADD[] =
	"INSERT OR IGNORE INTO interaction_person (interaction_id, person_id, at) VALUES (?, ?, ?)";
static const char SQL_LINK_IF_NEW[] =
	"INSERT OR IGNORE INTO opp_person (opp_id, person_id, role, created_at)"
	" VALUES (?, ?, ?, ?)";
static const char SQL_INTERACTION_GET[] = INTERACTION_SELECT " WHERE i.id = ?";
static const char SQL_INTERACTION_PEOPLE[] =
	"SELECT p.id, p.name FROM interaction_person ip JOIN person p ON p.id = ip.person_id"
	" WHERE ip.interaction_id = ? ORDER BY p.name COLLATE NOCASE, p.id";
/* The limit applies to the index before any join. */
static const char SQL_INTERACTIONS_OF_PERSON[] =
	INTERACTION_SELECT " WHERE i.id IN (SELECT interaction_id FROM interaction_person"
	" WHERE person_id = ?1 ORDER BY at DESC, interaction_id DESC LIMIT ?2)"
	" ORDER BY i.at DESC, i.id DESC";
static const char SQL_COUNT_OF_PERSON[] =
	"SELECT count(*) FROM interaction_person WHERE person_id = ?";
/* The newest ?2, oldest first (column 3 is i.at). */
static const char SQL_INTERACTIONS_OF_OPP[] =
	"SELECT * FROM (" INTERACTION_SELECT " WHERE i.opp_id = ?1"
	" ORDER BY i.at DESC, i.id DESC LIMIT ?2) AS newest ORDER BY 3, 1";
static const char SQL_COUNT_OF_OPP[] = "SELECT count(*) FROM interaction WHERE opp_id = ?";

static const char SQL_INTERACTION_EDIT[] =
	"UPDATE interaction SET summary = ?2, notes = ?3, chemistry = ?4 WHERE id = ?1";

int store_interaction_edit(struct store *s, struct interaction *i, struct error *err)
{
	struct db_stmt *st;

	interaction_tidy(i);
	if (interaction_validate(i, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_INTERACTION_EDIT, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, i->id);
	bind_text(st, 2, i->summary);
	bind_text(st, 3, i->notes);
	bind_opt_int(st, 4, i->chemistry);
	return store_exec_stmt(s, st, "cannot change the interaction", err);
}

int store_interaction_add(struct store *s, struct interaction *i, struct error *err)
{
	struct db_stmt *st;
	const char *role = i->kind == IKIND_INTERVIEW ? "interviewer" : "other";

	interaction_tidy(i);
	if (interaction_validate(i, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_INTERACTION_INSERT, err)))
		return ERR_STORE;
	bind_text(st, 1, enum_name(&interaction_kind_def, (int)i->kind));
	bind_time(st, 2, i->at);
	bind_text(st, 3, enum_name(&direction_def, (int)i->direction));
	bind_id(st, 4, i->opp.id);
	bind_text(st, 5, i->summary);
	bind_text(st, 6, i->notes);
	bind_opt_int(st, 7, i->chemistry);
	bind_text(st, 8, store_instant(s));
	bind_local_offset(st, 9, i->at);
	if (store_exec_stmt(s, st, "cannot log the interaction", err))
		return err->code;
	i->id = store_last_id(s);
	for (size_t k = 0; k < i->people.n; k++) {
		if (!(st = store_stmt(s, SQL_INTERACTION_PERSON_ADD, err)))
			return ERR_STORE;
		db_bind_int64(st, 1, i->id);
		db_bind_int64(st, 2, i->people.items[k].id);
		bind_time(st, 3, i->at);
		if (store_exec_stmt(s, st, "cannot add a person to the interaction", err))
			return err->code;
		if (!i->opp.id)
			continue;
		if (!(st = store_stmt(s, SQL_LINK_IF_NEW, err)))
			return ERR_STORE;
		db_bind_int64(st, 1, i->opp.id);
		db_bind_int64(st, 2, i->people.items[k].id);
		bind_text(st, 3, role);
		bind_text(st, 4, store_instant(s));
		if (store_exec_stmt(s, st, "cannot link a person to the opportunity", err))
			return err->code;
	}
	return 0;
}

void store_interaction_read_row(struct db_stmt *st, struct interaction *i)
{
	int kind = col_enum(st, 1, &interaction_kind_def);
	int dir = col_enum(st, 3, &direction_def);

	i->id = db_column_int64(st, 0);
	i->kind = kind < 0 ? IKIND_NOTE : (enum interaction_kind)kind;
	i->at = col_time(st, 2);
	i->direction = dir < 0 ? DIR_OUT : (enum direction)dir;
	col_opp_ref(st, 4, &i->opp);
	i->summary = col_text(st, 9);
	i->notes = col_text(st, 10);
	i->chemistry = (int)col_opt_int(st, 11);
	i->created_at = col_stamp(st, 12);
	i->has_at_offset = db_column_type(st, 13) != VALUE_NULL;
	i->at_offset = db_column_int(st, 13);
}

static int store_interaction_read_people(struct store *s, struct interaction *i,
					 struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_INTERACTION_PEOPLE, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, i->id);
	while ((rc = store_step(s, st, "cannot read the interaction", err)) == DB_ROW) {
		struct person_ref *r = VEC_PUSH(&i->people);
		r->id = db_column_int64(st, 0);
		r->name = col_text(st, 1);
		r->role = -1;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}

static void push_interaction(struct db_stmt *st, void *vec)
{
	store_interaction_read_row(st, VEC_PUSH((interaction_vec *)vec));
}

/* Run st (bound by the caller) and read every interaction with its people. */
int store_interaction_read_all(struct store *s, struct db_stmt *st, interaction_vec *out,
			       struct error *err)
{
	size_t first = out->n;
	int rc;

	if ((rc = store_each(s, st, push_interaction, out, "cannot read interactions", err)))
		return rc;
	for (size_t k = first; k < out->n; k++)
		if (store_interaction_read_people(s, &out->items[k], err))
			return err->code;
	return 0;
}

int store_interaction_get(struct store *s, int64_t id, struct interaction *out,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_INTERACTION_GET, err);
	interaction_vec v = { 0 };

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	if (store_interaction_read_all(s, st, &v, err)) {
		interaction_vec_release(&v);
		return err->code;
	}
	if (!v.n) {
		interaction_vec_release(&v);
		return error_set(err, ERR_NOT_FOUND, "no interaction %lld", (long long)id);
	}
	*out = v.items[0];
	free(v.items);
	return 0;
}

/* Run a count(*) query bound to id. */
static int count_of(struct store *s, const char *sql, int64_t id, int64_t *total,
		    struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_number(s, st, total, "cannot count interactions", err);
}

/* Fill out by the statement sql (bound to id and limit) and *total by count_sql. */
static int interactions_of(struct store *s, const char *sql, const char *count_sql, int64_t id,
			   int limit, interaction_vec *out, int64_t *total, struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, limit > 0 ? limit : -1);
	if (store_interaction_read_all(s, st, out, err))
		return err->code;
	if (!total)
		return 0;
	if (limit <= 0 || out->n < (size_t)limit) {
		*total = (int64_t)out->n;
		return 0;
	}
	return count_of(s, count_sql, id, total, err);
}

int store_interactions_of_person(struct store *s, int64_t person_id, int limit,
				 interaction_vec *out, int64_t *total, struct error *err)
{
	return interactions_of(s, SQL_INTERACTIONS_OF_PERSON, SQL_COUNT_OF_PERSON, person_id,
			       limit, out, total, err);
}

int store_interactions_of_opp(struct store *s, int64_t opp_id, int limit, interaction_vec *out,
			      int64_t *total, struct error *err)
{
	return interactions_of(s, SQL_INTERACTIONS_OF_OPP, SQL_COUNT_OF_OPP, opp_id, limit, out,
			       total, err);
}
