/* cmd_feedback.c: rapport feedback add|list: what people told you about yourself. */
#include "cli/debrief.h"
#include "cli/remove.h"

#include <stdlib.h>
#include <string.h>

#include "cli/show.h"
#include "io/json_debrief.h"
#include "io/json_model.h"

/* The options of feedback's commands: code asks for each by its constant. */
enum feedback_opt {
	FEEDBACK_OPT_FROM = 1,
	FEEDBACK_OPT_AT,
};

static int feedback_add(struct cli *cli, const struct args *a)
{
	struct feedback f = { 0 };
	const char *from = arg_opt(a, FEEDBACK_OPT_FROM), *at = arg_opt(a, FEEDBACK_OPT_AT);
	char when[DATE_BUFSZ];
	int64_t id;
	int rc;

	if (!from || !*from)
		return error_set(&cli->err, ERR_INVALID, "say who gave the feedback: --from PERSON");
	if (at ? cli_when(cli, at, when) : (date_format(store_now(cli->store), when), 0))
		return ERR_INVALID;
	if ((rc = store_opp_resolve(cli->store, a->pos[0], &f.opp.id, &cli->err)) ||
	    (rc = store_person_resolve(cli->store, from, &f.from.id, &cli->err)))
		return rc;
	f.text = xstrdup(a->pos[1]);
	f.at = xstrdup(when);
	rc = action_feedback_add(cli->store, &f, &cli->err);
	id = f.id;
	feedback_release(&f);
	if (rc || (rc = store_feedback_get(cli->store, id, &f, &cli->err)))
		return rc;
	cli_set_json(cli, feedback_to_json(&f));
	cli_printf(cli, "recorded feedback %lld from %s on %s\n", (long long)f.id, f.from.name,
		   f.opp.slug);
	cli_printf(cli, "act on it: rapport improve add \"WHAT YOU WILL DO\" --from-feedback %lld\n",
		   (long long)f.id);
	feedback_release(&f);
	return 0;
}

static const struct table_col feedback_cols[] = {
	{ "id", 5, NULL, COL_RIGHT },
	{ "at", 16, NULL, 0 },
	{ "from_id", 0, NULL, COL_TSV_ONLY },
	{ "from", 0, " ", COL_FREE },
	{ "opp_id", 0, NULL, COL_TSV_ONLY },
	{ "opp", 0, "  · ", COL_IF_SET },
	{ "text", 0, NULL, COL_TSV_ONLY },
	{ "improvements", 0, NULL, COL_TSV_ONLY }, /* task ids, ", " between */
};

/* A feedback on a line, the first line of its text and the improvement
 * actions that follow it under it. */
static void feedback_row(struct table *t, const struct feedback *f, const task_vec *tasks)
{
	size_t len = strcspn(f->text, "\n");
	struct strbuf ids = STRBUF_INIT;

	for (size_t i = 0; i < tasks->n; i++)
		strbuf_addf(&ids, "%s%lld", i ? ", " : "", (long long)tasks->items[i].id);
	table_add_id(t, f->id);
	table_addf(t, "%.16s", f->at);
	table_add_id(t, f->from.id);
	table_add(t, f->from.id ? f->from.name : "(someone since removed)");
	table_add_id(t, f->opp.id);
	table_add(t, f->opp.id ? f->opp.slug : NULL);
	table_add(t, f->text);
	table_add(t, ids.buf);
	table_note(t, "       %.*s%s", (int)len, f->text, f->text[len] ? " ..." : "");
	for (size_t i = 0; i < tasks->n; i++)
		table_note(t, "       improvement %lld: %s [%s]", (long long)tasks->items[i].id,
			   tasks->items[i].title,
			   enum_name(&task_status_def, (int)tasks->items[i].status));
	strbuf_release(&ids);
}

static int feedback_list(struct cli *cli, const struct args *a)
{
	feedback_vec v = { 0 };
	json_t *arr = cli->json ? json_array() : NULL;
	int64_t opp_id = 0;
	struct table t;
	int rc;

	if ((a->npos && (rc = store_opp_resolve(cli->store, a->pos[0], &opp_id, &cli->err))) ||
	    (rc = store_feedback_list(cli->store, opp_id, &v, &cli->err)))
		goto out;
	table_init(&t, feedback_cols, ARRAY_SIZE(feedback_cols));
	for (size_t i = 0; i < v.n && !rc; i++) {
		task_vec tasks = { 0 };
		if (!(rc = improvement_tasks(cli->store, v.items[i].id, &tasks, &cli->err)) && arr) {
			json_t *j = feedback_to_json(&v.items[i]);
			json_object_set_new(j, "improvements", tasks_json(&tasks));
			json_array_append_new(arr, j);
		} else if (!rc) {
			feedback_row(&t, &v.items[i], &tasks);
		}
		task_vec_release(&tasks);
	}
	table_print(cli, &t);
	if (!rc) {
		cli_set_json(cli, arr);
		arr = NULL;
	}
out:
	json_decref(arr);
	feedback_vec_release(&v);
	return rc;
}

static const struct opt_spec feedback_add_opts[] = {
	{ .id = FEEDBACK_OPT_FROM, .name = "from", .arg = "PERSON",
	  .help = "who gave it (required)" },
	{ .id = FEEDBACK_OPT_AT, .name = "at", .arg = "WHEN",
	  .help = "when they gave it (default: now)" },
	{ 0 },
};

static const struct opt_spec feedback_list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec feedback_cmds[] = {
	{ "add", "OPP TEXT",
	  "Record feedback someone gave you about an opportunity: what to work on, what to read, "
	  "whom to talk to. Turn it into improvement actions with 'rapport improve add "
	  "--from-feedback ID'.",
	  2, 2, feedback_add_opts, feedback_add, CMD_WRITE },
	{ "list", "[OPP]", "List feedback (on one opportunity), oldest first, with the improvement "
	  "actions that follow each.", 0, 1, feedback_list_opts, feedback_list, 0 },
	{ "rm", "ID", "Remove feedback; with improvement actions that follow it only with "
	  "--force (they stay, following nothing).", 1, 1, cli_rm_opts, cli_feedback_rm,
	  CMD_WRITE },
	{ 0 },
};
