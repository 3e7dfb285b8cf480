/*
 * cmd_import.c: rapport import json|linkedin|vcard|csv FILE: bringing in
 * what the user has elsewhere. Each import is one transaction.
 */
#include "cli/cli.h"

#include "io/json_backup.h"

static int import_json(struct cli *cli, const struct args *a)
{
	long rows;

	if (backup_import(cli->store, a->pos[0], &rows, &cli->err))
		return cli->err.code;
	cli_set_json(cli, json_pack("{s:I}", "rows", (json_int_t)rows));
	cli_printf(cli, "imported %ld rows from %s\n", rows, a->pos[0]);
	return 0;
}

static const struct opt_spec no_opts[] = { { 0 } };

const struct cmd_spec import_cmds[] = {
	{ "json", "FILE", "Load a JSON document made by 'rapport export' into an empty database.",
	  1, 1, no_opts, import_json, CMD_WRITE },
	{ 0 },
};
