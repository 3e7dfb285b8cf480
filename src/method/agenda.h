/*
 * agenda.h: ranking the follow-ups of a day.
 *
 * score = 10 x days overdue (at most 30)  - 2 x days until due (at most 30)
 *       + the opportunity's stage: negotiating 40, offer 40, interviewing 30,
 *         conversation 20, applied 10, lead 5, closed or none 5
 *       + 5 x the person's rapport (0-5; unrated counts 0)
 *       + the kind: call 8, letter 6, email 6, meeting 6, review 4,
 *         linkedin 3, learn 2, other 2
 * Higher comes first: what is late, where an offer is near, with people you
 * hit it off with, by voice before by mail.
 */
#ifndef RAPPORT_AGENDA_H
#define RAPPORT_AGENDA_H

#include "core/model.h"
#include "method/levels.h"
#include "store/store.h"

/* The score of an open task on the day today (YYYY-MM-DD). */
int agenda_score(const struct task *t, const char *today);
/* Sort tasks by score, highest first (then by due date and id): the order
 * of the overdue and today sections. */
void agenda_sort(struct task *tasks, size_t n, const char *today);
/* Sort tasks by due day, then as agenda_sort: the upcoming section's. */
void agenda_sort_upcoming(struct task *tasks, size_t n, const char *today);

/* An opportunity of the agenda whose level discussed or offered is below
 * the level applied for. */
struct agenda_mismatch {
	int64_t opp_id;
	struct level_mismatch m;
};
typedef VEC(struct agenda_mismatch) agenda_mismatch_vec;

enum agenda_section { AGENDA_OVERDUE, AGENDA_TODAY, AGENDA_UPCOMING, AGENDA_SECTIONS };

/* What to do: the open tasks due before the end of day today + days, split
 * into overdue, today and upcoming, and the interactions planned in those
 * days (an interview ahead); overdue and today ranked by
 * agenda_score, upcoming by day and then by score. The
 * sections are views into tasks. The time rules are not run here: the
 * caller runs playbooks_tick first when it may write. */
struct agenda {
	char today[DATE_BUFSZ];
	task_vec tasks;
	task_vec section[AGENDA_SECTIONS];
	interaction_vec planned; /* interactions ahead of now in the same days, soonest first */
	agenda_mismatch_vec mismatches;
};

int agenda_build(struct store *s, long days, struct agenda *out, struct error *err);
void agenda_release(struct agenda *a);
/* The mismatch of an opportunity on the agenda, or NULL. */
const struct level_mismatch *agenda_mismatch_of(const struct agenda *a, int64_t opp_id);
extern const char *const agenda_section_names[AGENDA_SECTIONS];

#endif
