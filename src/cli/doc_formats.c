/*
 * doc_formats.c: the manual pages of the files a user writes:
 * rapport-playbooks(5), whose keys are documented in the comments atop
 * the built-in data/playbooks.ini (the page reads them from the embedded
 * file), and rapport-templates(5), whose merge fields letter.c describes.
 */
#include "cli/doc.h"
#include "cli/roff.h"

#include <string.h>

#include "method/letter.h"
#include "util/embedded.h"

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

int doc_man_playbooks(struct strbuf *sb, struct error *err)
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
	roff_verbatim(sb, example);
	strbuf_addstr(sb, ".SH ENVIRONMENT\n");
	roff_item(sb, "XDG_CONFIG_HOME", "Where your playbooks.ini is (else ~/.config).");
	strbuf_addstr(sb, ".SH FILES\n");
	roff_item(sb, "~/.config/rapport/playbooks.ini", "Your rules, read with the built-in "
							 "ones by every command.");
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	roff_see_also(sb, "rapport-playbook", 1, false);
	roff_see_also(sb, "rapport-agenda", 1, false);
	roff_see_also(sb, "rapport-templates", 5, true);
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

void doc_man_templates(struct strbuf *sb)
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
	roff_verbatim(sb, template_example);
	strbuf_addstr(sb, ".SH ENVIRONMENT\n");
	roff_item(sb, "XDG_CONFIG_HOME", "Where your templates folder is (else ~/.config).");
	strbuf_addstr(sb, ".SH FILES\n");
	roff_item(sb, "~/.config/rapport/templates/NAME.txt", "Your templates.");
	strbuf_addstr(sb, ".SH \"SEE ALSO\"\n");
	roff_see_also(sb, "rapport-template", 1, false);
	roff_see_also(sb, "rapport-draft", 1, false);
	roff_see_also(sb, "rapport-playbooks", 5, true);
}
