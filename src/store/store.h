/*
 * store.h: the only place that speaks SQL. One struct store per open file.
 *
 * Every function returns 0 on success or a negative ERR_* code with err
 * filled in. Writes happen inside store_begin()/store_commit(); on any error
 * the caller calls store_rollback() and the file is as it was.
 */
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/model.h"
#include "core/value.h"
#include "util/error.h"

/* Schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

struct store;

enum store_open_flags {
	STORE_CREATE_DIRS = 1 << 0, /* create missing folders of the path (the default path only) */
	STORE_READ_ONLY = 1 << 1,
};

/* Process-wide settings of every backend: call once, first, before any thread starts. */
void store_library_init(void);
/* Open the database at path on the default backend (SQLite: a file). */
int store_open(struct store **out, const char *path, unsigned flags, struct error *err);
/* Whether path is a database server's address (PostgreSQL's), not a file. */
bool store_is_server_address(const char *path);
/* The same on the backend named backend (store/db.h's db_backends). */
int store_open_with(struct store **out, const char *backend, const char *path, unsigned flags,
		    struct error *err);
void store_close(struct store *s);
/* "Now" for this store's whole session: RAPPORT_NOW or the clock at open. */
const struct datetime *store_now(const struct store *s);
/* A number that changes whenever another connection (another process, or
 * another thread's connection) commits a change to the file; on a
 * practice's database, a change to the data of the account the connection
 * acts for (store_act_as), else to anyone's. */
int store_data_version(struct store *s, int64_t *version, struct error *err);
/* The same for account_id's data alone (a practice's web page cache is
 * keyed by its account's): on SQLite, the file's. */
int store_account_version(struct store *s, int64_t account_id, int64_t *version,
			  struct error *err);
/* For a connection that serves many requests (the web server's). */
int store_keep_warm(struct store *s, struct error *err);
/* For a connection that writes only what the time rules derive: each
 * statement's journal (the pages it changed, kept in case it fails half
 * way) stays in memory instead of a temporary file. A new day's run adds a
 * task per person fallen due, and wrote those journals to disk: 4,500
 * writes of 4 KB at 1M interactions, for 268 pages changed. (Its size is
 * bounded by what one statement of the rules changes: a task and its
 * marks.) */
int store_derive_in_memory(struct store *s, struct error *err);
/* Read the clock again (a server's store lives longer than a moment). */
int store_refresh_now(struct store *s, struct error *err);
/* store_now as "YYYY-MM-DDTHH:MM:SS": local, as the layers above compare
 * times (the store writes the UTC instant). */
const char *store_stamp(const struct store *s);
/* What opening the file changed that the user should be told (an upgrade
 * that converted their data), or NULL. */
const char *store_upgrade_note(const struct store *s);

/* Transactions. store_begin_write takes the write lock at once (BEGIN
 * IMMEDIATE) so a busy database waits at the start, never mid-command. */
int store_begin_read(struct store *s, struct error *err);
/* Whether the commits that follow wait for the disk (the default, true) or
 * not: false only for a transaction whose writes are all derived, the time
 * rules' run, which a power loss may take back and the next run makes
 * again (WAL: the file stays whole either way). */
int store_durable(struct store *s, bool durable, struct error *err);
int store_begin_write(struct store *s, struct error *err);
int store_commit(struct store *s, struct error *err);
void store_rollback(struct store *s);

/* References as users type them (see docs in resolve.c). */
int store_org_resolve(struct store *s, const char *ref, int64_t *id, struct error *err);
int store_person_resolve(struct store *s, const char *ref, int64_t *id, struct error *err);
int store_opp_resolve(struct store *s, const char *ref, int64_t *id, struct error *err);
/* The id of the organisation named name (case-insensitive); else, unless
 * new_org, one whose name differs only by case and accents or has name at
 * the start of a word ("Northwind" is "Northwind Logistics"; *close is
 * then true; several: ERR_AMBIGUOUS, listing them); else a new one. Bug
 * (issue 16): a near name silently made a second organisation. */
int store_org_find_or_add(struct store *s, const char *name, bool new_org, int64_t *id,
			  bool *close, struct error *err);
/* store_org_find_or_add, close names allowed, without saying which. */
int store_org_ensure(struct store *s, const char *name, int64_t *id, struct error *err);

/* Organisations */
int store_org_add(struct store *s, struct org *o, struct error *err);
int store_org_get(struct store *s, int64_t id, struct org *out, struct error *err);
int store_org_update(struct store *s, struct org *o, struct error *err);
int store_org_list(struct store *s, org_vec *out, struct error *err);
int store_org_people(struct store *s, int64_t org_id, person_ref_vec *out, struct error *err);
int store_org_opps(struct store *s, int64_t org_id, opp_vec *out, struct error *err);

/* People */
int store_person_add(struct store *s, struct person *p, struct error *err);
/* The first person named name (case-insensitive) in the organisation org_id
 * (0: in none); *id is 0 when there is none. */
/* *id: the first person whose e-mail address is email (any case), else 0. */
int store_person_by_email(struct store *s, const char *email, int64_t *id, struct error *err);
int store_person_namesake(struct store *s, const char *name, int64_t org_id, int64_t *id,
			  struct error *err);
int store_person_get(struct store *s, int64_t id, struct person *out, struct error *err);
int store_person_update(struct store *s, struct person *p, struct error *err);
/* org_id 0 and tag NULL mean no filter. */
int store_person_list(struct store *s, int64_t org_id, const char *tag, person_vec *out,
		      struct error *err);

/* Opportunities */
int store_opp_add(struct store *s, struct opp *o, struct error *err);
int store_opp_get(struct store *s, int64_t id, struct opp *out, struct error *err);
int store_opp_update(struct store *s, struct opp *o, struct error *err);
/* stage < 0: every stage. */
int store_opp_list(struct store *s, int stage, opp_vec *out, struct error *err);
/* Move to stage, recording the change in the stage history (no-op change is an error). */
int store_opp_move(struct store *s, int64_t id, enum stage to, const char *note,
		   struct error *err);
/* Link a person with a role; an existing link takes the new role. */
int store_opp_link(struct store *s, int64_t opp_id, int64_t person_id, enum role role,
		   struct error *err);
int store_opp_people(struct store *s, int64_t opp_id, person_ref_vec *out, struct error *err);
int store_opp_history(struct store *s, int64_t opp_id, stage_change_vec *out,
		      struct error *err);

/* Interactions. Adding one about an opportunity links its people to it
 * (as interviewer for an interview, else other) unless already linked. */
int store_interaction_add(struct store *s, struct interaction *i, struct error *err);
/* Change what was said of an interaction: its summary, notes and chemistry
 * (when and with whom it was, and its kind, stay: 'log move' moves it). */
int store_interaction_edit(struct store *s, struct interaction *i, struct error *err);
int store_interaction_get(struct store *s, int64_t id, struct interaction *out,
			  struct error *err);
/* A person's interactions, newest first; an opportunity's, oldest first. Only
 * the newest `limit` (0: all); *total (when not NULL) receives how many there are. */
int store_interactions_of_person(struct store *s, int64_t person_id, int limit,
				 interaction_vec *out, int64_t *total, struct error *err);
int store_interactions_of_opp(struct store *s, int64_t opp_id, int limit, interaction_vec *out,
			      int64_t *total, struct error *err);

/* Tasks */
int store_task_add(struct store *s, struct task *t, struct error *err);
int store_task_get(struct store *s, int64_t id, struct task *out, struct error *err);
/* Close an open task as done or skipped (an error when it is not open). */
int store_task_close(struct store *s, int64_t id, enum task_status status, struct error *err);
int store_task_set_due(struct store *s, int64_t id, const char *due, struct error *err);
/* Open tasks by due date, or every task when all. */
int store_task_list(struct store *s, bool all, task_vec *out, struct error *err);
int store_tasks_of_person(struct store *s, int64_t person_id, task_vec *out,
			  struct error *err);
int store_tasks_of_opp(struct store *s, int64_t opp_id, task_vec *out, struct error *err);
/* Open tasks due before the day `until` (exclusive, "YYYY-MM-DD"), by due
 * date (within a day, in no order to rely on). */
int store_tasks_due_before(struct store *s, const char *until, task_vec *out,
			   struct error *err);

/* ---- Playbooks: what the rules need to know, and what they did ---- */

/* Everyone met on an opportunity (linked to it or in its interactions), with
 * role, rapport and interview count; the people of interaction_id (0: none)
 * are flagged as participants. */
int store_met_people(struct store *s, int64_t opp_id, int64_t interaction_id,
		     met_person_vec *out, struct error *err);
/* Everyone met during the search (met_in_search) and everyone whose advice
 * you followed (adviser), for rules "for = helped". */
int store_search_people(struct store *s, met_person_vec *out, struct error *err);
/* The people of an interaction about no opportunity, as participants. */
int store_interaction_people(struct store *s, int64_t interaction_id, met_person_vec *out,
			     struct error *err);
/* One person as a rule's target (for "same" and "person" rules). */
int store_met_person(struct store *s, int64_t person_id, struct met_person *out,
		     struct error *err);
/* Record that rule made the follow-up (event, opp, person); *fresh is false
 * when it had already been made, even if its task was since done or skipped. */
int store_rule_fire(struct store *s, const char *rule, const char *event, int64_t opp_id,
		    int64_t person_id, const char *chain, bool *fresh, struct error *err);
int store_rule_fire_task(struct store *s, const char *rule, const char *event, int64_t opp_id,
			 int64_t person_id, int64_t task_id, struct error *err);
/* How many follow-ups rule made in chain. */
int store_chain_count(struct store *s, const char *chain, const char *rule, int *n,
		      struct error *err);
/* Give a person a cadence when they have none. */
int store_person_default_cadence(struct store *s, int64_t person_id, int days,
				 struct error *err);
/* Skip the open tasks of rule on an opportunity, adding reason to their why. */
int store_skip_rule_tasks(struct store *s, const char *rule, int64_t opp_id, const char *reason,
			  struct error *err);
/* Skip the open tasks of a rule for a person, on an opportunity (0: any). */
int store_skip_person_rule_tasks(struct store *s, const char *rule, int64_t opp_id,
				 int64_t person_id, const char *reason, struct error *err);
/* End a chain of the rule (after after_rule, NULL: none) with the person on
 * the opportunity: its done steps make no next one. */
int store_end_chain(struct store *s, const char *rule, const char *after_rule, int64_t opp_id,
		    int64_t person_id, struct error *err);
/* Skip the open tasks of a rule whose opportunity is in stage (-1: no
 * matter), or, when moved, changed stage after the task was made, of the
 * opportunities opps. */
int store_skip_contradicted(struct store *s, const char *opps, const char *rule, int stage,
			    bool moved, const char *reason, struct error *err);

/* Candidates for the time rules, among the opportunities opps or the people
 * people: JSON arrays of ids (a run's, store/tick.h). */
struct silence_start {
	int64_t opp_id;
	int64_t event_id;   /* the interaction, or the done task, that started the clock */
	int64_t person_id;  /* the done task's person (0 for an interaction) */
	char *at;           /* when: the interaction's time or the task's done time */
	char *chain;        /* the done task's chain (NULL for an interaction) */
	char *origin;       /* the done task's rule (NULL for an interaction) */
	char *since;        /* when the done task was made (NULL for an interaction) */
	char *logged;       /* when the interaction was logged (NULL for a task) */
};
typedef VEC(struct silence_start) silence_vec;
void silence_vec_release(silence_vec *v);
/* Opportunities in one of stages (a bit mask of enum stage; 0: any) whose
 * latest interaction of kinds (a bit mask) has had nothing inbound since,
 * as of now (interactions still ahead are not counted). */
int store_silent_after_interaction(struct store *s, const char *opps, unsigned stages,
				   unsigned kinds, silence_vec *out, struct error *err);
/* Tasks of the rules a or b done since `since` with nothing inbound on their
 * opportunity since they were made. */
int store_silent_after_done(struct store *s, const char *opps, const char *a, const char *b,
			    const char *since, silence_vec *out, struct error *err);
/* People with a cadence, and their next touch (their last contact plus their cadence). */
struct touch_due {
	int64_t person_id;
	char *next_touch;   /* as the index has it (the UTC day): what names this lapse */
	char *due;          /* the local day it falls on, "YYYY-MM-DD" (NULL: unknown) */
	char *last_contact; /* the latest interaction with them by now (NULL: none) */
	int cadence;
	char *since;        /* what the cadence counts from: the last contact, else when
			     * added (local) */
};
typedef VEC(struct touch_due) touch_vec;
void touch_vec_release(touch_vec *v);
/* The people, in the order of their next touch, leaving out those with an
 * open task of rule, or whose lapse rule already handled; a task made ahead
 * that the run of the day last has not reached counts as neither (ahead.h). */
int store_touch_due(struct store *s, const char *people, const char *rule, const char *last,
		    touch_vec *out, struct error *err);
/* Has rule already made a follow-up for event (for anyone)? */
int store_rule_fired(struct store *s, const char *rule, const char *event, bool *yes,
		     struct error *err);
/* The latest stage change of an opportunity: its id and time. */
int store_latest_stage_change(struct store *s, int64_t opp_id, int64_t *id, char **at,
			      struct error *err);

/* Settings (the user's name, signature, e-mail address...): text by key. */
/* *value receives a copy, or NULL when the key is not set. */
int store_setting_get(struct store *s, const char *key, char **value, struct error *err);
/* A NULL or empty value removes the key. */
int store_setting_set(struct store *s, const char *key, const char *value, struct error *err);

/* Full-text search */
struct search_hit {
	const char *type; /* "organisation", "person", "opportunity", "interaction", "task" */
	int64_t id;
	char *title;
	char *detail; /* a snippet of the matching text, or NULL */
	double score; /* higher is better */
};
typedef VEC(struct search_hit) search_hit_vec;
void search_hit_vec_release(search_hit_vec *v);
int store_search(struct store *s, const char *query, int limit, search_hit_vec *out,
		 struct error *err);

/* Whole-database dump and load, table by table, for the JSON dump
 * (method/dump.h); a value is a core/value.h cell. */
/* The data tables in the order a load must follow (parents before
 * children), store_ntables of them; then, up to store_ntables_moved, the
 * bookkeeping that a move into a practice's account and back carries too
 * (method/move.h: the mail folders' and files' marks, so that what was
 * read is not read again), which the JSON export leaves out. */
extern const char *const store_tables[];
extern const size_t store_ntables;
extern const size_t store_ntables_moved;
/* Column names of a data table, from the schema; NULL-terminated, owned by s. */
const char *const *store_table_columns(struct store *s, const char *table, struct error *err);
/* Call row() for each row of table by primary key, values in column order. */
typedef int (*store_row_fn)(void *ctx, const char *const *columns,
			    const struct cell_value *values, size_t n);
int store_dump_table(struct store *s, const char *table, store_row_fn row, void *ctx,
		     struct error *err);
/* Insert one row; values in the order of store_table_columns(). */
int store_load_row(struct store *s, const char *table, const struct cell_value *values,
		   struct error *err);
/* No user data: what a new database holds (the built-in question bank) does not count. */
bool store_is_empty(struct store *s);
/* Remove what a new database starts with, before loading a backup that has its own. */
int store_clear_seeded(struct store *s, struct error *err);
/* After loading a backup of schema `from` (older than this one): do to its
 * records what the later migrations did to the database's. */
int store_upgrade_loaded(struct store *s, int from, struct error *err);
/* Merge the full-text index into one segment (after a bulk load). */
int store_optimize_search(struct store *s, struct error *err);

#endif
