/* cmd_agenda.c: rapport agenda: overdue, today's and upcoming open tasks. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "cli/offer_compare.h"
#include "cli/show.h"
#include "io/json_model.h"
#include "method/agenda.h"
#include "method/levels.h"
#include "method/playbook_run.h"
#include "method/start.h"
#include "store/account.h"
#include "store/coach.h"
#include "store/proposal.h"

/* The options of agenda's commands: code asks for each by its constant. */
enum agenda_opt {
	AGENDA_OPT_DAYS = 1,
};

/* The agenda in TSV is one table: a task a line, its section first. */
static const struct table_col agenda_cols[] = {
	{ "section", 0, NULL, COL_TSV_ONLY },
	TASK_COLS,
};

/* Section k's tasks as rows, with a "mismatch:" line under an
 * opportunity's first task. */
static void add_section(struct table *tb, const struct agenda *ag, int k, id_vec *said)
{
	const task_vec *v = &ag->section[k];
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < v->n; i++) {
		int64_t opp = v->items[i].opp.id;
		const struct level_mismatch *m = agenda_mismatch_of(ag, opp);
		bool seen = false;

		table_add(tb, agenda_section_names[k]);
		task_row(tb, &v->items[i]);
		for (size_t j = 0; j < said->n && !seen; j++)
			seen = said->items[j] == opp;
		if (!m || seen)
			continue;
		strbuf_reset(&sb);
		level_mismatch_text(m, &sb);
		table_note(tb, "       mismatch: %s", sb.buf);
		*VEC_PUSH(said) = opp;
	}
	strbuf_release(&sb);
}

/* The sections under their titles, or (TSV) as one table. */
static void show_agenda(struct cli *cli, const struct agenda *ag, long days)
{
	id_vec said = { 0 };
	struct table tb;

	table_init(&tb, agenda_cols, ARRAY_SIZE(agenda_cols));
	for (int k = 0; k < AGENDA_SECTIONS; k++) {
		if (!ag->section[k].n || table_is_tsv(cli)) {
			add_section(&tb, ag, k, &said);
			continue;
		}
		cli_printf(cli, "%s%s:\n", cli->out.len ? "\n" : "",
			   k == AGENDA_UPCOMING && days == 1 ? "tomorrow" : agenda_section_names[k]);
		add_section(&tb, ag, k, &said);
		table_print(cli, &tb);
		table_init(&tb, agenda_cols, ARRAY_SIZE(agenda_cols));
	}
	table_print(cli, &tb);
	free(said.items);
}

/* The interactions ahead (an interview on Thursday): events, not tasks. */
static void show_planned(struct cli *cli, const interaction_vec *v)
{
	if (v->n)
		cli_printf(cli, "%splanned:\n", cli->out.len ? "\n" : "");
	for (size_t i = 0; i < v->n; i++)
		show_interaction(cli, &v->items[i]);
}

static json_t *agenda_json(const struct agenda *ag)
{
	json_t *j = json_object();

	for (int k = 0; k < AGENDA_SECTIONS; k++) {
		json_t *arr = tasks_json(&ag->section[k]);
		for (size_t i = 0; i < ag->section[k].n; i++) {
			const struct task *t = &ag->section[k].items[i];
			const struct level_mismatch *m = agenda_mismatch_of(ag, t->opp.id);
			json_object_set_new(json_array_get(arr, i), "score",
					    json_integer(agenda_score(t, ag->today)));
			if (m)
				json_object_set_new(json_array_get(arr, i), "mismatch",
						    offer_mismatch_json(m));
		}
		json_object_set_new(j, agenda_section_names[k], arr);
	}
	json_object_set_new(j, "planned", json_array());
	for (size_t i = 0; i < ag->planned.n; i++)
		json_array_append_new(json_object_get(j, "planned"),
				      interaction_to_json(&ag->planned.items[i]));
	return j;
}

/* Commands separated by "; ", one a line. */
static void note_commands(struct cli *cli, const char *cmd)
{
	for (size_t len; *cmd; cmd += len + strspn(cmd + len, "; ")) {
		len = strcspn(cmd, ";");
		cli_note(cli, "    %.*s\n", (int)len, cmd);
	}
}

/* An empty agenda while the search is young: the start checklist's steps
 * left, as commands, for a person at a terminal (cli_note: a script still
 * gets an empty standard output). */
static int note_start_steps(struct cli *cli)
{
	struct start_checklist c;
	int rc = start_checklist_load(cli->store, &c, &cli->err);

	if (rc || !start_checklist_shown(&c)) {
		start_checklist_release(&c);
		return rc;
	}
	cli_note(cli, "\nto start (%zu of %d steps left; 'rapport help method' says why):\n",
		 c.left, START_STEPS);
	for (int k = 0; k < START_STEPS; k++) {
		char *cmds = start_step_commands(&c, (enum start_step)k);
		if (!c.done[k]) {
			cli_note(cli, "  %s:\n", start_step_texts[k].title);
			note_commands(cli, cmds);
		}
		free(cmds);
	}
	start_checklist_release(&c);
	return 0;
}

/* What mail proposes waits in the inbox: its count, said at a terminal. */
static void note_inbox(struct cli *cli, long proposals)
{
	if (proposals)
		cli_note(cli, "%s%ld proposal%s from your mail: see 'rapport inbox'\n",
			 cli->out.len ? "\n" : "", proposals, proposals == 1 ? "" : "s");
}

/* A practice's client: what their coach suggested, waiting for an answer
 * (rapport coach accept N, dismiss N). Nothing on one person's database. */
static int show_suggestions(struct cli *cli)
{
	suggestion_vec v = { 0 };

	if (!store_has_accounts(cli->store))
		return 0;
	if (store_suggestions_open(cli->store, &v, &cli->err))
		return cli->err.code;
	for (size_t i = 0; i < v.n; i++) {
		const struct suggestion *sg = &v.items[i];
		if (!i)
			cli_printf(cli, "%sfrom your coach ('rapport coach accept N', 'dismiss N'):\n",
				   cli->out.len ? "\n" : "");
		if (!strcmp(sg->kind, "note"))
			cli_printf(cli, "  %lld  a note on %s: %s", (long long)sg->id,
				   sg->opp_title ? sg->opp_title : "an opportunity", sg->text);
		else
			cli_printf(cli, "  %lld  a follow-up by %s: %s", (long long)sg->id, sg->due,
				   sg->text);
		cli_printf(cli, " (suggested by your coach %s)\n",
			   sg->coach_email ? sg->coach_email : "no longer in the practice");
	}
	suggestion_vec_release(&v);
	return 0;
}

static int agenda_run(struct cli *cli, const struct args *a)
{
	struct agenda ag;
	long days = 7, proposals = 0;
	bool given;

	if (cli_int_opt(cli, a, AGENDA_OPT_DAYS, 0, 3650, &days, &given))
		return ERR_INVALID;
	if (cli_tick(cli) || store_proposal_count(cli->store, &proposals, &cli->err) ||
	    agenda_build(cli->store, days, &ag, &cli->err))
		return cli->err.code;
	if (cli->json) {
		json_t *j = agenda_json(&ag);
		json_object_set_new(j, "proposals", json_integer(proposals));
		cli_set_json(cli, j);
	} else {
		if (!ag.tasks.n && !ag.planned.n) {
			cli_note(cli, "nothing due in the next %ld days\n", days);
			if (note_start_steps(cli)) {
				agenda_release(&ag);
				return cli->err.code;
			}
		}
		show_agenda(cli, &ag, days);
		if (!table_is_tsv(cli)) /* events, not rows of the tasks' table */
			show_planned(cli, &ag.planned);
		if (!table_is_tsv(cli) && show_suggestions(cli)) {
			agenda_release(&ag);
			return cli->err.code;
		}
		note_inbox(cli, proposals);
	}
	agenda_release(&ag);
	return 0;
}

static const struct opt_spec agenda_opts[] = {
	{ .id = AGENDA_OPT_DAYS, .name = "days", .arg = "N",
	  .help = "how many days ahead to show (default 7)" },
	CLI_FORMAT_OPT,
	{ 0 },
};

const struct cmd_spec agenda_cmds[] = {
	{ "", "", "What to do: overdue, today's and upcoming open tasks, and the interactions "
	  "planned in those days (logged with a future --at), with who, which "
	  "opportunity and why, each section ranked by a score (10 x days overdue, or -2 x "
	  "days until due, + the opportunity's stage (offer 40 ... lead 5) + 5 x rapport + the "
	  "kind (call 8 ... other 2); scores are capped at 30 days either way.", 0, 0, agenda_opts, agenda_run, CMD_TICK },
	{ 0 },
};
