/* letter_eml.c: a drafted letter as an e-mail file (see letter_eml.h). */
#include "method/letter_eml.h"

#include "io/eml.h"

int letter_draft_eml(struct store *s, const struct letter_draft *d, struct strbuf *out,
		     struct error *err)
{
	const struct datetime *now = store_now(s);
	struct strbuf id = STRBUF_INIT;
	struct eml_message m = {
		.from_name = d->from_name, .from_addr = d->from_email,
		.to_name = d->to_name,     .to_addr = d->to_email,
		.subject = d->letter.subject, .body = d->letter.body,
		.date = now,               .utc_offset = eml_local_offset(now),
	};
	int rc;

	eml_message_id(&id, now, d->task_id);
	m.message_id = id.buf;
	rc = eml_build(&m, out, err);
	strbuf_release(&id);
	return rc;
}
