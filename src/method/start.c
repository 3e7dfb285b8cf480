/* start.c: the start checklist's steps and whether each is done (start.h). */
#include "method/start.h"

#include <stdlib.h>

#include "method/demo.h"
#include "store/start.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The wants the search needs before its first interview: a few, and at least
 * one that would break the deal, so the prep sheet has something to verify. */
#define START_WANTS_MIN 3

const struct start_step_text start_step_texts[START_STEPS] = {
	[START_PROFILE] = { "Your name and e-mail address",
			    "They sign and address the letters rapport drafts for you.",
			    "/settings#you",
			    "rapport config name 'Your Name'; rapport config email you@example.org" },
	[START_WANTS] = { "Three things you want, one of them a must-have",
			  "Every conversation can then check whether a role gives you them.",
			  "/wants#add", "rapport want add 'What you want' --must" },
	[START_OPP] = { "Your first opportunity, with the people you know there",
			"The follow-ups after an interview, a silence or a no are planned "
			"for these people.",
			"/opportunities/new",
			"rapport opp add 'Organisation' 'Job title' --slug first; "
			"rapport person add 'Their name' --org 'Organisation'; "
			"rapport opp link first 'Their name' --role hiring-manager" },
	[START_LINKEDIN] = { "Your LinkedIn connections",
			     "The people you already know, ready to log conversations with; "
			     "a dry run shows what would change first.",
			     "/settings/import",
			     "rapport import linkedin Connections.csv --dry-run" },
	[START_CALENDAR] = { "Your follow-ups in your calendar",
			     "Your calendar app then shows what is due without opening rapport.",
			     "/settings#calendar",
			     "rapport serve, then Settings, Calendar: Turn on the calendar feed" },
};

const char start_opp_people_why[] =
	"Now the people you know there: link them on its page, or log a conversation with "
	"them. The follow-ups after an interview, a silence or a no are planned for them.";

static int setting_is_set(struct store *s, const char *key, bool *set, struct error *err)
{
	char *v = NULL;
	int rc = store_setting_get(s, key, &v, err);

	*set = v && *v;
	free(v);
	return rc;
}

static int profile_done(struct store *s, bool *done, struct error *err)
{
	bool name, email;
	int rc;

	if ((rc = setting_is_set(s, "name", &name, err)) ||
	    (rc = setting_is_set(s, "email", &email, err)))
		return rc;
	*done = name && email;
	return 0;
}

int start_checklist_load(struct store *s, struct start_checklist *c, struct error *err)
{
	struct start_counts n;
	int rc;

	*c = (struct start_checklist){ 0 };
	if ((rc = store_start_counts(s, &n, err)) ||
	    (rc = profile_done(s, &c->done[START_PROFILE], err)) ||
	    (rc = setting_is_set(s, START_CALENDAR_KEY, &c->done[START_CALENDAR], err)) ||
	    (rc = setting_is_set(s, START_DISMISSED_KEY, &c->dismissed, err)))
		return rc;
	c->sample = demo_is_marked(s);
	c->done[START_WANTS] = n.wants >= START_WANTS_MIN && n.must_wants > 0;
	c->done[START_OPP] = n.opps_with_people > 0;
	if (!c->done[START_OPP] && (rc = store_start_newest_opp(s, &c->opp_slug, err)))
		return rc;
	c->done[START_LINKEDIN] = n.linkedin_people > 0;
	for (int k = 0; k < START_STEPS; k++)
		c->left += !c->done[k];
	return 0;
}

void start_checklist_release(struct start_checklist *c)
{
	free(c->opp_slug);
	c->opp_slug = NULL;
}

char *start_step_commands(const struct start_checklist *c, enum start_step k)
{
	struct strbuf sb = STRBUF_INIT;

	if (k != START_OPP || !c->opp_slug)
		return xstrdup(start_step_texts[k].command);
	strbuf_addf(&sb, "rapport person add 'Their name' --org 'Organisation'; "
			 "rapport opp link %s 'Their name' --role hiring-manager", c->opp_slug);
	return strbuf_detach(&sb);
}

bool start_checklist_offered(const struct start_checklist *c)
{
	return c->left > 0 && !c->sample;
}

bool start_checklist_shown(const struct start_checklist *c)
{
	return start_checklist_offered(c) && !c->dismissed;
}
