/* cmd_demo.c: rapport demo: a sample search in a database of its own, to try rapport on. */
#include "cli/serve.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cli/demo.h"
#include "method/demo.h"
#include "web/pages.h"

/* The options of demo: code asks for each by its constant. */
enum demo_opt {
	DEMO_OPT_NO_SERVE = 1,
};

/* Remove the last sample search, with its journal files. A file there that
 * is not marked as a sample is someone's data: it is left, and an error. */
static int remove_old_demo(const char *path, struct error *err)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	struct store *s = NULL;
	bool marked;

	if (access(path, F_OK))
		return 0;
	if (store_open(&s, path, STORE_READ_ONLY, err))
		return err->code;
	marked = demo_is_marked(s);
	store_close(s);
	if (!marked)
		return error_set(err, ERR_CONFLICT, "'%s' is not a sample search: not replaced", path);
	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		struct strbuf file = STRBUF_INIT;
		strbuf_addf(&file, "%s%s", path, suffixes[i]);
		if (unlink(file.buf) && errno != ENOENT) {
			error_set(err, ERR_IO, "cannot remove '%s': %s", file.buf, strerror(errno));
			strbuf_release(&file);
			return ERR_IO;
		}
		strbuf_release(&file);
	}
	return 0;
}

/* A new database holding only the mark: marked first, so that a sample
 * left half-made by a failure is still never taken for the user's. */
static int create_marked(const char *path, struct error *err)
{
	struct store *s = NULL;
	int rc = store_open(&s, path, STORE_CREATE_DIRS, err);

	if (!rc && !(rc = store_begin_write(s, err)) && !(rc = demo_mark(s, err)))
		rc = store_commit(s, err);
	if (rc && s)
		store_rollback(s);
	store_close(s);
	return rc;
}

/* The web UI on the sample, with serve's options. A sample the user's
 * server started (web/page_demo.c, which names itself in RAPPORT_DEMO_BACK)
 * stops with it. */
static int serve_demo(struct cli *cli, const struct args *a, const char *path)
{
	/* the default address even under systemd: its socket is the user's server's */
	struct web_options o = { .listen = WEB_LISTEN_DEFAULT, .db_path = path };

	if (demo_back_url() && prctl(PR_SET_PDEATHSIG, SIGTERM) == 0 && getppid() == 1)
		return 0; /* that server is gone already */

	cli_serve_options(a, &o);
	return web_serve(&o, &cli->err);
}

/* Whether two paths name the same file (when both exist), or are equal. */
static bool same_file(const char *a, const char *b)
{
	char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
	bool same = ra && rb ? !strcmp(ra, rb) : !strcmp(a, b);

	free(ra);
	free(rb);
	return same;
}

static int demo_run(struct cli *cli, const struct args *a)
{
	unsigned flags = 0;
	/* beside the default database, never in it */
	char *path = cli_data_file("demo.db"), *own = cli_database_path(a->db, &flags);
	int rc = 0;

	if (same_file(path, own))
		rc = error_set(&cli->err, ERR_INVALID, "'%s' is the database in use: the sample "
				"search needs a file of its own", own);
	if (!rc && !(rc = remove_old_demo(path, &cli->err)) &&
	    !(rc = create_marked(path, &cli->err)))
		rc = demo_search_play(path, &cli->err);
	if (!rc && arg_flag(a, DEMO_OPT_NO_SERVE)) {
		if (cli->json)
			cli_set_json(cli, json_pack("{s:s}", "database", path));
		else
			cli_printf(cli, "%s\n", path);
	} else if (!rc) {
		rc = serve_demo(cli, a, path);
	}
	free(own);
	free(path);
	return rc;
}

static const struct opt_spec demo_opts[] = {
	{ .id = DEMO_OPT_NO_SERVE, .name = "no-serve",
	  .help = "make the sample and print its path, for 'rapport --db PATH ...'; serve nothing" },
	CLI_SERVE_OPTS, /* as for serve */
	{ 0 },
};

const struct cmd_spec demo_cmds[] = {
	{ "", "", "Try rapport on a sample search: five weeks of a made-up job search (offers, "
	  "a rejection, silences, every playbook at work), remade from scratch in a database "
	  "of its own (demo.db beside your default database; yours is never touched), then "
	  "served like 'rapport serve'. Every page of it says \"Sample search: not your data\".",
	  0, 0, demo_opts, demo_run, CMD_NO_DB },
	{ 0 },
};
