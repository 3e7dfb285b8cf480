/* show.h: how the commands print the records they share: tasks, timelines. */
#ifndef RAPPORT_SHOW_H
#define RAPPORT_SHOW_H

#include "cli/cli.h"
#include "cli/table.h"

json_t *interactions_json(const interaction_vec *v);
json_t *tasks_json(const task_vec *v);
/* A task's columns: id, due, kind, title, who and which opportunity, its
 * status when it is not open; in TSV also the ids, why and the letter. A
 * macro, so that the agenda's table can put its section before them. */
#define TASK_COLS                                                      \
	{ "id", 5, NULL, COL_RIGHT },                                  \
	{ "due", 16, NULL, 0 },                                        \
	{ "kind", 8, " ", 0 },                                         \
	{ "title", 0, " ", COL_FREE },                                 \
	{ "person_id", 0, NULL, COL_TSV_ONLY },                        \
	{ "person", 0, "  · ", COL_FREE | COL_IF_SET },                \
	{ "opp_id", 0, NULL, COL_TSV_ONLY },                           \
	{ "opp", 0, "  · ", COL_IF_SET },                              \
	{ "status", 0, NULL, COL_TSV_ONLY },                           \
	{ "[status]", 0, "  ", COL_IF_SET | COL_TABLE_ONLY },           \
	{ "why", 0, NULL, COL_TSV_ONLY },                              \
	{ "template", 0, NULL, COL_TSV_ONLY }
extern const struct table_col task_cols[];
extern const size_t task_ncols;
/* A task's cells (in TASK_COLS' order), with its why and draft lines
 * under it in a table. */
void task_row(struct table *tb, const struct task *t);
/* Tasks as a table (or TSV, under --format tsv). */
void show_task_table(struct cli *cli, const task_vec *v);
/* A titled section of tasks; nothing when there are none. */
void show_tasks(struct cli *cli, const char *title, const task_vec *v);
/* One interaction on a line: when, kind, direction, summary, with whom, about what. */
void show_interaction(struct cli *cli, const struct interaction *it);
/* Interactions and stage changes (may be NULL) merged by date, oldest first
 * when history is given (an opportunity), newest first otherwise (a person);
 * total counts every interaction, to say how many are not shown. */
void show_timeline(struct cli *cli, const interaction_vec *iv, const stage_change_vec *history,
		   int64_t total);

#endif
