/* cmd_agenda.c: rapport agenda: overdue, today's and upcoming open tasks. */
#include "cli/cli.h"

#include <string.h>

#include "cli/show.h"
#include "io/json_model.h"
#include "method/agenda.h"
#include "method/playbook_run.h"

static int agenda_run(struct cli *cli, const struct args *a)
{
	struct datetime end = *store_now(cli->store);
	char today[DATE_BUFSZ], until[DATE_BUFSZ];
	task_vec v = { 0 };
	task_vec sections[3] = { { 0 } }; /* overdue, today, upcoming: views into v */
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
	if (store_tasks_due_before(cli->store, until, &v, &cli->err)) {
		task_vec_release(&v);
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
			for (size_t i = 0; i < sections[k].n; i++)
				json_object_set_new(json_array_get(arr, i), "score",
						    json_integer(agenda_score(&sections[k].items[i],
									      today)));
			json_object_set_new(j, names[k], arr);
		}
		cli_set_json(cli, j);
		task_vec_release(&v);
		return 0;
	}
	if (!v.n)
		cli_printf(cli, "nothing due in the next %ld days\n", days);
	show_tasks(cli, "overdue", &sections[0]);
	show_tasks(cli, "today", &sections[1]);
	show_tasks(cli, days == 1 ? "tomorrow" : "upcoming", &sections[2]);
	task_vec_release(&v);
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
