/* cmd_undo.c: rapport undo [--list]: take back the last command that wrote. */
#include "cli/cli.h"
#include "cli/table.h"

#include "io/json_model.h"
#include "method/undo.h"

/* The options of undo's commands: code asks for each by its constant. */
enum undo_opt {
	UNDO_OPT_LIST = 1,
};

_Static_assert(UNDO_KEEP == 50, "the help of undo says 50");

static json_t *entry_to_json(const struct undo_entry *e)
{
	return json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)e->id, "at", json_time(e->at),
			 "what", json_text(e->what), "source", json_text(e->source));
}

static const struct table_col undo_cols[] = {
	{ "id", 6, NULL, COL_RIGHT },
	{ "at", 1, NULL, 0 },
	{ "source", 3, NULL, 0 },
	{ "what", 0, NULL, COL_FREE },
};

static int list_run(struct cli *cli)
{
	undo_entry_vec v = { 0 };
	json_t *arr = json_array();
	struct table t;

	if (store_undo_list(cli->store, UNDO_KEEP, &v, &cli->err)) {
		undo_entry_vec_release(&v);
		json_decref(arr);
		return cli->err.code;
	}
	table_init(&t, undo_cols, ARRAY_SIZE(undo_cols));
	for (size_t i = 0; i < v.n; i++) {
		const struct undo_entry *e = &v.items[i];
		json_array_append_new(arr, entry_to_json(e));
		table_add_id(&t, e->id);
		table_add(&t, e->at);
		table_add(&t, e->source);
		table_add(&t, e->what);
	}
	table_print(cli, &t);
	if (!v.n)
		cli_note(cli, "nothing to undo\n");
	cli_set_json(cli, arr);
	undo_entry_vec_release(&v);
	return 0;
}

int cli_undo_last(struct cli *cli)
{
	struct undo_entry done;

	if (undo_last(cli->store, &done, &cli->err))
		return cli->err.code;
	cli_printf(cli, "undid: %s\n", done.what);
	cli_set_json(cli, json_pack("{s:o}", "undone", entry_to_json(&done)));
	undo_entry_release(&done);
	return 0;
}

static int undo_run(struct cli *cli, const struct args *a)
{
	if (arg_flag(a, UNDO_OPT_LIST))
		return list_run(cli);
	/* "undo --format tsv" looks like a question; it would be an undo */
	if (arg_flag(a, CLI_OPT_FORMAT))
		return error_set(&cli->err, ERR_INVALID, "--format goes with --list");
	return cli_undo_last(cli);
}

static const struct opt_spec undo_opts[] = {
	{ .id = UNDO_OPT_LIST, .name = "list",
	  .help = "list the changes undo can take back, latest first" },
	CLI_FORMAT_OPT,
	{ 0 },
};

const struct cmd_spec undo_cmds[] = {
	{ "", "", "Take back the last command that wrote (or the last change made in the web "
	  "UI), with everything it did: the follow-ups the playbooks made, the stage change, "
	  "the interaction a done task logged. Run it again to take back the one before: "
	  "undo walks back through the last " "50" " changes, and an undo cannot itself be "
	  "undone. When what it made or changed has changed since (by something that is not "
	  "in the undo history, such as the time rules' follow-ups), it refuses, names the "
	  "record, and writes nothing.", 0, 0, undo_opts, undo_run, CMD_WRITE | CMD_NO_UNDO },
	{ 0 },
};
