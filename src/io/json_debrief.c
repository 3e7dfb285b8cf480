/* json_debrief.c: debriefs, questions asked and feedback as JSON objects. */
#include "io/json_debrief.h"

#include "io/json_model.h"

static json_t *opt_id(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

/* {"evidence_id", "want": {"id", "text"}, "status"}, or null. */
static json_t *mark_to_json(const struct asked *a)
{
	if (!a->evidence_id)
		return json_null();
	return json_pack("{s:I, s:o, s:o}", "evidence_id", (json_int_t)a->evidence_id, "want",
			 a->want_id ? json_pack("{s:I, s:o}", "id", (json_int_t)a->want_id,
						"text", json_text(a->want))
				    : json_null(),
			 "status", a->want_status >= 0
					   ? json_string(enum_name(&want_status_def, a->want_status))
					   : json_null());
}

/* A question asked: "question_id" (null for the user's own words), "text",
 * "answer", "by", "mark" (the want the answer marked, or null), "at". */
static json_t *asked_to_json(const struct asked *a)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)a->id,
			 "question_id", opt_id(a->question_id), "text", json_text(a->text),
			 "answer", json_text(a->answer), "by", person_ref_to_json(&a->by), "mark",
			 mark_to_json(a), "at", json_time(a->at));
}

json_t *debrief_to_json(const struct debrief *d)
{
	json_t *asked = json_array();
	json_t *j;

	for (size_t i = 0; i < d->asked.n; i++)
		json_array_append_new(asked, asked_to_json(&d->asked.items[i]));
	j = json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)d->id,
		      "opportunity", opp_ref_to_json(&d->opp), "interaction",
		      d->interaction_id ? json_pack("{s:I, s:o}", "id",
						    (json_int_t)d->interaction_id, "summary",
						    json_text(d->interaction_summary))
					: json_null(),
		      "went_well", json_text(d->went_well), "refine", json_text(d->refine),
		      "chemistry", json_opt_int(d->chemistry), "notes", json_text(d->notes),
		      "at", json_time(d->at), "created_at", json_time(d->created_at));
	json_object_set_new(j, "asked", asked);
	return j;
}

json_t *feedback_to_json(const struct feedback *f)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)f->id,
			 "opportunity", opp_ref_to_json(&f->opp), "person",
			 person_ref_to_json(&f->from), "text", json_text(f->text), "at",
			 json_time(f->at), "created_at", json_time(f->created_at));
}
