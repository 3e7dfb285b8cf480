/*
 * help_method.c: rapport help method: how rapport works, in words for a
 * terminal: the method, then each moment of a search with the rules in
 * force that act on it (the user's own too) and where to change them.
 * The web UI's /method is made from the same text (method/guide.h).
 */
#include "cli/help_method.h"

#include <stdlib.h>
#include <string.h>

#include "method/guide.h"
#include "method/playbook_run.h"
#include "method/playbook_text.h"

#define HELP_WIDTH 78

/* text, folded at spaces to lines of HELP_WIDTH columns: the first line
 * after first ("  - "), the others indented by as many spaces. */
static void add_wrapped(struct strbuf *sb, const char *text, const char *first)
{
	size_t indent = strlen(first), col = indent;

	strbuf_addstr(sb, first);
	while (*text) {
		size_t word = strcspn(text, " ");
		if (col > indent && col + 1 + word > HELP_WIDTH) {
			strbuf_addch(sb, '\n');
			strbuf_addpad(sb, "", indent);
			col = indent;
		} else if (col > indent) {
			strbuf_addch(sb, ' ');
			col++;
		}
		strbuf_add(sb, text, word);
		col += word;
		text += word;
		text += strspn(text, " ");
	}
	strbuf_addch(sb, '\n');
}

/* "  - What it is for", then "    rule NAME: when ...; it makes ...". */
static void add_rule(struct strbuf *sb, const struct rule *r)
{
	struct strbuf line = STRBUF_INIT;

	add_wrapped(sb, r->description ? r->description : r->name, "  - ");
	strbuf_addf(&line, "rule %s: ", r->name);
	rule_when_text(&line, r);
	strbuf_addch(&line, '.');
	add_wrapped(sb, line.buf, "    ");
	strbuf_release(&line);
}

static void add_moment(struct strbuf *sb, const struct playbook *pb, enum guide_moment m)
{
	size_t shown = 0;

	strbuf_addf(sb, "\n%s\n", guide_moments[m].title);
	add_wrapped(sb, guide_moments[m].meaning, "  ");
	for (size_t i = 0; i < pb->n; i++) {
		if (!pb->rules[i].enabled || guide_moment_of(&pb->rules[i]) != m)
			continue;
		add_rule(sb, &pb->rules[i]);
		shown++;
	}
	if (!shown)
		strbuf_addstr(sb, "  (no rule in force acts here: yours turned it off)\n");
}

int cli_help_method(struct strbuf *sb, struct error *err)
{
	struct playbook pb = { 0 };
	char *path;

	if (playbooks_load(&pb, NULL, err)) {
		playbook_release(&pb);
		return err->code;
	}
	strbuf_addstr(sb, "How rapport works\n\n");
	for (size_t i = 0; guide_method_paragraphs[i]; i++) {
		add_wrapped(sb, guide_method_paragraphs[i], "");
		strbuf_addch(sb, '\n');
	}
	strbuf_addstr(sb, "When the playbooks act:\n");
	for (int m = 0; m < GUIDE_MOMENTS; m++)
		add_moment(sb, &pb, (enum guide_moment)m);
	path = playbooks_user_path();
	strbuf_addstr(sb, "\nChanging the rules\n");
	strbuf_addf(sb, "  'rapport playbook show NAME' prints a rule in full. Your own rules, and\n"
			"  changes to these, go in this file ('rapport playbook check FILE'\n"
			"  checks one first):\n    %s\n",
		    path ? path : "~/.config/rapport/playbooks.ini");
	free(path);
	playbook_release(&pb);
	return 0;
}
