/*
 * mail_propose.h: what an imported e-mail proposes, kept for the user's
 * yes (rapport inbox; issue 19). An inbound reply from a known person is
 * read by the mail rules (mail_rules.h): a match proposes a rejection, an
 * offer, an interview (at the time the message gives, mail_when.h)... A
 * message from an unknown address at a known organisation's domain (its
 * website's, or one its people write from) proposes adding its sender to
 * that organisation. An e-mail the user sent that does an open task
 * (the task's draft, or one to its person when they have an e-mail or
 * letter task) proposes marking it done. Nothing here changes the pipeline: method/inbox.h
 * applies a proposal once the user accepts it.
 */
#ifndef RAPPORT_MAIL_PROPOSE_H
#define RAPPORT_MAIL_PROPOSE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "io/mail_parse.h"
#include "mail/mail_rules.h"
#include "store/store.h"

/* An organisation's mail domain ("quartz.example.com"). */
struct org_domain {
	int64_t org_id;
	char *domain;
};

struct mail_proposer {
	struct mail_rules rules;
	VEC(struct org_domain) domains;
};

/* The mail rules (built in, and the user's file) and the organisations'
 * domains. */
int mail_proposer_load(struct store *s, struct mail_proposer *p, struct error *err);
void mail_proposer_release(struct mail_proposer *p);

/* The proposal the inbound e-mail m, logged as it (it->id set, its one
 * sender the first person), makes if a rule matches its subject or text:
 * *made true when one was kept. */
int mail_propose_reply(struct store *s, const struct mail_proposer *p, const struct mail_msg *m,
		       const struct interaction *it, bool *made, struct error *err);
/* The outbound e-mail m, logged as it, does task task_id (it is the
 * task's draft, or goes to the task's person): propose marking it done.
 * *made as above. */
int mail_propose_done(struct store *s, const struct mail_msg *m, const struct interaction *it,
		      int64_t task_id, bool *made, struct error *err);
/* m comes from no one known: propose adding its sender to the
 * organisation of their domain, if there is one. *made as above. */
int mail_propose_sender(struct store *s, const struct mail_proposer *p, const struct mail_msg *m,
			bool *made, struct error *err);
/* The domain of an address or a website ("https://www.x.example/jobs" is
 * "x.example"), lower-cased; NULL when it has none. Newly allocated. */
char *mail_domain_of(const char *address_or_site);

#endif
