/*
 * log_refs.h: what the log form (and anyone typing names rather than ids)
 * means by an opportunity and by the people in a conversation.
 *
 * An opportunity is its slug, its id, its label "Organisation — Title" as
 * the form shows it, or a title or an organisation that only one
 * opportunity has (the open ones first). A person is an id, a name or a
 * unique part of one (any case, with or without accents), or the label
 * "Name (Organisation)". Someone not known is added, unless a close name
 * exists: a typo must never become a second person.
 */
#ifndef RAPPORT_LOG_REFS_H
#define RAPPORT_LOG_REFS_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* The opportunity text refers to; ERR_NOT_FOUND or ERR_AMBIGUOUS (listing
 * them by label) otherwise. */
int log_opp_ref(struct store *s, const char *text, int64_t *id, struct error *err);

/* The person text refers to. When there is none, and no one's name is close
 * to it (differs by case, accents, spaces, a letter or two, or contains it),
 * or force_new: a new person named as typed (the label's name and
 * organisation when it is one, else in org_id, 0: none); *added is set.
 * A close name without force_new is ERR_AMBIGUOUS "did you mean ...". */
int log_person_ref(struct store *s, const char *text, int64_t org_id, bool force_new,
		   int64_t *id, bool *added, struct error *err);

/* Names separated by commas, outside parentheses ("Hiring Manager (Acme, Inc), Recruiter"),
 * trimmed, empty ones left out: a NULL-terminated array, each to free. */
char **log_split_names(const char *text);
void log_names_free(char **names);

#endif
