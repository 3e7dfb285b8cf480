/*
 * export.h: the rows of the exports as bytes, besides the JSON dump: tables
 * as CSV, people as vCards. The rows come from the caller (method/exports.h
 * reads them); nothing here reads the store. (The calendar is io/ical.h.)
 */
#ifndef RAPPORT_EXPORT_H
#define RAPPORT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/model.h"
#include "io/csv_write.h"
#include "util/error.h"
#include "util/strbuf.h"

/* A CSV export going to a file: rows are built in buf, which goes to f
 * every 64 KiB (the interactions of a large file are hundreds of
 * megabytes). */
struct export_sink {
	struct csv_writer w;
	struct strbuf buf;
	FILE *f;
};

/* Begin a CSV export to out; bom: with a UTF-8 byte order mark. */
void export_sink_init(struct export_sink *k, FILE *out, bool bom);
/* Write what is left and release k; then, when rc is 0, ERR_IO if writing
 * to the file failed. Returns rc or that error. */
int export_sink_finish(struct export_sink *k, int rc, struct error *err);

/* A table as CSV: a header row, then a row per record (see io/csv_write.h
 * for the quoting and the formulas). */
void export_people_csv(struct export_sink *k, const struct person *v, size_t n);
void export_orgs_csv(struct export_sink *k, const struct org *v, size_t n);
void export_opps_csv(struct export_sink *k, const struct opp *v, size_t n);
void export_tasks_csv(struct export_sink *k, const struct task *v, size_t n);
/* The interactions, streamed: the header row, then a row at a time. */
void export_interactions_csv_header(struct export_sink *k);
void export_interaction_csv(struct export_sink *k, const struct interaction *it);

/* The n people of v as vCard 4.0, one card each with the person's UID (kept
 * from one export to the next, and by an import of the cards elsewhere). */
int export_people_vcard(const struct person *v, size_t n, FILE *out, struct error *err);

#endif
