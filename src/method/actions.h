/*
 * actions.h: what the user does, with the playbooks' answer: the same steps
 * for the command line and the web UI. Each runs inside the caller's write
 * transaction; on an error the caller rolls back and nothing is left.
 */
#ifndef RAPPORT_ACTIONS_H
#define RAPPORT_ACTIONS_H

#include <stdbool.h>

#include "method/playbook.h"
#include "store/store.h"

/* What logging (or moving) an interaction did besides recording it. */
struct log_outcome {
	int stage_from, stage_to; /* enum stage: the opportunity moved; -1: it did not */
	bool history;  /* recorded as history: no rule started, no stage moved */
	bool planned;  /* still ahead: its rules start once its time has passed */
	int rules;     /* the interaction rules for it */
	int late;      /* of those, the ones not started: logged past their window */
};

/* Is at more than a year after now? A likely typo (2099 for 2029), refused. */
bool action_at_too_far(const struct store *s, const char *at);
/* Record an interaction (it->id is set); move its opportunity on when the
 * interaction shows it is further along (stage_after_interaction, kept in
 * the stage history with a note saying it came from the log), and run the
 * playbooks' rules for both (see playbooks_on_interaction: one still ahead
 * waits for its time, a rule whose window has passed is not started). A
 * call out to someone about an opportunity means you got through: it ends
 * the chase (playbooks_on_reached). history: record it only, starting no
 * rule and moving no stage, now or ever (a backfill). out (may be NULL)
 * says what happened. */
int action_log(struct store *s, const struct playbook *pb, struct interaction *it, bool history,
	       struct log_outcome *out, struct error *err);
/* An interaction happened at another time than logged (an interview
 * moved): move it to at, end the follow-ups its rules made for the old time
 * (saying why), and run its rules again for the new one (a thank-you due
 * after the new date), as action_log would; one logged as history stays
 * history. out says what happened. */
int action_interaction_move(struct store *s, const struct playbook *pb, int64_t id,
			    const char *at, struct log_outcome *out, struct error *err);
/* Close a task as done or skipped. A done contact task (an e-mail, a call, a
 * letter, a LinkedIn message, a meeting with someone) is logged as that
 * interaction unless log_contact is false, so silences count from it. */
int action_task_close(struct store *s, const struct playbook *pb, int64_t id,
		      enum task_status status, bool log_contact, struct error *err);
/* How a call went, for a call task done. */
enum call_outcome {
	CALL_UNSAID,    /* not said: logged as a call, as any contact task (the chain goes on) */
	CALL_REACHED,   /* you got through: logged as a call; it ends the chase */
	CALL_NO_ANSWER, /* no answer: nothing logged (no contact); the chain goes on */
};
/* Mark a call task done with how it went. Getting through logs the call
 * and ends the rules that end when the person is reached (the silence
 * letter and its calls); no answer logs nothing, so the next try comes. */
int action_call_done(struct store *s, const struct playbook *pb, int64_t id,
		     enum call_outcome outcome, struct error *err);
/* Move an opportunity to a stage and run the rules for the stage it enters. */
int action_opp_move(struct store *s, const struct playbook *pb, int64_t id, enum stage to,
		    const char *note, struct error *err);

#endif
