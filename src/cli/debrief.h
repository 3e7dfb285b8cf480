/*
 * debrief.h: what cmd_debrief.c (flags) and debrief_prompt.c (questions at
 * a terminal) share: a debrief being put together before it is written.
 * Both fill the same record; nothing is written until it is complete.
 * Also what cmd_feedback.c and cmd_improve.c share.
 */
#ifndef RAPPORT_CLI_DEBRIEF_H
#define RAPPORT_CLI_DEBRIEF_H

#include "cli/cli.h"
#include "method/debrief_actions.h"
#include "core/debrief.h"

struct debrief_draft {
	struct debrief d;
	VEC(struct debrief_mark) marks;
	int64_t with; /* --with: who answered; 0 when not given */
	/* who answered, unless said otherwise: --with, else the interaction's
	 * only participant; 0 when unknown */
	int64_t answered_by;
	char *answered_by_name;
};


/* Q is a question id from the bank (digits) or the user's own words. */
int debrief_question(struct cli *cli, const char *q, struct asked *out);
/* "WANT=STATUS" (spaces around either are fine): the want and its status. */
int debrief_mark(struct cli *cli, const char *spec, struct debrief_mark *m);
/* Add a mark for answer i, refusing a second mark on the same answer. */
int debrief_add_mark(struct cli *cli, struct debrief_draft *dr, struct debrief_mark m);
/* The interaction the debrief is about (0: none): it must concern dr's
 * opportunity or none; sets the default person for answers and the time. */
int debrief_use_interaction(struct cli *cli, struct debrief_draft *dr, int64_t id);

/* Ask for everything at the terminal (prompts on stderr, answers on stdin),
 * starting from what dr already holds (the interaction, the person). */
int debrief_prompt(struct cli *cli, struct debrief_draft *dr);

#endif
