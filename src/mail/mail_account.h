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
/* ERR_INVALID "DOING needs KEY: rapport config KEY EXAMPLE" when value is NULL. */
int mail_account_need(const char *value, const char *doing, const char *key,
		      const char *example, struct error *err);
/* Does the account sign in with an OAuth2 bearer token? */
bool mail_account_xoauth2(const struct mail_account *a);

/* Run mail.password-command: its first line into *secret (free it with
 * mail_account_forget). Its failure, or no line, is ERR_IO, never quoting
 * what it printed. */
int mail_account_secret(const struct mail_account *a, char **secret, struct error *err);
/* Wipe and free a secret (NULL: nothing). */
void mail_account_forget(char *secret);

/* Sign in to the IMAP account (mail.imap-url, mail.user, the password):
 * the address is checked before the password command runs. doing names
 * the command in a missing setting's message ("mail sync"). */
int mail_account_imap(const struct mail_account *a, const char *doing, bool insecure,
		      struct imap **im, struct error *err);

#endif
