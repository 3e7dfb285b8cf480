/*
 * doc_man.c: the manual pages of the commands, from the command tables:
 * rapport(1) and one page a command group, as git has (rapport-opp(1));
 * the file formats' pages are in doc_formats.c.
 */
#include "cli/doc.h"
#include "cli/roff.h"

#include <stdlib.h>
#include <string.h>

/* ---- what every command page says ---- */

static const struct {
	const char *name, *text;
} environment[] = {
	{ "RAPPORT_DB", "The database file, when --db is not given." },
	{ "RAPPORT_NOW", "The date and time rapport takes as now (YYYY-MM-DDTHH:MM): the "
			 "playbooks, the agenda and tests see a fixed time." },
	{ "XDG_DATA_HOME", "Where the database is by default: $XDG_DATA_HOME/rapport/rapport.db "
			   "(else ~/.local/share/rapport/rapport.db)." },
	{ "XDG_CONFIG_HOME", "Where your playbooks, letter templates and web password are "
			     "(else ~/.config)." },
	{ "VISUAL, EDITOR", "The editor that the edit commands' --editor opens." },
	{ "COLUMNS", "The width that a list's table is cut to (else the terminal's)." },
	{ "TMPDIR", "Where --editor writes the record it opens." },
};

static const struct {
	const char *path, *text;
} files[] = {
	{ "~/.local/share/rapport/rapport.db", "The database: everything rapport knows, in one "
					       "SQLite file (see RAPPORT_DB)." },
	{ "~/.config/rapport/playbooks.ini", "Your playbooks: see rapport-playbooks(5)." },
	{ "~/.config/rapport/templates/NAME.txt", "Your letter templates: see "
						  "rapport-templates(5)." },
	{ "~/.config/rapport/web-password", "The web UI's password, as a hash (rapport config)." },
};

static void section_exit_status(struct strbuf *sb)
{
	strbuf_addstr(sb, ".SH \"EXIT STATUS\"\n");
	roff_item(sb, "0", "Success.");
	roff_item(sb, "1", "An error: bad input, a record that does not exist, the database. "
			   "The message is one line on standard error, \"rapport: what went wrong\" "
			   "(with --json, a JSON object).");
	roff_item(sb, "2", "A usage error: an unknown command or option, a missing argument.");
}

static void section_environment(struct strbuf *sb)
{
	strbuf_addstr(sb, ".SH ENVIRONMENT\n");
	for (size_t i = 0; i < ARRAY_SIZE(environment); i++)
		roff_item(sb, environment[i].name, environment[i].text);
}

static void section_files(struct strbuf *sb)
{
	strbuf_addstr(sb, ".SH FILES\n");
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		strbuf_addstr(sb, ".TP\n");
		roff_font(sb, 'I', files[i].path);
		strbuf_addch(sb, '\n');
		roff_line(sb, files[i].text);
	}
}

/* The pages a command group's page points to. */
static void see_also_rapport(struct strbuf *sb)
{
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	roff_see_also(sb, "rapport", 1, false);
	roff_see_also(sb, "rapport-playbooks", 5, false);
	roff_see_also(sb, "rapport-templates", 5, true);
}

/* ---- rapport-GROUP(1) ---- */

/* "--level T": the name in bold, the value's placeholder in italics. */
static void option_words(struct strbuf *sb, const struct opt_spec *o)
{
	strbuf_addstr(sb, "\\fB\\-\\-");
	roff_text(sb, o->name);
	strbuf_addstr(sb, "\\fR");
	if (o->arg) {
		strbuf_addch(sb, ' ');
		roff_font(sb, 'I', o->arg);
	}
}

/* "--level T" or "-o, --out FILE": an option's .TP line. */
static void option_term(struct strbuf *sb, const struct opt_spec *o)
{
	if (o->letter)
		strbuf_addf(sb, "\\fB\\-%c\\fR, ", o->letter);
	option_words(sb, o);
	strbuf_addch(sb, '\n');
}

/* "rapport opp add", or "rapport agenda" for a group's only command. */
static void command_name(struct strbuf *sb, const char *group, const struct cmd_spec *c)
{
	strbuf_addf(sb, "rapport %s%s%s", group, c->name[0] ? " " : "", c->name);
}

static void synopsis_line(struct strbuf *sb, const char *group, const struct cmd_spec *c)
{
	struct strbuf name = STRBUF_INIT;

	command_name(&name, group, c);
	roff_font(sb, 'B', name.buf);
	if (c->usage && *c->usage) {
		strbuf_addch(sb, ' ');
		roff_font(sb, 'I', c->usage);
	}
	for (const struct opt_spec *o = c->opts; o && o->name; o++) {
		if (o->flags & OPT_HIDDEN)
			continue;
		strbuf_addstr(sb, " [");
		option_words(sb, o);
		strbuf_addf(sb, "]%s", (o->flags & OPT_MULTI) ? "..." : "");
	}
	strbuf_addch(sb, '\n');
	strbuf_release(&name);
}

static void command_options(struct strbuf *sb, const char *group, const struct cmd_spec *c)
{
	struct strbuf name = STRBUF_INIT;

	if (!c->opts || !c->opts[0].name)
		return;
	command_name(&name, group, c);
	roff_macro(sb, "SS", name.buf);
	for (const struct opt_spec *o = c->opts; o->name; o++) {
		if (o->flags & OPT_HIDDEN)
			continue;
		strbuf_addstr(sb, ".TP\n");
		option_term(sb, o);
		roff_text(sb, o->help);
		roff_line(sb, (o->flags & OPT_MULTI) ? " (may be given more than once)" : "");
	}
	strbuf_release(&name);
}

static void group_page(struct strbuf *sb, const struct cmd_group *g)
{
	struct strbuf page = STRBUF_INIT;

	strbuf_addf(&page, "rapport-%s", g->name);
	roff_title(sb, page.buf, 1);
	roff_name(sb, page.buf, g->summary);
	strbuf_addstr(sb, ".SH SYNOPSIS\n");
	for (const struct cmd_spec *c = g->cmds; c->run; c++) {
		strbuf_addstr(sb, c == g->cmds ? "" : ".br\n");
		synopsis_line(sb, g->name, c);
	}
	strbuf_addstr(sb, ".SH DESCRIPTION\n");
	for (const struct cmd_spec *c = g->cmds; c->run; c++) {
		struct strbuf name = STRBUF_INIT;

		command_name(&name, g->name, c);
		if (c->usage && *c->usage)
			strbuf_addf(&name, " %s", c->usage);
		roff_macro(sb, "SS", name.buf);
		roff_line(sb, c->summary);
		if (c->flags & CMD_READS_FILES)
			roff_line(sb, "A FILE of \"-\" reads standard input.");
		strbuf_release(&name);
	}
	strbuf_addstr(sb, ".SH OPTIONS\n");
	roff_line(sb, "Every command also takes the global options --db PATH (the database "
		      "file), --json (print JSON) and --help (see rapport(1)).");
	for (const struct cmd_spec *c = g->cmds; c->run; c++)
		command_options(sb, g->name, c);
	section_exit_status(sb);
	section_environment(sb);
	section_files(sb);
	see_also_rapport(sb);
	strbuf_release(&page);
}

/* ---- rapport(1) ---- */

static void main_page(struct strbuf *sb)
{
	roff_title(sb, "rapport", 1);
	roff_name(sb, "rapport", "a job-search relationship manager");
	strbuf_addstr(sb, ".SH SYNOPSIS\n"
			  "\\fBrapport\\fR [\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fB\\-\\-json\\fR] "
			  "\\fICOMMAND\\fR [\\fIARGS\\fR]\n.br\n"
			  "\\fBrapport help\\fR [\\fICOMMAND\\fR [\\fISUBCOMMAND\\fR]]\n.br\n"
			  "\\fBrapport \\-\\-version\\fR\n");
	strbuf_addstr(sb, ".SH DESCRIPTION\n");
	roff_line(sb, "rapport keeps the people, organisations and opportunities of a job search, "
		      "every conversation with them, and the follow-ups that the playbooks propose "
		      "after each one: thank-you notes, a letter when an interview meets silence, "
		      "what to do after a \"no\". The agenda says what to do today; letters are "
		      "drafted from templates. Everything is in one SQLite file on your machine, "
		      "and every change is one transaction.");
	strbuf_addstr(sb, ".PP\n");
	roff_line(sb, CLI_WHEN_FORMS);
	roff_line(sb, "An option that takes a text takes \"\" to clear it, where the command "
		      "edits a record.");
	strbuf_addstr(sb, ".SH COMMANDS\n");
	for (const struct cmd_group *g = cmd_groups; g->name; g++) {
		strbuf_addstr(sb, ".TP\n.BR rapport\\-");
		roff_text(sb, g->name);
		strbuf_addstr(sb, " (1)\n");
		roff_line(sb, g->summary);
	}
	roff_item(sb, "help", "'rapport help COMMAND' explains a command and every option.");
	strbuf_addstr(sb, ".SH OPTIONS\n");
	roff_item(sb, "--db PATH", "The database file (see ENVIRONMENT and FILES).");
	roff_item(sb, "--json", "Print JSON, with stable field names; an error is then a JSON "
				"object on standard error.");
	roff_item(sb, "-h, --help", "Explain the command instead of running it.");
	roff_item(sb, "--version", "Print rapport's version.");
	section_exit_status(sb);
	section_environment(sb);
	section_files(sb);
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	for (const struct cmd_group *g = cmd_groups; g->name; g++) {
		struct strbuf page = STRBUF_INIT;

		strbuf_addf(&page, "rapport-%s", g->name);
		roff_see_also(sb, page.buf, 1, false);
		strbuf_release(&page);
	}
	roff_see_also(sb, "rapport-playbooks", 5, false);
	roff_see_also(sb, "rapport-templates", 5, true);
}

/* ---- the pages ---- */

char **doc_man_pages(size_t *n)
{
	size_t groups = 0, i = 0;
	char **pages;

	while (cmd_groups[groups].name)
		groups++;
	pages = xcalloc(st_add(groups, 4), sizeof(*pages));
	pages[i++] = xstrdup("rapport.1");
	for (const struct cmd_group *g = cmd_groups; g->name; g++) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "rapport-%s.1", g->name);
		pages[i++] = strbuf_detach(&sb);
	}
	pages[i++] = xstrdup("rapport-playbooks.5");
	pages[i++] = xstrdup("rapport-templates.5");
	*n = i;
	return pages;
}

/* "rapport-opp.1" -> "opp", "rapport.1" -> "rapport": the page's short name. */
static char *page_short_name(const char *name)
{
	size_t len = strlen(name);

	if (len > 2 && name[len - 2] == '.' && (name[len - 1] == '1' || name[len - 1] == '5'))
		len -= 2;
	if (len > 8 && !strncmp(name, "rapport-", 8))
		return xstrndup(name + 8, len - 8);
	return xstrndup(name, len);
}

int doc_man_write(struct strbuf *sb, const char *name, struct error *err)
{
	char *page = page_short_name(name);
	int rc = 0;

	if (!strcmp(page, "rapport")) {
		main_page(sb);
	} else if (!strcmp(page, "playbooks")) {
		rc = doc_man_playbooks(sb, err);
	} else if (!strcmp(page, "templates")) {
		doc_man_templates(sb);
	} else {
		const struct cmd_group *g = cmd_groups;

		while (g->name && strcmp(g->name, page))
			g++;
		if (g->name)
			group_page(sb, g);
		else
			rc = error_set(err, ERR_NOT_FOUND, "no manual page '%s'", name);
	}
	free(page);
	return rc;
}
