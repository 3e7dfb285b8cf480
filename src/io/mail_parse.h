/*
 * mail_parse.h: one e-mail message (RFC 5322, MIME) read into a small
 * record, with GMime, which is loaded on first use (see util/dynlib.h).
 *
 * Header first: mail_parse_headers reads only the header block, so that a
 * message that belongs to no one the caller knows costs no more than its
 * headers (a 20 MB attachment is never decoded); mail_parse_body reads the
 * text of a message the caller keeps.
 */
#ifndef RAPPORT_MAIL_PARSE_H
#define RAPPORT_MAIL_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/model.h"
#include "util/error.h"

/* How many characters of the text an excerpt keeps. */
#define MAIL_EXCERPT_CHARS 500

typedef VEC(char *) mail_str_vec;

struct mail_msg {
	/* the Message-ID without its <>; for a message without one,
	 * "sha256:HEX" of its From, To, Cc, Date and Subject, so that the same
	 * message read from two mailboxes gets the same id */
	char *message_id;
	char *from;        /* the sender's address, lower-cased; NULL when none */
	char *from_name;   /* the sender's display name, decoded; NULL when none */
	mail_str_vec to;   /* the To and Cc addresses, lower-cased */
	char date[DATE_BUFSZ]; /* RFC 3339 with the sender's offset; "" when unreadable */
	char *subject;     /* decoded (RFC 2047, its charset) to UTF-8; "" when none */
	mail_str_vec refs; /* In-Reply-To, then References: the thread, without <> */
	/* sent by a machine: Auto-Submitted (but "no"), Precedence bulk, list
	 * or junk, a List-Id or List-Unsubscribe, X-Autoreply, an out-of-office
	 * subject */
	bool automatic;
	/* mail_parse_body, valid UTF-8 without control characters (but line
	 * breaks and tabs): the first MAIL_EXCERPT_CHARS characters of the text
	 * (the text part, else the HTML part without its markup), quoted lines
	 * left out; and the whole text when asked for */
	char *excerpt;
	char *text;
};

/* The length of raw's header block, the blank line that ends it included,
 * or 0 when raw holds no end of headers (yet). */
size_t mail_header_end(const char *raw, size_t len);
/* Read the headers of the message raw into m (zeroed first). ERR_INVALID
 * when raw is not a message: no header block, or no sender. ERR_IO when
 * GMime cannot be loaded. */
int mail_parse_headers(const char *raw, size_t len, struct mail_msg *m, struct error *err);
/* Read the text of the whole message raw into m->excerpt (and m->text
 * when full): "" when it has no text. */
int mail_parse_body(const char *raw, size_t len, struct mail_msg *m, bool full,
		    struct error *err);
void mail_msg_release(struct mail_msg *m);

/* Is subject one an automatic reply gives ("Out of office", "Automatic
 * reply", "Abwesenheitsnotiz", "Réponse automatique"...)? */
bool mail_subject_automatic(const char *subject);
/* text as plain text: tags dropped (script and style with their content),
 * the common entities decoded, blank space collapsed. Newly allocated. */
char *mail_html_to_text(const char *html);
/* An excerpt of text: quoted lines ("> ...") and blank runs left out, at
 * most max characters (whole UTF-8 characters), "…" when cut. */
char *mail_excerpt(const char *text, size_t max);
/* s as the store takes it: valid UTF-8 (each byte that is not, as
 * windows-1252), no control characters (a line break kept unless
 * one_line), no bidirectional controls, at most max bytes (whole
 * characters), trimmed. Newly allocated. */
char *mail_clean_text(const char *s, bool one_line, size_t max);

#endif
