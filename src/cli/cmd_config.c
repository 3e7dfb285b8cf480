/* cmd_config.c: rapport config [KEY [VALUE]] [--unset]: your name, e-mail address and signature. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "io/json_model.h"
#include "method/levels.h"
#include "store/setting.h"
#include "util/password.h"
#include "web/auth.h"

/* The options of config's commands: code asks for each by its constant. */
enum config_opt {
	CONFIG_OPT_UNSET = 1,
};

#define WEB_PASSWORD "web.password"

/* One line of standard input, without its line break; echo off at a
 * terminal. NULL at the end of input. */
static char *read_secret(const char *prompt, bool tty)
{
	struct termios old, quiet;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	n = getline(&line, &cap, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (n < 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

/* The web server's password: asked twice at a terminal, else the first line
 * of standard input; never on the command line, where other users of the
 * machine would see it (ps). Kept as an argon2id hash outside the database,
 * so no backup or export carries it. */
static int web_password_set(struct cli *cli, const struct args *a)
{
	bool tty = isatty(STDIN_FILENO);
	char *pw, *again = NULL;
	int rc = 0;

	if (arg_flag(a, CONFIG_OPT_UNSET)) {
		if (auth_password_set(NULL, &cli->err))
			return cli->err.code;
		cli_printf(cli, "unset " WEB_PASSWORD "\n");
		return 0;
	}
	if (a->npos > 1)
		return error_set(&cli->err, ERR_INVALID, "give the password on standard input, not "
							  "on the command line (others can see it)");
	if (!(pw = read_secret("New password for the web UI: ", tty)))
		return error_set(&cli->err, ERR_INVALID, "no password on standard input");
	if (strlen(pw) < 8)
		rc = error_set(&cli->err, ERR_INVALID, "a password needs 8 characters or more");
	else if (tty && (!(again = read_secret("The same again: ", tty)) || strcmp(pw, again)))
		rc = error_set(&cli->err, ERR_INVALID, "the two passwords differ; nothing changed");
	else
		rc = auth_password_set(pw, &cli->err);
	if (!rc)
		cli_printf(cli, "set " WEB_PASSWORD "\n");
	free(pw);
	free(again);
	return rc;
}

/* "key: value", a multi-line value's later lines under the first. */
static void show_setting(struct cli *cli, const char *key, const char *value)
{
	const char *p = value;

	strbuf_addf(&cli->out, "%s:", key);
	strbuf_addpad(&cli->out, "", strlen(key) < 11 ? 11 - strlen(key) : 1);
	if (!value) {
		strbuf_addstr(&cli->out, "(not set)\n");
		return;
	}
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (p != value)
			strbuf_addpad(&cli->out, "", 12);
		strbuf_add(&cli->out, p, n);
		strbuf_addch(&cli->out, '\n');
		p += n + (p[n] == '\n');
	}
}

static int config_list(struct cli *cli)
{
	json_t *obj = json_object();
	char *value;

	for (const struct setting_def *d = setting_defs; d->key; d++) {
		if (store_setting_get(cli->store, d->key, &value, &cli->err)) {
			json_decref(obj);
			return cli->err.code;
		}
		json_object_set_new(obj, d->key, json_text(value));
		show_setting(cli, d->key, value);
		free(value);
	}
	if (auth_password_get(&value, &cli->err)) {
		json_decref(obj);
		return cli->err.code;
	}
	json_object_set_new(obj, WEB_PASSWORD, json_boolean(value != NULL));
	show_setting(cli, WEB_PASSWORD, value ? "(set)" : NULL);
	free(value);
	cli_set_json(cli, obj);
	return 0;
}

/* The ladder in use: the user's, else the default (which the setting does not hold). */
static int levels_get(struct cli *cli)
{
	struct level_ladder l;
	char *text;

	if (levels_load(cli->store, &l, &cli->err)) {
		level_ladder_release(&l);
		return cli->err.code;
	}
	text = level_ladder_text(&l);
	cli_set_json(cli, json_pack("{s:s}", "levels", text));
	cli_printf(cli, "%s\n", text);
	free(text);
	level_ladder_release(&l);
	return 0;
}

static int config_get(struct cli *cli, const char *key)
{
	char *value;

	if (!strcmp(key, "levels"))
		return levels_get(cli);
	if (store_setting_get(cli->store, key, &value, &cli->err))
		return cli->err.code;
	cli_set_json(cli, json_pack("{s:o}", key, json_text(value)));
	if (value)
		cli_printf(cli, "%s\n", value);
	free(value);
	return 0;
}

/* A ladder is stored as it reads back: "a < b | c", spaces squeezed. */
static int levels_normalize(struct cli *cli, const char *value, char **out)
{
	struct level_ladder l;
	int rc = level_ladder_parse(value, &l, &cli->err);

	if (!rc)
		*out = level_ladder_text(&l);
	level_ladder_release(&l);
	return rc;
}

static int config_set(struct cli *cli, const char *key, const char *value)
{
	char *ladder = NULL;

	if (!value || !*value)
		return error_set(&cli->err, ERR_INVALID,
				 "%s must not be empty (use 'rapport config --unset %s' to remove it)",
				 key, key);
	if (setting_check(key, value, &cli->err) ||
	    (!strcmp(key, "levels") && levels_normalize(cli, value, &ladder)))
		return cli->err.code;
	if (ladder)
		value = ladder;
	if (store_setting_set(cli->store, key, value, &cli->err)) {
		free(ladder);
		return cli->err.code;
	}
	cli_set_json(cli, json_pack("{s:s}", key, value));
	cli_printf(cli, "set %s\n", key);
	free(ladder);
	return 0;
}

static int config_unset(struct cli *cli, const char *key)
{
	if (store_setting_set(cli->store, key, NULL, &cli->err))
		return cli->err.code;
	cli_set_json(cli, json_pack("{s:n}", key));
	cli_printf(cli, "unset %s\n", key);
	return 0;
}

static int config_run(struct cli *cli, const struct args *a)
{
	const char *key = a->npos > 0 ? a->pos[0] : NULL;
	bool unset = arg_flag(a, CONFIG_OPT_UNSET);

	if (key && !strcmp(key, WEB_PASSWORD))
		return web_password_set(cli, a);
	if (!key)
		return unset ? error_set(&cli->err, ERR_INVALID, "--unset needs a KEY")
			     : config_list(cli);
	if (!setting_find(key))
		return setting_check(key, NULL, &cli->err);
	if (unset)
		return a->npos > 1 ? error_set(&cli->err, ERR_INVALID,
					       "--unset takes a KEY and no VALUE")
				   : config_unset(cli, key);
	return a->npos > 1 ? config_set(cli, key, a->pos[1]) : config_get(cli, key);
}

static const struct opt_spec config_opts[] = {
	{ .id = CONFIG_OPT_UNSET, .name = "unset", .help = "remove KEY's value" },
	{ 0 },
};

const struct cmd_spec config_cmds[] = {
	{ "", "[KEY [VALUE]]",
	  "Show or set your settings: name (your name), email (your address, the From: of"
	  " e-mails),\nsignature (the end of your letters; several lines allowed) and levels"
	  " (your ladder of\njob levels, lowest first, synonyms with '|': 'junior < senior | sr"
	  " < lead | staff'; it\nspots a role offered below the level you applied for). With no"
	  " KEY, list them.\nweb.password is the web UI's password, needed to serve beyond this"
	  " machine: read\nfrom standard input (asked twice at a terminal), kept as an argon2id"
	  " hash in\n~/.config/rapport/web-password, never in the database.",
	  0, 2, config_opts, config_run, CMD_WRITE },
	{ 0 },
};
