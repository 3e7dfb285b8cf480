/* mail_when.c: finding the date and time an invitation gives (see mail_when.h). */
#include "mail/mail_when.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* How far after a date its time may be: "on 12 March 2026, at 10:00". */
#define TIME_WINDOW 40

/* Month names, folded (no accents), in English, French, German and
 * Spanish; the longest first where one begins another ("mar" after "mars"). */
static const struct {
	const char *name;
	int month;
} months[] = {
	{ "january", 1 },   { "janvier", 1 },  { "januar", 1 },   { "enero", 1 },
	{ "february", 2 },  { "fevrier", 2 },  { "februar", 2 },  { "febrero", 2 },
	{ "march", 3 },     { "mars", 3 },     { "marz", 3 },     { "marzo", 3 },
	{ "april", 4 },     { "avril", 4 },    { "abril", 4 },    { "may", 5 },
	{ "mai", 5 },       { "mayo", 5 },     { "june", 6 },     { "juin", 6 },
	{ "juni", 6 },      { "junio", 6 },    { "july", 7 },     { "juillet", 7 },
	{ "juli", 7 },      { "julio", 7 },    { "august", 8 },   { "aout", 8 },
	{ "agosto", 8 },    { "september", 9 }, { "septembre", 9 }, { "septiembre", 9 },
	{ "october", 10 },  { "octobre", 10 }, { "oktober", 10 }, { "octubre", 10 },
	{ "november", 11 }, { "novembre", 11 }, { "noviembre", 11 }, { "december", 12 },
	{ "decembre", 12 }, { "dezember", 12 }, { "diciembre", 12 }, { "jan", 1 },
	{ "feb", 2 },       { "mar", 3 },      { "apr", 4 },      { "jun", 6 },
	{ "jul", 7 },       { "aug", 8 },      { "sept", 9 },     { "sep", 9 },
	{ "oct", 10 },      { "nov", 11 },     { "dec", 12 },
};

/* A number of 1 to max_digits digits at *p, not within a longer one. */
static bool read_number(const char **p, int max_digits, int *out)
{
	const char *s = *p;
	int n = 0, v = 0;

	while (isdigit((unsigned char)s[n]) && n <= max_digits)
		v = v * 10 + (s[n++] - '0');
	if (!n || n > max_digits)
		return false;
	*p = s + n;
	*out = v;
	return true;
}

static bool read_word(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n) || isalpha((unsigned char)(*p)[n]))
		return false;
	*p += n;
	return true;
}

static void skip_blanks(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == ',')
		(*p)++;
}

static bool read_month(const char **p, int *month)
{
	for (size_t i = 0; i < ARRAY_SIZE(months); i++)
		if (read_word(p, months[i].name)) {
			if (**p == '.') /* "Sept." */
				(*p)++;
			*month = months[i].month;
			return true;
		}
	return false;
}

/* "12th", "12.", "1er": a day, with what ordinals add to it. */
static bool read_day(const char **p, int *day)
{
	static const char *const ends[] = { "st", "nd", "rd", "th", "er", "." };

	if (!read_number(p, 2, day))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(ends); i++)
		if (!strncmp(*p, ends[i], strlen(ends[i])) && !isalpha((unsigned char)(*p)[strlen(ends[i])])) {
			*p += strlen(ends[i]);
			break;
		}
	return true;
}

/* ", 2026" or " 2026" after a day and month: the year, when written. */
static void read_year(const char **p, int *year)
{
	const char *s = *p;
	int y;

	skip_blanks(&s);
	if (read_word(&s, "de"))
		skip_blanks(&s);
	if (read_number(&s, 4, &y) && y >= 1970) {
		*year = y;
		*p = s;
	}
}

/* "12 March", "12. März 2026", "12 de marzo", "March 12th, 2026". */
static bool read_named_date(const char **p, struct datetime *dt)
{
	const char *s = *p;

	if (read_day(&s, &dt->day)) {
		skip_blanks(&s);
		if (read_word(&s, "de"))
			skip_blanks(&s);
		if (!read_month(&s, &dt->month))
			return false;
	} else if (read_month(&s, &dt->month)) {
		skip_blanks(&s);
		if (!read_day(&s, &dt->day))
			return false;
	} else {
		return false;
	}
	read_year(&s, &dt->year);
	*p = s;
	return true;
}

/* "2026-03-12", or "12/03/2026", "12.03.2026" (day first). */
static bool read_numeric_date(const char **p, struct datetime *dt)
{
	const char *s = *p;
	int a, b, c;

	if (!read_number(&s, 4, &a))
		return false;
	if (s - *p == 4 && *s == '-' && (s++, read_number(&s, 2, &b)) && *s == '-' &&
	    (s++, read_number(&s, 2, &c))) {
		dt->year = a, dt->month = b, dt->day = c;
	} else if (s - *p <= 2 && (*s == '/' || *s == '.') && (s++, read_number(&s, 2, &b)) &&
		   (*s == '/' || *s == '.') && (s++, read_number(&s, 4, &c)) && c >= 1970) {
		dt->day = a, dt->month = b, dt->year = c;
	} else {
		return false;
	}
	*p = s;
	return true;
}

/* "10:00", "10h00", "10h", "10 uhr", "2:30 pm", "2 pm", "14.30 uhr". */
static bool read_time(const char *s, struct datetime *dt)
{
	int h, m = 0;
	bool marked = false;

	if (!read_number(&s, 2, &h))
		return false;
	if ((*s == ':' || *s == 'h' || *s == '.') && isdigit((unsigned char)s[1])) {
		char sep = *s++;
		if (!read_number(&s, 2, &m))
			return false;
		marked = sep != '.';
	} else if (*s == 'h' && !isalpha((unsigned char)s[1])) {
		marked = true;
	}
	skip_blanks(&s);
	if (!strncmp(s, "pm", 2) || !strncmp(s, "p.m.", 4)) {
		h = h % 12 + 12, marked = true;
	} else if (!strncmp(s, "am", 2) || !strncmp(s, "a.m.", 4)) {
		h %= 12, marked = true;
	} else if (read_word(&s, "uhr")) {
		marked = true;
	}
	if (!marked || h > 23 || m > 59)
		return false;
	dt->hour = h, dt->minute = m, dt->second = 0;
	dt->has_time = true;
	return true;
}

/* Does a date start at s ("or 13 March")? Then a time after it is its own. */
static bool date_at(const char *s)
{
	struct datetime other = { 0 };
	const char *p = s;

	return read_numeric_date(&p, &other) || (p = s, read_named_date(&p, &other));
}

/* The first time in the TIME_WINDOW characters from s, before another date. */
static void find_time(const char *s, struct datetime *dt)
{
	for (size_t i = 0; i < TIME_WINDOW && s[i]; i++) {
		bool word_start = !i || !isalnum((unsigned char)s[i - 1]);
		if (word_start && date_at(s + i))
			return;
		if (isdigit((unsigned char)s[i]) && word_start && read_time(s + i, dt))
			return;
	}
}

/* A date without its year: sent's, or the next when it would be before sent. */
static void complete_year(struct datetime *dt, const struct datetime *sent)
{
	if (dt->year)
		return;
	dt->year = sent->year;
	if (dt->month < sent->month || (dt->month == sent->month && dt->day < sent->day))
		dt->year++;
}

static bool at_word_start(const char *text, const char *p)
{
	return p == text || !isalnum((unsigned char)p[-1]);
}

bool mail_when_find(const char *text, const struct datetime *sent, struct datetime *out)
{
	char *folded = text_fold_ascii(text ? text : "");
	bool found = false;

	for (const char *p = folded; *p; p++) {
		struct datetime dt = { 0 };
		const char *end = p;
		if (!at_word_start(folded, p) ||
		    !(read_numeric_date(&end, &dt) || read_named_date(&end, &dt)))
			continue;
		complete_year(&dt, sent);
		if (!date_valid(dt.year, dt.month, dt.day))
			continue;
		if (*end == 't') /* 2026-03-12T10:00 */
			end++;
		find_time(end, &dt);
		if (!found || dt.has_time)
			*out = dt;
		found = true;
		if (dt.has_time)
			break;
	}
	free(folded);
	return found;
}
