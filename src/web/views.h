/*
 * views.h: fragments that show one kind of record the same way on every
 * page: amounts, facts in a <dl>, an offer's terms, a follow-up with its
 * buttons, the select that picks an opportunity. Built on ui.h (every
 * value escaped there).
 */
#ifndef RAPPORT_VIEWS_H
#define RAPPORT_VIEWS_H

#include "core/offer.h"
#include "method/levels.h"
#include "store/browse.h"
#include "web/ui.h"

/* 95000 as "95,000". */
void view_amount(struct strbuf *sb, int64_t v);
/* <dt>label</dt><dd>value</dd>, nothing when the value is missing (NULL, < 0).
 * label is the page's own text, not the user's. */
void view_fact_text(struct strbuf *sb, const char *label, const char *value);
void view_fact_amount(struct strbuf *sb, const char *label, int64_t v);
/* "base 95,000, bonus 10,000, equity ..." in one line. */
void view_terms(struct strbuf *sb, const struct offer_terms *t);
/* <p class="why">text</p>, what a follow-up or a round says of itself;
 * nothing when text is NULL. */
void view_why(struct strbuf *sb, const char *text);
/* A negotiation round: its terms in one line, then what it says in words. */
void view_round_terms(struct strbuf *sb, const struct offer_round *r);
/* An offer's terms, deadline and benefits as a <dl class="facts">, then its notes. */
void view_offer_facts(struct strbuf *sb, const struct offer *of);
/* A record's notes (Markdown) as safe HTML in <div class="notes">, after
 * heading (HTML, or NULL); nothing when there are none. */
void view_notes(struct strbuf *sb, const char *heading, const char *notes);
/* A "level mismatch" badge, then what level_mismatch_text says of it. */
void view_level_mismatch(struct strbuf *sb, const struct level_mismatch *m);

/* The "About the opportunity" select (values: slugs): "(none)", then the
 * open opportunities of theirs (a person's; NULL: none) as "Their
 * opportunities", then the other open ones of all, each by organisation
 * and title, never by its short name. Nothing when none is open. */
void view_opp_select(struct strbuf *sb, const struct ui_form *f, const opp_vec *all,
		     const person_opp_vec *theirs);

enum view_task_flags {
	VIEW_TASK_PERSON = 1 << 0, /* say whom it is with */
	VIEW_TASK_OPP = 1 << 1,    /* say which opportunity */
	VIEW_TASK_SNOOZE = 1 << 2, /* offer to snooze it */
};
/* A follow-up's kind, title, due date, person and opportunity, and why. */
void view_task_summary(struct strbuf *sb, const struct task *t, unsigned flags);
/* Its buttons: Draft (when it has a letter), Done, Skip and Snooze; each
 * POST comes back to back. */
void view_task_buttons(struct strbuf *sb, const struct web_req *rq, const struct task *t,
		       const char *back, unsigned flags);

#endif
