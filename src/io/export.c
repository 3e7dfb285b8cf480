/* export.c: people as vCards, tables as CSV (see export.h). */
#include "io/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/model.h"
#include "io/csv_write.h"
#include "io/vcard.h"
#include "store/export_rows.h"

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

/* Rows are built in a buffer that goes to the file every FLUSH_AT bytes:
 * the interactions of a large file are hundreds of megabytes. */
#define FLUSH_AT (64 * 1024)

struct csv_sink {
	struct csv_writer w;
	struct strbuf buf;
	FILE *f;
};

static void sink_flush(struct csv_sink *k)
{
	if (k->buf.len)
		fwrite(k->buf.buf, 1, k->buf.len, k->f); /* ferror() is checked at the end */
	strbuf_reset(&k->buf);
}

static void row_end(struct csv_sink *k)
{
	csv_row_end(&k->w);
	if (k->buf.len >= FLUSH_AT)
		sink_flush(k);
}

#define HEADER(w, ...)                                                            \
	do {                                                                      \
		static const char *const cells[] = { __VA_ARGS__ };               \
		csv_row((w), cells, ARRAY_SIZE(cells));            \
	} while (0)

static int csv_people(struct store *s, struct csv_sink *k, struct error *err)
{
	person_vec v = { 0 };
	struct strbuf tags = STRBUF_INIT;
	int rc = store_person_list(s, 0, NULL, &v, err);

	HEADER(&k->w, "id", "name", "organisation", "title", "email", "phone", "linkedin", "rapport",
	       "cadence", "tags", "connected_on", "last_contact", "next_touch", "notes",
	       "created_at", "updated_at");
	for (size_t i = 0; i < v.n && !rc; i++) {
		const struct person *p = &v.items[i];
		strbuf_reset(&tags);
		for (size_t j = 0; j < p->ntags; j++)
			strbuf_addf(&tags, "%s%s", j ? ", " : "", p->tags[j]);
		csv_cell_int(&k->w, p->id);
		csv_cell(&k->w, p->name);
		csv_cell(&k->w, p->org_name);
		csv_cell(&k->w, p->title);
		csv_cell(&k->w, p->email);
		csv_cell(&k->w, p->phone);
		csv_cell(&k->w, p->linkedin);
		csv_cell_int(&k->w, p->rapport);
		csv_cell_int(&k->w, p->cadence);
		csv_cell(&k->w, tags.buf);
		csv_cell(&k->w, p->connected_on);
		csv_cell(&k->w, p->last_contact);
		csv_cell(&k->w, p->next_touch);
		csv_cell(&k->w, p->notes);
		csv_cell(&k->w, p->created_at);
		csv_cell(&k->w, p->updated_at);
		row_end(k);
	}
	strbuf_release(&tags);
	person_vec_release(&v);
	return rc;
}

static int csv_orgs(struct store *s, struct csv_sink *k, struct error *err)
{
	org_vec v = { 0 };
	int rc = store_org_list(s, &v, err);

	HEADER(&k->w, "id", "name", "website", "location", "notes", "created_at", "updated_at");
	for (size_t i = 0; i < v.n && !rc; i++) {
		const struct org *o = &v.items[i];
		csv_cell_int(&k->w, o->id);
		csv_cell(&k->w, o->name);
		csv_cell(&k->w, o->website);
		csv_cell(&k->w, o->location);
		csv_cell(&k->w, o->notes);
		csv_cell(&k->w, o->created_at);
		csv_cell(&k->w, o->updated_at);
		row_end(k);
	}
	org_vec_release(&v);
	return rc;
}

static int by_opp_id(const void *a, const void *b)
{
	int64_t x = ((const struct opp *)a)->id, y = ((const struct opp *)b)->id;

	return (x > y) - (x < y);
}

static int csv_opps(struct store *s, struct csv_sink *k, struct error *err)
{
	opp_vec v = { 0 };
	int rc = store_opp_list(s, -1, &v, err);

	HEADER(&k->w, "id", "slug", "organisation", "title", "stage", "level_applied",
	       "level_offered", "source", "url", "salary_target", "salary_low", "salary_high",
	       "salary_offered", "stage_changed_at", "notes", "created_at", "updated_at");
	if (!rc && v.n) /* oldest first, as the other tables */
		qsort(v.items, v.n, sizeof(*v.items), by_opp_id);
	for (size_t i = 0; i < v.n && !rc; i++) {
		const struct opp *o = &v.items[i];
		csv_cell_int(&k->w, o->id);
		csv_cell(&k->w, o->slug);
		csv_cell(&k->w, o->org_name);
		csv_cell(&k->w, o->title);
		csv_cell(&k->w, enum_name(&stage_def, (int)o->stage));
		csv_cell(&k->w, o->level_applied);
		csv_cell(&k->w, o->level_offered);
		csv_cell(&k->w, o->source);
		csv_cell(&k->w, o->url);
		csv_cell_int(&k->w, o->salary_target);
		csv_cell_int(&k->w, o->salary_low);
		csv_cell_int(&k->w, o->salary_high);
		csv_cell_int(&k->w, o->salary_offered);
		csv_cell(&k->w, o->stage_changed_at);
		csv_cell(&k->w, o->notes);
		csv_cell(&k->w, o->created_at);
		csv_cell(&k->w, o->updated_at);
		row_end(k);
	}
	opp_vec_release(&v);
	return rc;
}

/* One interaction's row (a store_interaction_fn). */
static int interaction_row(void *ctx, const struct interaction *it)
{
	struct csv_sink *k = ctx;
	struct strbuf people = STRBUF_INIT;

	for (size_t j = 0; j < it->people.n; j++)
		strbuf_addf(&people, "%s%s", j ? "; " : "", it->people.items[j].name);
	csv_cell_int(&k->w, it->id);
	csv_cell(&k->w, it->at);
	csv_cell(&k->w, enum_name(&interaction_kind_def, (int)it->kind));
	csv_cell(&k->w, enum_name(&direction_def, (int)it->direction));
	csv_cell(&k->w, people.buf);
	csv_cell(&k->w, it->opp.slug);
	csv_cell(&k->w, it->opp.org_name);
	csv_cell(&k->w, it->summary);
	csv_cell_int(&k->w, it->chemistry);
	csv_cell(&k->w, it->notes);
	csv_cell(&k->w, it->created_at);
	row_end(k);
	strbuf_release(&people);
	return 0;
}

static int csv_interactions(struct store *s, struct csv_sink *k, struct error *err)
{
	HEADER(&k->w, "id", "at", "kind", "direction", "people", "opportunity", "organisation",
	       "summary", "chemistry", "notes", "created_at");
	return store_interactions_each(s, interaction_row, k, err);
}

static int csv_tasks(struct store *s, struct csv_sink *k, struct error *err)
{
	task_vec v = { 0 };
	int rc = store_task_list(s, true, &v, err);

	HEADER(&k->w, "id", "due", "title", "kind", "status", "person", "opportunity", "origin",
	       "why", "template", "created_at", "done_at");
	for (size_t i = 0; i < v.n && !rc; i++) {
		const struct task *t = &v.items[i];
		csv_cell_int(&k->w, t->id);
		csv_cell(&k->w, t->due);
		csv_cell(&k->w, t->title);
		csv_cell(&k->w, enum_name(&task_kind_def, (int)t->kind));
		csv_cell(&k->w, enum_name(&task_status_def, (int)t->status));
		csv_cell(&k->w, t->person.name);
		csv_cell(&k->w, t->opp.slug);
		csv_cell(&k->w, t->origin);
		csv_cell(&k->w, t->why);
		csv_cell(&k->w, t->template);
		csv_cell(&k->w, t->created_at);
		csv_cell(&k->w, t->done_at);
		row_end(k);
	}
	task_vec_release(&v);
	return rc;
}

int export_csv(struct store *s, const char *table, bool bom, FILE *out, struct error *err)
{
	static const struct {
		const char *table;
		int (*write)(struct store *, struct csv_sink *, struct error *);
	} writers[] = {
		{ "people", csv_people },
		{ "organisations", csv_orgs },
		{ "opportunities", csv_opps },
		{ "interactions", csv_interactions },
		{ "tasks", csv_tasks },
	};
	struct csv_sink k = { .buf = STRBUF_INIT, .f = out };
	int rc = ERR_INVALID;
	size_t i;

	k.w.out = &k.buf;
	for (i = 0; i < ARRAY_SIZE(writers); i++)
		if (!strcmp(table, writers[i].table))
			break;
	if (i == ARRAY_SIZE(writers))
		return error_set(err, ERR_INVALID,
				 "no table '%s' to export: people, organisations, opportunities, "
				 "interactions or tasks", table);
	if (bom)
		csv_bom(&k.buf);
	rc = writers[i].write(s, &k, err);
	sink_flush(&k);
	strbuf_release(&k.buf);
	if (!rc && ferror(out))
		rc = error_set(err, ERR_IO, "cannot write the export: %s", strerror(errno));
	return rc;
}

/* ---- vCard ---- */

static void person_card(struct strbuf *out, const struct person *p)
{
	struct vcard_value email = { .value = p->email }, phone = { .value = p->phone };
	struct vcard card = {
		.fn = p->name,
		.org = p->org_name,
		.title = p->title,
		.note = p->notes,
		.url = p->linkedin,
		.emails = p->email ? &email : NULL,
		.nemails = p->email ? 1 : 0,
		.phones = p->phone ? &phone : NULL,
		.nphones = p->phone ? 1 : 0,
	};
	char uid[64];

	/* every person has a UID since the schema's 4th version; a restored
	 * backup from before may lack one */
	snprintf(uid, sizeof(uid), "person-%lld@rapport", (long long)p->id);
	card.uid = p->uid ? p->uid : uid;
	vcard_write(out, &card);
}

int export_vcard(struct store *s, const int64_t *ids, size_t n, FILE *out, struct error *err)
{
	struct strbuf card = STRBUF_INIT;
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
	for (size_t i = 0; i < v.n && !rc; i++) {
		strbuf_reset(&card);
		person_card(&card, &v.items[i]);
		fwrite(card.buf, 1, card.len, out);
	}
	if (!rc && ferror(out))
		rc = error_set(err, ERR_IO, "cannot write the export: %s", strerror(errno));
	strbuf_release(&card);
	person_vec_release(&v);
	return rc;
}
