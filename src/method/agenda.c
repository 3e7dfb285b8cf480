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

struct scored {
	int score;
	struct task task;
};

static int by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	int c;

	if (x->score != y->score)
		return y->score - x->score;
	c = strcmp(x->task.due ? x->task.due : "", y->task.due ? y->task.due : "");
	if (c)
		return c;
	return x->task.id < y->task.id ? -1 : x->task.id > y->task.id;
}

void agenda_sort(struct task *tasks, size_t n, const char *today)
{
	struct scored *s = calloc(n ? n : 1, sizeof(*s));

	if (!s)
		return; /* out of memory: leave them in due order */
	for (size_t i = 0; i < n; i++) {
		s[i].task = tasks[i];
		s[i].score = agenda_score(&tasks[i], today);
	}
	qsort(s, n, sizeof(*s), by_score);
	for (size_t i = 0; i < n; i++)
		tasks[i] = s[i].task;
	free(s);
}
