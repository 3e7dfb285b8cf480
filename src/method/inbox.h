/*
 * inbox.h: the proposals read mail made (store/proposal.h), accepted or
 * dismissed by the user, the same steps for the command line (rapport
 * inbox) and the web UI's Inbox page. Accepting one does what the
 * matching command does, through the same actions (a rejection moves
 * the opportunity as `opp move X rejected` does, so the rejected playbook
 * follows); nothing else ever applies a proposal. Each runs inside the
 * caller's write transaction; on an error the caller rolls back.
 */
#ifndef RAPPORT_INBOX_H
#define RAPPORT_INBOX_H

#include <stdint.h>

#include "method/playbook.h"
#include "store/proposal.h"
#include "util/strbuf.h"

/* What the user adds when accepting: both may be 0 / NULL. */
struct inbox_accept_options {
	int64_t opp_id; /* the opportunity, when the proposal knows none (or another) */
	const char *at; /* an interview's local time, when the message gave none (or another) */
};

/* Apply open proposal id and mark it accepted. ERR_NOT_FOUND for no such
 * proposal, ERR_CONFLICT when it is closed, ERR_INVALID when it lacks what
 * it needs (an opportunity, an interview's time: err says which option
 * gives it). */
int inbox_accept(struct store *s, const struct playbook *pb, int64_t id,
		 const struct inbox_accept_options *o, struct error *err);
/* Close open proposal id without applying it. */
int inbox_dismiss(struct store *s, int64_t id, struct error *err);
/* What accepting p does, in words: "move job to rejected", "log an
 * interview on 2026-03-12T10:00", "add Data Recruiter to Quartz Insurance". */
void inbox_effect_text(const struct mail_proposal *p, struct strbuf *sb);

#endif
