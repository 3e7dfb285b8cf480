/* agenda.c: the documented score that orders each section of the agenda. */
#include "method/agenda.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

static int stage_weight(int stage)
{
	switch (stage) {
	case STAGE_NEGOTIATING:
	case STAGE_OFFER:
		return 40;
	case STAGE_INTERVIEWING:
		return 30;
	case STAGE_CONVERSATION:
		return 20;
	case STAGE_APPLIED:
		return 10;
	default:
		return 5;
	}
}

static int kind_weight(enum task_kind k)
{
	static const int w[] = { [TKIND_EMAIL] = 6, [TKIND_CALL] = 8, [TKIND_LETTER] = 6,
				 [TKIND_LINKEDIN] = 3, [TKIND_MEETING] = 6, [TKIND_REVIEW] = 4,
				 [TKIND_LEARN] = 2, [TKIND_OTHER] = 2 };
	return (size_t)k < sizeof(w) / sizeof(w[0]) ? w[k] : 2;
}

int agenda_score(const struct task *t, const char *today)
{
	struct datetime d, now;
	char day[DATE_BUFSZ];
	long late = 0;
	int score;

	snprintf(day, sizeof(day), "%.10s", t->due ? t->due : "");
	if (!date_parse_iso(day, &d, NULL) && !date_parse_iso(today, &now, NULL))
		late = date_diff_days(&d, &now);
	if (late > 30)
		late = 30;
	if (late < -30)
		late = -30;
	score = late > 0 ? 10 * (int)late : 2 * (int)late;
	score += stage_weight(t->opp_stage);
	score += 5 * (t->person_rapport > 0 ? t->person_rapport : 0);
	score += kind_weight(t->kind);
	return score;
}

static const char *sort_today;

static int by_score(const void *a, const void *b)
{
	const struct task *x = a, *y = b;
	int sx = agenda_score(x, sort_today), sy = agenda_score(y, sort_today);
	int c = strcmp(x->due ? x->due : "", y->due ? y->due : "");

	if (sx != sy)
		return sy - sx;
	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

void agenda_sort(struct task *tasks, size_t n, const char *today)
{
	sort_today = today; /* qsort has no context argument in C17 */
	qsort(tasks, n, sizeof(*tasks), by_score);
	sort_today = NULL;
}
