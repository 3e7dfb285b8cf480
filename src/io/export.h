/*
 * export.h: the exports besides the JSON backup, as the command line and
 * the web UI both give them: people as vCards, a table as CSV. (The
 * calendar is io/ical.h.)
 */
#ifndef RAPPORT_EXPORT_H
#define RAPPORT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"
#include "util/error.h"

/* The tables 'export csv' writes, NULL-terminated: people, organisations,
 * opportunities, interactions, tasks. */
extern const char *const export_csv_tables[];

/* The table a user named (a name above, or a short or singular form: org,
 * orgs, organization, opp, opps, person, task...), or NULL. */
const char *export_csv_table(const char *name);

/* Write table (a name from export_csv_tables) to out as CSV: a header row,
 * then a row per record (see io/csv_write.h for the quoting and the
 * formulas), streamed; bom: begin with a UTF-8 byte order mark. */
int export_csv(struct store *s, const char *table, bool bom, FILE *out, struct error *err);

/* Write the people of ids (n of them, each once; n == 0: everyone, by
 * name) as vCard 4.0, one card each with the person's UID (kept from one
 * export to the next, and by an import of the cards elsewhere). */
int export_vcard(struct store *s, const int64_t *ids, size_t n, FILE *out, struct error *err);

#endif
