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

/* The score of an open task on the day today (YYYY-MM-DD). */
int agenda_score(const struct task *t, const char *today);
/* Sort tasks by score, highest first (then by due date and id). */
void agenda_sort(struct task *tasks, size_t n, const char *today);

#endif
