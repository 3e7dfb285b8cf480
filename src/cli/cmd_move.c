/*
 * cmd_move.c: rapport push URL --account EMAIL, a person's local database
 * into their account of a practice, and rapport pull URL --account EMAIL,
 * the account back into a local file (method/move.h). Each side is one
 * transaction: a push either loads the whole database or leaves the
 * account as it was; a pull reads the account in one snapshot and loads
 * the file in one step. The address is never printed: it may hold a
 * password.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "method/move.h"
#include "store/account.h"

enum move_opt {
	MOVE_OPT_REPLACE = 1,
};

/* The practice's address (the positional argument) and the account. */
static int practice_args(struct cli *cli, const struct args *a, const char *verb,
			 const char **email)
{
	if (!store_address_has_accounts(a->pos[0]))
		return error_set(&cli->err, ERR_INVALID,
				 "%s takes a practice's postgresql:// address", verb);
	if (!(*email = cli_account(a)))
		return error_set(&cli->err, ERR_INVALID,
				 "say which account: --account EMAIL (or RAPPORT_ACCOUNT)");
	return 0;
}

/* The local database's path (--db, RAPPORT_DB, the default): a file. */
static char *local_path(struct cli *cli, const struct args *a, unsigned *flags)
{
	char *path = cli_database_path(a->db, flags);

	if (!store_address_has_accounts(path))
		return path;
	free(path);
	error_set(&cli->err, ERR_INVALID,
		  "the local database is a file: name it with --db FILE, not a postgresql:// "
		  "address");
	return NULL;
}

/* The account's e-mail address and the local file's path (its flags for
 * store_open), or an error that says which is wrong. */
static int both_sides(struct cli *cli, const struct args *a, const char *verb, const char **email,
		      char **path, unsigned *flags)
{
	int rc = practice_args(cli, a, verb, email);

	if (!rc && !(*path = local_path(cli, a, flags)))
		rc = cli->err.code;
	return rc;
}

static int open_practice(struct cli *cli, const char *url, const char *email, struct store **s)
{
	int rc = store_open(s, url, 0, &cli->err);

	return rc ? rc : store_act_as(*s, email, &cli->err);
}

/* The local database as the JSON backup. */
static int read_local(struct cli *cli, const char *path, unsigned flags, struct strbuf *text,
		      int64_t *base)
{
	struct store *s = NULL;
	struct stat st;
	int rc;

	if (stat(path, &st))
		return error_set(&cli->err, ERR_NOT_FOUND, "no database at '%s'", path);
	if (!(rc = store_open(&s, path, flags & ~STORE_CREATE_DIRS, &cli->err)) &&
	    !(rc = store_begin_read(s, &cli->err))) {
		rc = move_export(s, text, base, &cli->err);
		store_rollback(s);
	}
	store_close(s);
	return rc;
}

/* Load text into s in one write transaction. */
static int load_all(struct cli *cli, struct store *s, const struct strbuf *text, int64_t base,
		    bool replace, struct move_result *r)
{
	int rc = store_begin_write(s, &cli->err);

	if (!rc)
		rc = move_load(s, text, base, replace, r, &cli->err);
	if (!rc)
		rc = store_commit(s, &cli->err);
	if (rc)
		store_rollback(s);
	return rc;
}

static void say_moved(struct cli *cli, const char *verb, const char *where,
		      const struct move_result *r)
{
	cli_printf(cli, "%s %ld rows %s%s\n", verb, r->rows, where,
		   r->replaced ? ", in place of what was there" : "");
	if (r->new_calendar_key)
		cli_printf(cli, "the calendar feed has a new address there: subscribe to it again "
				"(Settings, or rapport export --ical)\n");
	cli_set_json(cli, json_pack("{s:I, s:b, s:b}", "rows", (json_int_t)r->rows, "replaced",
				    r->replaced, "new_calendar_key", r->new_calendar_key));
}

static int push_run(struct cli *cli, const struct args *a)
{
	struct strbuf text = STRBUF_INIT, where = STRBUF_INIT;
	struct move_result r;
	struct store *practice = NULL;
	unsigned flags = 0;
	const char *email;
	int64_t base = 0;
	char *path = NULL;
	int rc;

	if (!(rc = both_sides(cli, a, "push", &email, &path, &flags)))
		rc = read_local(cli, path, flags, &text, &base);
	if (!rc)
		rc = open_practice(cli, a->pos[0], email, &practice);
	if (!rc)
		rc = load_all(cli, practice, &text, base, arg_flag(a, MOVE_OPT_REPLACE), &r);
	if (!rc) {
		strbuf_addf(&where, "into the account %s", email);
		say_moved(cli, "pushed", where.buf, &r);
	}
	store_close(practice);
	strbuf_release(&text);
	strbuf_release(&where);
	free(path);
	return rc;
}

/* The account as the JSON backup, in one snapshot. */
static int read_account(struct cli *cli, const char *url, const char *email, struct strbuf *text,
			int64_t *base)
{
	struct store *s = NULL;
	int rc = open_practice(cli, url, email, &s);

	if (!rc && !(rc = store_begin_read(s, &cli->err))) {
		rc = move_export(s, text, base, &cli->err);
		store_rollback(s);
	}
	store_close(s);
	return rc;
}

/* A copy of the file as it was, beside it, before a pull replaces it:
 * PATH.before-pull, else the first of PATH.before-pull.2, .3... free. */
static int keep_copy(struct cli *cli, struct store *s, const char *path)
{
	struct strbuf file = STRBUF_INIT;
	struct stat st;
	int rc;

	strbuf_addf(&file, "%s.before-pull", path);
	for (int n = 2; !lstat(file.buf, &st) && n < 1000; n++) {
		strbuf_reset(&file);
		strbuf_addf(&file, "%s.before-pull.%d", path, n);
	}
	rc = cli_backup_to(cli, s, file.buf);
	if (!rc)
		cli_printf(cli, "kept a copy of the file as it was: %s\n", file.buf);
	strbuf_release(&file);
	return rc;
}

static int pull_into(struct cli *cli, const char *path, unsigned flags, const struct strbuf *text,
		     int64_t base, bool replace, struct move_result *r)
{
	struct store *s = NULL;
	int rc = store_open(&s, path, flags, &cli->err);

	if (!rc && replace && !store_is_empty(s))
		rc = keep_copy(cli, s, path);
	if (!rc)
		rc = load_all(cli, s, text, base, replace, r);
	store_close(s);
	return rc;
}

static int pull_run(struct cli *cli, const struct args *a)
{
	struct strbuf text = STRBUF_INIT, where = STRBUF_INIT;
	struct move_result r;
	unsigned flags = 0;
	const char *email;
	int64_t base = 0;
	char *path = NULL;
	int rc;

	/* the practice first: an address that fails leaves the file untouched */
	if (!(rc = both_sides(cli, a, "pull", &email, &path, &flags)))
		rc = read_account(cli, a->pos[0], email, &text, &base);
	if (!rc)
		rc = pull_into(cli, path, flags, &text, base, arg_flag(a, MOVE_OPT_REPLACE), &r);
	if (!rc) {
		strbuf_addf(&where, "of the account %s into %s", email, path);
		say_moved(cli, "pulled", where.buf, &r);
	}
	strbuf_release(&text);
	strbuf_release(&where);
	free(path);
	return rc;
}

static const struct opt_spec push_opts[] = {
	{ .id = MOVE_OPT_REPLACE,
	  .name = "replace",
	  .help = "the account has data: delete it and push this in its place (one transaction)" },
	{ 0 },
};

static const struct opt_spec pull_opts[] = {
	{ .id = MOVE_OPT_REPLACE,
	  .name = "replace",
	  .help = "the file has data: keep a copy of it beside it (FILE.before-pull), then "
		  "replace its data with the account's" },
	{ 0 },
};

const struct cmd_spec push_cmds[] = {
	{ "", "URL",
	  "Load the whole local database (--db FILE, else the default) into the account "
	  "--account EMAIL of a practice's PostgreSQL database at URL (postgresql://...), in "
	  "one transaction: all of it or nothing. The account must exist ('rapport admin' makes "
	  "it) and hold nothing yet, unless --replace. The records keep their links, the time "
	  "rules what they did, the mail what was logged; the undo history stays behind. A "
	  "calendar feed gets a new address in the practice. Connected as a role that is not "
	  "walled off from other accounts (a superuser), the push acts as rapport_app.",
	  1, 1, push_opts, push_run, CMD_NO_DB },
	{ 0 },
};

const struct cmd_spec pull_cmds[] = {
	{ "", "URL",
	  "Bring the account --account EMAIL of a practice's PostgreSQL database at URL back "
	  "into a local file (--db FILE, else the default): a new file, or one with no data, "
	  "unless --replace. Push then pull gives the same records, ids included (the "
	  "calendar feed's address aside, made anew).",
	  1, 1, pull_opts, pull_run, CMD_NO_DB },
	{ 0 },
};
