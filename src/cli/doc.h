/*
 * doc.h: the manual pages and the shell completion scripts, written from
 * the command tables (cmd_groups and each group's struct cmd_spec table),
 * so that they and 'rapport help' never disagree. The build runs
 * 'rapport doc' to write them (make docs: build/man, build/completions).
 */
#ifndef RAPPORT_DOC_H
#define RAPPORT_DOC_H

#include "cli/cli.h"
#include "util/strbuf.h"

/* The file name of every manual page ("rapport.1", "rapport-opp.1", ...,
 * "rapport-playbooks.5"), in order; ends with NULL. *n receives the count.
 * The caller frees the array and its strings. */
char **doc_man_pages(size_t *n);

/* The page called name: "rapport", a command group ("opp"), "playbooks",
 * "templates", or one of those as its file name ("rapport-opp.1"). 0, or
 * ERR_NOT_FOUND with err filled. */
int doc_man_write(struct strbuf *sb, const char *name, struct error *err);

/* The completion script for shell ("bash", "zsh" or "fish"): 0, or
 * ERR_NOT_FOUND with err filled. */
int doc_completion_write(struct strbuf *sb, const char *shell, struct error *err);

/* The file formats' pages (doc_formats.c), for doc_man_write. */
int doc_man_playbooks(struct strbuf *sb, struct error *err);
void doc_man_templates(struct strbuf *sb);

/* The hidden groups (doc, complete) are not in cmd_groups: the manual and
 * the completions describe what 'rapport help' lists. */

#endif
