/* cmd_config.c: rapport config [KEY [VALUE]] [--unset]: your name, e-mail address and signature. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "io/json_model.h"
#include "method/levels.h"
#include "store/setting.h"

/* "key: value", a multi-line value's later lines under the first. */
static void show_setting(struct cli *cli, const char *key, const char *value)
{
	const char *p = value;

	strbuf_addf(&cli->out, "%s:", key);
	strbuf_addpad(&cli->out, "", 11 - strlen(key));
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
	bool unset = arg_flag(a, "unset");

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
	{ .name = "unset", .help = "remove KEY's value" },
	{ 0 },
};

const struct cmd_spec config_cmds[] = {
	{ "", "[KEY [VALUE]]",
	  "Show or set your settings: name (your name), email (your address, the From: of"
	  " e-mails),\nsignature (the end of your letters; several lines allowed) and levels"
	  " (your ladder of\njob levels, lowest first, synonyms with '|': 'junior < senior | sr"
	  " < lead | staff'; it\nspots a role offered below the level you applied for). With no"
	  " KEY, list them.",
	  0, 2, config_opts, config_run, CMD_WRITE },
	{ 0 },
};
