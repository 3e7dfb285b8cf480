/* complete.c: names for the shell completions, by prefix (see complete.h). */
#include "store/complete.h"
#include "store/store_internal.h"

#include <stdlib.h>

#include "core/text.h"

static const char *const what_names[] = { "people", "orgs", "opps", "tasks" };
const struct enum_def store_complete_def = { "list to complete", what_names,
					     ARRAY_SIZE(what_names) };

/* A range on the index rather than LIKE or GLOB: "starts with ?1" as
 * ?1 <= key < ?1 followed by the last code point, which an index answers
 * whatever the prefix holds (a "%" or a "*" is a letter like any other).
 * PostgreSQL has starts_with(), and no char(). */
#define STARTS_WITH(col) col " >= ?1 AND " col " < ?1 || char(1114111)"
#define STARTS_WITH_PG(col) "starts_with(" col ", ?1)"

#define SQL_PEOPLE(starts_with)                                                      \
	"SELECT p.name, coalesce(p.title || ', ' || o.name, p.title, o.name) FROM person p" \
	" LEFT JOIN organisation o ON o.id = p.org_id"                                  \
	" WHERE " starts_with("p.name_key") " ORDER BY p.name_key LIMIT ?2"
#define SQL_ORGS(starts_with)                                                        \
	"SELECT name, location FROM organisation"                                       \
	" WHERE " starts_with("name_key") " ORDER BY name_key LIMIT ?2"
#define SQL_OPPS(starts_with)                                                        \
	"SELECT slug, title FROM opportunity"                                           \
	" WHERE " starts_with("slug") " ORDER BY slug LIMIT ?2"
/* Open tasks only, shown today (?3): the ones a command about a task is
 * usually given (task_status_due); the id is matched as text, as it is typed. */
static const char SQL_TASKS[] =
	"SELECT id, title FROM task WHERE status = 'open' AND " SQL_TASK_SHOWN("", "?3")
	" AND substr(CAST(id AS TEXT), 1, length(?1)) = ?1 ORDER BY due, id LIMIT ?2";

static const char *const complete_sql[] = {
	[COMPLETE_PEOPLE] = SQL_PEOPLE(STARTS_WITH),
	[COMPLETE_ORGS] = SQL_ORGS(STARTS_WITH),
	[COMPLETE_OPPS] = SQL_OPPS(STARTS_WITH),
	[COMPLETE_TASKS] = SQL_TASKS,
};
static const char *const complete_sql_pg[] = {
	[COMPLETE_PEOPLE] = SQL_PEOPLE(STARTS_WITH_PG),
	[COMPLETE_ORGS] = SQL_ORGS(STARTS_WITH_PG),
	[COMPLETE_OPPS] = SQL_OPPS(STARTS_WITH_PG),
	[COMPLETE_TASKS] = SQL_TASKS,
};

int store_complete(struct store *s, enum store_complete_what what, const char *prefix,
		   store_complete_fn *fn, void *ctx, struct error *err)
{
	struct db_stmt *st =
		store_stmt(s, (store_speaks_pg(s) ? complete_sql_pg : complete_sql)[what], err);
	bool folded = what == COMPLETE_PEOPLE || what == COMPLETE_ORGS;
	int rc;

	if (!st)
		return ERR_STORE;
	if (folded)
		bind_text_owned(st, 1, text_fold(prefix));
	else
		bind_text_static(st, 1, prefix, -1);
	bind_opt_int(st, 2, STORE_COMPLETE_MAX);
	if (what == COMPLETE_TASKS)
		bind_today(s, st, 3);
	while ((rc = store_step(s, st, "cannot read the names to complete", err)) == DB_ROW)
		fn(db_column_text(st, 0), db_column_text(st, 1),
		   ctx);
	return rc == DB_DONE ? 0 : rc;
}
