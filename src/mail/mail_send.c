/* mail_send.c: a task's draft into the Drafts folder, or sent by SMTP (see mail_send.h). */
#include "mail/mail_send.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "io/mail_parse.h"
#include "mail/imap.h"
#include "mail/mail_account.h"
#include "mail/smtp.h"
#include "method/actions.h"
#include "method/letter_eml.h"
#include "store/mail.h"
#include "util/xalloc.h"

/* ---- into the Drafts folder ---- */

/* The folder flagged \Drafts, else the one named Drafts, else "Drafts". */
static int drafts_folder(struct imap *im, char **folder, struct error *err)
{
	imap_folder_vec all = { 0 };
	int rc = imap_list(im, &all, err);
	const char *found = imap_folder_for(&all, false, "Drafts");

	*folder = rc ? NULL : xstrdup(found ? found : "Drafts");
	imap_folder_vec_release(&all);
	return rc;
}

int mail_send_to_drafts(struct store *s, const struct letter_draft *d, bool insecure,
			char **folder, struct error *err)
{
	struct mail_account a = { 0 };
	struct strbuf eml = STRBUF_INIT;
	struct imap *im = NULL;
	int rc;

	*folder = NULL;
	if (!(rc = letter_draft_eml(s, d, false, &eml, err)) &&
	    !(rc = mail_account_load(s, &a, err)) &&
	    !(rc = mail_account_imap(&a, "draft --to-drafts", insecure, 0, &im, err)) &&
	    !(rc = drafts_folder(im, folder, err)))
		rc = imap_append(im, *folder, eml.buf, eml.len, err);
	imap_close(im);
	mail_account_release(&a);
	strbuf_release(&eml);
	if (rc) {
		free(*folder);
		*folder = NULL;
	}
	return rc;
}

/* ---- by SMTP ---- */

/* What must hold before anything is sent: the task open, its draft never
 * logged as sent, an address to send to and one to send from. */
static int check_sendable(struct store *s, const struct letter_draft *d, const char *message_id,
			  struct mail_draft_task *t, struct error *err)
{
	bool logged = false;
	int rc = store_mail_draft_task(s, d->task_id, t, err);

	if (!rc && !t->open)
		return error_set(err, ERR_CONFLICT, "task %lld is closed already: nothing was sent",
				 (long long)d->task_id);
	if (!rc && !(rc = store_mail_known(s, message_id, &logged, err)) && logged)
		return error_set(err, ERR_CONFLICT,
				 "the draft of task %lld was sent already (its e-mail is logged): "
				 "nothing was sent; close the task with 'rapport task done %lld'",
				 (long long)d->task_id, (long long)d->task_id);
	if (!rc && !d->to_email)
		return error_set(err, ERR_INVALID,
				 "task %lld has no one to send to: give its person an e-mail "
				 "address (rapport person edit)",
				 (long long)d->task_id);
	if (!rc && !d->from_email)
		return error_set(err, ERR_INVALID,
				 "sending needs your address: rapport config email ADDRESS");
	return rc;
}

/* Send eml through the account's SMTP server, signed in when it has a user. */
static int smtp_deliver(const struct mail_account *a, const struct letter_draft *d,
			bool insecure, const struct strbuf *eml, struct error *err)
{
	struct smtp_account sa = { .url = a->smtp_url, .user = a->smtp_user ? a->smtp_user : a->user,
				   .xoauth2 = mail_account_xoauth2(a), .ca_file = a->ca_file,
				   .insecure = insecure };
	const char *to[] = { d->to_email };
	char *secret = NULL;
	int rc;

	if (mail_account_ready(a, MAIL_USE_SMTP, "draft --send", err) ||
	    smtp_url_check(a->smtp_url, insecure, err))
		return err->code;
	/* the address first: a wrong one is refused before anything is run */
	if (sa.user && mail_account_secret(a, &secret, err))
		return err->code;
	sa.secret = secret;
	rc = smtp_send(&sa, d->from_email, to, 1, eml->buf, eml->len, err);
	mail_account_forget(secret);
	return rc;
}

/* The e-mail sent, as `rapport log email --out` logs one. */
static int log_sent(struct store *s, const struct playbook *pb, const struct letter_draft *d,
		    const struct mail_draft_task *t, int64_t *id, struct error *err)
{
	struct interaction it = { .kind = IKIND_EMAIL, .direction = DIR_OUT, .chemistry = -1 };
	char at[DATE_BUFSZ];
	int rc;

	date_format(store_now(s), at);
	it.at = xstrdup(at);
	it.opp.id = t->opp_id;
	if (d->person_id)
		VEC_PUSH(&it.people)->id = d->person_id;
	it.summary = mail_clean_text(d->letter.subject, true, TEXT_LINE_MAX);
	it.notes = mail_clean_text(d->letter.body, false, TEXT_NOTE_MAX);
	if (!*it.notes) {
		free(it.notes);
		it.notes = NULL;
	}
	if (!(rc = interaction_validate(&it, err)) &&
	    !(rc = action_log(s, pb, &it, false, NULL, err)))
		*id = it.id;
	interaction_release(&it);
	return rc;
}

int mail_send_draft(struct store *s, const struct playbook *pb, const struct letter_draft *d,
		    bool insecure, int64_t *interaction_id, struct error *err)
{
	struct mail_draft_task t = { 0 };
	struct mail_account a = { 0 };
	struct strbuf id = STRBUF_INIT, eml = STRBUF_INIT;
	int rc;

	*interaction_id = 0;
	if (!(rc = letter_draft_message_id(s, d, &id, err)) &&
	    !(rc = check_sendable(s, d, id.buf, &t, err)) &&
	    !(rc = letter_draft_eml(s, d, true, &eml, err)) &&
	    !(rc = mail_account_load(s, &a, err)) &&
	    !(rc = smtp_deliver(&a, d, insecure, &eml, err)) &&
	    !(rc = log_sent(s, pb, d, &t, interaction_id, err)) &&
	    !(rc = store_mail_logged(s, id.buf, *interaction_id, a.smtp_url, err)))
		rc = action_task_close(s, pb, d->task_id, TASK_DONE, false, err);
	mail_draft_task_release(&t);
	mail_account_release(&a);
	strbuf_release(&id);
	strbuf_release(&eml);
	return rc;
}
