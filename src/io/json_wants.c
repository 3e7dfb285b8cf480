/* json_wants.c: wants, evidence, fit and questions as JSON objects. */
#include "io/json_wants.h"

#include "io/json_model.h"

json_t *want_to_json(const struct want *w)
{
	return json_pack("{s:I, s:o, s:i, s:b, s:o, s:o, s:o}", "id", (json_int_t)w->id, "text",
			 json_text(w->text), "weight", w->weight, "must", w->must, "category",
			 w->category >= 0 ? json_string(enum_name(&want_category_def, w->category))
					  : json_null(),
			 "created_at", json_time(w->created_at), "updated_at",
			 json_time(w->updated_at));
}

json_t *want_evidence_to_json(const struct want_evidence *e)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)e->id, "status",
			 enum_name(&want_status_def, (int)e->status), "by",
			 person_ref_to_json(&e->by), "interaction",
			 e->interaction_id ? json_integer(e->interaction_id) : json_null(), "note",
			 json_text(e->note), "at", json_time(e->at));
}

json_t *want_standing_to_json(const struct want_standing *w)
{
	json_t *j = want_to_json(&w->want), *ev = json_array();

	for (size_t i = 0; i < w->evidence.n; i++)
		json_array_append_new(ev, want_evidence_to_json(&w->evidence.items[i]));
	json_object_set_new(j, "status", json_string(enum_name(&want_status_def,
								(int)w->status)));
	json_object_set_new(j, "evidence", ev);
	if (w->judged)
		json_object_set_new(j, "judged", json_string(w->judged));
	return j;
}

json_t *fit_to_json(const struct fit *f)
{
	int score = fit_score(f);

	return json_pack("{s:o, s:i, s:i, s:i, s:i}", "score",
			 score < 0 ? json_null() : json_integer(score), "coverage",
			 fit_coverage(f), "known", f->known, "total", f->total, "deal_breakers",
			 f->deal_breakers);
}

/* An array of the names of the bits set in mask. */
static json_t *enum_set_to_json(const struct enum_def *def, unsigned mask)
{
	json_t *a = json_array();

	for (size_t i = 0; i < def->count; i++)
		if (mask & (1u << i))
			json_array_append_new(a, json_string(def->names[i]));
	return a;
}

json_t *question_to_json(const struct question *q)
{
	json_t *wants = json_array();

	for (size_t i = 0; i < q->wants.n; i++)
		json_array_append_new(wants, json_integer(q->wants.items[i]));
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)q->id, "key",
			 json_text(q->key), "text", json_text(q->text), "stages",
			 enum_set_to_json(&question_stage_def, q->stages), "audiences",
			 enum_set_to_json(&audience_def, q->audiences), "verifies",
			 enum_set_to_json(&want_category_def, q->categories), "wants", wants);
}
