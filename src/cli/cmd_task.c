/* cmd_task.c: rapport task add|list|done|skip|snooze. */
#include "cli/cli.h"
#include "cli/remove.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/show.h"
#include "core/text.h"
#include "io/json_model.h"
#include "method/actions.h"
#include "method/letter.h"
#include "method/playbook_run.h"

/* The options of task's commands: code asks for each by its constant. */
enum task_opt {
	TASK_OPT_DUE = 1,
	TASK_OPT_KIND,
	TASK_OPT_WITH,
	TASK_OPT_OPP,
	TASK_OPT_TEMPLATE,
	TASK_OPT_ALL,
	TASK_OPT_NO_LOG,
	TASK_OPT_REACHED,
	TASK_OPT_NO_ANSWER,
};

static int parse_task_id(struct cli *cli, const char *s, int64_t *id)
{
	long v;

	if (text_parse_int("task id", s, 1, 999999999999L, &v, &cli->err))
		return ERR_INVALID;
	*id = v;
	return 0;
}

/* Print the task as it now stands. */
static int report_task(struct cli *cli, int64_t id, const char *verb)
{
	struct task t = { 0 };

	if (store_task_get(cli->store, id, &t, &cli->err))
		return cli->err.code;
	cli_set_json(cli, task_to_json(&t));
	cli_printf(cli, "%s task %lld: %s (due %s)\n", verb, (long long)t.id, t.title, t.due);
	task_release(&t);
	return 0;
}

static int task_add(struct cli *cli, const struct args *a)
{
	struct task t = { .kind = TKIND_OTHER };
	char due[DATE_BUFSZ];
	const char *v;
	int kind, rc;

	if ((v = arg_opt(a, TASK_OPT_KIND))) {
		if ((rc = cli_enum(cli, &task_kind_def, v, &kind)))
			return rc;
		t.kind = (enum task_kind)kind;
	}
	if (cli_when(cli, arg_opt(a, TASK_OPT_DUE) ? arg_opt(a, TASK_OPT_DUE) : "today", due))
		return ERR_INVALID;
	if ((v = arg_opt(a, TASK_OPT_TEMPLATE)) && *v && !letter_template_exists(v))
		return error_set(&cli->err, ERR_INVALID,
				 "unknown template '%s' (see 'rapport template list')", v);
	if ((v = arg_opt(a, TASK_OPT_WITH)) &&
	    store_person_resolve(cli->store, v, &t.person.id, &cli->err))
		return cli->err.code;
	if ((v = arg_opt(a, TASK_OPT_OPP)) &&
	    store_opp_resolve(cli->store, v, &t.opp.id, &cli->err))
		return cli->err.code;
	t.title = xstrdup(a->pos[0]);
	t.due = xstrdup(due);
	field_set(&t.template, arg_opt(a, TASK_OPT_TEMPLATE));
	rc = store_task_add(cli->store, &t, &cli->err);
	if (!rc)
		rc = report_task(cli, t.id, "added");
	task_release(&t);
	return rc;
}

static int task_list(struct cli *cli, const struct args *a)
{
	task_vec v = { 0 };

	if (cli_tick(cli))
		return cli->err.code;
	if (store_task_list(cli->store, arg_flag(a, TASK_OPT_ALL), &v, &cli->err)) {
		task_vec_release(&v);
		return cli->err.code;
	}
	if (cli->json)
		cli_set_json(cli, tasks_json(&v));
	else
		show_task_table(cli, &v);
	task_vec_release(&v);
	return 0;
}

/* At a terminal, ask whether a call got through; a script that says
 * neither keeps the old behaviour (the call is logged; a chain goes on). */
static enum call_outcome ask_outcome(struct cli *cli, int64_t id)
{
	struct task t = { 0 };
	enum call_outcome o = CALL_UNSAID;
	char line[16];

	if (!isatty(STDIN_FILENO) || store_task_get(cli->store, id, &t, &cli->err) ||
	    t.kind != TKIND_CALL || !t.person.id) {
		task_release(&t);
		return CALL_UNSAID;
	}
	for (;;) {
		fprintf(stderr, "Did you get through to %s? [y/n] ", t.person.name);
		if (!fgets(line, sizeof(line), stdin))
			break;
		if (line[0] == 'y' || line[0] == 'Y' || line[0] == 'n' || line[0] == 'N') {
			o = line[0] == 'y' || line[0] == 'Y' ? CALL_REACHED : CALL_NO_ANSWER;
			break;
		}
	}
	task_release(&t);
	return o;
}

static int close_task(struct cli *cli, const struct args *a, enum task_status status)
{
	const struct playbook *pb = cli_playbook(cli);
	enum call_outcome o = CALL_UNSAID;
	/* task skip has no --no-log: a skipped task logs nothing anyway */
	bool log = status == TASK_DONE && !arg_flag(a, TASK_OPT_NO_LOG);
	int64_t id;

	if (!pb || parse_task_id(cli, a->pos[0], &id))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	if (log)
		o = ask_outcome(cli, id);
	if (o != CALL_UNSAID ? action_call_done(cli->store, pb, id, o, &cli->err)
			     : action_task_close(cli->store, pb, id, status, log, &cli->err))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	return report_task(cli, id, status == TASK_DONE ? "done:" : "skipped:");
}

static int task_done(struct cli *cli, const struct args *a)
{
	const struct playbook *pb = cli_playbook(cli);
	bool reached = arg_flag(a, TASK_OPT_REACHED), no_answer = arg_flag(a, TASK_OPT_NO_ANSWER);
	enum call_outcome o;
	int64_t id;

	if (reached && no_answer)
		return error_set(&cli->err, ERR_INVALID, "--reached and --no-answer exclude each other");
	if (!reached && !no_answer)
		return close_task(cli, a, TASK_DONE);
	if (arg_flag(a, TASK_OPT_NO_LOG))
		return error_set(&cli->err, ERR_INVALID, "--no-log goes with neither --reached nor "
				 "--no-answer");
	if (!pb || parse_task_id(cli, a->pos[0], &id))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	o = reached ? CALL_REACHED : CALL_NO_ANSWER;
	if (action_call_done(cli->store, pb, id, o, &cli->err))
		return cli->err.code;
	return report_task(cli, id, reached ? "done (got through):" : "done (no answer):");
}

static int task_skip(struct cli *cli, const struct args *a)
{
	return close_task(cli, a, TASK_SKIPPED);
}

static int task_snooze(struct cli *cli, const struct args *a)
{
	char due[DATE_BUFSZ];
	int64_t id;

	if (parse_task_id(cli, a->pos[0], &id) || cli_when(cli, a->pos[1], due) ||
	    store_task_set_due(cli->store, id, due, &cli->err))
		return cli->err.code;
	return report_task(cli, id, "snoozed");
}

static const struct opt_spec task_add_opts[] = {
	{ .id = TASK_OPT_DUE, .name = "due", .arg = "WHEN",
	  .help = "when it is due (default: today)" },
	{ .id = TASK_OPT_KIND, .name = "kind", .arg = "K", .values = &task_kind_def,
	  .help = "email, call, letter, linkedin, meeting, review, learn or other (default)" },
	{ .id = TASK_OPT_WITH, .name = "with", .arg = "PERSON", .help = "the person it concerns" },
	{ .id = TASK_OPT_OPP, .name = "opp", .arg = "OPP", .help = "the opportunity it concerns" },
	{ .id = TASK_OPT_TEMPLATE, .name = "template", .arg = "NAME",
	  .help = "a letter template to draft for it" },
	{ 0 },
};
static const struct opt_spec task_list_opts[] = {
	{ .id = TASK_OPT_ALL, .name = "all", .help = "include done and skipped tasks" },
	CLI_FORMAT_OPT,
	{ 0 },
};
static const struct opt_spec task_done_opts[] = {
	{ .id = TASK_OPT_NO_LOG, .name = "no-log", .help = "do not log it as an interaction" },
	{ .id = TASK_OPT_REACHED, .name = "reached",
	  .help = "a call: you got through (logged; it ends the chase)" },
	{ .id = TASK_OPT_NO_ANSWER, .name = "no-answer",
	  .help = "a call: no answer (nothing logged; the next try comes)" },
	{ 0 },
};

const struct cmd_spec task_cmds[] = {
	{ "add", "TITLE", "Add a follow-up task.", 1, 1, task_add_opts, task_add, CMD_WRITE },
	{ "list", "", "List open tasks by due date.", 0, 0, task_list_opts, task_list, CMD_TICK },
	{ "done", "ID", "Mark a task done. A done e-mail, call, letter, LinkedIn message or "
	  "meeting with someone is logged as an interaction with them (unless --no-log). For "
	  "a call, say whether you got through (--reached) or not (--no-answer); at a "
	  "terminal rapport asks; a script that says neither logs the call, and a chain of "
	  "calls goes on.", 1, 1,
	  task_done_opts, task_done, CMD_WRITE },
	{ "skip", "ID", "Skip a task (it will not come back).", 1, 1, NULL, task_skip,
	  CMD_WRITE },
	{ "snooze", "ID WHEN", "Move a task's due date to WHEN.", 2, 2, NULL, task_snooze,
	  CMD_WRITE },
	{ "reopen", "ID", "Open a done or skipped task again. A done one that logged a contact "
	  "(an e-mail, a call, a letter) takes it back: the interaction goes and the person's "
	  "last contact is what it was.", 1, 1, NULL, cli_task_reopen, CMD_WRITE },
	{ "rm", "ID", "Remove a task (the contact it logged, if any, stays).", 1, 1, cli_rm_opts,
	  cli_task_rm, CMD_WRITE },
	{ 0 },
};
