/*
 * search.c: full-text search over every record, through the FTS5 table that
 * the schema's triggers keep in step. An index entry's rowid is id * 8 + type.
 */
#include "store/store_internal.h"

#include <ctype.h>
#include <stdlib.h>

#include "core/text.h"
#include "util/strbuf.h"

static const char *const hit_types[] = {
	NULL, "organisation", "person", "opportunity", "interaction", "task",
};

/*
 * Ranking every match with bm25() costs a look-up per matching row: fine for
 * a few hundred, slow for a word in every other record; and a prefix term
 * merges the lists of every word it starts. So a search looks for whole words
 * first, then for words that start so, until it has enough hits. Up to
 * RANK_MAX matches are ranked by bm25, titles weighing ten times the body;
 * past that, matches in titles come first, each group newest first.
 */
#define RANK_MAX 1000

static const char SQL_SEARCH_RANKED[] =
	"SELECT rowid, title, snippet(search_index, 1, '', '', '...', 12),"
	" bm25(search_index, 10.0, 1.0) AS r"
	" FROM search_index WHERE search_index MATCH ?1 ORDER BY r LIMIT ?2";
static const char SQL_SEARCH_NEWEST[] =
	"SELECT rowid, title, snippet(search_index, 1, '', '', '...', 12), 0.0"
	" FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2";
static const char SQL_SEARCH_COUNT[] =
	"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ?1 LIMIT ?2)";

static void search_hit_release(struct search_hit *h)
{
	free(h->title);
	free(h->detail);
}

VEC_RELEASE_FN(search_hit_vec_release, search_hit_vec, search_hit_release)

static bool is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Each word the user typed becomes a quoted FTS5 term (a prefix term when
 * prefix is set), so that the query language's operators and quotes in the
 * input are only text. */
static int build_match(const char *query, bool prefix, struct strbuf *out, struct error *err)
{
	const unsigned char *p = (const unsigned char *)query;

	if (text_check("search query", query, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return ERR_INVALID;
	while (*p) {
		const unsigned char *start;
		while (*p && !is_word_byte(*p))
			p++;
		start = p;
		while (*p && is_word_byte(*p))
			p++;
		if (p == start)
			continue;
		strbuf_addstr(out, out->len ? " \"" : "\"");
		strbuf_add(out, start, (size_t)(p - start));
		strbuf_addstr(out, prefix ? "\"*" : "\"");
	}
	if (!out->len)
		return error_set(err, ERR_INVALID, "'%s' has no words to search for", query);
	return 0;
}

/* How many entries match, counting no further than RANK_MAX + 1. */
static int count_capped(struct store *s, const char *match, int *n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SEARCH_COUNT, err);
	int64_t count;
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text_static(st, 1, match, -1);
	db_bind_int64(st, 2, RANK_MAX + 1);
	rc = store_number(s, st, &count, "cannot search", err);
	*n = (int)count;
	return rc;
}

static bool already_hit(const search_hit_vec *out, const char *type, int64_t id)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->items[i].id == id && out->items[i].type == type)
			return true;
	return false;
}

static void read_hit(struct db_stmt *st, search_hit_vec *out)
{
	int64_t rowid = db_column_int64(st, 0);
	int type = (int)(rowid % 8);
	struct search_hit *h;
	struct strbuf detail = STRBUF_INIT;

	if (type < 1 || type > 5 || already_hit(out, hit_types[type], rowid / 8))
		return;
	h = VEC_PUSH(out);
	h->type = hit_types[type];
	h->id = rowid / 8;
	h->title = col_text(st, 1);
	h->score = -db_column_double(st, 3);
	if (db_column_text(st, 2))
		strbuf_addstr(&detail, db_column_text(st, 2));
	strbuf_trim(&detail);
	h->detail = detail.len ? strbuf_detach(&detail) : NULL;
	strbuf_release(&detail);
}

/* Add hits for the FTS5 expression match until out holds limit: ranked when
 * n (the capped count) is small, newest first otherwise. */
static int add_hits(struct store *s, const char *match, int n, size_t limit,
		    search_hit_vec *out, struct error *err)
{
	struct db_stmt *st;
	int rc = DB_DONE;

	if (out->n >= limit || !n)
		return 0;
	if (!(st = store_stmt(s, n > RANK_MAX ? SQL_SEARCH_NEWEST : SQL_SEARCH_RANKED, err)))
		return ERR_STORE;
	bind_text_static(st, 1, match, -1);
	db_bind_int64(st, 2, (int)limit);
	while (out->n < limit && (rc = store_step(s, st, "cannot search", err)) == DB_ROW)
		read_hit(st, out);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

/* All hits for one expression (whole words or prefixes). */
static int search_words(struct store *s, const char *words, size_t limit, search_hit_vec *out,
			struct error *err)
{
	struct strbuf titles = STRBUF_INIT;
	int n, rc;

	if (out->n >= limit)
		return 0;
	if (count_capped(s, words, &n, err))
		return err->code;
	if (n > RANK_MAX) {
		int nt;
		strbuf_addf(&titles, "{title} : (%s)", words);
		rc = count_capped(s, titles.buf, &nt, err);
		if (!rc)
			rc = add_hits(s, titles.buf, nt, limit, out, err);
		strbuf_release(&titles);
		if (rc)
			return rc;
	}
	return add_hits(s, words, n, limit, out, err);
}

int store_search(struct store *s, const char *query, int limit, search_hit_vec *out,
		 struct error *err)
{
	struct strbuf whole = STRBUF_INIT, prefix = STRBUF_INIT;
	size_t want = limit > 0 ? (size_t)limit : 50;
	int rc;

	if (build_match(query, false, &whole, err) || build_match(query, true, &prefix, err))
		rc = err->code;
	else if (!(rc = search_words(s, whole.buf, want, out, err)))
		rc = search_words(s, prefix.buf, want, out, err);
	strbuf_release(&whole);
	strbuf_release(&prefix);
	return rc;
}
