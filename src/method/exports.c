/* exports.c: the rows of the exports, read from the store and handed to
 * io's encoders (see exports.h). */
#include "method/exports.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/model.h"
#include "io/export.h"
#include "io/ical.h"
#include "store/export_rows.h"
#include "store/history.h"
#include "store/offer.h"
#include "util/xalloc.h"

const char *const export_csv_tables[] = {
	"people", "organisations", "opportunities", "interactions", "tasks", NULL,
};

const char *export_csv_table(const char *name)
{
	static const struct {
		const char *alias, *table;
	} aliases[] = {
		{ "person", "people" },
		{ "org", "organisations" },
		{ "orgs", "organisations" },
		{ "organisation", "organisations" },
		{ "organization", "organisations" },
		{ "organizations", "organisations" },
		{ "opp", "opportunities" },
		{ "opps", "opportunities" },
		{ "opportunity", "opportunities" },
		{ "interaction", "interactions" },
		{ "task", "tasks" },
	};

	for (size_t i = 0; export_csv_tables[i]; i++)
		if (!strcasecmp(name, export_csv_tables[i]))
			return export_csv_tables[i];
	for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
		if (!strcasecmp(name, aliases[i].alias))
			return aliases[i].table;
	return NULL;
}

/* ---- CSV ---- */

static int csv_people(struct store *s, struct export_sink *k, struct error *err)
{
	person_vec v = { 0 };
	int rc = store_person_list(s, 0, NULL, &v, err);

	export_people_csv(k, v.items, rc ? 0 : v.n);
	person_vec_release(&v);
	return rc;
}

static int csv_orgs(struct store *s, struct export_sink *k, struct error *err)
{
	org_vec v = { 0 };
	int rc = store_org_list(s, &v, err);

	export_orgs_csv(k, v.items, rc ? 0 : v.n);
	org_vec_release(&v);
	return rc;
}

static int by_opp_id(const void *a, const void *b)
{
	int64_t x = ((const struct opp *)a)->id, y = ((const struct opp *)b)->id;

	return (x > y) - (x < y);
}

static int csv_opps(struct store *s, struct export_sink *k, struct error *err)
{
	opp_vec v = { 0 };
	int rc = store_opp_list(s, -1, &v, err);

	if (!rc && v.n) /* oldest first, as the other tables */
		qsort(v.items, v.n, sizeof(*v.items), by_opp_id);
	export_opps_csv(k, v.items, rc ? 0 : v.n);
	opp_vec_release(&v);
	return rc;
}

/* One interaction's row (a store_interaction_fn). */
static int interaction_row(void *ctx, const struct interaction *it)
{
	export_interaction_csv(ctx, it);
	return 0;
}

static int csv_interactions(struct store *s, struct export_sink *k, struct error *err)
{
	export_interactions_csv_header(k);
	return store_interactions_each(s, interaction_row, k, err);
}

static int csv_tasks(struct store *s, struct export_sink *k, struct error *err)
{
	task_vec v = { 0 };
	int rc = store_task_list(s, true, &v, err);

	export_tasks_csv(k, v.items, rc ? 0 : v.n);
	task_vec_release(&v);
	return rc;
}

int export_csv(struct store *s, const char *table, bool bom, FILE *out, struct error *err)
{
	static const struct {
		const char *table;
		int (*write)(struct store *, struct export_sink *, struct error *);
	} writers[] = {
		{ "people", csv_people },
		{ "organisations", csv_orgs },
		{ "opportunities", csv_opps },
		{ "interactions", csv_interactions },
		{ "tasks", csv_tasks },
	};
	struct export_sink k;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(writers); i++)
		if (!strcmp(table, writers[i].table))
			break;
	if (i == ARRAY_SIZE(writers))
		return error_set(err, ERR_INVALID,
				 "no table '%s' to export: people, organisations, opportunities, "
				 "interactions or tasks", table);
	export_sink_init(&k, out, bom);
	return export_sink_finish(&k, writers[i].write(s, &k, err), err);
}

/* ---- vCard ---- */

int export_vcard(struct store *s, const int64_t *ids, size_t n, FILE *out, struct error *err)
{
	person_vec v = { 0 };
	int rc = 0;

	if (!n) {
		rc = store_person_list(s, 0, NULL, &v, err);
	} else {
		for (size_t i = 0; i < n && !rc; i++) {
			bool seen = false;
			for (size_t k = 0; k < i && !seen; k++)
				seen = ids[k] == ids[i];
			if (!seen)
				rc = store_person_get(s, ids[i], VEC_PUSH(&v), err);
		}
	}
	if (!rc)
		rc = export_people_vcard(v.items, v.n, out, err);
	person_vec_release(&v);
	return rc;
}

/* ---- iCalendar ---- */

/* The planned interactions that are not interviews (those are in v already). */
static int add_planned(struct store *s, interaction_vec *v, struct error *err)
{
	interaction_vec ahead = { 0 };
	int rc = store_interactions_ahead(s, NULL, &ahead, err);

	for (size_t i = 0; i < ahead.n && !rc; i++) {
		if (ahead.items[i].kind == IKIND_INTERVIEW)
			continue;
		*VEC_PUSH(v) = ahead.items[i];
		memset(&ahead.items[i], 0, sizeof(ahead.items[i]));
	}
	interaction_vec_release(&ahead);
	return rc;
}

int export_ical(struct store *s, const struct export_ical_options *o, FILE *out,
		struct error *err)
{
	const struct datetime *now = store_now(s);
	struct datetime from = *now;
	char from_day[DATE_BUFSZ];
	task_vec tasks = { 0 };
	interaction_vec interviews = { 0 };
	offer_vec offers = { 0 };
	struct ical_deadline *deadlines = NULL;
	int rc;

	if ((rc = ical_ready(err)))
		return rc;
	date_add_days(&from, -(long)(o->past_days > 0 ? o->past_days : 0));
	date_format_day(&from, from_day);
	if ((rc = store_task_list(s, false, &tasks, err)) ||
	    (rc = store_interviews_from(s, from_day, &interviews, err)) ||
	    (rc = add_planned(s, &interviews, err)) ||
	    (rc = store_offer_deadlines_from(s, from_day, &offers, err)))
		goto out;
	if (offers.n)
		deadlines = xcalloc(offers.n, sizeof(*deadlines));
	for (size_t i = 0; i < offers.n; i++)
		deadlines[i] = (struct ical_deadline){ offers.items[i].id, offers.items[i].deadline,
						       &offers.items[i].opp };
	rc = ical_write(&(struct ical_calendar){ .now = now,
						 .tasks_as_todo = o->tasks_as_todo,
						 .tasks = tasks.items,
						 .ntasks = tasks.n,
						 .interviews = interviews.items,
						 .ninterviews = interviews.n,
						 .deadlines = deadlines,
						 .ndeadlines = offers.n },
			out, err);
out:
	free(deadlines);
	task_vec_release(&tasks);
	interaction_vec_release(&interviews);
	offer_vec_release(&offers);
	return rc;
}
