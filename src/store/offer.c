/* offer.c: reading and writing offers and their negotiation rounds. */
#include "store/offer.h"

#include <stdlib.h>

#include "store/store_internal.h"

#define OFFER_SELECT                                                                   \
	"SELECT f.id, f.opp_id, f.base, f.bonus, f.equity, f.title, f.level, f.start,"  \
	" f.deadline, f.benefits, f.notes, f.created_at, f.updated_at, p.slug, p.title,"  \
	" o.name, o.id FROM offer f JOIN opportunity p ON p.id = f.opp_id"                      \
	" JOIN organisation o ON o.id = p.org_id"

static const char SQL_OFFER_INSERT[] =
	"INSERT INTO offer (opp_id, base, bonus, equity, title, level, start, deadline, benefits,"
	" notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
static const char SQL_OFFER_UPDATE[] =
	"UPDATE offer SET base = ?2, bonus = ?3, equity = ?4, title = ?5, level = ?6, start = ?7,"
	" deadline = ?8, benefits = ?9, notes = ?10, updated_at = ?11 WHERE id = ?1";
static const char SQL_OFFER_OF_OPP[] = OFFER_SELECT " WHERE f.opp_id = ?";
static const char SQL_OFFER_LIST[] =
	OFFER_SELECT " ORDER BY f.deadline IS NULL, f.deadline, f.id";
static const char SQL_OFFER_DEADLINES[] =
	OFFER_SELECT " WHERE f.deadline >= ? ORDER BY f.deadline, f.id";
static const char SQL_OFFER_DEADLINES_TICK[] =
	OFFER_SELECT " WHERE f.id IN (SELECT g.id FROM json_each(?2) c CROSS JOIN offer g"
	" ON g.opp_id = " SQL_EACH_ID("c") ") AND f.deadline >= ?1 ORDER BY f.deadline, f.id";
static const char SQL_ROUND_INSERT[] =
	"INSERT INTO offer_round (offer_id, side, base, bonus, equity, title, level, start, text,"
	" at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_ROUNDS[] =
	"SELECT id, offer_id, side, base, bonus, equity, title, level, start, text, at,"
	" created_at FROM offer_round WHERE offer_id = ? ORDER BY at, id";

/* ---- binding and reading ---- */

/* Terms go to parameters first .. first + 5: base, bonus, equity, title, level, start. */
static void bind_terms(struct db_stmt *st, int first, const struct offer_terms *t)
{
	bind_opt_int(st, first, t->base);
	bind_opt_int(st, first + 1, t->bonus);
	bind_text(st, first + 2, t->equity);
	bind_text(st, first + 3, t->title);
	bind_text(st, first + 4, t->level);
	bind_text(st, first + 5, t->start);
}

static void read_terms(struct db_stmt *st, int first, struct offer_terms *t)
{
	t->base = col_opt_int(st, first);
	t->bonus = col_opt_int(st, first + 1);
	t->equity = col_text(st, first + 2);
	t->title = col_text(st, first + 3);
	t->level = col_text(st, first + 4);
	t->start = col_text(st, first + 5);
}

static void read_offer(struct db_stmt *st, void *out)
{
	struct offer *o = out;

	o->id = db_column_int64(st, 0);
	o->opp_id = db_column_int64(st, 1);
	read_terms(st, 2, &o->terms);
	o->deadline = col_text(st, 8);
	o->benefits = col_text(st, 9);
	o->notes = col_text(st, 10);
	o->created_at = col_stamp(st, 11);
	o->updated_at = col_stamp(st, 12);
	o->opp.id = o->opp_id;
	o->opp.slug = col_text(st, 13);
	o->opp.title = col_text(st, 14);
	o->opp.org_name = col_text(st, 15);
	o->opp.org_id = db_column_int64(st, 16);
}

static void push_offer(struct db_stmt *st, void *vec)
{
	read_offer(st, VEC_PUSH((offer_vec *)vec));
}

static void bind_offer(struct db_stmt *st, struct store *s, const struct offer *o)
{
	bind_terms(st, 2, &o->terms);
	bind_text(st, 8, o->deadline);
	bind_text(st, 9, o->benefits);
	bind_text(st, 10, o->notes);
	bind_text(st, 11, store_instant(s));
}

/* ---- offers ---- */

int store_offer_add(struct store *s, struct offer *o, struct error *err)
{
	struct offer old = { 0 };
	struct db_stmt *st;
	bool found;

	if (offer_validate(o, err) || store_offer_of_opp(s, o->opp_id, &old, &found, err))
		return err->code;
	offer_release(&old);
	if (found)
		return error_set(err, ERR_CONFLICT, "the opportunity already has an offer");
	if (!(st = store_stmt(s, SQL_OFFER_INSERT, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, o->opp_id);
	bind_offer(st, s, o);
	if (store_exec_stmt(s, st, "cannot add the offer", err))
		return err->code;
	o->id = store_last_id(s);
	return 0;
}

int store_offer_update(struct store *s, const struct offer *o, struct error *err)
{
	struct db_stmt *st;

	if (offer_validate(o, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_OFFER_UPDATE, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, o->id);
	bind_offer(st, s, o);
	return store_exec_stmt(s, st, "cannot change the offer", err);
}

int store_offer_of_opp(struct store *s, int64_t opp_id, struct offer *out, bool *found,
		       struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OFFER_OF_OPP, err);
	int rc;

	*found = false;
	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	rc = store_step(s, st, "cannot read the offer", err);
	if (rc == DB_ROW) {
		read_offer(st, out);
		*found = true;
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

static int read_offers(struct store *s, struct db_stmt *st, offer_vec *out, struct error *err)
{
	return store_each(s, st, push_offer, out, "cannot list the offers", err);
}

int store_offer_list(struct store *s, offer_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OFFER_LIST, err);

	return st ? read_offers(s, st, out, err) : ERR_STORE;
}

int store_offer_deadlines_from(struct store *s, const char *day, offer_vec *out,
			       struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OFFER_DEADLINES, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, day);
	return read_offers(s, st, out, err);
}

int store_offer_deadlines_ticked(struct store *s, const char *opps, const char *day,
				 offer_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_OFFER_DEADLINES_TICK, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, day);
	bind_text(st, 2, opps);
	return read_offers(s, st, out, err);
}

/* ---- levels, for the agenda's mismatches ---- */

/* ?1 is the ids as a JSON array: one statement, however many there are */
static const char SQL_OPP_LEVELS[] =
	"SELECT p.id, p.level_applied, p.level_offered, f.level FROM opportunity p"
	" LEFT JOIN offer f ON f.opp_id = p.id"
	" WHERE p.id IN (SELECT " SQL_EACH_ID("c") " FROM json_each(?1) c)"
	" AND p.level_applied IS NOT NULL AND (p.level_offered IS NOT NULL OR f.level IS NOT NULL)";

static void opp_levels_release(struct opp_levels *l)
{
	free(l->applied);
	free(l->offered);
	free(l->offer_level);
}

VEC_RELEASE_FN(opp_levels_vec_release, opp_levels_vec, opp_levels_release)

int store_opp_levels(struct store *s, const int64_t *ids, size_t n, opp_levels_vec *out,
		     struct error *err)
{
	struct strbuf json = STRBUF_INIT;
	struct db_stmt *st;
	int rc;

	if (!(st = store_stmt(s, SQL_OPP_LEVELS, err)))
		return ERR_STORE;
	strbuf_addch(&json, '[');
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&json, "%s%lld", i ? "," : "", (long long)ids[i]);
	strbuf_addch(&json, ']');
	bind_text(st, 1, json.buf);
	while ((rc = store_step(s, st, "cannot read the levels", err)) == DB_ROW) {
		struct opp_levels *l = VEC_PUSH(out);
		l->opp_id = db_column_int64(st, 0);
		l->applied = col_text(st, 1);
		l->offered = col_text(st, 2);
		l->offer_level = col_text(st, 3);
	}
	db_reset(st);
	strbuf_release(&json);
	return rc == DB_DONE ? 0 : rc;
}

/* ---- rounds ---- */

int store_offer_round_add(struct store *s, struct offer_round *r, struct error *err)
{
	struct db_stmt *st;

	if (offer_round_validate(r, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_ROUND_INSERT, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, r->offer_id);
	bind_text(st, 2, enum_name(&offer_side_def, (int)r->side));
	bind_terms(st, 3, &r->terms);
	bind_text(st, 9, r->text);
	bind_time(st, 10, r->at);
	bind_text(st, 11, store_instant(s));
	if (store_exec_stmt(s, st, "cannot record the round", err))
		return err->code;
	r->id = store_last_id(s);
	return 0;
}

int store_offer_rounds(struct store *s, int64_t offer_id, offer_round_vec *out,
		       struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ROUNDS, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, offer_id);
	while ((rc = store_step(s, st, "cannot read the rounds", err)) == DB_ROW) {
		struct offer_round *r = VEC_PUSH(out);
		int side = col_enum(st, 2, &offer_side_def);
		r->id = db_column_int64(st, 0);
		r->offer_id = db_column_int64(st, 1);
		r->side = side < 0 ? OFFER_REPLY : (enum offer_side)side;
		read_terms(st, 3, &r->terms);
		r->text = col_text(st, 9);
		r->at = col_time(st, 10);
		r->created_at = col_stamp(st, 11);
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}
