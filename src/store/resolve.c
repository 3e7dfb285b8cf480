/*
 * resolve.c: turning what a user typed into a record id.
 *
 *   ORG     an id, a name, or a unique part of a name
 *   PERSON  an id, a full name, or a unique part of a name
 *   OPP     a slug, or an id
 *   WANT    an id, its text (case-insensitive), or a unique part of it
 *
 * Names match whatever their case; organisations' and people's also without
 * accents ("fernandez" finds Fernández): the whole name first, with its
 * accents then without, then a part of it, likewise.
 *
 * A reference that matches several records is an error that lists them, so
 * the user can pick one by id.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "store/wants.h"
#include "util/strbuf.h"

#define MAX_CANDIDATES 8

/* Step st (which selects id, label) and return the single id; when several
 * rows come back, list them in an ERR_AMBIGUOUS message. Returns 1 for no row. */
static int single_match(struct store *s, struct db_stmt *st, const char *what, const char *ref,
			int64_t *id, struct error *err)
{
	struct strbuf list = STRBUF_INIT;
	int n = 0, rc;

	while ((rc = store_step(s, st, "cannot look up a reference", err)) == DB_ROW) {
		if (n == 0)
			*id = db_column_int64(st, 0);
		if (n < MAX_CANDIDATES)
			strbuf_addf(&list, "%s%lld %s", n ? ", " : "",
				    (long long)db_column_int64(st, 0),
				    db_column_text(st, 1));
		n++;
	}
	if (rc != DB_DONE) {
		strbuf_release(&list);
		return rc;
	}
	if (n > 1) {
		error_set(err, ERR_AMBIGUOUS, "'%s' matches %d %s: %s%s; use the id", ref, n, what,
			  list.buf, n > MAX_CANDIDATES ? ", ..." : "");
		strbuf_release(&list);
		return ERR_AMBIGUOUS;
	}
	strbuf_release(&list);
	return n == 1 ? 0 : 1;
}

/* Step st (which selects an id): 0 with *id set, 1 for no row. */
static int single_id(struct store *s, struct db_stmt *st, int64_t *id, struct error *err)
{
	int rc = store_first(s, st, store_read_id, id, "cannot look up a reference", err);

	return rc < 0 ? rc : !rc;
}

static int by_id(struct store *s, const char *sql, const char *ref, int64_t *id,
		 struct error *err)
{
	struct db_stmt *st = store_stmt(s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, strtoll(ref, NULL, 10));
	return single_id(s, st, id, err);
}

static const char SQL_ORG_BY_ID[] = "SELECT id FROM organisation WHERE id = ?";
static const char SQL_ORG_BY_NAME[] =
	"SELECT id, name FROM organisation WHERE name_key = ?1";

static const char SQL_PERSON_BY_ID[] = "SELECT id FROM person WHERE id = ?";
static const char SQL_PERSON_BY_NAME[] =
	"SELECT p.id, p.name || ifnull(' (' || o.name || ')', '') FROM person p"
	" LEFT JOIN organisation o ON o.id = p.org_id"
	" WHERE p.name_key = ?1 ORDER BY p.id";
static const char SQL_PERSON_BY_PART[] =
	"SELECT p.id, p.name || ifnull(' (' || o.name || ')', '') FROM person p"
	" LEFT JOIN organisation o ON o.id = p.org_id"
	" WHERE p.name_key LIKE '%' || ?1 || '%' ESCAPE '\\' ORDER BY p.id";
static const char SQL_PERSON_BY_PLAIN[] =
	"SELECT p.id, p.name || ifnull(' (' || o.name || ')', '') FROM person p"
	" LEFT JOIN organisation o ON o.id = p.org_id"
	" WHERE fold_ascii(p.name_key) = ?1 ORDER BY p.id";
static const char SQL_PERSON_BY_PLAIN_PART[] =
	"SELECT p.id, p.name || ifnull(' (' || o.name || ')', '') FROM person p"
	" LEFT JOIN organisation o ON o.id = p.org_id"
	" WHERE fold_ascii(p.name_key) LIKE '%' || ?1 || '%' ESCAPE '\\' ORDER BY p.id";

/* Escape LIKE's wildcards so a typed % or _ matches itself. */
static char *like_escape(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			strbuf_addch(&sb, '\\');
		strbuf_addch(&sb, *s);
	}
	return strbuf_detach(&sb);
}

/* The statements that look a name up, in order; NULL: that step is skipped.
 * Each binds ?1: the folded reference (plain ones: without accents), as a
 * LIKE pattern for parts. */
struct text_lookup {
	const char *what;       /* "people" */
	const char *full, *plain_full, *part, *plain_part;
};

static int lookup_step(struct store *s, const char *sql, bool plain, bool part,
		       const struct text_lookup *l, const char *ref, int64_t *id,
		       struct error *err)
{
	struct db_stmt *st;
	char *folded;

	if (!sql)
		return 1;
	if (!(st = store_stmt(s, sql, err)))
		return ERR_STORE;
	folded = plain ? text_fold_ascii(ref) : text_fold(ref);
	if (part) {
		char *pattern = like_escape(folded);
		free(folded);
		folded = pattern;
	}
	bind_text_owned(st, 1, folded);
	return single_match(s, st, l->what, ref, id, err);
}

/* Look ref up by its whole folded text (with its accents, then without),
 * then as a part of it (likewise). 1 when nothing matches. */
static int by_text(struct store *s, const struct text_lookup *l, const char *ref, int64_t *id,
		   struct error *err)
{
	int rc;

	if ((rc = lookup_step(s, l->full, false, false, l, ref, id, err)) <= 0 ||
	    (rc = lookup_step(s, l->plain_full, true, false, l, ref, id, err)) <= 0 ||
	    (rc = lookup_step(s, l->part, false, true, l, ref, id, err)) <= 0)
		return rc;
	return lookup_step(s, l->plain_part, true, true, l, ref, id, err);
}

static const char SQL_ORG_BY_PLAIN[] =
	"SELECT id, name FROM organisation WHERE fold_ascii(name_key) = ?1 ORDER BY id";
static const char SQL_ORG_BY_PART[] =
	"SELECT id, name FROM organisation WHERE name_key LIKE '%' || ?1 || '%' ESCAPE '\\'"
	" ORDER BY id";
static const char SQL_ORG_BY_PLAIN_PART[] =
	"SELECT id, name FROM organisation"
	" WHERE fold_ascii(name_key) LIKE '%' || ?1 || '%' ESCAPE '\\' ORDER BY id";

static const struct text_lookup org_lookup = { "organisations", SQL_ORG_BY_NAME,
					       SQL_ORG_BY_PLAIN, SQL_ORG_BY_PART,
					       SQL_ORG_BY_PLAIN_PART };

int store_org_resolve(struct store *s, const char *ref, int64_t *id, struct error *err)
{
	int rc;

	if (!*ref)
		return error_set(err, ERR_INVALID, "an empty name refers to no organisation");
	if (text_all_digits(ref) && (rc = by_id(s, SQL_ORG_BY_ID, ref, id, err)) <= 0)
		return rc;
	rc = by_text(s, &org_lookup, ref, id, err);
	if (rc == 1)
		return error_set(err, ERR_NOT_FOUND, "no organisation '%s'", ref);
	return rc;
}

int store_person_resolve(struct store *s, const char *ref, int64_t *id, struct error *err)
{
	int rc;

	if (!*ref)
		return error_set(err, ERR_INVALID, "an empty name refers to no one");
	if (text_all_digits(ref) && (rc = by_id(s, SQL_PERSON_BY_ID, ref, id, err)) <= 0)
		return rc;
	static const struct text_lookup people = { "people", SQL_PERSON_BY_NAME,
						   SQL_PERSON_BY_PLAIN, SQL_PERSON_BY_PART,
						   SQL_PERSON_BY_PLAIN_PART };

	rc = by_text(s, &people, ref, id, err);
	if (rc == 1)
		return error_set(err, ERR_NOT_FOUND, "no person '%s'", ref);
	return rc;
}

static const char SQL_WANT_BY_ID[] = "SELECT id FROM want WHERE id = ?";
static const char SQL_WANT_BY_TEXT[] = "SELECT id, text FROM want WHERE text_key = ?1";
static const char SQL_WANT_BY_PART[] =
	"SELECT id, text FROM want WHERE text_key LIKE '%' || ?1 || '%' ESCAPE '\\' ORDER BY id";

int store_want_resolve(struct store *s, const char *ref, int64_t *id, struct error *err)
{
	int rc;

	if (!*ref)
		return error_set(err, ERR_INVALID, "an empty text refers to no want");
	if (text_all_digits(ref) && (rc = by_id(s, SQL_WANT_BY_ID, ref, id, err)) <= 0)
		return rc;
	static const struct text_lookup wants = { "wants", SQL_WANT_BY_TEXT, NULL,
						  SQL_WANT_BY_PART, NULL };

	rc = by_text(s, &wants, ref, id, err);
	if (rc == 1)
		return error_set(err, ERR_NOT_FOUND, "no want '%s' (see rapport want list)", ref);
	return rc;
}

static const char SQL_OPP_BY_SLUG[] = "SELECT id FROM opportunity WHERE slug = ?";
static const char SQL_OPP_BY_ID[] = "SELECT id FROM opportunity WHERE id = ?";

int store_opp_resolve(struct store *s, const char *ref, int64_t *id, struct error *err)
{
	struct db_stmt *st;
	int rc;

	if (text_all_digits(ref)) {
		if ((rc = by_id(s, SQL_OPP_BY_ID, ref, id, err)) <= 0)
			return rc;
		return error_set(err, ERR_NOT_FOUND, "no opportunity '%s'", ref);
	}
	if (!(st = store_stmt(s, SQL_OPP_BY_SLUG, err)))
		return ERR_STORE;
	bind_text_static(st, 1, ref, -1);
	if ((rc = single_id(s, st, id, err)) <= 0)
		return rc;
	return error_set(err, ERR_NOT_FOUND, "no opportunity '%s' (use its slug or id)", ref);
}

/* An organisation whose name, without case or accents, is name or starts
 * a word of it: "Northwind" is "Northwind Logistics", "wind" is not. */
static const char SQL_ORG_BY_WORD[] =
	"SELECT id, name FROM organisation WHERE fold_ascii(name_key) LIKE ?1 || '%' ESCAPE '\\'"
	" OR fold_ascii(name_key) LIKE '% ' || ?1 || '%' ESCAPE '\\' ORDER BY id";

static const struct text_lookup org_close_lookup = { "organisations", NULL, SQL_ORG_BY_PLAIN,
						     NULL, SQL_ORG_BY_WORD };

/* The organisation named name, else a new one; name is taken as the store
 * keeps it, without the spaces around it. */
static int org_find_or_add(struct store *s, struct org *o, bool new_org, int64_t *id,
			   bool *close, struct error *err)
{
	const char *name = o->name ? o->name : "";
	int rc;

	*close = false;
	if ((rc = lookup_step(s, SQL_ORG_BY_NAME, false, false, &org_lookup, name, id, err)) <= 0)
		return rc;
	if (!new_org && *name) {
		rc = by_text(s, &org_close_lookup, name, id, err);
		if (rc == ERR_AMBIGUOUS) {
			char msg[sizeof(err->msg)];
			snprintf(msg, sizeof(msg), "%s", err->msg);
			return error_set(err, ERR_AMBIGUOUS, "%s, or --new-org for a new one", msg);
		}
		if (rc <= 0) {
			*close = rc == 0;
			return rc;
		}
	}
	rc = store_org_add(s, o, err);
	*id = o->id;
	return rc;
}

int store_org_find_or_add(struct store *s, const char *name, bool new_org, int64_t *id,
			  bool *close, struct error *err)
{
	struct org o = { .name = text_trimmed(name, strlen(name)) };
	int rc;

	text_tidy(&o.name);
	rc = org_find_or_add(s, &o, new_org, id, close, err);
	org_release(&o);
	return rc;
}

int store_org_ensure(struct store *s, const char *name, int64_t *id, struct error *err)
{
	bool close;

	return store_org_find_or_add(s, name, false, id, &close, err);
}
