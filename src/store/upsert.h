/*
 * upsert.h: finding the records an import matches, and writing them.
 *
 * An import may bring 100,000 rows, and its file may be imported again: a
 * query per row and per look-up would not do. upsert_open reads the people
 * (without their tags), organisations and opportunities once into memory,
 * with hash indexes on what an import matches by; every write made through
 * it keeps them current, so a look-up costs no query and no new index is
 * needed in the schema. New people and organisations are
 * queued and written together at the end (upsert_flush, see upsert.c for
 * why); everything happens in the caller's transaction.
 *
 * Matching:
 *   a person        by UID (a vCard's, kept from an earlier import or an
 *                   export), else LinkedIn profile URL, else e-mail address (any case),
 *                   else name (case-folded) and organisation (both none, or
 *                   the same one). An e-mail or a name never matches a
 *                   person whose LinkedIn URL is set and differs from the
 *                   one given: two profiles are two people.
 *   an organisation by name, case-folded.
 *   an opportunity  by its URL, else organisation and title (case-folded),
 *                   unless both have a URL and they differ.
 * URLs compare without their scheme, "www.", query, fragment and trailing
 * slash, in lower case; several candidates: the oldest record wins.
 */
#ifndef RAPPORT_UPSERT_H
#define RAPPORT_UPSERT_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

struct upsert;

enum upsert_what {
	UPSERT_PEOPLE = 1 << 0,
	UPSERT_OPPS = 1 << 1,
};

int upsert_open(struct store *s, unsigned what, struct upsert **out, struct error *err);
void upsert_close(struct upsert *u);

/* The key a URL is compared by (see above); a copy to free. */
char *upsert_url_key(const char *url);

/* The organisation named name, created when there is none (*added then
 * true; a new one is queued, and written before anything that refers to it). */
int upsert_org(struct upsert *u, const char *name, int64_t *id, bool *added, struct error *err);
/* The organisation named name, or 0 when there is none. */
int64_t upsert_org_find(struct upsert *u, const char *name);

/* The person that matches (see above), or NULL. Any argument may be NULL;
 * org_id 0 is "no organisation". The record is as the store had it at
 * upsert_open or after the last write through u, without tags, and stays
 * valid until the next write through u. */
const struct person *upsert_person_find(struct upsert *u, const char *uid, const char *linkedin,
					const char *email, const char *name, int64_t org_id);
/* Add a person (checked now; p->id receives its id). The queue takes p's
 * fields: p is left with its id, its tags and its read-only fields only.
 * New people are queued and written by upsert_flush, many rows to a
 * statement: a statement a row would cost several times more (see
 * upsert.c). Until then, they are found, read and changed here as if
 * written. */
int upsert_person_add(struct upsert *u, struct person *p, struct error *err);
/* The person's whole record (store_person_get, or a queued one's). */
int upsert_person_get(struct upsert *u, int64_t id, struct person *out, struct error *err);
/* store_person_update (a queued person is changed in the queue). */
int upsert_person_update(struct upsert *u, struct person *p, struct error *err);
/* Write what is queued: organisations, people (their ids change: new
 * people are numbered in the order of their names). This ends
 * the import: then only upsert_undo, upsert_keep and upsert_close. */
int upsert_flush(struct upsert *u, struct error *err);

/* The opportunity that matches (see above), or NULL; valid as a person's is. */
const struct opp *upsert_opp_find(struct upsert *u, const char *url, int64_t org_id,
				  const char *title);
/* Add o. When applied_on ("YYYY-MM-DD") is given and o's stage is past lead,
 * its history starts with "applied" on that day, then moves to o's stage
 * now (with note) when that is later than applied. */
int upsert_opp_add(struct upsert *u, struct opp *o, const char *applied_on, const char *note,
		   struct error *err);
/* store_opp_update, then store_opp_move when to differs from o's stage (to < 0: no move). */
int upsert_opp_update(struct upsert *u, struct opp *o, int to, const char *note,
		      struct error *err);

/* A dry run: mark where the import starts, and undo everything after it
 * (u is then out of step with the store: close it). */
int upsert_mark(struct upsert *u, struct error *err);
int upsert_undo(struct upsert *u, struct error *err);
/* Keep what was written since the mark. */
int upsert_keep(struct upsert *u, struct error *err);

#endif
