/* letter_eml.c: a drafted letter as an e-mail file (see letter_eml.h). */
#include "method/letter_eml.h"

#include "io/eml.h"
#include "store/mail.h"

int letter_draft_message_id(struct store *s, const struct letter_draft *d, struct strbuf *out,
			    struct error *err)
{
	struct mail_draft_task t;
	int rc = store_mail_draft_task(s, d->task_id, &t, err);

	if (!rc && eml_draft_message_id(out, t.created, d->task_id, d->from_email))
		rc = error_set(err, ERR_STORE, "task %lld has no time it was added",
			       (long long)d->task_id);
	mail_draft_task_release(&t);
	return rc;
}

int letter_draft_eml(struct store *s, const struct letter_draft *d, bool sending,
		     struct strbuf *out, struct error *err)
{
	const struct datetime *now = store_now(s);
	struct strbuf id = STRBUF_INIT;
	struct eml_message m = {
		.from_name = d->from_name, .from_addr = d->from_email,
		.to_name = d->to_name,     .to_addr = d->to_email,
		.subject = d->letter.subject, .body = d->letter.body,
		.date = now,               .utc_offset = eml_local_offset(now),
		.sending = sending,
	};
	int rc = letter_draft_message_id(s, d, &id, err);

	m.message_id = id.buf;
	if (!rc)
		rc = eml_build(&m, out, err);
	strbuf_release(&id);
	return rc;
}
