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
 *
 * What comes out is ready for text_check: one-line values (all but the
 * note) hold no control characters (a line break becomes a space) and at
 * most TEXT_LINE_MAX bytes, the note has LF line breaks and at most
 * TEXT_NOTE_MAX bytes, every value is trimmed, and an empty one is NULL.
 * A card with a longer value is skipped, as is one with a line longer than
 * 4 MB, a NUL byte, invalid UTF-8 or a charset iconv does not know in a
 * property it reads, no END:VCARD, or no name. A 2.1 value without CHARSET
 * that is not UTF-8 is read as windows-1252 (old Outlook files); a file
 * that starts with a UTF-16 byte order mark is read as UTF-16. Past 50
 * e-mails (or phones) on one card, the others are ignored.
 */
#ifndef RAPPORT_VCARD_H
#define RAPPORT_VCARD_H

#include <stddef.h>

#include "util/error.h"
#include "util/strbuf.h"

struct vcard_value {
	char *value;
	char *type; /* "work", "home", "cell"... lower case, comma-joined, without "pref"
		     * (which sets pref) and "internet"; NULL when none */
	int pref;   /* 1 for the preferred one (PREF=1 or TYPE=pref), else 0 */
};

struct vcard {
	long line;  /* the line its BEGIN:VCARD is on (1-based) */
	char *fn;   /* never NULL when read: FN, or made from N ("Given Family") */
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
	long line;    /* the line its BEGIN:VCARD is on */
	char *reason; /* "the TITLE on line 14 is not valid UTF-8", "no name (no FN or N)" */
};

struct vcard_list {
	struct vcard *cards;
	size_t n, alloc;
	struct vcard_skip *skips; /* cards that could not be read */
	size_t nskips, allocskips;
};

/* Read every card of text[0..len), appending to out (zeroed, or filled by
 * an earlier call). Fails (ERR_INVALID, "no vCard found ...", without the
 * file's name) only when the text holds no card at all and is not empty
 * (blank lines and a BOM are empty), or is broken UTF-16; bad cards go to
 * out->skips. */
int vcard_read(const char *text, size_t len, struct vcard_list *out, struct error *err);
void vcard_list_release(struct vcard_list *l);

/* Append one card as vCard 4.0 (CRLF line ends, lines folded at 75 bytes
 * without splitting a UTF-8 character, values escaped, line breaks as \n,
 * other control characters dropped). FN is always written; N holds given
 * and family, or the whole FN as family when both are NULL. Types are
 * written as TYPE=a,b (only [a-z0-9-] kept), pref as PREF=1. */
void vcard_write(struct strbuf *out, const struct vcard *card);

#endif
