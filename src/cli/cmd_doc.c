/*
 * cmd_doc.c: rapport doc man PAGE | doc pages | doc completion SHELL: the
 * manual pages and the completion scripts, printed from the command
 * tables (cli/doc.h). Not listed in help: the build runs it (make docs).
 */
#include "cli/cli.h"
#include "cli/doc.h"

#include <stdlib.h>

static int doc_pages(struct cli *cli, const struct args *a)
{
	size_t n;
	char **pages = doc_man_pages(&n);

	(void)a;
	for (size_t i = 0; i < n; i++) {
		cli_printf(cli, "%s\n", pages[i]);
		free(pages[i]);
	}
	free(pages);
	return 0;
}

static int doc_man(struct cli *cli, const struct args *a)
{
	return doc_man_write(&cli->out, a->pos[0], &cli->err);
}

static int doc_completion(struct cli *cli, const struct args *a)
{
	return doc_completion_write(&cli->out, a->pos[0], &cli->err);
}

const struct cmd_spec doc_cmds[] = {
	{ "pages", "", "List the manual pages' file names (rapport.1, rapport-opp.1, ...).", 0, 0,
	  NULL, doc_pages, CMD_NO_DB | CMD_NO_JSON },
	{ "man", "PAGE",
	  "Print a manual page in roff: rapport, a command (opp), playbooks or templates, or "
	  "its file name (rapport-opp.1).",
	  1, 1, NULL, doc_man, CMD_NO_DB | CMD_NO_JSON },
	{ "completion", "bash|zsh|fish", "Print the completion script for a shell.", 1, 1, NULL,
	  doc_completion, CMD_NO_DB | CMD_NO_JSON },
	{ 0 },
};
