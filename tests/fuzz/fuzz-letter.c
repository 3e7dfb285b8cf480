/*
 * fuzz-letter.c: libFuzzer target for letter templates (make fuzz): the
 * check, rendering with every field known and with none, and the rendered
 * letter as an e-mail file (headers, quoted-printable bodies).
 *
 * Beyond not crashing: check and render agree, a subject is one line, a body
 * ends with exactly one '\n', and no e-mail header line is longer than 998
 * octets or holds a bare CR or LF.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/eml.h"
#include "method/letter.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_eml(const struct strbuf *sb)
{
	const char *p = sb->buf, *end = sb->buf + sb->len;
	/* the header block ends at the first empty line */
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol || eol == p || eol[-1] != '\r' || eol - p > 1000 ||
		    memchr(p, '\r', (size_t)(eol - 1 - p)))
			abort();
		if (eol - p == 1)
			break;
		p = eol + 1;
	}
}

static void render(const char *text, const struct letter_fields *f, int checked)
{
	static const struct datetime when = { 2026, 3, 2, 9, 0, 0, true };
	struct letter l = { 0 };
	struct error err = ERROR_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	if ((letter_render("fuzz.txt", text, f, &l, &err) == 0) != (checked == 0))
		abort();
	if (checked)
		return;
	n = strlen(l.body);
	if (strchr(l.subject, '\n') || !n || l.body[n - 1] != '\n' || (n > 1 && l.body[n - 2] == '\n'))
		abort();
	struct eml_message m = { .from_name = f ? f->me : NULL,
				 .from_addr = "me@example.org",
				 .to_name = f ? f->person : NULL,
				 .to_addr = "ada@example.org",
				 .subject = l.subject,
				 .body = l.body,
				 .date = &when,
				 .message_id = "x@rapport" };
	if (!eml_build(&m, &sb, &err))
		check_eml(&sb);
	strbuf_release(&sb);
	letter_release(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct letter_fields full = {
		.person = "Hiring Manager",
		.title = "Chief Engineer",
		.org = "Acme Analytics Ltd",
		.opp = "Senior Engineer",
		.me = "Émile Zola",
		.signature = "Émile\n-- \nhttps://example.org",
		.date = "2026-03-02",
		.done = "- Read a book\n- Take a class\n",
	};
	static const struct letter_fields blank = { .person = " ", .org = "", .me = "\t" };
	struct error err = ERROR_INIT;
	/* a template is text: a NUL byte ends it, as in a C string */
	char *text = xstrndup((const char *)data, size);
	int checked = letter_check("fuzz.txt", text, &err);

	render(text, &full, checked);
	render(text, &blank, checked);
	render(text, NULL, checked);
	free(text);
	return 0;
}
