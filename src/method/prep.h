/*
 * prep.h: the prep sheet for an opportunity's next conversation, in Markdown.
 *
 * The sheet says where things stand (the stage, the salary), who you will
 * meet, and what you still need to find out: your wants that are unknown,
 * vague or only partly met, heaviest first, each with the questions from the
 * bank that verify it, chosen for the stage of the conversation and for the
 * people you will meet, leaving out what you already asked there.
 *
 * The stage of the conversation, unless given: offer when the opportunity
 * is at offer or negotiating; else by the conversations logged on it
 * (interviews, calls, video calls, meetings): none first, one second, more
 * final.
 *
 * Whom each question is for comes from the person's role on the
 * opportunity: hiring-manager asks boss questions, peer peer, hr hr,
 * recruiter recruiter, executive executive; anyone else (an interviewer, a
 * referrer, no role) boss or peer questions.
 */
#ifndef RAPPORT_PREP_H
#define RAPPORT_PREP_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
#include "util/strbuf.h"

/* At most this many questions under each want. */
#define PREP_QUESTIONS_PER_WANT 3

struct prep_request {
	int64_t opp_id;
	int stage;            /* enum question_stage, or -1: from the opportunity */
	const int64_t *with;  /* the people you will meet; none: everyone linked to it */
	size_t nwith;
};

struct prep_result {
	int stage;       /* the stage the questions were chosen for */
	id_vec questions; /* the questions on the sheet, in order */
	id_vec question_wants; /* the want each of them is listed under, in the same order */
	id_vec people;    /* the people on the sheet */
};

/* Append the sheet to md. */
int prep_sheet(struct store *s, const struct prep_request *req, struct strbuf *md,
	       struct prep_result *out, struct error *err);
void prep_result_release(struct prep_result *r);


#endif
