/*
 * playbook_internal.h: what the two halves of running the playbooks share:
 * playbook_run.c (each event's situation, the engine's proposals saved)
 * and playbook_time.c (the time rules: silences, keep-in-touch, deadlines
 * still ahead, and the tasks made ahead of their day).
 */
#ifndef RAPPORT_PLAYBOOK_INTERNAL_H
#define RAPPORT_PLAYBOOK_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/model.h"
#include "method/engine.h"
#include "method/playbook.h"
#include "store/store.h"

/* The day `days` after the day of `at`, as YYYY-MM-DD; false when at is malformed. */
bool day_after(const char *at, int days, char out[DATE_BUFSZ]);
/* Was the event at `at` logged (at `logged`) later than rule r's window after it? */
bool past_window(const struct rule *r, const char *at, const char *logged);

/* The task a proposal makes (shown from shown_on: NULL, always). */
void proposal_task(const struct rule_event *ev, const struct proposal *p, const char *shown_on,
		   struct task *t);

/* What a rule's run made: its tasks and their people (either NULL: not asked). */
struct made {
	id_vec *tasks, *people;
};
/* Run rule r for the event; its tasks made ahead, hidden until shown_on,
 * when that is not NULL; what it made told in made (NULL: not asked). */
int run_rule_on(struct store *s, const struct rule *r, const struct rule_event *ev,
		const char *shown_on, const struct made *made, struct error *err);
int run_rule(struct store *s, const struct rule *r, const struct rule_event *ev,
	     struct error *err);

/* What the engine is told of an event: the event, its opportunity and the
 * people met on it. */
struct situation {
	struct rule_event ev;
	struct opp opp;
	met_person_vec people;
	char key[64], chain[64], date[DATE_BUFSZ], due_base[DATE_BUFSZ];
};
void situation_release(struct situation *sit);
/* Fill the opportunity's part of the situation and everyone met on it. */
int situation_opp(struct store *s, struct situation *sit, int64_t opp_id,
		  int64_t interaction_id, struct error *err);
/* Mark person as the rule's target, adding them when they were not met. */
int situation_target(struct store *s, struct situation *sit, int64_t person_id,
		     struct error *err);
/* The event's day and the day its tasks are due from (NULL: the same). */
void situation_dates(struct situation *sit, const char *date, const char *due_base);

/* Does the event (flags, or entering stage; -1: none) end rule r? */
bool ends_rule(const struct rule *r, unsigned flags, int stage);

/* Run the deadline rules for an opportunity's deadline (YYYY-MM-DD): their
 * tasks are due relative to it, and never before today. */
int deadline_rules(struct store *s, const struct playbook *pb, int64_t opp_id,
		   const char *deadline, struct error *err);
/* The planned interactions whose time has come: they are contact now, and
 * their rules start (as if logged now: a call out reaches its people). */
int settle_planned(struct store *s, const struct playbook *pb, struct error *err);

#endif
