/* export.c: the exports' rows as bytes: tables as CSV, people as vCards (see export.h). */
#include "io/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/model.h"
#include "io/csv_write.h"
#include "io/vcard.h"

/* ---- CSV ---- */

/* Rows are built in a buffer that goes to the file every FLUSH_AT bytes:
 * the interactions of a large file are hundreds of megabytes. */
#define FLUSH_AT (64 * 1024)

void export_sink_init(struct export_sink *k, FILE *out, bool bom)
{
	k->buf = (struct strbuf)STRBUF_INIT;
	k->w = (struct csv_writer)CSV_WRITER_INIT(&k->buf);
	k->f = out;
	if (bom)
		csv_bom(&k->buf);
}

static void sink_flush(struct export_sink *k)
{
	if (k->buf.len)
		fwrite(k->buf.buf, 1, k->buf.len, k->f); /* ferror() is checked at the end */
	strbuf_reset(&k->buf);
}

static void row_end(struct export_sink *k)
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

void export_people_csv(struct export_sink *k, const struct person *v, size_t n)
{
	struct strbuf tags = STRBUF_INIT;

	HEADER(&k->w, "id", "name", "organisation", "title", "email", "phone", "linkedin", "rapport",
	       "cadence", "tags", "connected_on", "last_contact", "next_touch", "notes",
	       "created_at", "updated_at");
	for (size_t i = 0; i < n; i++) {
		const struct person *p = &v[i];
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
}

void export_orgs_csv(struct export_sink *k, const struct org *v, size_t n)
{
	HEADER(&k->w, "id", "name", "website", "location", "notes", "created_at", "updated_at");
	for (size_t i = 0; i < n; i++) {
		const struct org *o = &v[i];
		csv_cell_int(&k->w, o->id);
		csv_cell(&k->w, o->name);
		csv_cell(&k->w, o->website);
		csv_cell(&k->w, o->location);
		csv_cell(&k->w, o->notes);
		csv_cell(&k->w, o->created_at);
		csv_cell(&k->w, o->updated_at);
		row_end(k);
	}
}

void export_opps_csv(struct export_sink *k, const struct opp *v, size_t n)
{
	HEADER(&k->w, "id", "slug", "organisation", "title", "stage", "level_applied",
	       "level_offered", "source", "url", "salary_target", "salary_low", "salary_high",
	       "salary_offered", "stage_changed_at", "notes", "created_at", "updated_at");
	for (size_t i = 0; i < n; i++) {
		const struct opp *o = &v[i];
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
}

void export_interactions_csv_header(struct export_sink *k)
{
	HEADER(&k->w, "id", "at", "kind", "direction", "people", "opportunity", "organisation",
	       "summary", "chemistry", "notes", "created_at");
}

void export_interaction_csv(struct export_sink *k, const struct interaction *it)
{
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
}

void export_tasks_csv(struct export_sink *k, const struct task *v, size_t n)
{
	HEADER(&k->w, "id", "due", "title", "kind", "status", "person", "opportunity", "origin",
	       "why", "template", "created_at", "done_at");
	for (size_t i = 0; i < n; i++) {
		const struct task *t = &v[i];
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
}

int export_sink_finish(struct export_sink *k, int rc, struct error *err)
{
	sink_flush(k);
	strbuf_release(&k->buf);
	if (!rc && ferror(k->f))
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

int export_people_vcard(const struct person *v, size_t n, FILE *out, struct error *err)
{
	struct strbuf card = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&card);
		person_card(&card, &v[i]);
		fwrite(card.buf, 1, card.len, out);
	}
	if (ferror(out))
		rc = error_set(err, ERR_IO, "cannot write the export: %s", strerror(errno));
	strbuf_release(&card);
	return rc;
}
