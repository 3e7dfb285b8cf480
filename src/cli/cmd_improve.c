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

/* Longest excerpt of the feedback quoted in a task's why, in bytes. */
#define WHY_QUOTE_MAX 160

/* The first line of text, cut at WHY_QUOTE_MAX bytes on a character boundary. */
static void add_excerpt(struct strbuf *sb, const char *text)
{
	size_t len = strcspn(text, "\n"), cut = len;

	if (cut > WHY_QUOTE_MAX) {
		cut = WHY_QUOTE_MAX;
		while (cut && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--; /* not inside a UTF-8 sequence */
	}
	strbuf_add(sb, text, cut);
	if (cut < strlen(text))
		strbuf_addstr(sb, "...");
}

/* "Agency Recruiter's feedback on Data Lead at Acme, 2026-03-01 (feedback 3): "..."" */
static char *feedback_why(const struct feedback *f)
{
	struct strbuf sb = STRBUF_INIT;

	if (f->from.id)
		strbuf_addf(&sb, "%s's feedback", f->from.name);
	else
		strbuf_addstr(&sb, "Feedback");
	if (f->opp.id)
		strbuf_addf(&sb, " on %s at %s", f->opp.title, f->opp.org_name);
	strbuf_addf(&sb, ", %.10s (feedback %lld): \"", f->at, (long long)f->id);
	add_excerpt(&sb, f->text);
	strbuf_addch(&sb, '"');
	return strbuf_detach(&sb);
}

/* The task follows feedback id: its person, its opportunity, a why naming it. */
static int follow_feedback(struct cli *cli, const char *ref, struct task *t)
{
	struct feedback f = { 0 };
	long id;

	if (text_parse_int("--from-feedback", ref, 1, 999999999999L, &id, &cli->err))
		return ERR_INVALID;
	if (store_feedback_get(cli->store, id, &f, &cli->err))
		return cli->err.code;
	t->feedback_id = f.id;
	t->person.id = f.from.id;
	t->opp.id = f.opp.id;
	t->why = feedback_why(&f);
	feedback_release(&f);
	return 0;
}

static int improve_add(struct cli *cli, const struct args *a)
{
	struct task t = { .kind = TKIND_LEARN };
	const char *v;
	char due[DATE_BUFSZ];
	int rc;

	if (cli_when(cli, (v = arg_opt(a, "due")) ? v : "+1w", due))
		return ERR_INVALID;
	if ((v = arg_opt(a, "from-feedback")) && (rc = follow_feedback(cli, v, &t)))
		goto out;
	t.title = xstrdup(a->pos[0]);
	t.due = xstrdup(due);
	t.origin = xstrdup("improve");
	if ((rc = store_task_add(cli->store, &t, &cli->err)))
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
	int rc = improvement_tasks(cli, 0, &v);

	(void)a;
	if (!rc && cli->json)
		cli_set_json(cli, tasks_json(&v));
	else if (!rc)
		for (size_t i = 0; i < v.n; i++)
			show_task_line(cli, &v.items[i]);
	task_vec_release(&v);
	return rc;
}

static const struct opt_spec improve_add_opts[] = {
	{ .name = "from-feedback", .arg = "ID",
	  .help = "the feedback it follows (see rapport feedback list): the task is for the "
		  "person who gave it, on its opportunity" },
	{ .name = "due", .arg = "WHEN", .help = "when to have done it (default: in a week)" },
	{ 0 },
};
static const struct opt_spec no_opts[] = { { 0 } };

const struct cmd_spec improve_cmds[] = {
	{ "add", "TEXT",
	  "Add an improvement action (a learn task: a book to read, a class to take, a skill to "
	  "practise). Mark it done with 'rapport task done ID'; one that follows feedback then "
	  "brings a progress-update letter to the person who gave it.",
	  1, 1, improve_add_opts, improve_add, CMD_WRITE },
	{ "list", "", "List improvement actions: open ones by due date, then those done or "
	  "skipped.", 0, 0, no_opts, improve_list, 0 },
	{ "rm", "ID", "Remove an improvement action.", 1, 1, cli_rm_opts, cli_improve_rm,
	  CMD_WRITE },
	{ 0 },
};
