/*
 * date.h: calendar dates and times without time zones.
 *
 * rapport stores local wall-clock times as text that sorts correctly:
 * a date "YYYY-MM-DD", a moment "YYYY-MM-DDTHH:MM", a stamp
 * "YYYY-MM-DDTHH:MM:SS". "Now" comes from RAPPORT_NOW when set, so that
 * playbooks, agendas and tests are deterministic.
 */
#ifndef RAPPORT_DATE_H
#define RAPPORT_DATE_H

#include <stdbool.h>

#include "util/error.h"

struct datetime {
	int year, month, day;
	int hour, minute, second;
	bool has_time;
};

/* Room for "YYYY-MM-DDTHH:MM:SS" and the NUL, with a margin the compiler can prove. */
#define DATE_BUFSZ 32

/* The current local time, or RAPPORT_NOW when set (an error when it is malformed). */
int date_now(struct datetime *out, struct error *err);
/* Strict ISO 8601: YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS
 * (a space may stand for the T). Checks that the day exists. */
int date_parse_iso(const char *s, struct datetime *out, struct error *err);
/* What a user may type for WHEN: an ISO date or date-time, today, tomorrow,
 * yesterday, +Nd, +Nw, -Nd, -Nw (relative forms are whole days from now). */
int date_parse_when(const char *s, const struct datetime *now, struct datetime *out,
		    struct error *err);

/* "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when the value has a time. */
void date_format(const struct datetime *dt, char buf[DATE_BUFSZ]);
/* Always "YYYY-MM-DD". */
void date_format_day(const struct datetime *dt, char buf[DATE_BUFSZ]);
/* Always "YYYY-MM-DDTHH:MM:SS". */
void date_format_stamp(const struct datetime *dt, char buf[DATE_BUFSZ]);

/* A time zone's name as the system knows it (its tz database): "UTC",
 * "Europe/Paris", "America/Argentina/Buenos_Aires". */
int date_zone_check(const char *zone, struct error *err);
/* Take the zone for every local time from now on (TZ, as a process
 * started with it would): "today", due days, the rules, the --json offsets.
 * The caller is single-threaded at that moment. */
void date_zone_use(const char *zone);

/* The offset from UTC, in minutes east, that the local zone (TZ) has at
 * the local wall-clock time dt (its date at midnight when it has none). */
int date_local_offset(const struct datetime *dt);
/* A stored time as RFC 3339 with its offset, "2026-03-02T09:00:00+01:00"
 * (a date alone at its midnight): what --json prints for a moment.
 * Returns -1, out empty, when stored is not a date. */
int date_rfc3339(const char *stored, char out[DATE_BUFSZ]);

/* Days since 1970-01-01 of the date part. */
long date_to_days(const struct datetime *dt);
/* The date (no time) that is `days` after 1970-01-01. */
void date_from_days(long days, struct datetime *out);
/* dt moved by n days; the time of day is kept. */
void date_add_days(struct datetime *dt, long n);
/* Whole days from a to b (b - a), ignoring the time of day. */
long date_diff_days(const struct datetime *a, const struct datetime *b);
bool date_valid(int year, int month, int day);

#endif
