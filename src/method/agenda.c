/* agenda.c: the documented score that orders each section of the agenda. */
#include "method/agenda.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/history.h"
#include "store/offer.h"
#include "util/xalloc.h"

/*
 * The score of a task (README.md, "The agenda ranks ... by a score": keep
 * the two in step): SCORE_PER_DAY_LATE points a day overdue, or
 * SCORE_PER_DAY_EARLY points off a day until due, counting at most
 * SCORE_DAYS_CAP days either way (so that a task long overdue does not bury
 * all else for ever, nor one far off sink without end); plus the weight of
 * its opportunity's stage (SCORE_STAGE_*: the nearer an offer, the more is
 * at stake); plus SCORE_PER_RAPPORT a point of the person's rapport (a
 * warm contact is worth keeping warm); plus the weight of its kind
 * (SCORE_KIND_*: a call is the likeliest to move things on).
 */
enum {
	SCORE_PER_DAY_LATE = 10,
	SCORE_PER_DAY_EARLY = 2,
	SCORE_DAYS_CAP = 30,

	SCORE_STAGE_OFFER = 40, /* offer and negotiating */
	SCORE_STAGE_INTERVIEWING = 30,
	SCORE_STAGE_CONVERSATION = 20,
	SCORE_STAGE_APPLIED = 10,
	SCORE_STAGE_OTHER = 5, /* a lead, or no opportunity */

	SCORE_PER_RAPPORT = 5,

	SCORE_KIND_CALL = 8,
	SCORE_KIND_EMAIL = 6,
	SCORE_KIND_LETTER = 6,
	SCORE_KIND_MEETING = 6,
	SCORE_KIND_REVIEW = 4,
	SCORE_KIND_LINKEDIN = 3,
	SCORE_KIND_LEARN = 2,
	SCORE_KIND_OTHER = 2, /* also a kind this table does not know */
};

static int stage_weight(int stage)
{
	switch (stage) {
	case STAGE_NEGOTIATING:
	case STAGE_OFFER:
		return SCORE_STAGE_OFFER;
	case STAGE_INTERVIEWING:
		return SCORE_STAGE_INTERVIEWING;
	case STAGE_CONVERSATION:
		return SCORE_STAGE_CONVERSATION;
	case STAGE_APPLIED:
		return SCORE_STAGE_APPLIED;
	default:
		return SCORE_STAGE_OTHER;
	}
}

static int kind_weight(enum task_kind k)
{
	static const int w[] = {
		[TKIND_EMAIL] = SCORE_KIND_EMAIL,     [TKIND_CALL] = SCORE_KIND_CALL,
		[TKIND_LETTER] = SCORE_KIND_LETTER,   [TKIND_LINKEDIN] = SCORE_KIND_LINKEDIN,
		[TKIND_MEETING] = SCORE_KIND_MEETING, [TKIND_REVIEW] = SCORE_KIND_REVIEW,
		[TKIND_LEARN] = SCORE_KIND_LEARN,     [TKIND_OTHER] = SCORE_KIND_OTHER,
	};
	return (size_t)k < ARRAY_SIZE(w) ? w[k] : SCORE_KIND_OTHER;
}

int agenda_score(const struct task *t, const char *today)
{
	struct datetime d, now;
	char day[DATE_BUFSZ] = "";
	long late = 0;
	int score;

	/* the due's day (its first 10 bytes), without snprintf's cost: a
	 * score per task of every agenda */
	if (t->due)
		memcpy(day, t->due, strnlen(t->due, 10));
	if (!date_parse_iso(day, &d, NULL) && !date_parse_iso(today, &now, NULL))
		late = date_diff_days(&d, &now);
	if (late > SCORE_DAYS_CAP)
		late = SCORE_DAYS_CAP;
	if (late < -SCORE_DAYS_CAP)
		late = -SCORE_DAYS_CAP;
	score = late > 0 ? SCORE_PER_DAY_LATE * (int)late : SCORE_PER_DAY_EARLY * (int)late;
	score += stage_weight(t->opp_stage);
	score += SCORE_PER_RAPPORT * (t->person_rapport > 0 ? t->person_rapport : 0);
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

/* Upcoming tasks by day first: a plan for the week reads in date order
 * (issue 16: a task on the 7th came before those on the 3rd); within a
 * day, by score. */
static int by_day_then_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	int c = strncmp(x->task.due ? x->task.due : "", y->task.due ? y->task.due : "", 10);

	return c ? c : by_score(a, b);
}

static void sort_scored(struct task *tasks, size_t n, const char *today,
			int (*cmp)(const void *, const void *))
{
	struct scored *s = calloc(n ? n : 1, sizeof(*s));

	if (!s)
		return; /* out of memory: leave them in due order */
	for (size_t i = 0; i < n; i++) {
		s[i].task = tasks[i];
		s[i].score = agenda_score(&tasks[i], today);
	}
	qsort(s, n, sizeof(*s), cmp);
	for (size_t i = 0; i < n; i++)
		tasks[i] = s[i].task;
	free(s);
}

void agenda_sort(struct task *tasks, size_t n, const char *today)
{
	sort_scored(tasks, n, today, by_score);
}

void agenda_sort_upcoming(struct task *tasks, size_t n, const char *today)
{
	sort_scored(tasks, n, today, by_day_then_score);
}

const char *const agenda_section_names[AGENDA_SECTIONS] = { "overdue", "today", "upcoming" };

const struct level_mismatch *agenda_mismatch_of(const struct agenda *a, int64_t opp_id)
{
	for (size_t i = 0; i < a->mismatches.n; i++)
		if (a->mismatches.items[i].opp_id == opp_id)
			return &a->mismatches.items[i].m;
	return NULL;
}

/* The opportunities of the agenda's tasks whose level discussed is below the
 * level applied for: one statement for them all. */
static int find_mismatches(struct store *s, struct agenda *a, struct error *err)
{
	struct level_ladder ladder;
	opp_levels_vec levels = { 0 };
	int64_t *ids = xcalloc(a->tasks.n ? a->tasks.n : 1, sizeof(*ids));
	size_t n = 0;
	int rc = levels_load(s, &ladder, err);

	for (size_t i = 0; i < a->tasks.n; i++)
		if (a->tasks.items[i].opp.id)
			ids[n++] = a->tasks.items[i].opp.id;
	if (!rc && n)
		rc = store_opp_levels(s, ids, n, &levels, err);
	for (size_t i = 0; i < levels.n && !rc; i++) {
		const struct opp_levels *l = &levels.items[i];
		struct opp o = { .id = l->opp_id, .level_applied = l->applied,
				 .level_offered = l->offered };
		struct level_mismatch m;

		levels_mismatch_of(&ladder, &o, l->offer_level, &m);
		if (m.found)
			*VEC_PUSH(&a->mismatches) = (struct agenda_mismatch){ l->opp_id, m };
	}
	opp_levels_vec_release(&levels);
	level_ladder_release(&ladder);
	free(ids);
	return rc;
}

int agenda_build(struct store *s, long days, struct agenda *out, struct error *err)
{
	struct datetime end = *store_now(s);
	char until[DATE_BUFSZ];
	int rc;

	memset(out, 0, sizeof(*out));
	date_format_day(store_now(s), out->today);
	date_add_days(&end, (int)days + 1);
	date_format_day(&end, until);
	if ((rc = store_tasks_due_before(s, until, &out->tasks, err)) ||
	    (rc = store_interactions_ahead(s, until, &out->planned, err)) ||
	    (rc = find_mismatches(s, out, err))) {
		agenda_release(out);
		return rc;
	}
	/* tasks come sorted by due date: split them into three runs */
	for (size_t i = 0; i < out->tasks.n; i++) {
		int cmp = strncmp(out->tasks.items[i].due, out->today, 10);
		task_vec *sec = &out->section[cmp < 0	 ? AGENDA_OVERDUE
					     : cmp == 0 ? AGENDA_TODAY
							: AGENDA_UPCOMING];
		if (!sec->n)
			sec->items = &out->tasks.items[i];
		sec->n++;
	}
	agenda_sort(out->section[AGENDA_OVERDUE].items, out->section[AGENDA_OVERDUE].n,
		    out->today);
	agenda_sort(out->section[AGENDA_TODAY].items, out->section[AGENDA_TODAY].n, out->today);
	agenda_sort_upcoming(out->section[AGENDA_UPCOMING].items,
			     out->section[AGENDA_UPCOMING].n, out->today);
	return 0;
}

void agenda_release(struct agenda *a)
{
	task_vec_release(&a->tasks);
	interaction_vec_release(&a->planned);
	for (size_t i = 0; i < a->mismatches.n; i++)
		level_mismatch_release(&a->mismatches.items[i].m);
	free(a->mismatches.items);
	memset(a, 0, sizeof(*a));
}
