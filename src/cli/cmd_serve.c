/* cmd_serve.c: rapport serve: the web UI over the same database. */
#include "cli/cli.h"

#include <stdlib.h>

#include "web/web.h"

static int serve_run(struct cli *cli, const struct args *a)
{
	struct web_options o = { .listen = "127.0.0.1:8080" };
	char *path;
	int rc;

	if (arg_opt(a, "listen"))
		o.listen = arg_opt(a, "listen");
	o.allow_hosts = arg_all(a, "allow-host", &o.n_allow_hosts);
	o.verbose = arg_flag(a, "verbose");
	path = cli_database_path(a->db, &o.store_flags);
	o.db_path = path;
	rc = web_serve(&o, &cli->err);
	free(path);
	return rc;
}

static const struct opt_spec serve_opts[] = {
	{ .name = "listen", .arg = "HOST:PORT",
	  .help = "the address to listen on (default 127.0.0.1:8080; port 0 picks a free one)" },
	{ .name = "allow-host", .arg = "NAME",
	  .help = "another name this server may be reached by (repeatable)", .flags = OPT_MULTI },
	{ .name = "verbose", .help = "log every request: method, path, status, time" },
	{ 0 },
};

const struct cmd_spec serve_cmds[] = {
	{ "", "", "Serve the web UI on this machine (127.0.0.1 unless --listen says otherwise) "
	  "until Ctrl-C. The command line may work on the same database meanwhile.", 0, 0,
	  serve_opts, serve_run, CMD_NO_DB },
	{ 0 },
};
