/*
 * date.h: calendar dates and times without time zones.
 *
 * Above the store, rapport works in local wall-clock time, as text that
 * sorts: a date "YYYY-MM-DD", a moment "YYYY-MM-DDTHH:MM", a stamp
 * "YYYY-MM-DDTHH:MM:SS". The store keeps a moment as its UTC instant
 * "YYYY-MM-DDTHH:MM:SSZ" and converts at its edge (date_to_instant,
 * date_from_instant); a date stays a calendar day. "Now" comes from
 * RAPPORT_NOW when set (a local time, or one with its offset), so that
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
/* date_now, and the same moment as the store keeps it (date_to_instant). */
int date_now_instant(struct datetime *out, char instant[DATE_BUFSZ], struct error *err);
/* Strict ISO 8601: YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS
 * (a space may stand for the T), a time optionally followed by its offset
 * as RFC 3339 writes it ("Z", "+05:30"): then out is that instant's local
 * wall-clock time. Checks that the day exists. */
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
/* The name of the zone in use: TZ, else the machine's (/etc/localtime's
 * link into the tz database), else "the machine's local time". */
void date_zone_name(char *out, size_t size);

/* The offset from UTC, in minutes east, that the local zone (TZ) has at
 * the local wall-clock time dt (its date at midnight when it has none). */
int date_local_offset(const struct datetime *dt);
/* A stored time as RFC 3339 with its offset, "2026-03-02T09:00:00+01:00"
 * (a date alone at its midnight): what --json prints for a moment.
 * Returns -1, out empty, when stored is not a date. */
int date_rfc3339(const char *stored, char out[DATE_BUFSZ]);

/* A value as the store keeps it: a moment (local wall-clock time, or a time
 * with its offset) as its UTC instant "YYYY-MM-DDTHH:MM:SSZ"; a date alone
 * as it is. -1, out empty, when s is not a date. Of a local time a clock
 * shows twice (the hour summer time ends) it takes one of the two. */
int date_to_instant(const char *s, char out[DATE_BUFSZ]);
/* A stored value for the layers above the store: a UTC instant as local
 * wall-clock time, "YYYY-MM-DDTHH:MM:SS" for a stamp (or a time with
 * seconds), else "YYYY-MM-DDTHH:MM"; anything else (a date, a time kept
 * before schema 7) as it is. */
void date_from_instant(const char *stored, bool stamp, char out[DATE_BUFSZ]);

/* A local time (as the store hands it up) as RFC 3339 in another offset
 * (minutes east): the same instant as the clock of that zone showed it.
 * -1, out empty, when local has no time. */
int date_rfc3339_in(const char *local, int offset, char out[DATE_BUFSZ]);

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
