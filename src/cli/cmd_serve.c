/* cmd_serve.c: rapport serve: the web UI over the same database. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "method/playbook_run.h"
#include "util/atomic_file.h"
#include "web/auth.h"
#include "web/web.h"

/* The options of serve's commands: code asks for each by its constant. */
enum serve_opt {
	SERVE_OPT_LISTEN = 1,
	SERVE_OPT_ALLOW_HOST,
	SERVE_OPT_VERBOSE,
	SERVE_OPT_OPEN,
	SERVE_OPT_URL,
};

/* --url: the sign-in address of the servers running on this database. */
static int serve_url(struct cli *cli, const char *db_path)
{
	struct strbuf urls = STRBUF_INIT;
	int n = auth_running_urls(db_path, &urls, &cli->err);

	if (n == 0)
		error_set(&cli->err, ERR_NOT_FOUND, "no rapport server is running on %s", db_path);
	else if (n > 0)
		cli_printf(cli, "%s", urls.buf);
	strbuf_release(&urls);
	return n > 0 ? 0 : cli->err.code;
}

/* The folder of a file's path (its own copy; "." for a bare name). */
static char *folder(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash > path ? (size_t)(slash - path) : 1) : xstrdup(".");
}

/* What a server killed while it saved (playbooks.ini) left behind, in the
 * folders the server writes in: only rapport's own temporaries, of
 * writers that are gone (util/atomic_file.h). */
static void sweep_leftovers(const char *db_path)
{
	char *playbooks = playbooks_user_path(), *dir;

	if (playbooks) {
		dir = folder(playbooks);
		atomic_file_sweep(dir, NULL);
		free(dir);
		free(playbooks);
	}
	dir = folder(db_path);
	atomic_file_sweep(dir, NULL);
	free(dir);
}

static int serve_run(struct cli *cli, const struct args *a)
{
	struct web_options o = { .listen = "127.0.0.1:8080" };
	char *path;
	int rc;

	if (arg_opt(a, SERVE_OPT_LISTEN))
		o.listen = arg_opt(a, SERVE_OPT_LISTEN);
	o.allow_hosts = arg_all(a, SERVE_OPT_ALLOW_HOST, &o.n_allow_hosts);
	o.verbose = arg_flag(a, SERVE_OPT_VERBOSE);
	o.open_browser = arg_flag(a, SERVE_OPT_OPEN);
	path = cli_database_path(a->db, &o.store_flags);
	o.db_path = path;
	if (arg_flag(a, SERVE_OPT_URL)) {
		rc = serve_url(cli, path);
	} else {
		sweep_leftovers(path);
		rc = web_serve(&o, &cli->err);
	}
	free(path);
	return rc;
}

static const struct opt_spec serve_opts[] = {
	{ .id = SERVE_OPT_LISTEN, .name = "listen", .arg = "HOST:PORT",
	  .help = "the address to listen on (default 127.0.0.1:8080; port 0 picks a free one)" },
	{ .id = SERVE_OPT_ALLOW_HOST, .name = "allow-host", .arg = "NAME",
	  .help = "another name this server may be reached by (repeatable)", .flags = OPT_MULTI },
	{ .id = SERVE_OPT_VERBOSE, .name = "verbose",
	  .help = "log every request: method, path, status, time" },
	{ .id = SERVE_OPT_OPEN, .name = "open",
	  .help = "open the sign-in address in your browser (xdg-open)" },
	{ .id = SERVE_OPT_URL, .name = "url",
	  .help = "print the sign-in address of the server running on this "
				 "database, and stop" },
	{ 0 },
};

const struct cmd_spec serve_cmds[] = {
	{ "", "", "Serve the web UI on this machine (127.0.0.1 unless --listen says otherwise) "
	  "until Ctrl-C. The command line may work on the same database meanwhile.\n"
	  "It prints its address with a key that signs you in (http://127.0.0.1:8080/?key=...);\n"
	  "without it every page asks to sign in. The address is also kept in a file only you\n"
	  "can read, for 'rapport serve --url' and your scripts (which may send\n"
	  "'Authorization: Bearer KEY'). Listening beyond this machine needs a password\n"
	  "('rapport config web.password').", 0, 0,
	  serve_opts, serve_run, CMD_NO_DB | CMD_NO_JSON },
	{ 0 },
};
