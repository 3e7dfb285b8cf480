/*
 * playbook_run.h: running the playbooks against the store.
 *
 * Event rules run inside the transaction of the command that made the event
 * (logging an interaction, moving an opportunity, finishing a task). Time
 * rules (silence, cadence) run, as of "now", whenever tasks are read or
 * written. Both are idempotent: a rule never makes the same follow-up twice
 * for the same opportunity, person and step, however often it runs, even
 * after that follow-up was done or skipped.
 */
#ifndef RAPPORT_PLAYBOOK_RUN_H
#define RAPPORT_PLAYBOOK_RUN_H

#include "method/playbook.h"
#include "store/store.h"

/* The built-in rules, then the user's file ($XDG_CONFIG_HOME/rapport/playbooks.ini
 * or ~/.config/rapport/playbooks.ini) over them. *user_file receives its path
 * when it exists (NULL otherwise; may be NULL). */
int playbooks_load(struct playbook *pb, char **user_file, struct error *err);
/* Where the user's playbooks file is or would be (whether it exists or not),
 * or NULL when neither XDG_CONFIG_HOME nor HOME says; the caller frees it. */
char *playbooks_user_path(void);
/* The fingerprint playbooks_load would give its playbook (the built-in rules,
 * then the user's file), from the texts alone: whether the time rules are
 * current is known without parsing the rules (a tenth of the agenda's
 * instructions when nothing has changed). */
int playbooks_fingerprint(uint64_t *fingerprint, struct error *err);
/* Check a file as the user's playbooks file would be read ("-": standard input). */
int playbooks_check_file(const char *path, struct playbook *pb, struct error *err);

/* What an interaction's rules did, and one thing they are asked. */
struct interaction_rules {
	bool reached;  /* in: a call out to people counts as getting through */
	int matched;   /* out: the interaction rules for its kind and direction */
	int late;      /* out: of those, the ones not started: logged past their window */
	bool planned;  /* out: it is still ahead; its rules wait for its time */
};

/* An interaction was logged or moved: its rules run, as of now. One marked
 * as history starts nothing. One still ahead is marked planned, is no
 * contact yet, and waits: playbooks_tick runs this for it once its time
 * has passed. A rule whose window has passed (rule_window: an interview of
 * a year ago logged today) is not started. */
int playbooks_on_interaction(struct store *s, const struct playbook *pb,
			     const struct interaction *it, struct interaction_rules *run,
			     struct error *err);
/* After the opportunity moved (or was added) into its current stage. */
int playbooks_on_stage(struct store *s, const struct playbook *pb, int64_t opp_id,
		       struct error *err);
/* You got through to person on the opportunity (a call): the rules that
 * end when reached skip their open tasks for them, and their chains stop. */
int playbooks_on_reached(struct store *s, const struct playbook *pb, int64_t opp_id,
			 int64_t person_id, const char *at, struct error *err);
int playbooks_on_done(struct store *s, const struct playbook *pb, int64_t task_id,
		      struct error *err);
/* After an offer's deadline was set, changed (old_deadline: the one before,
 * or NULL) or cleared (deadline NULL): the open tasks of the deadline rules
 * for the old one are skipped, and the rules run for the new one. A deadline
 * never makes the same follow-up twice. */
int playbooks_on_deadline(struct store *s, const struct playbook *pb, int64_t opp_id,
			  const char *old_deadline, const char *deadline, struct error *err);
/* After an opportunity's level applied for, level offered or offer's level
 * changed: the mismatch rules run when the level discussed or offered ranks
 * below the level applied for (see levels.h), once per lower level. */
int playbooks_on_mismatch(struct store *s, const struct playbook *pb, int64_t opp_id,
			  struct error *err);
/* The time rules, as of store_now(), after the rules of the planned
 * interactions whose time has come (see playbooks_on_interaction); they also
 * catch up on deadlines that have no follow-up yet (a rule added later, an
 * import). Only for what was written since the last run and what fell due
 * (see store/tick.h): nothing to do, and nearly free, when neither. In a
 * write transaction, or in a read one when playbooks_tick_current said so. */
int playbooks_tick(struct store *s, const struct playbook *pb, struct error *err);
/* What a run of the time rules looked at. */
struct tick_stats {
	bool ran;      /* false: nothing written, nothing due: nothing to look at */
	bool full;     /* over everything (asked, or new rules or a new version) */
	size_t opps, people; /* the opportunities and people it evaluated */
};
/* The same; full: over every opportunity and person, as a check of the
 * runs that look only at what changed (their results are the same).
 * stats (may be NULL) says what it looked at. */
int playbooks_tick_run(struct store *s, const struct playbook *pb, bool full,
		       struct tick_stats *stats, struct error *err);
/* Would playbooks_tick skip the rules now (its mark is current)? Read only:
 * a command that finds it so reads in a read transaction, and leaves the
 * write lock to others. */
int playbooks_tick_current(struct store *s, uint64_t fingerprint, bool *current,
			   struct error *err);
/* Before a write (in its transaction): catch up on the runs of the time
 * rules that the days since the last let pass, each with nothing to do
 * (store_tick_catch_up): the write then ends or skips the tasks made ahead
 * for those days as it would any task, as if the rules had run that
 * morning. */
int playbooks_tick_catch_up(struct store *s, uint64_t fingerprint, struct error *err);

#endif
