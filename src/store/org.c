/* org.c: organisations in the store. */
#include "store/store_internal.h"

#include <stdlib.h>

#include "core/text.h"

static const char SQL_ORG_INSERT[] =
	"INSERT INTO organisation (name, website, location, notes, created_at, updated_at, name_key)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)";
static const char SQL_ORG_UPDATE[] =
	"UPDATE organisation SET name = ?2, website = ?3, location = ?4, notes = ?5,"
	" updated_at = ?6, name_key = ?7 WHERE id = ?1";
static const char SQL_ORG_GET[] =
	"SELECT id, name, website, location, notes, created_at, updated_at FROM organisation"
	" WHERE id = ?";
static const char SQL_ORG_LIST[] =
	"SELECT id, name, website, location, notes, created_at, updated_at FROM organisation"
	" ORDER BY name COLLATE NOCASE, id";
static const char SQL_ORG_NAME_TAKEN[] =
	"SELECT 1 FROM organisation WHERE name_key = ?1 AND id != ?2";
static const char SQL_ORG_PEOPLE[] =
	"SELECT id, name FROM person WHERE org_id = ? ORDER BY name COLLATE NOCASE, id";
static const char SQL_ORG_OPPS[] =
	"SELECT id FROM opportunity WHERE org_id = ? ORDER BY created_at, id";

static void read_org(struct db_stmt *st, void *out)
{
	struct org *o = out;

	o->id = db_column_int64(st, 0);
	o->name = col_text(st, 1);
	o->website = col_text(st, 2);
	o->location = col_text(st, 3);
	o->notes = col_text(st, 4);
	o->created_at = col_stamp(st, 5);
	o->updated_at = col_stamp(st, 6);
}

static void push_org(struct db_stmt *st, void *vec)
{
	read_org(st, VEC_PUSH((org_vec *)vec));
}

static int name_taken(struct store *s, const char *name, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ORG_NAME_TAKEN, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text_owned(st, 1, text_fold(name));
	db_bind_int64(st, 2, id);
	rc = store_exists(s, st, "cannot check the name", err);
	if (rc == 1)
		return error_set(err, ERR_CONFLICT, "an organisation named '%s' already exists",
				 name);
	return rc;
}

int store_org_add(struct store *s, struct org *o, struct error *err)
{
	struct db_stmt *st;

	org_tidy(o);
	if (org_validate(o, err) || name_taken(s, o->name, 0, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_ORG_INSERT, err)))
		return ERR_STORE;
	bind_text(st, 1, o->name);
	bind_text(st, 2, o->website);
	bind_text(st, 3, o->location);
	bind_text(st, 4, o->notes);
	bind_text(st, 5, store_instant(s));
	bind_text_owned(st, 6, text_fold(o->name));
	if (store_exec_stmt(s, st, "cannot add the organisation", err))
		return err->code;
	o->id = store_last_id(s);
	return 0;
}

int store_org_update(struct store *s, struct org *o, struct error *err)
{
	struct db_stmt *st;

	org_tidy(o);
	if (org_validate(o, err) || name_taken(s, o->name, o->id, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_ORG_UPDATE, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, o->id);
	bind_text(st, 2, o->name);
	bind_text(st, 3, o->website);
	bind_text(st, 4, o->location);
	bind_text(st, 5, o->notes);
	bind_text(st, 6, store_instant(s));
	bind_text_owned(st, 7, text_fold(o->name));
	return store_exec_stmt(s, st, "cannot change the organisation", err);
}

int store_org_get(struct store *s, int64_t id, struct org *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ORG_GET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_one(s, st, read_org, out, "organisation", id, err);
}

int store_org_list(struct store *s, org_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ORG_LIST, err);

	if (!st)
		return ERR_STORE;
	return store_each(s, st, push_org, out, "cannot list organisations", err);
}

static void push_person_ref(struct db_stmt *st, void *vec)
{
	struct person_ref *r = VEC_PUSH((person_ref_vec *)vec);

	r->id = db_column_int64(st, 0);
	r->name = col_text(st, 1);
	r->role = -1;
}

int store_org_people(struct store *s, int64_t org_id, person_ref_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ORG_PEOPLE, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, org_id);
	return store_each(s, st, push_person_ref, out, "cannot list the people", err);
}

int store_org_opps(struct store *s, int64_t org_id, opp_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ORG_OPPS, err);
	int rc;
	id_vec ids = { 0 };

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, org_id);
	rc = store_each(s, st, store_push_id, &ids, "cannot list the opportunities", err);
	for (size_t i = 0; !rc && i < ids.n; i++)
		rc = store_opp_get(s, ids.items[i], VEC_PUSH(out), err);
	free(ids.items);
	return rc;
}
