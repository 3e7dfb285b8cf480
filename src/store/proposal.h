/*
 * proposal.h: what read mail proposes, kept until the user accepts or
 * dismisses it (issue 19; the table mail_proposal, migration 10). The
 * store keeps and reads proposals; applying one is method/inbox.h's.
 */
#ifndef RAPPORT_STORE_PROPOSAL_H
#define RAPPORT_STORE_PROPOSAL_H

#include <stdint.h>

#include "core/enums.h"
#include "core/model.h"
#include "store/store.h"

struct mail_proposal {
	int64_t id;
	enum proposal_kind kind;
	enum proposal_status status;
	char *message_id;
	int64_t interaction_id;   /* the e-mail logged; 0 for add-person (nothing logged) */
	struct opp_ref opp;       /* id 0: none known */
	struct person_ref person; /* the sender; id 0 for add-person */
	int64_t org_id;           /* add-person: the organisation of the sender's domain */
	char *org_name;           /* read only */
	char *name, *email;       /* add-person: the sender as the From header gives them */
	char *rule, *phrase;      /* the mail rule and its phrase that matched; NULL for add-person */
	char *at;                 /* interview: the local time the message gives, or NULL */
	char *sent;               /* the message's date, local */
	char *subject;
	char *created_at;         /* read only */
	int64_t task_id;          /* task-done: the task; 0 for the other kinds */
	char *task_title;         /* read only */
};
typedef VEC(struct mail_proposal) mail_proposal_vec;
void mail_proposal_release(struct mail_proposal *p);
void mail_proposal_vec_release(mail_proposal_vec *v);

/* Keep p as an open proposal (p->id set); a message proposes each kind
 * once: when it did before (read again from another mailbox, or its
 * proposal was dismissed), nothing is written and p->id is 0. */
int store_proposal_add(struct store *s, struct mail_proposal *p, struct error *err);
/* The open proposals, oldest message first. */
int store_proposal_open(struct store *s, mail_proposal_vec *out, struct error *err);
/* Proposal id, whatever its status; ERR_NOT_FOUND "no proposal ID". */
int store_proposal_get(struct store *s, int64_t id, struct mail_proposal *out, struct error *err);
/* Close proposal id as accepted or dismissed (it must be open). */
int store_proposal_close(struct store *s, int64_t id, enum proposal_status status,
			 struct error *err);
/* How many proposals are open. */
int store_proposal_count(struct store *s, long *n, struct error *err);

/* An organisation and a text that names its domain: its website, or a
 * person's address there. */
struct org_domain_source {
	int64_t org_id;
	char *text;
};
typedef VEC(struct org_domain_source) org_domain_vec;
void org_domain_vec_release(org_domain_vec *v);
/* Every organisation's website, and every address of a person at one. */
int store_org_domain_sources(struct store *s, org_domain_vec *out, struct error *err);

#endif
