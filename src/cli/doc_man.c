/*
 * doc_man.c: the manual pages, in roff (man(7)), from the command tables:
 * rapport(1), one page a command group as git has (rapport-opp(1)), and the
 * file formats: rapport-playbooks(5), whose keys are documented at the top
 * of the built-in data/playbooks.ini, and rapport-templates(5), whose merge
 * fields letter.c describes.
 *
 * Every text goes through roff_text: a "-" is a minus ("\-", so that a
 * copied option is typed right), a backslash "\e", and a line that would
 * start with "." or "'" (a request to roff) starts with "\&".
 */
#include "cli/doc.h"

#include <stdlib.h>
#include <string.h>

#include "method/letter.h"
#include "util/embedded.h"

/* ---- roff ---- */

/* s escaped for roff; quote: inside a macro's quoted argument. Ends on a
 * new line, as every text written here must. */
static void roff_escaped(struct strbuf *sb, const char *s, bool quote)
{
	bool line_start = !sb->len || sb->buf[sb->len - 1] == '\n';

	for (; *s; s++) {
		if (line_start && (*s == '.' || *s == '\''))
			strbuf_addstr(sb, "\\&");
		line_start = *s == '\n';
		if (*s == '\\')
			strbuf_addstr(sb, "\\e");
		else if (*s == '-')
			strbuf_addstr(sb, "\\-");
		else if (*s == '"' && quote)
			strbuf_addstr(sb, "\\(dq");
		else if (*s == '\n' && quote)
			strbuf_addch(sb, ' ');
		else
			strbuf_addch(sb, *s);
	}
}

static void roff_text(struct strbuf *sb, const char *s)
{
	roff_escaped(sb, s, false);
}

/* A text line (or lines): s escaped, then a line break. */
static void roff_line(struct strbuf *sb, const char *s)
{
	roff_text(sb, s);
	strbuf_addch(sb, '\n');
}

/* A request with one quoted argument: .SH "EXIT STATUS". */
static void roff_macro(struct strbuf *sb, const char *macro, const char *arg)
{
	strbuf_addf(sb, ".%s \"", macro);
	roff_escaped(sb, arg, true);
	strbuf_addstr(sb, "\"\n");
}

/* s in a font (B bold, I italic), back to roman after it. */
static void roff_font(struct strbuf *sb, char font, const char *s)
{
	strbuf_addf(sb, "\\f%c", font);
	roff_text(sb, s);
	strbuf_addstr(sb, "\\fR");
}

/* A term and what it means, as .TP makes them. */
static void roff_item(struct strbuf *sb, const char *term, const char *text)
{
	strbuf_addstr(sb, ".TP\n");
	roff_font(sb, 'B', term);
	strbuf_addch(sb, '\n');
	roff_line(sb, text);
}

static void roff_title(struct strbuf *sb, const char *name, int section)
{
	char *upper = xstrdup(name);

	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	strbuf_addstr(sb, ".TH ");
	roff_text(sb, upper);
	strbuf_addf(sb, " %d \"\" \"rapport %s\" \"rapport manual\"\n", section, RAPPORT_VERSION);
	/* no hyphenation, ragged right: an option or a path broken in two
	 * would be copied wrong */
	strbuf_addstr(sb, ".nh\n.ad l\n");
	free(upper);
}

/* NAME: what lexgrog and apropos read, "name \- what it is". */
static void roff_name(struct strbuf *sb, const char *name, const char *what)
{
	strbuf_addstr(sb, ".SH NAME\n");
	roff_text(sb, name);
	strbuf_addstr(sb, " \\- ");
	roff_line(sb, what);
}

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

/* An entry of SEE ALSO: "rapport-opp(1)," (last: no comma). */
static void see_also_entry(struct strbuf *sb, const char *page, int section, bool last)
{
	strbuf_addstr(sb, ".BR ");
	roff_text(sb, page);
	strbuf_addf(sb, " (%d)%s\n", section, last ? "" : ",");
}

/* The pages a command group's page points to. */
static void see_also_rapport(struct strbuf *sb)
{
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	see_also_entry(sb, "rapport", 1, false);
	see_also_entry(sb, "rapport-playbooks", 5, false);
	see_also_entry(sb, "rapport-templates", 5, true);
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
	roff_line(sb, "WHEN is YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, tomorrow, +Nd, +Nw or -Nd. "
		      "An option that takes a text takes \"\" to clear it, where the command "
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
		see_also_entry(sb, page.buf, 1, false);
		strbuf_release(&page);
	}
	see_also_entry(sb, "rapport-playbooks", 5, false);
	see_also_entry(sb, "rapport-templates", 5, true);
}

/* ---- the file formats' pages (section 5) ---- */

/* Title, NAME, a SYNOPSIS that is the file's place (file: below
 * $XDG_CONFIG_HOME/rapport), and DESCRIPTION's heading. */
static void format_page_head(struct strbuf *sb, const char *page, const char *what,
			     const char *file)
{
	struct strbuf path = STRBUF_INIT;

	strbuf_addf(&path, "$XDG_CONFIG_HOME/rapport/%s", file);
	roff_title(sb, page, 5);
	roff_name(sb, page, what);
	strbuf_addstr(sb, ".SH SYNOPSIS\n");
	roff_font(sb, 'I', path.buf);
	strbuf_addstr(sb, "\n.SH DESCRIPTION\n");
	strbuf_release(&path);
}

/* ---- rapport-playbooks(5), from the comments atop data/playbooks.ini ---- */

/* The file's comments: "#   key         text", the text from this column
 * of what follows the "#" on, its next lines indented to it; a list inside
 * a key's text (the values of "ends") indented further. */
#define KEY_TEXT_COLUMN 15

static size_t indent_of(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && s[n] == ' ')
		n++;
	return n;
}

/* The end of a term ("title, why", "min-rapport") in a line of len bytes
 * whose term starts at from: the two spaces after it, or the text column
 * when one space reaches it. */
static size_t term_end(const char *s, size_t len, size_t from, size_t column)
{
	const char *two;

	if (column < len && s[column - 1] == ' ' && s[column] != ' ')
		return column;
	two = memmem(s + from, len - from, "  ", 2);
	return two ? (size_t)(two - s) : len;
}

/* ".TP", the term in bold, the text after it: one line of a list. */
static void key_item(struct strbuf *sb, const char *s, size_t len, size_t from, size_t column)
{
	size_t end = term_end(s, len, from, column), text;
	struct strbuf term = STRBUF_INIT, rest = STRBUF_INIT;

	text = end + indent_of(s + end, len - end);
	while (end > from && s[end - 1] == ' ')
		end--;
	strbuf_add(&term, s + from, end - from);
	strbuf_add(&rest, s + text, len - text);
	roff_item(sb, term.buf, rest.buf);
	strbuf_release(&term);
	strbuf_release(&rest);
}

struct keys_state {
	bool in_keys;   /* past the "Keys" line */
	size_t sublist; /* the indent of the list inside a key's text, or 0 */
	int paragraph;  /* before Keys: which paragraph (the first is the file's title) */
};

/* One comment line (s, len: what follows the "#") of the file's head. */
static void playbook_comment(struct strbuf *sb, struct keys_state *k, const char *s, size_t len)
{
	size_t indent = indent_of(s, len);
	struct strbuf line = STRBUF_INIT;

	strbuf_add(&line, s + indent, len - indent);
	if (!k->in_keys && !strcmp(line.buf, "Keys")) {
		k->in_keys = true;
		strbuf_addstr(sb, ".SH KEYS\n");
	} else if (!k->in_keys && indent == len) {
		k->paragraph++;
		strbuf_addstr(sb, k->paragraph > 1 ? ".PP\n" : "");
	} else if (!k->in_keys) {
		if (k->paragraph > 0)
			roff_line(sb, line.buf);
	} else if (indent < KEY_TEXT_COLUMN) {
		strbuf_addstr(sb, k->sublist ? ".RE\n" : "");
		k->sublist = 0;
		key_item(sb, s, len, indent, KEY_TEXT_COLUMN);
	} else if (indent == KEY_TEXT_COLUMN) {
		strbuf_addstr(sb, k->sublist ? ".RE\n.IP\n" : "");
		k->sublist = 0;
		roff_line(sb, line.buf);
	} else if (!k->sublist || indent == k->sublist) {
		strbuf_addstr(sb, k->sublist ? "" : ".RS\n");
		k->sublist = indent;
		key_item(sb, s, len, indent, len);
	} else {
		roff_line(sb, line.buf);
	}
	strbuf_release(&line);
}

/* The head of the file (its comment lines), then the first rule as an
 * example; returns where the example starts. */
static const char *playbook_head(struct strbuf *sb, const char *p)
{
	struct keys_state k = { 0 };

	while (*p == '#') {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);

		playbook_comment(sb, &k, p + 1, len - 1);
		p += len + (eol != NULL);
	}
	strbuf_addstr(sb, k.sublist ? ".RE\n" : "");
	return p;
}

/* Lines from p to the first blank one, as they are (no filling). */
static void verbatim_block(struct strbuf *sb, const char *p)
{
	strbuf_addstr(sb, ".PP\n.RS\n.nf\n");
	while (*p == '\n')
		p++;
	while (*p && *p != '\n') {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		struct strbuf line = STRBUF_INIT;

		strbuf_add(&line, p, len);
		roff_line(sb, line.buf);
		strbuf_release(&line);
		p += len + (eol != NULL);
	}
	strbuf_addstr(sb, ".fi\n.RE\n");
}

static int playbooks_page(struct strbuf *sb, struct error *err)
{
	const struct embedded_file *f = embedded_find("playbooks.ini");
	const char *example;

	if (!f)
		return error_set(err, ERR_NOT_FOUND, "the built-in playbooks are missing");
	format_page_head(sb, "rapport-playbooks", "the rules that turn events into follow-ups",
			 "playbooks.ini");
	roff_line(sb, "A playbook file is an INI file: sections of \"key = value\" lines, "
		      "comments starting with \"#\". rapport has its playbooks built in; "
		      "'rapport playbook list' shows them, 'rapport playbook show NAME' one of "
		      "them as text, and 'rapport playbook check FILE' checks a file of yours.");
	strbuf_addstr(sb, ".PP\n");
	example = playbook_head(sb, f->data);
	strbuf_addstr(sb, ".SH EXAMPLE\n");
	roff_line(sb, "The first of the built-in rules:");
	verbatim_block(sb, example);
	strbuf_addstr(sb, ".SH ENVIRONMENT\n");
	roff_item(sb, "XDG_CONFIG_HOME", "Where your playbooks.ini is (else ~/.config).");
	strbuf_addstr(sb, ".SH FILES\n");
	roff_item(sb, "~/.config/rapport/playbooks.ini", "Your rules, read with the built-in "
							 "ones by every command.");
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	see_also_entry(sb, "rapport-playbook", 1, false);
	see_also_entry(sb, "rapport-agenda", 1, false);
	see_also_entry(sb, "rapport-templates", 5, true);
	return 0;
}

/* ---- rapport-templates(5), from letter.c's fields and data/templates ---- */

/* The built-in templates: their names and subject lines. */
static void builtin_templates(struct strbuf *sb)
{
	static const char dir[] = "templates/", subject[] = "Subject: ";

	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		const char *name = f->name + strlen(dir), *dot = strrchr(f->name, '.');
		struct strbuf term = STRBUF_INIT, text = STRBUF_INIT;

		if (strncmp(f->name, dir, strlen(dir)) || !dot || strcmp(dot, ".txt"))
			continue;
		strbuf_add(&term, name, (size_t)(dot - name));
		if (!strncmp(f->data, subject, strlen(subject)))
			strbuf_add(&text, f->data, strcspn(f->data, "\n"));
		roff_item(sb, term.buf, text.buf);
		strbuf_release(&term);
		strbuf_release(&text);
	}
}

static const char template_example[] = "Subject: Thank you for our conversation\n"
				       "\n"
				       "Hello {first},\n"
				       "\n"
				       "Thank you for your time today at {org|your team}.\n"
				       "\n"
				       "{signature}\n";

static int templates_page(struct strbuf *sb)
{
	format_page_head(sb, "rapport-templates", "letter templates and their merge fields",
			 "templates/NAME.txt");
	roff_line(sb, "rapport drafts the letter of a follow-up (rapport draft) from a template. "
		      "A template is UTF-8 text: the first line is \"Subject: ...\", then a blank "
		      "line, then the body. Merge fields in braces are replaced by what rapport "
		      "knows: \"Hello {first},\".");
	strbuf_addstr(sb, ".PP\n");
	roff_line(sb, "A field may carry its own wording for when its value is unknown: "
		      "\"{org|your team}\". Without one, an unknown value renders as nothing and "
		      "takes one neighbouring space with it, so \"Hello {first},\" becomes "
		      "\"Hello,\". \"{{\" and \"}}\" are literal braces. An unknown field, an "
		      "unclosed or lone brace, a missing Subject line are errors that name the "
		      "template and the line ('rapport template check FILE').");
	strbuf_addstr(sb, ".PP\n");
	roff_line(sb, "A template NAME (letters a to z, digits, \".\", \"_\" and \"-\") is your "
		      "file NAME.txt in the templates folder when it exists, else the built-in "
		      "one of that name: a file named like a built-in replaces it, and a new name "
		      "is a template a playbook rule can name (template = NAME).");
	strbuf_addstr(sb, ".SH \"MERGE FIELDS\"\n");
	for (size_t i = 0; letter_field_name(i); i++) {
		struct strbuf term = STRBUF_INIT;

		strbuf_addf(&term, "{%s}", letter_field_name(i));
		roff_item(sb, term.buf, letter_field_help(i));
		strbuf_release(&term);
	}
	roff_macro(sb, "SH", "BUILT-IN TEMPLATES");
	builtin_templates(sb);
	strbuf_addstr(sb, ".SH EXAMPLE\n");
	verbatim_block(sb, template_example);
	strbuf_addstr(sb, ".SH ENVIRONMENT\n");
	roff_item(sb, "XDG_CONFIG_HOME", "Where your templates folder is (else ~/.config).");
	strbuf_addstr(sb, ".SH FILES\n");
	roff_item(sb, "~/.config/rapport/templates/NAME.txt", "Your templates.");
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	see_also_entry(sb, "rapport-template", 1, false);
	see_also_entry(sb, "rapport-draft", 1, false);
	see_also_entry(sb, "rapport-playbooks", 5, true);
	return 0;
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
		rc = playbooks_page(sb, err);
	} else if (!strcmp(page, "templates")) {
		rc = templates_page(sb);
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
