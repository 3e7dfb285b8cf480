/* show.c: printing tasks and timelines the same way in every command. */
#include "cli/show.h"

#include <string.h>

#include "io/json_model.h"

json_t *interactions_json(const interaction_vec *v)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(arr, interaction_to_json(&v->items[i]));
	return arr;
}

json_t *tasks_json(const task_vec *v)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(arr, task_to_json(&v->items[i]));
	return arr;
}

const struct table_col task_cols[] = { TASK_COLS };
const size_t task_ncols = ARRAY_SIZE(task_cols);

void task_row(struct table *tb, const struct task *t)
{
	table_add_id(tb, t->id);
	table_add(tb, t->due);
	table_add(tb, enum_name(&task_kind_def, (int)t->kind));
	table_add(tb, t->title);
	table_add_id(tb, t->person.id);
	table_add(tb, t->person.id ? t->person.name : NULL);
	table_add_id(tb, t->opp.id);
	table_add(tb, t->opp.id ? t->opp.slug : NULL);
	table_add(tb, enum_name(&task_status_def, (int)t->status));
	if (t->status != TASK_OPEN)
		table_addf(tb, "[%s]", enum_name(&task_status_def, (int)t->status));
	else
		table_add(tb, NULL);
	table_add(tb, t->why);
	table_add(tb, t->template);
	if (t->why)
		table_note(tb, "       why: %s", t->why);
	if (t->template && t->status == TASK_OPEN)
		table_note(tb, "       draft ready: rapport draft %lld", (long long)t->id);
}

void show_task_table(struct cli *cli, const task_vec *v)
{
	struct table tb;

	table_init(&tb, task_cols, task_ncols);
	for (size_t i = 0; i < v->n; i++)
		task_row(&tb, &v->items[i]);
	table_print(cli, &tb);
}

void show_tasks(struct cli *cli, const char *title, const task_vec *v)
{
	if (!v->n)
		return;
	cli_printf(cli, "%s%s:\n", cli->out.len ? "\n" : "", title);
	show_task_table(cli, v);
}

void show_interaction(struct cli *cli, const struct interaction *it)
{
	cli_printf(cli, "  %-16s %-9s %-3s %s", it->at, enum_name(&interaction_kind_def,
							    (int)it->kind),
		   enum_name(&direction_def, (int)it->direction), it->summary);
	for (size_t k = 0; k < it->people.n; k++)
		cli_printf(cli, "%s%s", k ? ", " : "  · with ", it->people.items[k].name);
	if (it->opp.id)
		cli_printf(cli, "  · %s", it->opp.slug);
	if (it->chemistry > 0)
		cli_printf(cli, "  · chemistry %d/5", it->chemistry);
	cli_printf(cli, "\n");
}

void show_timeline(struct cli *cli, const interaction_vec *iv, const stage_change_vec *history,
		   int64_t total)
{
	size_t i = 0, h = 0, nh = history ? history->n : 0;

	if (!iv->n && !nh)
		return;
	cli_printf(cli, "\ntimeline:\n");
	if (total > (int64_t)iv->n)
		cli_printf(cli, "  (the newest %zu of %lld interactions; --all shows every one)\n",
			   iv->n, (long long)total);
	while (i < iv->n || h < nh) {
		const struct stage_change *c = h < nh ? &history->items[h] : NULL;
		if (c && (i >= iv->n || strncmp(c->at, iv->items[i].at, 16) <= 0)) {
			cli_printf(cli, "  %-16.16s stage     %s%s%s%s%s\n", c->at,
				   c->from < 0 ? "" : enum_name(&stage_def, c->from),
				   c->from < 0 ? "" : " -> ", enum_name(&stage_def, (int)c->to),
				   c->note ? ": " : "", c->note ? c->note : "");
			h++;
		} else {
			show_interaction(cli, &iv->items[i++]);
		}
	}
}
