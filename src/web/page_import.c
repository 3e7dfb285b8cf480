/*
 * page_import.c: /settings/import: every import the CLI has, as an upload.
 * A LinkedIn export, a spreadsheet of applications, vCards, or a JSON dump
 * made by 'rapport export' into an empty database. The file is read by the
 * same code as 'rapport import', in the request's one transaction, and the
 * answer is the same summary: what was added, updated, unchanged and
 * skipped, with the line and the reason. A dry run writes nothing.
 */
#include "web/pages.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/html.h"
#include "method/move.h"
#include "method/import.h"
#include "util/xalloc.h"
#include "web/form.h"
#include "web/ui.h"

/* Skipped rows and warnings shown on the page (the CLI's --json has all). */
#define NOTES_SHOWN 200
/* Column maps a form may send (a spreadsheet has fewer columns). */
#define MAPS_MAX 64

static const char *const formats[] = { "linkedin", "csv", "vcard", "json" };
static const char *const format_labels[] = {
	"LinkedIn connections (Connections.csv)",
	"Applications from a spreadsheet or another tracker (CSV)",
	"Contacts from an address book (a contacts file, .vcf)",
	"A rapport backup (JSON, into an empty database only)",
};
#define NFORMATS (ARRAY_SIZE(formats))
_Static_assert(IMPORT_LINKEDIN == 0 && IMPORT_CSV == 1 && IMPORT_VCARD == 2,
	       "formats[] follows enum import_kind");

static void import_form(struct strbuf *sb, const struct web_req *rq)
{
	strbuf_addstr(sb, "<section class=\"card settings-card\" id=\"import\" "
			  "aria-labelledby=\"h-import\">\n<h2 id=\"h-import\">Import a file</h2>\n"
			  "<p class=\"meta\">Importing the same file again, or a newer one, "
			  "updates what is there and never makes duplicates: people are "
			  "matched by the id their contacts file gives them, LinkedIn profile, e-mail address, or "
			  "name and organisation; opportunities by their URL, or organisation "
			  "and title. An empty cell never erases anything. A file that cannot "
			  "be read changes nothing.</p>\n");
	ui_upload_form_begin(sb, rq, "/settings/import", "stack");
	ui_form_errors(sb, rq);
	ui_select(sb, rq, "format", "What the file is", formats, format_labels, NFORMATS,
		  "linkedin");
	/* the start checklist sends a new user here for a file they may never
	 * have asked LinkedIn for */
	strbuf_addstr(sb, "<p class=\"meta\">Your LinkedIn connections: on LinkedIn, "
			  "Settings &amp; Privacy, Data privacy, Get a copy of your data, with "
			  "Connections chosen. LinkedIn e-mails you a link to an archive that "
			  "holds Connections.csv.</p>\n");
	ui_input(sb, rq, "file", "file", "File to import", NULL, UI_REQUIRED);
	ui_textarea(sb, rq, "map", "For a spreadsheet: columns to read as a field, one "
				   "COLUMN=FIELD a line (optional)", NULL, 3);
	strbuf_addstr(sb, "<p class=\"meta\">Fields: ");
	html_text(sb, import_csv_fields());
	strbuf_addstr(sb, ". Headers with common names are recognised without a map.</p>\n");
	ui_checkbox(sb, rq, "dry_run", "Dry run: show what would change, and write nothing",
		    false);
	ui_form_end(sb, "Import the file");
	strbuf_addstr(sb, "</section>\n");
}

static void render(struct web_req *rq, struct web_resp *rs, const struct strbuf *result)
{
	settings_begin(rs, rq, "Import", TAB_IMPORT);
	strbuf_addstr(&rs->body, "<div class=\"settings-grid\">\n");
	if (result)
		strbuf_add(&rs->body, result->buf, result->len);
	import_form(&rs->body, rq);
	strbuf_addstr(&rs->body, "</div>\n");
	ui_page_end(rs);
}

int page_import(struct web_req *rq, struct web_resp *rs)
{
	render(rq, rs, NULL);
	return 0;
}

/* ---- the summary ---- */

static void count_row(struct strbuf *sb, const char *label, long n)
{
	strbuf_addstr(sb, "<dt>");
	html_text(sb, label);
	strbuf_addf(sb, "</dt><dd>%ld</dd>\n", n);
}

/* Skipped rows and warnings together, by line, as the CLI prints them. */
static void notes_list(struct strbuf *sb, const struct import_summary *sum)
{
	size_t i = 0, j = 0, shown = 0, total = sum->skipped.n + sum->warnings.n;

	if (!total)
		return;
	strbuf_addstr(sb, "<h3>By line</h3>\n<ul class=\"import-notes\">\n");
	while ((i < sum->skipped.n || j < sum->warnings.n) && shown < NOTES_SHOWN) {
		bool skip = j >= sum->warnings.n ||
			    (i < sum->skipped.n &&
			     sum->skipped.items[i].line <= sum->warnings.items[j].line);
		const struct import_note *n = skip ? &sum->skipped.items[i++]
						   : &sum->warnings.items[j++];
		strbuf_addf(sb, "<li><span class=\"meta\">line %ld</span> %s: ", n->line,
			    skip ? "skipped" : "warning");
		html_text(sb, n->text);
		strbuf_addstr(sb, "</li>\n");
		shown++;
	}
	strbuf_addstr(sb, "</ul>\n");
	if (shown < total)
		strbuf_addf(sb, "<p class=\"meta\">and %zu more (<code>rapport --json import</code> "
				"lists them all)</p>\n", total - shown);
}

static void summary_card(struct strbuf *sb, const struct import_summary *sum)
{
	static const char *const what[] = { "LinkedIn connections", "opportunities", "contacts" };

	strbuf_addstr(sb, "<section class=\"card settings-card\" id=\"result\" role=\"status\" "
			  "aria-labelledby=\"h-result\">\n<h2 id=\"h-result\">");
	strbuf_addstr(sb, sum->dry_run ? "Dry run: nothing was written" : "Imported");
	strbuf_addstr(sb, "</h2>\n<p>");
	html_text(sb, sum->file);
	strbuf_addf(sb, ": %ld %s", sum->rows, what[sum->kind]);
	if (sum->converted) {
		strbuf_addf(sb, " (not all UTF-8 from line %ld: read as ", sum->first_bad_line);
		html_text(sb, sum->encoding);
		strbuf_addstr(sb, ")");
	}
	strbuf_addstr(sb, "</p>\n<dl class=\"facts\">\n");
	count_row(sb, sum->dry_run ? "would be added" : "added", sum->added);
	count_row(sb, sum->dry_run ? "would be updated" : "updated", sum->updated);
	count_row(sb, "unchanged", sum->unchanged);
	count_row(sb, "skipped", (long)sum->skipped.n);
	if (sum->orgs_added)
		count_row(sb, "organisations added", sum->orgs_added);
	if (sum->connected)
		count_row(sb, "connection dates recorded", sum->connected);
	strbuf_addstr(sb, "</dl>\n");
	notes_list(sb, sum);
	strbuf_addstr(sb, "</section>\n");
}

/* ---- importing ---- */

/* The map field's lines, trimmed, empty ones left out (pointers into text). */
static int read_maps(struct web_req *rq, char *text, const char **maps, size_t *n)
{
	*n = 0;
	for (char *line = text, *next; line && *line; line = next) {
		next = strpbrk(line, "\r\n");
		if (next)
			*next++ = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line)
			continue;
		if (*n == MAPS_MAX) {
			web_field_error(rq, "map", "at most %d column maps", MAPS_MAX);
			return ERR_INVALID;
		}
		maps[(*n)++] = line;
	}
	return 0;
}

/* A JSON dump: move_import reads a file, so the upload goes to one first. */
static int import_dump(struct web_req *rq, struct strbuf *result)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	long rows = 0;
	FILE *f;
	int fd, rc;

	snprintf(path, sizeof(path), "%s/rapport-upload.XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0 || !(f = fdopen(fd, "wb")))
		return error_set(&rq->err, ERR_IO, "cannot keep the upload: %s", strerror(errno));
	rc = fwrite(rq->upload->data.buf, 1, rq->upload->data.len, f) != rq->upload->data.len;
	if (fclose(f) || rc) {
		unlink(path);
		return error_set(&rq->err, ERR_IO, "cannot keep the upload: %s", strerror(errno));
	}
	rc = move_import(rq->store, path, &rows, &rq->err);
	unlink(path);
	if (!rc) {
		strbuf_addstr(result, "<section class=\"card settings-card\" id=\"result\" "
				      "role=\"status\">\n<h2>Restored</h2>\n<p>");
		strbuf_addf(result, "%ld records from ", rows);
		html_text(result, rq->upload->filename);
		strbuf_addstr(result, ".</p>\n</section>\n");
	}
	return rc;
}

static int run_import(struct web_req *rq, int format, struct strbuf *result)
{
	struct import_options o = { .dry_run = web_param(&rq->form, "dry_run") != NULL };
	struct import_summary sum = { 0 };
	const char *maps[MAPS_MAX];
	const char *name = rq->upload->filename[0] ? rq->upload->filename : "the file";
	char *map_text = xstrdup(web_param(&rq->form, "map") ? web_param(&rq->form, "map") : "");
	int rc;

	if (format == IMPORT_CSV) {
		if ((rc = read_maps(rq, map_text, maps, &o.nmaps)))
			goto out;
		o.maps = maps;
	}
	rc = import_text(rq->store, (enum import_kind)format, name, rq->upload->data.buf,
			 rq->upload->data.len, &o, &sum, &rq->err);
	if (!rc)
		summary_card(result, &sum);
out:
	import_summary_release(&sum);
	free(map_text);
	return rc;
}

int post_import(struct web_req *rq, struct web_resp *rs)
{
	const char *format = web_param(&rq->form, "format");
	struct strbuf result = STRBUF_INIT;
	int kind = -1, rc = 0;

	for (size_t i = 0; format && i < NFORMATS; i++)
		if (!strcmp(format, formats[i]))
			kind = (int)i;
	if (kind < 0)
		web_field_error(rq, "format", "choose what the file is");
	else if (!rq->upload || !rq->upload->data.len)
		web_field_error(rq, "file", "choose a file to import (an empty file has nothing)");
	else if (kind == (int)NFORMATS - 1)
		rc = import_dump(rq, &result);
	else
		rc = run_import(rq, kind, &result);
	/* the file could not be read (ERR_IO is the sent file's, not a disk's):
	 * said beside it, and nothing is kept */
	rc = form_error(rq, rc == ERR_IO ? ERR_INVALID : rc, "file");
	if (rc) {
		strbuf_release(&result);
		return rc;
	}
	if (rq->errors.n)
		rs->status = 400;
	render(rq, rs, rq->errors.n ? NULL : &result);
	strbuf_release(&result);
	return 0;
}
