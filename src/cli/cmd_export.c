/*
 * cmd_export.c: rapport export: everything as one JSON document (the
 * dump), people as vCards, a table as CSV, the calendar as iCalendar.
 * Each goes to standard output, or with -o FILE to a file written whole
 * or not at all.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "method/dump.h"
#include "method/exports.h"
#include "util/atomic_file.h"

/* The options of export's commands: code asks for each by its constant. */
enum export_opt {
	EXPORT_OPT_OUTPUT = 1,
	EXPORT_OPT_BOM,
	EXPORT_OPT_TODO,
	EXPORT_OPT_PAST_DAYS,
};

/* Writes one export to f. */
typedef int (*export_writer)(struct cli *cli, const struct args *a, FILE *f);

/* Written whole or not at all (util/atomic_file.h): a failed export
 * leaves FILE as it was. */
static int export_to_file(struct cli *cli, const struct args *a, const char *path,
			  export_writer write)
{
	struct atomic_file af;
	int rc;

	if (atomic_file_open(&af, path, &cli->err))
		return cli->err.code;
	if ((rc = write(cli, a, af.f))) {
		atomic_file_abort(&af);
		return rc;
	}
	return atomic_file_commit(&af, &cli->err);
}

static int write_json(struct cli *cli, const struct args *a, FILE *f);

/* To -o FILE, else to standard output as it is (--json does not wrap it:
 * it is refused for the formats that are not JSON, rather than ignored). */
static int run_export(struct cli *cli, const struct args *a, export_writer write)
{
	const char *path = arg_opt(a, EXPORT_OPT_OUTPUT);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if (cli->json && write != write_json && !(path && strcmp(path, "-")))
		return error_set(&cli->err, ERR_INVALID,
				 "--json does not apply: this export is its own format "
				 "('rapport export json' writes JSON)");
	if (path && strcmp(path, "-")) {
		if ((rc = export_to_file(cli, a, path, write)))
			return rc;
		cli_set_json(cli, json_pack("{s:s}", "exported", path));
		cli_printf(cli, "exported to %s\n", path);
		return 0;
	}
	if (!(mem = open_memstream(&buf, &len)))
		return error_set(&cli->err, ERR_IO, "out of memory");
	rc = write(cli, a, mem);
	fclose(mem);
	if (!rc) {
		strbuf_add(&cli->out, buf, len);
		cli->json = false; /* the document itself: print it as it is */
	}
	free(buf);
	return rc;
}

/* ---- json ---- */

static int write_json(struct cli *cli, const struct args *a, FILE *f)
{
	(void)a;
	return dump_export(cli->store, f, &cli->err);
}

static int export_json_run(struct cli *cli, const struct args *a)
{
	return run_export(cli, a, write_json);
}

/* ---- vcard ---- */

static int write_vcard(struct cli *cli, const struct args *a, FILE *f)
{
	int64_t *ids = a->npos ? xcalloc(a->npos, sizeof(*ids)) : NULL;
	int rc = 0;

	for (size_t i = 0; i < a->npos && !rc; i++)
		rc = store_person_resolve(cli->store, a->pos[i], &ids[i], &cli->err);
	if (!rc)
		rc = export_vcard(cli->store, ids, a->npos, f, &cli->err);
	free(ids);
	return rc;
}

static int export_vcard_run(struct cli *cli, const struct args *a)
{
	return run_export(cli, a, write_vcard);
}

/* ---- csv ---- */

static int write_csv(struct cli *cli, const struct args *a, FILE *f)
{
	const char *table = export_csv_table(a->pos[0]);

	if (!table)
		return error_set(&cli->err, ERR_INVALID,
				 "no table '%s' to export: people, organisations, opportunities, "
				 "interactions or tasks", a->pos[0]);
	return export_csv(cli->store, table, arg_flag(a, EXPORT_OPT_BOM), f, &cli->err);
}

static int export_csv_run(struct cli *cli, const struct args *a)
{
	return run_export(cli, a, write_csv);
}

/* ---- ical ---- */

static int write_ical(struct cli *cli, const struct args *a, FILE *f)
{
	struct export_ical_options o = EXPORT_ICAL_OPTIONS_INIT;
	long days;
	bool given;

	o.tasks_as_todo = arg_flag(a, EXPORT_OPT_TODO);
	if (cli_int_opt(cli, a, EXPORT_OPT_PAST_DAYS, 0, 3650, &days, &given))
		return ERR_INVALID;
	if (given && days >= 0)
		o.past_days = (int)days;
	return export_ical(cli->store, &o, f, &cli->err);
}

static int export_ical_run(struct cli *cli, const struct args *a)
{
	return run_export(cli, a, write_ical);
}

#define OUTPUT_OPT                                                  \
	{ .id = EXPORT_OPT_OUTPUT, .name = "output", .arg = "FILE", \
	  .help = "write to FILE instead of standard output",       \
	  .letter = 'o' }

static const struct opt_spec export_opts[] = {
	OUTPUT_OPT,
	{ 0 },
};

static const struct opt_spec csv_opts[] = {
	OUTPUT_OPT,
	{ .id = EXPORT_OPT_BOM, .name = "bom",
	  .help = "begin with a UTF-8 byte order mark (for Excel)" },
	{ 0 },
};

static const struct opt_spec ical_opts[] = {
	OUTPUT_OPT,
	{ .id = EXPORT_OPT_TODO, .name = "todo",
	  .help = "follow-ups as to-dos (VTODO) rather than all-day events" },
	{ .id = EXPORT_OPT_PAST_DAYS, .name = "past-days", .arg = "N",
	  .help = "interviews and offer deadlines from N days ago on (default 90)" },
	{ 0 },
};

const struct cmd_spec export_cmds[] = {
	{ "", "", "Write everything as one JSON document (a lossless backup).", 0, 0,
	  export_opts, export_json_run, 0 },
	{ "vcard", "[PERSON...]",
	  "Write people as vCards (4.0): everyone, or the people named. Each card has\n"
	  "the person's UID, the same from one export to the next: importing the cards\n"
	  "again, here or into another database, updates rather than duplicates.",
	  0, (size_t)-1, export_opts, export_vcard_run, 0 },
	{ "csv", "TABLE",
	  "Write a table as CSV: people, organisations, opportunities, interactions or\n"
	  "tasks. RFC 4180: UTF-8, CRLF line ends, a header row, a cell quoted when it holds\n"
	  "a comma, a quote or a line break. A cell that starts with =, +, -, @, a tab or a\n"
	  "carriage return gets a ' in front, so that a spreadsheet never runs it as a\n"
	  "formula. No byte order mark unless --bom asks for one (Excel needs it to read\n"
	  "UTF-8; most other programs do better without).",
	  1, 1, csv_opts, export_csv_run, 0 },
	{ "ical", "",
	  "Write the calendar as iCalendar: each open follow-up as an all-day event on its\n"
	  "due day (a to-do with --todo: most calendar apps show no to-dos from a\n"
	  "subscription), the interviews and the offer deadlines of the last 90 days and\n"
	  "the future as events. Each keeps its UID from one export to the next, so a\n"
	  "calendar app updates what it has rather than adding it twice.",
	  0, 0, ical_opts, export_ical_run, 0 },
	{ 0 },
};
