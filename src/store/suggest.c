/* suggest.c: names to choose from (see suggest.h). */
#include "store/suggest.h"

#include <stdlib.h>

#include "store/store_internal.h"

/* From the open opportunities (an index seek each into opp_person) and the
 * newest people (by rowid), never a scan of every interaction. */
static const char SQL_PEOPLE_TO_SUGGEST[] =
	"WITH ids(id) AS ("
	" SELECT op.person_id FROM opportunity x JOIN opp_person op ON op.opp_id = x.id"
	" WHERE x.stage NOT IN ('accepted', 'declined', 'rejected', 'withdrawn')"
	" UNION SELECT id FROM (SELECT id FROM person ORDER BY id DESC LIMIT ?1) AS newest)"
	" SELECT p.id, p.name, o.name FROM ids JOIN person p ON p.id = ids.id"
	" LEFT JOIN organisation o ON o.id = p.org_id"
	" ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2";
static const char SQL_PEOPLE_NAMES[] =
	"SELECT p.id, p.name, o.name FROM person p LEFT JOIN organisation o ON o.id = p.org_id"
	" ORDER BY p.id";

static void person_name_release(struct person_name *p)
{
	free(p->name);
	free(p->org);
}

VEC_RELEASE_FN(person_name_vec_release, person_name_vec, person_name_release)

static void push_name(struct db_stmt *st, void *vec)
{
	struct person_name *p = VEC_PUSH((person_name_vec *)vec);

	p->id = db_column_int64(st, 0);
	p->name = col_text(st, 1);
	p->org = col_text(st, 2);
}

static int read_names(struct store *s, struct db_stmt *st, person_name_vec *out,
		      struct error *err)
{
	return store_each(s, st, push_name, out, "cannot read people's names", err);
}

int store_people_to_suggest(struct store *s, int recent, int limit, person_name_vec *out,
			    struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PEOPLE_TO_SUGGEST, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, recent);
	db_bind_int64(st, 2, limit);
	return read_names(s, st, out, err);
}

int store_people_names(struct store *s, person_name_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PEOPLE_NAMES, err);

	return st ? read_names(s, st, out, err) : ERR_STORE;
}
