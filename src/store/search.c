/*
 * search.c: full-text search over every record, through the index that the
 * schema's triggers keep in step: SQLite's FTS5 table (an entry's rowid is
 * id * 8 + type), or PostgreSQL's table of the same name (rid, and a
 * tsvector with a GIN index, the title weighing A and the body B).
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

/* Not a task made ahead before its day (?3, today): the entry (its id
 * column rid) of a task not shown is left out. */
#define SHOWN_HIT(rid)                                                            \
	" AND (" rid " % 8 <> 5 OR EXISTS (SELECT 1 FROM task t WHERE t.id = " rid " / 8" \
	" AND " SQL_TASK_SHOWN("t.", "?3") "))"
static const char SQL_SEARCH_RANKED[] =
	"SELECT rowid, title, snippet(search_index, 1, '', '', '...', 12),"
	" bm25(search_index, 10.0, 1.0) AS r"
	" FROM search_index WHERE search_index MATCH ?1" SHOWN_HIT("search_index.rowid")
	" ORDER BY r LIMIT ?2";
static const char SQL_SEARCH_NEWEST[] =
	"SELECT rowid, title, snippet(search_index, 1, '', '', '...', 12), 0.0"
	" FROM search_index WHERE search_index MATCH ?1" SHOWN_HIT("search_index.rowid")
	" ORDER BY rowid DESC LIMIT ?2";
static const char SQL_SEARCH_COUNT[] =
	"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ?1 LIMIT ?2)";

/* The same on PostgreSQL: ts_rank with the title weighing ten times the
 * body ({D, C, B, A}), and the excerpt FTS5's snippet() gives: a body of
 * up to 12 words whole, else ts_headline's 12 words around the match, with
 * "..." where the body was cut (ts_headline says neither). */
#define PG_QUERY "to_tsquery('simple', fold_ascii(?1))"
#define PG_HEADLINE                                                                \
	"ts_headline('simple', body, q, 'StartSel=\"\", StopSel=\"\","             \
	" MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1')"
#define PG_EXCERPT                                                                 \
	"CASE WHEN body IS NULL THEN ''"                                           \
	" WHEN cardinality(regexp_split_to_array(btrim(body), '\\s+')) <= 12 THEN body" \
	" ELSE (SELECT CASE WHEN strpos(body, h) > 1 THEN '...' ELSE '' END || h"   \
	"  || CASE WHEN strpos(body, h) + length(h) <= length(body) THEN '...' ELSE '' END" \
	"  FROM (SELECT " PG_HEADLINE " AS h) AS x) END"
static const char PG_SEARCH_RANKED[] =
	"SELECT rid, title, " PG_EXCERPT ", -ts_rank('{0, 0, 0.1, 1}', doc, q) AS r"
	" FROM search_index, " PG_QUERY " AS q WHERE doc @@ q" SHOWN_HIT("rid")
	" ORDER BY r LIMIT ?2";
static const char PG_SEARCH_NEWEST[] =
	"SELECT rid, title, " PG_EXCERPT ", 0.0"
	" FROM search_index, " PG_QUERY " AS q WHERE doc @@ q" SHOWN_HIT("rid")
	" ORDER BY rid DESC LIMIT ?2";
static const char PG_SEARCH_COUNT[] =
	"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE doc @@ " PG_QUERY
	" LIMIT ?2) AS hits";

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

/* What a match expression looks for: in whose query language, words or
 * the words they start, in the whole entry or its title alone. */
struct match_form {
	bool pg, prefix, titles;
};

/* One word as a quoted term: FTS5's "word" or "word"*, PostgreSQL's
 * 'word' or 'word':* joined with & (weight A for titles alone). */
static void add_term(struct strbuf *out, const unsigned char *word, size_t len,
		     const struct match_form *f)
{
	if (f->pg) {
		strbuf_addstr(out, out->len ? " & '" : "'");
		strbuf_add(out, word, len);
		strbuf_addstr(out, f->prefix ? "':*" : "'");
		if (f->titles)
			strbuf_addstr(out, f->prefix ? "A" : ":A");
		return;
	}
	strbuf_addstr(out, out->len ? " \"" : "\"");
	strbuf_add(out, word, len);
	strbuf_addstr(out, f->prefix ? "\"*" : "\"");
}

/* Each word the user typed becomes a quoted term, so that the query
 * language's operators and quotes in the input are only text. */
static int build_match(const char *query, const struct match_form *f, struct strbuf *out,
		       struct error *err)
{
	const unsigned char *p = (const unsigned char *)query;
	struct strbuf terms = STRBUF_INIT;

	if (text_check("search query", query, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return ERR_INVALID;
	while (*p) {
		const unsigned char *start;
		while (*p && !is_word_byte(*p))
			p++;
		start = p;
		while (*p && is_word_byte(*p))
			p++;
		if (p > start)
			add_term(&terms, start, (size_t)(p - start), f);
	}
	if (!terms.len) {
		strbuf_release(&terms);
		return error_set(err, ERR_INVALID, "'%s' has no words to search for", query);
	}
	if (f->titles && !f->pg) /* FTS5's column filter */
		strbuf_addf(out, "{title} : (%s)", terms.buf);
	else
		strbuf_add(out, terms.buf, terms.len);
	strbuf_release(&terms);
	return 0;
}

/* How many entries match, counting no further than RANK_MAX + 1. */
static int count_capped(struct store *s, const char *match, int *n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, store_sql(s, SQL_SEARCH_COUNT, PG_SEARCH_COUNT), err);
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

/* Add hits for the match expression until out holds limit: ranked when
 * n (the capped count) is small, newest first otherwise. */
static int add_hits(struct store *s, const char *match, int n, size_t limit,
		    search_hit_vec *out, struct error *err)
{
	struct db_stmt *st;
	int rc = DB_DONE;

	if (out->n >= limit || !n)
		return 0;
	if (!(st = store_stmt(s, n > RANK_MAX ? store_sql(s, SQL_SEARCH_NEWEST, PG_SEARCH_NEWEST)
					      : store_sql(s, SQL_SEARCH_RANKED, PG_SEARCH_RANKED),
			      err)))
		return ERR_STORE;
	bind_text_static(st, 1, match, -1);
	db_bind_int64(st, 2, (int)limit);
	bind_today(s, st, 3);
	while (out->n < limit && (rc = store_step(s, st, "cannot search", err)) == DB_ROW)
		read_hit(st, out);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

/* All hits for one expression (whole words or prefixes; words is its
 * match, query what the user typed, for the titles' match). */
static int search_words(struct store *s, const char *query, const char *words, bool prefix,
			size_t limit, search_hit_vec *out, struct error *err)
{
	struct match_form titles_form = { store_speaks_pg(s), prefix, true };
	struct strbuf titles = STRBUF_INIT;
	int n, rc;

	if (out->n >= limit)
		return 0;
	if (count_capped(s, words, &n, err))
		return err->code;
	if (n > RANK_MAX) {
		int nt;
		rc = build_match(query, &titles_form, &titles, err);
		if (!rc)
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
	struct match_form whole_form = { store_speaks_pg(s), false, false };
	struct match_form prefix_form = { store_speaks_pg(s), true, false };
	struct strbuf whole = STRBUF_INIT, prefix = STRBUF_INIT;
	size_t want = limit > 0 ? (size_t)limit : 50;
	int rc;

	if (build_match(query, &whole_form, &whole, err) ||
	    build_match(query, &prefix_form, &prefix, err))
		rc = err->code;
	else if (!(rc = search_words(s, query, whole.buf, false, want, out, err)))
		rc = search_words(s, query, prefix.buf, true, want, out, err);
	strbuf_release(&whole);
	strbuf_release(&prefix);
	return rc;
}
