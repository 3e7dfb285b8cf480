/* form.c: reading a form's fields with their checks (see form.h). */
#include "web/form.h"

#include <string.h>

#include "core/text.h"
#include "method/actions.h"
#include "method/log_refs.h"
#include "store/store.h"
#include "web/ui.h"

static const char *value_of(struct web_req *rq, const char *name)
{
	const char *v = web_param(&rq->form, name);

	return v && *v ? v : NULL;
}

/* Put a store or parser message beside the field. */
static bool fail(struct web_req *rq, const char *name, const struct error *e)
{
	web_field_error(rq, name, "%s", e->msg);
	return false;
}

bool form_text(struct web_req *rq, const char *name, const char *label, bool required,
	       bool multiline, const char **out)
{
	struct error e = ERROR_INIT;
	const char *v = value_of(rq, name);

	*out = v;
	if (text_check(label, v, (required ? TEXT_REQUIRED : 0) | (multiline ? 0 : TEXT_ONE_LINE),
		       &e))
		return fail(rq, name, &e);
	return true;
}

bool form_enum(struct web_req *rq, const char *name, const struct enum_def *def, int *out)
{
	struct error e = ERROR_INIT;
	const char *v = value_of(rq, name);

	*out = -1;
	if (v && (*out = enum_parse(def, v, &e)) < 0)
		return fail(rq, name, &e);
	return true;
}

bool form_when(struct web_req *rq, const char *name, char out[DATE_BUFSZ])
{
	struct error e = ERROR_INIT;
	struct datetime dt;
	const char *v = value_of(rq, name);

	out[0] = '\0';
	if (!v)
		return true;
	if (date_parse_when(v, store_now(rq->store), &dt, &e))
		return fail(rq, name, &e);
	date_format(&dt, out);
	return true;
}

bool form_interaction_when(struct web_req *rq, const char *name, char out[DATE_BUFSZ])
{
	if (!form_when(rq, name, out))
		return false;
	if (out[0] && action_at_too_far(rq->store, out)) {
		web_field_error(rq, name, "more than a year ahead: a typo?");
		return false;
	}
	return true;
}

bool form_int(struct web_req *rq, const char *name, const char *label, long min, long max,
	      long *out)
{
	struct error e = ERROR_INIT;
	const char *v = value_of(rq, name);

	*out = -1;
	if (v && text_parse_int(label, v, min, max, out, &e))
		return fail(rq, name, &e);
	return true;
}

bool form_amount(struct web_req *rq, const char *name, const char *label, int64_t *out)
{
	struct error e = ERROR_INIT;
	const char *v = value_of(rq, name);

	*out = -1;
	if (v && text_parse_amount(label, v, out, &e))
		return fail(rq, name, &e);
	return true;
}

/* A record the field names by reference, found by resolve; 0 when empty. */
static bool form_ref(struct web_req *rq, const char *name, form_resolve_fn *resolve,
		     int64_t *id)
{
	struct error e = ERROR_INIT;
	const char *v = value_of(rq, name);

	*id = 0;
	if (v && resolve(rq->store, v, id, &e))
		return fail(rq, name, &e);
	return true;
}

bool form_person(struct web_req *rq, const char *name, int64_t *id)
{
	return form_ref(rq, name, store_person_resolve, id);
}

bool form_person_or_new(struct web_req *rq, const char *name, int64_t org_id, int64_t *id,
			bool *added)
{
	struct error e = ERROR_INIT;
	const char *v = value_of(rq, name);

	*id = 0;
	*added = false;
	if (!v) {
		web_field_error(rq, name, "whom? give their name");
		return false;
	}
	if (log_person_ref(rq->store, v, org_id, false, id, added, &e))
		return fail(rq, name, &e);
	return true;
}

bool form_opp(struct web_req *rq, const char *name, int64_t *id)
{
	return form_ref(rq, name, store_opp_resolve, id);
}

bool form_ids(struct web_req *rq, const struct web_params *params, const char *name,
	      form_resolve_fn *resolve, id_vec *ids)
{
	struct error e = ERROR_INIT;

	for (size_t i = 0; i < params->n; i++) {
		int64_t id;
		if (strcmp(params->items[i].name, name) || !*params->items[i].value)
			continue;
		if (resolve(rq->store, params->items[i].value, &id, &e))
			return fail(rq, name, &e);
		*VEC_PUSH(ids) = id;
	}
	return true;
}

int form_error(struct web_req *rq, int rc, const char *field)
{
	if (rc != ERR_INVALID && rc != ERR_AMBIGUOUS && rc != ERR_CONFLICT && rc != ERR_NOT_FOUND)
		return rc;
	web_field_error(rq, field, "%s", rq->err.msg);
	error_clear(&rq->err);
	return 0;
}

const char *form_back(const struct web_req *rq, const char *fallback)
{
	const char *v = web_param(&rq->form, "back");

	return ui_local_path(v) ? v : fallback;
}
