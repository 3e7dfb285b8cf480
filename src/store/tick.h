/*
 * tick.h: what the time rules must look at again, and when.
 *
 * The time rules (playbooks_tick) are a function of the data, the day and
 * the rules themselves, item by item: an opportunity (its silences, its
 * offer's deadline, its follow-ups' sweep) or a person (their cadence).
 * Triggers on every table the rules read record the items a write touched
 * in tick_dirty (schema.c, migration 8), and each run records per item the
 * day its rules next fire if nothing is written (rule_next). A run then
 * evaluates only the items written since the last run and those whose day
 * has come (store_tick_begin): a struct tick_run, whose items the rules'
 * queries (rules.c, offer.c) start from; a full run (a new version or new
 * rules, or `playbook tick --full`) has every item. The mark in tick_state
 * is the key of the last run (its day, the rules' fingerprint and the
 * version): when its rules and version are today's, nothing was written
 * since and nothing is due by today, a run has nothing to do, on a later
 * day as well (the tasks made ahead for a day show by their day alone:
 * store/ahead.h), and the first run of a new day writes nothing (the
 * first write records it: playbooks_tick_catch_up).
 */
#ifndef RAPPORT_TICK_H
#define RAPPORT_TICK_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* The items of tick_dirty and rule_next (a person's opportunities, kind 2,
 * is only ever dirty: folded into their opportunities). */
enum tick_kind { TICK_OPP = 0, TICK_PERSON = 1 };

/* Is key the mark but for its day (the mark's no later than today), with
 * nothing written since and nothing due by today?
 * (false also in a database without the tables: the rules then run.) */
int store_tick_is_current(struct store *s, const char *key, const char *today, bool *current,
			  struct error *err);
/* A new day with nothing written and nothing due is no run at all (its
 * first command reads only): before a run, and before a write, catch up
 * on the runs that the days since the mark's let pass, each of which would
 * have found nothing to do at its first moment: the mark (when its rules
 * and version are key's and nothing was written since) takes the last such
 * day, up to today. Tasks made ahead for those days are then tasks like
 * others (store/ahead.h), as if the rules had run that morning. */
int store_tick_catch_up(struct store *s, const char *key, const char *today, struct error *err);
/* The mark of the last run (NULL: none); the caller frees it. */
int store_tick_last_key(struct store *s, char **key, struct error *err);
/* Leave key as the mark (in the current write transaction). */
int store_tick_mark(struct store *s, const char *key, struct error *err);

/* One run: its items (ids sorted, each once, and the same as a JSON array
 * that the rules' queries take, ?N in json_each), and the days they fire
 * next, gathered as the rules go (store_tick_next). */
struct tick_day {
	int kind; /* enum tick_kind */
	int64_t id;
	char day[11];
};
struct tick_run {
	id_vec opps, people;
	char *opps_json, *people_json;
	VEC(struct tick_day) next;
};
void tick_run_release(struct tick_run *run);
/* Start a run: its items are every opportunity and every person with a
 * cadence (full), or those written since the last run and those due by
 * today; what was written is forgotten (it is in the run now). */
int store_tick_begin(struct store *s, bool full, const char *today, struct tick_run *run,
		     struct error *err);
/* Add what the run itself wrote so far to its items, for the rules still to
 * run; it stays written for the next run, whose earlier rules have not
 * seen it. */
int store_tick_fold(struct store *s, struct tick_run *run, struct error *err);
/* An item's rules fire again on day (YYYY-MM-DD) if nothing is written:
 * the earliest day given in the run is kept. */
void store_tick_next(struct tick_run *run, enum tick_kind kind, int64_t id, const char *day);

/* An interaction ahead that is not planned (imported, or history): its
 * time comes without a write, and the silences of its opportunity with it.
 * Its day is its opportunity's next (until its time that day, every run
 * looks at the opportunity again: such interactions are rare). */
struct tick_ahead {
	int64_t opp_id;
	char *at; /* the earliest on the opportunity */
};
typedef VEC(struct tick_ahead) tick_ahead_vec;
void tick_ahead_vec_release(tick_ahead_vec *v);
/* The run's opportunities with such an interaction after now. */
int store_tick_ahead(struct store *s, const struct tick_run *run, tick_ahead_vec *out,
		     struct error *err);

/* The rules (origins, sorted) with open tasks on the run's opportunities:
 * the only ones whose sweep (tasks their opportunity's state contradicts)
 * can find anything. */
typedef VEC(char *) origin_vec;
void origin_vec_release(origin_vec *v);
int store_tick_open_origins(struct store *s, const struct tick_run *run, origin_vec *out,
			    struct error *err);

/* End the run: the days its items fire next replace theirs (full: all). */
int store_tick_end(struct store *s, bool full, struct tick_run *run, struct error *err);

#endif
