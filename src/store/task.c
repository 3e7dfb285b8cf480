/* task.c: follow-up tasks, and the agenda's query. */
#include "store/store_internal.h"

#define TASK_SELECT                                                              \
	"SELECT t.id, t.title, t.kind, t.due, t.status, t.person_id, pe.name, t.opp_id," \
	" op.slug, op.title, o.name, o.id, t.origin, t.why, t.created_at, t.done_at, t.template," \
	" op.stage, ifnull(pe.rapport, -1), t.feedback_id"                       \
	" FROM task t" \
	" LEFT JOIN person pe ON pe.id = t.person_id"                            \
	" LEFT JOIN opportunity op ON op.id = t.opp_id"                          \
	" LEFT JOIN organisation o ON o.id = op.org_id"

static const char SQL_TASK_INSERT[] =
	"INSERT INTO task (title, kind, due, status, person_id, opp_id, origin, why, created_at,"
	" template, feedback_id, shown_on) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)";
/* A task made ahead is not there before its day: `task show`, `done`, `edit`
 * of its number say there is no such task, as for a number never used. */
static const char SQL_TASK_GET[] = TASK_SELECT " WHERE t.id = ?1 AND " SQL_TASK_SHOWN("t.", "?2");
static const char SQL_TASK_CLOSE[] =
	"UPDATE task SET status = ?2, done_at = ?3 WHERE id = ?1 AND status = 'open'";
static const char SQL_TASK_DUE[] = "UPDATE task SET due = ?2 WHERE id = ?1";
/* Each list binds today last (?1, or ?2 after an id or a day). */
static const char SQL_TASKS_OPEN[] =
	TASK_SELECT " WHERE t.status = 'open' AND " SQL_TASK_SHOWN("t.", "?1")
	" ORDER BY t.due, t.id";
static const char SQL_TASKS_ALL[] =
	TASK_SELECT " WHERE " SQL_TASK_SHOWN("t.", "?1") " ORDER BY t.due, t.id";
static const char SQL_TASKS_OF_PERSON[] =
	TASK_SELECT " WHERE t.person_id = ?1 AND t.status = 'open' AND " SQL_TASK_SHOWN("t.", "?2")
	" ORDER BY t.due, t.id";
static const char SQL_TASKS_OF_OPP[] =
	TASK_SELECT " WHERE t.opp_id = ?1 AND t.status = 'open' AND " SQL_TASK_SHOWN("t.", "?2")
	" ORDER BY t.due, t.id";
/* In the order of the index task_status_due (status, due, shown_on): no
 * sort, and the tasks made ahead left in the index, never read from the
 * table. The agenda ranks them itself. */
static const char SQL_TASKS_DUE_BEFORE[] =
	TASK_SELECT " WHERE t.status = 'open' AND t.due < ?1 AND " SQL_TASK_SHOWN("t.", "?2")
	" ORDER BY t.due, t.shown_on, t.id";

int store_task_add(struct store *s, struct task *t, struct error *err)
{
	struct db_stmt *st;

	if (!t->origin)
		t->origin = xstrdup("manual");
	task_tidy(t);
	if (task_validate(t, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_TASK_INSERT, err)))
		return ERR_STORE;
	bind_text(st, 1, t->title);
	bind_text(st, 2, enum_name(&task_kind_def, (int)t->kind));
	bind_text(st, 3, t->due);
	bind_id(st, 4, t->person.id);
	bind_id(st, 5, t->opp.id);
	bind_text(st, 6, t->origin);
	bind_text(st, 7, t->why);
	/* made ahead: made, as far as anyone sees, on the first moment of its
	 * day, as the rules would have made it then ("made on" reads the same) */
	if (t->shown_on)
		bind_instant(st, 8, t->shown_on);
	else
		bind_text(st, 8, store_instant(s));
	bind_text(st, 9, t->template);
	bind_id(st, 10, t->feedback_id);
	bind_text(st, 11, t->shown_on);
	if (store_exec_stmt(s, st, "cannot add the task", err))
		return err->code;
	t->id = store_last_id(s);
	return 0;
}

static void read_task(struct db_stmt *st, void *out)
{
	struct task *t = out;
	int kind = col_enum(st, 2, &task_kind_def);
	int status = col_enum(st, 4, &task_status_def);

	t->id = db_column_int64(st, 0);
	t->title = col_text(st, 1);
	t->kind = kind < 0 ? TKIND_OTHER : (enum task_kind)kind;
	t->due = col_text(st, 3);
	t->status = status < 0 ? TASK_OPEN : (enum task_status)status;
	t->person.id = db_column_int64(st, 5);
	t->person.name = col_text(st, 6);
	t->person.role = -1;
	col_opp_ref(st, 7, &t->opp);
	t->origin = col_text(st, 12);
	t->why = col_text(st, 13);
	t->created_at = col_stamp(st, 14);
	t->done_at = col_stamp(st, 15);
	t->template = col_text(st, 16);
	t->opp_stage = col_enum(st, 17, &stage_def);
	t->person_rapport = db_column_int(st, 18);
	t->feedback_id = db_column_int64(st, 19);
}

static void push_task(struct db_stmt *st, void *vec)
{
	read_task(st, VEC_PUSH((task_vec *)vec));
}

static int read_tasks(struct store *s, struct db_stmt *st, task_vec *out, struct error *err)
{
	return store_each(s, st, push_task, out, "cannot read tasks", err);
}

int store_task_get(struct store *s, int64_t id, struct task *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TASK_GET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_today(s, st, 2);
	return store_one(s, st, read_task, out, "task", id, err);
}

int store_task_close(struct store *s, int64_t id, enum task_status status, struct error *err)
{
	struct task t = { 0 };
	struct db_stmt *st;
	int rc;

	if (store_task_get(s, id, &t, err))
		return err->code;
	if (t.status != TASK_OPEN) {
		rc = error_set(err, ERR_CONFLICT, "task %lld is already %s", (long long)id,
			       enum_name(&task_status_def, (int)t.status));
		task_release(&t);
		return rc;
	}
	task_release(&t);
	if (!(st = store_stmt(s, SQL_TASK_CLOSE, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_text(st, 2, enum_name(&task_status_def, (int)status));
	bind_text(st, 3, store_instant(s));
	return store_exec_stmt(s, st, "cannot change the task", err);
}

int store_task_set_due(struct store *s, int64_t id, const char *due, struct error *err)
{
	struct task t = { 0 };
	struct db_stmt *st;
	int rc;

	if (store_task_get(s, id, &t, err))
		return err->code;
	rc = t.status != TASK_OPEN ? error_set(err, ERR_CONFLICT, "task %lld is already %s",
					       (long long)id,
					       enum_name(&task_status_def, (int)t.status))
				   : 0;
	task_release(&t);
	if (rc)
		return rc;
	if (!(st = store_stmt(s, SQL_TASK_DUE, err)))
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_text(st, 2, due);
	return store_exec_stmt(s, st, "cannot change the due date", err);
}

int store_task_list(struct store *s, bool all, task_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, all ? SQL_TASKS_ALL : SQL_TASKS_OPEN, err);

	if (!st)
		return ERR_STORE;
	bind_today(s, st, 1);
	return read_tasks(s, st, out, err);
}

static int tasks_of(struct store *s, const char *sql, int64_t id, task_vec *out,
		    struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_today(s, st, 2);
	return read_tasks(s, st, out, err);
}

int store_tasks_of_person(struct store *s, int64_t person_id, task_vec *out,
			  struct error *err)
{
	return tasks_of(s, SQL_TASKS_OF_PERSON, person_id, out, err);
}

int store_tasks_of_opp(struct store *s, int64_t opp_id, task_vec *out, struct error *err)
{
	return tasks_of(s, SQL_TASKS_OF_OPP, opp_id, out, err);
}

int store_tasks_due_before(struct store *s, const char *until, task_vec *out,
			   struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TASKS_DUE_BEFORE, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, until);
	bind_today(s, st, 2);
	return read_tasks(s, st, out, err);
}
