/* insights.c: the Insights page's figures, each one aggregate query (see insights.h). */
#include "store/insights.h"

#include <stdlib.h>

#include "store/store_internal.h"

/* How far each opportunity got: the highest step (1 applied .. 5 accepted, 0
 * none) among the stages it ever entered (its history) and the one it is in. */
#define REACH_CTE                                                                            \
	"reach(opp_id, rank) AS (SELECT opp_id, max(CASE stage"                              \
	" WHEN 'applied' THEN 1 WHEN 'conversation' THEN 2 WHEN 'interviewing' THEN 3"       \
	" WHEN 'offer' THEN 4 WHEN 'negotiating' THEN 4 WHEN 'accepted' THEN 5 ELSE 0 END)" \
	" FROM (SELECT opp_id, to_stage AS stage FROM stage_change"                          \
	"  UNION ALL SELECT id, stage FROM opportunity) AS stages GROUP BY opp_id)"

static const char SQL_FUNNEL[] =
	"WITH " REACH_CTE
	" SELECT count(*), ifnull(sum(rank >= 1), 0), ifnull(sum(rank >= 2), 0),"
	" ifnull(sum(rank >= 3), 0), ifnull(sum(rank >= 4), 0), ifnull(sum(rank >= 5), 0)"
	" FROM reach";

/* One count per week, each from the interaction_at index. */
static const char SQL_WEEKLY[] =
	"WITH RECURSIVE w(i, s, e) AS (SELECT 0, ?1, date(?1, '+7 days')"
	" UNION ALL SELECT i + 1, e, date(e, '+7 days') FROM w WHERE i + 1 < ?2)"
	" SELECT i, (SELECT count(*) FROM interaction WHERE"
	"  " SQL_MOMENT_AFTER("at", ">=", SQL_UTC_OF_LOCAL("s"), "s")
	"  AND " SQL_MOMENT_BEFORE("at", "<", SQL_UTC_OF_LOCAL("e"), "e") ") FROM w";

/* r: the latest replies; k: each with its thread (an opportunity, or a
 * person); p: the thread's previous reply; w: the wait since the first thing
 * sent after it. Every look-up is an index seek: interaction_opp_direction
 * for an opportunity, interaction_person_person for a person. The first row
 * is (-1, how many, the median), then (bucket, how many). */
static const char SQL_REPLIES[] =
	"WITH r AS (SELECT id, at, opp_id FROM interaction"
	"  WHERE " SQL_MOMENT_AFTER("at", ">=", "?1", "?4") " AND " SQL_MOMENT_BEFORE("at", "<", "?2", "?5")
	"  AND direction = 'in' ORDER BY at DESC LIMIT ?3),"
	" k AS (SELECT r.at, r.opp_id, 0 AS person_id FROM r WHERE r.opp_id IS NOT NULL"
	"  UNION ALL SELECT r.at, NULL, ip.person_id FROM r"
	"  JOIN interaction_person ip ON ip.interaction_id = r.id WHERE r.opp_id IS NULL),"
	" p AS (SELECT k.at, k.opp_id, k.person_id, CASE WHEN k.opp_id IS NOT NULL THEN"
	"  (SELECT max(at) FROM interaction WHERE opp_id = k.opp_id AND direction = 'in'"
	"   AND at < k.at)"
	"  ELSE (SELECT max(ip.at) FROM interaction_person ip"
	"   JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = k.person_id"
	"   AND ip.at < k.at AND i.direction = 'in' AND i.opp_id IS NULL) END AS prev FROM k),"
	" w(days) AS MATERIALIZED (SELECT julianday(p.at) - julianday(CASE"
	"  WHEN p.opp_id IS NOT NULL THEN (SELECT min(at) FROM interaction"
	"   WHERE opp_id = p.opp_id AND direction = 'out' AND at < p.at AND at > ifnull(p.prev, ''))"
	"  ELSE (SELECT min(ip.at) FROM interaction_person ip"
	"   JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = p.person_id"
	"   AND ip.at < p.at AND ip.at > ifnull(p.prev, '') AND i.direction = 'out'"
	"   AND i.opp_id IS NULL) END) FROM p),"
	" v(days) AS MATERIALIZED (SELECT days FROM w WHERE days IS NOT NULL),"
	" n(n) AS MATERIALIZED (SELECT count(*) FROM v)"
	" SELECT -1, (SELECT n FROM n), (SELECT avg(days) FROM (SELECT days FROM v ORDER BY days"
	"  LIMIT 2 - (SELECT n FROM n) % 2 OFFSET ((SELECT n FROM n) - 1) / 2) AS middle)"
	" UNION ALL SELECT CASE WHEN days < 1 THEN 0 WHEN days < 3 THEN 1 WHEN days < 7 THEN 2"
	"  WHEN days < 14 THEN 3 ELSE 4 END AS b, count(*), NULL FROM v GROUP BY b";

/* The active opportunities with the day of their latest interaction (one
 * seek each in interaction_opp), or of their creation. */
#define ACTIVE_SQL                                                                           \
	"SELECT o.id, o.slug, o.title, g.name AS org, g.id AS org_id, o.stage,"                              \
	" (SELECT max(at) FROM interaction WHERE opp_id = o.id) AS seen, o.created_at"       \
	" FROM opportunity o JOIN organisation g ON g.id = o.org_id"                         \
	" WHERE o.stage IN ('applied', 'conversation', 'interviewing', 'offer', 'negotiating')"

static const char SQL_SILENCE_COUNTS[] =
	"WITH a AS (" ACTIVE_SQL "), l(last) AS (SELECT ifnull(seen, created_at) FROM a)"
	" SELECT count(*), ifnull(sum(" SQL_MOMENT_AFTER("last", ">=", "?1", "?3") "), 0),"
	" ifnull(sum(" SQL_MOMENT_BEFORE("last", "<", "?1", "?3") " AND "
	SQL_MOMENT_AFTER("last", ">=", "?2", "?4") "), 0),"
	" ifnull(sum(" SQL_MOMENT_BEFORE("last", "<", "?2", "?4") "), 0) FROM l";

static const char SQL_SILENCE_LIST[] =
	"WITH a AS (" ACTIVE_SQL "), l AS (SELECT id, slug, title, org, org_id, stage,"
	" ifnull(seen, created_at) AS last, seen IS NULL AS unseen FROM a)"
	" SELECT id, slug, title, org, org_id, stage, last, unseen"
	" FROM l WHERE " SQL_MOMENT_BEFORE("last", "<", "?1", "?3") " ORDER BY last DESC, id LIMIT ?2";

static const char SQL_SOURCES[] =
	"WITH " REACH_CTE
	" SELECT min(nullif(trim(o.source), '')), count(*), ifnull(sum(r.rank >= 3), 0),"
	" ifnull(sum(r.rank >= 4), 0) FROM opportunity o JOIN reach r ON r.opp_id = o.id"
	" GROUP BY lower(ifnull(trim(o.source), '')) ORDER BY count(*) DESC, 1 NULLS FIRST";

/* The aggregate queries below give one row; a negative ERR_* code or 0. */
static int read_aggregate(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
			  const char *doing, struct error *err)
{
	int rc = store_first(s, st, read, out, doing, err);

	return rc < 0 ? rc : 0;
}

static void read_funnel(struct db_stmt *st, void *funnel)
{
	struct insights_funnel *out = funnel;

	out->total = db_column_int64(st, 0);
	for (int i = 0; i < INSIGHTS_STEPS; i++)
		out->reached[i] = db_column_int64(st, i + 1);
}

int store_insights_funnel(struct store *s, struct insights_funnel *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_FUNNEL, err);

	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_STORE;
	return read_aggregate(s, st, read_funnel, out, "cannot count the funnel", err);
}

int store_insights_weekly(struct store *s, const char *first, int nweeks, int64_t *counts,
			  struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_WEEKLY, err);
	int rc;

	for (int i = 0; i < nweeks; i++)
		counts[i] = 0;
	if (!st)
		return ERR_STORE;
	bind_text(st, 1, first);
	db_bind_int64(st, 2, nweeks);
	while ((rc = store_step(s, st, "cannot count the interactions per week", err)) ==
	       DB_ROW) {
		int i = db_column_int(st, 0);
		if (i >= 0 && i < nweeks)
			counts[i] = db_column_int64(st, 1);
	}
	return rc == DB_DONE ? 0 : rc;
}

int store_insights_replies(struct store *s, const char *since, const char *until, int limit,
			   struct insights_replies *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_REPLIES, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_STORE;
	bind_moment(st, 1, 4, since);
	bind_moment(st, 2, 5, until);
	db_bind_int64(st, 3, limit);
	while ((rc = store_step(s, st, "cannot measure the time to a reply", err)) == DB_ROW) {
		int b = db_column_int(st, 0);
		if (b < 0) {
			out->n = db_column_int64(st, 1);
			out->median = db_column_double(st, 2);
		} else if (b < INSIGHTS_REPLY_BUCKETS) {
			out->bucket[b] = db_column_int64(st, 1);
		}
	}
	return rc == DB_DONE ? 0 : rc;
}

void insights_silence_release(struct insights_silence *v)
{
	for (size_t i = 0; i < v->list.n; i++) {
		opp_ref_release(&v->list.items[i].opp);
		free(v->list.items[i].last);
	}
	free(v->list.items);
	memset(v, 0, sizeof(*v));
}

static void read_silence_counts(struct db_stmt *st, void *silence)
{
	struct insights_silence *out = silence;

	out->active = db_column_int64(st, 0);
	out->in_touch = db_column_int64(st, 1);
	out->quiet = db_column_int64(st, 2);
	out->silent = db_column_int64(st, 3);
}

int store_insights_silence(struct store *s, const char *quiet_from, const char *silent_from,
			   int limit, struct insights_silence *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SILENCE_COUNTS, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_STORE;
	bind_moment(st, 1, 3, quiet_from);
	bind_moment(st, 2, 4, silent_from);
	rc = read_aggregate(s, st, read_silence_counts, out,
			    "cannot count the silent opportunities", err);
	if (rc || !(st = store_stmt(s, SQL_SILENCE_LIST, err)))
		return rc ? rc : ERR_STORE;
	bind_moment(st, 1, 3, silent_from);
	db_bind_int64(st, 2, limit);
	while ((rc = store_step(s, st, "cannot list the silent opportunities", err)) ==
	       DB_ROW) {
		struct silent_opp *o = VEC_PUSH(&out->list);
		col_opp_ref(st, 0, &o->opp);
		o->stage = (enum stage)col_enum(st, 5, &stage_def);
		o->last = col_time(st, 6);
		o->never = db_column_int(st, 7) != 0;
	}
	return rc == DB_DONE ? 0 : rc;
}

void source_row_vec_release(source_row_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i].source);
	free(v->items);
	memset(v, 0, sizeof(*v));
}

int store_insights_sources(struct store *s, source_row_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SOURCES, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return ERR_STORE;
	while ((rc = store_step(s, st, "cannot count the opportunities per source", err)) ==
	       DB_ROW) {
		struct source_row *r = VEC_PUSH(out);
		r->source = col_text(st, 0);
		r->total = db_column_int64(st, 1);
		r->interviewing = db_column_int64(st, 2);
		r->offer = db_column_int64(st, 3);
	}
	return rc == DB_DONE ? 0 : rc;
}
