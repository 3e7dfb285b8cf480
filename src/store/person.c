/* person.c: people in the store, with their tags. */
#include "store/store_internal.h"

#include <stdlib.h>

#include "core/text.h"

#define PERSON_SELECT                                                            \
	"SELECT p.id, p.name, p.org_id, o.name, p.title, p.email, p.phone, p.linkedin," \
	" p.rapport, p.cadence, p.notes, p.created_at, p.updated_at, p.last_contact," \
	" " SQL_NEXT_TOUCH("p.") ", p.connected_on, p.uid"                                     \
	" FROM person p LEFT JOIN organisation o ON o.id = p.org_id"

/* The day you connected counts as a contact, as an interaction would. */
static const char SQL_PERSON_INSERT[] =
	"INSERT INTO person (name, org_id, title, email, phone, linkedin, rapport, cadence,"
	" notes, created_at, updated_at, name_key, connected_on, uid, last_contact)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?12, ?13,"
	" coalesce(?14, " SQL_NEW_UID("(SELECT ifnull(max(id), 0) + 1 FROM person)") "), ?13)";
static const char SQL_PERSON_UPDATE[] =
	"UPDATE person SET name = ?1, org_id = ?2, title = ?3, email = ?4, phone = ?5,"
	" linkedin = ?6, rapport = ?7, cadence = ?8, notes = ?9, updated_at = ?10,"
	" name_key = ?12, connected_on = ?13, uid = coalesce(?14, uid),"
	" last_contact = CASE WHEN ?13 > ifnull(last_contact, '') THEN ?13 ELSE last_contact END"
	" WHERE id = ?11";
static const char SQL_PERSON_GET[] = PERSON_SELECT " WHERE p.id = ?";
static const char SQL_PERSON_LIST[] =
	PERSON_SELECT " WHERE (?1 IS NULL OR p.org_id = ?1) AND (?2 IS NULL OR EXISTS"
	" (SELECT 1 FROM person_tag t WHERE t.person_id = p.id AND t.tag = ?2 COLLATE NOCASE))"
	" ORDER BY p.name COLLATE NOCASE, p.id";
static const char SQL_TAGS_GET[] = "SELECT tag FROM person_tag WHERE person_id = ? ORDER BY tag";
static const char SQL_TAGS_CLEAR[] = "DELETE FROM person_tag WHERE person_id = ?";
static const char SQL_TAG_ADD[] = "INSERT OR IGNORE INTO person_tag (person_id, tag) VALUES (?, ?)";

static void bind_person(struct db_stmt *st, struct store *s, const struct person *p)
{
	bind_text(st, 1, p->name);
	bind_id(st, 2, p->org_id);
	bind_text(st, 3, p->title);
	bind_text(st, 4, p->email);
	bind_text(st, 5, p->phone);
	bind_text(st, 6, p->linkedin);
	bind_opt_int(st, 7, p->rapport);
	bind_opt_int(st, 8, p->cadence);
	bind_text(st, 9, p->notes);
	bind_text(st, 10, store_instant(s));
	bind_text_owned(st, 12, text_fold(p->name));
	bind_text(st, 13, p->connected_on);
	bind_text(st, 14, p->uid);
}

static int write_tags(struct store *s, const struct person *p, struct error *err)
{
	struct db_stmt *st;

	if (store_exec_id(s, SQL_TAGS_CLEAR, p->id, "cannot change the tags", err))
		return err->code;
	for (size_t i = 0; i < p->ntags; i++) {
		if (!(st = store_stmt(s, SQL_TAG_ADD, err)))
			return ERR_STORE;
		db_bind_int64(st, 1, p->id);
		bind_text(st, 2, p->tags[i]);
		if (store_exec_stmt(s, st, "cannot add a tag", err))
			return err->code;
	}
	return 0;
}

int store_person_add(struct store *s, struct person *p, struct error *err)
{
	struct db_stmt *st;

	person_tidy(p);
	if (person_validate(p, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_PERSON_INSERT, err)))
		return ERR_STORE;
	bind_person(st, s, p);
	if (store_exec_stmt(s, st, "cannot add the person", err))
		return err->code;
	p->id = store_last_id(s);
	return write_tags(s, p, err);
}

int store_person_update(struct store *s, struct person *p, struct error *err)
{
	struct db_stmt *st;

	person_tidy(p);
	if (person_validate(p, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_PERSON_UPDATE, err)))
		return ERR_STORE;
	bind_person(st, s, p);
	db_bind_int64(st, 11, p->id);
	if (store_exec_stmt(s, st, "cannot change the person", err))
		return err->code;
	return write_tags(s, p, err);
}

static void read_person(struct db_stmt *st, void *out)
{
	struct person *p = out;

	p->id = db_column_int64(st, 0);
	p->name = col_text(st, 1);
	p->org_id = db_column_int64(st, 2);
	p->org_name = col_text(st, 3);
	p->title = col_text(st, 4);
	p->email = col_text(st, 5);
	p->phone = col_text(st, 6);
	p->linkedin = col_text(st, 7);
	p->rapport = (int)col_opt_int(st, 8);
	p->cadence = (int)col_opt_int(st, 9);
	p->notes = col_text(st, 10);
	p->created_at = col_stamp(st, 11);
	p->updated_at = col_stamp(st, 12);
	p->last_contact = col_time(st, 13);
	p->next_touch = NULL;
	if (p->cadence > 0) {
		char day[DATE_BUFSZ];
		store_touch_day(p->last_contact ? p->last_contact : p->created_at, p->cadence,
				day);
		p->next_touch = day[0] ? xstrdup(day) : NULL;
	}
	p->connected_on = col_text(st, 15);
	p->uid = col_text(st, 16);
}

static void push_person(struct db_stmt *st, void *vec)
{
	read_person(st, VEC_PUSH((person_vec *)vec));
}

static int read_tags(struct store *s, struct person *p, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_TAGS_GET, err);
	size_t alloc = 0;
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, p->id);
	while ((rc = store_step(s, st, "cannot read the tags", err)) == DB_ROW) {
		xgrow((void **)&p->tags, sizeof(*p->tags), p->ntags + 1, &alloc);
		p->tags[p->ntags++] = col_text(st, 0);
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}

static const char SQL_PERSON_NAMESAKE[] =
	"SELECT id FROM person WHERE name_key = ?1 AND org_id IS ?2 ORDER BY id LIMIT 1";

int store_person_namesake(struct store *s, const char *name, int64_t org_id, int64_t *id,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PERSON_NAMESAKE, err);
	char *trimmed;
	int rc;

	if (!st)
		return ERR_STORE;
	*id = 0;
	trimmed = text_trimmed(name, strlen(name)); /* as the add will store it */
	bind_text_owned(st, 1, text_fold(trimmed));
	free(trimmed);
	if (org_id)
		db_bind_int64(st, 2, org_id);
	else
		db_bind_null(st, 2);
	rc = store_first(s, st, store_read_id, id, "cannot look for a namesake", err);
	return rc < 0 ? rc : 0;
}

static const char SQL_PERSON_BY_EMAIL[] =
	"SELECT id FROM person WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1";

int store_person_by_email(struct store *s, const char *email, int64_t *id, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PERSON_BY_EMAIL, err);
	char *trimmed;
	int rc;

	if (!st)
		return ERR_STORE;
	*id = 0;
	trimmed = text_trimmed(email, strlen(email)); /* as the add will store it */
	bind_text(st, 1, trimmed);
	rc = store_first(s, st, store_read_id, id, "cannot look for the e-mail address", err);
	free(trimmed);
	return rc < 0 ? rc : 0;
}

int store_person_get(struct store *s, int64_t id, struct person *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PERSON_GET, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	if ((rc = store_one(s, st, read_person, out, "person", id, err)))
		return rc;
	return read_tags(s, out, err);
}

int store_person_list(struct store *s, int64_t org_id, const char *tag, person_vec *out,
		      struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PERSON_LIST, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_id(st, 1, org_id);
	bind_text(st, 2, tag);
	if ((rc = store_each(s, st, push_person, out, "cannot list people", err)))
		return rc;
	for (size_t i = 0; i < out->n; i++)
		if (read_tags(s, &out->items[i], err))
			return err->code;
	return 0;
}
