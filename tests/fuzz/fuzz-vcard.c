/*
 * fuzz-vcard.c: libFuzzer target for the vCard reader and writer (make fuzz).
 *
 * Beyond not crashing, a property: every card read, written as 4.0 and read
 * back, is the same card (given and family aside when the card had neither:
 * the writer then puts the whole name in N's family slot), and the written
 * lines are CRLF-ended, at most 75 octets, each valid UTF-8 on its own.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "io/vcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same(const char *a, const char *b)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b)))
		abort();
}

static void same_values(const struct vcard_value *a, size_t na, const struct vcard_value *b,
			size_t nb)
{
	if (na != nb)
		abort();
	for (size_t i = 0; i < na; i++) {
		same(a[i].value, b[i].value);
		same(a[i].type, b[i].type);
		if (a[i].pref != b[i].pref)
			abort();
	}
}

static void check_lines(const struct strbuf *sb)
{
	const char *p = sb->buf, *end = sb->buf + sb->len;

	while (p < end) {
		const char *eol = memchr(p, '\r', (size_t)(end - p));
		if (!eol || eol + 1 >= end || eol[1] != '\n' || eol - p > 75 ||
		    memchr(p, '\n', (size_t)(eol - p)) || !utf8_valid(p, (size_t)(eol - p)))
			abort();
		p = eol + 2;
	}
}

static void round_trip(const struct vcard *c)
{
	struct strbuf sb = STRBUF_INIT;
	struct vcard_list back = { 0 };
	struct error err = ERROR_INIT;
	const struct vcard *r;

	vcard_write(&sb, c);
	check_lines(&sb);
	if (vcard_read(sb.buf, sb.len, &back, &err) || back.n != 1 || back.nskips)
		abort();
	r = &back.cards[0];
	same(c->fn, r->fn);
	same(c->org, r->org);
	same(c->title, r->title);
	same(c->note, r->note);
	same(c->url, r->url);
	same(c->uid, r->uid);
	if (c->given || c->family) {
		same(c->given, r->given);
		same(c->family, r->family);
	}
	same_values(c->emails, c->nemails, r->emails, r->nemails);
	same_values(c->phones, c->nphones, r->phones, r->nphones);
	vcard_list_release(&back);
	strbuf_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vcard_list l = { 0 };
	struct error err = ERROR_INIT;

	vcard_read((const char *)data, size, &l, &err);
	for (size_t i = 0; i < l.n; i++) {
		if (!l.cards[i].fn || !utf8_valid(l.cards[i].fn, strlen(l.cards[i].fn)))
			abort();
		round_trip(&l.cards[i]);
	}
	vcard_list_release(&l);
	return 0;
}
