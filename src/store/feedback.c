/* feedback.c: feedback people gave, and the improvement actions that follow it. */
#include "store/store_internal.h"
#include "store/debrief.h"

#include <stdlib.h>

#include "core/text.h"

#define FEEDBACK_SELECT                                                          \
	"SELECT f.id, f.opp_id, op.slug, op.title, o.name, o.id, f.person_id, p.name, f.text, f.at," \
	" f.created_at FROM feedback f"                                          \
	" LEFT JOIN opportunity op ON op.id = f.opp_id"                          \
	" LEFT JOIN organisation o ON o.id = op.org_id"                          \
	" LEFT JOIN person p ON p.id = f.person_id"
/* Open actions by due date, then the closed ones in the order they were closed. */
#define IMPROVEMENT_ORDER                                                        \
	" ORDER BY status != 'open', CASE status WHEN 'open' THEN due ELSE done_at END, id"

static const char SQL_FEEDBACK_INSERT[] =
	"INSERT INTO feedback (opp_id, person_id, text, at, created_at) VALUES (?, ?, ?, ?, ?)";
static const char SQL_FEEDBACK_GET[] = FEEDBACK_SELECT " WHERE f.id = ?";
static const char SQL_FEEDBACK_OF_OPP[] = FEEDBACK_SELECT " WHERE f.opp_id = ? ORDER BY f.at, f.id";
static const char SQL_FEEDBACK_ALL[] = FEEDBACK_SELECT " ORDER BY f.at, f.id";
static const char SQL_IMPROVEMENTS_OF[] =
	"SELECT id FROM task WHERE feedback_id = ?" IMPROVEMENT_ORDER;
static const char SQL_IMPROVEMENTS_ALL[] =
	"SELECT id FROM task WHERE origin = 'improve' OR feedback_id IS NOT NULL" IMPROVEMENT_ORDER;
static const char SQL_IMPROVEMENTS_DONE_FOR[] =
	"SELECT t.id FROM task t JOIN feedback f ON f.id = t.feedback_id"
	" WHERE f.person_id = ? AND t.status = 'done' ORDER BY t.done_at, t.id";

int store_feedback_add(struct store *s, struct feedback *f, struct error *err)
{
	struct db_stmt *st;

	if (feedback_validate(f, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_FEEDBACK_INSERT, err)))
		return ERR_STORE;
	bind_id(st, 1, f->opp.id);
	bind_id(st, 2, f->from.id);
	bind_text(st, 3, f->text);
	bind_time(st, 4, f->at);
	bind_text(st, 5, store_instant(s));
	if (store_exec_stmt(s, st, "cannot record the feedback", err))
		return err->code;
	f->id = store_last_id(s);
	return 0;
}

static void read_feedback(struct db_stmt *st, void *out)
{
	struct feedback *f = out;

	f->id = db_column_int64(st, 0);
	col_opp_ref(st, 1, &f->opp);
	f->from.id = db_column_int64(st, 6);
	f->from.name = col_text(st, 7);
	f->from.role = -1;
	f->text = col_text(st, 8);
	f->at = col_time(st, 9);
	f->created_at = col_stamp(st, 10);
}

static void push_feedback(struct db_stmt *st, void *vec)
{
	read_feedback(st, VEC_PUSH((feedback_vec *)vec));
}

int store_feedback_get(struct store *s, int64_t id, struct feedback *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_FEEDBACK_GET, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	rc = store_first(s, st, read_feedback, out, "cannot read the feedback", err);
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "no feedback %lld (see rapport feedback list)",
				 (long long)id);
	return rc < 0 ? rc : 0;
}

int store_feedback_list(struct store *s, int64_t opp_id, feedback_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, opp_id ? SQL_FEEDBACK_OF_OPP : SQL_FEEDBACK_ALL, err);

	if (!st)
		return ERR_STORE;
	if (opp_id)
		db_bind_int64(st, 1, opp_id);
	return store_each(s, st, push_feedback, out, "cannot read feedback", err);
}

/* Run st (bound by the caller) and collect the ids it selects. */
static int read_ids(struct store *s, struct db_stmt *st, id_vec *out, struct error *err)
{
	return store_each(s, st, store_push_id, out, "cannot read improvement actions", err);
}

int store_improvement_ids(struct store *s, int64_t feedback_id, id_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, feedback_id ? SQL_IMPROVEMENTS_OF : SQL_IMPROVEMENTS_ALL,
				      err);

	if (!st)
		return ERR_STORE;
	if (feedback_id)
		db_bind_int64(st, 1, feedback_id);
	return read_ids(s, st, out, err);
}

int store_improvements_done_for(struct store *s, int64_t person_id, id_vec *out,
				struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_IMPROVEMENTS_DONE_FOR, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, person_id);
	return read_ids(s, st, out, err);
}
