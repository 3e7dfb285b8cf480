/* model.c: releasing records, and the checks every record passes before it is written. */
#include "core/model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "util/xalloc.h"

#define FREE_ALL(...)                                                            \
	do {                                                                     \
		char **fields_[] = { __VA_ARGS__ };                              \
		for (size_t i_ = 0; i_ < ARRAY_SIZE(fields_); i_++) { \
			free(*fields_[i_]);                                      \
			*fields_[i_] = NULL;                                     \
		}                                                                \
	} while (0)

void org_release(struct org *o)
{
	FREE_ALL(&o->name, &o->website, &o->location, &o->notes, &o->created_at, &o->updated_at);
}

void person_release(struct person *p)
{
	for (size_t i = 0; i < p->ntags; i++)
		free(p->tags[i]);
	free(p->tags);
	p->tags = NULL;
	p->ntags = 0;
	FREE_ALL(&p->name, &p->org_name, &p->title, &p->email, &p->phone, &p->linkedin,
		 &p->notes, &p->connected_on, &p->uid, &p->last_contact, &p->next_touch, &p->created_at, &p->updated_at);
}

void opp_release(struct opp *o)
{
	FREE_ALL(&o->org_name, &o->title, &o->slug, &o->level_applied, &o->level_offered,
		 &o->source, &o->url, &o->stage_changed_at, &o->notes, &o->created_at,
		 &o->updated_at);
}

void person_ref_release(struct person_ref *r)
{
	FREE_ALL(&r->name);
}

void opp_ref_release(struct opp_ref *r)
{
	FREE_ALL(&r->slug, &r->title, &r->org_name);
}

static void stage_change_release(struct stage_change *c)
{
	FREE_ALL(&c->at, &c->note);
}

void interaction_release(struct interaction *i)
{
	opp_ref_release(&i->opp);
	person_ref_vec_release((person_ref_vec *)&i->people);
	FREE_ALL(&i->at, &i->summary, &i->notes, &i->created_at);
}

void task_release(struct task *t)
{
	person_ref_release(&t->person);
	opp_ref_release(&t->opp);
	FREE_ALL(&t->title, &t->due, &t->origin, &t->why, &t->template, &t->created_at,
		 &t->done_at, &t->shown_on);
}

VEC_RELEASE_FN(org_vec_release, org_vec, org_release)
VEC_RELEASE_FN(person_vec_release, person_vec, person_release)
VEC_RELEASE_FN(opp_vec_release, opp_vec, opp_release)
VEC_RELEASE_FN(person_ref_vec_release, person_ref_vec, person_ref_release)
VEC_RELEASE_FN(stage_change_vec_release, stage_change_vec, stage_change_release)
VEC_RELEASE_FN(interaction_vec_release, interaction_vec, interaction_release)
VEC_RELEASE_FN(task_vec_release, task_vec, task_release)

static void met_person_release(struct met_person *p)
{
	FREE_ALL(&p->name);
}

VEC_RELEASE_FN(met_person_vec_release, met_person_vec, met_person_release)

void field_set(char **field, const char *value)
{
	free(*field);
	*field = value && *value ? xstrdup(value) : NULL;
}

#define TIDY_ALL(...)                                                            \
	do {                                                                     \
		char **fields_[] = { __VA_ARGS__ };                              \
		for (size_t i_ = 0; i_ < ARRAY_SIZE(fields_); i_++)              \
			text_tidy(fields_[i_]);                                  \
	} while (0)

void org_tidy(struct org *o)
{
	TIDY_ALL(&o->name, &o->website, &o->location);
}

void person_tidy(struct person *p)
{
	TIDY_ALL(&p->name, &p->title, &p->email, &p->phone, &p->linkedin, &p->connected_on);
}

void opp_tidy(struct opp *o)
{
	TIDY_ALL(&o->title, &o->slug, &o->level_applied, &o->level_offered, &o->source,
		 &o->url);
}

void interaction_tidy(struct interaction *i)
{
	TIDY_ALL(&i->summary);
}

void task_tidy(struct task *t)
{
	TIDY_ALL(&t->title);
}

struct text_rule {
	const char *label;
	const char *value;
	unsigned flags;
};

static int check_texts(const struct text_rule *rules, size_t n, struct error *err)
{
	for (size_t i = 0; i < n; i++)
		if (text_check(rules[i].label, rules[i].value, rules[i].flags, err))
			return ERR_INVALID;
	return 0;
}

#define CHECK_TEXTS(err, ...)                                                    \
	do {                                                                     \
		const struct text_rule rules_[] = { __VA_ARGS__ };              \
		if (check_texts(rules_, ARRAY_SIZE(rules_), err)) \
			return ERR_INVALID;                                      \
	} while (0)

static int check_when(const char *label, const char *value, struct error *err)
{
	struct datetime dt;
	struct error e = ERROR_INIT;

	if (!value)
		return error_set(err, ERR_INVALID, "%s is required", label);
	if (date_parse_iso(value, &dt, &e))
		return error_set(err, ERR_INVALID, "%s: %s", label, e.msg);
	return 0;
}

int name_check(const char *what, const char *name, struct error *err)
{
	size_t len = strlen(name);

	if (!len || len > 64)
		return error_set(err, ERR_INVALID, "a %s must have 1 to 64 characters", what);
	for (const char *p = name; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' ||
		      *p == '.' || *p == '_'))
			return error_set(err, ERR_INVALID,
					 "%s '%s' may hold only a-z, 0-9, '-', '_' and '.'", what,
					 name);
	return 0;
}

int org_validate(const struct org *o, struct error *err)
{
	CHECK_TEXTS(err, { "organisation name", o->name, TEXT_REQUIRED | TEXT_ONE_LINE },
		    { "location", o->location, TEXT_ONE_LINE }, { "notes", o->notes, 0 });
	return text_check_url("website", o->website, err);
}

int tag_check(const char *tag, struct error *err)
{
	size_t len = strlen(tag);

	if (!len || len > 50)
		return error_set(err, ERR_INVALID, "a tag must have 1 to 50 characters");
	for (const unsigned char *p = (const unsigned char *)tag; *p; p++)
		if (!(isalnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p >= 0x80))
			return error_set(err, ERR_INVALID,
					 "tag '%s' may hold only letters, digits, '-', '_' and '.'",
					 tag);
	return text_check("tag", tag, TEXT_ONE_LINE, err);
}

/* A date without a time, "YYYY-MM-DD", that exists. */
static bool is_day(const char *s)
{
	struct datetime dt;
	struct error e = { 0 };

	return !date_parse_iso(s, &dt, &e) && !dt.has_time;
}

int person_validate(const struct person *p, struct error *err)
{
	CHECK_TEXTS(err, { "name", p->name, TEXT_REQUIRED | TEXT_ONE_LINE },
		    { "title", p->title, TEXT_ONE_LINE }, { "phone", p->phone, TEXT_ONE_LINE },
		    { "notes", p->notes, 0 }, { "UID", p->uid, TEXT_ONE_LINE });
	if (p->uid && (!*p->uid || strlen(p->uid) > 255))
		return error_set(err, ERR_INVALID, "a UID must have 1 to 255 characters");
	if (p->connected_on && !is_day(p->connected_on))
		return error_set(err, ERR_INVALID,
				 "the day you connected must be a date like 2026-03-02");
	if (text_check_email(p->email, err) || text_check_url("LinkedIn URL", p->linkedin, err))
		return ERR_INVALID;
	if (p->rapport < -1 || p->rapport > 5)
		return error_set(err, ERR_INVALID, "rapport must be between 0 and 5, not %d",
				 p->rapport);
	if (p->cadence == 0 || p->cadence < -1 || p->cadence > 3650)
		return error_set(err, ERR_INVALID, "cadence must be between 1 and 3650 days");
	for (size_t i = 0; i < p->ntags; i++)
		if (tag_check(p->tags[i], err))
			return ERR_INVALID;
	return 0;
}

int opp_validate(const struct opp *o, struct error *err)
{
	CHECK_TEXTS(err, { "title", o->title, TEXT_REQUIRED | TEXT_ONE_LINE },
		    { "level applied for", o->level_applied, TEXT_ONE_LINE },
		    { "level offered", o->level_offered, TEXT_ONE_LINE },
		    { "source", o->source, TEXT_ONE_LINE }, { "notes", o->notes, 0 });
	if (o->slug && slug_check(o->slug, err))
		return ERR_INVALID;
	if (text_check_url("URL", o->url, err))
		return ERR_INVALID;
	if (o->salary_target < -1 || o->salary_low < -1 || o->salary_high < -1 ||
	    o->salary_offered < -1)
		return error_set(err, ERR_INVALID, "salary figures must not be negative");
	if ((o->salary_low < 0) != (o->salary_high < 0))
		return error_set(err, ERR_INVALID, "a salary range needs both ends");
	if (o->salary_low > o->salary_high)
		return error_set(err, ERR_INVALID,
				 "the salary range's low end is above its high end");
	if ((size_t)o->stage >= stage_def.count)
		return error_set(err, ERR_INVALID, "unknown stage");
	return 0;
}

int interaction_validate(const struct interaction *i, struct error *err)
{
	CHECK_TEXTS(err, { "summary", i->summary, TEXT_REQUIRED | TEXT_ONE_LINE },
		    { "notes", i->notes, 0 });
	if (i->chemistry != -1 && (i->chemistry < 1 || i->chemistry > 5))
		return error_set(err, ERR_INVALID, "chemistry must be between 1 and 5, not %d",
				 i->chemistry);
	if ((size_t)i->kind >= interaction_kind_def.count)
		return error_set(err, ERR_INVALID, "unknown interaction kind");
	return check_when("the interaction's date", i->at, err);
}

int task_validate(const struct task *t, struct error *err)
{
	CHECK_TEXTS(err, { "title", t->title, TEXT_REQUIRED | TEXT_ONE_LINE },
		    { "origin", t->origin, TEXT_REQUIRED | TEXT_ONE_LINE },
		    { "why", t->why, 0 });
	if ((size_t)t->kind >= task_kind_def.count)
		return error_set(err, ERR_INVALID, "unknown task kind");
	if (t->template && name_check("template name", t->template, err))
		return ERR_INVALID;
	return check_when("the due date", t->due, err);
}

bool id_vec_has(const id_vec *v, int64_t id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i] == id)
			return true;
	return false;
}
