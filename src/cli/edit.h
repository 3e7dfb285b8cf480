/*
 * edit.h: what every "X edit" command shares: an edit that changes nothing
 * writes nothing, and --editor, the record as text in $VISUAL or $EDITOR.
 */
#ifndef RAPPORT_CLI_EDIT_H
#define RAPPORT_CLI_EDIT_H

#include "cli/cli.h"

/*
 * Whether an edit changes nothing: before and after, the record as JSON
 * before and after the options were applied, are equal. When they are, it
 * says so ("nothing to change in person 3: NAME") with the record as the
 * JSON output, and the caller writes nothing: updated_at stays, and undo
 * has nothing to record. Takes both values.
 */
bool cli_edit_unchanged(struct cli *cli, json_t *before, json_t *after, const char *kind,
			long long id, const char *name);

/* The --editor option of an edit command; FORM fills the form of the
 * record that the command's argument names. */
#define CLI_EDITOR_OPT(FORM)                                                    \
	{ .id = CLI_OPT_EDITOR, .name = "editor", .edit_form = (FORM),         \
	  .help = "edit it as text in $VISUAL, else $EDITOR, else vi" }

/* A record as the text a person edits: "key: value" lines for the one-line
 * fields (each key an option's name), a blank line, and the notes. */
struct edit_field {
	const struct opt_spec *opt; /* the option a changed value is given as */
	char *value;                /* as the record holds it; "" for none */
	char *edited;               /* what the text says, once read back */
};

struct edit_form {
	char *what;       /* "person 3 (NAME)": for the text's comment and messages */
	char *updated_at; /* the record's, to notice a change made meanwhile */
	struct edit_field *fields;
	size_t n, alloc;
	struct edit_field notes; /* opt NULL: the record has none */
	char *path;              /* the file the editor had, while it is kept */
};

/* The form's head: what it is and when the record was last changed. */
void edit_form_begin(struct edit_form *f, const char *kind, long long id, const char *name,
		     const char *updated_at);
/* A field, by the id of the option that sets it; NULL is "". */
void edit_form_add(struct edit_form *f, const struct args *a, int opt_id, const char *value);
/* A number field; a negative n is "" (not set). */
void edit_form_add_int(struct edit_form *f, const struct args *a, int opt_id, long long n);
void edit_form_notes(struct edit_form *f, const struct args *a, int opt_id, const char *value);
void edit_form_release(struct edit_form *f);

/*
 * Before the write transaction: load the record (in a read transaction,
 * which ends before the editor starts: nothing is held while the person
 * types), write it to a private file, run the editor on it and read it
 * back. Each field whose text changed becomes a value of its option in a,
 * as if given on the command line; an unchanged or emptied text adds none,
 * and the command then says "nothing to change". A malformed line is an
 * error with its line number. Keeps f for edit_check_current.
 */
int edit_with_editor(struct cli *cli, struct args *a, struct edit_form *f);
/* In the write transaction, before the command runs: refuse when the
 * record was changed while the editor was open (keeping the text). */
int edit_check_current(struct cli *cli, const struct args *a, struct edit_form *f);
/* After the command: the file goes, unless it keeps a text not saved
 * (edit_check_current refused it); f is released. */
void edit_done(struct edit_form *f);

#endif
