/* date.c: parsing, formatting and arithmetic of civil dates (proleptic Gregorian). */
#include "core/date.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= days_in_month(year, month);
}

/* Howard Hinnant's days_from_civil: exact for every Gregorian date. */
long date_to_days(const struct datetime *dt)
{
	long y = dt->year - (dt->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (dt->month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + dt->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_days(long z, struct datetime *out)
{
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	memset(out, 0, sizeof(*out));
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(y + (out->month <= 2));
}

void date_add_days(struct datetime *dt, long n)
{
	struct datetime d;

	date_from_days(date_to_days(dt) + n, &d);
	dt->year = d.year;
	dt->month = d.month;
	dt->day = d.day;
}

long date_diff_days(const struct datetime *a, const struct datetime *b)
{
	return date_to_days(b) - date_to_days(a);
}

/* Read exactly n digits at *p; return -1 when they are not all digits. */
static int read_digits(const char **p, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return v;
}

/* An offset after a time of day: "Z", "+HH:MM" or "-HH:MM" (RFC 3339), in
 * minutes east of UTC; -1 when *p is not one. */
static int read_offset(const char **p, int *minutes)
{
	int sign, h, m;

	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		*minutes = 0;
		return 0;
	}
	if (**p != '+' && **p != '-')
		return -1;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if ((h = read_digits(p, 2)) < 0 || h > 23 || *(*p)++ != ':' || (m = read_digits(p, 2)) < 0 ||
	    m > 59)
		return -1;
	*minutes = sign * (h * 60 + m);
	return 0;
}

static struct tm datetime_tm(const struct datetime *dt)
{
	return (struct tm){ .tm_year = dt->year - 1900, .tm_mon = dt->month - 1,
			    .tm_mday = dt->day, .tm_hour = dt->hour, .tm_min = dt->minute,
			    .tm_sec = dt->second, .tm_isdst = -1 };
}

static void datetime_from_tm(const struct tm *tm, struct datetime *dt)
{
	dt->year = tm->tm_year + 1900;
	dt->month = tm->tm_mon + 1;
	dt->day = tm->tm_mday;
	dt->hour = tm->tm_hour;
	dt->minute = tm->tm_min;
	dt->second = tm->tm_sec > 59 ? 59 : tm->tm_sec;
	dt->has_time = true;
}

/* v as n decimal digits at p (v's last n digits; v >= 0): the formats
 * below are written by hand, not with snprintf, as every stored moment a
 * list shows goes through them (snprintf was a tenth of `agenda`). */
static char *put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/* "YYYY-MM-DD" at p, then, with its separator before each, as many of hour,
 * minute and second as fields says (0 to 3), then zone ('Z' or none: 0);
 * p has DATE_BUFSZ. */
static void put_moment(char *p, const int v[6], int fields, char zone)
{
	static const char seps[] = "--T::";

	p = put_digits(p, v[0] < 0 ? 0 : v[0] % 10000, 4);
	for (int i = 1; i < 3 + fields; i++) {
		*p++ = seps[i - 1];
		p = put_digits(p, v[i] < 0 ? 0 : v[i] % 100, 2);
	}
	if (zone)
		*p++ = zone;
	*p = '\0';
}

/* A UTC time as the store keeps an instant, four digits of year always (so
 * that the text sorts as the time does). */
static void format_instant(const struct tm *utc, char out[DATE_BUFSZ])
{
	int v[6] = { utc->tm_year + 1900, utc->tm_mon + 1, utc->tm_mday,
		     utc->tm_hour, utc->tm_min, utc->tm_sec };

	put_moment(out, v, 3, 'Z');
}

/* The instant a parsed moment names: exact when it carried its offset,
 * else its wall-clock time in the zone in use (mktime picks one of the
 * two readings of an hour a clock repeats). */
static time_t moment_instant(const struct datetime *dt, bool has_offset, int offset)
{
	struct tm tm = datetime_tm(dt);

	/* with its offset, the arithmetic timegm() would do, without its cost */
	if (has_offset)
		return (time_t)date_to_days(dt) * 86400 + dt->hour * 3600 + dt->minute * 60 +
		       dt->second - (time_t)offset * 60;
	return mktime(&tm);
}

/* date_parse_iso, and the instant when the text had a time with an offset. */
static int parse_iso(const char *s, struct datetime *out, bool *has_offset, int *offset,
		     struct error *err)
{
	const char *p = s;
	struct datetime dt = { 0 };

	*has_offset = false;
	dt.year = read_digits(&p, 4);
	if (dt.year < 0 || *p++ != '-')
		goto bad;
	dt.month = read_digits(&p, 2);
	if (dt.month < 0 || *p++ != '-')
		goto bad;
	dt.day = read_digits(&p, 2);
	if (dt.day < 0)
		goto bad;
	if (*p == 'T' || *p == ' ') {
		p++;
		dt.has_time = true;
		dt.hour = read_digits(&p, 2);
		if (dt.hour < 0 || *p++ != ':')
			goto bad;
		dt.minute = read_digits(&p, 2);
		if (dt.minute < 0)
			goto bad;
		if (*p == ':') {
			p++;
			dt.second = read_digits(&p, 2);
			if (dt.second < 0)
				goto bad;
		}
		if (*p) {
			if (read_offset(&p, offset))
				goto bad;
			*has_offset = true;
		}
	}
	if (*p)
		goto bad;
	if (!date_valid(dt.year, dt.month, dt.day))
		return error_set(err, ERR_INVALID, "'%s' is not a day of the calendar", s);
	if (dt.hour > 23 || dt.minute > 59 || dt.second > 59)
		return error_set(err, ERR_INVALID, "'%s' is not a valid time of day", s);
	*out = dt;
	return 0;
bad:
	return error_set(err, ERR_INVALID,
			 "malformed date '%s' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)", s);
}

int date_parse_iso(const char *s, struct datetime *out, struct error *err)
{
	bool has_offset;
	int offset;
	struct tm local;
	time_t t;

	if (parse_iso(s, out, &has_offset, &offset, err))
		return ERR_INVALID;
	if (has_offset) {
		/* everything above the store works in local wall-clock time */
		t = moment_instant(out, true, offset);
		if (!localtime_r(&t, &local))
			return error_set(err, ERR_INVALID, "'%s' is out of range", s);
		datetime_from_tm(&local, out);
	}
	return 0;
}

int date_to_instant(const char *s, char out[DATE_BUFSZ])
{
	struct datetime dt;
	bool has_offset;
	int offset;
	struct tm utc;
	time_t t;

	out[0] = '\0';
	if (!s || parse_iso(s, &dt, &has_offset, &offset, NULL))
		return -1;
	if (!dt.has_time) {
		date_format_day(&dt, out);
		return 0;
	}
	t = moment_instant(&dt, has_offset, offset);
	if (!gmtime_r(&t, &utc))
		return -1;
	format_instant(&utc, out);
	return 0;
}

void date_from_instant(const char *stored, bool stamp, char out[DATE_BUFSZ])
{
	struct datetime dt;
	size_t n = strlen(stored);

	if (n < 17 || stored[n - 1] != 'Z' || date_parse_iso(stored, &dt, NULL)) {
		snprintf(out, DATE_BUFSZ, "%s", stored);
		return;
	}
	if (stamp || dt.second)
		date_format_stamp(&dt, out);
	else
		date_format(&dt, out);
}

int date_now_instant(struct datetime *out, char instant[DATE_BUFSZ], struct error *err)
{
	const char *fixed = getenv("RAPPORT_NOW");
	struct tm tm;
	time_t t;

	if (fixed && *fixed) {
		struct error e = ERROR_INIT;
		if (date_parse_iso(fixed, out, &e))
			return error_set(err, ERR_INVALID, "RAPPORT_NOW: %s", e.msg);
		out->has_time = true;
		return date_to_instant(fixed, instant) ? error_set(err, ERR_INVALID,
								   "RAPPORT_NOW: out of range")
							: 0;
	}
	t = time(NULL);
	if (!localtime_r(&t, &tm))
		return error_set(err, ERR_IO, "cannot read the clock");
	datetime_from_tm(&tm, out);
	if (!gmtime_r(&t, &tm))
		return error_set(err, ERR_IO, "cannot read the clock");
	format_instant(&tm, instant);
	return 0;
}

int date_now(struct datetime *out, struct error *err)
{
	char instant[DATE_BUFSZ];

	return date_now_instant(out, instant, err);
}

/* "+3d", "-2w": whole days from now. */
static int parse_relative(const char *s, const struct datetime *now, struct datetime *out)
{
	char *end;
	long n;
	int sign = s[0] == '-' ? -1 : 1;

	if ((s[0] != '+' && s[0] != '-') || !isdigit((unsigned char)s[1]))
		return -1;
	errno = 0;
	n = strtol(s + 1, &end, 10);
	if (errno || n > 36500 || (strcmp(end, "d") && strcmp(end, "w")))
		return -1;
	if (*end == 'w')
		n *= 7;
	*out = *now;
	out->has_time = false;
	out->hour = out->minute = out->second = 0;
	date_add_days(out, sign * n);
	/* "-36500w" is before 1900: a date that date_parse_iso would refuse */
	if (!date_valid(out->year, out->month, out->day))
		return -1;
	return 0;
}

int date_parse_when(const char *s, const struct datetime *now, struct datetime *out,
		    struct error *err)
{
	static const struct { const char *word; int offset; } words[] = {
		{ "today", 0 }, { "tomorrow", 1 }, { "yesterday", -1 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		if (!strcmp(s, words[i].word)) {
			*out = *now;
			out->has_time = false;
			out->hour = out->minute = out->second = 0;
			date_add_days(out, words[i].offset);
			return 0;
		}
	}
	if (!parse_relative(s, now, out))
		return 0;
	if (isdigit((unsigned char)s[0]))
		return date_parse_iso(s, out, err);
	return error_set(err, ERR_INVALID,
			 "malformed date '%s' (expected YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, "
			 "tomorrow, +Nd, +Nw or -Nd)", s);
}

static void put_datetime(const struct datetime *dt, int fields, char buf[DATE_BUFSZ])
{
	int v[6] = { dt->year, dt->month, dt->day, dt->hour, dt->minute, dt->second };

	put_moment(buf, v, fields, 0);
}

void date_format_day(const struct datetime *dt, char buf[DATE_BUFSZ])
{
	put_datetime(dt, 0, buf);
}

void date_format(const struct datetime *dt, char buf[DATE_BUFSZ])
{
	put_datetime(dt, dt->has_time ? 2 : 0, buf);
}

void date_format_stamp(const struct datetime *dt, char buf[DATE_BUFSZ])
{
	put_datetime(dt, 3, buf);
}

int date_local_offset(const struct datetime *dt)
{
	struct tm tm = datetime_tm(dt);
	struct tm local;
	time_t t;

	if (!dt->has_time)
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	t = mktime(&tm);
	if (t == (time_t)-1 || !localtime_r(&t, &local))
		return 0;
	return (int)(local.tm_gmtoff / 60);
}

int date_rfc3339(const char *stored, char out[DATE_BUFSZ])
{
	struct datetime dt;
	int off, a;

	out[0] = '\0';
	if (!stored || date_parse_iso(stored, &dt, NULL))
		return -1;
	off = date_local_offset(&dt);
	a = off < 0 ? -off : off;
	if (!dt.has_time)
		dt.hour = dt.minute = dt.second = 0;
	snprintf(out, DATE_BUFSZ, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", dt.year, dt.month,
		 dt.day, dt.hour, dt.minute, dt.second, off < 0 ? '-' : '+', a / 60 % 100, a % 60);
	return 0;
}

int date_rfc3339_in(const char *local, int offset, char out[DATE_BUFSZ])
{
	struct datetime dt;
	struct tm tm;
	time_t t;
	int a = offset < 0 ? -offset : offset;

	out[0] = '\0';
	if (!local || date_parse_iso(local, &dt, NULL) || !dt.has_time)
		return -1;
	t = moment_instant(&dt, false, 0) + (time_t)offset * 60;
	if (!gmtime_r(&t, &tm))
		return -1;
	snprintf(out, DATE_BUFSZ, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		 (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100, tm.tm_mday % 100,
		 tm.tm_hour % 100, tm.tm_min % 100, tm.tm_sec % 100, offset < 0 ? '-' : '+',
		 a / 60 % 100, a % 60);
	return 0;
}

int date_zone_check(const char *zone, struct error *err)
{
	const char *dir = getenv("TZDIR");
	char path[512];

	if (!*zone || strlen(zone) > 100 || zone[0] == '/' || strstr(zone, "..") ||
	    strspn(zone, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") !=
		    strlen(zone))
		return error_set(err, ERR_INVALID, "'%s' is not a time zone (like Europe/Paris)",
				 zone);
	if (!strcmp(zone, "UTC"))
		return 0;
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	if (access(path, R_OK))
		return error_set(err, ERR_INVALID,
				 "unknown time zone '%s' (see /usr/share/zoneinfo, or "
				 "'timedatectl list-timezones')",
				 zone);
	return 0;
}

void date_zone_use(const char *zone)
{
	const char *now = getenv("TZ");

	if (now && !strcmp(now, zone))
		return;
	setenv("TZ", zone, 1);
	tzset();
}

void date_zone_name(char *out, size_t size)
{
	const char *tz = getenv("TZ");
	char link[256];
	ssize_t n;
	const char *name;

	if (tz && *tz) {
		snprintf(out, size, "%s", tz[0] == ':' ? tz + 1 : tz);
		return;
	}
	n = readlink("/etc/localtime", link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = '\0';
		name = strstr(link, "zoneinfo/");
		snprintf(out, size, "%s", name ? name + strlen("zoneinfo/") : link);
		return;
	}
	snprintf(out, size, "the machine's local time");
}
