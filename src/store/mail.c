/* mail.c: the addresses people are known by, and what was read of mail (see mail.h). */
#include "store/mail.h"

#include <stdlib.h>

#include "store/store_internal.h"

static const char SQL_MAIL_PEOPLE[] =
	"SELECT lower(trim(email)), id, name FROM person"
	" WHERE email IS NOT NULL AND trim(email) != '' ORDER BY 1, id";
static const char SQL_MAIL_KNOWN[] = "SELECT 1 FROM mail_message WHERE message_id = ?";
static const char SQL_MAIL_THREAD_OPP[] =
	"SELECT i.opp_id FROM mail_message m JOIN interaction i ON i.id = m.interaction_id"
	" WHERE m.message_id = ? AND i.opp_id IS NOT NULL";
static const char SQL_MAIL_PERSON_OPPS[] =
	"SELECT o.id FROM opp_person op JOIN opportunity o ON o.id = op.opp_id"
	" WHERE op.person_id = ?"
	" AND o.stage NOT IN ('accepted', 'declined', 'rejected', 'withdrawn')";
static const char SQL_MAIL_LOGGED[] =
	"INSERT INTO mail_message (message_id, interaction_id, source, imported_at)"
	" VALUES (?, ?, ?, ?)";
static const char SQL_MAIL_FILE_SEEN[] =
	"SELECT 1 FROM mail_file f WHERE f.name = ?1 AND f.book = ?2"
	" AND (f.message_id IS NULL"
	"  OR EXISTS (SELECT 1 FROM mail_message m WHERE m.message_id = f.message_id))";
static const char SQL_MAIL_FILE_READ[] =
	"INSERT INTO mail_file (name, book, message_id) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (name) DO UPDATE SET book = excluded.book, message_id = excluded.message_id";
static const char SQL_MAIL_FOLDER_MARK[] =
	"SELECT f.last_uid, f.message_id FROM mail_folder f"
	" WHERE f.account = ?1 AND f.folder = ?2 AND f.uidvalidity = ?3 AND f.book = ?4"
	" AND (f.message_id IS NULL"
	"  OR EXISTS (SELECT 1 FROM mail_message m WHERE m.message_id = f.message_id))";
static const char SQL_MAIL_FOLDER_READ[] =
	"INSERT INTO mail_folder (account, folder, uidvalidity, last_uid, book, message_id)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account, folder) DO UPDATE SET"
	" uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid,"
	" book = excluded.book, message_id = excluded.message_id";

#define DRAFT_TASK_COLS                                                     \
	"SELECT id, created_at, opp_id, person_id, status = 'open',"        \
	" kind IN ('email', 'letter') FROM task"
/* today as ?2: a task made ahead is not there before its day */
static const char SQL_MAIL_DRAFT_TASK[] =
	DRAFT_TASK_COLS " WHERE id = ?1 AND " SQL_TASK_SHOWN("", "?2");
static const char SQL_MAIL_CONTACT_TASK[] =
	DRAFT_TASK_COLS " WHERE person_id = ?1 AND status = 'open' AND kind IN ('email', 'letter')"
	" AND " SQL_TASK_SHOWN("", "?2") " ORDER BY due, id LIMIT 1";

static void release_address(struct mail_address *a)
{
	free(a->email);
	free(a->name);
}

VEC_RELEASE_FN(mail_address_vec_release, mail_address_vec, release_address)

static void push_address(struct db_stmt *st, void *out)
{
	mail_address_vec *v = out;

	/* the first person of an address only: the rows come by address, then id */
	if (v->n && !strcmp(v->items[v->n - 1].email, db_column_text(st, 0)))
		return;
	struct mail_address *a = VEC_PUSH(v);
	a->email = col_text(st, 0);
	a->person_id = db_column_int64(st, 1);
	a->name = col_text(st, 2);
}

int store_mail_people(struct store *s, mail_address_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_PEOPLE, err);

	return st ? store_each(s, st, push_address, out, "cannot read the people's addresses",
			       err)
		  : ERR_STORE;
}

int store_mail_known(struct store *s, const char *message_id, bool *known, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_KNOWN, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, message_id);
	rc = store_exists(s, st, "cannot read the messages logged", err);
	*known = rc == 1;
	return rc < 0 ? rc : 0;
}

int store_mail_thread_opp(struct store *s, char *const *ids, size_t n, int64_t *opp,
			  struct error *err)
{
	*opp = 0;
	for (size_t i = 0; i < n && !*opp; i++) {
		struct db_stmt *st = store_stmt(s, SQL_MAIL_THREAD_OPP, err);
		int rc;
		if (!st)
			return ERR_STORE;
		bind_text(st, 1, ids[i]);
		rc = store_first(s, st, store_read_id, opp, "cannot read the thread", err);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int store_mail_people_opp(struct store *s, const int64_t *people, size_t n, int64_t *opp,
			  struct error *err)
{
	id_vec opps = { 0 };
	int rc = 0;

	*opp = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		struct db_stmt *st = store_stmt(s, SQL_MAIL_PERSON_OPPS, err);
		if (!st) {
			rc = ERR_STORE;
			break;
		}
		db_bind_int64(st, 1, people[i]);
		rc = store_each(s, st, store_push_id, &opps, "cannot read the opportunities", err);
	}
	for (size_t i = 0; i < opps.n && !rc; i++) {
		if (*opp && opps.items[i] != *opp) { /* more than one: none is the one */
			*opp = 0;
			break;
		}
		*opp = opps.items[i];
	}
	free(opps.items);
	return rc;
}

int store_mail_logged(struct store *s, const char *message_id, int64_t interaction_id,
		      const char *source, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_LOGGED, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, message_id);
	bind_id(st, 2, interaction_id);
	bind_text(st, 3, source);
	bind_text(st, 4, store_instant(s));
	return store_exec_stmt(s, st, "cannot remember the message", err);
}

int store_mail_file_seen(struct store *s, const char *name, const char *book, bool *seen,
			 struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_FILE_SEEN, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, name);
	bind_text(st, 2, book);
	rc = store_exists(s, st, "cannot read the files read before", err);
	*seen = rc == 1;
	return rc < 0 ? rc : 0;
}

int store_mail_file_read(struct store *s, const char *name, const char *book,
			 const char *message_id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_FILE_READ, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, name);
	bind_text(st, 2, book);
	bind_text(st, 3, message_id);
	return store_exec_stmt(s, st, "cannot remember the file", err);
}

static void read_mark(struct db_stmt *st, void *out)
{
	struct mail_folder_mark *m = out;

	m->last_uid = (uint32_t)db_column_int64(st, 0);
	m->message_id = col_text(st, 1);
}

int store_mail_folder_mark(struct store *s, const char *account, const char *folder,
			   uint32_t uidvalidity, const char *book, struct mail_folder_mark *m,
			   struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_FOLDER_MARK, err);
	int rc;

	m->last_uid = 0;
	m->message_id = NULL;
	if (!st)
		return ERR_STORE;
	bind_text(st, 1, account);
	bind_text(st, 2, folder);
	db_bind_int64(st, 3, uidvalidity);
	bind_text(st, 4, book);
	rc = store_first(s, st, read_mark, m, "cannot read how far the folders were read", err);
	return rc < 0 ? rc : 0;
}

int store_mail_folder_read(struct store *s, const char *account, const char *folder,
			   uint32_t uidvalidity, const char *book,
			   const struct mail_folder_mark *m, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_FOLDER_READ, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, account);
	bind_text(st, 2, folder);
	db_bind_int64(st, 3, uidvalidity);
	db_bind_int64(st, 4, m->last_uid);
	bind_text(st, 5, book);
	bind_text(st, 6, m->message_id);
	return store_exec_stmt(s, st, "cannot remember how far the folder was read", err);
}

/* ---- drafts' tasks ---- */

void mail_draft_task_release(struct mail_draft_task *t)
{
	free(t->created);
	memset(t, 0, sizeof(*t));
}

static void read_draft_task(struct db_stmt *st, void *out)
{
	struct mail_draft_task *t = out;

	t->task_id = db_column_int64(st, 0);
	t->created = col_text(st, 1); /* as kept, in UTC: a draft's id does not follow TZ */
	t->opp_id = db_column_int64(st, 2);
	t->person_id = db_column_int64(st, 3);
	t->open = db_column_int64(st, 4) != 0;
	t->contact = db_column_int64(st, 5) != 0;
}

int store_mail_draft_task(struct store *s, int64_t task_id, struct mail_draft_task *out,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_MAIL_DRAFT_TASK, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, task_id);
	bind_today(s, st, 2);
	rc = store_first(s, st, read_draft_task, out, "cannot read the task", err);
	if (rc == 0)
		return error_set(err, ERR_NOT_FOUND, "no task %lld", (long long)task_id);
	return rc < 0 ? rc : 0;
}

int store_mail_contact_task(struct store *s, const int64_t *people, size_t n,
			    struct mail_draft_task *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n && !out->task_id; i++) {
		struct db_stmt *st = store_stmt(s, SQL_MAIL_CONTACT_TASK, err);
		int rc;
		if (!st)
			return ERR_STORE;
		db_bind_int64(st, 1, people[i]);
		bind_today(s, st, 2);
		rc = store_first(s, st, read_draft_task, out, "cannot read the tasks", err);
		if (rc < 0)
			return rc;
	}
	return 0;
}
