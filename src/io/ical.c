/* ical.c: the calendar as iCalendar, built with libical (see ical.h), which
 * is loaded on first use rather than linked (see util/dynlib.h). */
#include "io/ical.h"

#include <ctype.h>
#include <errno.h>
#include <libical/ical.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/model.h"
#include "util/dynlib.h"
#include "util/strbuf.h"

#define PRODID "-//rapport//rapport " RAPPORT_VERSION "//EN"
#define INTERVIEW_SECONDS 3600
#define REFRESH_SECONDS 3600

/* libical's runtime name (objdump -p libical.so: SONAME) follows its major
 * version; then the development link, which names the version the header
 * came with. */
#ifndef ICAL_SONAME
#if ICAL_MAJOR_VERSION != 3
#error "libical is not version 3: set ICAL_SONAME to its runtime name"
#endif
#define ICAL_SONAME "libical.so.3"
#endif

/* Every function of libical this file calls, each typed from its header
 * (icalerrno is *icalerrno_return()). */
#define ICAL_FUNCTIONS(X)                                                                 \
	X(icalcomponent_add_component) X(icalcomponent_add_property)                       \
	X(icalcomponent_as_ical_string_r) X(icalcomponent_free) X(icalcomponent_new)       \
	X(icalcomponent_new_vcalendar) X(icaldurationtype_from_int) X(icalerror_strerror)  \
	X(icalerrno_return) X(icalmemory_free_buffer) X(icalparameter_new_value)           \
	X(icalproperty_add_parameter) X(icalproperty_new_calscale)                         \
	X(icalproperty_new_categories) X(icalproperty_new_description)                     \
	X(icalproperty_new_dtend) X(icalproperty_new_dtstamp) X(icalproperty_new_dtstart)  \
	X(icalproperty_new_due) X(icalproperty_new_name) X(icalproperty_new_prodid)        \
	X(icalproperty_new_refreshinterval) X(icalproperty_new_status)                     \
	X(icalproperty_new_summary) X(icalproperty_new_transp) X(icalproperty_new_uid)     \
	X(icalproperty_new_version) X(icalproperty_new_x) X(icalproperty_set_x_name)       \
	X(icaltime_adjust) X(icaltime_from_timet_with_zone) X(icaltime_null_date)          \
	X(icaltime_null_time) X(icaltimezone_get_utc_timezone)

static struct {
#define ICAL_POINTER(f) __typeof__(f) *f;
	ICAL_FUNCTIONS(ICAL_POINTER)
#undef ICAL_POINTER
} ical;

/* Loading libical, and its UTC zone (made on first use): once, before
 * threads race to it. load_err holds why it failed. */
static icaltimezone *utc_zone;
static struct error load_err = ERROR_INIT;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_ical(void)
{
	static const char *const names[] = { ICAL_SONAME, "libical.so", NULL };
	static const struct dynlib_sym syms[] = {
#define ICAL_SYM(f) { #f, &ical.f },
		ICAL_FUNCTIONS(ICAL_SYM)
#undef ICAL_SYM
	};

	if (!dynlib_load(names, "the calendar", syms, ARRAY_SIZE(syms), &load_err))
		utc_zone = ical.icaltimezone_get_utc_timezone();
}

/* Text as libical should get it: CRLF and lone CRs as LF, other control
 * characters as spaces; for a one-line value (a SUMMARY), LFs as spaces too.
 * libical escapes the rest (\n \, \; \\) and folds the lines. */
static void clean_text(struct strbuf *sb, const char *s, bool one_line)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if (c == '\r') {
			if (p[1] == '\n')
				p++;
			c = '\n';
		}
		if (c == '\n' && !one_line)
			strbuf_addch(sb, '\n');
		else if (c < 0x20 || c == 0x7F)
			strbuf_addch(sb, ' ');
		else
			strbuf_addch(sb, (char)c);
	}
}

static void add_summary(icalcomponent *c, const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	clean_text(&sb, text, true);
	strbuf_trim(&sb);
	ical.icalcomponent_add_property(
		c, ical.icalproperty_new_summary(sb.len ? sb.buf : "(untitled)"));
	strbuf_release(&sb);
}

/* DESCRIPTION from text already made of lines; nothing when it is empty. */
static void add_description(icalcomponent *c, const struct strbuf *text)
{
	struct strbuf sb = STRBUF_INIT;

	clean_text(&sb, text->buf, false);
	strbuf_trim(&sb);
	if (sb.len)
		ical.icalcomponent_add_property(c, ical.icalproperty_new_description(sb.buf));
	strbuf_release(&sb);
}

/* "Opportunity: Data Lead, Acme" and "With: ..." lines of a description. */
static void describe_opp(struct strbuf *sb, const struct opp_ref *o)
{
	if (!o->id || !o->title)
		return;
	strbuf_addf(sb, "Opportunity: %s", o->title);
	if (o->org_name)
		strbuf_addf(sb, ", %s", o->org_name);
	strbuf_addch(sb, '\n');
}

/* A stored date or date-time as libical's floating time (a date alone when
 * date_only or when it has no time); false when it cannot be read. */
static bool floating_time(const char *iso, bool date_only, struct icaltimetype *out)
{
	struct datetime dt;
	struct error e = ERROR_INIT;

	if (!iso || date_parse_iso(iso, &dt, &e))
		return false;
	*out = date_only || !dt.has_time ? ical.icaltime_null_date() : ical.icaltime_null_time();
	out->year = dt.year;
	out->month = dt.month;
	out->day = dt.day;
	if (!out->is_date) {
		out->hour = dt.hour;
		out->minute = dt.minute;
		out->second = dt.second;
	}
	return true;
}

/* A floating local time as the same instant in UTC. */
static struct icaltimetype in_utc(struct icaltimetype local)
{
	struct tm tm = { .tm_year = local.year - 1900, .tm_mon = local.month - 1,
			 .tm_mday = local.day, .tm_hour = local.hour, .tm_min = local.minute,
			 .tm_sec = local.second, .tm_isdst = -1 };
	time_t t = mktime(&tm);

	return t == (time_t)-1 ? local : ical.icaltime_from_timet_with_zone(t, 0, utc_zone);
}

/* "Now" (local wall-clock time) in UTC, for DTSTAMP. */
static struct icaltimetype stamp_of(const struct datetime *now)
{
	struct tm tm = { .tm_year = now->year - 1900, .tm_mon = now->month - 1,
			 .tm_mday = now->day, .tm_hour = now->hour, .tm_min = now->minute,
			 .tm_sec = now->second, .tm_isdst = -1 };
	time_t t = mktime(&tm);

	return ical.icaltime_from_timet_with_zone(t == (time_t)-1 ? 0 : t, 0, utc_zone);
}

/* A new VEVENT or VTODO with its UID (what-ID@rapport) and DTSTAMP. */
static icalcomponent *new_item(icalcomponent_kind kind, const char *what, int64_t id,
			       struct icaltimetype stamp)
{
	icalcomponent *c = ical.icalcomponent_new(kind);
	char uid[64];

	snprintf(uid, sizeof(uid), "%s-%lld@rapport", what, (long long)id);
	ical.icalcomponent_add_property(c, ical.icalproperty_new_uid(uid));
	ical.icalcomponent_add_property(c, ical.icalproperty_new_dtstamp(stamp));
	return c;
}

/* DTSTART and DTEND of an all-day event on day. */
static void all_day(icalcomponent *c, struct icaltimetype day)
{
	ical.icalcomponent_add_property(c, ical.icalproperty_new_dtstart(day));
	ical.icaltime_adjust(&day, 1, 0, 0, 0);
	ical.icalcomponent_add_property(c, ical.icalproperty_new_dtend(day));
	ical.icalcomponent_add_property(c, ical.icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
}

/* How every item ends: its description (text, then its opportunity's line),
 * its category, and the item into the calendar. Releases text. */
static void item_end(icalcomponent *cal, icalcomponent *c, struct strbuf *text,
		     const struct opp_ref *opp, const char *category)
{
	describe_opp(text, opp);
	add_description(c, text);
	ical.icalcomponent_add_property(c, ical.icalproperty_new_categories(category));
	ical.icalcomponent_add_component(cal, c);
	strbuf_release(text);
}

static void add_task(icalcomponent *cal, const struct task *t, bool todo,
		     struct icaltimetype stamp)
{
	struct strbuf text = STRBUF_INIT;
	struct icaltimetype due;
	icalcomponent *c;

	if (!floating_time(t->due, true, &due))
		return; /* a damaged row: the calendar goes on without it */
	c = new_item(todo ? ICAL_VTODO_COMPONENT : ICAL_VEVENT_COMPONENT, "task", t->id, stamp);
	if (todo) {
		ical.icalcomponent_add_property(c, ical.icalproperty_new_due(due));
		ical.icalcomponent_add_property(
			c, ical.icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	} else {
		all_day(c, due);
	}
	add_summary(c, t->title);
	if (t->why)
		strbuf_addf(&text, "%s\n", t->why);
	if (t->person.id && t->person.name)
		strbuf_addf(&text, "With: %s\n", t->person.name);
	item_end(cal, c, &text, &t->opp, "follow-up");
}

static void add_interaction(icalcomponent *cal, const struct interaction *i,
			  struct icaltimetype stamp)
{
	const char *kind = enum_name(&interaction_kind_def, (int)i->kind);
	struct strbuf text = STRBUF_INIT;
	struct icaltimetype start, end;
	icalcomponent *c;

	if (!i->summary || !floating_time(i->at, false, &start))
		return;
	c = new_item(ICAL_VEVENT_COMPONENT, "interaction", i->id, stamp);
	if (start.is_date) {
		all_day(c, start);
	} else {
		/* an interaction happened at one instant: in UTC, a calendar in
		 * any zone puts it where it was (a task's due day stays floating:
		 * it is the user's diary) */
		start = in_utc(start);
		end = start;
		ical.icaltime_adjust(&end, 0, 0, 0, INTERVIEW_SECONDS);
		ical.icalcomponent_add_property(c, ical.icalproperty_new_dtstart(start));
		ical.icalcomponent_add_property(c, ical.icalproperty_new_dtend(end));
	}
	/* "Interview: First round (Acme)", unless the summary says it already */
	if (!strcasestr(i->summary, kind))
		strbuf_addf(&text, "%c%s: ", toupper((unsigned char)kind[0]), kind + 1);
	strbuf_addstr(&text, i->summary);
	if (i->opp.org_name && !strcasestr(i->summary, i->opp.org_name))
		strbuf_addf(&text, " (%s)", i->opp.org_name);
	add_summary(c, text.buf);
	strbuf_reset(&text);
	for (size_t k = 0; k < i->people.n; k++)
		strbuf_addf(&text, "%s%s", k ? ", " : "With: ", i->people.items[k].name);
	if (i->people.n)
		strbuf_addch(&text, '\n');
	item_end(cal, c, &text, &i->opp, kind);
}

static void add_deadline(icalcomponent *cal, const struct ical_deadline *o,
			 struct icaltimetype stamp)
{
	struct strbuf text = STRBUF_INIT;
	struct icaltimetype day;
	icalcomponent *c;

	if (!floating_time(o->day, true, &day))
		return;
	c = new_item(ICAL_VEVENT_COMPONENT, "deadline", o->offer_id, stamp);
	all_day(c, day);
	strbuf_addf(&text, "Offer deadline: %s", o->opp->title ? o->opp->title : "an offer");
	if (o->opp->org_name)
		strbuf_addf(&text, ", %s", o->opp->org_name);
	add_summary(c, text.buf);
	strbuf_reset(&text);
	item_end(cal, c, &text, o->opp, "offer");
}

static icalcomponent *new_calendar(void)
{
	icalcomponent *cal = ical.icalcomponent_new_vcalendar();
	icalproperty *p;

	ical.icalcomponent_add_property(cal, ical.icalproperty_new_version("2.0"));
	ical.icalcomponent_add_property(cal, ical.icalproperty_new_prodid(PRODID));
	ical.icalcomponent_add_property(cal, ical.icalproperty_new_calscale("GREGORIAN"));
	ical.icalcomponent_add_property(cal, ical.icalproperty_new_name("rapport"));
	p = ical.icalproperty_new_x("rapport");
	ical.icalproperty_set_x_name(p, "X-WR-CALNAME");
	ical.icalcomponent_add_property(cal, p);
	/* how often a subscribed calendar should be read again (RFC 7986, and
	 * the older name some apps still read) */
	p = ical.icalproperty_new_refreshinterval(ical.icaldurationtype_from_int(REFRESH_SECONDS));
	ical.icalproperty_add_parameter(p, ical.icalparameter_new_value(ICAL_VALUE_DURATION));
	ical.icalcomponent_add_property(cal, p);
	p = ical.icalproperty_new_x("PT1H");
	ical.icalproperty_set_x_name(p, "X-PUBLISHED-TTL");
	ical.icalcomponent_add_property(cal, p);
	return cal;
}

int ical_ready(struct error *err)
{
	pthread_once(&load_once, load_ical);
	if (load_err.code)
		return error_set(err, load_err.code, "%s", load_err.msg);
	return 0;
}

int ical_write(const struct ical_calendar *k, FILE *out, struct error *err)
{
	icalcomponent *cal;
	struct icaltimetype stamp;
	char *text;
	int rc = 0;

	if (ical_ready(err))
		return err->code;
	stamp = stamp_of(k->now);
	cal = new_calendar();
	for (size_t i = 0; i < k->ntasks; i++)
		add_task(cal, &k->tasks[i], k->tasks_as_todo, stamp);
	for (size_t i = 0; i < k->ninterviews; i++)
		add_interaction(cal, &k->interviews[i], stamp);
	for (size_t i = 0; i < k->ndeadlines; i++)
		add_deadline(cal, &k->deadlines[i], stamp);
	text = ical.icalcomponent_as_ical_string_r(cal);
	if (!text)
		rc = error_set(err, ERR_IO, "cannot write the calendar: %s",
			       ical.icalerror_strerror(*ical.icalerrno_return()));
	else if (fputs(text, out) == EOF)
		rc = error_set(err, ERR_IO, "cannot write the calendar: %s", strerror(errno));
	ical.icalmemory_free_buffer(text);
	ical.icalcomponent_free(cal);
	return rc;
}
