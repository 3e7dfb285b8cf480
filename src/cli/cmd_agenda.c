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

/* The opportunities of the agenda's tasks whose level discussed or offered is
 * below the level applied for; said once, beside the first of their tasks. */
struct agenda_mismatch {
	int64_t opp_id;
	struct level_mismatch m;
	bool said;
};
typedef VEC(struct agenda_mismatch) mismatch_vec;

static void mismatches_release(mismatch_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		level_mismatch_release(&v->items[i].m);
	free(v->items);
}

static struct agenda_mismatch *mismatch_of(mismatch_vec *v, int64_t opp_id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].opp_id == opp_id)
			return &v->items[i];
	return NULL;
}

static int find_mismatches(struct cli *cli, const task_vec *tasks, mismatch_vec *out)
{
	struct level_ladder ladder;
	struct level_mismatch m;
	int rc = levels_load(cli->store, &ladder, &cli->err);

	for (size_t i = 0; i < tasks->n && !rc; i++) {
		int64_t id = tasks->items[i].opp.id;
		if (!id || mismatch_of(out, id))
			continue;
		if (!(rc = levels_opp_mismatch(cli->store, &ladder, id, &m, &cli->err)) && m.found)
			*VEC_PUSH(out) = (struct agenda_mismatch){ id, m, false };
		else
			level_mismatch_release(&m);
	}
	level_ladder_release(&ladder);
	return rc;
}

/* show_tasks(), with a "mismatch:" line under an opportunity's first task. */
static void show_section(struct cli *cli, const char *title, const task_vec *v,
			 mismatch_vec *mm)
{
	struct strbuf sb = STRBUF_INIT;

	if (v->n)
		cli_printf(cli, "%s%s:\n", cli->out.len ? "\n" : "", title);
	for (size_t i = 0; i < v->n; i++) {
		struct agenda_mismatch *x = mismatch_of(mm, v->items[i].opp.id);
		show_task_line(cli, &v->items[i]);
		if (!x || x->said)
			continue;
		strbuf_reset(&sb);
		level_mismatch_text(&x->m, &sb);
		cli_printf(cli, "       mismatch: %s\n", sb.buf);
		x->said = true;
	}
	strbuf_release(&sb);
}

static int agenda_run(struct cli *cli, const struct args *a)
{
	struct datetime end = *store_now(cli->store);
	char today[DATE_BUFSZ], until[DATE_BUFSZ];
	task_vec v = { 0 };
	task_vec sections[3] = { { 0 } }; /* overdue, today, upcoming: views into v */
	mismatch_vec mm = { 0 };
	static const char *const names[] = { "overdue", "today", "upcoming" };
	json_t *j;
	long days = 7;
	bool given;

	if (cli_int_opt(cli, a, "days", 0, 3650, &days, &given))
		return ERR_INVALID;
	if (!cli_playbook(cli) || playbooks_tick(cli->store, cli_playbook(cli), &cli->err))
		return cli->err.code;
	date_format_day(store_now(cli->store), today);
	date_add_days(&end, days + 1);
	date_format_day(&end, until);
	if (store_tasks_due_before(cli->store, until, &v, &cli->err) ||
	    find_mismatches(cli, &v, &mm)) {
		task_vec_release(&v);
		mismatches_release(&mm);
		return cli->err.code;
	}
	/* v is sorted by due date: split it into three runs without copying */
	for (size_t i = 0; i < v.n; i++) {
		int cmp = strncmp(v.items[i].due, today, 10);
		task_vec *s = &sections[cmp < 0 ? 0 : cmp == 0 ? 1 : 2];
		if (!s->n)
			s->items = &v.items[i];
		s->n++;
	}
	for (int k = 0; k < 3; k++)
		agenda_sort(sections[k].items, sections[k].n, today);
	if (cli->json) {
		j = json_object();
		for (int k = 0; k < 3; k++) {
			json_t *arr = tasks_json(&sections[k]);
			for (size_t i = 0; i < sections[k].n; i++) {
				struct agenda_mismatch *x = mismatch_of(&mm,
									sections[k].items[i].opp.id);
				json_object_set_new(json_array_get(arr, i), "score",
						    json_integer(agenda_score(&sections[k].items[i],
									      today)));
				if (x)
					json_object_set_new(json_array_get(arr, i), "mismatch",
							    offer_mismatch_json(&x->m));
			}
			json_object_set_new(j, names[k], arr);
		}
		cli_set_json(cli, j);
		task_vec_release(&v);
		mismatches_release(&mm);
		return 0;
	}
	if (!v.n)
		cli_printf(cli, "nothing due in the next %ld days\n", days);
	show_section(cli, "overdue", &sections[0], &mm);
	show_section(cli, "today", &sections[1], &mm);
	show_section(cli, days == 1 ? "tomorrow" : "upcoming", &sections[2], &mm);
	task_vec_release(&v);
	mismatches_release(&mm);
	return 0;
}

static const struct opt_spec agenda_opts[] = {
	{ .name = "days", .arg = "N", .help = "how many days ahead to show (default 7)" },
	{ 0 },
};

const struct cmd_spec agenda_cmds[] = {
	{ "", "", "What to do: overdue, today's and upcoming open tasks, with who, which "
	  "opportunity and why, each section ranked by a score (10 x days overdue, or -2 x "
	  "days until due, + the opportunity's stage (offer 40 ... lead 5) + 5 x rapport + the "
	  "kind (call 8 ... other 2); see src/method/agenda.h).", 0, 0, agenda_opts, agenda_run, CMD_WRITE },
	{ 0 },
};
