/*
 * model.h: the records of the data model, as the store hands them out.
 *
 * Strings are owned by the record (free with the matching *_release) and are
 * NULL when the field is empty. Small optional numbers use -1 for "none".
 * Ids are SQLite rowids (> 0); 0 means "no record".
 */
#ifndef RAPPORT_MODEL_H
#define RAPPORT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/enums.h"
#include "util/error.h"
#include "util/xalloc.h"

#define VEC(type)                                                                \
	struct {                                                                 \
		type *items;                                                     \
		size_t n, alloc;                                                 \
	}
/* Define name(vectype *v): release(&item) for each item, then the array
 * freed and v left empty (for a .c file; it needs stdlib.h). */
#define VEC_RELEASE_FN(name, vectype, release)                                   \
	void name(vectype *v)                                                    \
	{                                                                        \
		for (size_t i = 0; i < v->n; i++)                                \
			release(&v->items[i]);                                   \
		free(v->items);                                                  \
		v->items = NULL;                                                 \
		v->n = v->alloc = 0;                                             \
	}
/* Append a zeroed element to vec (a VEC) and evaluate to a pointer to it. */
#define VEC_PUSH(vec)                                                            \
	(xgrow((void **)&(vec)->items, sizeof(*(vec)->items), (vec)->n + 1, &(vec)->alloc), \
	 memset(&(vec)->items[(vec)->n], 0, sizeof(*(vec)->items)), &(vec)->items[(vec)->n++])

struct org {
	int64_t id;
	char *name, *website, *location, *notes;
	char *created_at, *updated_at;
};

struct person {
	int64_t id;
	char *name;
	int64_t org_id;
	char *org_name; /* read only: the organisation's name */
	char *title, *email, *phone, *linkedin;
	int rapport; /* 0-5, -1 when not rated */
	int cadence; /* days between contacts, -1 when none */
	char **tags;
	size_t ntags;
	char *notes;
	char *connected_on; /* the day you connected (LinkedIn), or NULL */
	char *uid;          /* the vCard UID, kept through exports and imports; NULL: a new one */
	char *last_contact; /* read only: the latest interaction with them */
	char *next_touch;   /* read only: when the cadence says to get in touch */
	char *created_at, *updated_at;
};

struct opp {
	int64_t id;
	int64_t org_id;
	char *org_name; /* read only */
	char *title, *slug;
	char *level_applied, *level_offered;
	char *source, *url;
	int64_t salary_target, salary_low, salary_high, salary_offered; /* -1 when unknown */
	enum stage stage;
	char *stage_changed_at;
	char *notes;
	char *created_at, *updated_at;
};

/* A person as seen from another record: an interaction's participant, an
 * opportunity's contact (role set), a task's person. */
struct person_ref {
	int64_t id;
	char *name;
	int role; /* enum role, or -1 */
};

struct opp_ref {
	int64_t id;
	char *slug, *title, *org_name;
	int64_t org_id;
};

struct stage_change {
	int64_t id;
	int from; /* enum stage, -1 for the first */
	enum stage to;
	char *at, *note;
};

struct interaction {
	int64_t id;
	enum interaction_kind kind;
	char *at;
	enum direction direction;
	struct opp_ref opp; /* id 0 when about no opportunity */
	char *summary, *notes;
	int chemistry; /* 1-5, -1 when not rated */
	VEC(struct person_ref) people;
	char *created_at;
	/* read only: the offset from UTC, in minutes east, of the zone it was
	 * logged in (its time as the writer lived it); has_at_offset is false
	 * for a day without a time, or one logged before rapport kept it */
	bool has_at_offset;
	int at_offset;
};

struct task {
	int64_t id;
	char *title;
	enum task_kind kind;
	char *due;
	enum task_status status;
	struct person_ref person; /* id 0 when none */
	struct opp_ref opp;       /* id 0 when none */
	char *origin, *why;
	char *template; /* the letter template to draft, or NULL */
	int64_t feedback_id; /* an improvement action: the feedback it follows; 0 when none */
	int opp_stage;      /* read only: enum stage of the opportunity, or -1 */
	int person_rapport; /* read only: the person's rapport, or -1 */
	char *created_at, *done_at;
	char *shown_on; /* write only: made ahead, shown from this day (NULL: always) */
};

/* A person as the playbooks see them: met on an opportunity, or the one a
 * rule is about. */
struct met_person {
	int64_t id;
	char *name;
	int rapport;      /* 0-5, -1 when not rated */
	int role;         /* enum role on the opportunity, or -1 */
	int interviews;   /* interviews on the opportunity they were in */
	int talks;        /* interactions of any kind on the opportunity they were in:
			   * met means this is above 0 (a link alone is not a meeting) */
	bool participant; /* in the interaction that fired the rule */
	bool target;      /* the person of a "same" or "person" rule */
	bool has_cadence;
	bool met_in_search; /* in a logged interaction on any opportunity */
	bool adviser;       /* gave feedback you acted on (a done improvement action) */
};

typedef VEC(int64_t) id_vec;
/* Does v hold id? (a short list: a linear search) */
bool id_vec_has(const id_vec *v, int64_t id);
typedef VEC(struct org) org_vec;
typedef VEC(struct person) person_vec;
typedef VEC(struct opp) opp_vec;
typedef VEC(struct person_ref) person_ref_vec;
typedef VEC(struct stage_change) stage_change_vec;
typedef VEC(struct interaction) interaction_vec;
typedef VEC(struct task) task_vec;
typedef VEC(struct met_person) met_person_vec;

void org_release(struct org *o);
void person_release(struct person *p);
void opp_release(struct opp *o);
void person_ref_release(struct person_ref *r);
void opp_ref_release(struct opp_ref *r);
void interaction_release(struct interaction *i);
void task_release(struct task *t);

void org_vec_release(org_vec *v);
void person_vec_release(person_vec *v);
void opp_vec_release(opp_vec *v);
void person_ref_vec_release(person_ref_vec *v);
void stage_change_vec_release(stage_change_vec *v);
void interaction_vec_release(interaction_vec *v);
void task_vec_release(task_vec *v);
void met_person_vec_release(met_person_vec *v);

/* Domain checks run before any write: required fields, ranges, formats. */
/* Tidy what a user typed before it is checked and stored: the one-line
 * fields (names, titles, addresses) lose the white space around them. */
void org_tidy(struct org *o);
void person_tidy(struct person *p);
void opp_tidy(struct opp *o);
void interaction_tidy(struct interaction *i);
void task_tidy(struct task *t);
int org_validate(const struct org *o, struct error *err);
int person_validate(const struct person *p, struct error *err);
int opp_validate(const struct opp *o, struct error *err);
int interaction_validate(const struct interaction *i, struct error *err);
int task_validate(const struct task *t, struct error *err);
/* The name of a rule or a template: a-z, 0-9, '-', '_', '.'; what names it in messages. */
int name_check(const char *what, const char *name, struct error *err);
/* A tag: one word of letters, digits, '-', '_' or '.', at most 50 bytes. */
int tag_check(const char *tag, struct error *err);

/* Replace *field with a copy of value; an empty value makes it NULL. */
void field_set(char **field, const char *value);

#endif
