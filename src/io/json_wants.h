/* json_wants.h: wants, evidence, standings, fit and questions as JSON (stable API). */
#ifndef RAPPORT_JSON_WANTS_H
#define RAPPORT_JSON_WANTS_H

#include <jansson.h>

#include "core/fit.h"
#include "core/wants.h"

json_t *want_to_json(const struct want *w);
json_t *want_evidence_to_json(const struct want_evidence *e);
/* The want with "status" and "evidence". */
json_t *want_standing_to_json(const struct want_standing *w);
/* "score" (null when unknown), "coverage", "known", "total", "deal_breakers". */
json_t *fit_to_json(const struct fit *f);
json_t *question_to_json(const struct question *q);

#endif
