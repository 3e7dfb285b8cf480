/* import_linkedin.c: LinkedIn's export of your connections, a person per row. */
#include "method/import_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/parse.h"
#include "io/csv_read.h"
#include "store/upsert.h"

static const struct field_def linkedin_fields[] = {
	{ F_FIRST, "First Name", "firstname givenname" },
	{ F_LAST, "Last Name", "lastname surname familyname" },
	{ F_LINKEDIN, "URL", "url profileurl linkedinurl linkedin" },
	{ F_EMAIL, "Email Address", "emailaddress email" },
	{ F_COMPANY, "Company", "company" },
	{ F_POSITION, "Position", "position title" },
	{ F_CONNECTED, "Connected On", "connectedon" },
	{ F_COUNT, NULL, NULL },
};

static int linkedin_row(struct import *im, const struct csv_row *row, struct error *err)
{
	struct person_in in = { .line = row->line };
	char *first, *last, *connected;
	char q[80];
	int rc = 0;

	if (import_row_unusable(im, row))
		return 0;
	first = import_cell(im, row, F_FIRST);
	last = import_cell(im, row, F_LAST);
	if (first && last) {
		size_t a = strlen(first), b = strlen(last);
		in.name = xmalloc(a + b + 2);
		memcpy(in.name, first, a);
		in.name[a] = ' ';
		memcpy(in.name + a + 1, last, b + 1);
	} else {
		in.name = first ? xstrdup(first) : xstrdup_or_null(last);
	}
	free(first);
	free(last);
	in.org = import_cell(im, row, F_COMPANY);
	in.title = import_cell(im, row, F_POSITION);
	in.email = import_cell(im, row, F_EMAIL);
	in.linkedin = import_cell(im, row, F_LINKEDIN);
	connected = import_cell(im, row, F_CONNECTED);
	if (!in.name) {
		import_skip(im, row->line, "no name (%s and %s are empty)", import_col_name(im, F_FIRST),
			 import_col_name(im, F_LAST));
		goto out;
	}
	if (connected && parse_date(connected, in.connected))
		import_warn(im, row->line, "%s %s is not a date like 05 Mar 2024: not recorded",
			 import_col_name(im, F_CONNECTED), import_quoted(connected, q));
	import_drop_bad_contact(im, &in, import_col_name(im, F_EMAIL), import_col_name(im, F_LINKEDIN));
	rc = import_apply_person(im, &in, err);
out:
	free(connected);
	import_person_release(&in);
	return rc;
}

static int require(struct import *im, enum field f, const char *what, struct error *err)
{
	if (im->col[f] >= 0)
		return 0;
	error_set_line(err, ERR_INVALID, im->header_line,
		       "the header has no '%s' column (LinkedIn's has First Name, Last Name, URL, "
		       "Email Address, Company, Position, Connected On)", what);
	error_set_field(err, what);
	return error_in_file(err, ERR_INVALID, im->sum->file);
}

/* LinkedIn's notes before the header are its own: no warning for them. */
static int check_header(struct import *im, int found, long first_line, struct error *err)
{
	(void)first_line;
	if (found < 3)
		return error_set(err, ERR_INVALID,
				 "%s: no LinkedIn header (First Name, Last Name, URL, Email "
				 "Address, Company, Position, Connected On) in its first %d rows: "
				 "is it LinkedIn's Connections.csv?", im->sum->file,
				 HEADER_SEARCH_ROWS);
	return require(im, F_FIRST, "First Name", err) || require(im, F_LAST, "Last Name", err)
		       ? ERR_INVALID
		       : 0;
}

/* LinkedIn's export starts with a few lines of notes before its header. */
static bool looks_like(const char *text, size_t len)
{
	static const char *const words[] = { "first name", "last name", "connected on", NULL };

	return import_early_line_names(text, len, words);
}

const struct import_format import_linkedin = {
	.what = "LinkedIn connections",
	.records = "people",
	.store_as = UPSERT_PEOPLE,
	.looks_like = looks_like,
	.use = "this looks like a LinkedIn connections export: use `rapport import linkedin FILE`",
	.refuses = 1u << IMPORT_VCARD,
	.read = import_rows_read,
	.fields = linkedin_fields,
	.header_needs = 3,
	.check_header = check_header,
	.row = linkedin_row,
};
