/* args.c: parsing a command's arguments from its table, and the output helpers. */
#include "cli/args.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/table.h"
#include "core/text.h"
#include "method/playbook_run.h"
#include "util/file_read.h"
#include "util/xalloc.h"

/* A bug in rapport's own tables or code, never the user's mistake: say
 * what and stop, so that the test suite fails on it. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)

static _Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static _Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "rapport: BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

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

/* --NAME VALUE or --NAME=VALUE at argv[i], into *value: the words used, 0
 * when it is not that option, -1 when its value is missing. */
static int valued_option(const char *name, const char *what, int argc, const char **argv,
			 int i, const char **value, struct error *err)
{
	size_t n = strlen(name);

	if (!strncmp(argv[i], name, n) && argv[i][n] == '=') {
		*value = argv[i] + n + 1;
		return 1;
	}
	if (strcmp(argv[i], name))
		return 0;
	if (i + 1 >= argc) {
		error_set(err, ERR_INVALID, "option '%s' needs a value (%s)", name, what);
		return -1;
	}
	*value = argv[i + 1];
	return 2;
}

/* --json, --help, --db and --account may stand anywhere. Returns the words
 * used, 0 when argv[i] is not a global option, or -1 on error. */
int global_option(struct args *a, int argc, const char **argv, int i, struct error *err)
{
	const char *arg = argv[i];
	int used;

	if (!strcmp(arg, "--json")) {
		a->json = true;
		return 1;
	}
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
		a->help = true;
		return 1;
	}
	if ((used = valued_option("--db", "PATH", argc, argv, i, &a->db, err)))
		return used;
	return valued_option("--account", "EMAIL", argc, argv, i, &a->account, err);
}

/* A table that breaks the rules of struct opt_spec is a bug in rapport. */
static void opts_check(const struct cmd_spec *cmd)
{
	for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
		if (cmd->opts[i].id <= 0)
			BUG("option '--%s' of '%s' has no id", cmd->opts[i].name, cmd->name);
		for (int j = 0; j < i; j++)
			if (cmd->opts[j].id == cmd->opts[i].id)
				BUG("options '--%s' and '--%s' of '%s' share id %d",
				    cmd->opts[j].name, cmd->opts[i].name, cmd->name,
				    cmd->opts[i].id);
	}
}

static size_t opts_count(const struct cmd_spec *cmd)
{
	size_t n = 0;

	while (cmd->opts && cmd->opts[n].name)
		n++;
	return n;
}

/* --format, for a list: "json" is --json; another format with --json
 * is a contradiction, not a choice. */
static int parse_format(struct args *a, struct error *err)
{
	const char *v = arg_offered(a, CLI_OPT_FORMAT) ? arg_opt(a, CLI_OPT_FORMAT) : NULL;

	if (!v)
		return 0;
	if (table_parse_format(v, &a->format, err))
		return ERR_INVALID;
	if (a->json && a->format != CLI_FORMAT_JSON)
		return error_set(err, ERR_INVALID, "--json and --format %s do not go together", v);
	a->json = a->format == CLI_FORMAT_JSON;
	return 0;
}

static void add_value(struct opt_values *vals, const char *value)
{
	xgrow((void **)&vals->items, sizeof(char *), vals->n + 1, &vals->alloc);
	vals->items[vals->n++] = value;
}

static bool is_stdin(const char *value)
{
	return !strcmp(value, FILE_STDIN);
}

/* The values and arguments that would read standard input: each "-" of an
 * OPT_STDIN option, and of a file argument. */
static size_t stdin_readers(const struct args *a)
{
	size_t n = 0;

	for (size_t i = 0; a->cmd->opts && a->cmd->opts[i].name; i++)
		for (size_t k = 0; k < a->values[i].n; k++)
			n += (a->cmd->opts[i].flags & OPT_STDIN) && is_stdin(a->values[i].items[k]);
	for (size_t i = 0; i < a->npos && (a->cmd->flags & CMD_READS_FILES); i++)
		n += is_stdin(a->pos[i]);
	return n;
}

int args_parse(struct args *a, const struct cmd_spec *cmd, int argc, const char **argv,
	       struct error *err)
{
	bool only_pos = false;

	opts_check(cmd);
	a->cmd = cmd;
	a->pos = xcalloc((size_t)argc + 1, sizeof(*a->pos));
	a->values = xcalloc(opts_count(cmd) + 1, sizeof(*a->values));
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *eq;
		const struct opt_spec *o;
		struct opt_values *vals;
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
		vals = &a->values[idx];
		add_value(vals, !o->arg ? "" : eq ? eq + 1 : argv[++i]);
		if (o->arg && !(o->flags & OPT_MULTI) && vals->n > 1)
			return error_set(err, ERR_INVALID, "option '--%s' given twice", o->name);
	}
	if (a->npos < cmd->min_args)
		return error_set(err, ERR_INVALID, "missing %s", cmd->usage);
	if (stdin_readers(a) > 1)
		return error_set(err, ERR_INVALID,
				 "only one argument can read standard input ('-')");
	if (a->npos > cmd->max_args)
		return error_set(err, ERR_INVALID, "unexpected argument '%s'", a->pos[cmd->max_args]);
	return parse_format(a, err);
}

void args_release(struct args *a)
{
	size_t n = a->values ? opts_count(a->cmd) : 0;

	free(a->pos);
	for (size_t i = 0; i < n; i++)
		free(a->values[i].items);
	free(a->values);
	free(a->stdin_text);
}

/* Standard input as a value of option o: a note's worth, checked as one. */
static int read_stdin_value(const struct opt_spec *o, char **out, struct error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = file_read_stdin(TEXT_NOTE_MAX, &sb, err);

	while (!rc && sb.len && (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == '\r'))
		sb.buf[--sb.len] = '\0'; /* strbuf's invariant: buf[len] is a NUL */
	if (!rc)
		rc = text_check(o->name, sb.buf, 0, err);
	if (rc)
		strbuf_release(&sb);
	else
		*out = strbuf_detach(&sb);
	return rc;
}

int args_read_stdin(struct args *a, struct error *err)
{
	for (size_t i = 0; a->cmd->opts && a->cmd->opts[i].name; i++) {
		struct opt_values *v = &a->values[i];
		if (!(a->cmd->opts[i].flags & OPT_STDIN))
			continue;
		for (size_t k = 0; k < v->n; k++) {
			if (!is_stdin(v->items[k]))
				continue;
			/* args_parse lets one "-" through at most */
			int rc = read_stdin_value(&a->cmd->opts[i], &a->stdin_text, err);
			if (rc)
				return rc;
			v->items[k] = a->stdin_text;
		}
	}
	return 0;
}

/* The table entry of option id in the running command, or -1. */
static int opt_index(const struct args *a, int id)
{
	for (int i = 0; a->cmd->opts && a->cmd->opts[i].name; i++)
		if (a->cmd->opts[i].id == id)
			return i;
	return -1;
}

/* The entry of option id, which the running command must offer. */
static int offered_index(const struct args *a, int id)
{
	int idx = opt_index(a, id);

	if (idx < 0)
		BUG("'%s' reads option %d, which is not in its table", a->cmd->name, id);
	return idx;
}

const char *const *arg_all(const struct args *a, int id, size_t *n)
{
	int idx = offered_index(a, id);

	*n = a->values[idx].n;
	return (const char *const *)a->values[idx].items;
}

const char *arg_opt(const struct args *a, int id)
{
	size_t n;
	const char *const *v = arg_all(a, id, &n);
	return n ? v[n - 1] : NULL;
}

bool arg_flag(const struct args *a, int id)
{
	return arg_opt(a, id) != NULL;
}

const struct opt_spec *arg_spec(const struct args *a, int id)
{
	return &a->cmd->opts[offered_index(a, id)];
}

void arg_push(struct args *a, int id, const char *value)
{
	add_value(&a->values[offered_index(a, id)], value);
}

size_t args_given(const struct args *a)
{
	size_t n = 0;

	for (size_t i = 0; a->cmd->opts && a->cmd->opts[i].name; i++)
		n += a->values[i].n > 0;
	return n;
}

bool arg_offered(const struct args *a, int id)
{
	return opt_index(a, id) >= 0;
}

const char *arg_opt_if_offered(const struct args *a, int id)
{
	return arg_offered(a, id) ? arg_opt(a, id) : NULL;
}

void arg_set_fields(const struct args *a, void *record, const struct opt_field *fields,
		    size_t n)
{
	const char *v;

	for (size_t i = 0; i < n; i++)
		if ((v = arg_opt_if_offered(a, fields[i].id)))
			field_set((char **)((char *)record + fields[i].offset), v);
}

/* The value of a number option and its label ("--days") for errors; NULL
 * when it is not given. An empty value clears the field. */
static const char *number_opt(const struct args *a, int id, char *label, size_t size)
{
	int idx = offered_index(a, id);

	snprintf(label, size, "--%s", a->cmd->opts[idx].name);
	return arg_opt(a, id);
}

int cli_int_opt(struct cli *cli, const struct args *a, int id, long min, long max, long *out,
		bool *given)
{
	char label[64];
	const char *v = number_opt(a, id, label, sizeof(label));

	*given = v != NULL;
	if (!v)
		return 0;
	if (!*v) { /* an empty value clears the field */
		*out = -1;
		return 0;
	}
	return text_parse_int(label, v, min, max, out, &cli->err);
}

int cli_amount_opt(struct cli *cli, const struct args *a, int id, int64_t *out)
{
	char label[64];
	const char *v = number_opt(a, id, label, sizeof(label));

	if (!v)
		return 0;
	if (!*v) {
		*out = -1;
		return 0;
	}
	return text_parse_amount(label, v, out, &cli->err);
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

int cli_tick(struct cli *cli)
{
	const struct playbook *pb;

	if (cli->tick_current)
		return 0;
	if (!(pb = cli_playbook(cli)) || playbooks_tick(cli->store, pb, &cli->err))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	return 0;
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
	if (cmd->flags & CMD_READS_FILES)
		strbuf_addstr(sb, "FILE \"-\" reads standard input.\n");
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
	strbuf_addstr(sb, "\nglobal options: --db PATH (the database file)");
	strbuf_addstr(sb, cmd->flags & CMD_NO_JSON ? "\n" : ", --json (print JSON)\n");
}
