/*
 * fuzz-mail.c: libFuzzer target for what rapport does with a message
 * (make fuzz): its headers and text read (io/mail_parse.h, with GMime), and
 * what becomes of them on the way to the store: the excerpt, HTML as text,
 * the cleaning that makes a summary and notes.
 *
 * Beyond not crashing: a message read has an id and a lower-case sender
 * with an @; its excerpt is valid UTF-8 of at most MAIL_EXCERPT_CHARS
 * characters (and an ellipsis); what mail_clean_text gives passes the
 * store's own check (text_check) for a summary and for notes. An id (its
 * own, or one of its thread) read as a drafted letter's (io/eml.h) names a
 * task above 0 and a 14-digit stamp, and the draft's id made from those is
 * read back as the same.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "io/eml.h"
#include "io/mail_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* What the store would be given from text: it must take it. */
static void check_clean(const char *text)
{
	struct error err = ERROR_INIT;
	char *line = mail_clean_text(text, true, TEXT_LINE_MAX);
	char *note = mail_clean_text(text, false, TEXT_NOTE_MAX);

	if ((*line && text_check("summary", line, TEXT_ONE_LINE, &err)) ||
	    text_check("notes", note, 0, &err))
		abort();
	free(line);
	free(note);
}

static void check_draft_id(const char *id)
{
	char stamp[EML_STAMP_SIZE], again[EML_STAMP_SIZE];
	int64_t task, task_again;
	struct strbuf made = STRBUF_INIT;

	if (!eml_draft_message_task(id, &task, stamp))
		return;
	if (task <= 0 || strspn(stamp, "0123456789") != EML_STAMP_SIZE - 1 ||
	    eml_draft_message_id(&made, stamp, task, id) ||
	    !eml_draft_message_task(made.buf, &task_again, again) || task_again != task ||
	    strcmp(again, stamp))
		abort();
	strbuf_release(&made);
}

static void check_message(const char *raw, size_t len)
{
	struct error err = ERROR_INIT;
	struct mail_msg m;

	if (mail_parse_headers(raw, len, &m, &err))
		return;
	if (!m.message_id || !*m.message_id || !m.from || !strchr(m.from, '@'))
		abort();
	for (const char *p = m.from; *p; p++)
		if (isupper((unsigned char)*p))
			abort();
	check_clean(m.subject);
	check_draft_id(m.message_id);
	for (size_t i = 0; i < m.refs.n; i++)
		check_draft_id(m.refs.items[i]);
	if (!mail_parse_body(raw, len, &m, true, &err)) {
		size_t n = strlen(m.excerpt);
		if (!utf8_valid(m.excerpt, n) || utf8_chars(m.excerpt) > MAIL_EXCERPT_CHARS + 1)
			abort();
		check_clean(m.text);
	}
	mail_msg_release(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	char *html, *excerpt;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	check_message(text, size);
	html = mail_html_to_text(text);
	excerpt = mail_excerpt(html, MAIL_EXCERPT_CHARS);
	check_clean(excerpt);
	(void)mail_subject_automatic(text);
	(void)mail_header_end(text, size);
	free(html);
	free(excerpt);
	free(text);
	return 0;
}
