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

/* Titles weigh ten times the body in the ranking. */
static const char SQL_SEARCH[] =
	"SELECT rowid, title, snippet(search_index, 1, '', '', '...', 12),"
	" bm25(search_index, 10.0, 1.0) AS r"
	" FROM search_index WHERE search_index MATCH ?1 ORDER BY r LIMIT ?2";

void search_hit_vec_release(search_hit_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->items[i].title);
		free(v->items[i].detail);
	}
	free(v->items);
	v->items = NULL;
	v->n = v->alloc = 0;
}

static bool is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Each word the user typed becomes a quoted FTS5 prefix term, so that the
 * query language's operators and quotes in the input are only text. */
static int build_match(const char *query, struct strbuf *out, struct error *err)
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
		strbuf_addstr(out, "\"*");
	}
	if (!out->len)
		return error_set(err, ERR_INVALID, "'%s' has no words to search for", query);
	return 0;
}

int store_search(struct store *s, const char *query, int limit, search_hit_vec *out,
		 struct error *err)
{
	struct strbuf match = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	if (build_match(query, &match, err)) {
		strbuf_release(&match);
		return err->code;
	}
	if (!(st = store_stmt(s, SQL_SEARCH, err))) {
		strbuf_release(&match);
		return ERR_STORE;
	}
	sqlite3_bind_text(st, 1, match.buf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 50);
	strbuf_release(&match);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t rowid = sqlite3_column_int64(st, 0);
		struct search_hit *h;
		int type = (int)(rowid % 8);

		if (type < 1 || type > 5)
			continue;
		h = VEC_PUSH(out);
		h->type = hit_types[type];
		h->id = rowid / 8;
		h->title = col_text(st, 1);
		h->detail = col_text(st, 2);
		h->score = -sqlite3_column_double(st, 3);
		if (h->detail) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addstr(&sb, h->detail);
			strbuf_trim(&sb);
			free(h->detail);
			h->detail = strbuf_detach(&sb);
		}
		if (h->detail && !*h->detail) {
			free(h->detail);
			h->detail = NULL;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "cannot search", err);
}
