/* vcard_decode.c: a vCard value's bytes as UTF-8: quoted-printable, windows-1252 by hand, other charsets by iconv. */
#include "io/vcard_parse.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "core/text.h"

#define CHARSET_MAX 40 /* bytes of a charset's name */

void vcard_qp_decode(struct strbuf *out, struct vcard_span v)
{
	for (size_t i = 0; i < v.len; i++) {
		if (v.p[i] != '=') {
			strbuf_addch(out, v.p[i]);
		} else if (i + 1 < v.len && v.p[i + 1] == '\n') {
			i++;
		} else if (i + 2 < v.len && text_hex_digit(v.p[i + 1]) >= 0 && text_hex_digit(v.p[i + 2]) >= 0) {
			strbuf_addch(out, text_hex_digit(v.p[i + 1]) * 16 + text_hex_digit(v.p[i + 2]));
			i += 2;
		} else if (i + 1 < v.len) {
			strbuf_addch(out, '=');
		} /* else a soft line break before END:VCARD */
	}
}

/* windows-1252, which is also what files labelled ISO-8859-1 mean by
 * 0x80-0x9F; its five unassigned bytes stay as their code points. */
void vcard_cp1252_decode(struct strbuf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		text_add_cp1252(out, (unsigned char)s[i]);
}

/* Whether the charset is one of names (lower case, without '-', '_' or spaces). */
static bool charset_is(struct vcard_span cs, const char *const *names)
{
	char norm[CHARSET_MAX + 1];
	size_t n = 0;

	for (size_t i = 0; i < cs.len && n < CHARSET_MAX; i++) {
		char ch = cs.p[i];
		if (ch == '-' || ch == '_' || ch == ' ')
			continue;
		norm[n++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	norm[n] = '\0';
	for (; *names; names++)
		if (!strcmp(norm, *names))
			return true;
	return false;
}

enum vcard_charset vcard_charset_kind(struct vcard_span charset)
{
	static const char *const utf8[] = { "utf8", "usascii", "ascii", NULL };
	static const char *const cp1252[] = { "iso88591", "latin1", "l1", "windows1252",
					      "cp1252",   "xcp1252", NULL };

	if (charset_is(charset, utf8))
		return VCARD_CS_UTF8;
	return charset_is(charset, cp1252) ? VCARD_CS_CP1252 : VCARD_CS_OTHER;
}

/* Charset names iconv may see: letters, digits and - _ . : only (no "//TRANSLIT"). */
static bool charset_name_ok(struct vcard_span cs)
{
	if (!cs.len || cs.len > CHARSET_MAX)
		return false;
	for (size_t i = 0; i < cs.len; i++) {
		char ch = cs.p[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '-' || ch == '_' || ch == '.' || ch == ':'))
			return false;
	}
	return true;
}

int vcard_iconv(struct strbuf *out, struct vcard_span charset, const char *in, size_t len)
{
	char name[CHARSET_MAX + 1];
	char *src = (char *)in;
	size_t left = len;
	iconv_t cd;
	int rc = 0;

	if (!charset_name_ok(charset))
		return -1;
	memcpy(name, charset.p, charset.len);
	name[charset.len] = '\0';
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return -1;
	while (left) {
		char *dst;
		size_t room, r;

		/* room for the worst expansion of what is left; E2BIG asks for more */
		strbuf_grow(out, left * 4 + 16);
		dst = out->buf + out->len;
		room = out->alloc - out->len - 1;
		r = iconv(cd, &src, &left, &dst, &room);
		out->len = (size_t)(dst - out->buf);
		out->buf[out->len] = '\0';
		if (r == (size_t)-1 && errno != E2BIG) {
			rc = -2;
			break;
		}
	}
	iconv_close(cd);
	return rc;
}
