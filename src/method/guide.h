/*
 * guide.h: "How rapport works", the method in the product's words, with the
 * playbook rules in force under the moments they act on. The web page
 * (/method) and 'rapport help method' are made from it, so a user's own
 * rules show in both.
 */
#ifndef RAPPORT_GUIDE_H
#define RAPPORT_GUIDE_H

#include "method/playbook.h"

/* The moments of a search that playbooks act on. */
enum guide_moment {
	MOMENT_INTERVIEW, /* after an interview */
	MOMENT_SILENCE,   /* when they go silent */
	MOMENT_NO,        /* after a no */
	MOMENT_OFFER,     /* after an offer */
	MOMENT_QUIET,     /* when a relationship goes quiet */
	MOMENT_OTHER,     /* the other rules (a lower level, a job landed, advice followed) */
	GUIDE_MOMENTS,
};

struct guide_moment_text {
	const char *anchor;  /* the web page's fragment: "after-a-no" */
	const char *title;   /* "After a no" */
	const char *meaning; /* why it matters for the search, in a sentence or two */
};
extern const struct guide_moment_text guide_moments[GUIDE_MOMENTS];

/* The method in a few paragraphs, plain text, one paragraph per entry,
 * ending with NULL. */
extern const char *const guide_method_paragraphs[];

/* Which moment a rule acts on. */
enum guide_moment guide_moment_of(const struct rule *r);

#endif
