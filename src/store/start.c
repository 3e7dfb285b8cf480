/* start.c: the counts behind the start checklist (see start.h). */
#include "store/start.h"

#include "store/store_internal.h"

static const char SQL_START_COUNTS[] =
	"SELECT (SELECT count(*) FROM want), (SELECT count(*) FROM want WHERE must),"
	" (SELECT count(*) FROM opportunity o WHERE EXISTS (SELECT 1 FROM opp_person p"
	"   WHERE p.opp_id = o.id) OR EXISTS (SELECT 1 FROM interaction i"
	"   JOIN interaction_person ip ON ip.interaction_id = i.id WHERE i.opp_id = o.id)),"
	" (SELECT count(*) FROM person WHERE linkedin IS NOT NULL AND linkedin <> '')";

static const char SQL_START_NEWEST_OPP[] =
	"SELECT slug FROM opportunity ORDER BY id DESC LIMIT 1";

int store_start_counts(struct store *s, struct start_counts *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_START_COUNTS, err);
	int rc;

	*out = (struct start_counts){ 0 };
	if (!st)
		return ERR_STORE;
	rc = store_step(s, st, "cannot count what the search holds", err);
	if (rc == DB_ROW) {
		out->wants = db_column_int64(st, 0);
		out->must_wants = db_column_int64(st, 1);
		out->opps_with_people = db_column_int64(st, 2);
		out->linkedin_people = db_column_int64(st, 3);
	}
	db_reset(st);
	return rc == DB_ROW ? 0 : rc < 0 ? rc : ERR_STORE;
}

static void read_slug(struct db_stmt *st, void *slug)
{
	*(char **)slug = col_text(st, 0);
}

int store_start_newest_opp(struct store *s, char **slug, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_START_NEWEST_OPP, err);
	int rc;

	*slug = NULL;
	if (!st)
		return ERR_STORE;
	rc = store_first(s, st, read_slug, slug, "cannot read the newest opportunity", err);
	return rc < 0 ? rc : 0;
}
