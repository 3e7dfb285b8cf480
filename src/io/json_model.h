/* json_model.h: records as JSON objects with the data model's field names (stable API). */
#ifndef RAPPORT_JSON_MODEL_H
#define RAPPORT_JSON_MODEL_H

#include <jansson.h>

#include "core/model.h"

json_t *json_text(const char *s);       /* string, or null for NULL */
json_t *json_opt_int(int64_t v);        /* integer, or null for a negative value */
/* The one shape of each kind of time in --json output (docs/json/):
 * a moment as RFC 3339 with its offset, a day as YYYY-MM-DD; null for NULL.
 * json_all_day: whether a stored moment is a day alone (logged without a time). */
json_t *json_time(const char *stored);
json_t *json_day(const char *stored);
json_t *json_all_day(const char *stored);
json_t *org_to_json(const struct org *o);
json_t *person_to_json(const struct person *p);
json_t *opp_to_json(const struct opp *o);
json_t *person_ref_to_json(const struct person_ref *r); /* null when id is 0 */
json_t *opp_ref_to_json(const struct opp_ref *r);       /* null when id is 0 */
/* The reference to a whole opportunity: the same object as opp_ref_to_json. */
json_t *opp_brief_to_json(const struct opp *o);
json_t *stage_change_to_json(const struct stage_change *c);
json_t *interaction_to_json(const struct interaction *i);
json_t *task_to_json(const struct task *t);

#endif
