/*
 * cmd_import.c: rapport import json|linkedin|vcard|csv FILE: bringing in
 * what the user has elsewhere ("-": from standard input). Each import is
 * one transaction.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "method/move.h"
#include "method/import.h"

/* The options of import's commands: code asks for each by its constant. */
enum import_opt {
	IMPORT_OPT_DRY_RUN = 1,
	IMPORT_OPT_MAP,
};

/* A file this large gets a progress bar when stderr is a terminal. */
#define PROGRESS_MIN_BYTES (512 * 1024)
/* Skipped rows and warnings printed as text; --json lists them all. */
#define TEXT_NOTES_MAX 100

static int import_json(struct cli *cli, const struct args *a)
{
	long rows;

	if (move_import(cli->store, a->pos[0], &rows, &cli->err))
		return cli->err.code;
	cli_set_json(cli, json_pack("{s:I}", "rows", (json_int_t)rows));
	cli_printf(cli, "imported %ld rows from %s\n", rows, a->pos[0]);
	return 0;
}

struct bar {
	const char *file;
	int shown; /* the percentage on screen, -1 before the first */
};

static void show_progress(void *ctx, double done, long rows)
{
	struct bar *b = ctx;
	int pct = (int)(done * 100);

	if (pct == b->shown)
		return;
	b->shown = pct;
	/* at 100% the rows are read; writing them takes a moment more */
	fprintf(stderr, "\r%s: %3d%% (%ld rows)%s", b->file, pct, rows,
		pct == 100 ? ", writing" : "");
	fflush(stderr);
}

static void end_progress(const struct bar *b)
{
	if (b->shown >= 0) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

static json_t *notes_json(const import_note_vec *v, const char *key)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(arr, json_pack("{s:I,s:s}", "line",
						     (json_int_t)v->items[i].line, key,
						     v->items[i].text));
	return arr;
}

static json_t *summary_json(const struct import_summary *sum)
{
	static const char *const kinds[] = { "linkedin", "csv", "vcard" };
	json_t *j = json_pack("{s:s,s:s,s:s,s:b,s:s,s:b,s:I,s:I,s:I,s:I,s:I,s:I}",
			      "file", sum->file, "format", kinds[sum->kind], "records",
			      sum->records, "dry_run", sum->dry_run, "encoding",
			      sum->encoding ? sum->encoding : "UTF-8", "converted",
			      sum->converted, "rows", (json_int_t)sum->rows, "added",
			      (json_int_t)sum->added, "updated", (json_int_t)sum->updated,
			      "unchanged", (json_int_t)sum->unchanged, "organisations_added",
			      (json_int_t)sum->orgs_added, "connection_dates",
			      (json_int_t)sum->connected);

	json_object_set_new(j, "first_non_utf8_line",
			    sum->converted ? json_integer(sum->first_bad_line) : json_null());
	json_object_set_new(j, "header_line",
			    sum->header_line ? json_integer(sum->header_line) : json_null());
	json_object_set_new(j, "skipped", notes_json(&sum->skipped, "reason"));
	json_object_set_new(j, "warnings", notes_json(&sum->warnings, "message"));
	return j;
}

/*
 * An import allocates and frees much (rows, keys, SQLite's pages); glibc
 * gives the top of its heap back to the system past 128 kB free, and
 * serves large blocks with mmap, so the same memory is faulted in again
 * and again. Keep it: the command ends with the import. (100,000 rows:
 * 45,000 page faults become 35,000, and the import 10% faster.)
 */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}

static int run_import(struct cli *cli, const struct args *a, enum import_kind kind)
{
	struct import_options o = { .dry_run = arg_flag(a, IMPORT_OPT_DRY_RUN) };
	struct import_summary sum = { 0 };
	struct bar bar = { a->pos[0], -1 };
	struct strbuf text = STRBUF_INIT;
	struct stat st;
	int rc;

	keep_freed_memory();
	if (kind == IMPORT_CSV)
		o.maps = arg_all(a, IMPORT_OPT_MAP, &o.nmaps);
	if (isatty(STDERR_FILENO) && !stat(a->pos[0], &st) && st.st_size >= PROGRESS_MIN_BYTES) {
		o.progress = show_progress;
		o.progress_ctx = &bar;
	}
	rc = import_file(cli->store, kind, a->pos[0], &o, &sum, &cli->err);
	end_progress(&bar);
	if (!rc) {
		cli_set_json(cli, summary_json(&sum));
		import_summary_text(&text, &sum, TEXT_NOTES_MAX);
		cli_printf(cli, "%s", text.buf);
	}
	strbuf_release(&text);
	import_summary_release(&sum);
	return rc;
}

static int import_linkedin(struct cli *cli, const struct args *a)
{
	return run_import(cli, a, IMPORT_LINKEDIN);
}

static int import_csv(struct cli *cli, const struct args *a)
{
	return run_import(cli, a, IMPORT_CSV);
}

static int import_vcard(struct cli *cli, const struct args *a)
{
	return run_import(cli, a, IMPORT_VCARD);
}

#define DRY_RUN_HELP "read the file and report what would change, writing nothing"

static const struct opt_spec dry_run_opts[] = {
	{ .id = IMPORT_OPT_DRY_RUN, .name = "dry-run", .help = DRY_RUN_HELP },
	{ 0 },
};
static const struct opt_spec csv_opts[] = {
	{ .id = IMPORT_OPT_MAP, .name = "map", .arg = "COLUMN=FIELD",
	  .help = "read COLUMN as FIELD (company, title, status, applied, url, salary, "
		  "salary-target, location, notes, source, level, or ignore); repeatable",
	  .flags = OPT_MULTI },
	{ .id = IMPORT_OPT_DRY_RUN, .name = "dry-run", .help = DRY_RUN_HELP },
	{ 0 },
};

const struct cmd_spec import_cmds[] = {
	{ "json", "FILE", "Load a JSON document made by 'rapport export' into an empty database.",
	  1, 1, NULL, import_json, CMD_WRITE | CMD_READS_FILES },
	{ "linkedin", "FILE",
	  "Add or update people from LinkedIn's Connections.csv, with their organisations and "
	  "the day you connected.",
	  1, 1, dry_run_opts, import_linkedin, CMD_WRITE | CMD_READS_FILES },
	{ "csv", "FILE",
	  "Add or update opportunities from a spreadsheet of applications (company, title, "
	  "status, date applied, URL, salary, location, notes).",
	  1, 1, csv_opts, import_csv, CMD_WRITE | CMD_READS_FILES },
	{ "vcard", "FILE",
	  "Add or update people from vCards (2.1, 3.0, 4.0): name, organisation, title, "
	  "e-mail, phone, LinkedIn URL, note.",
	  1, 1, dry_run_opts, import_vcard, CMD_WRITE | CMD_READS_FILES },
	{ 0 },
};
