/*
 * mail_sync.h: the job search's e-mail, logged from an IMAP account
 * (rapport mail sync; issue 19).
 *
 * The account is the settings mail.imap-url, mail.user,
 * mail.password-command (run with /bin/sh -c; its first line of output is
 * the password, or the bearer token when mail.auth = xoauth2: held in
 * memory for the sync, never written anywhere), mail.folders (default:
 * INBOX and the folder the server flags \Sent, else one named "Sent") and
 * mail.ca-file. Each message is read as `mail import` reads one
 * (mail_import.h: headers first, the rest only for what is logged), so
 * that mail seen in a mailbox on disk and over IMAP is logged once.
 *
 * Each folder is read from where the last sync left it (store/mail.h's
 * mail_folder: its UIDVALIDITY and last UID), MAIL_SYNC_BATCH messages at
 * a time; a batch's logs and the folder's new mark are written in one
 * transaction, so that a sync cut short (the connection lost, the process
 * killed) loses nothing and the next goes on from there.
 */
#ifndef RAPPORT_MAIL_SYNC_H
#define RAPPORT_MAIL_SYNC_H

#include <stdbool.h>

#include "mail/mail_import.h"

/* Messages fetched and logged in one transaction. */
#define MAIL_SYNC_BATCH 200

struct mail_sync_options {
	bool dry_run;
	bool insecure; /* imap:// allowed, to a server on this computer */
	/* Called after every batch (never in a dry run): the caller commits
	 * and begins the next transaction (see mail_import_options). */
	int (*batch_done)(void *ctx, struct error *err);
	void *ctx;
	/* A share of the account for a caller that must not wait long (a web
	 * request; 0: no limit): once a batch made it read max_messages, or
	 * max_seconds went by, no other is begun, and the summary says more
	 * is left (the next sync goes on from there). */
	long max_messages;
	long max_seconds;
	long wait_seconds; /* for the server each time (0: imap.h's defaults) */
	size_t batch; /* messages fetched a batch; 0: MAIL_SYNC_BATCH */
};

/* What a sync did in one folder. */
struct mail_sync_folder {
	char *name;
	bool whole;    /* read from its first message (never read, or read again) */
	long messages; /* new messages read */
	long logged, proposed;
	long not_logged; /* logged before, automatic, from and to no one known */
	long unreadable;
};

struct mail_sync_summary {
	struct mail_summary mail; /* the whole sync, as mail import's */
	VEC(struct mail_sync_folder) folders;
	bool more; /* the share was used up with messages left to read */
};

/* Read the account's folders and log what belongs to the search, in the
 * caller's write transaction (and the next ones batch_done begins). A
 * setting missing or wrong, a password command that fails, a server that
 * refuses: ERR_INVALID or ERR_IO before anything is written. */
int mail_sync(struct store *s, const struct playbook *pb, const struct mail_sync_options *o,
	      struct mail_sync_summary *sum, struct error *err);
void mail_sync_summary_release(struct mail_sync_summary *sum);
/* A line per folder, then mail_summary_text's (at most max of each list). */
void mail_sync_summary_text(struct strbuf *out, const struct mail_sync_summary *sum,
			    size_t max);

#endif
