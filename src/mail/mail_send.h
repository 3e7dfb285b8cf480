/*
 * mail_send.h: a task's drafted letter (method/letter.h) given to the
 * user's mail account (issue 19): put into the IMAP account's Drafts
 * folder, for the user to review and send from their own mail program
 * (rapport draft TASK --to-drafts), or sent by SMTP (--send: settings
 * mail.smtp-url, mail.smtp-user else mail.user, mail.password-command,
 * mail.auth, mail.ca-file; mail_account.h).
 *
 * The message is the one --eml writes, with the task's Message-ID
 * (io/eml.h), so that a reply threads onto the task's opportunity. Sent,
 * it is logged as `rapport log email` would log it (out, with the task's
 * person, on its opportunity, so that the playbooks follow), remembered by
 * its Message-ID (mail sync does not log the copy in the Sent folder
 * again), and the task is marked done: all of it in the caller's write
 * transaction, and only once the server has accepted the message.
 */
#ifndef RAPPORT_MAIL_SEND_H
#define RAPPORT_MAIL_SEND_H

#include <stdbool.h>
#include <stdint.h>

#include "method/letter.h"
#include "method/playbook.h"
#include "store/store.h"

/* Put the draft into the account's Drafts folder (the one flagged \Drafts,
 * else the one named Drafts), flagged \Draft; *folder (the caller frees
 * it) says which. Writes nothing to the store. */
int mail_send_to_drafts(struct store *s, const struct letter_draft *d, bool insecure,
			char **folder, struct error *err);

/* Send the draft by SMTP; then log it, remember its Message-ID and mark
 * the task done (*interaction_id: the e-mail logged). A task done
 * already, a draft sent before, no address to send to or from, a setting
 * missing, a server that refuses: an error, and nothing sent or written. */
int mail_send_draft(struct store *s, const struct playbook *pb, const struct letter_draft *d,
		    bool insecure, int64_t *interaction_id, struct error *err);

#endif
