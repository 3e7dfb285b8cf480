/* db_pg_sql.c: the store's SQLite-style parameters as PostgreSQL's (db_pg.h). */
#include "store/db_pg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"

/* Past the quoted text or name that starts at p (its quote doubled inside). */
static const char *skip_quoted(const char *p, struct strbuf *out)
{
	char quote = *p;

	strbuf_addch(out, *p++);
	while (*p) {
		strbuf_addch(out, *p);
		if (*p++ == quote) {
			if (*p != quote)
				return p;
			strbuf_addch(out, *p++);
		}
	}
	return p;
}

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Whether the word (upper case) starts at p, in any case, and stands alone. */
static bool is_word(const char *sql, const char *p, const char *word)
{
	size_t n = strlen(word);

	if (p > sql && is_name_char(p[-1]))
		return false;
	return !strncasecmp(p, word, n) && !is_name_char(p[n]);
}

static const char *skip_spaces(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

/* Past the word (upper case) at p, in any case, and the spaces after it;
 * NULL when it is not there. */
static const char *past_word(const char *sql, const char *p, const char *word)
{
	return is_word(sql, p, word) ? skip_spaces(p + strlen(word)) : NULL;
}

/*
 * What SQLite's SQL at p becomes in PostgreSQL's, and where what it
 * replaces ends; NULL when it stays. INTEGER is bigint (SQLite's are 64
 * bits: a CAST to PostgreSQL's would overflow); "IS ?" and "IS NOT ?"
 * compare with NULL as with any value, as IS [NOT] DISTINCT FROM does;
 * "INDEXED BY name", a hint to SQLite's planner, goes.
 */
static const char *rewrite(const char *sql, const char *p, const char **end)
{
	const char *q;

	if (is_word(sql, p, "INTEGER")) {
		*end = p + 7;
		return "bigint";
	}
	if ((q = past_word(sql, p, "IS"))) {
		const char *not = past_word(sql, q, "NOT");
		if (*(not ? not : q) == '?') {
			*end = not ? not : q;
			return not ? "IS DISTINCT FROM " : "IS NOT DISTINCT FROM ";
		}
	}
	if ((q = past_word(sql, p, "INDEXED")) && (q = past_word(sql, q, "BY"))) {
		while (is_name_char(*q))
			q++;
		*end = q;
		return "";
	}
	return NULL;
}

char *pg_sql_translate(const char *sql, int *nparams)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = sql, *end, *with;
	int largest = 0;

	while (*p) {
		if (*p == '\'' || *p == '"') {
			p = skip_quoted(p, &out);
		} else if ((with = rewrite(sql, p, &end))) {
			strbuf_addstr(&out, with);
			p = end;
		} else if (*p == '?') {
			char *after;
			long n = strtol(p + 1, &after, 10);
			if (after == p + 1 || !isdigit((unsigned char)p[1]))
				n = largest + 1; /* a bare ?: the next number, as SQLite's */
			if (n > largest)
				largest = (int)n;
			strbuf_addf(&out, "$%ld", n);
			p = after == p + 1 || !isdigit((unsigned char)p[1]) ? p + 1 : after;
		} else {
			strbuf_addch(&out, *p++);
		}
	}
	*nparams = largest;
	return strbuf_detach(&out);
}
