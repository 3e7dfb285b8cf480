/*
 * letter.h: letter templates: where they come from, their checks, and
 * drafting a task's letter from one.
 *
 * A template is UTF-8 text: the first line is "Subject: ...", then a blank
 * line, then the body. Merge fields in braces:
 *
 *   {person}     the person's full name      {first}  the first word of it
 *   {title}      the person's job title      {org}    the opportunity's
 *   {opp}        the opportunity's title              organisation, else the person's
 *   {me}         your name (config name)     {date}   today, YYYY-MM-DD
 *   {signature}  your signature (config signature), else your name; not in the subject
 *   {done}       the improvement actions you have done that follow the person's
 *                feedback, a "- TITLE" line each, most recently done last
 *                (rapport improve); not in the subject
 *
 * "{{" and "}}" are literal braces. A field may carry its own wording for
 * when its value is unknown: "{org|your team}". Without one, an unknown value
 * renders as nothing and takes one neighbouring space with it, so
 * "Hello {first}," becomes "Hello," and "the {opp} role" becomes "the role".
 * An unknown field, an unclosed or lone brace, a missing Subject line: an
 * error "NAME:LINE: what" (NAME is what the caller calls the template).
 *
 * A template NAME ([a-z0-9._-]) is the user's file
 * $XDG_CONFIG_HOME/rapport/templates/NAME.txt (else
 * ~/.config/rapport/templates/NAME.txt) when it exists, else the built-in
 * data/templates/NAME.txt.
 */
#ifndef RAPPORT_LETTER_H
#define RAPPORT_LETTER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
#include "util/error.h"

/* Largest template file, in bytes. */
#define LETTER_TEMPLATE_MAX (64 * 1024)

/* The values of the merge fields; NULL or blank when unknown. */
struct letter_fields {
	const char *person;    /* full name; {first} is its first word */
	const char *title;     /* the person's job title */
	const char *org;       /* the opportunity's organisation, else the person's */
	const char *opp;       /* the opportunity's title */
	const char *me;        /* the user's name */
	const char *signature; /* the user's signature; {me} when unset */
	const char *date;      /* today, YYYY-MM-DD */
	const char *done;      /* "- TITLE" lines, one per improvement action done */
};

struct letter {
	char *subject; /* one line */
	char *body;    /* '\n' line ends, ends with one '\n' */
};

void letter_release(struct letter *l);

/* The merge fields, for the manual: the name ("person") and what it holds
 * of field i, NULL past the last one. */
const char *letter_field_name(size_t i);
const char *letter_field_help(size_t i);

/* Fill f from a person and an opportunity (either may be NULL) and the
 * user's settings; f points into them. */
void letter_fields_set(struct letter_fields *f, const struct person *p, const struct opp *o,
		       const char *me, const char *signature, const char *date);

/* Check a template's syntax; name is what messages call it. */
int letter_check(const char *name, const char *text, struct error *err);
int letter_render(const char *name, const char *text, const struct letter_fields *f,
		  struct letter *out, struct error *err);

/* Read a template file (at most LETTER_TEMPLATE_MAX bytes, no NUL bytes;
 * "-" is standard input); ERR_NOT_FOUND when it does not exist. */
int letter_read_file(const char *path, char **text, struct error *err);
/* The folder of the user's templates (no trailing slash); the caller frees it. */
char *letter_user_dir(void);
/* The text of template name and where it comes from: *origin is the path of
 * the user's file, or "built-in". The caller frees both. */
int letter_template_load(const char *name, char **text, char **origin, struct error *err);
/* What messages call a loaded template: the user's path, or "NAME.txt". */
char *letter_template_label(const char *name, const char *origin);
bool letter_template_exists(const char *name);

struct letter_template_entry {
	char *name;
	char *path;   /* the user's file, or NULL for a built-in */
	bool builtin; /* a built-in of that name exists (overridden when path is set) */
};
typedef VEC(struct letter_template_entry) letter_template_vec;

/* Every template name, built-in and the user's, sorted by name. */
int letter_template_list(letter_template_vec *out, struct error *err);
void letter_template_vec_release(letter_template_vec *v);

/* A task's letter, ready to send. */
struct letter_draft {
	int64_t task_id;
	char *template;
	int64_t person_id;          /* 0 when the task concerns nobody */
	char *to_name, *to_email;   /* NULL when unknown */
	char *from_name, *from_email; /* the settings name and email, NULL when unset */
	struct letter letter;
};

/* Load the task, its person and opportunity and the user's settings, and
 * render the task's template (an error when it has none). */
int letter_draft_task(struct store *s, int64_t task_id, struct letter_draft *out,
		      struct error *err);
void letter_draft_release(struct letter_draft *d);

#endif
