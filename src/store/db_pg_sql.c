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

/* Past the name at p (the spaces after it too); its start and length. */
static const char *past_name(const char *p, const char **name, size_t *len)
{
	*name = p;
	while (is_name_char(*p))
		p++;
	*len = (size_t)(p - *name);
	return skip_spaces(p);
}

/*
 * What ends the statement for SQLite's INSERT OR IGNORE and INSERT OR
 * REPLACE, whose PostgreSQL forms are clauses at the end: DO NOTHING on any
 * conflict; DO UPDATE of every column named, on a conflict with the
 * table's primary key (PostgreSQL names it TABLE_pkey). REPLACE deletes
 * the rows of any unique key it conflicts with; the store replaces only in
 * tables with their primary key as their one unique key (tick_state,
 * rule_next). p is past "INTO ".
 */
static void upsert_suffix(const char *p, bool replace, struct strbuf *suffix)
{
	const char *table, *col;
	size_t table_len, col_len;
	bool first = true;

	if (!replace) {
		strbuf_addstr(suffix, " ON CONFLICT DO NOTHING");
		return;
	}
	p = past_name(p, &table, &table_len);
	strbuf_addf(suffix, " ON CONFLICT ON CONSTRAINT %.*s_pkey DO UPDATE SET ", (int)table_len,
		    table);
	if (*p != '(')
		return; /* no column list: PostgreSQL says what is wrong */
	for (p = skip_spaces(p + 1); is_name_char(*p); p = skip_spaces(p + 1)) {
		p = past_name(p, &col, &col_len);
		strbuf_addf(suffix, "%s%.*s = excluded.%.*s", first ? "" : ", ", (int)col_len, col,
			    (int)col_len, col);
		first = false;
		if (*p != ',')
			break;
	}
}

/*
 * The tables whose upserts name a key ("ON CONFLICT (key)") that has
 * account_id before it on a practice's database (schema_pg.c's practice
 * migration 2): PostgreSQL finds the key an ON CONFLICT names by its
 * columns, all of them.
 */
static const char *const per_account_keys[] = { "setting", "mail_file", "mail_folder",
						 "mail_proposal" };

/* Whether sql inserts into a table of per_account_keys. */
static bool inserts_per_account(const char *sql)
{
	const char *p = past_word(sql, skip_spaces(sql), "INSERT"), *table;
	size_t len;

	if (!p || !(p = past_word(sql, p, "INTO")))
		return false;
	past_name(p, &table, &len);
	for (size_t i = 0; i < ARRAY_SIZE(per_account_keys); i++)
		if (strlen(per_account_keys[i]) == len && !strncmp(table, per_account_keys[i], len))
			return true;
	return false;
}

/*
 * What SQLite's SQL at p becomes in PostgreSQL's, and where what it
 * replaces ends; NULL when it stays. INTEGER is bigint (SQLite's are 64
 * bits: a CAST to PostgreSQL's would overflow); "IS ?" and "IS NOT ?"
 * compare with NULL as with any value, as IS [NOT] DISTINCT FROM does;
 * "INDEXED BY name", a hint to SQLite's planner, goes, and so does CROSS,
 * SQLite's hint to keep a join's order (its CROSS JOIN takes an ON, which
 * PostgreSQL's does not); SQLite's LIKE ignores case, as PostgreSQL's
 * ILIKE does; SQLite's schema of temporary tables, temp, is
 * PostgreSQL's pg_temp; INSERT OR IGNORE and OR REPLACE are plain
 * INSERTs with a clause at the end (suffix; upsert_suffix); an upsert's
 * key gains account_id where the key did (per_account_keys).
 */
static const char *rewrite(const char *sql, const char *p, const char **end,
			   struct strbuf *suffix)
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
	if (is_word(sql, p, "LIKE")) {
		*end = p + 4;
		return "ILIKE";
	}
	if (is_word(sql, p, "temp") && p[4] == '.') {
		*end = p + 4;
		return "pg_temp";
	}
	if ((q = past_word(sql, p, "CROSS")) && is_word(sql, q, "JOIN")) {
		*end = q;
		return "";
	}
	if ((q = past_word(sql, p, "ON")) && (q = past_word(sql, q, "CONFLICT")) && *q == '(' &&
	    inserts_per_account(sql)) {
		*end = q + 1;
		return "ON CONFLICT (account_id, ";
	}
	if ((q = past_word(sql, p, "INSERT")) && (q = past_word(sql, q, "OR"))) {
		const char *into;
		bool replace = is_word(sql, q, "REPLACE");
		if ((into = past_word(sql, q, replace ? "REPLACE" : "IGNORE")) &&
		    (into = past_word(sql, into, "INTO"))) {
			upsert_suffix(into, replace, suffix);
			*end = into;
			return "INSERT INTO ";
		}
	}
	return NULL;
}

/* Past the parameter at p (a '?', its number after it or not); its number
 * in *n, as SQLite numbers a bare ?: the largest so far + 1. */
static const char *past_param(const char *p, int *largest, long *n)
{
	char *after;

	if (!isdigit((unsigned char)p[1])) {
		*n = *largest + 1;
		after = (char *)p + 1;
	} else {
		*n = strtol(p + 1, &after, 10);
	}
	if (*n > *largest)
		*largest = (int)*n;
	return after;
}

char *pg_sql_translate(const char *sql, int *nparams)
{
	struct strbuf out = STRBUF_INIT, suffix = STRBUF_INIT;
	const char *p = sql, *end, *with, *q;
	int largest = 0;
	long n;

	while (*p) {
		if (*p == '\'' || *p == '"') {
			p = skip_quoted(p, &out);
		} else if ((q = past_word(sql, p, "LIMIT")) && *q == '?') {
			/* SQLite's LIMIT -1 is no limit; PostgreSQL's is LIMIT NULL */
			p = past_param(q, &largest, &n);
			strbuf_addf(&out, "LIMIT CASE WHEN $%ld >= 0 THEN $%ld END", n, n);
		} else if ((with = rewrite(sql, p, &end, &suffix))) {
			strbuf_addstr(&out, with);
			p = end;
		} else if (*p == '?') {
			p = past_param(p, &largest, &n);
			strbuf_addf(&out, "$%ld", n);
		} else {
			strbuf_addch(&out, *p++);
		}
	}
	strbuf_addstr(&out, suffix.buf);
	strbuf_release(&suffix);
	*nparams = largest;
	return strbuf_detach(&out);
}
