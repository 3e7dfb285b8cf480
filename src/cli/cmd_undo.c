/* cmd_undo.c: rapport undo [--list]: take back the last command that wrote. */
#include "cli/cli.h"

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

static int list_run(struct cli *cli)
{
	undo_entry_vec v = { 0 };
	json_t *arr = json_array();

	if (store_undo_list(cli->store, UNDO_KEEP, &v, &cli->err)) {
		undo_entry_vec_release(&v);
		json_decref(arr);
		return cli->err.code;
	}
	for (size_t i = 0; i < v.n; i++) {
		const struct undo_entry *e = &v.items[i];
		json_array_append_new(arr, entry_to_json(e));
		cli_printf(cli, "%6lld  %s  %-3s  %s\n", (long long)e->id, e->at, e->source, e->what);
	}
	if (!v.n)
		cli_note(cli, "nothing to undo\n");
	cli_set_json(cli, arr);
	undo_entry_vec_release(&v);
	return 0;
}

static int undo_run(struct cli *cli, const struct args *a)
{
	struct undo_entry done;

	if (arg_flag(a, UNDO_OPT_LIST))
		return list_run(cli);
	if (undo_last(cli->store, &done, &cli->err))
		return cli->err.code;
	cli_printf(cli, "undid: %s\n", done.what);
	cli_set_json(cli, json_pack("{s:o}", "undone", entry_to_json(&done)));
	undo_entry_release(&done);
	return 0;
}

static const struct opt_spec undo_opts[] = {
	{ .id = UNDO_OPT_LIST, .name = "list",
	  .help = "list the changes undo can take back, latest first" },
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
