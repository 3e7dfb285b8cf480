/*
 * mail_import.h: the job search's e-mail, logged from mailboxes on disk
 * (rapport mail import; issue 19).
 *
 * A message from a known person's address, or from the user's (the email
 * setting, or one of mail.addresses) to a known person's, becomes an
 * e-mail interaction with them: in from them, out to them, at the
 * message's date, its subject the summary, an excerpt of its text the
 * notes (the whole text with mail.keep-bodies = yes). It goes on the
 * opportunity of its thread (the one an earlier message it answers was
 * logged on), else on the one opportunity still open its people are in,
 * else on none. It is logged as `rapport log` logs (method/actions.h), so
 * the playbooks follow: a reply ends a silence. What a message proposes
 * (a rejection, an interview, a new person...) is kept for the user's yes
 * (mail_propose.h), never applied here.
 *
 * Not logged: automatic mail (lists, newsletters, out-of-office replies),
 * mail from and to no one known, a message logged before (by its
 * Message-ID, from whichever mailbox), and a Maildir file read before
 * (unless someone new is known since, or its log was undone). A message
 * that cannot be read is skipped and named in the summary.
 */
#ifndef RAPPORT_MAIL_IMPORT_H
#define RAPPORT_MAIL_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "method/playbook.h"
#include "store/store.h"
#include "util/strbuf.h"

/* Messages read in one transaction (see mail_import_options.batch_done). */
#define MAIL_BATCH 500

/* An e-mail logged, or that a dry run would log. */
struct mail_logged {
	int64_t interaction_id; /* 0 in a dry run */
	char *message_id;
	char *date;    /* RFC 3339, as the message has it */
	char *at;      /* the same moment in local time, as logged */
	enum direction direction;
	char *people;  /* their names, ", " between them */
	char *opp;     /* the opportunity's slug, or NULL */
	char *summary;
};

/* A message skipped: where it is, and why. */
struct mail_skipped {
	char *source;
	char *reason;
};

struct mail_summary {
	bool dry_run;
	long messages;  /* every message of the mailboxes, the unchanged ones too */
	long logged, inbound, outbound;
	long already;   /* logged before: its Message-ID */
	long unchanged; /* Maildir files read before, not opened again */
	long automatic; /* from or to someone known, but sent by a machine */
	long unknown;   /* from and to no one known */
	long proposed;  /* proposals made for rapport inbox (mail_propose.h) */
	VEC(struct mail_logged) emails;
	VEC(struct mail_skipped) broken;
};

struct mail_import_options {
	bool dry_run;
	/* Called after every MAIL_BATCH messages (never in a dry run): the
	 * caller commits what was done and begins the next transaction, so
	 * that an interruption loses nothing and a second run resumes. */
	int (*batch_done)(void *ctx, struct error *err);
	void *ctx;
};

/* Check every path (mailbox_check), then read each and log what belongs
 * to the search, in the caller's write transaction (and the next ones
 * batch_done begins). A path that is not a mailbox fails before anything
 * is written. */
int mail_import(struct store *s, const struct playbook *pb, const char *const *paths, size_t n,
		const struct mail_import_options *o, struct mail_summary *sum, struct error *err);
/* The same for one mailbox held in memory (a file sent to the web UI):
 * an mbox or a message, named name in the summary. */
int mail_import_data(struct store *s, const struct playbook *pb, const char *name,
		     const char *data, size_t len, const struct mail_import_options *o,
		     struct mail_summary *sum, struct error *err);
void mail_summary_release(struct mail_summary *sum);

/*
 * The same reading, one message at a time, for a source of another kind
 * (mail_sync.h's IMAP folders): start (it reads who is known, and empties
 * sum), read each message, end. The caller commits when it sees fit:
 * batch_done is not called.
 */
struct mail_reader;
struct mail_item;
int mail_reader_start(struct store *s, const struct playbook *pb,
		      const struct mail_import_options *o, struct mail_summary *sum,
		      struct mail_reader **out, struct error *err);
/* Log it, or count why not (as mail_import does for each message). An
 * item read elsewhere (item->fetch) that cannot be read whole fails the
 * reading (a connection lost), unless fetch said ERR_INVALID (this
 * message only: skipped). */
int mail_reader_read(struct mail_reader *r, struct mail_item *item, struct error *err);
/* The fingerprint of the addresses known (store/mail.h's book). */
const char *mail_reader_book(const struct mail_reader *r);
/* The Message-ID of the last message logged (now or before) since the
 * last call, or NULL; the caller frees it. */
char *mail_reader_take_logged(struct mail_reader *r);
void mail_reader_end(struct mail_reader *r);
/* The summary as text: the counts, then the e-mails logged and the
 * messages skipped, at most max of each. */
void mail_summary_text(struct strbuf *out, const struct mail_summary *sum, size_t max);

#endif
