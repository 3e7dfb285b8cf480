/* debrief.c: debriefs of interviews and the questions asked in them. */
#include "store/store_internal.h"
#include "store/debrief.h"

#include <stdlib.h>

#include "core/text.h"

#define DEBRIEF_SELECT                                                           \
	"SELECT d.id, d.opp_id, op.slug, op.title, o.name, o.id, d.interaction_id, i.summary," \
	" d.went_well, d.refine, d.chemistry, d.notes, d.at, d.created_at FROM debrief d" \
	" JOIN opportunity op ON op.id = d.opp_id"                              \
	" JOIN organisation o ON o.id = op.org_id"                              \
	" LEFT JOIN interaction i ON i.id = d.interaction_id"

static const char SQL_DEBRIEF_INSERT[] =
	"INSERT INTO debrief (opp_id, interaction_id, went_well, refine, chemistry, notes, at,"
	" created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_ASKED_INSERT[] =
	"INSERT INTO asked (opp_id, debrief_id, question_id, text, person_id, answer,"
	" evidence_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_DEBRIEF_GET[] = DEBRIEF_SELECT " WHERE d.id = ?";
static const char SQL_DEBRIEFS_OF_OPP[] = DEBRIEF_SELECT " WHERE d.opp_id = ? ORDER BY d.at, d.id";
static const char SQL_DEBRIEFS_ALL[] = DEBRIEF_SELECT " ORDER BY d.at, d.id";
static const char SQL_ASKED_OF_DEBRIEF[] =
	"SELECT a.id, a.question_id, a.text, a.answer, a.person_id, p.name, a.evidence_id,"
	" e.want_id, w.text, e.status, a.at FROM asked a"
	" LEFT JOIN person p ON p.id = a.person_id"
	" LEFT JOIN want_evidence e ON e.id = a.evidence_id"
	" LEFT JOIN want w ON w.id = e.want_id"
	" WHERE a.debrief_id = ? ORDER BY a.id";
static const char SQL_LATEST_INTERVIEW[] =
	"SELECT id FROM interaction WHERE opp_id = ? AND kind = 'interview'"
	" ORDER BY at DESC, id DESC LIMIT 1";
static const char SQL_DEBRIEF_EDIT[] =
	"UPDATE debrief SET went_well = ?2, refine = ?3, chemistry = ?4, notes = ?5 WHERE id = ?1";
static const char SQL_INTERACTION_RATE[] =
	"UPDATE interaction SET chemistry = ?2 WHERE id = ?1 AND chemistry IS NULL";

static int add_asked(struct store *s, const struct debrief *d, struct asked *a,
		     struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ASKED_INSERT, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, d->opp.id);
	db_bind_int64(st, 2, d->id);
	bind_id(st, 3, a->question_id);
	bind_text(st, 4, a->text);
	bind_id(st, 5, a->by.id);
	bind_text(st, 6, a->answer);
	bind_id(st, 7, a->evidence_id);
	bind_time(st, 8, d->at);
	if (store_exec_stmt(s, st, "cannot record a question asked", err))
		return err->code;
	a->id = store_last_id(s);
	return 0;
}

int store_debrief_add(struct store *s, struct debrief *d, struct error *err)
{
	struct db_stmt *st;

	if (debrief_validate(d, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_DEBRIEF_INSERT, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, d->opp.id);
	bind_id(st, 2, d->interaction_id);
	bind_text(st, 3, d->went_well);
	bind_text(st, 4, d->refine);
	bind_opt_int(st, 5, d->chemistry);
	bind_text(st, 6, d->notes);
	bind_time(st, 7, d->at);
	bind_text(st, 8, store_instant(s));
	if (store_exec_stmt(s, st, "cannot record the debrief", err))
		return err->code;
	d->id = store_last_id(s);
	for (size_t i = 0; i < d->asked.n; i++)
		if (add_asked(s, d, &d->asked.items[i], err))
			return err->code;
	return 0;
}

static void read_debrief(struct db_stmt *st, struct debrief *d)
{
	d->id = db_column_int64(st, 0);
	col_opp_ref(st, 1, &d->opp);
	d->interaction_id = db_column_int64(st, 6);
	d->interaction_summary = col_text(st, 7);
	d->went_well = col_text(st, 8);
	d->refine = col_text(st, 9);
	d->chemistry = (int)col_opt_int(st, 10);
	d->notes = col_text(st, 11);
	d->at = col_time(st, 12);
	d->created_at = col_stamp(st, 13);
}

static void read_asked(struct db_stmt *st, void *out)
{
	struct asked *a = out;

	a->id = db_column_int64(st, 0);
	a->question_id = db_column_int64(st, 1);
	a->text = col_text(st, 2);
	a->answer = col_text(st, 3);
	a->by.id = db_column_int64(st, 4);
	a->by.name = col_text(st, 5);
	a->by.role = -1;
	a->evidence_id = db_column_int64(st, 6);
	a->want_id = db_column_int64(st, 7);
	a->want = col_text(st, 8);
	a->want_status = col_enum(st, 9, &want_status_def);
	a->at = col_time(st, 10);
}

/* Onto the questions asked of a debrief (its vector has no type name). */
static void push_asked(struct db_stmt *st, void *debrief)
{
	struct debrief *d = debrief;

	read_asked(st, VEC_PUSH(&d->asked));
}

static int read_questions(struct store *s, struct debrief *d, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ASKED_OF_DEBRIEF, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, d->id);
	return store_each(s, st, push_asked, d, "cannot read the questions asked", err);
}

static void push_debrief(struct db_stmt *st, void *vec)
{
	read_debrief(st, VEC_PUSH((debrief_vec *)vec));
}

/* Run st (bound by the caller), then read each debrief's questions. */
static int read_debriefs(struct store *s, struct db_stmt *st, debrief_vec *out,
			 struct error *err)
{
	size_t first = out->n;
	int rc;

	if ((rc = store_each(s, st, push_debrief, out, "cannot read debriefs", err)))
		return rc;
	for (size_t i = first; i < out->n; i++)
		if (read_questions(s, &out->items[i], err))
			return err->code;
	return 0;
}

int store_debrief_get(struct store *s, int64_t id, struct debrief *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_DEBRIEF_GET, err);
	debrief_vec v = { 0 };
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	if ((rc = read_debriefs(s, st, &v, err)))
		goto out;
	if (!v.n) {
		rc = error_set(err, ERR_NOT_FOUND, "no debrief %lld", (long long)id);
		goto out;
	}
	*out = v.items[0];
	v.n = 0; /* handed to the caller */
out:
	debrief_vec_release(&v);
	return rc;
}

int store_debrief_list(struct store *s, int64_t opp_id, debrief_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, opp_id ? SQL_DEBRIEFS_OF_OPP : SQL_DEBRIEFS_ALL, err);

	if (!st)
		return ERR_STORE;
	if (opp_id)
		db_bind_int64(st, 1, opp_id);
	return read_debriefs(s, st, out, err);
}

int store_debrief_edit(struct store *s, const struct debrief *d, struct error *err)
{
	struct db_stmt *st;

	if (debrief_validate(d, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_DEBRIEF_EDIT, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, d->id);
	bind_text(st, 2, d->went_well);
	bind_text(st, 3, d->refine);
	bind_opt_int(st, 4, d->chemistry);
	bind_text(st, 5, d->notes);
	return store_exec_stmt(s, st, "cannot change the debrief", err);
}

int store_latest_interview(struct store *s, int64_t opp_id, int64_t *id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_LATEST_INTERVIEW, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	rc = store_step(s, st, "cannot find the interview", err);
	*id = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int store_interaction_rate(struct store *s, int64_t interaction_id, int chemistry, bool *set,
			   struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_INTERACTION_RATE, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, interaction_id);
	db_bind_int64(st, 2, chemistry);
	if (store_exec_stmt(s, st, "cannot rate the interaction", err))
		return err->code;
	*set = store_changes(s) == 1;
	return 0;
}
