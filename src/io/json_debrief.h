/* json_debrief.h: debriefs, questions asked and feedback as JSON (stable API). */
#ifndef RAPPORT_JSON_DEBRIEF_H
#define RAPPORT_JSON_DEBRIEF_H

#include <jansson.h>

#include "core/debrief.h"

/* A debrief with its "asked" questions. */
json_t *debrief_to_json(const struct debrief *d);
json_t *feedback_to_json(const struct feedback *f);

#endif
