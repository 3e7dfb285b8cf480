/* args.c: parsing a command's arguments from its table, and the output helpers. */
#include "cli/args.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/playbook_run.h"
#include "util/xalloc.h"

static int find_opt(const struct cmd_spec *cmd, const char *name, size_t len)
{
	for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
		if (strlen(cmd->opts[i].name) == len && !strncmp(cmd->opts[i].name, name, len))
			return i;
	return -1;
}

static int find_letter(const struct cmd_spec *cmd, char letter)
{
	for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
		if (cmd->opts[i].letter == letter)
			return i;
	return -1;
}

/* "-3d" is a date, not an option. */
static bool looks_negative(const char *s)
{
	return s[0] == '-' && s[1] >= '0' && s[1] <= '9';
}

/* --json, --help and --db may stand anywhere. Returns the words used, 0 when
 * argv[i] is not a global option, or -1 on error. */
int global_option(struct args *a, int argc, const char **argv, int i, struct error *err)
{
	const char *arg = argv[i];

	if (!strcmp(arg, "--json")) {
		a->json = true;
		return 1;
	}
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
		a->help = true;
		return 1;
	}
	if (!strncmp(arg, "--db=", 5)) {
		a->db = arg + 5;
		return 1;
	}
	if (!strcmp(arg, "--db")) {
		if (i + 1 >= argc) {
			error_set(err, ERR_INVALID, "option '--db' needs a value (PATH)");
			return -1;
		}
		a->db = argv[i + 1];
		return 2;
	}
	return 0;
}

int args_parse(struct args *a, const struct cmd_spec *cmd, int argc, const char **argv,
	       struct error *err)
{
	bool only_pos = false;

	a->cmd = cmd;
	a->pos = xcalloc((size_t)argc + 1, sizeof(*a->pos));
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *eq;
		const struct opt_spec *o;
		int idx;

		if (only_pos || arg[0] != '-' || !arg[1] || looks_negative(arg)) {
			a->pos[a->npos++] = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_pos = true;
			continue;
		}
		if (!strcmp(arg, "-h")) {
			a->help = true;
			continue;
		}
		if (arg[1] != '-' && !arg[2] && (idx = find_letter(cmd, arg[1])) >= 0) {
			eq = NULL;
			goto found;
		}
		if (arg[1] != '-')
			return error_set(err, ERR_INVALID, "unknown option '%s'", arg);
		eq = strchr(arg + 2, '=');
		idx = find_opt(cmd, arg + 2, eq ? (size_t)(eq - arg - 2) : strlen(arg + 2));
		if (idx < 0) {
			int used = global_option(a, argc, argv, i, err);
			if (used < 0)
				return ERR_INVALID;
			if (used > 0) {
				i += used - 1;
				continue;
			}
		}
		if (idx < 0)
			return error_set(err, ERR_INVALID, "unknown option '%.*s'",
					 eq ? (int)(eq - arg) : (int)strlen(arg), arg);
found:
		o = &cmd->opts[idx];
		if (!o->arg && eq)
			return error_set(err, ERR_INVALID, "option '--%s' takes no value", o->name);
		if (o->arg && !eq && i + 1 >= argc)
			return error_set(err, ERR_INVALID, "option '--%s' needs a value (%s)",
					 o->name, o->arg);
		if ((size_t)idx >= ARRAY_SIZE(a->values))
			return error_set(err, ERR_INVALID, "too many options");
		xgrow((void **)&a->values[idx].items, sizeof(char *), a->values[idx].n + 1,
		      &a->values[idx].alloc);
		a->values[idx].items[a->values[idx].n++] =
			!o->arg ? "" : eq ? eq + 1 : argv[++i];
		if (o->arg && !(o->flags & OPT_MULTI) && a->values[idx].n > 1)
			return error_set(err, ERR_INVALID, "option '--%s' given twice", o->name);
	}
	if (a->npos < cmd->min_args)
		return error_set(err, ERR_INVALID, "missing %s", cmd->usage);
	if (a->npos > cmd->max_args)
		return error_set(err, ERR_INVALID, "unexpected argument '%s'", a->pos[cmd->max_args]);
	return 0;
}

void args_release(struct args *a)
{
	free(a->pos);
	for (size_t i = 0; i < ARRAY_SIZE(a->values); i++)
		free(a->values[i].items);
}

const char *const *arg_all(const struct args *a, const char *name, size_t *n)
{
	int idx = find_opt(a->cmd, name, strlen(name));

	if (idx < 0) {
		*n = 0;
		return NULL;
	}
	*n = a->values[idx].n;
	return (const char *const *)a->values[idx].items;
}

const char *arg_opt(const struct args *a, const char *name)
{
	size_t n;
	const char *const *v = arg_all(a, name, &n);
	return n ? v[n - 1] : NULL;
}

bool arg_flag(const struct args *a, const char *name)
{
	return arg_opt(a, name) != NULL;
}

int cli_int_opt(struct cli *cli, const struct args *a, const char *name, long min, long max,
		long *out, bool *given)
{
	const char *v = arg_opt(a, name);
	char label[64];

	*given = v != NULL;
	if (!v)
		return 0;
	if (!*v) { /* an empty value clears the field */
		*out = -1;
		return 0;
	}
	snprintf(label, sizeof(label), "--%s", name);
	return text_parse_int(label, v, min, max, out, &cli->err);
}

int cli_when(struct cli *cli, const char *value, char out[DATE_BUFSZ])
{
	struct datetime dt;

	if (date_parse_when(value, store_now(cli->store), &dt, &cli->err))
		return ERR_INVALID;
	date_format(&dt, out);
	return 0;
}

int cli_enum(struct cli *cli, const struct enum_def *def, const char *value, int *out)
{
	int v = enum_parse(def, value, &cli->err);

	if (v < 0)
		return v;
	*out = v;
	return 0;
}

const struct playbook *cli_playbook(struct cli *cli)
{
	if (cli->playbook)
		return cli->playbook;
	cli->playbook = xcalloc(1, sizeof(*cli->playbook));
	if (playbooks_load(cli->playbook, NULL, &cli->err)) {
		playbook_release(cli->playbook);
		free(cli->playbook);
		cli->playbook = NULL;
	}
	return cli->playbook;
}

void cli_printf(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&cli->out, fmt, ap);
	va_end(ap);
}

void cli_note(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&cli->note, fmt, ap);
	va_end(ap);
}

void cli_set_json(struct cli *cli, json_t *value)
{
	json_decref(cli->result);
	cli->result = value;
}

void cli_field(struct cli *cli, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	strbuf_addstr(&cli->out, key);
	strbuf_addch(&cli->out, ':');
	for (size_t n = strlen(key); n < 15; n++)
		strbuf_addch(&cli->out, ' ');
	strbuf_addstr(&cli->out, value);
	strbuf_addch(&cli->out, '\n');
}

void cli_usage(struct strbuf *sb, const char *group, const struct cmd_spec *cmd, bool full)
{
	strbuf_addf(sb, "usage: rapport %s%s%s", group, *cmd->name ? " " : "", cmd->name);
	if (cmd->usage && *cmd->usage)
		strbuf_addf(sb, " %s", cmd->usage);
	for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
		const struct opt_spec *o = &cmd->opts[i];
		if (o->flags & OPT_HIDDEN)
			continue;
		strbuf_addf(sb, " [--%s%s%s]%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "",
			    (o->flags & OPT_MULTI) ? "..." : "");
	}
	strbuf_addch(sb, '\n');
	if (!full)
		return;
	strbuf_addf(sb, "\n%s\n", cmd->summary);
	if (cmd->opts && cmd->opts[0].name)
		strbuf_addstr(sb, "\noptions:\n");
	for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
		const struct opt_spec *o = &cmd->opts[i];
		struct strbuf left = STRBUF_INIT;
		if (o->flags & OPT_HIDDEN)
			continue;
		if (o->letter)
			strbuf_addf(&left, "  -%c, ", o->letter);
		else
			strbuf_addstr(&left, "  ");
		strbuf_addf(&left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		strbuf_addpad(sb, left.buf, 26);
		strbuf_addf(sb, " %s\n", o->help);
		strbuf_release(&left);
	}
	strbuf_addstr(sb, "\nglobal options: --db PATH (the database file), --json (print JSON)\n");
}
