/*
 * ical.h: the calendar, as iCalendar (RFC 5545), built with libical.
 * method/exports.h chooses what goes in it and reads it from the store.
 *
 * What it holds:
 *   - every open follow-up, on its due day: an all-day event (VEVENT with
 *     DTSTART and DTEND as dates, marked free time) by default, since the
 *     calendar apps most people use (Google Calendar, Outlook) show no to-dos
 *     from a subscribed calendar; or a to-do (VTODO with DUE) on request;
 *   - the interviews (interactions of kind interview) from `past_days` ago
 *     on, and every interaction planned (ahead of now, whatever its kind),
 *     each an hour long (all day when it has no time);
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
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/date.h"
#include "core/model.h"
#include "util/error.h"

/* An offer's deadline: its day (YYYY-MM-DD) and the opportunity. */
struct ical_deadline {
	int64_t offer_id;
	const char *day;
	const struct opp_ref *opp;
};

/* What a calendar holds, chosen by the caller (method/exports.h). */
struct ical_calendar {
	const struct datetime *now;     /* for DTSTAMP */
	bool tasks_as_todo;             /* follow-ups as VTODO with DUE rather than all-day VEVENT */
	const struct task *tasks;       /* the open follow-ups */
	size_t ntasks;
	const struct interaction *interviews; /* and the planned interactions */
	size_t ninterviews;
	const struct ical_deadline *deadlines;
	size_t ndeadlines;
};

/* Load libical (once); 0, or why the calendar cannot be made. */
int ical_ready(struct error *err);
/* Write the calendar to out (CRLF line ends, folded by libical). */
int ical_write(const struct ical_calendar *c, FILE *out, struct error *err);

#endif
