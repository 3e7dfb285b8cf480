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

void show_task_line(struct cli *cli, const struct task *t)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%5lld  %-16s ", (long long)t->id, t->due ? t->due : "");
	strbuf_addpad(&line, enum_name(&task_kind_def, (int)t->kind), 8);
	strbuf_addf(&line, " %s", t->title);
	if (t->person.id)
		strbuf_addf(&line, "  · %s", t->person.name);
	if (t->opp.id)
		strbuf_addf(&line, "  · %s", t->opp.slug);
	if (t->status != TASK_OPEN)
		strbuf_addf(&line, "  [%s]", enum_name(&task_status_def, (int)t->status));
	cli_printf(cli, "%s\n", line.buf);
	if (t->why)
		cli_printf(cli, "       why: %s\n", t->why);
	if (t->template && t->status == TASK_OPEN)
		cli_printf(cli, "       draft ready: rapport draft %lld\n", (long long)t->id);
	strbuf_release(&line);
}

void show_tasks(struct cli *cli, const char *title, const task_vec *v)
{
	if (!v->n)
		return;
	cli_printf(cli, "%s%s:\n", cli->out.len ? "\n" : "", title);
	for (size_t i = 0; i < v->n; i++)
		show_task_line(cli, &v->items[i]);
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
