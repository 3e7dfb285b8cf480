/*
 * letter_eml.h: a task's drafted letter as an e-mail file (.eml) dated now,
 * for every front end (the command line's draft --eml, the web UI's download).
 */
#ifndef RAPPORT_LETTER_EML_H
#define RAPPORT_LETTER_EML_H

#include "method/letter.h"
#include "store/store.h"
#include "util/strbuf.h"

/* Append the whole message: From (the settings), To (the task's person),
 * Subject, Date (the store's now), the task's Message-ID, the body; marked
 * as a draft to open (X-Unsent) unless it is sending. */
int letter_draft_eml(struct store *s, const struct letter_draft *d, bool sending,
		     struct strbuf *out, struct error *err);

/* The Message-ID every draft of the task has (io/eml.h's
 * eml_draft_message_id), without angle brackets. */
int letter_draft_message_id(struct store *s, const struct letter_draft *d, struct strbuf *out,
			    struct error *err);

#endif
