/*
 * form.h: reading a submitted form's fields, each checked the way the
 * command line checks its options. A bad field gets its error beside it
 * (web_field_error) and the reader returns false; the page then shows the
 * form again with status 400, and nothing is written.
 *
 * An empty field means "not given": *out is NULL, -1 or "" as each says.
 */
#ifndef RAPPORT_FORM_H
#define RAPPORT_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/enums.h"
#include "web/web.h"

/* Text, checked with text_check (UTF-8, length, one line unless multiline). */
bool form_text(struct web_req *rq, const char *name, const char *label, bool required,
	       bool multiline, const char **out);
bool form_enum(struct web_req *rq, const char *name, const struct enum_def *def, int *out);
/* A date or date-time as the command line takes it (2026-03-02, +3d, tomorrow,
 * or the browser's 2026-03-02T14:30); out[0] is '\0' when empty. */
bool form_when(struct web_req *rq, const char *name, char out[DATE_BUFSZ]);
/* form_when for an interaction's time: more than a year ahead is refused
 * as a likely typo (action_at_too_far). */
bool form_interaction_when(struct web_req *rq, const char *name, char out[DATE_BUFSZ]);
bool form_int(struct web_req *rq, const char *name, const char *label, long min, long max,
	      long *out);
bool form_amount(struct web_req *rq, const char *name, const char *label, int64_t *out);
/* A person or an opportunity as a reference (a name, an id, a slug); 0 when empty. */
bool form_person(struct web_req *rq, const char *name, int64_t *id);
/* The person the field names, or someone new named so, in org_id (*added
 * set) when no one's name is close (log_refs.h); an empty field or a close
 * name is the field's error. */
bool form_person_or_new(struct web_req *rq, const char *name, int64_t org_id, int64_t *id,
			bool *added);
bool form_opp(struct web_req *rq, const char *name, int64_t *id);
/* How a kind of record is found by reference: store_person_resolve, store_want_resolve. */
typedef int form_resolve_fn(struct store *s, const char *ref, int64_t *id, struct error *err);
/* Every value of a repeated field in params (the form, or a GET form's
 * query), empty ones skipped, resolved into ids; at the first that names
 * nothing, its error beside the field and false. */
bool form_ids(struct web_req *rq, const struct web_params *params, const char *name,
	      form_resolve_fn *resolve, id_vec *ids);
/* An action's error on a POST, shown where the person sees it (Redis's
 * ...OrReply helpers): a refusal of what the form sent (ERR_INVALID,
 * ERR_AMBIGUOUS, ERR_CONFLICT, or ERR_NOT_FOUND for a record the form names)
 * goes beside field ("" for the form's top), rq->err is cleared and 0 is
 * returned: the page then shows the form again with status 400 and nothing is
 * written. Any other error (the store or a file failed) is returned as it is,
 * for server.c's error page (500). The page's own record (the id or slug in
 * the address) is looked up before the action, and its ERR_NOT_FOUND returned
 * as it is: a 404, not a form error. */
int form_error(struct web_req *rq, int rc, const char *field);
/* Where to go after the form: its "back" field when it is a path of this
 * site ("/pipeline", never "//elsewhere"), else fallback. */
const char *form_back(const struct web_req *rq, const char *fallback);

#endif
