/* parse.c: what spreadsheets and address books hold, read as values (see parse.h). */
#include "core/parse.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* A one-line value: tabs and line breaks become spaces, runs of spaces one,
 * no space at either end; NULL when nothing is left. */
char *parse_one_line(const char *s)
{
	char *out;
	size_t n = 0;
	bool space = false;

	if (!s)
		return NULL;
	out = xmalloc(strlen(s) + 1);
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = *s;
	}
	out[n] = '\0';
	if (!n) {
		free(out);
		return NULL;
	}
	return out;
}

/* A multi-line value: line ends as LF, no blank lines at either end. */
char *parse_note(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s)
		return NULL;
	for (; *s; s++) {
		if (*s == '\r') {
			strbuf_addch(&sb, '\n');
			s += s[1] == '\n';
		} else {
			strbuf_addch(&sb, *s);
		}
	}
	strbuf_trim(&sb);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
				      "jul", "aug", "sep", "oct", "nov", "dec" };

/* 1-12 for a month's name or its first three letters (and "sept"), else 0. */
static int month_of(const char *w, size_t n)
{
	static const char *const full[] = { "january", "february", "march", "april", "may",
					    "june", "july", "august", "september", "october",
					    "november", "december" };
	for (int m = 0; m < 12; m++)
		if ((n == 3 && !strncasecmp(w, months[m], 3)) ||
		    (n == strlen(full[m]) && !strncasecmp(w, full[m], n)) ||
		    (m == 8 && n == 4 && !strncasecmp(w, "sept", 4)))
			return m + 1;
	return 0;
}

/* A whole number of 1 to max_digits digits (a day may end in st, nd, rd or th). */
static int number_of(const char *w, size_t n, size_t max_digits, bool ordinal)
{
	size_t d = 0;
	int v = 0;

	while (d < n && isdigit((unsigned char)w[d]) && d < max_digits)
		v = v * 10 + (w[d++] - '0');
	if (!d || (d < n && !(ordinal && n - d == 2 && (!strncasecmp(w + d, "st", 2) ||
						      !strncasecmp(w + d, "nd", 2) ||
						      !strncasecmp(w + d, "rd", 2) ||
						      !strncasecmp(w + d, "th", 2)))))
		return -1;
	return v;
}

static int set_day(int y, int m, int d, char out[DATE_BUFSZ])
{
	if (y < 1900 || y > 2999 || !date_valid(y, m, d))
		return -1;
	/* YYYY-MM-DD, as date_format_day writes it (without printf, per row) */
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
	out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
	out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = '\0';
	return 0;
}

int parse_date(const char *s, char out[DATE_BUFSZ])
{
	const char *w[4];
	size_t n[4], nw = 0;
	int a, b, y, m;

	while (isspace((unsigned char)*s))
		s++;
	/* ISO, or with slashes: the year first reads one way only */
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    (s[4] == '-' || s[4] == '/')) {
		char *end;
		long mo, d;
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		mo = strtol(s + 5, &end, 10);
		if (end == s + 5 || *end != s[4] || !isdigit((unsigned char)end[1]))
			return -1;
		d = strtol(end + 1, &end, 10);
		if (*end && *end != 'T' && *end != ' ')
			return -1;
		/* in range before the conversion to int: 2024-4294967297-01
		 * must not read as 2024-01-01 */
		if (mo < 1 || mo > 12 || d < 1 || d > 31)
			return -1;
		return set_day(y, (int)mo, (int)d, out);
	}
	/* words: 05 Mar 2024, 5-March-2024, Mar 5, 2024, March 5 2024 */
	while (*s && nw < 4) {
		while (*s == ' ' || *s == '-' || *s == ',' || *s == '.')
			s++;
		if (!*s)
			break;
		w[nw] = s;
		while (*s && *s != ' ' && *s != '-' && *s != ',' && *s != '.')
			s++;
		n[nw] = (size_t)(s - w[nw]);
		nw++;
	}
	while (*s == ' ' || *s == '-' || *s == ',' || *s == '.')
		s++;
	if (nw != 3 || *s || (y = number_of(w[2], n[2], 4, false)) < 0 || n[2] != 4)
		return -1;
	if ((m = month_of(w[1], n[1])) && (a = number_of(w[0], n[0], 2, true)) > 0)
		return set_day(y, m, a, out);
	if ((m = month_of(w[0], n[0])) && (b = number_of(w[1], n[1], 2, true)) > 0)
		return set_day(y, m, b, out);
	return -1;
}

/* Status words, strongest first: an outcome beats a step ("offer
 * declined" is declined), a negation beats the word it negates. */
static const struct {
	const char *words;
	enum stage stage;
} status_words[] = {
	{ "not applied", STAGE_LEAD },
	{ "not selected", STAGE_REJECTED },
	{ "no offer", STAGE_REJECTED },
	{ "not interested", STAGE_WITHDRAWN },
	{ "not a fit", STAGE_REJECTED },
	{ "rejected", STAGE_REJECTED },
	{ "rejection", STAGE_REJECTED },
	{ "reject", STAGE_REJECTED },
	{ "unsuccessful", STAGE_REJECTED },
	{ "position filled", STAGE_REJECTED },
	{ "filled", STAGE_REJECTED },
	{ "closed", STAGE_REJECTED },
	{ "declined", STAGE_DECLINED },
	{ "turned down", STAGE_DECLINED },
	{ "withdrawn", STAGE_WITHDRAWN },
	{ "withdrew", STAGE_WITHDRAWN },
	{ "withdraw", STAGE_WITHDRAWN },
	{ "cancelled", STAGE_WITHDRAWN },
	{ "canceled", STAGE_WITHDRAWN },
	{ "archived", STAGE_WITHDRAWN },
	{ "accepted", STAGE_ACCEPTED },
	{ "hired", STAGE_ACCEPTED },
	{ "signed", STAGE_ACCEPTED },
	{ "negotiating", STAGE_NEGOTIATING },
	{ "negotiation", STAGE_NEGOTIATING },
	{ "negotiate", STAGE_NEGOTIATING },
	{ "offer", STAGE_OFFER },
	{ "offered", STAGE_OFFER },
	{ "interviewing", STAGE_INTERVIEWING },
	{ "interview", STAGE_INTERVIEWING },
	{ "interviews", STAGE_INTERVIEWING },
	{ "interviewed", STAGE_INTERVIEWING },
	{ "onsite", STAGE_INTERVIEWING },
	{ "on site", STAGE_INTERVIEWING },
	{ "final round", STAGE_INTERVIEWING },
	{ "second round", STAGE_INTERVIEWING },
	{ "first round", STAGE_INTERVIEWING },
	{ "technical", STAGE_INTERVIEWING },
	{ "assessment", STAGE_INTERVIEWING },
	{ "take home", STAGE_INTERVIEWING },
	{ "panel", STAGE_INTERVIEWING },
	{ "phone screen", STAGE_CONVERSATION },
	{ "screening", STAGE_CONVERSATION },
	{ "screen", STAGE_CONVERSATION },
	{ "recruiter call", STAGE_CONVERSATION },
	{ "intro call", STAGE_CONVERSATION },
	{ "conversation", STAGE_CONVERSATION },
	{ "contacted", STAGE_CONVERSATION },
	{ "networking", STAGE_CONVERSATION },
	{ "informational", STAGE_CONVERSATION },
	{ "applied", STAGE_APPLIED },
	{ "application", STAGE_APPLIED },
	{ "submitted", STAGE_APPLIED },
	{ "ghosted", STAGE_APPLIED },
	{ "no response", STAGE_APPLIED },
	{ "no reply", STAGE_APPLIED },
	{ "pending", STAGE_APPLIED },
	{ "waiting", STAGE_APPLIED },
	{ "awaiting", STAGE_APPLIED },
	{ "in review", STAGE_APPLIED },
	{ "under review", STAGE_APPLIED },
	{ "wishlist", STAGE_LEAD },
	{ "wish list", STAGE_LEAD },
	{ "saved", STAGE_LEAD },
	{ "bookmarked", STAGE_LEAD },
	{ "interested", STAGE_LEAD },
	{ "lead", STAGE_LEAD },
	{ "to apply", STAGE_LEAD },
	{ "prospect", STAGE_LEAD },
	{ "considering", STAGE_LEAD },
	{ "researching", STAGE_LEAD },
};

int parse_stage(const char *s, enum stage *out)
{
	struct strbuf norm = STRBUF_INIT, phrase = STRBUF_INIT;
	int found = -1;

	/* " word word " in lower case: whole words can be looked for */
	strbuf_addch(&norm, ' ');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) && c < 0x80)
			strbuf_addch(&norm, tolower(c));
		else if (norm.buf[norm.len - 1] != ' ')
			strbuf_addch(&norm, ' ');
	}
	if (norm.buf[norm.len - 1] != ' ')
		strbuf_addch(&norm, ' ');
	for (size_t i = 0; i < stage_def.count && found < 0; i++) {
		strbuf_reset(&phrase);
		strbuf_addf(&phrase, " %s ", stage_def.names[i]);
		if (!strcmp(norm.buf, phrase.buf))
			found = (int)i;
	}
	for (size_t i = 0; i < ARRAY_SIZE(status_words) && found < 0; i++) {
		strbuf_reset(&phrase);
		strbuf_addf(&phrase, " %s ", status_words[i].words);
		if (strstr(norm.buf, phrase.buf))
			found = (int)status_words[i].stage;
	}
	strbuf_release(&norm);
	strbuf_release(&phrase);
	if (found < 0)
		return -1;
	*out = (enum stage)found;
	return 0;
}

/* One amount: digits with thousands separators, an optional decimal part
 * and k or m; *mult receives 1000 or 1000000 when one was given, else 1.
 * Currency signs and codes around it are for the caller to have removed.
 * With both ',' and '.', the last is the decimal point (85,000.00 and
 * 85.000,00); with one of them once, it is a decimal point when one or two
 * digits follow (85.5k) and a thousands separator when three do (85,000). */
static int parse_amount(const char *s, size_t n, double *out, int *mult)
{
	struct strbuf num = STRBUF_INIT;
	size_t i = 0, commas = 0, dots = 0, last = 0;
	char decimal = 0;
	char *end;
	double v = -1;

	while (i < n && s[i] == ' ')
		i++;
	for (; i < n && (isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'); i++) {
		if (s[i] == ',' || s[i] == '.') {
			commas += s[i] == ',';
			dots += s[i] == '.';
			last = num.len;
		}
		strbuf_addch(&num, s[i]);
	}
	while (i < n && s[i] == ' ')
		i++;
	*mult = 1;
	if (i < n && (s[i] == 'k' || s[i] == 'K'))
		*mult = 1000, i++;
	else if (i < n && (s[i] == 'm' || s[i] == 'M'))
		*mult = 1000000, i++;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n || !num.len || !isdigit((unsigned char)num.buf[0]))
		goto out;
	if (commas && dots) {
		decimal = num.buf[last];
	} else if (commas + dots == 1) {
		size_t after = num.len - last - 1;
		if (after == 0 || after > 3)
			goto out;
		if (after < 3)
			decimal = num.buf[last];
	}
	{
		struct strbuf clean = STRBUF_INIT;
		for (size_t k = 0; k < num.len; k++) {
			if (num.buf[k] == decimal && k == last)
				strbuf_addch(&clean, '.');
			else if (isdigit((unsigned char)num.buf[k]))
				strbuf_addch(&clean, num.buf[k]);
			else if (num.buf[k] == decimal)
				v = -2; /* two decimal points */
		}
		errno = 0;
		if (v != -2) {
			v = strtod(clean.buf, &end);
			if (*end || errno)
				v = -1;
		}
		strbuf_release(&clean);
	}
out:
	strbuf_release(&num);
	if (v < 0)
		return -1;
	*out = v;
	return 0;
}

/* Words and signs around a salary that say nothing about its amount. */
static const char *const salary_noise[] = {
	"per annum", "per year", "a year", "/year", "/yr", "/annum", "p.a.", "annually",
	"annual", "yearly", " pa", "gbp", "usd", "eur", "chf", "cad", "aud", "£", "$", "€", "¥",
};
static const char *const salary_rates[] = { "hour", "/hr", "/h", "day", "week", "month", "/mo" };

/* The largest salary rapport takes (a billion a year). */
#define SALARY_MAX 1000000000.0

/* amount x mult rounded, when it is a salary rapport takes: checked
 * before the conversion, which is undefined for a double out of
 * int64_t's range (1e23 in a spreadsheet cell). */
static int salary_of(double amount, int mult, int64_t *out)
{
	double x = amount * mult + 0.5;

	if (!(x >= 0 && x <= SALARY_MAX + 0.5)) /* also NaN */
		return -1;
	*out = (int64_t)x;
	return 0;
}

int parse_salary(const char *s, int64_t *low, int64_t *high)
{
	struct strbuf sb = STRBUF_INIT;
	const char *sep;
	size_t seplen = 0;
	double a, b;
	int ma, mb, rc = -1;

	for (; *s; s++)
		strbuf_addch(&sb, tolower((unsigned char)*s));
	for (size_t i = 0; i < ARRAY_SIZE(salary_rates); i++)
		if (strstr(sb.buf, salary_rates[i]))
			goto out;
	for (size_t i = 0; i < ARRAY_SIZE(salary_noise); i++) {
		char *p;
		size_t n = strlen(salary_noise[i]);
		while ((p = strstr(sb.buf, salary_noise[i]))) {
			memset(p, ' ', n);
		}
	}
	/* a range: "-", an en or em dash, or "to" */
	if ((sep = strstr(sb.buf, "\xe2\x80\x93")) || (sep = strstr(sb.buf, "\xe2\x80\x94")))
		seplen = 3;
	else if ((sep = strstr(sb.buf, " to ")))
		seplen = 4;
	else if ((sep = strchr(sb.buf, '-')))
		seplen = 1;
	if (!sep) {
		if (parse_amount(sb.buf, sb.len, &a, &ma) || salary_of(a, ma, low))
			goto out;
		*high = *low;
		rc = 0;
		goto out;
	}
	if (parse_amount(sb.buf, (size_t)(sep - sb.buf), &a, &ma) ||
	    parse_amount(sep + seplen, strlen(sep + seplen), &b, &mb))
		goto out;
	/* 80-95k: the k of the high end is the low end's too */
	if (ma == 1 && mb > 1 && a * mb <= b * mb && a < 1000)
		ma = mb;
	if (salary_of(a, ma, low) || salary_of(b, mb, high))
		goto out;
	rc = *low <= *high ? 0 : -1;
out:
	strbuf_release(&sb);
	return rc;
}
