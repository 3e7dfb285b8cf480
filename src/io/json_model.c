/* json_model.c: converting records to JSON for --json output. */
#include "io/json_model.h"

#include <string.h>

#include "core/date.h"

json_t *json_text(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

json_t *json_time(const char *stored)
{
	char buf[DATE_BUFSZ];

	if (!stored)
		return json_null();
	/* what the checks would refuse, from an older database: as it is */
	return date_rfc3339(stored, buf) ? json_text(stored) : json_string(buf);
}

json_t *json_day(const char *stored)
{
	if (!stored)
		return json_null();
	return strlen(stored) >= 10 ? json_stringn(stored, 10) : json_text(stored);
}

json_t *json_all_day(const char *stored)
{
	return json_boolean(stored && !strchr(stored, 'T') && !strchr(stored, ' '));
}

json_t *json_opt_int(int64_t v)
{
	return v < 0 ? json_null() : json_integer(v);
}

static json_t *id_name(int64_t id, const char *name)
{
	if (!id)
		return json_null();
	return json_pack("{s:I, s:o}", "id", (json_int_t)id, "name", json_text(name));
}

json_t *org_to_json(const struct org *o)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)o->id, "name",
			 json_text(o->name), "website", json_text(o->website), "location",
			 json_text(o->location), "notes", json_text(o->notes), "created_at",
			 json_time(o->created_at), "updated_at", json_time(o->updated_at));
}

json_t *person_to_json(const struct person *p)
{
	json_t *tags = json_array();
	json_t *j;

	for (size_t i = 0; i < p->ntags; i++)
		json_array_append_new(tags, json_text(p->tags[i]));
	j = json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
		      (json_int_t)p->id, "name", json_text(p->name), "organisation",
		      id_name(p->org_id, p->org_name), "title", json_text(p->title), "email",
		      json_text(p->email), "phone", json_text(p->phone), "linkedin",
		      json_text(p->linkedin), "rapport", json_opt_int(p->rapport), "cadence",
		      json_opt_int(p->cadence), "tags", tags, "notes", json_text(p->notes),
		      "created_at", json_time(p->created_at), "updated_at",
		      json_time(p->updated_at));
	json_object_set_new(j, "connected_on", json_day(p->connected_on));
	json_object_set_new(j, "uid", json_text(p->uid));
	json_object_set_new(j, "last_contact", json_day(p->last_contact));
	json_object_set_new(j, "next_touch", json_day(p->next_touch));
	return j;
}

json_t *opp_to_json(const struct opp *o)
{
	json_t *range = o->salary_low < 0 ? json_null()
					  : json_pack("{s:I, s:I}", "low", (json_int_t)o->salary_low,
						      "high", (json_int_t)o->salary_high);
	json_t *j = json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)o->id,
			      "slug", json_text(o->slug), "title", json_text(o->title),
			      "organisation", id_name(o->org_id, o->org_name), "stage",
			      json_string(enum_name(&stage_def, (int)o->stage)), "stage_changed_at",
			      json_time(o->stage_changed_at), "level_applied",
			      json_text(o->level_applied), "level_offered",
			      json_text(o->level_offered));

	json_object_set_new(j, "source", json_text(o->source));
	json_object_set_new(j, "url", json_text(o->url));
	json_object_set_new(j, "salary_target", json_opt_int(o->salary_target));
	json_object_set_new(j, "salary_range", range);
	json_object_set_new(j, "salary_offered", json_opt_int(o->salary_offered));
	json_object_set_new(j, "notes", json_text(o->notes));
	json_object_set_new(j, "created_at", json_time(o->created_at));
	json_object_set_new(j, "updated_at", json_time(o->updated_at));
	return j;
}

json_t *person_ref_to_json(const struct person_ref *r)
{
	json_t *j = id_name(r->id, r->name);

	if (r->id && r->role >= 0)
		json_object_set_new(j, "role", json_string(enum_name(&role_def, r->role)));
	return j;
}

json_t *opp_ref_to_json(const struct opp_ref *r)
{
	if (!r->id)
		return json_null();
	return json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)r->id, "slug",
			 json_text(r->slug), "title", json_text(r->title), "organisation",
			 id_name(r->org_id, r->org_name));
}

json_t *opp_brief_to_json(const struct opp *o)
{
	struct opp_ref r = { .id = o->id, .slug = o->slug, .title = o->title,
			     .org_name = o->org_name, .org_id = o->org_id };

	return opp_ref_to_json(&r);
}

json_t *stage_change_to_json(const struct stage_change *c)
{
	return json_pack("{s:o, s:s, s:o, s:o}", "from",
			 c->from < 0 ? json_null() : json_string(enum_name(&stage_def, c->from)),
			 "to", enum_name(&stage_def, (int)c->to), "at", json_time(c->at), "note",
			 json_text(c->note));
}

json_t *interaction_to_json(const struct interaction *i)
{
	json_t *people = json_array();

	for (size_t k = 0; k < i->people.n; k++)
		json_array_append_new(people, person_ref_to_json(&i->people.items[k]));
	char written[DATE_BUFSZ];

	if (!i->has_at_offset || date_rfc3339_in(i->at, i->at_offset, written))
		written[0] = '\0';
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)i->id, "kind", enum_name(&interaction_kind_def, (int)i->kind),
			 "at", json_time(i->at), "at_as_written",
			 written[0] ? json_string(written) : json_null(), "all_day",
			 json_all_day(i->at), "direction",
			 enum_name(&direction_def, (int)i->direction), "opportunity",
			 opp_ref_to_json(&i->opp), "summary", json_text(i->summary), "notes",
			 json_text(i->notes), "chemistry", json_opt_int(i->chemistry), "people",
			 people, "created_at", json_time(i->created_at));
}

json_t *task_to_json(const struct task *t)
{
	json_t *j = json_pack("{s:I, s:o, s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			      "id", (json_int_t)t->id, "title", json_text(t->title), "kind",
			      enum_name(&task_kind_def, (int)t->kind), "due", json_day(t->due),
			      "status", enum_name(&task_status_def, (int)t->status), "origin",
			      json_text(t->origin), "why", json_text(t->why), "template",
			      json_text(t->template), "person", person_ref_to_json(&t->person),
			      "opportunity", opp_ref_to_json(&t->opp), "created_at",
			      json_time(t->created_at), "done_at", json_time(t->done_at));

	/* a task due at a time of day: the moment too */
	json_object_set_new(j, "due_at", json_all_day(t->due) == json_true() || !t->due
						 ? json_null()
						 : json_time(t->due));
	json_object_set_new(j, "feedback_id",
			    t->feedback_id ? json_integer(t->feedback_id) : json_null());
	return j;
}
