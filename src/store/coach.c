/*
 * coach.c: a client's grants to coaches, the coach's view and dashboard,
 * and the coach's suggestions (store/coach.h; issue 20). PostgreSQL's
 * SQL only: a practice's database is PostgreSQL's, and these tables and
 * settings are its practice migration 3's (schema_pg.c).
 */
#include "store/coach.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/account.h"
#include "store/store_internal.h"

bool coach_level_valid(const char *level)
{
	return level && (!strcmp(level, "read") || !strcmp(level, "suggest"));
}

/* ---- grants ---- */

static void grant_release(struct coach_grant *g)
{
	free(g->client_email);
	free(g->coach_email);
	free(g->level);
	free(g->granted_at);
}
VEC_RELEASE_FN(coach_grant_vec_release, coach_grant_vec, grant_release)

/* Only an active coach's address takes a grant; the policy keeps the row
 * the client's own (client_id is the account acted for). */
static const char SQL_GRANT[] =
	"INSERT INTO coach_grant (client_id, coach_id, level, granted_at)"
	" SELECT rapport_account(), a.id, CAST(?2 AS text), CAST(?3 AS text) FROM account a"
	" WHERE a.email = lower(CAST(?1 AS text)) AND a.role = 'coach' AND a.disabled_at IS NULL"
	" AND a.id <> rapport_account()"
	" ON CONFLICT (client_id, coach_id) DO UPDATE SET level = excluded.level,"
	" granted_at = excluded.granted_at";
static const char SQL_REVOKE[] =
	"DELETE FROM coach_grant WHERE client_id = rapport_account() AND coach_id ="
	" (SELECT id FROM account WHERE email = lower(CAST(?1 AS text)))";
static const char SQL_GRANTS[] =
	"SELECT g.client_id, g.coach_id, c.email, k.email, g.level, g.granted_at"
	" FROM coach_grant g JOIN account c ON c.id = g.client_id"
	" JOIN account k ON k.id = g.coach_id ORDER BY k.email, c.email";
static const char SQL_LEVEL[] =
	"SELECT level FROM coach_grant WHERE client_id = ?1 AND coach_id = rapport_account()";
/* The coach's view: SET LOCAL each (set_config(..., true)), the role and
 * read-only too (a transaction may turn read-only after its first query). */
static const char SQL_VIEW[] =
	"SELECT set_config('rapport.account', '', true), set_config('rapport.coach', ?1, true),"
	" set_config('rapport.client', ?2, true), set_config('role', 'rapport_coach', true),"
	" set_config('transaction_read_only', 'on', true)";

int store_coach_grant(struct store *s, const char *coach_email, const char *level,
		      struct error *err)
{
	struct db_stmt *st;
	int rc;

	if (account_require(s, err))
		return err->code;
	if (!coach_level_valid(level))
		return error_set(err, ERR_INVALID, "the level is " COACH_LEVELS ", not '%s'",
				 level ? level : "");
	if (!(st = store_stmt(s, SQL_GRANT, err)))
		return err->code;
	bind_text(st, 1, coach_email);
	bind_text(st, 2, level);
	bind_text(st, 3, store_instant(s));
	if ((rc = store_exec_stmt(s, st, "cannot grant access", err)))
		return rc;
	if (store_changes(s) == 0)
		return error_set(err, ERR_NOT_FOUND, "no coach of this practice has the address "
						     "'%s'", coach_email ? coach_email : "");
	return 0;
}

int store_coach_revoke(struct store *s, const char *coach_email, struct error *err)
{
	struct db_stmt *st;
	int rc;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_REVOKE, err)))
		return err->code;
	bind_text(st, 1, coach_email);
	if ((rc = store_exec_stmt(s, st, "cannot revoke access", err)))
		return rc;
	if (store_changes(s) == 0)
		return error_set(err, ERR_NOT_FOUND, "you have given no access to '%s'",
				 coach_email ? coach_email : "");
	return 0;
}

static void push_grant(struct db_stmt *st, void *out)
{
	struct coach_grant *g = VEC_PUSH((coach_grant_vec *)out);

	g->client_id = db_column_int64(st, 0);
	g->coach_id = db_column_int64(st, 1);
	g->client_email = col_text(st, 2);
	g->coach_email = col_text(st, 3);
	g->level = col_text(st, 4);
	g->granted_at = col_stamp(st, 5);
}

int store_coach_grants(struct store *s, coach_grant_vec *out, struct error *err)
{
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_GRANTS, err)))
		return err->code;
	return store_each(s, st, push_grant, out, "cannot read the grants", err);
}

static void read_level(struct db_stmt *st, void *out)
{
	char *level = col_text(st, 0);

	snprintf(out, 16, "%s", level ? level : "");
	free(level);
}

int store_coach_level(struct store *s, int64_t client_id, char level[16], struct error *err)
{
	struct db_stmt *st;
	int rc;

	level[0] = '\0';
	if (account_require(s, err) || !(st = store_stmt(s, SQL_LEVEL, err)))
		return err->code;
	bind_id(st, 1, client_id);
	rc = store_first(s, st, read_level, level, "cannot read the grants", err);
	if (rc < 0)
		return rc;
	return rc ? 0 : error_set(err, ERR_NOT_FOUND, "no client %lld", (long long)client_id);
}

static const char SQL_ACTING[] = "SELECT rapport_account()";

int store_account_acting(struct store *s, int64_t *id, struct error *err)
{
	struct db_stmt *st;

	*id = 0;
	if (account_require(s, err) || !(st = store_stmt(s, SQL_ACTING, err)) ||
	    store_number(s, st, id, "cannot read the account", err))
		return err->code;
	return *id ? 0 : error_set(err, ERR_INVALID, "no account is signed in");
}

int store_coach_view(struct store *s, int64_t coach_id, int64_t client_id, struct error *err)
{
	char coach[24], client[24];
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_VIEW, err)))
		return err->code;
	snprintf(coach, sizeof(coach), "%lld", (long long)coach_id);
	snprintf(client, sizeof(client), "%lld", (long long)client_id);
	bind_text(st, 1, coach);
	bind_text(st, 2, client);
	return store_first(s, st, NULL, NULL, "cannot read as the coach", err) < 0 ? err->code : 0;
}

/* ---- the dashboard: one query per measure, every client at once ---- */

static void client_release(struct coach_client *c)
{
	free(c->email);
	free(c->level);
	free(c->last_activity);
	free(c->offer_deadline);
}
VEC_RELEASE_FN(coach_client_vec_release, coach_client_vec, client_release)

#define CLOSED_STAGES "('accepted', 'declined', 'rejected', 'withdrawn')"
/* The clients, by id (each measure's rows are found by it). */
static const char SQL_CLIENTS[] =
	"SELECT g.client_id, a.email, g.level FROM coach_grant g JOIN account a"
	" ON a.id = g.client_id WHERE g.coach_id = rapport_coach() ORDER BY g.client_id";
static const char SQL_BY_STAGE[] =
	"SELECT account_id, stage, count(*) FROM opportunity WHERE stage NOT IN " CLOSED_STAGES
	" GROUP BY account_id, stage";
/* The newest interaction up to now: the index (account_id, at) once per
 * client, not every interaction of every client. */
static const char SQL_LAST_ACTIVITY[] =
	"SELECT g.client_id, (SELECT max(i.at) FROM interaction i WHERE i.account_id ="
	" g.client_id AND i.at <= CAST(?1 AS text)) FROM coach_grant g"
	" WHERE g.coach_id = rapport_coach()";
static const char SQL_OVERDUE[] =
	"SELECT account_id, count(*) FROM task WHERE status = 'open' AND due < CAST(?1 AS text)"
	" AND " SQL_TASK_SHOWN("", "CAST(?1 AS text)") " GROUP BY account_id";
/* Neither moved nor talked about since ?1: an anti-join on the index
 * (opp_id, at), one short probe per active opportunity (the newest
 * interaction of each, as Insights reads it, took 3 s for 1,000 clients). */
static const char SQL_SILENT[] =
	"SELECT o.account_id, count(*) FROM opportunity o WHERE o.stage NOT IN " CLOSED_STAGES
	" AND o.stage_changed_at < CAST(?1 AS text) AND NOT EXISTS (SELECT FROM interaction i"
	" WHERE i.opp_id = o.id AND i.at >= CAST(?1 AS text)) GROUP BY o.account_id";
static const char SQL_INTERVIEWS[] =
	"SELECT account_id, count(*) FROM interaction WHERE kind = 'interview'"
	" AND at >= CAST(?1 AS text) AND at < CAST(?2 AS text) GROUP BY account_id";
static const char SQL_OFFERS[] =
	"SELECT o.account_id, count(*), min(f.deadline) FILTER (WHERE f.deadline >="
	" CAST(?1 AS text)) FROM offer f JOIN opportunity o ON o.id = f.opp_id"
	" WHERE o.stage IN ('offer', 'negotiating') GROUP BY o.account_id";

static void push_client(struct db_stmt *st, void *out)
{
	struct coach_client *c = VEC_PUSH((coach_client_vec *)out);

	c->id = db_column_int64(st, 0);
	c->email = col_text(st, 1);
	c->level = col_text(st, 2);
}

/* The client of column 0's id (the vector is by id); NULL for a row of
 * no client listed (none: the policies show only theirs). */
static struct coach_client *client_of(struct db_stmt *st, coach_client_vec *v)
{
	int64_t id = db_column_int64(st, 0);
	size_t lo = 0, hi = v->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->items[mid].id == id)
			return &v->items[mid];
		if (v->items[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void read_by_stage(struct db_stmt *st, void *out)
{
	struct coach_client *c = client_of(st, out);
	int stage = col_enum(st, 1, &stage_def);

	if (c && stage >= 0 && stage < COACH_ACTIVE_STAGES) {
		c->by_stage[stage] = db_column_int64(st, 2);
		c->active += c->by_stage[stage];
	}
}

static void read_last_activity(struct db_stmt *st, void *out)
{
	struct coach_client *c = client_of(st, out);

	if (c)
		c->last_activity = col_time(st, 1);
}

static void read_offers(struct db_stmt *st, void *out)
{
	struct coach_client *c = client_of(st, out);

	if (c) {
		c->offers = db_column_int64(st, 1);
		c->offer_deadline = col_text(st, 2);
	}
}

/* A measure that is a count, column 1, into the field at offset of its
 * client (column 0). */
struct count_into {
	coach_client_vec *clients;
	size_t offset;
};

static void read_count(struct db_stmt *st, void *out)
{
	const struct count_into *into = out;
	struct coach_client *c = client_of(st, into->clients);

	if (c)
		*(int64_t *)(void *)((char *)c + into->offset) = db_column_int64(st, 1);
}

/* A text that may be NULL, NULL last when nulls_last, else first. */
static int cmp_opt_text(const char *a, const char *b, bool nulls_last)
{
	if (a && b)
		return strcmp(a, b);
	if (!a && !b)
		return 0;
	return (!a) == nulls_last ? 1 : -1;
}

/* Who needs attention first (coach.h's coach_dashboard). */
static int cmp_attention(const void *pa, const void *pb)
{
	const struct coach_client *a = pa, *b = pb;
	int c;

	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->silent != b->silent)
		return a->silent > b->silent ? -1 : 1;
	if ((c = cmp_opt_text(a->offer_deadline, b->offer_deadline, true)))
		return c;
	if ((c = cmp_opt_text(a->last_activity, b->last_activity, false)))
		return c;
	return strcmp(a->email ? a->email : "", b->email ? b->email : "");
}

/* Run a measure's statement st over every row into the clients. */
static int measure(struct store *s, struct db_stmt *st, store_read_fn *read,
		   coach_client_vec *out, struct error *err)
{
	return store_each(s, st, read, out, "cannot read the clients' searches", err);
}

/* The day `days` after the store's today, as text. */
static void day_after(const struct store *s, long days, char out[DATE_BUFSZ])
{
	struct datetime dt = *store_now(s);

	date_add_days(&dt, days);
	date_format_day(&dt, out);
}

/* Run a counting measure's statement st into field (an offsetof) of each client. */
static int count(struct store *s, struct db_stmt *st, coach_client_vec *out, size_t field,
		 struct error *err)
{
	struct count_into into = { out, field };

	return store_each(s, st, read_count, &into, "cannot read the clients' searches", err);
}

static int measures(struct store *s, coach_client_vec *out, struct error *err)
{
	char today[DATE_BUFSZ], silent_from[DATE_BUFSZ], week_end[DATE_BUFSZ];
	struct db_stmt *st;

	day_after(s, 0, today);
	day_after(s, -COACH_SILENT_DAYS + 1, silent_from);
	day_after(s, COACH_WEEK_DAYS, week_end);
	if (!(st = store_stmt(s, SQL_BY_STAGE, err)) || measure(s, st, read_by_stage, out, err))
		return err->code;
	if (!(st = store_stmt(s, SQL_LAST_ACTIVITY, err)))
		return err->code;
	bind_text(st, 1, store_instant(s));
	if (measure(s, st, read_last_activity, out, err) ||
	    !(st = store_stmt(s, SQL_OVERDUE, err)))
		return err->code;
	bind_text(st, 1, today);
	if (count(s, st, out, offsetof(struct coach_client, overdue), err) ||
	    !(st = store_stmt(s, SQL_SILENT, err)))
		return err->code;
	bind_text(st, 1, silent_from);
	if (count(s, st, out, offsetof(struct coach_client, silent), err) ||
	    !(st = store_stmt(s, SQL_INTERVIEWS, err)))
		return err->code;
	bind_text(st, 1, today);
	bind_text(st, 2, week_end);
	if (count(s, st, out, offsetof(struct coach_client, interviews), err) ||
	    !(st = store_stmt(s, SQL_OFFERS, err)))
		return err->code;
	bind_text(st, 1, today);
	return measure(s, st, read_offers, out, err);
}

int coach_dashboard(struct store *s, int64_t coach_id, coach_client_vec *out,
		    struct error *err)
{
	struct db_stmt *st;

	if (store_coach_view(s, coach_id, 0, err) || !(st = store_stmt(s, SQL_CLIENTS, err)) ||
	    store_each(s, st, push_client, out, "cannot read the clients", err) ||
	    measures(s, out, err))
		return err->code;
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), cmp_attention);
	return 0;
}

/* ---- suggestions ---- */

void suggestion_release(struct suggestion *sg)
{
	free(sg->kind);
	free(sg->opp_title);
	free(sg->person_name);
	free(sg->text);
	free(sg->due);
	free(sg->coach_email);
	free(sg->created_at);
	free(sg->status);
	memset(sg, 0, sizeof(*sg));
}
VEC_RELEASE_FN(suggestion_vec_release, suggestion_vec, suggestion_release)

static const char SQL_SUGGEST[] =
	"SELECT rapport_suggest(?1, CAST(?2 AS text), ?3, ?4, CAST(?5 AS text),"
	" CAST(?6 AS text), CAST(?7 AS text))";
#define SUGGESTION_SELECT                                                                 \
	"SELECT s.id, s.kind, s.opp_id, o.title, s.person_id, p.name, s.text, s.due,"    \
	" a.email, s.created_at, s.status FROM suggestion s"                              \
	" LEFT JOIN opportunity o ON o.id = s.opp_id LEFT JOIN person p ON p.id = s.person_id" \
	" LEFT JOIN account a ON a.id = s.coach_id"
static const char SQL_SUGGESTIONS_OPEN[] =
	SUGGESTION_SELECT " WHERE s.status = 'open' ORDER BY s.id DESC";
static const char SQL_SUGGESTION_GET[] =
	SUGGESTION_SELECT " WHERE s.id = ?1 AND s.status = 'open'";
static const char SQL_SUGGESTION_DECIDE[] =
	"UPDATE suggestion SET status = CAST(?2 AS text), decided_at = CAST(?3 AS text)"
	" WHERE id = ?1 AND status = 'open'";

int store_suggestion_add(struct store *s, int64_t client_id, const struct suggestion *sg,
			 int64_t *id, struct error *err)
{
	struct db_stmt *st;
	int rc;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_SUGGEST, err)))
		return err->code;
	bind_id(st, 1, client_id);
	bind_text(st, 2, sg->kind);
	bind_id(st, 3, sg->opp_id);
	bind_id(st, 4, sg->person_id);
	bind_text(st, 5, sg->text);
	bind_text(st, 6, sg->due);
	bind_text(st, 7, store_instant(s));
	*id = 0;
	rc = store_first(s, st, store_read_id, id, "cannot leave the suggestion", err);
	if (rc < 0)
		return rc;
	return *id ? 0 : error_set(err, ERR_NOT_FOUND, "no such opportunity or person");
}

static void read_suggestion(struct db_stmt *st, void *out)
{
	struct suggestion *sg = out;

	sg->id = db_column_int64(st, 0);
	sg->kind = col_text(st, 1);
	sg->opp_id = col_opt_int(st, 2) > 0 ? col_opt_int(st, 2) : 0;
	sg->opp_title = col_text(st, 3);
	sg->person_id = col_opt_int(st, 4) > 0 ? col_opt_int(st, 4) : 0;
	sg->person_name = col_text(st, 5);
	sg->text = col_text(st, 6);
	sg->due = col_text(st, 7);
	sg->coach_email = col_text(st, 8);
	sg->created_at = col_stamp(st, 9);
	sg->status = col_text(st, 10);
}

static void push_suggestion(struct db_stmt *st, void *out)
{
	read_suggestion(st, VEC_PUSH((suggestion_vec *)out));
}

int store_suggestions_open(struct store *s, suggestion_vec *out, struct error *err)
{
	struct db_stmt *st;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_SUGGESTIONS_OPEN, err)))
		return err->code;
	return store_each(s, st, push_suggestion, out, "cannot read the suggestions", err);
}

int store_suggestion_get(struct store *s, int64_t id, struct suggestion *out,
			 struct error *err)
{
	struct db_stmt *st;

	memset(out, 0, sizeof(*out));
	if (account_require(s, err) || !(st = store_stmt(s, SQL_SUGGESTION_GET, err)))
		return err->code;
	bind_id(st, 1, id);
	return store_one(s, st, read_suggestion, out, "open suggestion", id, err);
}

int store_suggestion_decide(struct store *s, int64_t id, const char *status, struct error *err)
{
	struct db_stmt *st;
	int rc;

	if (account_require(s, err) || !(st = store_stmt(s, SQL_SUGGESTION_DECIDE, err)))
		return err->code;
	bind_id(st, 1, id);
	bind_text(st, 2, status);
	bind_text(st, 3, store_instant(s));
	if ((rc = store_exec_stmt(s, st, "cannot decide on the suggestion", err)))
		return rc;
	return store_changes(s) ? 0
				: error_set(err, ERR_NOT_FOUND, "no open suggestion %lld",
					    (long long)id);
}
