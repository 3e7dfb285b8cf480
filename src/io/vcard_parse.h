/*
 * vcard_parse.h: the pieces of the vCard reader (vcard_read.c): cutting a
 * file into unfolded property lines and a line into name, parameters and
 * value (vcard_lex.c), and turning a value's bytes into UTF-8
 * (vcard_decode.c). Only the reader uses them.
 */
#ifndef RAPPORT_VCARD_PARSE_H
#define RAPPORT_VCARD_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

#define VCARD_LINE_MAX (4 * 1024 * 1024) /* the longest unfolded line read */

/* Bytes of the text being read; not NUL-terminated. */
struct vcard_span {
	const char *p;
	size_t len;
};

bool vcard_span_ieq(struct vcard_span s, const char *word);
/* s without the spaces, tabs and double quotes around it. */
struct vcard_span vcard_span_trim(struct vcard_span s);

/* ---- vcard_lex.c ---- */

struct vcard_cursor {
	const char *s;
	size_t len, pos;
	long line; /* the number of the next line */
};

/* One property line, unfolded. */
struct vcard_line {
	struct strbuf sb;
	long line;     /* where it starts */
	bool too_long; /* longer than VCARD_LINE_MAX: sb holds only its start */
	bool nul;      /* holds a NUL byte */
	char last;     /* its last byte, also when too long */
};

/* Read the next property line into lg (false at the end of the text): a
 * line that starts with a space or a tab continues the one before (RFC 822
 * folding, as 2.1 has it, keeps that space; RFC 2426 and 6350 drop it),
 * and so does any line after a quoted-printable soft line break, which a
 * '\n' in sb marks. */
bool vcard_next_line(struct vcard_cursor *c, bool keep_fold_space, struct vcard_line *lg);

struct vcard_prop {
	struct vcard_span name;   /* without its group (item1.EMAIL) */
	struct vcard_span params; /* from the ';' after the name to the value's ':', maybe empty */
	struct vcard_span value;
};

/* Cut a line into a property; false when it is none (no name, no colon). */
bool vcard_parse_prop(const char *s, size_t len, struct vcard_prop *p);
/* Whether l is the property name:value (both without case, value trimmed). */
bool vcard_is_line(struct vcard_span l, const char *name, const char *value);
/* The next parameter of *rest: name=value, or a bare word (2.1's TEL;WORK:)
 * with an empty name. A value keeps its quotes and commas. */
bool vcard_next_param(struct vcard_span *rest, struct vcard_span *name, struct vcard_span *value);
/* The next comma-separated word of *list, trimmed of spaces and quotes. */
bool vcard_next_word(struct vcard_span *list, struct vcard_span *word);

enum vcard_encoding { VCARD_ENC_NONE, VCARD_ENC_QP, VCARD_ENC_BASE64, VCARD_ENC_OTHER };
/* An ENCODING value, or a bare word: OTHER when it names no encoding. */
enum vcard_encoding vcard_encoding_of(struct vcard_span w);

/* ---- vcard_decode.c ---- */

/* Quoted-printable: =XX is a byte, '=' before a '\n' (a soft line break)
 * or at the very end is dropped, any other '=' stays. */
void vcard_qp_decode(struct strbuf *out, struct vcard_span v);

enum vcard_charset { VCARD_CS_UTF8, VCARD_CS_CP1252, VCARD_CS_OTHER };
/* UTF8 for UTF-8 and ASCII, CP1252 for windows-1252 and the ISO-8859-1
 * that files mean by it, OTHER for the rest (iconv's work). */
enum vcard_charset vcard_charset_kind(struct vcard_span charset);
void vcard_cp1252_decode(struct strbuf *out, const char *s, size_t len);
/* Append in[0..len) converted from charset to UTF-8 with iconv: 0, -1 when
 * iconv does not know the charset (or its name is odd), -2 when the bytes
 * are not valid in it. */
int vcard_iconv(struct strbuf *out, struct vcard_span charset, const char *in, size_t len);

#endif
