/*
 * ical.h: the calendar, as iCalendar (RFC 5545), built with libical.
 *
 * What it holds:
 *   - every open follow-up, on its due day: an all-day event (VEVENT with
 *     DTSTART and DTEND as dates, marked free time) by default, since the
 *     calendar apps most people use (Google Calendar, Outlook) show no to-dos
 *     from a subscribed calendar; or a to-do (VTODO with DUE) on request;
 *   - the interviews (interactions of kind interview) from `past_days` ago
 *     on, future ones included, each an hour long (all day when it has no
 *     time);
 *   - the deadline of each offer from `past_days` ago on, as an all-day event.
 * Times are the floating local times rapport stores. Each item has a UID
 * that stays the same from one export to the next (task-ID@rapport,
 * interaction-ID@rapport, deadline-OFFERID@rapport), so a calendar app
 * updates what it already has rather than adding it again. Notes stay out
 * (a calendar is often synchronised elsewhere): an item says what, when,
 * with whom and for which opportunity.
 */
#ifndef RAPPORT_ICAL_H
#define RAPPORT_ICAL_H

#include <stdbool.h>
#include <stdio.h>

#include "store/store.h"
#include "util/error.h"

/* How far back interviews and offer deadlines go, in days. */
#define ICAL_PAST_DAYS 90

struct ical_options {
	bool tasks_as_todo; /* follow-ups as VTODO with DUE rather than all-day VEVENT */
	int past_days;
};

#define ICAL_OPTIONS_INIT { false, ICAL_PAST_DAYS }

/* Write the whole calendar to out (CRLF line ends, folded by libical). */
int ical_export(struct store *s, const struct ical_options *o, FILE *out, struct error *err);

#endif
