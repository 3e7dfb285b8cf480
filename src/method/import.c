/* import.c: rows and cards as people and opportunities (see import.h). */
#include "method/import.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/text.h"
#include "io/csv_read.h"
#include "io/vcard.h"
#include "store/upsert.h"
#include "util/file_read.h"

#define HEADER_SEARCH_ROWS 20          /* a header is looked for in the first rows */
#define FILE_MAX ((size_t)1 << 30)     /* larger than any export a person makes */

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

static bool multi_line(enum field f)
{
	return f == F_NOTES;
}

/* How well key names a field of defs: 0 for its best name, more for weaker
 * ones; -1 when it names none. */
static int field_rank(const struct field_def *defs, const char *key, enum field *f)
{
	for (const struct field_def *d = defs; d->name; d++) {
		const char *k = d->keys;
		int rank = 0;
		size_t n = strlen(key);
		while (*k) {
			size_t len = strcspn(k, " ");
			if (len == n && !strncmp(k, key, n)) {
				*f = d->f;
				return rank;
			}
			k += len;
			k += *k == ' ';
			rank++;
		}
	}
	return -1;
}

/* ---- the import's state ---- */

struct import {
	struct store *s;
	struct upsert *u; /* NULL: map only, write nothing */
	enum import_kind kind;
	const struct import_options *o;
	struct import_summary *sum;
	const struct field_def *defs;
	size_t text_len;
	/* the header */
	long header_line;
	size_t ncols;
	char **names; /* the header's cells */
	int col[F_COUNT];
	char *move_note; /* "imported from FILE" */
};

static void add_note(import_note_vec *v, long line, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	struct import_note *n = VEC_PUSH(v);

	strbuf_vaddf(&sb, fmt, ap);
	n->line = line;
	n->text = strbuf_detach(&sb);
}

__attribute__((format(printf, 3, 4))) static void skip_row(struct import *im, long line,
							   const char *fmt, ...)
							   {
							   va_list ap;

	va_start(ap, fmt);
	add_note(&im->sum->skipped, line, fmt, ap);
	va_end(ap);
}

__attribute__((format(printf, 3, 4))) static void warn_row(struct import *im, long line,
							   const char *fmt, ...)
							   {
							   va_list ap;

	va_start(ap, fmt);
	add_note(&im->sum->warnings, line, fmt, ap);
	va_end(ap);
}

/* Put "line N: " before err's message. */
static int at_line(struct error *err, int code, long line)
{
	char msg[sizeof(err->msg)];

	memcpy(msg, err->msg, sizeof(msg));
	return error_set(err, code, "line %ld: %s", line, msg);
}

/* Put "FILE: " before err's message. */
static int in_file(struct error *err, int code, const char *file)
{
	char msg[sizeof(err->msg)];

	memcpy(msg, err->msg, sizeof(msg));
	return error_set(err, code, "%s: %s", file, msg);
}

/* A value quoted for a message: at most 60 bytes, whole UTF-8 characters. */
static const char *quoted(const char *s, char buf[80])
{
	size_t n = strlen(s);

	if (n <= 60) {
		snprintf(buf, 80, "'%s'", s);
		return buf;
	}
	n = 57;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	snprintf(buf, 80, "'%.*s...'", (int)n, s);
	return buf;
}

/* ---- one row's cells ---- */

static const char *raw_cell(const struct import *im, const struct csv_row *row, enum field f)
{
	int c = im->col[f];

	if (c < 0 || (size_t)c >= row->n || !row->lens[c])
		return NULL;
	return row->fields[c];
}

/* A one-line value: tabs and line breaks become spaces, runs of spaces one,
 * no space at either end; NULL when nothing is left. */
static char *one_line(const char *s)
{
	char *out;
	size_t n = 0;
	bool space = false;

	if (!s)
		return NULL;
	out = xmalloc(strlen(s) + 1);
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = *s;
	}
	out[n] = '\0';
	if (!n) {
		free(out);
		return NULL;
	}
	return out;
}

/* A multi-line value: line ends as LF, no blank lines at either end. */
static char *note_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s)
		return NULL;
	for (; *s; s++) {
		if (*s == '\r') {
			strbuf_addch(&sb, '\n');
			s += s[1] == '\n';
		} else {
			strbuf_addch(&sb, *s);
		}
	}
	strbuf_trim(&sb);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static char *cell(const struct import *im, const struct csv_row *row, enum field f)
{
	const char *s = raw_cell(im, row, f);

	return multi_line(f) ? note_text(s) : one_line(s);
}

static const char *col_name(const struct import *im, enum field f)
{
	int c = im->col[f];

	return c >= 0 && im->names[c][0] ? im->names[c] : "?";
}

/* Skip a row that cannot be read as a whole (reporting why): a NUL byte,
 * more or fewer fields than the header (trailing empty ones aside), a value
 * longer than its field may be. */
static bool row_unusable(struct import *im, const struct csv_row *row)
{
	bool ragged = row->n < im->ncols;
	char span[96] = "";

	for (size_t i = im->ncols; i < row->n && !ragged; i++)
		ragged = row->lens[i] > 0;
	if (row->end_line > row->line)
		snprintf(span, sizeof(span), " (a quoted field runs from line %ld to %ld)",
			 row->line, row->end_line);
	if (row->has_nul) {
		skip_row(im, row->line, "holds a NUL byte (is the file binary, or damaged?)");
		return true;
	}
	if (ragged) {
		skip_row(im, row->line, "has %zu fields where the header (line %ld) has %zu%s",
			 row->n, im->header_line, im->ncols, span);
		return true;
	}
	for (int f = 0; f < F_COUNT; f++) {
		int c = im->col[f];
		size_t max = multi_line((enum field)f) ? TEXT_NOTE_MAX : TEXT_LINE_MAX;
		if (c >= 0 && f != F_IGNORE && row->lens[c] > max) {
			skip_row(im, row->line, "the %s field is %zu bytes long (at most %zu)",
				 col_name(im, (enum field)f), row->lens[c], max);
			return true;
		}
	}
	return false;
}

/* Check a value the way the store will; a problem skips the row. */
static bool bad_text(struct import *im, long line, const char *label, const char *value,
		     unsigned flags)
{
	struct error e = ERROR_INIT;

	if (!text_check(label, value, flags, &e))
		return false;
	skip_row(im, line, "%s", e.msg);
	return true;
}

/* ---- people ---- */

struct person_in {
	long line;
	char *name, *org, *title, *email, *phone, *linkedin, *notes, *uid;
	char connected[DATE_BUFSZ]; /* the day you connected, or "" */
};

static void person_in_release(struct person_in *in)
{
	free(in->name);
	free(in->org);
	free(in->title);
	free(in->email);
	free(in->phone);
	free(in->linkedin);
	free(in->notes);
	free(in->uid);
}

/* Leave out an e-mail address or a URL that the store would refuse. */
static void drop_bad_contact(struct import *im, struct person_in *in, const char *email_label,
			     const char *url_label)
{
	struct error e = ERROR_INIT;
	char q[80];

	if (in->email && text_check_email(in->email, &e)) {
		warn_row(im, in->line, "%s %s is not an e-mail address: left out", email_label,
			 quoted(in->email, q));
		free(in->email);
		in->email = NULL;
	}
	if (in->linkedin && text_check_url(url_label, in->linkedin, &e)) {
		warn_row(im, in->line, "%s %s is not a web address: left out", url_label,
			 quoted(in->linkedin, q));
		free(in->linkedin);
		in->linkedin = NULL;
	}
}

static bool person_checks(struct import *im, const struct person_in *in)
{
	struct person p = { .rapport = -1, .cadence = -1 };
	struct error e = ERROR_INIT;

	if (in->org && bad_text(im, in->line, "the organisation", in->org, TEXT_ONE_LINE))
		return false;
	p.name = in->name;
	p.title = in->title;
	p.email = in->email;
	p.phone = in->phone;
	p.linkedin = in->linkedin;
	p.notes = in->notes;
	p.uid = in->uid;
	p.connected_on = in->connected[0] ? (char *)in->connected : NULL;
	if (person_validate(&p, &e)) {
		skip_row(im, in->line, "%s", e.msg);
		return false;
	}
	return true;
}

/* Does the file's value replace the stored one? Never when the file has none. */
static bool differs(const char *file, const char *stored)
{
	return file && (!stored || strcmp(file, stored));
}

static bool differs_nocase(const char *file, const char *stored)
{
	return file && (!stored || strcasecmp(file, stored));
}

static bool url_differs(const char *file, const char *stored)
{
	char *a, *b;
	bool d;

	if (!file || !stored)
		return file != NULL;
	if (!strcmp(file, stored))
		return false;
	a = upsert_url_key(file);
	b = upsert_url_key(stored);
	d = strcmp(a, b) != 0;
	free(a);
	free(b);
	return d;
}

static bool notes_differ(const char *stored, const char *file)
{
	return file && !(stored && strstr(stored, file));
}

/* Notes from the file join the stored ones unless they are in them already. */
static bool merge_notes(char **stored, const char *file)
{
	struct strbuf sb = STRBUF_INIT;

	if (!notes_differ(*stored, file))
		return false;
	if (*stored)
		strbuf_addf(&sb, "%s\n\n", *stored);
	strbuf_addstr(&sb, file);
	free(*stored);
	*stored = strbuf_detach(&sb);
	return true;
}

static bool set_if(char **field, const char *file, bool (*cmp)(const char *, const char *))
{
	if (!cmp(file, *field))
		return false;
	field_set(field, file);
	return true;
}

static bool day_differs(const char *file, const char *stored)
{
	return *file && (!stored || strcmp(file, stored));
}

/* Would the row change the person? (What merge_person does, without doing it.) */
static bool person_differs(const struct person *p, const struct person_in *in, int64_t org_id)
{
	return differs(in->name, p->name) || differs(in->title, p->title) ||
	       differs_nocase(in->email, p->email) || differs(in->phone, p->phone) ||
	       url_differs(in->linkedin, p->linkedin) || notes_differ(p->notes, in->notes) ||
	       day_differs(in->connected, p->connected_on) || (org_id && org_id != p->org_id);
}

static void merge_person(struct person *p, const struct person_in *in, int64_t org_id)
{
	set_if(&p->name, in->name, differs);
	set_if(&p->title, in->title, differs);
	set_if(&p->email, in->email, differs_nocase);
	set_if(&p->phone, in->phone, differs);
	set_if(&p->linkedin, in->linkedin, url_differs);
	merge_notes(&p->notes, in->notes);
	if (day_differs(in->connected, p->connected_on))
		field_set(&p->connected_on, in->connected);
	if (org_id)
		p->org_id = org_id;
}

static char *take(char **field)
{
	char *v = *field;

	*field = NULL;
	return v;
}

/* Write what a row says about a person: added, updated or unchanged. The
 * row is checked only when something is to be written (most rows of a file
 * imported again change nothing). A new person takes the row's fields. */
static int apply_person(struct import *im, struct person_in *in, struct error *err)
{
	const struct person *old;
	struct person p = { .rapport = -1, .cadence = -1 };
	int64_t org_id;
	bool added, new_org;
	int rc = 0;

	if (!im->u) {
		im->sum->added += person_checks(im, in);
		return 0;
	}
	org_id = in->org ? upsert_org_find(im->u, in->org) : 0;
	new_org = in->org && !org_id;
	/* nobody is at an organisation that does not exist yet */
	old = upsert_person_find(im->u, in->uid, in->linkedin, in->email, new_org ? NULL : in->name,
				 org_id);
	if (old && !new_org && !person_differs(old, in, org_id)) {
		im->sum->unchanged++;
		return 0;
	}
	if (!person_checks(im, in))
		return 0;
	if (new_org && (rc = upsert_org(im->u, in->org, &org_id, &added, err)))
		return at_line(err, rc, in->line);
	im->sum->orgs_added += new_org;
	im->sum->connected += in->connected[0] && (!old || day_differs(in->connected,
								      old->connected_on));
	if (!old) {
		/* the row's fields move to the new person (the row ends here) */
		p.name = take(&in->name);
		p.org_id = org_id;
		p.title = take(&in->title);
		p.email = take(&in->email);
		p.phone = take(&in->phone);
		p.linkedin = take(&in->linkedin);
		p.notes = take(&in->notes);
		p.uid = take(&in->uid);
		p.connected_on = in->connected[0] ? xstrdup(in->connected) : NULL;
		rc = upsert_person_add(im->u, &p, err);
		im->sum->added++;
	} else if (!(rc = upsert_person_get(im->u, old->id, &p, err))) {
		merge_person(&p, in, org_id);
		rc = upsert_person_update(im->u, &p, err);
		im->sum->updated++;
	}
	person_release(&p);
	return rc ? at_line(err, rc, in->line) : 0;
}

static int linkedin_row(struct import *im, const struct csv_row *row, struct error *err)
{
	struct person_in in = { .line = row->line };
	char *first, *last, *connected;
	char q[80];
	int rc = 0;

	if (row_unusable(im, row))
		return 0;
	first = cell(im, row, F_FIRST);
	last = cell(im, row, F_LAST);
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
	in.org = cell(im, row, F_COMPANY);
	in.title = cell(im, row, F_POSITION);
	in.email = cell(im, row, F_EMAIL);
	in.linkedin = cell(im, row, F_LINKEDIN);
	connected = cell(im, row, F_CONNECTED);
	if (!in.name) {
		skip_row(im, row->line, "no name (%s and %s are empty)", col_name(im, F_FIRST),
			 col_name(im, F_LAST));
		goto out;
	}
	if (connected && import_parse_date(connected, in.connected))
		warn_row(im, row->line, "%s %s is not a date like 05 Mar 2024: not recorded",
			 col_name(im, F_CONNECTED), quoted(connected, q));
	drop_bad_contact(im, &in, col_name(im, F_EMAIL), col_name(im, F_LINKEDIN));
	rc = apply_person(im, &in, err);
out:
	free(connected);
	person_in_release(&in);
	return rc;
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
		return at_line(err, err->code, in->line);
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
	changed |= set_if(&o.title, in->title, differs);
	changed |= set_if(&o.url, in->url, url_differs);
	changed |= set_if(&o.source, in->source, differs);
	changed |= set_if(&o.level_applied, in->level, differs);
	changed |= merge_notes(&o.notes, in->notes);
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
			warn_row(im, in->line, "the file says %s, rapport has '%s' at %s: kept %s",
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
		return at_line(err, rc, in->line);
	return 0;
}

static void read_stage_and_date(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *status = cell(im, row, F_STATUS), *applied = cell(im, row, F_APPLIED);
	char q[80], today[DATE_BUFSZ];
	bool known = status && !import_parse_stage(status, &in->stage);

	if (applied && import_parse_date(applied, in->applied)) {
		warn_row(im, row->line,
			 "%s %s is not a date rapport can read for sure (write 2024-03-05 or "
			 "05 Mar 2024): left out", col_name(im, F_APPLIED), quoted(applied, q));
	} else if (applied && im->s) {
		date_format_day(store_now(im->s), today);
		if (strcmp(in->applied, today) > 0) {
			warn_row(im, row->line, "%s %s is in the future: left out",
				 col_name(im, F_APPLIED), quoted(applied, q));
			in->applied[0] = '\0';
		}
	}
	in->stage_given = known;
	if (!known)
		in->stage = in->applied[0] ? STAGE_APPLIED : STAGE_LEAD;
	if (status && !known)
		warn_row(im, row->line, "%s %s is not a stage rapport knows: imported as %s",
			 col_name(im, F_STATUS), quoted(status, q),
			 enum_name(&stage_def, (int)in->stage));
	if (known && in->stage == STAGE_LEAD && in->applied[0]) {
		warn_row(im, row->line, "%s is left out: the status says it is only a lead",
			 col_name(im, F_APPLIED));
		in->applied[0] = '\0';
	}
	free(status);
	free(applied);
}

/* The two ends of a range in columns of their own (as rapport's own CSV
 * export writes them), when no "salary" column gave the range. */
static void read_range_ends(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *lo = cell(im, row, F_SALARY_LOW), *hi = cell(im, row, F_SALARY_HIGH);
	int64_t l1, h1, l2, h2;
	char q[80];

	if (in->low < 0 && lo && hi) {
		if (import_parse_salary(lo, &l1, &h1) || import_parse_salary(hi, &l2, &h2) ||
		    l1 != h1 || l2 != h2 || l1 > l2)
			warn_row(im, row->line, "%s %s is not the low end of a salary range: left out",
				 col_name(im, F_SALARY_LOW), quoted(lo, q));
		else
			in->low = l1, in->high = l2;
	}
	free(lo);
	free(hi);
}

static void read_salaries(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *salary = cell(im, row, F_SALARY), *target = cell(im, row, F_TARGET);
	int64_t low, high;
	char q[80];

	in->low = in->high = in->target = -1;
	if (salary && import_parse_salary(salary, &in->low, &in->high)) {
		warn_row(im, row->line, "%s %s is not an annual salary or range: left out",
			 col_name(im, F_SALARY), quoted(salary, q));
		in->low = in->high = -1;
	}
	read_range_ends(im, row, in);
	if (target && (import_parse_salary(target, &low, &high) || low != high))
		warn_row(im, row->line, "%s %s is not an annual salary: left out",
			 col_name(im, F_TARGET), quoted(target, q));
	else if (target)
		in->target = low;
	free(salary);
	free(target);
}

static void read_notes(struct import *im, const struct csv_row *row, struct opp_in *in)
{
	char *notes = cell(im, row, F_NOTES), *location = cell(im, row, F_LOCATION);
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

	if (bad_text(im, in->line, col_name(im, F_COMPANY), in->org, TEXT_ONE_LINE))
		return false;
	o.title = in->title;
	o.url = in->url;
	o.source = in->source;
	o.level_applied = in->level;
	o.notes = in->notes;
	if (opp_validate(&o, &e)) {
		skip_row(im, in->line, "%s", e.msg);
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

	if (row_unusable(im, row))
		return 0;
	in.org = cell(im, row, F_COMPANY);
	in.title = cell(im, row, F_TITLE);
	if (!in.org || !in.title) {
		skip_row(im, row->line, "no %s (the %s column is empty)",
			 in.org ? "title" : "company", col_name(im, in.org ? F_TITLE : F_COMPANY));
		goto out;
	}
	in.url = cell(im, row, F_URL);
	if (in.url && text_check_url(col_name(im, F_URL), in.url, &e)) {
		warn_row(im, row->line, "%s %s is not a web address: left out", col_name(im, F_URL),
			 quoted(in.url, q));
		free(in.url);
		in.url = NULL;
	}
	in.source = cell(im, row, F_SOURCE);
	in.level = cell(im, row, F_LEVEL);
	read_stage_and_date(im, row, &in);
	read_salaries(im, row, &in);
	read_notes(im, row, &in);
	if (opp_checks(im, &in))
		rc = apply_opp(im, &in, err);
out:
	opp_in_release(&in);
	return rc;
}

/* ---- the header ---- */

struct header_scan {
	struct import *im;
	long line;
	size_t ncols;
	char **names;
	int col[F_COUNT];
	int found;  /* recognised columns */
	long rows;
	long first_line;
	bool map_error;
};

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

/* A --map's COLUMN for the cell named key, or -1; its field in *f. */
static int mapped(const struct import *im, const char *key, enum field *f, struct strbuf *tmp)
{
	for (size_t i = 0; i < im->o->nmaps; i++) {
		const char *m = im->o->maps[i], *eq = strrchr(m, '=');
		char *column = xstrndup(m, (size_t)(eq - m));
		bool same;

		csv_name_key(tmp, column);
		free(column);
		same = !strcmp(tmp->buf, key);
		csv_name_key(tmp, eq + 1);
		if (same && field_rank(im->defs, tmp->buf, f) >= 0)
			return (int)i;
	}
	return -1;
}

/* Which field each cell of a row would be; how many cells name one. */
static int resolve_columns(struct import *im, const struct csv_row *row, int col[F_COUNT])
{
	int rank[F_COUNT], found = 0;
	struct strbuf key = STRBUF_INIT, tmp = STRBUF_INIT;

	for (int f = 0; f < F_COUNT; f++)
		col[f] = -1, rank[f] = 1 << 20;
	for (size_t c = 0; c < row->n; c++) {
		enum field f;
		int r;

		csv_name_key(&key, row->fields[c]);
		if (!key.len)
			continue;
		if (mapped(im, key.buf, &f, &tmp) >= 0)
			r = -1; /* the user's word beats any name */
		else if ((r = field_rank(im->defs, key.buf, &f)) < 0)
			continue;
		if (f != F_IGNORE)
			found++;
		if (r < rank[f]) {
			rank[f] = r;
			col[f] = (int)c;
		}
	}
	strbuf_release(&key);
	strbuf_release(&tmp);
	return found;
}

static int on_header_row(void *ctx, const struct csv_row *row, struct error *err)
{
	struct header_scan *h = ctx;
	int col[F_COUNT];
	int found, need = h->im->kind == IMPORT_LINKEDIN ? 3 : 2;

	(void)err;
	if (!h->rows++)
		h->first_line = row->line;
	found = resolve_columns(h->im, row, col);
	/* the first row is the header unless a later one (after notes) names more columns */
	if (h->rows == 1 || (found >= need && found > h->found)) {
		free_names(h->names, h->ncols);
		h->names = xcalloc(row->n ? row->n : 1, sizeof(*h->names));
		for (size_t i = 0; i < row->n; i++)
			h->names[i] = one_line(row->fields[i]);
		for (size_t i = 0; i < row->n; i++)
			if (!h->names[i])
				h->names[i] = xstrdup("");
		h->ncols = row->n;
		h->line = row->line;
		h->found = found;
		memcpy(h->col, col, sizeof(col));
	}
	return found >= need || h->rows >= HEADER_SEARCH_ROWS ? 1 : 0;
}

static int check_maps(struct import *im, struct error *err)
{
	struct strbuf tmp = STRBUF_INIT;
	enum field f;
	int rc = 0;

	for (size_t i = 0; i < im->o->nmaps && !rc; i++) {
		const char *m = im->o->maps[i], *eq = strrchr(m, '=');
		if (!eq || eq == m)
			rc = error_set(err, ERR_INVALID, "--map takes COLUMN=FIELD, not '%s'", m);
		else if ((csv_name_key(&tmp, eq + 1), field_rank(im->defs, tmp.buf, &f)) < 0)
			rc = error_set(err, ERR_INVALID,
				       "--map %s: no field '%s'; the fields are %s", m, eq + 1,
				       import_csv_fields());
	}
	strbuf_release(&tmp);
	return rc;
}

/* Every --map names a column of the header. */
static int check_mapped_columns(struct import *im, struct error *err)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; i < im->o->nmaps && !rc; i++) {
		const char *m = im->o->maps[i], *eq = strrchr(m, '=');
		char *column = xstrndup(m, (size_t)(eq - m));
		bool seen = false;
		csv_name_key(&a, column);
		for (size_t c = 0; c < im->ncols && !seen; c++) {
			csv_name_key(&b, im->names[c]);
			seen = !strcmp(a.buf, b.buf);
		}
		if (!seen)
			rc = error_set(err, ERR_INVALID, "--map %s: the header (line %ld) has no "
				       "column '%s'", m, im->header_line, column);
		free(column);
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return rc;
}

static int require(struct import *im, enum field f, const char *what, struct error *err)
{
	if (im->col[f] >= 0)
		return 0;
	if (im->kind == IMPORT_LINKEDIN)
		return error_set(err, ERR_INVALID,
				 "%s: line %ld: the header has no '%s' column (LinkedIn's has "
				 "First Name, Last Name, URL, Email Address, Company, Position, "
				 "Connected On)", im->sum->file, im->header_line, what);
	return error_set(err, ERR_INVALID,
			 "%s: line %ld: the header has no %s column (name it %s, or say which "
			 "it is with --map COLUMN=%s)", im->sum->file, im->header_line, what, what,
			 what);
}

static int find_header(struct import *im, const char *text, size_t len, struct error *err)
{
	struct header_scan h = { .im = im };
	int rc = csv_read_rows(text, len, on_header_row, &h, err);

	if (rc < 0) {
		free_names(h.names, h.ncols);
		return in_file(err, rc, im->sum->file);
	}
	if (!h.rows) {
		free_names(h.names, h.ncols);
		return error_set(err, ERR_INVALID, "%s: the file is empty: nothing to import",
				 im->sum->file);
	}
	im->header_line = im->sum->header_line = h.line;
	im->ncols = h.ncols;
	im->names = h.names;
	memcpy(im->col, h.col, sizeof(im->col));
	if (im->kind == IMPORT_LINKEDIN && h.found < 3)
		return error_set(err, ERR_INVALID,
				 "%s: no LinkedIn header (First Name, Last Name, URL, Email "
				 "Address, Company, Position, Connected On) in its first %d rows: "
				 "is it LinkedIn's Connections.csv?", im->sum->file,
				 HEADER_SEARCH_ROWS);
	if (im->kind == IMPORT_LINKEDIN)
		return require(im, F_FIRST, "First Name", err) ||
		       require(im, F_LAST, "Last Name", err) ? ERR_INVALID : 0;
	if (check_mapped_columns(im, err))
		return in_file(err, ERR_INVALID, im->sum->file);
	if (require(im, F_COMPANY, "company", err) || require(im, F_TITLE, "title", err))
		return ERR_INVALID;
	if (h.line > h.first_line)
		warn_row(im, h.first_line,
			 "lines %ld to %ld come before the header (line %ld): not read",
			 h.first_line, h.line - 1, h.line);
	return 0;
}

/* ---- reading the whole file ---- */

static void progress(struct import *im, size_t offset)
{
	if (im->o->progress && im->text_len)
		im->o->progress(im->o->progress_ctx, (double)offset / (double)im->text_len,
				im->sum->rows);
}

static int on_data_row(void *ctx, const struct csv_row *row, struct error *err)
{
	struct import *im = ctx;

	if (row->line <= im->header_line)
		return 0;
	im->sum->rows++;
	progress(im, row->offset);
	return im->kind == IMPORT_LINKEDIN ? linkedin_row(im, row, err) : csv_opp_row(im, row, err);
}

static int import_csv_text(struct import *im, const char *data, size_t len, struct error *err)
{
	struct csv_text t;
	int rc;

	if (!len)
		return error_set(err, ERR_INVALID, "%s: the file is empty: nothing to import",
				 im->sum->file);
	if (csv_text_decode(data, len, &t, err))
		return in_file(err, ERR_INVALID, im->sum->file);
	im->sum->encoding = csv_encoding_name(&t);
	im->sum->converted = t.encoding != CSV_UTF8;
	im->sum->first_bad_line = t.first_bad_line;
	im->text_len = t.len;
	rc = find_header(im, t.buf, t.len, err);
	if (!rc) {
		rc = csv_read_rows(t.buf, t.len, on_data_row, im, err);
		if (rc && !strncmp(err->msg, "line ", 5))
			rc = in_file(err, rc, im->sum->file);
	}
	if (!rc && !im->sum->rows)
		rc = error_set(err, ERR_INVALID, "%s: line %ld: the header has no rows after it: "
			       "nothing to import", im->sum->file, im->header_line);
	csv_text_release(&t);
	return rc;
}

/* ---- vCards ---- */

static const struct vcard_value *preferred(const struct vcard_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].pref)
			return &v[i];
	return n ? &v[0] : NULL;
}

static int vcard_one(struct import *im, const struct vcard *c, struct error *err)
{
	struct person_in in = { .line = c->line };
	const struct vcard_value *email = preferred(c->emails, c->nemails);
	const struct vcard_value *phone = preferred(c->phones, c->nphones);
	int rc = 0;

	in.name = one_line(c->fn);
	if (!in.name && (c->given || c->family)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s %s", c->given ? c->given : "", c->family ? c->family : "");
		in.name = one_line(sb.buf);
		strbuf_release(&sb);
	}
	if (!in.name) {
		skip_row(im, c->line, "a card without a name (FN and N are empty)");
		return 0;
	}
	in.org = one_line(c->org);
	in.title = one_line(c->title);
	in.email = email ? one_line(email->value) : NULL;
	in.phone = phone ? one_line(phone->value) : NULL;
	if (c->url && strcasestr(c->url, "linkedin.com/"))
		in.linkedin = one_line(c->url);
	in.notes = note_text(c->note);
	in.uid = one_line(c->uid);
	if (in.uid && strlen(in.uid) > 255) {
		warn_row(im, c->line, "its UID is longer than 255 characters: left out");
		free(in.uid);
		in.uid = NULL;
	}
	drop_bad_contact(im, &in, "EMAIL", "URL");
	rc = apply_person(im, &in, err);
	person_in_release(&in);
	return rc;
}

static int cmp_note(const void *a, const void *b)
{
	const struct import_note *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

static int import_vcard_text(struct import *im, const char *data, size_t len, struct error *err)
{
	struct vcard_list l = { 0 };
	int rc;

	if (!len)
		return error_set(err, ERR_INVALID, "%s: the file is empty: nothing to import",
				 im->sum->file);
	im->sum->encoding = "UTF-8";
	if (vcard_read(data, len, &l, err)) {
		vcard_list_release(&l);
		return in_file(err, ERR_INVALID, im->sum->file);
	}
	for (size_t i = 0; i < l.nskips; i++)
		skip_row(im, l.skips[i].line, "%s", l.skips[i].reason);
	im->sum->rows = (long)(l.n + l.nskips);
	rc = 0;
	for (size_t i = 0; i < l.n && !rc; i++) {
		if (im->o->progress)
			im->o->progress(im->o->progress_ctx, (double)(i + 1) / (double)l.n,
					(long)i + 1);
		rc = vcard_one(im, &l.cards[i], err);
	}
	if (!rc && !im->sum->rows)
		rc = error_set(err, ERR_INVALID, "%s: no vCard in the file: nothing to import",
			       im->sum->file);
	if (im->sum->skipped.n)
		qsort(im->sum->skipped.items, im->sum->skipped.n, sizeof(struct import_note),
		      cmp_note);
	vcard_list_release(&l);
	return rc;
}

/* ---- a file of another kind ---- */

/* Is there, in the first lines of text, one that names every word (any case)?
 * LinkedIn's export starts with a few lines of notes before its header. */
static bool early_line_names(const char *text, size_t len, const char *const *words)
{
	char line[512];
	size_t at = 0;

	for (int n = 0; n < HEADER_SEARCH_ROWS && at < len; n++) {
		size_t k = 0;
		bool all = true;

		while (at < len && text[at] != '\n') {
			if (k + 1 < sizeof(line))
				line[k++] = (char)tolower((unsigned char)text[at]);
			at++;
		}
		line[k] = '\0';
		at++;
		for (size_t w = 0; words[w] && all; w++)
			all = strstr(line, words[w]) != NULL;
		if (all)
			return true;
	}
	return false;
}

/* What else data clearly is, when it is not what kind expects: a message
 * naming the right import, or NULL. Bug (issue 16): a LinkedIn export given
 * as applications made an opportunity of each person's job title. */
static const char *another_kind(enum import_kind kind, const char *data, size_t len)
{
	static const char *const linkedin[] = { "first name", "last name", "connected on", NULL };
	static const char *const applications[] = { "company", "title", NULL };
	size_t i = 0;

	if (len >= 16 && !memcmp(data, "SQLite format 3", 16))
		return "this looks like a rapport database, not a file to import: use `rapport "
		       "restore FILE` to put a backup back";
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		i = 3; /* a byte order mark */
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (kind != IMPORT_VCARD && len - i >= 11 && !strncasecmp(data + i, "BEGIN:VCARD", 11))
		return "this looks like an address book's vCards: use `rapport import vcard FILE`";
	if (i < len && (data[i] == '{' || data[i] == '['))
		return "this looks like a JSON document (a rapport backup?): use `rapport import "
		       "json FILE`";
	if (kind != IMPORT_LINKEDIN && early_line_names(data + i, len - i, linkedin))
		return "this looks like a LinkedIn connections export: use `rapport import "
		       "linkedin FILE`";
	if (kind == IMPORT_VCARD && (len - i < 11 || strncasecmp(data + i, "BEGIN:VCARD", 11)) &&
	    early_line_names(data + i, len - i, applications))
		return "this looks like a spreadsheet of applications: use `rapport import csv "
		       "FILE`";
	return NULL;
}

/* ---- entry points ---- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

int import_text(struct store *s, enum import_kind kind, const char *name, const char *data,
		size_t len, const struct import_options *o, struct import_summary *sum,
		struct error *err)
{
	static const struct import_options none = { 0 };
	struct import im = { .s = s, .kind = kind, .o = o ? o : &none, .sum = sum };
	struct strbuf note = STRBUF_INIT;
	const char *other = another_kind(kind, data, len);
	int rc;

	memset(sum, 0, sizeof(*sum));
	sum->kind = kind;
	sum->records = kind == IMPORT_CSV ? "opportunities" : "people";
	sum->file = xstrdup(name);
	if (other) {
		strbuf_release(&note);
		return error_set(err, ERR_INVALID, "%s: %s; nothing was imported", name, other);
	}
	sum->dry_run = im.o->dry_run;
	im.defs = kind == IMPORT_CSV ? csv_fields : linkedin_fields;
	strbuf_addf(&note, "imported from %s", base_name(name));
	im.move_note = note.buf;
	if (kind == IMPORT_CSV && (rc = check_maps(&im, err)))
		goto out;
	if (s && (rc = upsert_open(s, kind == IMPORT_CSV ? UPSERT_OPPS : UPSERT_PEOPLE, &im.u,
				   err)))
		goto out;
	if (im.u && im.o->dry_run && (rc = upsert_mark(im.u, err)))
		goto out;
	rc = kind == IMPORT_VCARD ? import_vcard_text(&im, data, len, err)
				  : import_csv_text(&im, data, len, err);
	if (im.u && !rc)
		rc = upsert_flush(im.u, err);
	if (im.u && !rc)
		rc = im.o->dry_run ? upsert_undo(im.u, err) : upsert_keep(im.u, err);
out:
	upsert_close(im.u);
	free_names(im.names, im.ncols);
	strbuf_release(&note);
	return rc;
}

static int read_whole(const char *path, char **data, size_t *len, struct error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = file_read_regular(path, FILE_MAX, &sb, err);

	if (rc) {
		strbuf_release(&sb);
		return rc == ERR_NOT_FOUND ? ERR_IO : rc; /* a file named to import */
	}
	*len = sb.len;
	*data = strbuf_detach(&sb);
	return 0;
}

int import_file(struct store *s, enum import_kind kind, const char *path,
		const struct import_options *o, struct import_summary *sum, struct error *err)
{
	char *data;
	size_t len;
	int rc;

	memset(sum, 0, sizeof(*sum));
	if (read_whole(path, &data, &len, err))
		return err->code;
	rc = import_text(s, kind, path, data, len, o, sum, err);
	free(data);
	return rc;
}

static void notes_release(import_note_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i].text);
	free(v->items);
	v->items = NULL;
	v->n = v->alloc = 0;
}

void import_summary_release(struct import_summary *sum)
{
	free(sum->file);
	sum->file = NULL;
	notes_release(&sum->skipped);
	notes_release(&sum->warnings);
}

/* ---- the summary ---- */

void import_summary_text(struct strbuf *out, const struct import_summary *sum,
			 size_t max_notes)
{
	static const char *const what[] = { "LinkedIn connections", "opportunities", "vCards" };
	size_t i = 0, j = 0, shown = 0, total = sum->skipped.n + sum->warnings.n;

	strbuf_addf(out, "%s%s: %ld %s: %ld added, %ld updated, %ld unchanged, %zu skipped\n",
		    sum->dry_run ? "dry run: " : "", sum->file, sum->rows,
		    what[sum->kind], sum->added, sum->updated, sum->unchanged, sum->skipped.n);
	if (sum->orgs_added)
		strbuf_addf(out, "organisations added: %ld\n", sum->orgs_added);
	if (sum->connected)
		strbuf_addf(out, "connection dates recorded: %ld\n", sum->connected);
	if (sum->converted)
		strbuf_addf(out, "the file is not all UTF-8 (line %ld is the first that is not): "
			    "read as %s and converted\n", sum->first_bad_line, sum->encoding);
	/* skipped rows and warnings together, by line */
	while ((i < sum->skipped.n || j < sum->warnings.n) && shown < max_notes) {
		bool take_skip = j >= sum->warnings.n ||
				 (i < sum->skipped.n &&
				  sum->skipped.items[i].line <= sum->warnings.items[j].line);
		const struct import_note *n = take_skip ? &sum->skipped.items[i++]
							: &sum->warnings.items[j++];
		strbuf_addf(out, "line %ld: %s%s\n", n->line, take_skip ? "skipped: " : "",
			    n->text);
		shown++;
	}
	if (shown < total)
		strbuf_addf(out, "... and %zu more (--json lists them all)\n", total - shown);
	if (sum->dry_run)
		strbuf_addstr(out, "dry run: nothing was written\n");
}

/* ---- parsers ---- */

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
				      "jul", "aug", "sep", "oct", "nov", "dec" };

/* 1-12 for a month's name or its first three letters (and "sept"), else 0. */
static int month_of(const char *w, size_t n)
{
	static const char *const full[] = { "january", "february", "march", "april", "may",
					    "june", "july", "august", "september", "october",
					    "november", "december" };
	for (int m = 0; m < 12; m++)
		if ((n == 3 && !strncasecmp(w, months[m], 3)) ||
		    (n == strlen(full[m]) && !strncasecmp(w, full[m], n)) ||
		    (m == 8 && n == 4 && !strncasecmp(w, "sept", 4)))
			return m + 1;
	return 0;
}

/* A whole number of 1 to max_digits digits (a day may end in st, nd, rd or th). */
static int number_of(const char *w, size_t n, size_t max_digits, bool ordinal)
{
	size_t d = 0;
	int v = 0;

	while (d < n && isdigit((unsigned char)w[d]) && d < max_digits)
		v = v * 10 + (w[d++] - '0');
	if (!d || (d < n && !(ordinal && n - d == 2 && (!strncasecmp(w + d, "st", 2) ||
						      !strncasecmp(w + d, "nd", 2) ||
						      !strncasecmp(w + d, "rd", 2) ||
						      !strncasecmp(w + d, "th", 2)))))
		return -1;
	return v;
}

static int set_day(int y, int m, int d, char out[DATE_BUFSZ])
{
	if (y < 1900 || y > 2999 || !date_valid(y, m, d))
		return -1;
	/* YYYY-MM-DD, as date_format_day writes it (without printf, per row) */
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
	out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
	out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = '\0';
	return 0;
}

int import_parse_date(const char *s, char out[DATE_BUFSZ])
{
	const char *w[4];
	size_t n[4], nw = 0;
	int a, b, y, m;

	while (isspace((unsigned char)*s))
		s++;
	/* ISO, or with slashes: the year first reads one way only */
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    (s[4] == '-' || s[4] == '/')) {
		char *end;
		long mo, d;
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		mo = strtol(s + 5, &end, 10);
		if (end == s + 5 || *end != s[4] || !isdigit((unsigned char)end[1]))
			return -1;
		d = strtol(end + 1, &end, 10);
		if (*end && *end != 'T' && *end != ' ')
			return -1;
		/* in range before the conversion to int: 2024-4294967297-01
		 * must not read as 2024-01-01 */
		if (mo < 1 || mo > 12 || d < 1 || d > 31)
			return -1;
		return set_day(y, (int)mo, (int)d, out);
	}
	/* words: 05 Mar 2024, 5-March-2024, Mar 5, 2024, March 5 2024 */
	while (*s && nw < 4) {
		while (*s == ' ' || *s == '-' || *s == ',' || *s == '.')
			s++;
		if (!*s)
			break;
		w[nw] = s;
		while (*s && *s != ' ' && *s != '-' && *s != ',' && *s != '.')
			s++;
		n[nw] = (size_t)(s - w[nw]);
		nw++;
	}
	while (*s == ' ' || *s == '-' || *s == ',' || *s == '.')
		s++;
	if (nw != 3 || *s || (y = number_of(w[2], n[2], 4, false)) < 0 || n[2] != 4)
		return -1;
	if ((m = month_of(w[1], n[1])) && (a = number_of(w[0], n[0], 2, true)) > 0)
		return set_day(y, m, a, out);
	if ((m = month_of(w[0], n[0])) && (b = number_of(w[1], n[1], 2, true)) > 0)
		return set_day(y, m, b, out);
	return -1;
}

/* Status words, strongest first: an outcome beats a step ("offer
 * declined" is declined), a negation beats the word it negates. */
static const struct {
	const char *words;
	enum stage stage;
} status_words[] = {
	{ "not applied", STAGE_LEAD },
	{ "not selected", STAGE_REJECTED },
	{ "no offer", STAGE_REJECTED },
	{ "not interested", STAGE_WITHDRAWN },
	{ "not a fit", STAGE_REJECTED },
	{ "rejected", STAGE_REJECTED },
	{ "rejection", STAGE_REJECTED },
	{ "reject", STAGE_REJECTED },
	{ "unsuccessful", STAGE_REJECTED },
	{ "position filled", STAGE_REJECTED },
	{ "filled", STAGE_REJECTED },
	{ "closed", STAGE_REJECTED },
	{ "declined", STAGE_DECLINED },
	{ "turned down", STAGE_DECLINED },
	{ "withdrawn", STAGE_WITHDRAWN },
	{ "withdrew", STAGE_WITHDRAWN },
	{ "withdraw", STAGE_WITHDRAWN },
	{ "cancelled", STAGE_WITHDRAWN },
	{ "canceled", STAGE_WITHDRAWN },
	{ "archived", STAGE_WITHDRAWN },
	{ "accepted", STAGE_ACCEPTED },
	{ "hired", STAGE_ACCEPTED },
	{ "signed", STAGE_ACCEPTED },
	{ "negotiating", STAGE_NEGOTIATING },
	{ "negotiation", STAGE_NEGOTIATING },
	{ "negotiate", STAGE_NEGOTIATING },
	{ "offer", STAGE_OFFER },
	{ "offered", STAGE_OFFER },
	{ "interviewing", STAGE_INTERVIEWING },
	{ "interview", STAGE_INTERVIEWING },
	{ "interviews", STAGE_INTERVIEWING },
	{ "interviewed", STAGE_INTERVIEWING },
	{ "onsite", STAGE_INTERVIEWING },
	{ "on site", STAGE_INTERVIEWING },
	{ "final round", STAGE_INTERVIEWING },
	{ "second round", STAGE_INTERVIEWING },
	{ "first round", STAGE_INTERVIEWING },
	{ "technical", STAGE_INTERVIEWING },
	{ "assessment", STAGE_INTERVIEWING },
	{ "take home", STAGE_INTERVIEWING },
	{ "panel", STAGE_INTERVIEWING },
	{ "phone screen", STAGE_CONVERSATION },
	{ "screening", STAGE_CONVERSATION },
	{ "screen", STAGE_CONVERSATION },
	{ "recruiter call", STAGE_CONVERSATION },
	{ "intro call", STAGE_CONVERSATION },
	{ "conversation", STAGE_CONVERSATION },
	{ "contacted", STAGE_CONVERSATION },
	{ "networking", STAGE_CONVERSATION },
	{ "informational", STAGE_CONVERSATION },
	{ "applied", STAGE_APPLIED },
	{ "application", STAGE_APPLIED },
	{ "submitted", STAGE_APPLIED },
	{ "ghosted", STAGE_APPLIED },
	{ "no response", STAGE_APPLIED },
	{ "no reply", STAGE_APPLIED },
	{ "pending", STAGE_APPLIED },
	{ "waiting", STAGE_APPLIED },
	{ "awaiting", STAGE_APPLIED },
	{ "in review", STAGE_APPLIED },
	{ "under review", STAGE_APPLIED },
	{ "wishlist", STAGE_LEAD },
	{ "wish list", STAGE_LEAD },
	{ "saved", STAGE_LEAD },
	{ "bookmarked", STAGE_LEAD },
	{ "interested", STAGE_LEAD },
	{ "lead", STAGE_LEAD },
	{ "to apply", STAGE_LEAD },
	{ "prospect", STAGE_LEAD },
	{ "considering", STAGE_LEAD },
	{ "researching", STAGE_LEAD },
};

int import_parse_stage(const char *s, enum stage *out)
{
	struct strbuf norm = STRBUF_INIT, phrase = STRBUF_INIT;
	int found = -1;

	/* " word word " in lower case: whole words can be looked for */
	strbuf_addch(&norm, ' ');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) && c < 0x80)
			strbuf_addch(&norm, tolower(c));
		else if (norm.buf[norm.len - 1] != ' ')
			strbuf_addch(&norm, ' ');
	}
	if (norm.buf[norm.len - 1] != ' ')
		strbuf_addch(&norm, ' ');
	for (size_t i = 0; i < stage_def.count && found < 0; i++) {
		strbuf_reset(&phrase);
		strbuf_addf(&phrase, " %s ", stage_def.names[i]);
		if (!strcmp(norm.buf, phrase.buf))
			found = (int)i;
	}
	for (size_t i = 0; i < ARRAY_SIZE(status_words) && found < 0; i++) {
		strbuf_reset(&phrase);
		strbuf_addf(&phrase, " %s ", status_words[i].words);
		if (strstr(norm.buf, phrase.buf))
			found = (int)status_words[i].stage;
	}
	strbuf_release(&norm);
	strbuf_release(&phrase);
	if (found < 0)
		return -1;
	*out = (enum stage)found;
	return 0;
}

/* One amount: digits with thousands separators, an optional decimal part
 * and k or m; *mult receives 1000 or 1000000 when one was given, else 1.
 * Currency signs and codes around it are for the caller to have removed.
 * With both ',' and '.', the last is the decimal point (85,000.00 and
 * 85.000,00); with one of them once, it is a decimal point when one or two
 * digits follow (85.5k) and a thousands separator when three do (85,000). */
static int parse_amount(const char *s, size_t n, double *out, int *mult)
{
	struct strbuf num = STRBUF_INIT;
	size_t i = 0, commas = 0, dots = 0, last = 0;
	char decimal = 0;
	char *end;
	double v = -1;

	while (i < n && s[i] == ' ')
		i++;
	for (; i < n && (isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'); i++) {
		if (s[i] == ',' || s[i] == '.') {
			commas += s[i] == ',';
			dots += s[i] == '.';
			last = num.len;
		}
		strbuf_addch(&num, s[i]);
	}
	while (i < n && s[i] == ' ')
		i++;
	*mult = 1;
	if (i < n && (s[i] == 'k' || s[i] == 'K'))
		*mult = 1000, i++;
	else if (i < n && (s[i] == 'm' || s[i] == 'M'))
		*mult = 1000000, i++;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n || !num.len || !isdigit((unsigned char)num.buf[0]))
		goto out;
	if (commas && dots) {
		decimal = num.buf[last];
	} else if (commas + dots == 1) {
		size_t after = num.len - last - 1;
		if (after == 0 || after > 3)
			goto out;
		if (after < 3)
			decimal = num.buf[last];
	}
	{
		struct strbuf clean = STRBUF_INIT;
		for (size_t k = 0; k < num.len; k++) {
			if (num.buf[k] == decimal && k == last)
				strbuf_addch(&clean, '.');
			else if (isdigit((unsigned char)num.buf[k]))
				strbuf_addch(&clean, num.buf[k]);
			else if (num.buf[k] == decimal)
				v = -2; /* two decimal points */
		}
		errno = 0;
		if (v != -2) {
			v = strtod(clean.buf, &end);
			if (*end || errno)
				v = -1;
		}
		strbuf_release(&clean);
	}
out:
	strbuf_release(&num);
	if (v < 0)
		return -1;
	*out = v;
	return 0;
}

/* Words and signs around a salary that say nothing about its amount. */
static const char *const salary_noise[] = {
	"per annum", "per year", "a year", "/year", "/yr", "/annum", "p.a.", "annually",
	"annual", "yearly", " pa", "gbp", "usd", "eur", "chf", "cad", "aud", "£", "$", "€", "¥",
};
static const char *const salary_rates[] = { "hour", "/hr", "/h", "day", "week", "month", "/mo" };

/* The largest salary rapport takes (a billion a year). */
#define SALARY_MAX 1000000000.0

/* amount x mult rounded, when it is a salary rapport takes: checked
 * before the conversion, which is undefined for a double out of
 * int64_t's range (1e23 in a spreadsheet cell). */
static int salary_of(double amount, int mult, int64_t *out)
{
	double x = amount * mult + 0.5;

	if (!(x >= 0 && x <= SALARY_MAX + 0.5)) /* also NaN */
		return -1;
	*out = (int64_t)x;
	return 0;
}

int import_parse_salary(const char *s, int64_t *low, int64_t *high)
{
	struct strbuf sb = STRBUF_INIT;
	const char *sep;
	size_t seplen = 0;
	double a, b;
	int ma, mb, rc = -1;

	for (; *s; s++)
		strbuf_addch(&sb, tolower((unsigned char)*s));
	for (size_t i = 0; i < ARRAY_SIZE(salary_rates); i++)
		if (strstr(sb.buf, salary_rates[i]))
			goto out;
	for (size_t i = 0; i < ARRAY_SIZE(salary_noise); i++) {
		char *p;
		size_t n = strlen(salary_noise[i]);
		while ((p = strstr(sb.buf, salary_noise[i]))) {
			memset(p, ' ', n);
		}
	}
	/* a range: "-", an en or em dash, or "to" */
	if ((sep = strstr(sb.buf, "\xe2\x80\x93")) || (sep = strstr(sb.buf, "\xe2\x80\x94")))
		seplen = 3;
	else if ((sep = strstr(sb.buf, " to ")))
		seplen = 4;
	else if ((sep = strchr(sb.buf, '-')))
		seplen = 1;
	if (!sep) {
		if (parse_amount(sb.buf, sb.len, &a, &ma) || salary_of(a, ma, low))
			goto out;
		*high = *low;
		rc = 0;
		goto out;
	}
	if (parse_amount(sb.buf, (size_t)(sep - sb.buf), &a, &ma) ||
	    parse_amount(sep + seplen, strlen(sep + seplen), &b, &mb))
		goto out;
	/* 80-95k: the k of the high end is the low end's too */
	if (ma == 1 && mb > 1 && a * mb <= b * mb && a < 1000)
		ma = mb;
	if (salary_of(a, ma, low) || salary_of(b, mb, high))
		goto out;
	rc = *low <= *high ? 0 : -1;
out:
	strbuf_release(&sb);
	return rc;
}
