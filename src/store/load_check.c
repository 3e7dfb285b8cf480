/*
 * load_check.c: a row loaded from a backup passes the checks the same
 * record passes when it is written any other way (the CLI, the web, an
 * importer): the record's *_validate, on a view of the row.
 *
 * A backup is a file anyone may hand the user. Without these checks it
 * stored what no other way in accepts: line breaks in names and e-mail
 * addresses (headers of drafted letters), javascript: URLs, terminal
 * escapes, a ladder of levels that does not parse.
 */
#include "store/load_check.h"

#include <limits.h>
#include <string.h>

#include "core/model.h"
#include "core/offer.h"
#include "core/text.h"
#include "core/debrief.h"
#include "store/setting.h"
#include "core/wants.h"

/* A row: its columns' names and values, in the same order. */
struct row {
	const char *const *cols;
	const struct cell_value *vals;
};

static const struct cell_value *value_of(const struct row *r, const char *col)
{
	for (size_t i = 0; r->cols[i]; i++)
		if (!strcmp(r->cols[i], col))
			return &r->vals[i];
	return NULL;
}

/* A text column as a record's field: the validators take const records,
 * and the view is never freed. A value of another type gives NULL (the
 * STRICT table refuses it). */
static char *text_of(const struct row *r, const char *col)
{
	const struct cell_value *v = value_of(r, col);

	return v && v->type == VALUE_TEXT ? (char *)v->text : NULL;
}

static int64_t id_of(const struct row *r, const char *col)
{
	const struct cell_value *v = value_of(r, col);

	return v && v->type == VALUE_INTEGER ? v->i : 0;
}

/* An integer column as an int field; none for NULL. A value out of int's
 * range is refused here, before a conversion would change it. */
static int int_of(const struct row *r, const char *col, int none, int *out, struct error *err)
{
	const struct cell_value *v = value_of(r, col);

	*out = none;
	if (!v || v->type != VALUE_INTEGER)
		return 0;
	if (v->i < INT_MIN + 1 || v->i > INT_MAX)
		return error_set(err, ERR_INVALID, "%s is out of range (%lld)", col,
				 (long long)v->i);
	*out = (int)v->i;
	return 0;
}

static int64_t money_of(const struct row *r, const char *col)
{
	const struct cell_value *v = value_of(r, col);

	return v && v->type == VALUE_INTEGER ? v->i : -1;
}

/* The index of a vocabulary's word (the table's CHECK refuses others). */
static int enum_of(const struct row *r, const char *col, const struct enum_def *def)
{
	const char *t = text_of(r, col);

	for (size_t i = 0; t && i < def->count; i++)
		if (!strcmp(def->names[i], t))
			return (int)i;
	return 0;
}

/* ---- one check per table ---- */

static int check_org(const struct row *r, struct error *err)
{
	struct org o = { .name = text_of(r, "name"), .website = text_of(r, "website"),
			 .location = text_of(r, "location"), .notes = text_of(r, "notes") };

	return org_validate(&o, err);
}

static int check_person(const struct row *r, struct error *err)
{
	struct person p = { .name = text_of(r, "name"), .title = text_of(r, "title"),
			    .email = text_of(r, "email"), .phone = text_of(r, "phone"),
			    .linkedin = text_of(r, "linkedin"), .notes = text_of(r, "notes"),
			    .connected_on = text_of(r, "connected_on"), .uid = text_of(r, "uid") };

	if (int_of(r, "rapport", -1, &p.rapport, err) || int_of(r, "cadence", -1, &p.cadence, err))
		return ERR_INVALID;
	return person_validate(&p, err);
}

static int check_tag(const struct row *r, struct error *err)
{
	const char *tag = text_of(r, "tag");

	return tag ? tag_check(tag, err) : 0;
}

static int check_opp(const struct row *r, struct error *err)
{
	struct opp o = { .title = text_of(r, "title"), .slug = text_of(r, "slug"),
			 .level_applied = text_of(r, "level_applied"),
			 .level_offered = text_of(r, "level_offered"),
			 .source = text_of(r, "source"), .url = text_of(r, "url"),
			 .salary_target = money_of(r, "salary_target"),
			 .salary_low = money_of(r, "salary_low"),
			 .salary_high = money_of(r, "salary_high"),
			 .salary_offered = money_of(r, "salary_offered"),
			 .stage = (enum stage)enum_of(r, "stage", &stage_def),
			 .notes = text_of(r, "notes") };

	return opp_validate(&o, err);
}

static int check_interaction(const struct row *r, struct error *err)
{
	struct interaction i = {
		.kind = (enum interaction_kind)enum_of(r, "kind", &interaction_kind_def),
		.at = text_of(r, "at"), .summary = text_of(r, "summary"),
		.notes = text_of(r, "notes") };

	if (int_of(r, "chemistry", -1, &i.chemistry, err))
		return ERR_INVALID;
	return interaction_validate(&i, err);
}

static int check_task(const struct row *r, struct error *err)
{
	struct task t = { .title = text_of(r, "title"),
			  .kind = (enum task_kind)enum_of(r, "kind", &task_kind_def),
			  .due = text_of(r, "due"), .origin = text_of(r, "origin"),
			  .why = text_of(r, "why"), .template = text_of(r, "template") };

	return task_validate(&t, err);
}

static int check_setting(const struct row *r, struct error *err)
{
	const char *key = text_of(r, "key");

	if (!key)
		return 0; /* the table's NOT NULL says so */
	return setting_check_any(key, text_of(r, "value"), err);
}

static int check_want(const struct row *r, struct error *err)
{
	struct want w = { .text = text_of(r, "text") };

	if (int_of(r, "weight", 3, &w.weight, err))
		return ERR_INVALID;
	w.category = text_of(r, "category") ? enum_of(r, "category", &want_category_def) : -1;
	return want_validate(&w, err);
}

/* A bit mask of a vocabulary: within what an unsigned holds, then the
 * validator says whether each bit names a word. */
static int mask_of(const struct row *r, const char *col, unsigned *out, struct error *err)
{
	int v;

	if (int_of(r, col, 0, &v, err))
		return ERR_INVALID;
	if (v < 0)
		return error_set(err, ERR_INVALID, "%s must not be negative", col);
	*out = (unsigned)v;
	return 0;
}

static int check_question(const struct row *r, struct error *err)
{
	struct question q = { .key = text_of(r, "key"), .text = text_of(r, "text") };

	if (mask_of(r, "stages", &q.stages, err) || mask_of(r, "audiences", &q.audiences, err) ||
	    mask_of(r, "categories", &q.categories, err))
		return ERR_INVALID;
	if (q.key && name_check("question key", q.key, err))
		return ERR_INVALID;
	return question_validate(&q, err);
}

static int check_debrief(const struct row *r, struct error *err)
{
	struct debrief d = { .went_well = text_of(r, "went_well"), .refine = text_of(r, "refine"),
			     .notes = text_of(r, "notes") };

	if (int_of(r, "chemistry", -1, &d.chemistry, err))
		return ERR_INVALID;
	return debrief_validate(&d, err);
}

/* A question asked: checked as the one question of a debrief. */
static int check_asked(const struct row *r, struct error *err)
{
	struct asked a = { .text = text_of(r, "text"), .answer = text_of(r, "answer") };
	struct debrief d = { .chemistry = -1 };

	d.asked.items = &a;
	d.asked.n = 1;
	return debrief_validate(&d, err);
}

static int check_feedback(const struct row *r, struct error *err)
{
	struct feedback f = { .text = text_of(r, "text"), .at = text_of(r, "at") };

	return feedback_validate(&f, err);
}

static void terms_of(const struct row *r, struct offer_terms *t)
{
	t->base = money_of(r, "base");
	t->bonus = money_of(r, "bonus");
	t->equity = text_of(r, "equity");
	t->title = text_of(r, "title");
	t->level = text_of(r, "level");
	t->start = text_of(r, "start");
}

static int check_offer(const struct row *r, struct error *err)
{
	struct offer o = { .id = id_of(r, "id"), .deadline = text_of(r, "deadline"),
			   .benefits = text_of(r, "benefits"), .notes = text_of(r, "notes") };

	terms_of(r, &o.terms);
	return offer_validate(&o, err);
}

static int check_offer_round(const struct row *r, struct error *err)
{
	struct offer_round o = { .side = (enum offer_side)enum_of(r, "side", &offer_side_def),
				 .text = text_of(r, "text"), .at = text_of(r, "at") };

	terms_of(r, &o.terms);
	return offer_round_validate(&o, err);
}

static const struct {
	const char *table;
	int (*check)(const struct row *r, struct error *err);
	/* the columns that may hold several lines (tabs and line breaks) */
	const char *multiline[4];
} table_checks[] = {
	{ "organisation", check_org, { "notes" } },
	{ "person", check_person, { "notes" } },
	{ "person_tag", check_tag, { NULL } },
	{ "opportunity", check_opp, { "notes" } },
	{ "stage_change", NULL, { "note" } },
	{ "interaction", check_interaction, { "notes" } },
	{ "task", check_task, { "why" } },
	{ "setting", check_setting, { "value" } },
	{ "want", check_want, { NULL } },
	{ "want_evidence", NULL, { "note" } },
	{ "question", check_question, { NULL } },
	{ "debrief", check_debrief, { "went_well", "refine", "notes" } },
	{ "asked", check_asked, { "answer" } },
	{ "feedback", check_feedback, { "text" } },
	{ "offer", check_offer, { "benefits", "notes" } },
	{ "offer_round", check_offer_round, { "text" } },
};

static bool is_multiline(size_t t, const char *col)
{
	for (size_t k = 0; k < 4 && table_checks[t].multiline[k]; k++)
		if (!strcmp(table_checks[t].multiline[k], col))
			return true;
	return false;
}

/* Every text of the row, the columns no record check reads among them
 * (dates, keys, a stage change's note): valid UTF-8, and one line without
 * control characters unless the column may hold several lines. */
static int check_all_texts(size_t t, const struct row *r, struct error *err)
{
	for (size_t i = 0; r->cols[i]; i++) {
		const struct cell_value *v = &r->vals[i];
		unsigned flags = t < ARRAY_SIZE(table_checks) &&
						 is_multiline(t, r->cols[i])
					 ? 0
					 : TEXT_ONE_LINE;
		if (v->type == VALUE_TEXT && text_check(r->cols[i], v->text, flags, err))
			return ERR_INVALID;
	}
	return 0;
}

int store_check_loaded_row(const char *table, const char *const *cols,
			   const struct cell_value *values, struct error *err)
{
	const struct row r = { cols, values };
	size_t t = 0, n = ARRAY_SIZE(table_checks);

	while (t < n && strcmp(table_checks[t].table, table))
		t++;
	if (t < n && table_checks[t].check && table_checks[t].check(&r, err))
		return ERR_INVALID;
	return check_all_texts(t, &r, err);
}
