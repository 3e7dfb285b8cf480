/*
 * browse.c: filtered lists of people and organisations, a page at a time,
 * and a person's opportunities (see browse.h).
 *
 * A filter's words are matched with LIKE against the folded names (name_key,
 * as text_fold makes it) and, as LIKE does, ASCII case-insensitively against
 * titles and locations. The SQL is built from fixed pieces, one per word;
 * every word is bound, never written into it.
 */
#include "store/browse.h"

#include <stdlib.h>

#include "core/text.h"
#include "store/store_internal.h"

struct words {
	char *item[BROWSE_MAX_WORDS]; /* LIKE patterns: "%word%", escaped */
	size_t n;
};

static void words_release(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->item[i]);
	w->n = 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* The words of q, folded, each as a LIKE pattern that matches it anywhere. */
static void words_split(const char *q, struct words *w)
{
	char *folded, *p;

	w->n = 0;
	if (!q)
		return;
	folded = text_fold(q);
	for (p = folded; *p && w->n < BROWSE_MAX_WORDS;) {
		struct strbuf pat = STRBUF_INIT;
		while (is_space(*p))
			p++;
		if (!*p)
			break;
		strbuf_addch(&pat, '%');
		for (; *p && !is_space(*p); p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				strbuf_addch(&pat, '\\');
			strbuf_addch(&pat, *p);
		}
		strbuf_addch(&pat, '%');
		w->item[w->n++] = strbuf_detach(&pat);
	}
	free(folded);
}

/* Prepare sql (built here, so not one of the store's cached statements). */
static struct db_stmt *prepare(struct store *s, const char *sql, struct error *err)
{
	return store_prepare(s, sql, "cannot prepare a list", err);
}

/* The words from ?1, then the tag (when there is one). */
static void bind_words(struct db_stmt *st, const struct words *w, const char *tag)
{
	for (size_t i = 0; i < w->n; i++)
		bind_text_static(st, (int)i + 1, w->item[i], -1);
	if (tag)
		bind_text_static(st, (int)w->n + 1, tag, -1);
}

/* Run a "SELECT count(*) ..." built by the caller, with the words bound from 1. */
static int count_rows(struct store *s, const char *sql, const struct words *w,
		      const char *tag, int64_t *total, struct error *err)
{
	struct db_stmt *st = prepare(s, sql, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_words(st, w, tag);
	rc = store_number(s, st, total, "cannot count the list", err);
	db_finalize(st);
	return rc;
}

/* ---- people ---- */

static void person_where(struct strbuf *sql, const struct words *w, bool tag)
{
	strbuf_addstr(sql, " FROM person p");
	if (w->n)
		strbuf_addstr(sql, " LEFT JOIN organisation o ON o.id = p.org_id");
	strbuf_addstr(sql, " WHERE 1 = 1");
	for (size_t i = 0; i < w->n; i++)
		strbuf_addf(sql, " AND (p.name_key LIKE ?%zu ESCAPE '\\'"
				 " OR o.name_key LIKE ?%zu ESCAPE '\\'"
				 " OR p.title LIKE ?%zu ESCAPE '\\')",
			    i + 1, i + 1, i + 1);
	if (tag)
		strbuf_addf(sql, " AND EXISTS (SELECT 1 FROM person_tag t WHERE t.person_id = p.id"
				 " AND t.tag = ?%zu COLLATE NOCASE)",
			    w->n + 1);
}

int store_person_find(struct store *s, const char *q, const char *tag, size_t limit,
		      person_vec *out, int64_t *total, struct error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct words w;
	struct db_stmt *st = NULL;
	id_vec ids = { 0 };
	int rc;

	if (tag && !*tag)
		tag = NULL;
	words_split(q, &w);
	strbuf_addstr(&sql, "SELECT p.id");
	person_where(&sql, &w, tag);
	strbuf_addf(&sql, " ORDER BY p.name_key, p.id LIMIT %zu", limit);
	if (!(st = prepare(s, sql.buf, err))) {
		rc = ERR_STORE;
		goto out;
	}
	bind_words(st, &w, tag);
	while ((rc = store_step(s, st, "cannot list people", err)) == DB_ROW)
		*VEC_PUSH(&ids) = db_column_int64(st, 0);
	rc = rc == DB_DONE ? 0 : rc;
	/* a page that is not full holds every match: count only when it is */
	*total = (int64_t)ids.n;
	if (!rc && ids.n >= limit) {
		strbuf_reset(&sql);
		strbuf_addstr(&sql, "SELECT count(*)");
		person_where(&sql, &w, tag);
		rc = count_rows(s, sql.buf, &w, tag, total, err);
	}
	for (size_t i = 0; !rc && i < ids.n; i++)
		rc = store_person_get(s, ids.items[i], VEC_PUSH(out), err);
out:
	db_finalize(st);
	free(ids.items);
	words_release(&w);
	strbuf_release(&sql);
	return rc;
}

/* ---- organisations ---- */

static void org_where(struct strbuf *sql, const struct words *w)
{
	strbuf_addstr(sql, " FROM organisation o WHERE 1 = 1");
	for (size_t i = 0; i < w->n; i++)
		strbuf_addf(sql, " AND (o.name_key LIKE ?%zu ESCAPE '\\'"
				 " OR o.location LIKE ?%zu ESCAPE '\\')",
			    i + 1, i + 1);
}

static void org_row_release(struct org_row *r)
{
	org_release(&r->org);
}

VEC_RELEASE_FN(org_row_vec_release, org_row_vec, org_row_release)

int store_org_find(struct store *s, const char *q, size_t limit, org_row_vec *out,
		   int64_t *total, struct error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct words w;
	struct db_stmt *st = NULL;
	size_t first = out->n;
	int rc;

	words_split(q, &w);
	strbuf_addstr(&sql, "SELECT o.id,"
			    " (SELECT count(*) FROM person p WHERE p.org_id = o.id),"
			    " (SELECT count(*) FROM opportunity op WHERE op.org_id = o.id)");
	org_where(&sql, &w);
	strbuf_addf(&sql, " ORDER BY o.name_key, o.id LIMIT %zu", limit);
	if (!(st = prepare(s, sql.buf, err))) {
		rc = ERR_STORE;
		goto out;
	}
	bind_words(st, &w, NULL);
	while ((rc = store_step(s, st, "cannot list organisations", err)) == DB_ROW) {
		struct org_row *r = VEC_PUSH(out);
		r->org.id = db_column_int64(st, 0);
		r->people = db_column_int64(st, 1);
		r->opps = db_column_int64(st, 2);
	}
	rc = rc == DB_DONE ? 0 : rc;
	*total = (int64_t)(out->n - first);
	if (!rc && out->n - first >= limit) {
		strbuf_reset(&sql);
		strbuf_addstr(&sql, "SELECT count(*)");
		org_where(&sql, &w);
		rc = count_rows(s, sql.buf, &w, NULL, total, err);
	}
	for (size_t i = first; !rc && i < out->n; i++) {
		int64_t id = out->items[i].org.id;
		rc = store_org_get(s, id, &out->items[i].org, err);
	}
out:
	db_finalize(st);
	words_release(&w);
	strbuf_release(&sql);
	return rc;
}

/* ---- a person's opportunities ---- */

static const char SQL_PERSON_OPPS[] =
	"SELECT op.id, op.slug, op.title, o.name, o.id, op.stage, l.role"
	" FROM opp_person l JOIN opportunity op ON op.id = l.opp_id"
	" LEFT JOIN organisation o ON o.id = op.org_id"
	" WHERE l.person_id = ?"
	" ORDER BY op.stage IN ('accepted','declined','rejected','withdrawn'),"
	" op.stage_changed_at DESC, op.id DESC";

static void person_opp_release(struct person_opp *po)
{
	opp_ref_release(&po->opp);
}

VEC_RELEASE_FN(person_opp_vec_release, person_opp_vec, person_opp_release)

int store_person_opps(struct store *s, int64_t person_id, person_opp_vec *out,
		      struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PERSON_OPPS, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, person_id);
	while ((rc = store_step(s, st, "cannot list the opportunities", err)) == DB_ROW) {
		struct person_opp *po = VEC_PUSH(out);
		int stage = col_enum(st, 5, &stage_def);
		col_opp_ref(st, 0, &po->opp);
		po->stage = stage < 0 ? STAGE_LEAD : (enum stage)stage;
		po->role = col_enum(st, 6, &role_def);
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : rc;
}
