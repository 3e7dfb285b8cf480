/* cmd_search.c: rapport search QUERY. */
#include "cli/cli.h"

#include <stdlib.h>
#include "cli/table.h"

#include "io/json_model.h"

/* The options of search's commands: code asks for each by its constant. */
enum search_opt {
	SEARCH_OPT_LIMIT = 1,
};

static const struct table_col search_cols[] = {
	{ "type", 12, NULL, 0 },
	{ "id", 6, " ", COL_RIGHT },
	{ "title", 0, NULL, COL_FREE },
	{ "detail", 0, NULL, COL_TSV_ONLY },
};

static void search_row(struct table *t, const struct search_hit *h)
{
	table_add(t, h->type);
	table_add_id(t, h->id);
	table_add(t, h->title);
	table_add(t, h->detail);
	if (h->detail) {
		/* the snippet of a note may span lines: one line under its row */
		char *line = xstrdup(h->detail);
		for (char *p = line; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		table_note(t, "                     %s", line);
		free(line);
	}
}

static int search_run(struct cli *cli, const struct args *a)
{
	search_hit_vec v = { 0 };
	json_t *arr;
	long limit = 50;
	struct table t;
	bool given;

	if (cli_int_opt(cli, a, SEARCH_OPT_LIMIT, 1, 1000, &limit, &given))
		return ERR_INVALID;
	if (store_search(cli->store, a->pos[0], (int)limit, &v, &cli->err)) {
		search_hit_vec_release(&v);
		return cli->err.code;
	}
	arr = json_array();
	table_init(&t, search_cols, ARRAY_SIZE(search_cols));
	for (size_t i = 0; i < v.n; i++) {
		const struct search_hit *h = &v.items[i];
		json_array_append_new(arr, json_pack("{s:s, s:I, s:o, s:o, s:f}", "type", h->type,
						     "id", (json_int_t)h->id, "title",
						     json_text(h->title), "detail",
						     json_text(h->detail), "score", h->score));
		search_row(&t, h);
	}
	table_print(cli, &t);
	if (!v.n)
		cli_note(cli, "nothing matches '%s'\n", a->pos[0]);
	cli_set_json(cli, arr);
	search_hit_vec_release(&v);
	return 0;
}

static const struct opt_spec search_opts[] = {
	{ .id = SEARCH_OPT_LIMIT, .name = "limit", .arg = "N",
	  .help = "at most N results (default 50)" },
	CLI_FORMAT_OPT,
	{ 0 },
};

const struct cmd_spec search_cmds[] = {
	{ "", "QUERY", "Search people, organisations, opportunities, interactions and tasks; "
	  "best matches first. Every word must match (as a prefix).", 1, 1, search_opts,
	  search_run, 0 },
	{ 0 },
};
