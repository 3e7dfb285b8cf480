/*
 * exports.h: the exports besides the JSON dump, as the command line and
 * the web UI both give them: people as vCards, a table as CSV, the
 * calendar as iCalendar. This reads the rows from the store; io/export.h
 * and io/ical.h turn them into bytes.
 *
 * Same conventions as store.h: 0 or a negative ERR_* with err filled in.
 */
#ifndef RAPPORT_EXPORTS_H
#define RAPPORT_EXPORTS_H

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
 * then a row per record, streamed; bom: begin with a UTF-8 byte order mark. */
int export_csv(struct store *s, const char *table, bool bom, FILE *out, struct error *err);

/* Write the people of ids (n of them, each once; n == 0: everyone, by
 * name) as vCard 4.0. */
int export_vcard(struct store *s, const int64_t *ids, size_t n, FILE *out, struct error *err);

/* How far back interviews and offer deadlines go, in days. */
#define EXPORT_ICAL_PAST_DAYS 90

struct export_ical_options {
	bool tasks_as_todo; /* follow-ups as VTODO with DUE rather than all-day VEVENT */
	int past_days;
};

#define EXPORT_ICAL_OPTIONS_INIT { false, EXPORT_ICAL_PAST_DAYS }

/* Write the whole calendar to out (see io/ical.h for what it holds): every
 * open follow-up, the interviews and the offers' deadlines from past_days
 * ago on. */
int export_ical(struct store *s, const struct export_ical_options *o, FILE *out,
		struct error *err);

#endif
