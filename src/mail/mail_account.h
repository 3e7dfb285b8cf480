/*
 * mail_account.h: the user's mail account as the settings describe it
 * (mail.*; issue 19), and the password its command prints: what mail sync,
 * a draft put into the Drafts folder and a draft sent have in common.
 *
 * The password (or OAuth2 bearer token, mail.auth = xoauth2) is the first
 * line mail.password-command prints (run with /bin/sh -c): held in memory
 * while it is used, wiped after, never written anywhere nor quoted in a
 * message.
 */
#ifndef RAPPORT_MAIL_ACCOUNT_H
#define RAPPORT_MAIL_ACCOUNT_H

#include <stdbool.h>

#include "mail/imap.h"
#include "store/store.h"

/* The settings, as stored (NULL when unset). */
struct mail_account {
	char *imap_url, *smtp_url, *user, *smtp_user, *command, *auth, *folders, *ca_file;
};

int mail_account_load(struct store *s, struct mail_account *a, struct error *err);
void mail_account_release(struct mail_account *a);
/* What the account is used for: each needs its own settings. */
enum mail_account_use {
	MAIL_USE_IMAP, /* mail sync, draft --to-drafts */
	MAIL_USE_SMTP, /* draft --send */
};
/* The first setting that use needs and the account lacks ("mail.imap-url"),
 * with an example of its value in *example; NULL when none is missing. The
 * commands' errors and the web's offer to send read the same list. */
const char *mail_account_missing(const struct mail_account *a, enum mail_account_use use,
				 const char **example);
/* ERR_INVALID "DOING needs KEY: rapport config KEY EXAMPLE" for the first
 * setting that use lacks; 0 when it has them all. */
int mail_account_ready(const struct mail_account *a, enum mail_account_use use,
		       const char *doing, struct error *err);
/* Does the account sign in with an OAuth2 bearer token? */
bool mail_account_xoauth2(const struct mail_account *a);

/* Run mail.password-command: its first line into *secret (free it with
 * mail_account_forget). Its failure, or no line, is ERR_IO, never quoting
 * what it printed. */
int mail_account_secret(const struct mail_account *a, char **secret, struct error *err);
/* From now on, no mail account loads (mail_account_load: ERR_INVALID), so
 * no mail is read or sent. A practice's server calls it once at its start
 * (issue 20): a client writes their own settings (a JSON backup restored
 * from the web), and the server would run their password command as
 * itself, and connect where their mail.imap-url or mail.smtp-url says, its
 * own network's hosts included, beyond the walls between accounts. */
void mail_account_refuse_on_server(void);
/* Wipe and free a secret (NULL: nothing). */
void mail_account_forget(char *secret);

/* Sign in to the IMAP account (mail.imap-url, mail.user, the password):
 * the address is checked before the password command runs. doing names
 * the command in a missing setting's message ("mail sync"); wait_seconds
 * bounds each wait for the server (0: imap.h's defaults). */
int mail_account_imap(const struct mail_account *a, const char *doing, bool insecure,
		      long wait_seconds, struct imap **im, struct error *err);

#endif
