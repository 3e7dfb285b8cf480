/* want.c: the user's wants, and the evidence of where each stands on an opportunity. */
#include "store/store_internal.h"
#include "store/wants.h"

#include <stdlib.h>

#include "core/text.h"

#define WANT_COLS "id, text, weight, must, category, created_at, updated_at"

static const char SQL_WANT_INSERT[] =
	"INSERT INTO want (text, text_key, weight, must, category, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char SQL_WANT_UPDATE[] =
	"UPDATE want SET text = ?2, text_key = ?3, weight = ?4, must = ?5, category = ?6,"
	" updated_at = ?7 WHERE id = ?1";
static const char SQL_WANT_GET[] = "SELECT " WANT_COLS " FROM want WHERE id = ?";
static const char SQL_WANT_LIST[] =
	"SELECT " WANT_COLS " FROM want ORDER BY weight DESC, must DESC, id";
static const char SQL_WANT_TAKEN[] = "SELECT 1 FROM want WHERE text_key = ?1 AND id != ?2";
static const char SQL_WANT_USES[] = "SELECT count(*) FROM want_evidence WHERE want_id = ?1";
static const char SQL_WANT_DELETE[] = "DELETE FROM want WHERE id = ?";
static const char SQL_EVIDENCE_INSERT[] =
	"INSERT INTO want_evidence (opp_id, want_id, status, person_id, interaction_id, note, at,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_EVIDENCE_OF_OPP[] =
	"SELECT e.id, e.want_id, e.status, e.person_id, p.name, e.interaction_id, e.note, e.at,"
	" e.created_at FROM want_evidence e LEFT JOIN person p ON p.id = e.person_id"
	" WHERE e.opp_id = ? ORDER BY e.want_id, e.id";
/* The latest evidence of each (opportunity, want): the highest id. */
static const char SQL_WANT_STATUSES[] =
	"SELECT opp_id, want_id, status FROM want_evidence e"
	" WHERE id = (SELECT max(id) FROM want_evidence"
	"  WHERE opp_id = e.opp_id AND want_id = e.want_id)"
	" ORDER BY opp_id, want_id";

static void read_want(struct db_stmt *st, int col, struct want *w)
{
	w->id = db_column_int64(st, col);
	w->text = col_text(st, col + 1);
	w->weight = db_column_int(st, col + 2);
	w->must = db_column_int(st, col + 3) != 0;
	w->category = db_column_type(st, col + 4) == VALUE_NULL
			      ? -1
			      : col_enum(st, col + 4, &want_category_def);
	w->created_at = col_stamp(st, col + 5);
	w->updated_at = col_stamp(st, col + 6);
}

static void push_want(struct db_stmt *st, void *vec)
{
	read_want(st, 0, VEC_PUSH((want_vec *)vec));
}

static int text_taken(struct store *s, const char *text, int64_t id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WANT_TAKEN, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text_owned(st, 1, text_fold(text));
	db_bind_int64(st, 2, id);
	if ((rc = store_exists(s, st, "cannot check the want", err)) == 1)
		return error_set(err, ERR_CONFLICT, "you already have the want '%s'", text);
	return rc;
}

static void bind_want(struct db_stmt *st, int first, const struct want *w)
{
	bind_text_owned(st, first, text_fold(w->text));
	db_bind_int64(st, first + 1, w->weight);
	db_bind_int64(st, first + 2, w->must);
	bind_text(st, first + 3,
		  w->category >= 0 ? enum_name(&want_category_def, w->category) : NULL);
}

int store_want_add(struct store *s, struct want *w, struct error *err)
{
	struct db_stmt *st;

	if (want_validate(w, err) || text_taken(s, w->text, 0, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_WANT_INSERT, err)))
		return ERR_STORE;
	bind_text(st, 1, w->text);
	bind_want(st, 2, w);
	bind_text(st, 6, store_instant(s));
	if (store_exec_stmt(s, st, "cannot add the want", err))
		return err->code;
	w->id = store_last_id(s);
	return store_want_get(s, w->id, w, err);
}

/* A store_read_fn: the want in out (filled before, or zeroed) replaced. */
static void reread_want(struct db_stmt *st, void *out)
{
	want_release(out);
	read_want(st, 0, out);
}

int store_want_get(struct store *s, int64_t id, struct want *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WANT_GET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_one(s, st, reread_want, out, "want", id, err);
}

int store_want_update(struct store *s, const struct want *w, struct error *err)
{
	struct db_stmt *st;

	if (want_validate(w, err) || text_taken(s, w->text, w->id, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_WANT_UPDATE, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, w->id);
	bind_text(st, 2, w->text);
	bind_want(st, 3, w);
	bind_text(st, 7, store_instant(s));
	return store_exec_stmt(s, st, "cannot change the want", err);
}

int store_want_list(struct store *s, want_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WANT_LIST, err);

	if (!st)
		return ERR_STORE;
	return store_each(s, st, push_want, out, "cannot list the wants", err);
}

int store_want_uses(struct store *s, int64_t id, int64_t *n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WANT_USES, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_number(s, st, n, "cannot count the want's evidence", err);
}

int store_want_delete(struct store *s, int64_t id, struct error *err)
{
	return store_exec_id(s, SQL_WANT_DELETE, id, "cannot remove the want", err);
}

int store_want_mark(struct store *s, struct want_evidence *e, struct error *err)
{
	struct db_stmt *st;

	if (text_check("note", e->note, 0, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_EVIDENCE_INSERT, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, e->opp_id);
	db_bind_int64(st, 2, e->want_id);
	bind_text(st, 3, enum_name(&want_status_def, (int)e->status));
	bind_id(st, 4, e->by.id);
	bind_id(st, 5, e->interaction_id);
	bind_text(st, 6, e->note);
	bind_time(st, 7, e->at);
	bind_text(st, 8, store_instant(s));
	if (store_exec_stmt(s, st, "cannot record the evidence", err))
		return err->code;
	e->id = store_last_id(s);
	return 0;
}

static struct want_standing *standing_of(want_standing_vec *v, int64_t want_id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].want.id == want_id)
			return &v->items[i];
	return NULL;
}

static void read_evidence(struct db_stmt *st, int64_t opp_id, struct want_evidence *e)
{
	e->id = db_column_int64(st, 0);
	e->opp_id = opp_id;
	e->want_id = db_column_int64(st, 1);
	e->status = (enum want_status)col_enum(st, 2, &want_status_def);
	e->by.id = db_column_int64(st, 3);
	e->by.name = col_text(st, 4);
	e->by.role = -1;
	e->interaction_id = db_column_int64(st, 5);
	e->note = col_text(st, 6);
	e->at = col_time(st, 7);
	e->created_at = col_stamp(st, 8);
}

int store_want_standings(struct store *s, int64_t opp_id, want_standing_vec *out,
			 struct error *err)
{
	want_vec wants = { 0 };
	struct db_stmt *st;
	int rc;

	if (store_want_list(s, &wants, err))
		return err->code;
	for (size_t i = 0; i < wants.n; i++) {
		struct want_standing *w = VEC_PUSH(out);
		w->want = wants.items[i]; /* moved */
		w->status = WANT_UNKNOWN;
	}
	free(wants.items);
	if (!(st = store_stmt(s, SQL_EVIDENCE_OF_OPP, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	while ((rc = store_step(s, st, "cannot read the evidence", err)) == DB_ROW) {
		struct want_standing *w = standing_of(out, db_column_int64(st, 1));
		struct want_evidence *e;
		if (!w)
			continue;
		e = VEC_PUSH(&w->evidence);
		read_evidence(st, opp_id, e);
		w->status = e->status;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}

int store_want_statuses(struct store *s, want_status_fn fn, void *ctx, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WANT_STATUSES, err);
	int rc;

	if (!st)
		return ERR_STORE;
	while ((rc = store_step(s, st, "cannot read the wants' status", err)) == DB_ROW)
		fn(ctx, db_column_int64(st, 0), db_column_int64(st, 1),
		   (enum want_status)col_enum(st, 2, &want_status_def));
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}
