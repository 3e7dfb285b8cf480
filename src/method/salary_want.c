/* salary_want.c: salary wants judged against the offer and the range (see salary_want.h). */
#include "method/salary_want.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Does lower contain word at the start of a word (and, when whole, as a
 * whole word)? "base" must not match "database", nor "pay" "repayment". */
static bool has_word(const char *lower, const char *word, bool whole)
{
	size_t n = strlen(word);

	for (const char *p = strstr(lower, word); p; p = strstr(p + 1, word)) {
		bool starts = p == lower || !isalpha((unsigned char)p[-1]);
		bool ends = !isalpha((unsigned char)p[n]);
		if (starts && (ends || !whole))
			return true;
	}
	return false;
}

static void lowercase(const char *text, char *out, size_t size)
{
	size_t n = 0;

	for (; text && *text && n + 1 < size; text++)
		out[n++] = (char)tolower((unsigned char)*text);
	out[n] = '\0';
}

static bool is_salary_text(const char *lower, int category)
{
	bool pay = has_word(lower, "salar", false) || has_word(lower, "pay", true) ||
		   has_word(lower, "base", true) || has_word(lower, "compensation", false) ||
		   has_word(lower, "wage", false) || has_word(lower, "income", false);
	bool other = has_word(lower, "bonus", false) || has_word(lower, "equity", false) ||
		     has_word(lower, "pension", false) || has_word(lower, "stock", false) ||
		     has_word(lower, "holiday", false) || has_word(lower, "vacation", false);

	if (category >= 0 && category != WCAT_COMPENSATION)
		return false;
	if (other && !pay)
		return false;
	return category == WCAT_COMPENSATION || pay;
}

/* An amount at p: digits with ',' or '.' separators, then k or m. *end
 * past it; false when there is none. */
static bool parse_amount(const char *p, int64_t *out, const char **end)
{
	int64_t whole = 0, frac = 0, scale = 1;
	bool decimal = false;

	if (!isdigit((unsigned char)*p))
		return false;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (whole > INT64_MAX / 100)
				return false;
			if (decimal) {
				frac = frac * 10 + (*p - '0');
				scale *= 10;
			} else {
				whole = whole * 10 + (*p - '0');
			}
		} else if (*p == ',' && isdigit((unsigned char)p[1])) {
			continue; /* a thousands separator */
		} else if (*p == '.' && isdigit((unsigned char)p[1]) && !decimal) {
			decimal = true;
		} else {
			break;
		}
	}
	if (scale > 1000)
		return false;
	if (*p == 'k' || *p == 'm') {
		int64_t unit = *p == 'k' ? 1000 : 1000000;
		whole = whole * unit + frac * unit / scale;
		p++;
	} else if (decimal && scale != 1000) {
		/* 80.000 is eighty thousand in much of Europe; 80.5 is no salary */
		return false;
	} else if (decimal) {
		whole = whole * 1000 + frac;
	}
	*out = whole;
	*end = p;
	return true;
}

/* Does the text just before the amount at at (lowercased) cap the figure? */
static bool is_ceiling(const char *lower, const char *at)
{
	static const char *const caps[] = { "up to", "at most", "max", "under", "below",
					    "less than", "<", "\xe2\x89\xa4" /* ≤ */ };
	const char *from = at - lower > 16 ? at - 16 : lower;

	for (size_t i = 0; i < ARRAY_SIZE(caps); i++)
		for (const char *hit = strstr(from, caps[i]); hit && hit < at;
		     hit = strstr(hit + 1, caps[i]))
			if (hit == lower || !isalpha((unsigned char)hit[-1]))
				return true;
	return false;
}

bool salary_want_floor(const char *text, int category, int64_t *floor)
{
	char lower[512];
	const char *end;
	int64_t v;

	lowercase(text, lower, sizeof(lower));
	if (!is_salary_text(lower, category))
		return false;
	for (const char *p = lower; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > lower && isdigit((unsigned char)p[-1])))
			continue;
		if (!parse_amount(p, &v, &end))
			continue;
		/* "80-90k": the first figure takes the unit of the second */
		if (v < 1000 && (*end == '-' || *end == ' ') && isdigit((unsigned char)end[1]) &&
		    strchr(end + 1, 'k'))
			v *= 1000;
		if (*end == '%' || v < 1000) {
			p = end - 1;
			continue;
		}
		if (is_ceiling(lower, p))
			return false;
		*floor = v;
		return true;
	}
	return false;
}

void salary_amount_text(int64_t v, char *buf, size_t size)
{
	char digits[32];
	size_t n, used = 0;

	if (v >= 1000000 && v % 100000 == 0) {
		if (v % 1000000 == 0)
			snprintf(buf, size, "%lldm", (long long)(v / 1000000));
		else
			snprintf(buf, size, "%lld.%lldm", (long long)(v / 1000000),
				 (long long)(v % 1000000 / 100000));
		return;
	}
	if (v >= 1000 && v % 1000 == 0) {
		snprintf(buf, size, "%lldk", (long long)(v / 1000));
		return;
	}
	n = (size_t)snprintf(digits, sizeof(digits), "%lld", (long long)v);
	for (size_t i = 0; i < n && used + 2 < size; i++) {
		if (i && (n - i) % 3 == 0)
			buf[used++] = ',';
		buf[used++] = digits[i];
	}
	buf[used] = '\0';
}

enum want_status salary_want_judge(int64_t floor, const struct opp *o, char *why,
				   size_t size)
{
	char f[32], a[32], b[32];

	salary_amount_text(floor, f, sizeof(f));
	why[0] = '\0';
	if (o->salary_offered >= 0) {
		bool met = o->salary_offered >= floor;
		salary_amount_text(o->salary_offered, a, sizeof(a));
		snprintf(why, size, "offer base %s %s %s", a, met ? "\xe2\x89\xa5" : "<", f);
		return met ? WANT_MET : WANT_UNMET;
	}
	if (o->salary_low < 0 || o->salary_high < 0)
		return WANT_UNKNOWN;
	salary_amount_text(o->salary_low, a, sizeof(a));
	salary_amount_text(o->salary_high, b, sizeof(b));
	if (o->salary_low >= floor) {
		snprintf(why, size, "range %s-%s \xe2\x89\xa5 %s", a, b, f);
		return WANT_MET;
	}
	if (o->salary_high < floor) {
		snprintf(why, size, "range %s-%s < %s", a, b, f);
		return WANT_UNMET;
	}
	snprintf(why, size, "range %s-%s straddles %s", a, b, f);
	return WANT_PARTLY;
}

void salary_wants_judge(want_standing_vec *v, const struct opp *o)
{
	for (size_t i = 0; i < v->n; i++) {
		struct want_standing *w = &v->items[i];
		enum want_status st;
		int64_t floor;
		char why[96];

		if (w->evidence.n || !salary_want_floor(w->want.text, w->want.category, &floor))
			continue; /* what the user recorded wins */
		st = salary_want_judge(floor, o, why, sizeof(why));
		if (st == WANT_UNKNOWN)
			continue;
		w->status = st;
		free(w->judged);
		w->judged = xstrdup(why);
	}
}
