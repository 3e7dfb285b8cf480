/*
 * ahead.h: tasks made ahead of their day (issue 22).
 *
 * A keep-in-touch task is made as soon as its lapse day is known, and a
 * silence's as soon as the day the silence is reached is, hidden
 * until that day (task.shown_on, SQL_TASK_SHOWN), so that the first run of
 * a new day writes nothing. Until a run of the time rules reaches its day,
 * such a task is only the rules' guess (SQL_TASK_AHEAD, against `last`, the
 * day of the last run): each run that looks at its person checks it against
 * what the rules would make now, and keeps it, or deletes it (never skips
 * it: nobody saw it) with its follow-up record and makes the right one.
 */
#ifndef RAPPORT_AHEAD_H
#define RAPPORT_AHEAD_H

#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
#include "store/tick.h"

/* The day of the last run of the time rules (the mark, tick.h), "" before
 * any: a task made ahead for a later day is the rules' guess still. */
int store_tick_last_day(struct store *s, char day[11], struct error *err);

/* A task made ahead, as a run compares it with what it would make. */
struct ahead_task {
	int64_t id; /* 0: none */
	char *title, *why, *due, *kind, *template, *shown_on;
	char *event; /* its follow-up record's event ("lapse:DAY", "i:ID"...) */
	int64_t person_id; /* 0: none */
};
void ahead_task_release(struct ahead_task *t);
typedef VEC(struct ahead_task) ahead_vec;
void ahead_vec_release(ahead_vec *v);
/* The person's task made ahead by rule and not reached by the run of the
 * day last (the first, by id; id 0 when none). */
int store_ahead_find(struct store *s, const char *rule, int64_t person_id, const char *last,
		     struct ahead_task *out, struct error *err);
/* The tasks made ahead by rule for the event (its follow-up records' key)
 * on the opportunity and not reached by the run of the day last, by id. */
int store_ahead_find_event(struct store *s, const char *rule, int64_t opp_id, const char *event,
			   const char *last, ahead_vec *out, struct error *err);
/* Delete, with their follow-up records, the tasks made ahead by rule and
 * not reached by the run of the day last, of the items of kind in the JSON
 * array items (people or opportunities; NULL: of everyone), but those
 * whose ids the JSON array keep holds. */
int store_ahead_forget(struct store *s, const char *rule, enum tick_kind kind, const char *items,
		       const char *keep, const char *last, struct error *err);
/* The same for the tasks of every rule but those named in the JSON array
 * rules (a full run: rules removed or changed since). */
int store_ahead_forget_others(struct store *s, const char *rules, const char *last,
			      struct error *err);
/* The time of the person's first interaction after now that is not
 * planned (NULL: none): the last contact a task made ahead names changes
 * then, without a write. */
int store_person_next_contact(struct store *s, int64_t person_id, char **at, struct error *err);

/* The items of kind (tick_dirty's) that writes since the run began touched. */
int store_tick_written(struct store *s, enum tick_kind kind, id_vec *out, struct error *err);
/* Forget that the items of kind (a JSON array of ids) were written: what a
 * run wrote of them was the tasks it made ahead, which the next run would
 * only find right. */
int store_tick_unwrite(struct store *s, enum tick_kind kind, const char *ids, struct error *err);

#endif
