/* mail_account.c: the mail settings and the password command (see mail_account.h). */
#include "mail/mail_account.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "store/setting.h"
#include "util/xalloc.h"

/* The most of a password command's output read: a token fits many times. */
#define SECRET_MAX 65536

static atomic_bool refused_on_server;

void mail_account_refuse_on_server(void)
{
	refused_on_server = true;
}

int mail_account_load(struct store *s, struct mail_account *a, struct error *err)
{
	const struct {
		const char *key;
		char **value;
	} keys[] = {
		{ "mail.imap-url", &a->imap_url },   { "mail.smtp-url", &a->smtp_url },
		{ "mail.user", &a->user },           { "mail.smtp-user", &a->smtp_user },
		{ "mail.password-command", &a->command }, { "mail.auth", &a->auth },
		{ "mail.folders", &a->folders },     { "mail.ca-file", &a->ca_file },
	};

	memset(a, 0, sizeof(*a));
	if (refused_on_server)
		return error_set(err, ERR_INVALID, "a practice's server reads and sends no mail: it "
						   "would run commands and reach hosts a client's settings name");
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (store_setting_get(s, keys[i].key, keys[i].value, err))
			return err->code;
	return 0;
}

void mail_account_release(struct mail_account *a)
{
	free(a->imap_url);
	free(a->smtp_url);
	free(a->user);
	free(a->smtp_user);
	free(a->command);
	free(a->auth);
	free(a->folders);
	free(a->ca_file);
	memset(a, 0, sizeof(*a));
}

const char *mail_account_missing(const struct mail_account *a, enum mail_account_use use,
				 const char **example)
{
	const char *command = "'pass show mail'";
	bool smtp_signs_in = a->smtp_user || a->user; /* an SMTP server may take anyone */

	if (use == MAIL_USE_SMTP) {
		*example = !a->smtp_url ? "smtps://HOST" : command;
		return !a->smtp_url ? "mail.smtp-url"
		       : smtp_signs_in && !a->command ? "mail.password-command" : NULL;
	}
	*example = !a->imap_url ? "imaps://HOST" : !a->user ? "USER" : command;
	return !a->imap_url ? "mail.imap-url"
	       : !a->user   ? "mail.user"
	       : !a->command ? "mail.password-command" : NULL;
}

int mail_account_ready(const struct mail_account *a, enum mail_account_use use,
		       const char *doing, struct error *err)
{
	const char *example, *key = mail_account_missing(a, use, &example);

	return !key ? 0
		    : error_set(err, ERR_INVALID, "%s needs %s: rapport config %s %s", doing, key,
				key, example);
}

bool mail_account_xoauth2(const struct mail_account *a)
{
	return a->auth && !strcmp(a->auth, "xoauth2");
}

/* How a command ended, in words, into buf (32 bytes). */
static const char *command_status(int status, char *buf)
{
	if (status != -1 && WIFEXITED(status))
		snprintf(buf, 32, "exit status %d", WEXITSTATUS(status));
	else if (status != -1 && WIFSIGNALED(status))
		snprintf(buf, 32, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, 32, "it could not be waited for");
	return buf;
}


int mail_account_secret(const struct mail_account *a, char **secret, struct error *err)
{
	char *buf;
	size_t n = 0, got;
	FILE *f;
	int status;

	*secret = NULL;
	buf = xcalloc(1, SECRET_MAX + 1);
	f = popen(a->command, "r"); /* /bin/sh -c command */
	if (!f) {
		free(buf);
		return error_set(err, ERR_IO, "cannot run mail.password-command");
	}
	while (n < SECRET_MAX && (got = fread(buf + n, 1, SECRET_MAX - n, f)) > 0)
		n += got;
	while (fread(&(char){ 0 }, 1, 1, f) == 1) /* the rest, so that it ends */
		;
	status = pclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status))
		error_set(err, ERR_IO, "mail.password-command failed (%s): the password cannot "
				       "be read", command_status(status, (char[32]){ 0 }));
	else if (!buf[0])
		error_set(err, ERR_IO, "mail.password-command printed nothing: the password "
				       "cannot be read");
	else
		*secret = xstrdup(buf);
	explicit_bzero(buf, SECRET_MAX + 1);
	free(buf);
	return *secret ? 0 : err->code;
}

void mail_account_forget(char *secret)
{
	if (secret) {
		explicit_bzero(secret, strlen(secret));
		free(secret);
	}
}

int mail_account_imap(const struct mail_account *a, const char *doing, bool insecure,
		      long wait_seconds, struct imap **im, struct error *err)
{
	struct imap_account ia = { .url = a->imap_url, .user = a->user, .ca_file = a->ca_file,
				   .insecure = insecure, .xoauth2 = mail_account_xoauth2(a),
				   .wait_seconds = wait_seconds };
	char *secret = NULL;
	int rc;

	if (mail_account_ready(a, MAIL_USE_IMAP, doing, err))
		return err->code;
	/* the address first: a wrong one is refused before anything is run */
	if (imap_url_check(a->imap_url, insecure, err) || mail_account_secret(a, &secret, err))
		return err->code;
	ia.secret = secret;
	rc = imap_open(&ia, im, err);
	mail_account_forget(secret);
	return rc;
}
