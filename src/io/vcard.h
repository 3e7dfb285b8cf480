/*
 * vcard.h: vCards (RFC 2426 for 3.0, RFC 6350 for 4.0, and the 2.1 that
 * older phones still write), read into plain records and written as 4.0.
 *
 * The reader takes a whole file: several cards, folded lines (a line that
 * starts with a space or a tab continues the one before, also inside a
 * UTF-8 character), escaped characters (\n \, \; \\), 2.1's
 * QUOTED-PRINTABLE (with soft line breaks) and CHARSET parameters
 * (converted to UTF-8), structured names (N) and formatted names (FN),
 * several EMAIL and TEL with their TYPEs, ORG, TITLE, URL and NOTE.
 * Unknown properties are skipped. Every value comes out as valid UTF-8;
 * a card it cannot read is reported with the line it starts on and the
 * reason, and reading goes on with the next card.
 */
#ifndef RAPPORT_VCARD_H
#define RAPPORT_VCARD_H

#include <stddef.h>

#include "util/error.h"
#include "util/strbuf.h"

struct vcard_value {
	char *value;
	char *type; /* "work", "home", "cell"... lower case, comma-joined; NULL when none */
	int pref;   /* 1 for the preferred one (PREF=1 or TYPE=pref), else 0 */
};

struct vcard {
	long line;  /* the line its BEGIN:VCARD is on (1-based) */
	char *fn;   /* the formatted name, or one made from N ("Given Family") */
	char *given, *family; /* from N, or NULL */
	char *org;  /* the first ORG component (the organisation's name) */
	char *title;
	char *note;
	char *url;  /* the first URL; a LinkedIn one is preferred when there are several */
	struct vcard_value *emails, *phones;
	size_t nemails, nphones;
	char *uid;
};

struct vcard_skip {
	long line;
	char *reason;
};

struct vcard_list {
	struct vcard *cards;
	size_t n, alloc;
	struct vcard_skip *skips; /* cards that could not be read */
	size_t nskips, allocskips;
};

/* Read every card of text[0..len). Fails (ERR_INVALID) only when the text
 * holds no card at all and is not empty; bad cards go to out->skips. */
int vcard_read(const char *text, size_t len, struct vcard_list *out, struct error *err);
void vcard_list_release(struct vcard_list *l);

/* Append one card as vCard 4.0 (CRLF line ends, lines folded at 75 bytes
 * without splitting a UTF-8 character, values escaped). */
void vcard_write(struct strbuf *out, const struct vcard *card);

#endif
