/*
 * mail_rules.h: the rules that read an e-mail and propose what it means
 * (a rejection, an offer, an interview, a request for information, an
 * application received; issue 19). Built in as data/mail-rules.ini and
 * overridden, section by section, by the user's mail-rules.ini beside
 * playbooks.ini. A rule is a kind and the phrases that reveal it; a
 * phrase is found in the subject or the text whatever their case,
 * accents and line breaks. Matching is pure: no store, no files.
 */
#ifndef RAPPORT_MAIL_RULES_H
#define RAPPORT_MAIL_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/enums.h"
#include "core/model.h"
#include "util/error.h"

struct mail_rule {
	char *name;
	char *origin; /* "file:line" of its section */
	enum proposal_kind kind;
	bool enabled;
	VEC(char *) phrases; /* as written, for showing */
	VEC(char *) folded;  /* the same, folded for matching (see mail_rules_fold) */
};

struct mail_rules {
	VEC(struct mail_rule) rules;
};

/* Read the rules of text into rules: a section whose name is already
 * there replaces it. file names the text in "file:line: ..." errors. */
int mail_rules_parse(struct mail_rules *rules, const char *file, const char *text, size_t len,
		     struct error *err);
/* The built-in rules, then the user's file when there is one. */
int mail_rules_load(struct mail_rules *rules, struct error *err);
/* The built-in rules, then the file at path (which must exist). */
int mail_rules_check_file(const char *path, struct mail_rules *rules, struct error *err);
/* $XDG_CONFIG_HOME/rapport/mail-rules.ini (else ~/.config/...); NULL when
 * neither is set. Newly allocated. */
char *mail_rules_user_path(void);
void mail_rules_release(struct mail_rules *rules);

/* s lower-cased, its accents dropped, every run of blank space and
 * punctuation but apostrophes one space, with a space at each end:
 * " decide de ne pas ". Newly allocated. */
char *mail_rules_fold(const char *s);

struct mail_rule_match {
	const struct mail_rule *rule;
	const char *phrase; /* as the rule writes it */
};
/* The strongest enabled rule with a phrase in subject or text (either may
 * be NULL): true and *m filled; false when none matches. */
bool mail_rules_match(const struct mail_rules *rules, const char *subject, const char *text,
		      struct mail_rule_match *m);

#endif
