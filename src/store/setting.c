/* setting.c: the setting table (text by key), and the keys a user may set. */
#include "store/setting.h"

#include <stdlib.h>
#include <strings.h>

#include "core/date.h"
#include "core/ladder.h"
#include "core/text.h"
#include "store/store_internal.h"

/* Longest signature, in bytes. */
#define SIGNATURE_MAX 4000

static const char SQL_SETTING_GET[] = "SELECT value FROM setting WHERE key = ?";
static const char SQL_SETTING_SET[] =
	"INSERT INTO setting (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char SQL_SETTING_DELETE[] = "DELETE FROM setting WHERE key = ?";

const struct setting_def setting_defs[] = {
	{ "name", "your name, for letters ({me}) and the From: of e-mails" },
	{ "email", "your e-mail address, the From: of e-mails" },
	{ "signature", "the end of your letters ({signature}); several lines allowed" },
	{ "levels", "your ladder of job levels, lowest first: 'junior < senior | sr < lead'" },
	{ "timezone", "the zone your days are in (Europe/Paris, America/New_York): 'today', "
		      "due days and the rules' days, wherever the machine is (default: the "
		      "machine's)" },
	{ "mail.addresses", "your other e-mail addresses, comma-separated: mail from them counts "
			    "as yours when 'mail import' reads it (besides 'email')" },
	{ "mail.keep-bodies", "yes: an e-mail 'mail import' logs keeps its whole text in the "
			      "notes; no (the default): its first 500 characters" },
	{ "mail.imap-url", "the IMAP account 'mail sync' reads (and 'draft --to-drafts' puts a "
			   "draft into): imaps://HOST[:PORT]" },
	{ "mail.smtp-url", "the server 'draft --send' sends through: smtps://HOST[:PORT], or "
			   "smtp://HOST[:PORT] (STARTTLS required)" },
	{ "mail.user", "the user name that signs in to mail.imap-url (and mail.smtp-url, "
		       "unless mail.smtp-user is set)" },
	{ "mail.smtp-user", "the user name that signs in to mail.smtp-url, when it is not "
			    "mail.user" },
	{ "mail.password-command", "a command whose first line of output is the password (or, "
				   "with mail.auth = xoauth2, the token): 'pass show mail'; "
				   "the password itself is never stored" },
	{ "mail.auth", "password (the default) or xoauth2 (an OAuth2 bearer token, for the "
		       "providers that need one)" },
	{ "mail.folders", "the folders 'mail sync' reads, comma-separated (default: INBOX and "
			  "the server's Sent folder)" },
	{ "mail.ca-file", "the certificates to trust for mail.imap-url and mail.smtp-url, a PEM "
			  "file (default: the system's)" },
	{ NULL, NULL },
};

const struct setting_def *setting_find(const char *key)
{
	for (const struct setting_def *d = setting_defs; d->key; d++)
		if (!strcmp(d->key, key))
			return d;
	return NULL;
}

/* A ladder every command can read: one that does not parse would make
 * every command that ranks a level fail (the agenda, opp show, log). */
static int check_ladder(const char *value, struct error *err)
{
	struct level_ladder l;
	int rc = level_ladder_parse(value, &l, err);

	level_ladder_release(&l);
	return rc;
}

/* A list of e-mail addresses, separated by commas (and spaces). */
static int check_addresses(const char *value, struct error *err)
{
	char *list, *p, *next;
	int rc;

	if ((rc = text_check("mail.addresses", value, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	list = xstrdup(value);
	for (p = list; p && !rc; p = next) {
		char *one;
		if ((next = strchr(p, ',')))
			*next++ = '\0';
		one = text_trimmed(p, strlen(p));
		rc = !*one ? error_set(err, ERR_INVALID, "mail.addresses has an empty address")
			   : text_check_email(one, err);
		free(one);
	}
	free(list);
	return rc;
}

/* The mail account's settings: one line each; mail.auth one of two words;
 * the servers' schemes (the rest of an address is checked when it is
 * used, with --insecure). */
static int check_mail_account(const char *key, const char *value, struct error *err)
{
	if (text_check(key, value, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return ERR_INVALID;
	if (!strcmp(key, "mail.auth") && strcmp(value, "password") && strcmp(value, "xoauth2"))
		return error_set(err, ERR_INVALID, "mail.auth is password or xoauth2, not '%s'",
				 value);
	if (!strcmp(key, "mail.imap-url") && strncasecmp(value, "imaps://", 8) &&
	    strncasecmp(value, "imap://", 7))
		return error_set(err, ERR_INVALID,
				 "mail.imap-url is 'imaps://HOST[:PORT]', not '%s'", value);
	if (!strcmp(key, "mail.smtp-url") && strncasecmp(value, "smtps://", 8) &&
	    strncasecmp(value, "smtp://", 7))
		return error_set(err, ERR_INVALID,
				 "mail.smtp-url is 'smtps://HOST[:PORT]' or 'smtp://HOST[:PORT]', "
				 "not '%s'",
				 value);
	return 0;
}

int setting_check(const char *key, const char *value, struct error *err)
{
	if (!setting_find(key))
		return error_set(err, ERR_INVALID,
				 "unknown setting '%s' (known: name, email, signature, levels, "
				 "timezone, mail.addresses, mail.keep-bodies, mail.imap-url, "
				 "mail.user, mail.password-command, mail.auth, mail.folders, "
				 "mail.ca-file, mail.smtp-url, mail.smtp-user)", key);
	if (!strcmp(key, "name"))
		return text_check("name", value, TEXT_REQUIRED | TEXT_ONE_LINE, err);
	if (!strcmp(key, "email")) {
		if (text_check("e-mail", value, TEXT_REQUIRED | TEXT_ONE_LINE, err))
			return ERR_INVALID;
		return text_check_email(value, err);
	}
	if (!strcmp(key, "levels"))
		return check_ladder(value, err);
	if (!strcmp(key, "timezone"))
		return date_zone_check(value, err);
	if (!strcmp(key, "mail.addresses"))
		return check_addresses(value, err);
	if (!strncmp(key, "mail.", 5) && strcmp(key, "mail.keep-bodies"))
		return check_mail_account(key, value, err);
	if (!strcmp(key, "mail.keep-bodies"))
		return strcmp(value, "yes") && strcmp(value, "no")
			       ? error_set(err, ERR_INVALID, "mail.keep-bodies is yes or no, not '%s'",
					   value)
			       : 0;
	if (text_check("signature", value, TEXT_REQUIRED, err))
		return ERR_INVALID;
	if (strlen(value) > SIGNATURE_MAX)
		return error_set(err, ERR_INVALID, "the signature is too long (at most %d bytes)",
				 SIGNATURE_MAX);
	return 0;
}

int setting_check_any(const char *key, const char *value, struct error *err)
{
	if (setting_find(key))
		return setting_check(key, value, err);
	return text_check(key, value, TEXT_REQUIRED | TEXT_ONE_LINE, err);
}

int store_setting_get(struct store *s, const char *key, char **value, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_SETTING_GET, err);
	int rc;

	*value = NULL;
	if (!st)
		return ERR_STORE;
	bind_text(st, 1, key);
	rc = store_step(s, st, "cannot read the settings", err);
	if (rc == DB_ROW)
		*value = col_text(st, 0);
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int store_setting_set(struct store *s, const char *key, const char *value, struct error *err)
{
	bool remove = !value || !*value;
	struct db_stmt *st;

	if (text_check("setting key", key, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return ERR_INVALID;
	if (!remove && setting_check_any(key, value, err))
		return ERR_INVALID;
	if (!(st = store_stmt(s, remove ? SQL_SETTING_DELETE : SQL_SETTING_SET, err)))
		return ERR_STORE;
	bind_text(st, 1, key);
	if (!remove)
		bind_text(st, 2, value);
	return store_exec_stmt(s, st, "cannot change the settings", err);
}

int store_use_zone(struct store *s, struct error *err)
{
	char *zone;

	if (store_setting_get(s, "timezone", &zone, err))
		return err->code;
	/* a value the checks would refuse (set by an older rapport, or by
	 * hand) is ignored rather than making every command fail */
	if (zone && !date_zone_check(zone, NULL)) {
		date_zone_use(zone);
		if (store_refresh_now(s, err)) {
			free(zone);
			return err->code;
		}
	}
	free(zone);
	return 0;
}
