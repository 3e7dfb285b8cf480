/* cmd_serve.c: rapport serve: the web UI over the same database. */
#include "cli/serve.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/playbook_run.h"
#include "method/practice.h"
#include "util/atomic_file.h"
#include "web/auth.h"

/* The options of serve's commands: code asks for each by its constant. */
enum serve_opt {
	SERVE_OPT_URL = 1,
	SERVE_OPT_IDLE_EXIT,
	SERVE_OPT_SESSION_IDLE,
	SERVE_OPT_TRUSTED_PROXY,
};

/* --idle-exit's longest time: a week, in minutes. */
#define IDLE_EXIT_MAX_MINUTES (7 * 24 * 60)

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

/* --idle-exit MINUTES into seconds (0 when not given). "Ns", seconds, is
 * accepted too and not shown: the tests' form, so that they take seconds. */
static int idle_exit_opt(struct cli *cli, const struct args *a, unsigned *seconds)
{
	const char *v = arg_opt(a, SERVE_OPT_IDLE_EXIT);
	size_t n = v ? strlen(v) : 0;
	bool in_seconds = n > 1 && v[n - 1] == 's';
	char digits[16];
	long t;

	*seconds = 0;
	if (!v)
		return 0;
	if (n >= sizeof(digits))
		return error_set(&cli->err, ERR_INVALID, "--idle-exit must be a number of minutes, "
							 "not '%s'", v);
	snprintf(digits, sizeof(digits), "%.*s", (int)(n - in_seconds), v);
	if (text_parse_int("--idle-exit", digits, 1,
			   in_seconds ? IDLE_EXIT_MAX_MINUTES * 60 : IDLE_EXIT_MAX_MINUTES, &t, &cli->err))
		return cli->err.code;
	*seconds = (unsigned)(in_seconds ? t : t * 60);
	return 0;
}

void cli_serve_options(const struct args *a, struct web_options *o)
{
	if (arg_opt(a, CLI_OPT_LISTEN))
		o->listen = arg_opt(a, CLI_OPT_LISTEN);
	o->allow_hosts = arg_all(a, CLI_OPT_ALLOW_HOST, &o->n_allow_hosts);
	o->verbose = arg_flag(a, CLI_OPT_VERBOSE);
	o->open_browser = arg_flag(a, CLI_OPT_OPEN);
}

static int serve_run(struct cli *cli, const struct args *a)
{
	struct web_options o = { 0 }; /* no --listen: systemd's socket, else the default */
	char *path;
	int rc;

	if (idle_exit_opt(cli, a, &o.idle_exit_seconds))
		return cli->err.code;
	if (arg_opt(a, SERVE_OPT_SESSION_IDLE) &&
	    practice_parse_duration(arg_opt(a, SERVE_OPT_SESSION_IDLE), &o.session_idle, &cli->err))
		return cli->err.code;
	cli_serve_options(a, &o);
	o.trusted_proxies = arg_all(a, SERVE_OPT_TRUSTED_PROXY, &o.n_trusted_proxies);
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
	CLI_SERVE_OPTS,
	{ .id = SERVE_OPT_URL, .name = "url",
	  .help = "print the sign-in address of the server running on this "
				 "database, and stop" },
	{ .id = SERVE_OPT_IDLE_EXIT, .name = "idle-exit", .arg = "MINUTES",
	  .help = "stop after this long without a request (the systemd unit's way: the "
		  "next connection starts it again)" },
	{ .id = SERVE_OPT_SESSION_IDLE, .name = "session-idle", .arg = "TIME",
	  .help = "on a practice's PostgreSQL database: end a session unused this long "
		  "(default 14d; 12h, 30m)" },
	{ .id = SERVE_OPT_TRUSTED_PROXY, .name = "trusted-proxy", .arg = "ADDRESS",
	  .help = "a load balancer or proxy in front (its IP address; repeatable): its "
		  "connections are not limited as one client's, and a practice's sign-in "
		  "throttling counts the client address it gives (X-Forwarded-For)",
	  .flags = OPT_MULTI },
	{ 0 },
};

const struct cmd_spec serve_cmds[] = {
	{ "", "", "Serve the web UI on this machine (127.0.0.1 unless --listen says otherwise) "
	  "until Ctrl-C. The command line may work on the same database meanwhile.\n"
	  "It prints its address with a key that signs you in (http://127.0.0.1:8080/?key=...);\n"
	  "without it every page asks to sign in. The address is also kept in a file only you\n"
	  "can read, for 'rapport serve --url' and your scripts (which may send\n"
	  "'Authorization: Bearer KEY'). Listening beyond this machine needs a password\n"
	  "('rapport config web.password').\n"
	  "Started by systemd (rapport.socket: 'systemctl --user enable --now rapport.socket'),\n"
	  "it serves the socket systemd opened and keeps its key while that socket lives, so\n"
	  "the address 'rapport serve --url' prints keeps working after an idle stop.\n"
	  "On a coaching practice's PostgreSQL database (--db postgresql://...), there is no\n"
	  "key: each person signs in with their account ('rapport admin').", 0, 0,
	  serve_opts, serve_run, CMD_NO_DB | CMD_NO_JSON },
	{ 0 },
};
