/*
 * cmd_admin.c: rapport admin: a coaching practice's accounts, on its
 * PostgreSQL database (issue 20): coaches, invitations, password resets,
 * the list, disabling. One person's SQLite file has no accounts: these
 * commands refuse it before opening it (so none is created).
 *
 * A link (an invitation, a reset) is printed once and kept only as its
 * token's SHA-256: whoever reads the database cannot use it.
 */
#include "cli/cli.h"
#include "cli/table.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_model.h"
#include "method/practice.h"

/* The options of admin's commands: code asks for each by its constant. */
enum admin_opt {
	ADMIN_OPT_ROLE = 1,
	ADMIN_OPT_EXPIRES,
	ADMIN_OPT_URL,
};

/* The server's address the links start with, unless --url says. */
#define ADMIN_URL_DEFAULT "http://127.0.0.1:8080"

/* The practice's database, in a write transaction; ERR_INVALID (nothing
 * opened) when it is not one that keeps accounts. */
static int admin_open(struct cli *cli, const struct args *a)
{
	unsigned flags = 0;
	char *path = cli_database_path(a->db, &flags);
	int rc;

	if (!store_address_has_accounts(path))
		rc = account_require_message(&cli->err);
	else if (!(rc = store_open(&cli->store, path, flags, &cli->err)))
		rc = store_begin_write(cli->store, &cli->err);
	free(path);
	return rc;
}

static int admin_commit(struct cli *cli, int rc)
{
	if (!rc)
		return store_commit(cli->store, &cli->err);
	if (cli->store)
		store_rollback(cli->store);
	return rc;
}

/* The link that a token makes: URL/welcome?t=TOKEN, printed with what it does. */
static void print_link(struct cli *cli, const struct args *a, const char *email,
		       const char *role, const char *what, long long seconds,
		       const practice_token token)
{
	const char *url = arg_opt(a, ADMIN_OPT_URL);
	size_t len = strlen(url ? url : ADMIN_URL_DEFAULT);
	char expires[DATE_BUFSZ], local[DATE_BUFSZ];
	char *link;

	if (!url)
		url = ADMIN_URL_DEFAULT;
	while (len && url[len - 1] == '/')
		len--;
	link = xmalloc(len + sizeof("/welcome?t=") + PRACTICE_TOKEN_HEX);
	snprintf(link, len + sizeof("/welcome?t=") + PRACTICE_TOKEN_HEX, "%.*s/welcome?t=%s",
		 (int)len, url, token);
	account_instant_after(cli->store, seconds, expires);
	date_from_instant(expires, true, local);
	cli_printf(cli, "%s for %s (%s), until %s, to be used once:\n%s\n", what, email, role,
		   local, link);
	cli_set_json(cli, json_pack("{s:s, s:s, s:s, s:o}", "email", email, "role", role, "link",
				    link, "expires", json_time(local)));
	free(link);
}

/* The e-mail address as the practice keeps it: lower case (ASCII). */
static char *email_arg(const char *text)
{
	char *email = xstrdup(text);

	for (char *p = email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return email;
}

static int link_seconds(struct cli *cli, const struct args *a, long long *seconds)
{
	const char *text = arg_opt(a, ADMIN_OPT_EXPIRES);

	*seconds = PRACTICE_LINK_DEFAULT;
	return text ? practice_parse_duration(text, seconds, &cli->err) : 0;
}

static int invite_run(struct cli *cli, const struct args *a)
{
	const char *role = arg_opt(a, ADMIN_OPT_ROLE);
	practice_token token;
	char *email;
	long long seconds;
	int rc;

	if (!role)
		role = "client";
	if ((rc = link_seconds(cli, a, &seconds)) || (rc = admin_open(cli, a)))
		return rc;
	email = email_arg(a->pos[0]);
	rc = practice_invite(cli->store, email, role, seconds, token, &cli->err);
	if (!rc)
		print_link(cli, a, email, role, "an invitation", seconds, token);
	free(email);
	return admin_commit(cli, rc);
}

static int coach_run(struct cli *cli, const struct args *a)
{
	practice_token token;
	char *email;
	long long seconds;
	int rc;

	if (strcmp(a->pos[0], "add"))
		return error_set(&cli->err, ERR_INVALID, "'admin coach %s': the command is 'admin "
							 "coach add EMAIL'", a->pos[0]);
	if ((rc = link_seconds(cli, a, &seconds)) || (rc = admin_open(cli, a)))
		return rc;
	email = email_arg(a->pos[1]);
	rc = practice_coach_add(cli->store, email, seconds, token, &cli->err);
	if (!rc)
		print_link(cli, a, email, "coach", "a coach's account, its password set by the link",
			   seconds, token);
	free(email);
	return admin_commit(cli, rc);
}

static int reset_run(struct cli *cli, const struct args *a)
{
	practice_token token;
	long long seconds;
	struct account acc;
	int rc;

	if ((rc = link_seconds(cli, a, &seconds)) || (rc = admin_open(cli, a)))
		return rc;
	rc = practice_reset_link(cli->store, a->pos[0], seconds, token, &cli->err);
	if (!rc && !(rc = store_account_get(cli->store, a->pos[0], &acc, &cli->err)))
		print_link(cli, a, acc.email, acc.role, "a new password", seconds, token);
	if (!rc)
		account_release(&acc);
	return admin_commit(cli, rc);
}

static int disable_run(struct cli *cli, const struct args *a)
{
	int rc = admin_open(cli, a);

	if (!rc && !(rc = practice_disable(cli->store, a->pos[0], &cli->err))) {
		cli_printf(cli, "disabled %s: it cannot sign in, and its sessions have ended\n",
			   a->pos[0]);
		cli_set_json(cli, json_pack("{s:s}", "disabled", a->pos[0]));
	}
	return admin_commit(cli, rc);
}

static const struct table_col account_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "email", 0, NULL, COL_FREE },
	{ "role", 6, NULL, 0 },
	{ "state", 8, NULL, 0 },
	{ "created", 1, NULL, 0 },
};

static const char *account_state(const struct account *acc)
{
	return acc->disabled_at ? "disabled" : acc->has_password ? "active" : "invited";
}

static json_t *account_to_json(const struct account *acc)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)acc->id, "email",
			 acc->email, "role", acc->role, "state", account_state(acc), "created",
			 json_time(acc->created_at), "disabled", json_time(acc->disabled_at));
}

static int list_run(struct cli *cli, const struct args *a)
{
	account_vec v = { 0 };
	json_t *arr = json_array();
	struct table t;
	int rc = admin_open(cli, a);

	if (!rc)
		rc = store_account_list(cli->store, &v, &cli->err);
	table_init(&t, account_cols, ARRAY_SIZE(account_cols));
	for (size_t i = 0; !rc && i < v.n; i++) {
		json_array_append_new(arr, account_to_json(&v.items[i]));
		table_add_id(&t, v.items[i].id);
		table_add(&t, v.items[i].email);
		table_add(&t, v.items[i].role);
		table_add(&t, account_state(&v.items[i]));
		table_add(&t, v.items[i].created_at);
	}
	if (!rc) {
		table_print(cli, &t);
		if (!v.n)
			cli_note(cli, "no accounts yet: add a coach with 'rapport admin coach add'\n");
		cli_set_json(cli, arr);
	} else {
		table_release(&t);
		json_decref(arr);
	}
	account_vec_release(&v);
	return admin_commit(cli, rc);
}

#define EXPIRES_OPT                                                              \
	{ .id = ADMIN_OPT_EXPIRES, .name = "expires", .arg = "TIME",              \
	  .help = "how long the link works: 7d (the default), 12h, 30m" }
#define URL_OPT                                                                  \
	{ .id = ADMIN_OPT_URL, .name = "url", .arg = "URL",                        \
	  .help = "the practice's server, as its users reach it (default "       \
		  ADMIN_URL_DEFAULT ")" }

static const struct opt_spec invite_opts[] = {
	{ .id = ADMIN_OPT_ROLE, .name = "role", .arg = "ROLE",
	  .help = "the account's role: client (the default), coach or admin" },
	EXPIRES_OPT,
	URL_OPT,
	{ 0 },
};
static const struct opt_spec link_opts[] = { EXPIRES_OPT, URL_OPT, { 0 } };
static const struct opt_spec list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec admin_cmds[] = {
	{ "coach", "add EMAIL", "Add a coach's account to the practice and print a one-time link "
	  "that sets its password.", 2, 2, link_opts, coach_run, CMD_NO_DB },
	{ "invite", "EMAIL", "Print a one-time link that lets EMAIL make an account (a client's "
	  "unless --role says) and choose a password. It expires (--expires), and works once.",
	  1, 1, invite_opts, invite_run, CMD_NO_DB },
	{ "reset-password", "EMAIL", "Print a one-time link that sets a new password for EMAIL's "
	  "account; using it ends the account's sessions.", 1, 1, link_opts, reset_run, CMD_NO_DB },
	{ "list", "", "List the practice's accounts: e-mail address, role, and whether each is "
	  "active, invited (no password yet) or disabled.", 0, 0, list_opts, list_run, CMD_NO_DB },
	{ "disable", "EMAIL", "Disable an account: it can no longer sign in, and its sessions "
	  "end at once.", 1, 1, NULL, disable_run, CMD_NO_DB },
	{ 0 },
};
