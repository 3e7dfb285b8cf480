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

char *pg_sql_translate(const char *sql, int *nparams)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = sql;
	int largest = 0;

	while (*p) {
		if (*p == '\'' || *p == '"') {
			p = skip_quoted(p, &out);
		} else if (is_word(sql, p, "INTEGER")) {
			strbuf_addstr(&out, "bigint"); /* SQLite's INTEGER is 64 bits */
			p += 7;
		} else if (*p == '?') {
			char *end;
			long n = strtol(p + 1, &end, 10);
			if (end == p + 1 || !isdigit((unsigned char)p[1]))
				n = largest + 1; /* a bare ?: the next number, as SQLite's */
			if (n > largest)
				largest = (int)n;
			strbuf_addf(&out, "$%ld", n);
			p = end == p + 1 || !isdigit((unsigned char)p[1]) ? p + 1 : end;
		} else {
			strbuf_addch(&out, *p++);
		}
	}
	*nparams = largest;
	return strbuf_detach(&out);
}
