/* export_rows.c: the exports' queries (see export_rows.h). */
#include "store/export_rows.h"

#include "store/store_internal.h"

/* As interaction.c reads an interaction, column for column. */
#define EXPORT_INTERACTION_SELECT                                                \
	"SELECT i.id, i.kind, i.at, i.direction, i.opp_id, p.slug, p.title, o.name,"   \
	" i.summary, i.notes, i.chemistry, i.created_at FROM interaction i"      \
	" LEFT JOIN opportunity p ON p.id = i.opp_id"                           \
	" LEFT JOIN organisation o ON o.id = p.org_id"

static const char SQL_INTERACTIONS_ALL[] = EXPORT_INTERACTION_SELECT " ORDER BY i.id";
/* interaction_at is the index; a date-time sorts after its day. */
static const char SQL_INTERVIEWS_FROM[] =
	EXPORT_INTERACTION_SELECT " WHERE i.at >= ?1 AND i.kind = 'interview' ORDER BY i.at, i.id";
/* The people of every interaction, in the order of SQL_INTERACTIONS_ALL: the
 * primary key's order, names sorted within each interaction. */
static const char SQL_PEOPLE_ALL[] =
	"SELECT ip.interaction_id, p.id, p.name FROM interaction_person ip"
	" JOIN person p ON p.id = ip.person_id"
	" ORDER BY ip.interaction_id, p.name COLLATE NOCASE, p.id";
static const char SQL_PEOPLE_OF[] =
	"SELECT p.id, p.name FROM interaction_person ip JOIN person p ON p.id = ip.person_id"
	" WHERE ip.interaction_id = ? ORDER BY p.name COLLATE NOCASE, p.id";

static void read_row(sqlite3_stmt *st, struct interaction *i)
{
	int kind = col_enum(st, 1, &interaction_kind_def);
	int dir = col_enum(st, 3, &direction_def);

	i->id = sqlite3_column_int64(st, 0);
	i->kind = kind < 0 ? IKIND_NOTE : (enum interaction_kind)kind;
	i->at = col_text(st, 2);
	i->direction = dir < 0 ? DIR_OUT : (enum direction)dir;
	i->opp.id = sqlite3_column_int64(st, 4);
	i->opp.slug = col_text(st, 5);
	i->opp.title = col_text(st, 6);
	i->opp.org_name = col_text(st, 7);
	i->summary = col_text(st, 8);
	i->notes = col_text(st, 9);
	i->chemistry = (int)col_opt_int(st, 10);
	i->created_at = col_text(st, 11);
}

static int read_people(struct store *s, struct interaction *i, struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_PEOPLE_OF, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sqlite3_bind_int64(st, 1, i->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct person_ref *r = VEC_PUSH(&i->people);
		r->id = sqlite3_column_int64(st, 0);
		r->name = col_text(st, 1);
		r->role = -1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "cannot read an interaction's people", err);
}

/* Run st (bound by the caller): every row, then each one's people. */
static int read_all(struct store *s, sqlite3_stmt *st, interaction_vec *out, struct error *err)
{
	size_t first = out->n;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(st, VEC_PUSH(out));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "cannot read the interactions", err);
	for (size_t k = first; k < out->n; k++)
		if (read_people(s, &out->items[k], err))
			return err->code;
	return 0;
}

/* Two statements walked side by side (a merge join): each interaction, then
 * the rows of the people statement that belong to it. One query per
 * interaction would cost a million queries on a large file. */
int store_interactions_each(struct store *s, store_interaction_fn fn, void *ctx,
			    struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_INTERACTIONS_ALL, err), *pp;
	int rc = 0, row = SQLITE_DONE, prow;

	if (!st || !(pp = store_stmt(s, SQL_PEOPLE_ALL, err)))
		return ERR_STORE;
	prow = sqlite3_step(pp);
	while (!rc && (row = sqlite3_step(st)) == SQLITE_ROW) {
		struct interaction i = { 0 };
		read_row(st, &i);
		while (prow == SQLITE_ROW && sqlite3_column_int64(pp, 0) < i.id)
			prow = sqlite3_step(pp);
		while (prow == SQLITE_ROW && sqlite3_column_int64(pp, 0) == i.id) {
			struct person_ref *r = VEC_PUSH(&i.people);
			r->id = sqlite3_column_int64(pp, 1);
			r->name = col_text(pp, 2);
			r->role = -1;
			prow = sqlite3_step(pp);
		}
		if (prow != SQLITE_ROW && prow != SQLITE_DONE)
			rc = store_fail(s, "cannot read the interactions' people", err);
		else
			rc = fn(ctx, &i);
		interaction_release(&i);
	}
	if (!rc && row != SQLITE_DONE)
		rc = store_fail(s, "cannot read the interactions", err);
	sqlite3_reset(st);
	sqlite3_reset(pp);
	return rc;
}

int store_interviews_from(struct store *s, const char *day, interaction_vec *out,
			  struct error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_INTERVIEWS_FROM, err);

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, day);
	return read_all(s, st, out, err);
}
