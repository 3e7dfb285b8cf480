/* question.c: the question bank, and seeding it with the built-in questions. */
#include "store/store_internal.h"
#include "store/wants.h"

#include <stdlib.h>

#include "core/ini.h"
#include "core/text.h"
#include "util/embedded.h"

#define QUESTION_COLS "id, key, text, stages, audiences, categories, created_at, updated_at"

static const char SQL_QUESTION_INSERT[] =
	"INSERT INTO question (key, text, stages, audiences, categories, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char SQL_QUESTION_UPDATE[] =
	"UPDATE question SET text = ?2, stages = ?3, audiences = ?4, categories = ?5,"
	" updated_at = ?6 WHERE id = ?1";
static const char SQL_QUESTION_DELETE[] = "DELETE FROM question WHERE id = ?";
static const char SQL_QUESTION_GET[] = "SELECT " QUESTION_COLS " FROM question WHERE id = ?";
/* ?1..?3: masks (0: any), ?4: a want and ?5 its category bit (0: any), ?6: folded text */
static const char SQL_QUESTION_LIST[] =
	"SELECT " QUESTION_COLS " FROM question q"
	" WHERE (?1 = 0 OR (stages & ?1) <> 0) AND (?2 = 0 OR (audiences & ?2) <> 0)"
	" AND (?3 = 0 OR (categories & ?3) <> 0)"
	" AND (?4 = 0 OR (categories & ?5) <> 0"
	"  OR EXISTS (SELECT 1 FROM question_want WHERE question_id = q.id AND want_id = ?4))"
	" AND (?6 IS NULL OR instr(lower(text), ?6) > 0)"
	" ORDER BY id";
static const char SQL_QUESTION_WANTS[] =
	"SELECT want_id FROM question_want WHERE question_id = ? ORDER BY want_id";
static const char SQL_QUESTION_WANT_CLEAR[] = "DELETE FROM question_want WHERE question_id = ?";
static const char SQL_QUESTION_WANT_ADD[] =
	"INSERT OR IGNORE INTO question_want (question_id, want_id) VALUES (?1, ?2)";
static const char SQL_QUESTIONS_ASKED[] =
	"SELECT DISTINCT question_id FROM asked WHERE opp_id = ? AND question_id IS NOT NULL"
	" ORDER BY question_id";
static const char SQL_QUESTION_COUNT[] = "SELECT count(*) FROM question";

static void read_question(struct db_stmt *st, struct question *q)
{
	q->id = db_column_int64(st, 0);
	q->key = col_text(st, 1);
	q->text = col_text(st, 2);
	q->stages = (unsigned)db_column_int(st, 3);
	q->audiences = (unsigned)db_column_int(st, 4);
	q->categories = (unsigned)db_column_int(st, 5);
	q->created_at = col_stamp(st, 6);
	q->updated_at = col_stamp(st, 7);
}

static void bind_masks(struct db_stmt *st, int first, const struct question *q)
{
	db_bind_int64(st, first, (int)q->stages);
	db_bind_int64(st, first + 1, (int)q->audiences);
	db_bind_int64(st, first + 2, (int)q->categories);
}

static int read_wants(struct store *s, struct question *q, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_QUESTION_WANTS, err);

	if (!st)
		return ERR_STORE;
	q->wants.n = 0;
	db_bind_int64(st, 1, q->id);
	return store_each(s, st, store_push_id, &q->wants, "cannot read the question's wants", err);
}

static int write_wants(struct store *s, const struct question *q, struct error *err)
{
	struct db_stmt *st;

	if (store_exec_id(s, SQL_QUESTION_WANT_CLEAR, q->id, "cannot change the question's wants",
			  err))
		return err->code;
	for (size_t i = 0; i < q->wants.n; i++) {
		if (!(st = store_stmt(s, SQL_QUESTION_WANT_ADD, err)))
			return ERR_STORE;
		db_bind_int64(st, 1, q->id);
		db_bind_int64(st, 2, q->wants.items[i]);
		if (store_exec_stmt(s, st, "cannot change the question's wants", err))
			return err->code;
	}
	return 0;
}

int store_question_add(struct store *s, struct question *q, struct error *err)
{
	struct db_stmt *st;

	if (question_validate(q, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_QUESTION_INSERT, err)))
		return ERR_STORE;
	bind_text(st, 1, q->key);
	bind_text(st, 2, q->text);
	bind_masks(st, 3, q);
	bind_text(st, 6, store_instant(s));
	if (store_exec_stmt(s, st, "cannot add the question", err))
		return err->code;
	q->id = store_last_id(s);
	if (write_wants(s, q, err))
		return err->code;
	return store_question_get(s, q->id, q, err);
}

/* A store_read_fn: the question in out (filled before, or zeroed) replaced. */
static void reread_question(struct db_stmt *st, void *out)
{
	question_release(out);
	read_question(st, out);
}

int store_question_get(struct store *s, int64_t id, struct question *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_QUESTION_GET, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	if ((rc = store_one(s, st, reread_question, out, "question", id, err)))
		return rc;
	return read_wants(s, out, err);
}

int store_question_update(struct store *s, const struct question *q, struct error *err)
{
	struct db_stmt *st;

	if (question_validate(q, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_QUESTION_UPDATE, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, q->id);
	bind_text(st, 2, q->text);
	bind_masks(st, 3, q);
	bind_text(st, 6, store_instant(s));
	if (store_exec_stmt(s, st, "cannot change the question", err))
		return err->code;
	return write_wants(s, q, err);
}

int store_question_delete(struct store *s, int64_t id, struct error *err)
{
	return store_exec_id(s, SQL_QUESTION_DELETE, id, "cannot remove the question", err);
}

static int category_bit(struct store *s, int64_t want_id, unsigned *bit, struct error *err)
{
	struct want w = { 0 };

	*bit = 0;
	if (!want_id)
		return 0;
	if (store_want_get(s, want_id, &w, err))
		return err->code;
	if (w.category >= 0)
		*bit = 1u << w.category;
	want_release(&w);
	return 0;
}

int store_question_list(struct store *s, const struct question_filter *f, question_vec *out,
			struct error *err)
{
	struct db_stmt *st;
	unsigned bit;
	int rc = 0;

	if (category_bit(s, f->want_id, &bit, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_QUESTION_LIST, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, (int)f->stages);
	db_bind_int64(st, 2, (int)f->audiences);
	db_bind_int64(st, 3, (int)f->categories);
	db_bind_int64(st, 4, f->want_id);
	db_bind_int64(st, 5, (int)bit);
	if (f->text)
		bind_text_owned(st, 6, text_fold(f->text));
	while ((rc = store_step(s, st, "cannot list the questions", err)) == DB_ROW)
		read_question(st, VEC_PUSH(out));
	db_reset(st);
	if (rc != DB_DONE)
		return rc;
	rc = 0;
	for (size_t i = 0; i < out->n && !rc; i++)
		rc = read_wants(s, &out->items[i], err);
	return rc;
}

int store_questions_asked(struct store *s, int64_t opp_id, id_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_QUESTIONS_ASKED, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, opp_id);
	return store_each(s, st, store_push_id, out, "cannot read the questions asked", err);
}

/* ---- the built-in bank ---- */

struct seed {
	struct store *s;
	struct question q;
	int line; /* of the current section */
};

/* Insert the question read so far, if any. */
static int seed_flush(struct seed *sd, struct error *err)
{
	int rc = 0;

	if (sd->q.key) {
		if (!sd->q.text || !sd->q.stages || !sd->q.audiences)
			rc = error_set(err, ERR_INVALID,
				       "questions.ini:%d: a question needs text, stages and audience",
				       sd->line);
		else
			rc = store_question_add(sd->s, &sd->q, err);
	}
	question_release(&sd->q);
	return rc;
}

static int seed_key(void *ctx, const char *section, const char *key, const char *value,
		    int line, struct error *err)
{
	struct seed *sd = ctx;

	if (!key) {
		if (seed_flush(sd, err))
			return err->code;
		sd->q.key = xstrdup(section);
		sd->line = line;
		return 0;
	}
	if (!strcmp(key, "text"))
		field_set(&sd->q.text, value);
	else if (!strcmp(key, "stages"))
		return enum_parse_set(&question_stage_def, value, &sd->q.stages, err);
	else if (!strcmp(key, "audience"))
		return enum_parse_set(&audience_def, value, &sd->q.audiences, err);
	else if (!strcmp(key, "verifies"))
		return enum_parse_set(&want_category_def, value, &sd->q.categories, err);
	else
		return error_set(err, ERR_INVALID, "questions.ini:%d: unknown key '%s'", line, key);
	return 0;
}

int store_seed_questions(struct store *s, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_QUESTION_COUNT, err);
	int64_t n;
	int rc;

	if (!st)
		return ERR_STORE;
	if ((rc = store_number(s, st, &n, "cannot count the questions", err)))
		return rc;
	return n > 0 ? 0 : store_seed_question_bank(s, err);
}

int store_seed_question_bank(struct store *s, struct error *err)
{
	const struct embedded_file *f = embedded_find("questions.ini");
	struct seed sd = { .s = s };
	int rc;

	if (!f)
		return error_set(err, ERR_IO, "the built-in questions are missing");
	rc = ini_parse("questions.ini", f->data, f->size, seed_key, &sd, err);
	if (!rc)
		rc = seed_flush(&sd, err);
	question_release(&sd.q);
	return rc;
}
