/* cmd_template.c: rapport template list|show NAME|check FILE: the letter templates. */
#include "cli/cli.h"
#include "cli/table.h"

#include <stdlib.h>
#include <string.h>

#include "io/json_model.h"
#include "method/letter.h"

static const char *where(const struct letter_template_entry *e)
{
	if (!e->path)
		return "built-in";
	return e->builtin ? "yours, overrides the built-in" : "yours";
}

static const struct table_col template_cols[] = {
	{ "name", 18, NULL, 0 },
	{ "origin", 0, " ", 0 },
	{ "path", 0, ": ", COL_FREE | COL_IF_SET },
};

static int template_list(struct cli *cli, const struct args *a)
{
	letter_template_vec v = { 0 };
	json_t *arr = json_array();
	char *dir = letter_user_dir();
	struct table t;

	(void)a;
	if (letter_template_list(&v, &cli->err)) {
		json_decref(arr);
		free(dir);
		return cli->err.code;
	}
	table_init(&t, template_cols, ARRAY_SIZE(template_cols));
	for (size_t i = 0; i < v.n; i++) {
		const struct letter_template_entry *e = &v.items[i];
		json_array_append_new(arr, json_pack("{s:s,s:s,s:o,s:b}", "name", e->name, "origin",
						     e->path ? "user" : "built-in", "path",
						     json_text(e->path), "overrides",
						     e->path && e->builtin));
		table_add(&t, e->name);
		table_add(&t, where(e));
		table_add(&t, e->path);
	}
	table_print(cli, &t);
	if (!table_is_tsv(cli))
		cli_printf(cli, "\nYour own templates go in %s/NAME.txt;\none named like a "
				"built-in replaces it.\n", dir);
	cli_set_json(cli, arr);
	letter_template_vec_release(&v);
	free(dir);
	return 0;
}

static int template_show(struct cli *cli, const struct args *a)
{
	char *text, *origin;

	if (letter_template_load(a->pos[0], &text, &origin, &cli->err))
		return cli->err.code;
	cli_set_json(cli, json_pack("{s:s,s:s,s:s}", "name", a->pos[0], "origin", origin, "text",
				    text));
	strbuf_addstr(&cli->out, text);
	if (cli->out.len && cli->out.buf[cli->out.len - 1] != '\n')
		strbuf_addch(&cli->out, '\n');
	free(text);
	free(origin);
	return 0;
}

static int template_check(struct cli *cli, const struct args *a)
{
	const char *path = a->pos[0];
	char *text;
	int rc;

	if (letter_read_file(path, &text, &cli->err))
		return cli->err.code;
	rc = letter_check(path, text, &cli->err);
	free(text);
	if (rc)
		return rc;
	cli_set_json(cli, json_pack("{s:s,s:b}", "file", path, "ok", 1));
	cli_printf(cli, "%s: ok\n", path);
	return 0;
}

static const struct opt_spec template_list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec template_cmds[] = {
	{ "list", "", "List the letter templates: built-in, and yours.", 0, 0, template_list_opts,
	  template_list, CMD_NO_DB },
	{ "show", "NAME", "Print a template (yours when you have one of that name).", 1, 1,
	  NULL, template_show, CMD_NO_DB },
	{ "check", "FILE",
	  "Check a template file: a 'Subject: ...' line, a blank line, the body; merge fields\n"
	  "{person} {first} {title} {org} {opp} {me} {signature} {date}, '{org|your team}'\n"
	  "for wording when a value is unknown, '{{' and '}}' for braces.",
	  1, 1, NULL, template_check, CMD_NO_DB | CMD_READS_FILES },
	{ 0 },
};
