/* log_refs.c: opportunities and people as the log form names them (see log_refs.h). */
#include "method/log_refs.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/suggest.h"
#include "util/strbuf.h"

/* The separator of "Organisation — Title", as the form's labels write it. */
#define OPP_LABEL_SEP " — "
/* Names longer than this are not compared letter by letter. */
#define CLOSE_NAME_MAX 80
/* At most this many close names are listed. */
#define CLOSE_LISTED 5

/* ---- opportunities ---- */

static bool same_text(const char *a, const char *b)
{
	char *fa = text_fold_ascii(a), *fb = text_fold_ascii(b);
	bool same = !strcmp(fa, fb);

	free(fa);
	free(fb);
	return same;
}

/* "Organisation — Title": the organisation's opportunities with that title. */
static void by_label(const char *text, const opp_vec *all, id_vec *hits)
{
	const char *sep = strstr(text, OPP_LABEL_SEP);

	if (!sep)
		return;
	for (size_t i = 0; i < all->n; i++) {
		const struct opp *o = &all->items[i];
		char *org = xstrndup(text, (size_t)(sep - text));
		if (o->org_name && same_text(org, o->org_name) &&
		    same_text(sep + strlen(OPP_LABEL_SEP), o->title))
			*VEC_PUSH(hits) = o->id;
		free(org);
	}
}

/* A title or an organisation's name: open opportunities first. */
static void by_title_or_org(const char *text, const opp_vec *all, id_vec *hits)
{
	for (int open = 1; open >= 0 && !hits->n; open--)
		for (size_t i = 0; i < all->n; i++) {
			const struct opp *o = &all->items[i];
			if (stage_is_closed(o->stage) == open)
				continue;
			if (same_text(text, o->title) || (o->org_name && same_text(text, o->org_name)))
				*VEC_PUSH(hits) = o->id;
		}
}

static int one_opp(const char *text, const opp_vec *all, const id_vec *hits, int64_t *id,
		   struct error *err)
{
	struct strbuf list = STRBUF_INIT;

	if (hits->n == 1) {
		*id = hits->items[0];
		return 0;
	}
	if (!hits->n)
		return error_set(err, ERR_NOT_FOUND, "no opportunity '%s' (choose one from the list, "
				 "or give its slug)", text);
	for (size_t i = 0; i < hits->n; i++)
		for (size_t k = 0; k < all->n; k++)
			if (all->items[k].id == hits->items[i])
				strbuf_addf(&list, "%s%s (%s — %s)", i ? ", " : "", all->items[k].slug,
					    all->items[k].org_name ? all->items[k].org_name : "",
					    all->items[k].title);
	error_set(err, ERR_AMBIGUOUS, "'%s' is %zu opportunities: %s; choose one", text, hits->n,
		  list.buf);
	strbuf_release(&list);
	return ERR_AMBIGUOUS;
}

int log_opp_ref(struct store *s, const char *text, int64_t *id, struct error *err)
{
	opp_vec all = { 0 };
	id_vec hits = { 0 };
	struct error e = ERROR_INIT;
	int rc;

	if (!store_opp_resolve(s, text, id, &e))
		return 0;
	if (e.code != ERR_NOT_FOUND)
		return error_set(err, e.code, "%s", e.msg);
	if (!(rc = store_opp_list(s, -1, &all, err))) {
		by_label(text, &all, &hits);
		if (!hits.n)
			by_title_or_org(text, &all, &hits);
		rc = one_opp(text, &all, &hits, id, err);
	}
	opp_vec_release(&all);
	free(hits.items);
	return rc;
}

/* ---- people ---- */

/* "Name (Organisation)": the name and the organisation, or false. */
static bool split_label(const char *text, char **name, char **org)
{
	size_t len = strlen(text);
	const char *open = strrchr(text, '(');

	if (!len || text[len - 1] != ')' || !open || open == text || open[-1] != ' ')
		return false;
	*name = xstrndup(text, (size_t)(open - 1 - text));
	*org = xstrndup(open + 1, (size_t)(text + len - 1 - open - 1));
	return **name && **org;
}

/* The person the label "Name (Organisation)" names; *id 0 when none. */
static int by_person_label(struct store *s, const char *text, int64_t *id, struct error *err)
{
	char *name = NULL, *org = NULL;
	struct error e = ERROR_INIT;
	int64_t org_id;
	int rc = 0;

	*id = 0;
	if (split_label(text, &name, &org) && !store_org_resolve(s, org, &org_id, &e))
		rc = store_person_namesake(s, name, org_id, id, err);
	free(name);
	free(org);
	return rc;
}

/* Letters to change, add or drop to go from a to b (both at most CLOSE_NAME_MAX). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[CLOSE_NAME_MAX + 1];

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* Lower case, no accents, letters and digits only: "Jean-Luc  Picard" is "jeanlucpicard". */
static char *name_key(const char *name)
{
	char *folded = text_fold_ascii(name), *w = folded;

	for (const char *r = folded; *r; r++)
		if (isalnum((unsigned char)*r))
			*w++ = *r;
	*w = '\0';
	return folded;
}

/* Is known close to typed: a letter or two apart (one for short names), or
 * one inside the other? Both are name_key()s. */
static bool close_name(const char *typed, const char *known)
{
	size_t lt = strlen(typed), lk = strlen(known);
	size_t allowed = lt < 6 ? 1 : 2;

	if (!lt || !lk)
		return false;
	if (strstr(known, typed) || strstr(typed, known))
		return true;
	if (lt > CLOSE_NAME_MAX || lk > CLOSE_NAME_MAX || (lt > lk ? lt - lk : lk - lt) > allowed)
		return false;
	return edit_distance(typed, known) <= allowed;
}

static int close_names(struct store *s, const char *text, struct strbuf *list, size_t *n,
		       struct error *err)
{
	person_name_vec all = { 0 };
	char *typed = name_key(text);
	int rc = store_people_names(s, &all, err);

	*n = 0;
	for (size_t i = 0; i < all.n && !rc; i++) {
		char *known = name_key(all.items[i].name);
		if (close_name(typed, known) && (*n)++ < CLOSE_LISTED) {
			strbuf_addf(list, "%s%s", *n > 1 ? ", " : "", all.items[i].name);
			if (all.items[i].org)
				strbuf_addf(list, " (%s)", all.items[i].org);
		}
		free(known);
	}
	free(typed);
	person_name_vec_release(&all);
	return rc;
}

static int add_person(struct store *s, const char *text, int64_t org_id, int64_t *id,
		      struct error *err)
{
	struct person p = { .rapport = -1, .cadence = -1, .org_id = org_id };
	char *name = NULL, *org = NULL;
	int rc = 0;

	if (split_label(text, &name, &org)) { /* "Name (Organisation)": both as written */
		rc = store_org_ensure(s, org, &p.org_id, err);
		p.name = name;
		name = NULL;
	} else {
		p.name = xstrdup(text);
	}
	if (!rc && !(rc = store_person_add(s, &p, err)))
		*id = p.id;
	free(name);
	free(org);
	person_release(&p);
	return rc;
}

int log_person_ref(struct store *s, const char *text, int64_t org_id, bool force_new,
		   int64_t *id, bool *added, struct error *err)
{
	struct error e = ERROR_INIT;
	struct strbuf list = STRBUF_INIT;
	size_t n;
	int rc;

	*added = false;
	if (!store_person_resolve(s, text, id, &e))
		return 0;
	if (e.code != ERR_NOT_FOUND)
		return error_set(err, e.code, "%s", e.msg);
	if ((rc = by_person_label(s, text, id, err)) || *id)
		return rc;
	if (!force_new && !(rc = close_names(s, text, &list, &n, err)) && n)
		rc = error_set(err, ERR_AMBIGUOUS,
			       "'%s' is not someone you know; did you mean %s%s? Write the name "
			       "as shown, or say it is someone new", text, list.buf,
			       n > CLOSE_LISTED ? ", ..." : "");
	strbuf_release(&list);
	if (rc)
		return rc;
	if ((rc = add_person(s, text, org_id, id, err)))
		return rc;
	*added = true;
	return 0;
}

char **log_split_names(const char *text)
{
	size_t n = 0, depth = 0;
	char **out = xcalloc(strlen(text) / 2 + 2, sizeof(*out));
	const char *start = text;

	for (const char *p = text;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		if (*p && (*p != ',' || depth))
			continue;
		char *name = text_trimmed(start, (size_t)(p - start));
		if (*name)
			out[n++] = name;
		else
			free(name);
		if (!*p)
			break;
		start = p + 1;
	}
	return out;
}

void log_names_free(char **names)
{
	for (size_t i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}
