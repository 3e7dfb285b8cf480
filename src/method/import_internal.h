/*
 * import_internal.h: what the import's files share (see import.h for what
 * an import does). import.c drives an import through the table of formats
 * below; each format's file fills its entry: import_linkedin.c,
 * import_csv.c (applications), import_vcard.c. import_rows.c reads the rows
 * and header of the CSV formats; import_people.c writes a person, for
 * LinkedIn rows and vCards alike.
 */
#ifndef RAPPORT_IMPORT_INTERNAL_H
#define RAPPORT_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "io/csv_read.h"
#include "method/import.h"

#define HEADER_SEARCH_ROWS 20 /* a header is looked for in the first rows */

/* ---- the columns ---- */

enum field {
	F_FIRST, F_LAST, F_LINKEDIN, F_EMAIL, F_COMPANY, F_POSITION, F_CONNECTED, /* LinkedIn */
	F_TITLE, F_STATUS, F_APPLIED, F_URL, F_SALARY, F_SALARY_LOW, F_SALARY_HIGH, F_TARGET,
	F_LOCATION, F_NOTES, F_SOURCE, F_LEVEL, F_IGNORE, /* a spreadsheet of applications */
	F_COUNT
};

struct field_def {
	enum field f;
	const char *name; /* in messages, and FIELD of --map */
	const char *keys; /* the names it is known by, as csv_name_key gives them, best first */
};

struct import;

/* ---- a format ---- */

struct import_format {
	const char *what;    /* the summary's name for what was read: "vCards" */
	const char *records; /* what a row becomes: "people" or "opportunities" */
	unsigned store_as;   /* the records upsert_open loads: UPSERT_* */
	/* Is text clearly of this format? Then `use` names the import that reads it. */
	bool (*looks_like)(const char *text, size_t len);
	const char *use;
	unsigned refuses; /* the formats (1 << kind) this one is refused as */
	/* Check the options before anything is read; NULL: none to check. */
	int (*check_options)(struct import *im, struct error *err);
	/* Read the whole text, row by row (or card by card). */
	int (*read)(struct import *im, const char *data, size_t len, struct error *err);
	/* CSV formats: their columns, how many a row must name to be the
	 * header, the header's check and what becomes of a row. */
	const struct field_def *fields;
	int header_needs;
	int (*check_header)(struct import *im, int found, long first_line, struct error *err);
	int (*row)(struct import *im, const struct csv_row *row, struct error *err);
};

extern const struct import_format import_linkedin, import_applications, import_vcards;

/* ---- the import's state ---- */

struct import {
	struct store *s;
	struct upsert *u; /* NULL: map only, write nothing */
	const struct import_format *fmt;
	const struct import_options *o;
	struct import_summary *sum;
	size_t text_len;
	/* the header */
	long header_line;
	size_t ncols;
	char **names; /* the header's cells */
	int col[F_COUNT];
	char *move_note; /* "imported from FILE" */
};

/* A row skipped, or a value left out, at line: a note in the summary. */
void import_skip(struct import *im, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void import_warn(struct import *im, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A value quoted for a message: at most 60 bytes, whole UTF-8 characters. */
const char *import_quoted(const char *s, char buf[80]);

/* ---- CSV rows (import_rows.c) ---- */

/* A cell's value cleaned (parse_one_line or parse_note), newly allocated, or NULL. */
char *import_cell(const struct import *im, const struct csv_row *row, enum field f);
const char *import_col_name(const struct import *im, enum field f);
bool import_row_unusable(struct import *im, const struct csv_row *row);
/* Every --map is COLUMN=FIELD with a field of the format. */
int check_maps(struct import *im, struct error *err);
/* Every --map names a column of the header. */
int check_mapped_columns(struct import *im, struct error *err);
/* The header, then each row to the format's row function. */
int import_rows_read(struct import *im, const char *data, size_t len, struct error *err);
void import_free_names(char **names, size_t n);
/* Is there, in the first lines of text, one that names every word (any case)? */
bool import_early_line_names(const char *text, size_t len, const char *const *words);
/* text after a byte order mark and blank space; *len shortened to match. */
const char *import_text_start(const char *text, size_t *len);

/* ---- a value in the file against the stored one (import_merge.c) ---- */

/* Does the file's value replace the stored one? Never when the file has none. */
bool import_differs(const char *file, const char *stored);
bool import_differs_nocase(const char *file, const char *stored);
/* Web addresses compared as upsert matches them (scheme, www, case...). */
bool import_url_differs(const char *file, const char *stored);
bool import_notes_differ(const char *stored, const char *file);
/* Notes from the file join the stored ones unless they are in them already. */
bool import_merge_notes(char **stored, const char *file);
/* Set *field to file when cmp says it differs; whether it did. */
bool import_set_if(char **field, const char *file, bool (*cmp)(const char *, const char *));
bool import_day_differs(const char *file, const char *stored);

/* ---- people (import_people.c) ---- */

struct person_in {
	long line;
	char *name, *org, *title, *email, *phone, *linkedin, *notes, *uid;
	char connected[DATE_BUFSZ]; /* the day you connected, or "" */
};

void import_person_release(struct person_in *in);
void import_drop_bad_contact(struct import *im, struct person_in *in, const char *email_label,
			     const char *url_label);
bool import_bad_text(struct import *im, long line, const char *label, const char *value,
		     unsigned flags);
/* Write what a row says about a person: added, updated or unchanged. */
int import_apply_person(struct import *im, struct person_in *in, struct error *err);

#endif
