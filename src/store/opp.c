/* opp.c: opportunities, their stage history and the people linked to them. */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"

#define OPP_SELECT                                                               \
	"SELECT p.id, p.org_id, o.name, p.title, p.slug, p.level_applied, p.level_offered," \
	" p.source, p.url, p.salary_target, p.salary_low, p.salary_high, p.salary_offered," \
	" p.stage, p.stage_changed_at, p.notes, p.created_at, p.updated_at"      \
	" FROM opportunity p JOIN organisation o ON o.id = p.org_id"

static const char SQL_OPP_INSERT[] =
	"INSERT INTO opportunity (org_id, title, slug, level_applied, level_offered, source,"
	" url, salary_target, salary_low, salary_high, salary_offered, stage, notes,"
	" stage_changed_at, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?14)";
static const char SQL_OPP_UPDATE[] =
	"UPDATE opportunity SET org_id = ?1, title = ?2, slug = ?3, level_applied = ?4,"
	" level_offered = ?5, source = ?6, url = ?7, salary_target = ?8, salary_low = ?9,"
	" salary_high = ?10, salary_offered = ?11, notes = ?13, updated_at = ?14"
	" WHERE id = ?15 AND stage = ?12";
static const char SQL_OPP_GET[] = OPP_SELECT " WHERE p.id = ?";
static const char SQL_OPP_LIST[] =
	OPP_SELECT " WHERE ?1 IS NULL OR p.stage = ?1 ORDER BY p.stage_changed_at DESC, p.id DESC";
static const char SQL_SLUG_TAKEN[] = "SELECT 1 FROM opportunity WHERE slug = ?1 AND id != ?2";
static const char SQL_OPP_MOVE[] =
	"UPDATE opportunity SET stage = ?2, stage_changed_at = ?3, updated_at = ?3 WHERE id = ?1";
static const char SQL_STAGE_CHANGE_ADD[] =
	"INSERT INTO stage_change (opp_id, from_stage, to_stage, at, note) VALUES (?, ?, ?, ?, ?)";
static const char SQL_STAGE_HISTORY[] =
	"SELECT id, from_stage, to_stage, at, note FROM stage_change WHERE opp_id = ?"
	" ORDER BY at, id";
static const char SQL_OPP_LINK[] =
	"INSERT INTO opp_person (opp_id, person_id, role, created_at) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT (opp_id, person_id) DO UPDATE SET role = excluded.role";
static const char SQL_OPP_PEOPLE[] =
	"SELECT p.id, p.name, l.role FROM opp_person l JOIN person p ON p.id = l.person_id"
	" WHERE l.opp_id = ? ORDER BY l.created_at, p.name COLLATE NOCASE, p.id";

static void read_opp(struct db_stmt *st, void *out)
{
	struct opp *o = out;
	int stage;

	o->id = db_column_int64(st, 0);
	o->org_id = db_column_int64(st, 1);
	o->org_name = col_text(st, 2);
	o->title = col_text(st, 3);
	o->slug = col_text(st, 4);
	o->level_applied = col_text(st, 5);
	o->level_offered = col_text(st, 6);
	o->source = col_text(st, 7);
	o->url = col_text(st, 8);
	o->salary_target = col_opt_int(st, 9);
	o->salary_low = col_opt_int(st, 10);
	o->salary_high = col_opt_int(st, 11);
	o->salary_offered = col_opt_int(st, 12);
	stage = col_enum(st, 13, &stage_def);
	o->stage = stage < 0 ? STAGE_LEAD : (enum stage)stage;
	o->stage_changed_at = col_stamp(st, 14);
	o->notes = col_text(st, 15);
	o->created_at = col_stamp(st, 16);
	o->updated_at = col_stamp(st, 17);
}

static void push_opp(struct db_stmt *st, void *vec)
{
	read_opp(st, VEC_PUSH((opp_vec *)vec));
}

static void bind_opp(struct db_stmt *st, struct store *s, const struct opp *o)
{
	db_bind_int64(st, 1, o->org_id);
	bind_text(st, 2, o->title);
	bind_text(st, 3, o->slug);
	bind_text(st, 4, o->level_applied);
	bind_text(st, 5, o->level_offered);
	bind_text(st, 6, o->source);
	bind_text(st, 7, o->url);
	bind_opt_int(st, 8, o->salary_target);
	bind_opt_int(st, 9, o->salary_low);
	bind_opt_int(st, 10, o->salary_high);
	bind_opt_int(st, 11, o->salary_offered);
	bind_text(st, 12, enum_name(&stage_def, (int)o->stage));
	bind_text(st, 13, o->notes);
	bind_text(st, 14, store_instant(s));
}

/* 1 when slug is used by another opportunity than id, 0 when free. */
static int slug_taken(struct store *s, const char *slug, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SLUG_TAKEN, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, slug);
	db_bind_int64(st, 2, id);
	rc = store_step(s, st, "cannot check the slug", err);
	db_reset(st);
	if (rc == DB_ROW)
		return 1;
	return rc == DB_DONE ? 0 : rc;
}

/* A free slug from the organisation's name and the title: acme-data-lead, then -2, -3... */
static int derive_slug(struct store *s, const struct opp *o, char **out, struct error *err)
{
	struct strbuf base = STRBUF_INIT, sb = STRBUF_INIT;
	int rc = 0;

	slug_append(&base, o->org_name ? o->org_name : "");
	slug_append(&base, o->title);
	if (base.len > 80)
		strbuf_grow(&base, 0), base.len = 80, base.buf[80] = '\0';
	while (base.len && base.buf[base.len - 1] == '-')
		base.buf[--base.len] = '\0';
	if (!base.len || slug_check(base.buf, NULL))
		strbuf_addstr(&base, base.len ? "-opportunity" : "opportunity");
	strbuf_addstr(&sb, base.buf);
	for (int n = 2; (rc = slug_taken(s, sb.buf, 0, err)) == 1; n++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s-%d", base.buf, n);
	}
	strbuf_release(&base);
	if (rc < 0) {
		strbuf_release(&sb);
		return rc;
	}
	*out = strbuf_detach(&sb);
	return 0;
}

static int add_stage_change(struct store *s, int64_t opp_id, int from, enum stage to,
			    const char *note, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_STAGE_CHANGE_ADD, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	bind_text(st, 2, from < 0 ? NULL : enum_name(&stage_def, from));
	bind_text(st, 3, enum_name(&stage_def, (int)to));
	bind_text(st, 4, store_instant(s));
	bind_text(st, 5, note && *note ? note : NULL);
	return store_exec_stmt(s, st, "cannot record the stage change", err);
}

int store_opp_add(struct store *s, struct opp *o, struct error *err)
{
	struct db_stmt *st;
	int rc;

	opp_tidy(o);
	if (opp_validate(o, err))
		return err->code;
	if (o->slug) {
		if ((rc = slug_taken(s, o->slug, 0, err)) != 0)
			return rc < 0 ? rc : error_set(err, ERR_CONFLICT,
						       "the slug '%s' is taken", o->slug);
	} else if (derive_slug(s, o, &o->slug, err)) {
		return err->code;
	}
	if (!(st = store_stmt(s, SQL_OPP_INSERT, err)))
		return ERR_STORE;
	bind_opp(st, s, o);
	if (store_exec_stmt(s, st, "cannot add the opportunity", err))
		return err->code;
	o->id = store_last_id(s);
	return add_stage_change(s, o->id, -1, o->stage, NULL, err);
}

int store_opp_update(struct store *s, struct opp *o, struct error *err)
{
	struct db_stmt *st;
	int rc;

	opp_tidy(o);
	if (opp_validate(o, err))
		return err->code;
	if (!o->slug)
		return error_set(err, ERR_INVALID, "an opportunity needs a slug");
	if ((rc = slug_taken(s, o->slug, o->id, err)) != 0)
		return rc < 0 ? rc : error_set(err, ERR_CONFLICT, "the slug '%s' is taken", o->slug);
	if (!(st = store_stmt(s, SQL_OPP_UPDATE, err)))
		return ERR_STORE;
	bind_opp(st, s, o);
	db_bind_int64(st, 15, o->id);
	if (store_exec_stmt(s, st, "cannot change the opportunity", err))
		return err->code;
	if (store_changes(s) != 1)
		return error_set(err, ERR_CONFLICT,
				 "the opportunity changed stage meanwhile; use 'opp move'");
	return 0;
}

int store_opp_get(struct store *s, int64_t id, struct opp *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OPP_GET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_one(s, st, read_opp, out, "opportunity", id, err);
}

int store_opp_list(struct store *s, int stage, opp_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OPP_LIST, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, stage < 0 ? NULL : enum_name(&stage_def, stage));
	return store_each(s, st, push_opp, out, "cannot list opportunities", err);
}

int store_opp_move(struct store *s, int64_t id, enum stage to, const char *note,
		   struct error *err)
{
	struct opp o = { 0 };
	struct db_stmt *st;
	int rc;

	if (text_check("note", note, 0, err))
		return ERR_INVALID;
	if (store_opp_get(s, id, &o, err))
		return err->code;
	if (o.stage == to) {
		rc = error_set(err, ERR_CONFLICT, "'%s' is already in stage %s", o.slug,
			       enum_name(&stage_def, (int)to));
		opp_release(&o);
		return rc;
	}
	if (!(st = store_stmt(s, SQL_OPP_MOVE, err))) {
		opp_release(&o);
		return ERR_STORE;
	}
	db_bind_int64(st, 1, id);
	bind_text(st, 2, enum_name(&stage_def, (int)to));
	bind_text(st, 3, store_instant(s));
	rc = store_exec_stmt(s, st, "cannot move the opportunity", err);
	if (!rc)
		rc = add_stage_change(s, id, (int)o.stage, to, note, err);
	opp_release(&o);
	return rc;
}

int store_opp_link(struct store *s, int64_t opp_id, int64_t person_id, enum role role,
		   struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OPP_LINK, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	db_bind_int64(st, 2, person_id);
	bind_text(st, 3, enum_name(&role_def, (int)role));
	bind_text(st, 4, store_instant(s));
	return store_exec_stmt(s, st, "cannot link the person", err);
}

int store_opp_people(struct store *s, int64_t opp_id, person_ref_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OPP_PEOPLE, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	while ((rc = store_step(s, st, "cannot list the people", err)) == DB_ROW) {
		struct person_ref *r = VEC_PUSH(out);
		r->id = db_column_int64(st, 0);
		r->name = col_text(st, 1);
		r->role = col_enum(st, 2, &role_def);
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}

int store_opp_history(struct store *s, int64_t opp_id, stage_change_vec *out,
		      struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_STAGE_HISTORY, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	while ((rc = store_step(s, st, "cannot read the stage history", err)) == DB_ROW) {
		struct stage_change *c = VEC_PUSH(out);
		int to = col_enum(st, 2, &stage_def);
		c->id = db_column_int64(st, 0);
		c->from = col_enum(st, 1, &stage_def);
		c->to = to < 0 ? STAGE_LEAD : (enum stage)to;
		c->at = col_stamp(st, 3);
		c->note = col_text(st, 4);
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}
