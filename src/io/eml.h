/*
 * eml.h: a letter as an e-mail file that mail clients open as a draft
 * (RFC 5322 with MIME; RFC 2047 encoded-words in headers), and as a mailto:
 * URL (RFC 6068).
 *
 * Headers are built so that no value can add a header: control characters
 * in a value become spaces, lines are folded at 78 columns, a display name
 * is atoms, a quoted string or encoded-words, and an address must be a
 * plain ASCII addr-spec. Lines end with CRLF.
 */
#ifndef RAPPORT_EML_H
#define RAPPORT_EML_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "util/error.h"
#include "util/strbuf.h"

struct eml_message {
	const char *from_name, *from_addr; /* From: is left out when from_addr is NULL */
	const char *to_name, *to_addr;     /* To: is left out when to_addr is NULL */
	const char *subject;
	const char *body;                  /* UTF-8 text, '\n' or "\r\n" line ends */
	const struct datetime *date;       /* the wall-clock time of Date: */
	int utc_offset;                    /* minutes east of UTC at that time */
	const char *message_id;            /* "left@right", without angle brackets */
	bool sending; /* sent as it is: no "X-Unsent: 1", which opens a file as a draft */
};

/* Append the whole message: headers, a blank line, the body (8bit, or
 * quoted-printable when a line is longer than 998 bytes). */
int eml_build(const struct eml_message *m, struct strbuf *out, struct error *err);

/* "Name: value" CRLF for an unstructured header (Subject): as it is when
 * plain ASCII, else RFC 2047 encoded-words of at most 75 characters. */
void eml_header_text(struct strbuf *out, const char *name, const char *value);
/* "Name: display <addr>" CRLF, or "Name: addr" when display is NULL or blank. */
int eml_header_address(struct strbuf *out, const char *name, const char *display,
		       const char *addr, struct error *err);
/* An address a header can hold: local@domain in printable ASCII, dot-atoms. */
int eml_check_address(const char *addr, struct error *err);
/* RFC 5322 date: "Mon, 02 Mar 2026 09:00:00 +0100". */
void eml_date(struct strbuf *out, const struct datetime *dt, int utc_offset);
/* Minutes east of UTC of a local wall-clock time (as TZ says). */
int eml_local_offset(const struct datetime *dt);
/*
 * A draft's Message-ID, the same for every draft of a task, so that a
 * reply to any of them finds its task (and its opportunity) again:
 * "STAMP.TASK.HASH@rapport.invalid", STAMP the 14 digits of the task's
 * creation (a UTC instant, as the store keeps it), HASH of those and the
 * salt (the user's address: two users' task 5 of one second differ).
 * Derived from what the task keeps, it needs no write: a page that only
 * reads can offer the draft too, and an export keeps it.
 */
#define EML_STAMP_SIZE 15 /* 14 digits and a NUL */
#define EML_DRAFT_DOMAIN "@rapport.invalid"
/* -1 when created is not an instant with 14 digits. */
int eml_draft_message_id(struct strbuf *out, const char *created, int64_t task_id,
			 const char *salt);
/* Is id (without angle brackets) a draft's? Then its task and stamp. */
bool eml_draft_message_task(const char *id, int64_t *task_id, char stamp[EML_STAMP_SIZE]);
/* Was a task created at instant the task of a draft id with stamp? */
bool eml_draft_stamp_is(const char *instant, const char stamp[EML_STAMP_SIZE]);

/* "mailto:ADDR?subject=...&body=..." with every value percent-encoded as
 * UTF-8 and line breaks as %0D%0A; addr may be NULL. */
void eml_mailto(struct strbuf *out, const char *addr, const char *subject, const char *body);

#endif
