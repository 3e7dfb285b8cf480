/*
 * enums.h: the closed vocabularies of the data model (stages, kinds, roles).
 *
 * Each is stored in the database by name, and the schema's CHECK constraints
 * list the same names; tests/unit/test-store.c checks that the two agree.
 */
#ifndef RAPPORT_ENUMS_H
#define RAPPORT_ENUMS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

struct enum_def {
	const char *what; /* "stage", "interaction kind", ... for messages */
	const char *const *names;
	size_t count;
};

enum stage {
	STAGE_LEAD, STAGE_APPLIED, STAGE_CONVERSATION, STAGE_INTERVIEWING, STAGE_OFFER,
	STAGE_NEGOTIATING, STAGE_ACCEPTED, STAGE_DECLINED, STAGE_REJECTED, STAGE_WITHDRAWN,
};

enum interaction_kind {
	IKIND_INTERVIEW, IKIND_CALL, IKIND_EMAIL, IKIND_LETTER, IKIND_MEETING, IKIND_VIDEO,
	IKIND_MESSAGE, IKIND_NOTE,
};

enum task_kind {
	TKIND_EMAIL, TKIND_CALL, TKIND_LETTER, TKIND_LINKEDIN, TKIND_MEETING, TKIND_REVIEW,
	TKIND_LEARN, TKIND_OTHER,
};

enum task_status { TASK_OPEN, TASK_DONE, TASK_SKIPPED };

enum role {
	ROLE_HIRING_MANAGER, ROLE_PEER, ROLE_HR, ROLE_RECRUITER, ROLE_EXECUTIVE, ROLE_REFERRER,
	ROLE_INTERVIEWER, ROLE_OTHER,
};

enum direction { DIR_IN, DIR_OUT };

/* Where a want stands on an opportunity. VAGUE: what they said can be read
 * two ways; ask again. */
enum want_status { WANT_UNKNOWN, WANT_MET, WANT_PARTLY, WANT_UNMET, WANT_VAGUE };

enum want_category {
	WCAT_SCOPE, WCAT_GROWTH, WCAT_TEAM, WCAT_MANAGER, WCAT_COMPENSATION, WCAT_WORK_PATTERN,
	WCAT_CULTURE, WCAT_BUSINESS, WCAT_SUCCESS, WCAT_OTHER,
};

/* The stage of the conversation a question suits, and whom it is for. The
 * question table stores sets of them as bit masks (1 << value). */
enum question_stage { QSTAGE_FIRST, QSTAGE_SECOND, QSTAGE_FINAL, QSTAGE_OFFER };
enum audience { AUD_BOSS, AUD_PEER, AUD_HR, AUD_EXECUTIVE, AUD_RECRUITER };

enum offer_side { OFFER_ASK, OFFER_REPLY };

/* What an e-mail proposes (issue 19), strongest first: when several mail
 * rules match one message, the first kind wins. ADD_PERSON: mail from an
 * unknown address at a known organisation's domain. TASK_DONE: an e-mail
 * the user sent does a task (its draft, or one to write to its person). */
enum proposal_kind {
	PROPOSE_REJECT, PROPOSE_OFFER, PROPOSE_INTERVIEW, PROPOSE_INFO_REQUEST, PROPOSE_RECEIVED,
	PROPOSE_ADD_PERSON, PROPOSE_TASK_DONE,
};
enum proposal_status { PROPOSAL_OPEN, PROPOSAL_ACCEPTED, PROPOSAL_DISMISSED };

extern const struct enum_def stage_def;
extern const struct enum_def interaction_kind_def;
extern const struct enum_def task_kind_def;
extern const struct enum_def task_status_def;
extern const struct enum_def role_def;
extern const struct enum_def direction_def;
extern const struct enum_def want_status_def;
extern const struct enum_def want_category_def;
extern const struct enum_def question_stage_def;
extern const struct enum_def audience_def;
extern const struct enum_def offer_side_def;
extern const struct enum_def proposal_kind_def;
extern const struct enum_def proposal_status_def;

/* The index of name in def (exact, lowercase), or ERR_INVALID with a message
 * that lists the accepted names. */
int enum_parse(const struct enum_def *def, const char *name, struct error *err);
const char *enum_name(const struct enum_def *def, int value);

/* A set of names ("first, second", or "any" for all of them) as a bit mask
 * of 1 << value; ERR_INVALID names the unknown one. */
int enum_parse_set(const struct enum_def *def, const char *list, unsigned *mask,
		   struct error *err);
/* "first, second", or "any" when every bit of def is set. */
void enum_set_text(const struct enum_def *def, unsigned mask, char *buf, size_t size);
unsigned enum_all(const struct enum_def *def);

/* Accepted, declined, rejected and withdrawn end an opportunity. */
bool stage_is_closed(enum stage s);

#endif
