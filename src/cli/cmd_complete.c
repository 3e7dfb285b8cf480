/*
 * cmd_complete.c: rapport complete people|orgs|opps|tasks [PREFIX], a command
 * for the shell completions (rapport doc completion), not listed in help.
 *
 * It prints "VALUE\tABOUT" a line (ABOUT may be empty), read with one
 * indexed query on a connection opened read-only. It runs at every press
 * of TAB, so it does nothing else: no rule runs, no migration, and a
 * database file that does not exist yet is not created (it prints
 * nothing). A PostgreSQL database is asked as the account the command
 * line acts for (--account), as every command is.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "store/account.h"
#include "store/complete.h"

static void print_match(const char *value, const char *about, void *ctx)
{
	struct cli *cli = ctx;

	cli_printf(cli, "%s\t%s\n", value, about ? about : "");
}

static int complete_run(struct cli *cli, const struct args *a)
{
	unsigned flags = 0;
	char *path = cli_database_path(a->db, &flags);
	struct stat st;
	int what, rc = 0;

	if (cli_enum(cli, &store_complete_def, a->pos[0], &what))
		rc = cli->err.code;
	else if (store_is_server_address(path) || stat(path, &st) == 0)
		rc = store_open(&cli->store, path, STORE_READ_ONLY, &cli->err);
	if (!rc && cli->store) /* on a practice's database, whose names */
		rc = store_act_as(cli->store, cli_account(a), &cli->err);
	if (!rc && cli->store && !(rc = store_begin_read(cli->store, &cli->err)))
		rc = store_complete(cli->store, (enum store_complete_what)what,
				    a->npos > 1 ? a->pos[1] : "", print_match, cli, &cli->err);
	if (cli->store)
		store_rollback(cli->store);
	free(path);
	return rc;
}

const struct cmd_spec complete_cmds[] = {
	{ "", "people|orgs|opps|tasks [PREFIX]",
	  "Print the names of the people, organisations or opportunities (slugs), or the "
	  "ids of the open tasks, that start with PREFIX: one a line, a tab, a few words "
	  "about it. For the shell completions; a database that does not exist is not "
	  "created.",
	  1, 2, NULL, complete_run, CMD_NO_DB | CMD_NO_JSON },
	{ 0 },
};
