/*
 * cli.h: what the command files share: the parsed arguments, the output, the
 * command tables. Commands never print directly: they fill cli->out (text) or
 * cli->json, and main prints it once the transaction has been committed.
 */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "method/playbook.h"
#include "store/store.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Ids of the options that code shared by several command files reads
 * (show.c, cmd_remove.c), above the ids of every file's own enum. */
enum cli_shared_opt {
	CLI_OPT_ALL = 1000, /* show: every interaction */
	CLI_OPT_FORCE,      /* rm: what goes with the record too */
	CLI_OPT_FORMAT,     /* a list: table, tsv or json (see cli/table.h) */
	CLI_OPT_EDITOR,     /* edit: the record as text in $EDITOR (cli/edit.h) */
	/* serve and demo: how the web UI is served (cli/serve.h) */
	CLI_OPT_LISTEN,
	CLI_OPT_ALLOW_HOST,
	CLI_OPT_VERBOSE,
	CLI_OPT_OPEN,
};

struct args;
struct cli;
struct edit_form;

/* How a list prints its rows (--format). */
enum cli_format {
	CLI_FORMAT_TABLE, /* aligned columns, cut to the terminal's width */
	CLI_FORMAT_TSV,   /* a header, then tab-separated rows, for awk */
	CLI_FORMAT_JSON,  /* the same as --json */
};

/* table, tsv, json: the names of enum cli_format (cli/table.c) */
extern const struct enum_def cli_format_def;

/* The --format option every list command offers: its entry in the table. */
/* What WHEN may be, for rapport help and rapport(1). */
#define CLI_WHEN_FORMS                                                                   \
	"WHEN is YYYY-MM-DD, YYYY-MM-DDTHH:MM (your local time; or with its offset,\n"   \
	"2026-03-02T09:00-05:00), today, tomorrow, +Nd, +Nw or -Nd. Times are kept as\n"  \
	"UTC instants and shown in your zone (config timezone, else the machine's)."

#define CLI_FORMAT_OPT                                                                   \
	{ .id = CLI_OPT_FORMAT, .name = "format", .arg = "FORMAT", .values = &cli_format_def, \
	  .help = "table (the default), tsv (a header, then a tab-separated line a record) " \
		  "or json" }

enum opt_flags {
	OPT_MULTI = 1 << 0,  /* may be given several times */
	OPT_HIDDEN = 1 << 1, /* accepted, not shown in usage or help: an old name kept */
	/* "-" reads the value from standard input (--notes -): a text too long
	 * for the command line, or one a script makes */
	OPT_STDIN = 1 << 2,
};

/*
 * An option of a command. Code asks for its value by id, a constant of the
 * command file's enum (ORG_OPT_WEBSITE), never by name: a misspelt id does
 * not build. Ids start at 1 and are unique within a table (args_parse
 * checks); the table's order is the order of usage and help.
 */
struct opt_spec {
	int id;
	const char *name; /* without the leading "--" */
	const char *arg;  /* the value's placeholder, or NULL for a flag */
	const char *help;
	unsigned flags;
	char letter; /* a one-letter form, "-o", or 0 */
	/* the names the value is one of (stages, kinds...), for the shell
	 * completions that rapport doc writes; NULL: free text */
	const struct enum_def *values;
	/* --editor's only (CLI_EDITOR_OPT, cli/edit.h), as git's OPT_CALLBACK
	 * carries a function: the record as the text the editor shows, read in
	 * the transaction main opens */
	int (*edit_form)(struct cli *cli, const struct args *a, struct edit_form *f);
};

/* The --notes option of a record's add or edit. */
#define CLI_NOTES_OPT(ID)                                                        \
	{ .id = (ID), .name = "notes", .arg = "T", .flags = OPT_STDIN,          \
	  .help = "notes (Markdown; \"-\" reads them from standard input)" }

struct args {
	const struct cmd_spec *cmd;
	const char **pos;
	size_t npos;
	/* values[i] are the values of cmd->opts[i], in order: one per entry
	 * of the table, however long */
	struct opt_values {
		const char **items;
		size_t n, alloc;
	} *values;
	/* global options, accepted anywhere */
	bool json, help;
	const char *db;
	const char *account; /* --account: whose data, on a practice's database */
	enum cli_format format; /* --format, for the commands that offer it */
	char *stdin_text; /* what an OPT_STDIN option's "-" read (args_read_stdin) */
};

struct cli {
	struct store *store;
	bool json;
	enum cli_format format; /* a list's rows: see cli/table.h */
	struct strbuf out; /* text output, printed after commit */
	struct strbuf note; /* a word for a person at a terminal: see cli_note */
	json_t *result;    /* JSON output, printed after commit */
	struct error err;
	struct playbook *playbook; /* loaded on first use: cli_playbook() */
	/* a CMD_TICK command found the time rules current as it began: cli_tick
	 * has nothing to run (and the rules need not be parsed) */
	bool tick_current;
};

enum cmd_flags {
	CMD_WRITE = 1 << 0, /* runs in a write transaction */
	CMD_NO_DB = 1 << 1, /* needs no database (help) */
	/* runs the time rules first (playbooks_tick): in a write transaction
	 * when they have something to do, else in a read one */
	CMD_TICK = 1 << 2,
	/* a CMD_WRITE command that is not kept for undo (undo itself) */
	CMD_NO_UNDO = 1 << 3,
	/* its arguments name files to read, "-" standard input (import vcard -):
	 * args_parse counts it, as only one argument can read standard input */
	CMD_READS_FILES = 1 << 4,
	/* prints no JSON (serve; doc and complete, whose output is another
	 * format): --json is refused before it runs */
	CMD_NO_JSON = 1 << 5,
};

struct cmd_spec {
	const char *name; /* "add", or "" for a group's only command */
	const char *usage; /* arguments, e.g. "NAME" */
	const char *summary;
	size_t min_args, max_args;
	const struct opt_spec *opts; /* ends with a zeroed entry; NULL: none */
	int (*run)(struct cli *cli, const struct args *a);
	unsigned flags;
};

struct cmd_group {
	const char *name;
	const char *summary;
	const struct cmd_spec *cmds; /* ends with a zeroed entry */
};

/* Command tables, one per file of cli/. */
extern const struct cmd_spec org_cmds[];
extern const struct cmd_spec person_cmds[];
extern const struct cmd_spec opp_cmds[];
extern const struct cmd_spec log_cmds[];
extern const struct cmd_spec task_cmds[];
extern const struct cmd_spec agenda_cmds[];
extern const struct cmd_spec search_cmds[];
extern const struct cmd_spec export_cmds[];
extern const struct cmd_spec import_cmds[];
extern const struct cmd_spec mail_cmds[];
/* rapport undo: take back the latest change, print what it was (mail
 * undo calls it too). */
int cli_undo_last(struct cli *cli);
extern const struct cmd_spec inbox_cmds[];
extern const struct cmd_spec playbook_cmds[];
extern const struct cmd_spec config_cmds[];
extern const struct cmd_spec draft_cmds[];
extern const struct cmd_spec template_cmds[];
extern const struct cmd_spec offer_cmds[];
extern const struct cmd_spec want_cmds[];
extern const struct cmd_spec fit_cmds[];
extern const struct cmd_spec question_cmds[];
extern const struct cmd_spec prep_cmds[];
extern const struct cmd_spec debrief_cmds[];
extern const struct cmd_spec feedback_cmds[];
extern const struct cmd_spec improve_cmds[];
extern const struct cmd_spec serve_cmds[];
extern const struct cmd_spec demo_cmds[];
extern const struct cmd_spec undo_cmds[];
extern const struct cmd_spec admin_cmds[];
extern const struct cmd_spec push_cmds[];
extern const struct cmd_spec pull_cmds[];
extern const struct cmd_spec coach_cmds[];
extern const struct cmd_spec doc_cmds[];      /* hidden: see main.c */
extern const struct cmd_spec complete_cmds[]; /* hidden */
extern const struct cmd_group cmd_groups[];

/* Option values by id: the last one given, or NULL. An id that is not in
 * the running command's table is a bug in rapport: it aborts (the test
 * suite hits it), rather than read as "not given". */
const char *arg_opt(const struct args *a, int id);
bool arg_flag(const struct args *a, int id);
/* All values of a repeatable option; *n receives their count. */
const char *const *arg_all(const struct args *a, int id, size_t *n);
/* For code that several commands share (add and edit), when some of them
 * do not offer the option: whether the running command offers it, and its
 * value, NULL when it is not given or not offered. */
bool arg_offered(const struct args *a, int id);
/* The table entry of option id, which the running command must offer. */
const struct opt_spec *arg_spec(const struct args *a, int id);
const char *arg_opt_if_offered(const struct args *a, int id);

/* An option tied to a text field of a record: the field's offset in it. */
struct opt_field {
	int id;
	size_t offset;
};
/* Set each text field whose option is given (field_set: "" clears it); an
 * option the running command does not offer is skipped (add has no --name). */
void arg_set_fields(const struct args *a, void *record, const struct opt_field *fields,
		    size_t n);

/* Helpers that validate and fill cli->err (return 0 or a negative ERR_*).
 * cli_int_opt gives -1 for an empty value ("--rapport ''" clears it). */
int cli_int_opt(struct cli *cli, const struct args *a, int id, long min, long max, long *out,
		bool *given);
int cli_when(struct cli *cli, const char *value, char out[DATE_BUFSZ]);
int cli_enum(struct cli *cli, const struct enum_def *def, const char *value, int *out);
/* The amount option id when given (an empty value clears it: -1). */
int cli_amount_opt(struct cli *cli, const struct args *a, int id, int64_t *out);

/* The organisation ref names (an id or a name; see store_org_resolve) into o. */
int cli_org_get(struct cli *cli, const char *ref, struct org *o);

/* The organisation named name (see store_org_find_or_add): a close name
 * takes the one you have, and says so on stderr. */
int cli_org_ensure(struct cli *cli, const char *name, bool new_org, int64_t *id);

/* --account, else $RAPPORT_ACCOUNT: whose data a command acts on, on a
 * practice's database (store_act_as); NULL: its only account. */
const char *cli_account(const struct args *a);

/* The database: --db, else $RAPPORT_DB, else the default path (whose
 * folders may be created: STORE_CREATE_DIRS is added to *flags). */
char *cli_database_path(const char *flag, unsigned *flags);
/* A copy of the database of s into file (rapport backup's way: a
 * temporary beside it, checked, renamed into place). */
int cli_backup_to(struct cli *cli, struct store *s, const char *file);
/* A file of rapport's data folder ($XDG_DATA_HOME/rapport/NAME, else
 * ~/.local/share/rapport/NAME): the default database, the sample search. */
char *cli_data_file(const char *name);

/* The playbooks (built-in and the user's), loaded once; NULL on error (cli->err set). */
const struct playbook *cli_playbook(struct cli *cli);
/* A CMD_TICK command's time rules (playbooks_tick), unless it began with
 * them current; 0, else an ERR_* code with cli->err filled. */
int cli_tick(struct cli *cli);

/* Output */
void cli_printf(struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_set_json(struct cli *cli, json_t *value);
/* A note for a person, not a result: "nothing matches". It goes to stderr,
 * and only when that is a terminal, so that an empty result leaves
 * standard output empty for a script ("| wc -l" counts 0). */
void cli_note(struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "key: value" with aligned keys; a NULL value prints nothing. */
void cli_field(struct cli *cli, const char *key, const char *value);

/* The undo history's line for a command: its name and its arguments
 * (not its options), cut at 200 bytes on a character's start; newly
 * allocated. For a command that keeps its own undo entry (mail import). */
char *cli_describe_command(const char *group, const struct cmd_spec *cmd, const struct args *a);

/* Usage text of one command, for errors and --help. */
void cli_usage(struct strbuf *sb, const char *group, const struct cmd_spec *cmd, bool full);

#endif
