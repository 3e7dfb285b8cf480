/* fit.c: the fit score of an opportunity against the user's wants (see fit.h). */
#include "core/fit.h"

#include <stdio.h>

void fit_add(struct fit *f, int weight, bool must, enum want_status status)
{
	f->total++;
	f->total_weight += weight;
	if (status != WANT_MET && status != WANT_PARTLY && status != WANT_UNMET)
		return;
	f->known++;
	f->known_weight += weight;
	f->points2 += status == WANT_MET ? 2 * weight : status == WANT_PARTLY ? weight : 0;
	if (must && status == WANT_UNMET)
		f->deal_breakers++;
}

int fit_score(const struct fit *f)
{
	if (!f->known_weight)
		return -1;
	/* 100 * points2 / (2 * known_weight), rounded half up */
	return (100 * f->points2 + f->known_weight) / (2 * f->known_weight);
}

int fit_coverage(const struct fit *f)
{
	if (!f->total_weight)
		return 0;
	return (100 * f->known_weight + f->total_weight / 2) / f->total_weight;
}

void fit_text(const struct fit *f, char *buf, size_t size)
{
	int score = fit_score(f);

	if (score < 0)
		snprintf(buf, size, "?%s", f->deal_breakers ? " deal-breaker" : "");
	else
		snprintf(buf, size, "%d%%%s", score, f->deal_breakers ? " deal-breaker" : "");
}

void fit_known_text(const struct fit *f, char *buf, size_t size)
{
	snprintf(buf, size, "%d of %d known", f->known, f->total);
}

bool fit_known_enough(const struct fit *f)
{
	return f->total && 2 * f->known >= f->total;
}

const char *fit_grade(const struct fit *f)
{
	int v = fit_score(f);

	if (f->deal_breakers)
		return "bad";
	if (v < 0)
		return "";
	if (v >= 75)
		return fit_known_enough(f) ? "good" : "";
	return v < 50 ? "warn" : "";
}
