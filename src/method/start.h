/*
 * start.h: the start checklist of a young search: the five things that make
 * rapport useful, each ticked off by itself once the data shows it done.
 * Today shows it (web) and an empty agenda prints it as commands (CLI),
 * from the same steps.
 */
#ifndef RAPPORT_START_H
#define RAPPORT_START_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

enum start_step {
	START_PROFILE,  /* your name and e-mail address, for letters */
	START_WANTS,    /* three wants, one of them a must-have */
	START_OPP,      /* an opportunity with someone you know there */
	START_LINKEDIN, /* your LinkedIn connections */
	START_CALENDAR, /* the calendar feed */
	START_STEPS,
};

/* A step in words: what to do, why it matters, where the web UI does it and
 * the commands that do it (separated by "; "). */
struct start_step_text {
	const char *title, *why, *href, *command;
};
extern const struct start_step_text start_step_texts[START_STEPS];

/* The setting that hides the checklist for good ("yes"). */
#define START_DISMISSED_KEY "start.dismissed"
/* The setting of the calendar feed's secret (web/feed.h's CALENDAR_TOKEN_KEY):
 * set, the feed is on. */
#define START_CALENDAR_KEY "calendar.token"

struct start_checklist {
	bool done[START_STEPS];
	size_t left;    /* steps not done */
	bool dismissed; /* the user said they need it no more */
	/* a sample search (method/demo.h): not the user's, so no steps, which
	 * would put their name, wants and connections into a database made to
	 * be thrown away */
	bool sample;
	/* the opportunity added last, while step 3 waits only for its people:
	 * the step leads there, not to a second opportunity; NULL otherwise */
	char *opp_slug;
};

int start_checklist_load(struct store *s, struct start_checklist *c, struct error *err);
void start_checklist_release(struct start_checklist *c);
/* Step 3's why once its opportunity is there (opp_slug): only its people are left. */
extern const char start_opp_people_why[];
/* Step k's commands for c, "; " between them; the caller frees them. */
char *start_step_commands(const struct start_checklist *c, enum start_step k);
/* Are there steps left to offer (on How rapport works): some not done, in
 * the user's own search? */
bool start_checklist_offered(const struct start_checklist *c);
/* Is the checklist still worth showing on Today: offered, and not dismissed? */
bool start_checklist_shown(const struct start_checklist *c);

#endif
