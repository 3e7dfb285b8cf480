/* import_vcard.c: an address book's vCards, a person per card. */
#include "method/import_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/parse.h"
#include "io/vcard.h"
#include "store/upsert.h"

/* ---- vCards ---- */

static const struct vcard_value *preferred(const struct vcard_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].pref)
			return &v[i];
	return n ? &v[0] : NULL;
}

static int vcard_one(struct import *im, const struct vcard *c, struct error *err)
{
	struct person_in in = { .line = c->line };
	const struct vcard_value *email = preferred(c->emails, c->nemails);
	const struct vcard_value *phone = preferred(c->phones, c->nphones);
	int rc = 0;

	in.name = parse_one_line(c->fn);
	if (!in.name && (c->given || c->family)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s %s", c->given ? c->given : "", c->family ? c->family : "");
		in.name = parse_one_line(sb.buf);
		strbuf_release(&sb);
	}
	if (!in.name) {
		import_skip(im, c->line, "a card without a name (FN and N are empty)");
		return 0;
	}
	in.org = parse_one_line(c->org);
	in.title = parse_one_line(c->title);
	in.email = email ? parse_one_line(email->value) : NULL;
	in.phone = phone ? parse_one_line(phone->value) : NULL;
	if (c->url && strcasestr(c->url, "linkedin.com/"))
		in.linkedin = parse_one_line(c->url);
	in.notes = parse_note(c->note);
	in.uid = parse_one_line(c->uid);
	if (in.uid && strlen(in.uid) > 255) {
		import_warn(im, c->line, "its UID is longer than 255 characters: left out");
		free(in.uid);
		in.uid = NULL;
	}
	import_drop_bad_contact(im, &in, "EMAIL", "URL");
	rc = import_apply_person(im, &in, err);
	import_person_release(&in);
	return rc;
}

static int cmp_note(const void *a, const void *b)
{
	const struct import_note *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

static int import_vcard_text(struct import *im, const char *data, size_t len, struct error *err)
{
	struct vcard_list l = { 0 };
	int rc;

	if (!len)
		return error_set(err, ERR_INVALID, "%s: the file is empty: nothing to import",
				 im->sum->file);
	im->sum->encoding = "UTF-8";
	if (vcard_read(data, len, &l, err)) {
		vcard_list_release(&l);
		return error_in_file(err, ERR_INVALID, im->sum->file);
	}
	for (size_t i = 0; i < l.nskips; i++)
		import_skip(im, l.skips[i].line, "%s", l.skips[i].reason);
	im->sum->rows = (long)(l.n + l.nskips);
	rc = 0;
	for (size_t i = 0; i < l.n && !rc; i++) {
		if (im->o->progress)
			im->o->progress(im->o->progress_ctx, (double)(i + 1) / (double)l.n,
					(long)i + 1);
		rc = vcard_one(im, &l.cards[i], err);
	}
	if (!rc && !im->sum->rows)
		rc = error_set(err, ERR_INVALID, "%s: no vCard in the file: nothing to import",
			       im->sum->file);
	if (im->sum->skipped.n)
		qsort(im->sum->skipped.items, im->sum->skipped.n, sizeof(struct import_note),
		      cmp_note);
	vcard_list_release(&l);
	return rc;
}

static bool looks_like(const char *text, size_t len)
{
	return len >= 11 && !strncasecmp(text, "BEGIN:VCARD", 11);
}

const struct import_format import_vcards = {
	.what = "vCards",
	.records = "people",
	.store_as = UPSERT_PEOPLE,
	.looks_like = looks_like,
	.use = "this looks like an address book's vCards: use `rapport import vcard FILE`",
	.refuses = 1u << IMPORT_LINKEDIN | 1u << IMPORT_CSV,
	.read = import_vcard_text,
};
