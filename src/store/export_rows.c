/* export_rows.c: the exports' queries (see export_rows.h). */
#include "store/export_rows.h"

#include "store/store_internal.h"

static const char SQL_INTERACTIONS_ALL[] = INTERACTION_SELECT " ORDER BY i.id";
/* interaction_at is the index; a date-time sorts after its day. */
static const char SQL_INTERVIEWS_FROM[] =
	INTERACTION_SELECT " WHERE " SQL_MOMENT_AFTER("i.at", ">=", "?1", "?2")
	" AND i.kind = 'interview' ORDER BY i.at, i.id";
/* The people of every interaction, in the order of SQL_INTERACTIONS_ALL: the
 * primary key's order, names sorted within each interaction. */
static const char SQL_PEOPLE_ALL[] =
	"SELECT ip.interaction_id, p.id, p.name FROM interaction_person ip"
	" JOIN person p ON p.id = ip.person_id"
	" ORDER BY ip.interaction_id, p.name COLLATE NOCASE, p.id";

/* Two statements walked side by side (a merge join): each interaction, then
 * the rows of the people statement that belong to it. One query per
 * interaction would cost a million queries on a large file. */
int store_interactions_each(struct store *s, store_interaction_fn fn, void *ctx,
			    struct error *err)
{
	static const char people_doing[] = "cannot read the interactions' people";
	struct db_stmt *st = store_stmt(s, SQL_INTERACTIONS_ALL, err), *pp;
	int rc = 0, row = DB_DONE, prow;

	if (!st || !(pp = store_stmt(s, SQL_PEOPLE_ALL, err)))
		return ERR_STORE;
	prow = store_step(s, pp, people_doing, err);
	while (!rc && prow >= 0 &&
	       (row = store_step(s, st, "cannot read the interactions", err)) == DB_ROW) {
		struct interaction i = { 0 };
		store_interaction_read_row(st, &i);
		while (prow == DB_ROW && db_column_int64(pp, 0) < i.id)
			prow = store_step(s, pp, people_doing, err);
		while (prow == DB_ROW && db_column_int64(pp, 0) == i.id) {
			struct person_ref *r = VEC_PUSH(&i.people);
			r->id = db_column_int64(pp, 1);
			r->name = col_text(pp, 2);
			r->role = -1;
			prow = store_step(s, pp, people_doing, err);
		}
		if (prow >= 0)
			rc = fn(ctx, &i);
		interaction_release(&i);
	}
	db_reset(st);
	db_reset(pp);
	if (rc || prow < 0)
		return rc ? rc : prow;
	return row == DB_DONE ? 0 : row;
}

int store_interviews_from(struct store *s, const char *day, interaction_vec *out,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_INTERVIEWS_FROM, err);

	if (!st)
		return ERR_STORE;
	bind_moment(st, 1, 2, day);
	return store_interaction_read_all(s, st, out, err);
}
