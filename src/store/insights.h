/*
 * insights.h: figures about the whole search, for the Insights page. Each
 * is one aggregate query over indexes; none reads a row per record in C.
 *
 * "Reached a stage" uses the stage history: an opportunity reached a step
 * of the funnel when it ever entered that stage or a later one (an
 * opportunity moved from applied straight to offer also counts as
 * interviewing). Negotiating counts as offer; declined, rejected and
 * withdrawn count for nothing by themselves (the stages before them do).
 */
#ifndef RAPPORT_INSIGHTS_H
#define RAPPORT_INSIGHTS_H

#include <stdint.h>

#include "core/date.h"
#include "core/model.h"
#include "store/store.h"

enum insights_step {
	STEP_APPLIED, STEP_CONVERSATION, STEP_INTERVIEWING, STEP_OFFER, STEP_ACCEPTED,
	INSIGHTS_STEPS
};

struct insights_funnel {
	int64_t total;                   /* every opportunity, leads included */
	int64_t reached[INSIGHTS_STEPS]; /* how many reached each step or a later one */
};

int store_insights_funnel(struct store *s, struct insights_funnel *out, struct error *err);

/* Interactions in each of nweeks weeks of seven days from the day first
 * ("YYYY-MM-DD"): counts[0] is the week that starts on first. */
int store_insights_weekly(struct store *s, const char *first, int nweeks, int64_t *counts,
			  struct error *err);

/*
 * Days to a reply. A reply is an inbound interaction; its thread is its
 * opportunity, or, for an interaction about no opportunity, each person in
 * it (their interactions about no opportunity). Its wait is from the first
 * outbound interaction in the thread since the thread's previous reply, to
 * the reply; a reply with nothing sent before it has no wait. Only the
 * `limit` latest replies from `since` to before `until` count.
 */
enum { INSIGHTS_REPLY_BUCKETS = 5 }; /* < 1 day, 1-2, 3-6, 7-13, 14 or more */

struct insights_replies {
	int64_t n;      /* waits measured */
	double median;  /* in days; 0 when n is 0 */
	int64_t bucket[INSIGHTS_REPLY_BUCKETS];
};

int store_insights_replies(struct store *s, const char *since, const char *until, int limit,
			   struct insights_replies *out, struct error *err);

/* Active opportunities (applied to negotiating) by the day of their latest
 * interaction (their creation when they have none): in touch on or after
 * quiet_from, quiet before it, silent before silent_from ("YYYY-MM-DD"). */
struct silent_opp {
	struct opp_ref opp;
	enum stage stage;
	char *last; /* the latest interaction, or when it was added */
	bool never; /* no interaction at all */
};
typedef VEC(struct silent_opp) silent_opp_vec;

struct insights_silence {
	int64_t active, in_touch, quiet, silent;
	silent_opp_vec list; /* the silent ones, most recently gone quiet first, at most limit */
};

int store_insights_silence(struct store *s, const char *quiet_from, const char *silent_from,
			   int limit, struct insights_silence *out, struct error *err);
void insights_silence_release(struct insights_silence *v);

/* Opportunities per source (as typed, grouped without regard to case; NULL
 * for none), most first, with how many reached interviewing and an offer. */
struct source_row {
	char *source;
	int64_t total, interviewing, offer;
};
typedef VEC(struct source_row) source_row_vec;

int store_insights_sources(struct store *s, source_row_vec *out, struct error *err);
void source_row_vec_release(source_row_vec *v);

#endif
