/* show.h: how the commands print the records they share: tasks, timelines. */
#ifndef RAPPORT_SHOW_H
#define RAPPORT_SHOW_H

#include "cli/cli.h"

json_t *interactions_json(const interaction_vec *v);
json_t *tasks_json(const task_vec *v);
/* One task on one line: id, due, kind, title, who and which opportunity. */
void show_task_line(struct cli *cli, const struct task *t);
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
