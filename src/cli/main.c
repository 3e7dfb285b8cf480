/*
 * main.c: rapport's entry point: global options, the database path, the
 * command tables, one transaction per command, exit codes.
 *
 * Exit codes: 0 success, 1 an error (bad input, a missing record, the
 * database), 2 a usage error (an unknown command or option, a missing
 * argument).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/edit.h"
#include "cli/help_method.h"
#include "core/text.h"
#include "method/playbook_run.h"
#include "store/account.h"
#include "store/setting.h"
#include "store/store.h"
#include "store/undo.h"
#include "util/alloc_fail.h"
#include "util/xalloc.h"

extern const struct cmd_spec backup_cmds[], restore_cmds[]; /* cmd_backup.c */

const struct cmd_group cmd_groups[] = {
	{ "agenda", "what to do today: overdue, today's and upcoming follow-ups", agenda_cmds },
	{ "org", "organisations: add, list, show, edit, rm, merge", org_cmds },
	{ "person", "people: add, list, show, edit, rm, merge", person_cmds },
	{ "opp", "opportunities: add, list, show, edit, move, link, rm", opp_cmds },
	{ "log", "log an interaction: an interview, a call, an e-mail...; rm", log_cmds },
	{ "task", "follow-ups: add, list, done, skip, snooze, reopen, rm", task_cmds },
	{ "want", "what you want from your next job: add, list, edit, rm, mark", want_cmds },
	{ "fit", "how an opportunity fits your wants, with the evidence", fit_cmds },
	{ "question", "the question bank: add, list, edit, rm", question_cmds },
	{ "prep", "a prep sheet for your next interview (Markdown, or --html)", prep_cmds },
	{ "debrief", "after an interview: questions asked, answers, what to refine; list, show, rm",
	  debrief_cmds },
	{ "feedback", "feedback people gave you: add, list, rm", feedback_cmds },
	{ "improve", "improvement actions that follow feedback: add, list, rm", improve_cmds },
	{ "offer", "offers: add, edit, ask, reply, show, compare, rm", offer_cmds },
	{ "draft", "draft a task's letter: as text, an e-mail file or a mailto: link", draft_cmds },
	{ "template", "letter templates: list, show, check", template_cmds },
	{ "config", "your name, e-mail address and signature, for letters; your levels",
	  config_cmds },
	{ "search", "search everything", search_cmds },
	{ "playbook", "the rules that turn events into follow-ups: list, show, check",
	  playbook_cmds },
	{ "serve", "the web UI: serve it on this machine and print its address", serve_cmds },
	{ "demo", "a sample search to try rapport on, in a database of its own", demo_cmds },
	{ "export", "a JSON backup, or vCards, a CSV table, a calendar", export_cmds },
	{ "import", "bring in a JSON backup, LinkedIn connections, vCards, a spreadsheet", import_cmds },
	{ "mail", "log the e-mails of your search from a Maildir, an mbox or .eml files: "
	  "import; the rules that read them: rules",
	  mail_cmds },
	{ "inbox", "what your mail proposes (a rejection, an interview...): accept, dismiss",
	  inbox_cmds },
	{ "backup", "copy the whole database to a file, safe while the server writes", backup_cmds },
	{ "restore", "replace the whole database with a copy made by 'backup'", restore_cmds },
	{ "undo", "take back the last command that wrote (again: the one before); --list",
	  undo_cmds },
	{ "admin", "a coaching practice's accounts, on PostgreSQL: coach add, invite, "
	  "reset-password, list, disable", admin_cmds },
	{ "push", "your local database into your account of a practice, on PostgreSQL",
	  push_cmds },
	{ "pull", "your account of a practice back into a local file", pull_cmds },
	{ "coach", "a practice's coach's view, on PostgreSQL: grant, revoke, list, dashboard, "
	  "suggestions, accept, dismiss", coach_cmds },
	{ NULL, NULL, NULL },
};

/* Commands that 'rapport help' does not list, nor suggests for a typo:
 * they serve the build (doc writes the manual pages and the completion
 * scripts from the tables above) and the shell completions (complete). */
static const struct cmd_group hidden_groups[] = {
	{ "doc", "the manual pages and the shell completions, written from the command tables",
	  doc_cmds },
	{ "complete", "the names of existing records, for the shell completions", complete_cmds },
	{ NULL, NULL, NULL },
};

static void cli_help_all(struct strbuf *sb)
{
	strbuf_addstr(sb, "rapport: a job-search relationship manager\n\n"
			  "usage: rapport [--db PATH] [--json] COMMAND [ARGS]\n\ncommands:\n");
	for (const struct cmd_group *g = cmd_groups; g->name; g++) {
		strbuf_addstr(sb, "  ");
		strbuf_addpad(sb, g->name, 10);
		strbuf_addf(sb, "%s\n", g->summary);
	}
	strbuf_addstr(sb, "  help      'rapport help COMMAND' explains a command and every flag;\n"
			  "            'rapport help method' explains how rapport works\n"
			  "\nThe database is --db PATH, else $RAPPORT_DB, else\n"
			  "$XDG_DATA_HOME/rapport/rapport.db (~/.local/share/rapport/rapport.db).\n"
			  "RAPPORT_NOW=YYYY-MM-DDTHH:MM fixes the date and time rapport takes as now.\n"
			  CLI_WHEN_FORMS "\n");
}

/* Write text with what a terminal would act on made visible. The checks
 * keep control characters out of the database, but one written by an older
 * rapport (or by another program) may hold an escape that would retitle,
 * clear or rewrite the user's terminal; every line printed passes here. */
static void write_printable(FILE *f, const char *text, size_t len, bool keep_breaks)
{
	struct strbuf sb = STRBUF_INIT;

	if (text_printable(text, len, keep_breaks)) {
		fwrite(text, 1, len, f);
		return;
	}
	text_add_printable(&sb, text, len, keep_breaks);
	fwrite(sb.buf, 1, sb.len, f);
	strbuf_release(&sb);
}

/* --json anywhere on the line: errors are JSON too, from the first one. */
static bool json_errors;

/* An error as a script reads it under --json: one object on one line of
 * stderr, {"error": message, "code": "invalid", "exit": 1}, with the field,
 * file and line when the error names them. */
static void print_json_error(const char *msg, const char *code, int exit_code,
			     const struct error *e)
{
	json_t *j = json_pack("{s:s, s:s, s:i}", "error", msg, "code", code, "exit", exit_code);
	char *text;

	if (e && e->field[0])
		json_object_set_new(j, "field", json_string(e->field));
	if (e && e->file[0])
		json_object_set_new(j, "file", json_string(e->file));
	if (e && e->line)
		json_object_set_new(j, "line", json_integer(e->line));
	text = json_dumps(j, JSON_COMPACT);
	if (text) {
		write_printable(stderr, text, strlen(text), false);
		fputc('\n', stderr);
	}
	free(text);
	json_decref(j);
}

static int die_usage(const char *group, const struct cmd_spec *cmd, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;

	if (json_errors) {
		print_json_error(msg, "usage", 2, NULL);
		return 2;
	}
	fprintf(stderr, "rapport: %s\n", msg);
	if (cmd) {
		cli_usage(&sb, group, cmd, false);
		fputs(sb.buf, stderr);
	} else {
		fputs("usage: rapport [--db PATH] [--json] COMMAND [ARGS]; see 'rapport help'\n",
		      stderr);
	}
	strbuf_release(&sb);
	return 2;
}

static const struct cmd_group *find_group(const char *name)
{
	for (const struct cmd_group *g = cmd_groups; g->name; g++)
		if (!strcmp(g->name, name))
			return g;
	for (const struct cmd_group *g = hidden_groups; g->name; g++)
		if (!strcmp(g->name, name))
			return g;
	return NULL;
}

static const struct cmd_spec *find_cmd(const struct cmd_group *g, const char *name)
{
	for (const struct cmd_spec *c = g->cmds; c->run; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* "no command 'persn'; did you mean 'person'?" and the usage line: exit 2. */
static int unknown_command(const struct cmd_group *g, const char *word)
{
	char *full[64] = { 0 }; /* "person add": a group's commands in full */
	const char *names[64];
	size_t n = 0;
	struct strbuf sb = STRBUF_INIT, typo = STRBUF_INIT;
	int rc;

	if (g) {
		strbuf_addf(&sb, "no command '%s %s'", g->name, word);
		strbuf_addf(&typo, "%s %s", g->name, word);
		for (const struct cmd_spec *c = g->cmds; c->run && n < ARRAY_SIZE(names); c++) {
			struct strbuf name = STRBUF_INIT;

			if (!c->name[0])
				continue;
			strbuf_addf(&name, "%s %s", g->name, c->name);
			names[n] = full[n] = strbuf_detach(&name);
			n++;
		}
		word = typo.buf;
	} else {
		strbuf_addf(&sb, "no command '%s'", word);
		for (const struct cmd_group *c = cmd_groups; c->name && n < ARRAY_SIZE(names); c++)
			names[n++] = c->name;
		if (n < ARRAY_SIZE(names))
			names[n++] = "help";
	}
	text_suggest(&sb, word, names, n);
	rc = die_usage("", NULL, sb.buf);
	strbuf_release(&sb);
	strbuf_release(&typo);
	for (size_t i = 0; i < n; i++)
		free(full[i]);
	return rc;
}

/* --db, else $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db, else
 * ~/.local/share/rapport/rapport.db. Only the default path gets its folders
 * created: a mistyped --db should not leave folders behind. */
char *cli_data_file(const char *name)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;

	if (xdg && *xdg == '/')
		strbuf_addf(&sb, "%s/rapport/%s", xdg, name);
	else
		strbuf_addf(&sb, "%s/.local/share/rapport/%s", home && *home ? home : ".", name);
	return strbuf_detach(&sb);
}

char *cli_database_path(const char *flag, unsigned *flags)
{
	const char *env = getenv("RAPPORT_DB");

	if (flag)
		return xstrdup(flag);
	if (env && *env)
		return xstrdup(env);
	*flags |= STORE_CREATE_DIRS;
	return cli_data_file("rapport.db");
}

const char *cli_account(const struct args *a)
{
	const char *env = getenv("RAPPORT_ACCOUNT");

	if (a->account)
		return a->account;
	return env && *env ? env : NULL;
}

/* Standard output, flushed: a help page or a version that cannot be
 * written (a full disk, a closed pipe) is an error like any other. */
static int put_stdout(const char *text)
{
	fputs(text, stdout);
	if (fflush(stdout) || ferror(stdout)) {
		fputs("rapport: cannot write the output\n", stderr);
		return 1;
	}
	return 0;
}

/* rapport help method: how rapport works (help_method.c); a topic, not a
 * command, so it takes nothing after it. */
static int print_help_method(int argc)
{
	struct strbuf sb = STRBUF_INIT;
	struct error err = ERROR_INIT;
	int rc;

	if (argc > 1)
		return die_usage("", NULL, "'help method' takes nothing after it");
	if (cli_help_method(&sb, &err)) {
		fprintf(stderr, "rapport: %s\n", err.msg);
		strbuf_release(&sb);
		return 1;
	}
	rc = put_stdout(sb.buf);
	strbuf_release(&sb);
	return rc;
}

/* rapport help [COMMAND [SUBCOMMAND]]: the whole list, a group's pages, or
 * one command's page. */
static int print_help(int argc, const char *const *argv)
{
	struct strbuf sb = STRBUF_INIT;
	const struct cmd_group *g = NULL;
	const struct cmd_spec *cmd = NULL;
	int rc;

	if (argc > 2)
		return die_usage("", NULL, "'help' takes a command and a subcommand at most");
	if (argc && !strcmp(argv[0], "method"))
		return print_help_method(argc);
	if (argc && strcmp(argv[0], "help") && !(g = find_group(argv[0])))
		return unknown_command(NULL, argv[0]);
	/* "help config levels": a group whose command takes arguments has
	 * its page for them; only a group of named commands knows no other */
	if (g && argc == 2 && !(cmd = find_cmd(g, argv[1]))) {
		if (g->cmds[0].name[0])
			return unknown_command(g, argv[1]);
		cmd = &g->cmds[0];
	}
	if (cmd) {
		cli_usage(&sb, g->name, cmd, true);
	} else if (g) {
		for (const struct cmd_spec *c = g->cmds; c->run; c++) {
			cli_usage(&sb, g->name, c, true);
			if (c[1].run)
				strbuf_addch(&sb, '\n');
		}
	} else {
		cli_help_all(&sb);
	}
	rc = put_stdout(sb.buf);
	strbuf_release(&sb);
	return rc;
}

/* Print what the command produced; a failed write (a full disk, a closed
 * pipe) is an error, not silence. */
static int flush_output(struct cli *cli)
{
	if (cli->json && cli->result) {
		char *text = json_dumps(cli->result, JSON_INDENT(2));
		if (text) {
			write_printable(stdout, text, strlen(text), true);
			fputc('\n', stdout);
			free(text);
		}
	} else {
		write_printable(stdout, cli->out.buf, cli->out.len, true);
	}
	if (fflush(stdout) || ferror(stdout))
		return ERR_IO;
	return 0;
}

/* The transaction for a command that runs the time rules: a read one when
 * they would change nothing (most runs: see store/tick.h), so that the
 * command does not wait for the write lock nor hold it. The mark is read
 * in the read transaction's own snapshot: what the command reads next is
 * what the rules were found current for. */
/* Whether the time rules' mark is current: from the rules' texts, without
 * parsing them (playbooks_fingerprint). */
static int rules_current(struct cli *cli, bool *current)
{
	uint64_t fingerprint;

	*current = false;
	if (playbooks_fingerprint(&fingerprint, &cli->err) ||
	    playbooks_tick_current(cli->store, fingerprint, current, &cli->err))
		return cli->err.code;
	return 0;
}

static int begin_for_tick(struct cli *cli)
{
	bool current;

	if (store_begin_read(cli->store, &cli->err) || rules_current(cli, &current))
		return cli->err.code;
	cli->tick_current = current;
	if (current)
		return 0;
	store_rollback(cli->store);
	/* the command writes only what the time rules derive (CMD_TICK) */
	if (store_durable(cli->store, false, &cli->err) ||
	    store_derive_in_memory(cli->store, &cli->err) || store_keep_warm(cli->store, &cli->err))
		return cli->err.code;
	return store_begin_write(cli->store, &cli->err);
}

/* A write first records the new day's run of the time rules that the
 * commands reading let pass (playbooks_tick_catch_up). Rules that do not
 * load are not this command's error (tick_after_write says the same). */
static int catch_up(struct cli *cli)
{
	uint64_t fingerprint;

	if (!playbooks_fingerprint(&fingerprint, &cli->err) &&
	    !playbooks_tick_catch_up(cli->store, fingerprint, &cli->err))
		return 0;
	if (cli->err.code == ERR_STORE)
		return cli->err.code;
	error_clear(&cli->err);
	return 0;
}

static int begin(struct cli *cli, unsigned flags)
{
	if (flags & CMD_TICK)
		return begin_for_tick(cli);
	if (!(flags & CMD_WRITE))
		return store_begin_read(cli->store, &cli->err);
	if (store_begin_write(cli->store, &cli->err) || catch_up(cli))
		return cli->err.code;
	return (flags & CMD_NO_UNDO) ? 0 : store_undo_track(cli->store, &cli->err);
}

#define WHAT_MAX 200 /* bytes of a command's line in the undo history */

/* An argument as the user would type it: quoted when it has spaces. */
static void add_word(struct strbuf *sb, const char *word)
{
	bool quote = !*word || strpbrk(word, " \t\n\"'\\") != NULL;

	strbuf_addch(sb, ' ');
	if (!quote) {
		strbuf_addstr(sb, word);
		return;
	}
	strbuf_addch(sb, '"');
	for (const char *p = word; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *p == '\n' ? ' ' : *p);
	}
	strbuf_addch(sb, '"');
}

char *cli_describe_command(const char *group, const struct cmd_spec *cmd,
			      const struct args *a)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len;

	strbuf_addstr(&sb, group);
	if (cmd->name[0])
		strbuf_addf(&sb, " %s", cmd->name);
	for (size_t i = 0; i < a->npos; i++)
		add_word(&sb, a->pos[i]);
	if (sb.len > WHAT_MAX) {
		for (len = WHAT_MAX - 3; len && (sb.buf[len] & 0xc0) == 0x80; len--)
			;
		sb.len = len; /* keeping strbuf's invariant: buf[len] is a NUL */
		sb.buf[len] = '\0';
		strbuf_addstr(&sb, "...");
	}
	return strbuf_detach(&sb);
}

/*
 * The time rules, at the end of a command that wrote, in its transaction:
 * the run looks only at what the command touched (store/tick.h), and the
 * agenda that follows finds them current and reads without writing, as
 * fast as before any write (issue: "an agenda after any write as fast as
 * one before it"). What a run makes is then part of the command, and
 * undone with it. Not after an import (its many rows: the next agenda
 * runs the rules), nor undo (CMD_NO_UNDO). Rules that do not load (a
 * broken file of the user's) are not this command's error: the commands
 * that need them say so.
 */
static int tick_after_write(struct cli *cli, unsigned flags)
{
	const struct playbook *pb;
	bool current;

	if ((flags & (CMD_WRITE | CMD_NO_UNDO | CMD_READS_FILES)) != CMD_WRITE)
		return 0;
	if (rules_current(cli, &current) || current)
		goto quiet;
	if (!(pb = cli_playbook(cli)))
		goto quiet;
	return playbooks_tick(cli->store, pb, &cli->err);
quiet:
	if (cli->err.code == ERR_STORE)
		return cli->err.code;
	error_clear(&cli->err);
	return 0;
}

/* Keep what a command that wrote did, for undo (in its transaction). */
static int save_for_undo(struct cli *cli, const char *group, const struct cmd_spec *cmd,
			 const struct args *a)
{
	char *what;
	int64_t id;
	int rc;

	if ((cmd->flags & (CMD_WRITE | CMD_NO_UNDO)) != CMD_WRITE)
		return 0;
	what = cli_describe_command(group, cmd, a);
	rc = store_undo_save(cli->store, what, "cli", &id, &cli->err);
	free(what);
	return rc;
}

/* Whether the command is an edit with --editor (cli/edit.h). */
static bool with_editor(const struct args *a)
{
	return arg_offered(a, CLI_OPT_EDITOR) && arg_flag(a, CLI_OPT_EDITOR);
}

/* Open the database and begin the command's transaction; with --editor,
 * the editor runs in between, with nothing held (cli/edit.h). */
static int open_and_begin(struct cli *cli, struct args *a, struct edit_form *form)
{
	unsigned flags = 0;
	char *path = cli_database_path(a->db, &flags);
	int rc = store_open(&cli->store, path, flags, &cli->err);

	free(path);
	if (!rc) /* before anything reads: on a practice's database, whose rows */
		rc = store_act_as(cli->store, cli_account(a), &cli->err);
	if (!rc)
		rc = store_use_zone(cli->store, &cli->err);
	if (!rc && store_upgrade_note(cli->store))
		fprintf(stderr, "rapport: %s\n", store_upgrade_note(cli->store));
	if (!rc && with_editor(a))
		rc = edit_with_editor(cli, a, form);
	if (!rc)
		rc = begin(cli, a->cmd->flags);
	if (!rc && with_editor(a))
		rc = edit_check_current(cli, a, form);
	return rc;
}

static int run_command(const char *group, const struct cmd_spec *cmd, struct args *a)
{
	struct cli cli = { .out = STRBUF_INIT, .note = STRBUF_INIT, .err = ERROR_INIT };
	struct edit_form form = { 0 };
	bool flushed = false;
	int rc;

	cli.json = a->json;
	cli.format = a->format;
	rc = args_read_stdin(a, &cli.err); /* before the database: nothing held meanwhile */
	if (!rc && (cmd->flags & CMD_NO_DB)) {
		rc = cmd->run(&cli, a);
	} else if (!rc) {
		rc = open_and_begin(&cli, a, &form);
		if (!rc)
			rc = cmd->run(&cli, a);
		if (!rc && cli.json && !cli.result)
			rc = error_set(&cli.err, ERR_INVALID, "'%s%s%s' has no JSON output",
				       group, cmd->name[0] ? " " : "", cmd->name);
		if (!rc)
			rc = tick_after_write(&cli, cmd->flags);
		if (!rc)
			rc = save_for_undo(&cli, group, cmd, a);
		/* The output goes out before the commit: a command whose output
		 * cannot be written (a full disk, a closed terminal) saves
		 * nothing, so its exit status tells a script the truth and a
		 * retry makes no duplicate. */
		if (!rc && (rc = flush_output(&cli)))
			error_set(&cli.err, ERR_IO, "cannot write the output%s",
				  (cmd->flags & CMD_WRITE) ? "; nothing was saved" : "");
		if (!rc)
			rc = store_commit(cli.store, &cli.err);
		if (rc && cli.store)
			store_rollback(cli.store);
		if (!rc)
			flushed = true;
	}
	if (rc) {
		const char *msg = cli.err.msg[0] ? cli.err.msg : "failed";
		if (json_errors) {
			print_json_error(msg, error_code_name(cli.err.code), 1, &cli.err);
		} else {
			fputs("rapport: ", stderr);
			write_printable(stderr, msg, strlen(msg), false); /* one line */
			fputc('\n', stderr);
		}
		rc = 1;
	} else if (!flushed && flush_output(&cli)) {
		fprintf(stderr, "rapport: cannot write the output\n");
		rc = 1;
	} else if (cli.note.len && !cli.json && isatty(STDERR_FILENO)) {
		write_printable(stderr, cli.note.buf, cli.note.len, true);
	}
	edit_done(&form);
	store_close(cli.store);
	if (cli.playbook) {
		playbook_release(cli.playbook);
		free(cli.playbook);
	}
	strbuf_release(&cli.out);
	strbuf_release(&cli.note);
	json_decref(cli.result);
	return rc;
}

int main(int argc, char **argv)
{
	const char **av = (const char **)argv;
	struct args a = { 0 };
	struct error err = ERROR_INIT;
	const struct cmd_group *g;
	const struct cmd_spec *cmd;
	int i = 1, used, rc;

	/* Everything rapport creates holds the user's data (the database and
	 * its -wal and -shm, backups, exports, drafts, the playbooks file):
	 * for the user alone, whatever the umask. (The store and
	 * util/atomic_file also create their files 0600 themselves.) */
	umask(077);
	alloc_fail_init(); /* a no-op but in the out-of-memory tests' build */
	for (int k = 1; k < argc && strcmp(av[k], "--"); k++)
		if (!strcmp(av[k], "--json") || !strcmp(av[k], "--format=json") ||
		    (!strcmp(av[k], "--format") && k + 1 < argc && !strcmp(av[k + 1], "json")))
			json_errors = true;
	store_library_init();
	/* global options before the command */
	while (i < argc && (used = global_option(&a, argc, av, i, &err)) != 0) {
		if (used < 0)
			return die_usage("", NULL, err.msg);
		i += used;
	}
	if (i >= argc)
		return a.help ? print_help(0, NULL) : die_usage("", NULL, "no command given");
	if (!strcmp(av[i], "help"))
		return print_help(argc - i - 1, av + i + 1);
	if (!strcmp(av[i], "--version") || !strcmp(av[i], "version"))
		return put_stdout("rapport " RAPPORT_VERSION "\n");
	if (!(g = find_group(av[i])))
		return a.help ? print_help(1, av + i) : unknown_command(NULL, av[i]);
	i++;
	if (!g->cmds[0].name[0]) {
		/* a group whose first command has no name runs it ("rapport agenda",
		 * "rapport debrief OPP") unless the next word names another of its
		 * commands ("rapport debrief list") */
		cmd = i < argc && av[i][0] ? find_cmd(g, av[i]) : NULL;
		if (cmd)
			i++;
		else
			cmd = &g->cmds[0];
	} else if (i < argc && av[i][0] != '-') {
		if (!(cmd = find_cmd(g, av[i])))
			return unknown_command(g, av[i]);
		i++;
	} else {
		bool help = a.help || (i < argc && (!strcmp(av[i], "--help") || !strcmp(av[i], "-h")));
		if (help)
			return print_help(1, &g->name);
		snprintf(err.msg, sizeof(err.msg), "'%s' needs a subcommand; see 'rapport help %s'",
			 g->name, g->name);
		return die_usage("", NULL, err.msg);
	}
	rc = args_parse(&a, cmd, argc - i, av + i, &err);
	if (a.help) {
		struct strbuf sb = STRBUF_INIT;
		cli_usage(&sb, g->name, cmd, true);
		rc = put_stdout(sb.buf);
		strbuf_release(&sb);
		args_release(&a);
		return rc;
	}
	if (!rc && with_editor(&a) && args_given(&a) > 1)
		rc = error_set(&err, ERR_INVALID, "--editor edits the record alone: give it no "
				   "other option");
	if (rc) {
		args_release(&a);
		return die_usage(g->name, cmd, err.msg);
	}
	if (a.json && (cmd->flags & CMD_NO_JSON)) {
		args_release(&a);
		snprintf(err.msg, sizeof(err.msg), "--json does not apply to '%s%s%s'", g->name,
			 cmd->name[0] ? " " : "", cmd->name);
		return die_usage(g->name, cmd, err.msg);
	}
	rc = run_command(g->name, cmd, &a);
	args_release(&a);
	return rc;
}
