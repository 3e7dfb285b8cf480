/* import_csv.c: a spreadsheet (or another tracker's CSV) of applications, an opportunity per row. */
#include "method/import_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/parse.h"
#include "core/text.h"
#include "io/csv_read.h"
#include "store/upsert.h"

static const struct field_def csv_fields[] = {
	{ F_COMPANY, "company",
	  "company companyname organisation organization org employer business firm" },
	{ F_TITLE, "title",
	  "title jobtitle role position job positiontitle roletitle jobname rolename" },
	{ F_STATUS, "status", "status stage applicationstatus currentstatus state pipeline" },
	{ F_APPLIED, "applied",
	  "dateapplied applied applieddate applicationdate appliedon dateofapplication "
	  "submitted datesubmitted date" },
	{ F_URL, "url", "url link joburl joblink jobposting posting postingurl listing "
			"listingurl" },
	{ F_SALARY, "salary", "salary salaryrange pay payrange compensation comp wage" },
	{ F_SALARY_LOW, "salary-low", "salarylow salarymin minsalary salaryfrom lowsalary" },
	{ F_SALARY_HIGH, "salary-high", "salaryhigh salarymax maxsalary salaryto highsalary" },
	{ F_TARGET, "salary-target",
	  "salarytarget targetsalary target desiredsalary expectedsalary" },
	{ F_LOCATION, "location", "location city place" },
	{ F_NOTES, "notes", "notes note comments comment" },
	{ F_SOURCE, "source", "source foundvia via channel jobboard board" },
	{ F_LEVEL, "level", "level seniority levelapplied" },
	{ F_IGNORE, "ignore", "ignore skip none" },
	{ F_COUNT, NULL, NULL },
};

const char *import_csv_fields(void)
{
	return "company, title, status, applied, url, salary, salary-low, salary-high, "
	       "salary-target, location, notes, "
	       "source, level or ignore";
}

/* ---- opportunities ---- */

struct opp_in {
	long line;
	char *org, *title, *url, *source, *level, *notes;
	enum stage stage;
	bool stage_given; /* the file said it (not guessed from a date) */
	char applied[DATE_BUFSZ];
	int64_t low, high, target;
};

static void opp_in_release(struct opp_in *in)
{
	free(in->org);
	free(in->title);
	free(in->url);
	free(in->source);
	free(in->level);
	free(in->notes);
}

/* Where a stage sits in the pipeline: the closed ones after every open one. */
static int stage_rank(enum stage s)
{
	return stage_is_closed(s) ? 100 : (int)s;
}

static int apply_opp(struct import *im, struct opp_in *in, struct error *err)
{
	const struct opp *old;
	struct opp o = { .salary_target = -1, .salary_low = -1, .salary_high = -1,
			 .salary_offered = -1 };
	int64_t org_id;
	bool added, changed = false;
	int to = -1, rc;

	if (!im->u) {
		im->sum->added++;
		return 0;
	}
	if (upsert_org(im->u, in->org, &org_id, &added, err))
		return error_on_line(err, err->code, in->line);
	im->sum->orgs_added += added;
	old = upsert_opp_find(im->u, in->url, org_id, in->title);
	if (!old) {
		o.org_id = org_id;
		o.org_name = xstrdup(in->org);
		o.title = xstrdup(in->title);
		o.url = xstrdup_or_null(in->url);
		o.source = xstrdup_or_null(in->source);
		o.level_applied = xstrdup_or_null(in->level);
		o.notes = xstrdup_or_null(in->notes);
		o.salary_low = in->low;
		o.salary_high = in->high;
		o.salary_target = in->target;
		o.stage = in->stage;
		rc = upsert_opp_add(im->u, &o, in->applied, im->move_note, err);
		im->sum->added++;
		goto out;
	}
	if ((rc = store_opp_get(im->s, old->id, &o, err)))
		goto out;
	changed |= import_set_if(&o.title, in->title, import_differs);
	changed |= import_set_if(&o.url, in->url, import_url_differs);
	changed |= import_set_if(&o.source, in->source, import_differs);
	changed |= import_set_if(&o.level_applied, in->level, import_differs);
	changed |= import_merge_notes(&o.notes, in->notes);
	if (org_id != o.org_id) {
		o.org_id = org_id;
		changed = true;
	}
	if (in->low >= 0 && (in->low != o.salary_low || in->high != o.salary_high)) {
		o.salary_low = in->low;
		o.salary_high = in->high;
		changed = true;
	}
	if (in->target >= 0 && in->target != o.salary_target) {
		o.salary_target = in->target;
		changed = true;
	}
	if (in->stage != o.stage) {
		if (!stage_is_closed(o.stage) && stage_rank(in->stage) > stage_rank(o.stage))
			to = (int)in->stage;
		else if (in->stage_given) {
			const char *kept = enum_name(&stage_def, (int)o.stage);
			import_warn(im, in->line, "the file says %s, rapport has '%s' at %s: kept %s",
				 enum_name(&stage_def, (int)in->stage), o.slug, kept, kept);
		}
	}
	if (changed || to >= 0)
		rc = upsert_opp_update(im->u, &o, to, im->move_note, err);
	if (!rc)
		(*(changed || to >= 0 ? &im->sum->updated : &im->sum->unchanged))++;
out:
	opp_release(&o);
	if (rc)
		return error_on_line(err, rc, in->line);
	return 0;
}

static void read_stage_and_date(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *status = import_cell(im, row, F_STATUS), *applied = import_cell(im, row, F_APPLIED);
	char q[80], today[DATE_BUFSZ];
	bool known = status && !parse_stage(status, &in->stage);

	if (applied && parse_date(applied, in->applied)) {
		import_warn(im, row->line,
			 "%s %s is not a date rapport can read for sure (write 2024-03-05 or "
			 "05 Mar 2024): left out", import_col_name(im, F_APPLIED), import_quoted(applied, q));
	} else if (applied && im->s) {
		date_format_day(store_now(im->s), today);
		if (strcmp(in->applied, today) > 0) {
			import_warn(im, row->line, "%s %s is in the future: left out",
				 import_col_name(im, F_APPLIED), import_quoted(applied, q));
			in->applied[0] = '\0';
		}
	}
	in->stage_given = known;
	if (!known)
		in->stage = in->applied[0] ? STAGE_APPLIED : STAGE_LEAD;
	if (status && !known)
		import_warn(im, row->line, "%s %s is not a stage rapport knows: imported as %s",
			 import_col_name(im, F_STATUS), import_quoted(status, q),
			 enum_name(&stage_def, (int)in->stage));
	if (known && in->stage == STAGE_LEAD && in->applied[0]) {
		import_warn(im, row->line, "%s is left out: the status says it is only a lead",
			 import_col_name(im, F_APPLIED));
		in->applied[0] = '\0';
	}
	free(status);
	free(applied);
}

/* The two ends of a range in columns of their own (as rapport's own CSV
 * export writes them), when no "salary" column gave the range. */
static void read_range_ends(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *lo = import_cell(im, row, F_SALARY_LOW), *hi = import_cell(im, row, F_SALARY_HIGH);
	int64_t l1, h1, l2, h2;
	char q[80];

	if (in->low < 0 && lo && hi) {
		if (parse_salary(lo, &l1, &h1) || parse_salary(hi, &l2, &h2) ||
		    l1 != h1 || l2 != h2 || l1 > l2)
			import_warn(im, row->line, "%s %s is not the low end of a salary range: left out",
				 import_col_name(im, F_SALARY_LOW), import_quoted(lo, q));
		else
			in->low = l1, in->high = l2;
	}
	free(lo);
	free(hi);
}

static void read_salaries(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *salary = import_cell(im, row, F_SALARY), *target = import_cell(im, row, F_TARGET);
	int64_t low, high;
	char q[80];

	in->low = in->high = in->target = -1;
	if (salary && parse_salary(salary, &in->low, &in->high)) {
		import_warn(im, row->line, "%s %s is not an annual salary or range: left out",
			 import_col_name(im, F_SALARY), import_quoted(salary, q));
		in->low = in->high = -1;
	}
	read_range_ends(im, row, in);
	if (target && (parse_salary(target, &low, &high) || low != high))
		import_warn(im, row->line, "%s %s is not an annual salary: left out",
			 import_col_name(im, F_TARGET), import_quoted(target, q));
	else if (target)
		in->target = low;
	free(salary);
	free(target);
}

static void read_notes(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *notes = import_cell(im, row, F_NOTES), *location = import_cell(im, row, F_LOCATION);
	struct strbuf sb = STRBUF_INIT;

	if (notes)
		strbuf_addstr(&sb, notes);
	if (location)
		strbuf_addf(&sb, "%sLocation: %s", sb.len ? "\n\n" : "", location);
	in->notes = sb.len ? strbuf_detach(&sb) : NULL;
	strbuf_release(&sb);
	free(notes);
	free(location);
}

static bool opp_checks(struct import *im, const struct opp_in *in)
{
	struct opp o = { .salary_target = in->target, .salary_low = in->low,
			 .salary_high = in->high, .salary_offered = -1, .stage = in->stage };
	struct error e = ERROR_INIT;

	if (import_bad_text(im, in->line, import_col_name(im, F_COMPANY), in->org, TEXT_ONE_LINE))
		return false;
	o.title = in->title;
	o.url = in->url;
	o.source = in->source;
	o.level_applied = in->level;
	o.notes = in->notes;
	if (opp_validate(&o, &e)) {
		import_skip(im, in->line, "%s", e.msg);
		return false;
	}
	return true;
}

static int csv_opp_row(struct import *im, const struct csv_row *row, struct error *err)
{
	struct opp_in in = { .line = row->line };
	struct error e = ERROR_INIT;
	char q[80];
	int rc = 0;

	if (import_row_unusable(im, row))
		return 0;
	in.org = import_cell(im, row, F_COMPANY);
	in.title = import_cell(im, row, F_TITLE);
	if (!in.org || !in.title) {
		import_skip(im, row->line, "no %s (the %s column is empty)",
			 in.org ? "title" : "company", import_col_name(im, in.org ? F_TITLE : F_COMPANY));
		goto out;
	}
	in.url = import_cell(im, row, F_URL);
	if (in.url && text_check_url(import_col_name(im, F_URL), in.url, &e)) {
		import_warn(im, row->line, "%s %s is not a web address: left out", import_col_name(im, F_URL),
			 import_quoted(in.url, q));
		free(in.url);
		in.url = NULL;
	}
	in.source = import_cell(im, row, F_SOURCE);
	in.level = import_cell(im, row, F_LEVEL);
	read_stage_and_date(im, row, &in);
	read_salaries(im, row, &in);
	read_notes(im, row, &in);
	if (opp_checks(im, &in))
		rc = apply_opp(im, &in, err);
out:
	opp_in_release(&in);
	return rc;
}

static int require(struct import *im, enum field f, const char *what, struct error *err)
{
	if (im->col[f] >= 0)
		return 0;
	error_set_line(err, ERR_INVALID, im->header_line,
		       "the header has no %s column (name it %s, or say which it is with --map "
		       "COLUMN=%s)", what, what, what);
	error_set_field(err, what);
	return error_in_file(err, ERR_INVALID, im->sum->file);
}

static int check_header(struct import *im, int found, long first_line, struct error *err)
{
	(void)found;
	if (check_mapped_columns(im, err))
		return error_in_file(err, ERR_INVALID, im->sum->file);
	if (require(im, F_COMPANY, "company", err) || require(im, F_TITLE, "title", err))
		return ERR_INVALID;
	if (im->header_line > first_line)
		import_warn(im, first_line,
			    "lines %ld to %ld come before the header (line %ld): not read",
			    first_line, im->header_line - 1, im->header_line);
	return 0;
}

/* A spreadsheet with a company and a title column (and not a vCard). */
static bool looks_like(const char *text, size_t len)
{
	static const char *const words[] = { "company", "title", NULL };

	return !import_vcards.looks_like(text, len) && import_early_line_names(text, len, words);
}

const struct import_format import_applications = {
	.what = "opportunities",
	.records = "opportunities",
	.store_as = UPSERT_OPPS,
	.looks_like = looks_like,
	.use = "this looks like a spreadsheet of applications: use `rapport import csv FILE`",
	.refuses = 1u << IMPORT_VCARD | 1u << IMPORT_LINKEDIN,
	.check_options = check_maps,
	.read = import_rows_read,
	.fields = csv_fields,
	.header_needs = 2,
	.check_header = check_header,
	.row = csv_opp_row,
};
