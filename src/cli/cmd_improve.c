/*
 * cmd_improve.c: rapport improve add|list: improvement actions (a book, a
 * class, a skill to practise), as learn tasks. One that follows feedback
 * carries it (task.feedback_id) and the person who gave it; when it is done,
 * the progress-update rule proposes a letter to that person.
 */
#include "cli/debrief.h"
#include "cli/remove.h"

#include <stdlib.h>
#include <string.h>

#include "cli/show.h"
#include "core/text.h"
#include "io/json_model.h"

/* The options of improve's commands: code asks for each by its constant. */
enum improve_opt {
	IMPROVE_OPT_FROM_FEEDBACK = 1,
	IMPROVE_OPT_DUE,
};

/* The feedback the action follows: its id, checked as the command line checks ids. */
static int feedback_ref(struct cli *cli, const char *ref, int64_t *id)
{
	long v;

	if (text_parse_int("--from-feedback", ref, 1, 999999999999L, &v, &cli->err))
		return ERR_INVALID;
	*id = v;
	return 0;
}

static int improve_add(struct cli *cli, const struct args *a)
{
	struct task t = { .kind = TKIND_LEARN };
	const char *v;
	char due[DATE_BUFSZ];
	int64_t feedback_id = 0;
	int rc;

	if (cli_when(cli, (v = arg_opt(a, IMPROVE_OPT_DUE)) ? v : "+1w", due))
		return ERR_INVALID;
	if ((v = arg_opt(a, IMPROVE_OPT_FROM_FEEDBACK)) &&
	    (rc = feedback_ref(cli, v, &feedback_id)))
		goto out;
	t.title = xstrdup(a->pos[0]);
	t.due = xstrdup(due);
	if ((rc = action_improve_add(cli->store, &t, feedback_id, &cli->err)))
		goto out;
	task_release(&t);
	if ((rc = store_task_get(cli->store, t.id, &t, &cli->err)))
		goto out;
	cli_set_json(cli, task_to_json(&t));
	cli_printf(cli, "added improvement action %lld: %s (due %s)\n", (long long)t.id, t.title,
		   t.due);
	if (t.person.id)
		cli_printf(cli, "when it is done ('rapport task done %lld'), rapport proposes a "
				"progress update to %s\n",
			   (long long)t.id, t.person.name);
out:
	task_release(&t);
	return rc;
}

static int improve_list(struct cli *cli, const struct args *a)
{
	task_vec v = { 0 };
	int rc = improvement_tasks(cli->store, 0, &v, &cli->err);

	(void)a;
	if (!rc && cli->json)
		cli_set_json(cli, tasks_json(&v));
	else if (!rc)
		show_task_table(cli, &v);
	task_vec_release(&v);
	return rc;
}

static const struct opt_spec improve_add_opts[] = {
	{ .id = IMPROVE_OPT_FROM_FEEDBACK, .name = "from-feedback", .arg = "ID",
	  .help = "the feedback it follows (see rapport feedback list): the task is for the "
		  "person who gave it, on its opportunity" },
	{ .id = IMPROVE_OPT_DUE, .name = "due", .arg = "WHEN",
	  .help = "when to have done it (default: in a week)" },
	{ 0 },
};

static const struct opt_spec improve_list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec improve_cmds[] = {
	{ "add", "TEXT",
	  "Add an improvement action (a learn task: a book to read, a class to take, a skill to "
	  "practise). Mark it done with 'rapport task done ID'; one that follows feedback then "
	  "brings a progress-update letter to the person who gave it.",
	  1, 1, improve_add_opts, improve_add, CMD_WRITE },
	{ "list", "", "List improvement actions: open ones by due date, then those done or "
	  "skipped.", 0, 0, improve_list_opts, improve_list, 0 },
	{ "rm", "ID", "Remove an improvement action.", 1, 1, cli_rm_opts, cli_improve_rm,
	  CMD_WRITE },
	{ 0 },
};
