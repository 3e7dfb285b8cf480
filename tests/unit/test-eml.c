/* test-eml.c: e-mail files (RFC 2047 headers, folding, header injection) and mailto: URLs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "io/eml.h"
#include "util/strbuf.h"

static const struct datetime monday = { 2026, 3, 2, 9, 5, 7, true };

static int b64_value(char c)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = strchr(digits, c);
	return c && p ? (int)(p - digits) : -1;
}

static void b64_decode(struct strbuf *out, const char *s, size_t len)
{
	unsigned long v = 0;
	int bits = 0;

	for (size_t i = 0; i < len && s[i] != '='; i++) {
		int d = b64_value(s[i]);
		assert_true(d >= 0);
		v = (v << 6) | (unsigned long)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			strbuf_addch(out, (int)((v >> bits) & 0xFF));
		}
	}
}

/* An unfolded header value, its encoded-words decoded, the space between two
 * encoded-words dropped (RFC 2047 6.2). */
static void decode_value(struct strbuf *out, const char *v)
{
	struct strbuf unfolded = STRBUF_INIT;
	const char *p;
	bool after_word = false;

	for (p = v; *p; p++)
		if (*p != '\r' && *p != '\n')
			strbuf_addch(&unfolded, *p);
	for (p = unfolded.buf; *p;) {
		size_t sp = strspn(p, " ");
		if (!strncmp(p + sp, "=?UTF-8?B?", 10)) {
			const char *end = strstr(p + sp + 10, "?=");
			assert_non_null(end);
			assert_true(end + 2 - (p + sp) <= 75);
			if (!after_word)
				strbuf_add(out, p, sp);
			b64_decode(out, p + sp + 10, (size_t)(end - (p + sp + 10)));
			p = end + 2;
			after_word = true;
		} else {
			strbuf_add(out, p, sp + (p[sp] != '\0'));
			p += sp + (p[sp] != '\0');
			after_word = false;
		}
	}
	strbuf_release(&unfolded);
}

/* Every line at most 78 columns, ending in CRLF; a line that starts with a
 * space continues a header; no line starts with "Bcc". */
static void assert_header_lines(const char *h)
{
	for (const char *p = h; *p;) {
		const char *eol = strstr(p, "\r\n");
		assert_non_null(eol);
		assert_true(eol - p <= 78);
		assert_true(strncasecmp(p, "Bcc", 3) != 0);
		assert_null(memchr(p, '\n', (size_t)(eol - p)));
		assert_null(memchr(p, '\r', (size_t)(eol - p)));
		p = eol + 2;
	}
}

static void test_subject_plain_and_folded(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	eml_header_text(&sb, "Subject", "Thank you for our conversation");
	assert_string_equal(sb.buf, "Subject: Thank you for our conversation\r\n");
	strbuf_reset(&sb);
	eml_header_text(&sb, "Subject",
			"A rather long subject line that goes on and on about the role, the"
			" team and the many things we talked about");
	assert_header_lines(sb.buf);
	assert_non_null(strstr(sb.buf, "\r\n "));
	strbuf_release(&sb);
}

static void test_subject_encoded(void **state)
{
	struct strbuf sb = STRBUF_INIT, dec = STRBUF_INIT;
	const char *long_subject = "Über die Stelle: Grüße an das ganze Team in Köln, München "
				   "und Zürich — ça été un plaisir, Référente";

	(void)state;
	eml_header_text(&sb, "Subject", "Merci, Référente");
	assert_string_equal(sb.buf, "Subject: =?UTF-8?B?TWVyY2ksIFLDqWbDqXJlbnRl?=\r\n");
	strbuf_reset(&sb);
	eml_header_text(&sb, "Subject", long_subject);
	assert_header_lines(sb.buf);
	decode_value(&dec, sb.buf + strlen("Subject: "));
	assert_string_equal(dec.buf, long_subject);
	/* text that looks like an encoded-word is encoded itself */
	strbuf_reset(&sb);
	strbuf_reset(&dec);
	eml_header_text(&sb, "Subject", "about =?UTF-8?B?eA==?= tricks");
	decode_value(&dec, sb.buf + strlen("Subject: "));
	assert_string_equal(dec.buf, "about =?UTF-8?B?eA==?= tricks");
	strbuf_release(&sb);
	strbuf_release(&dec);
}

static void test_address_display_names(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(eml_header_address(&sb, "To", "A New User", "newuser@example.org", &err), 0);
	assert_string_equal(sb.buf, "To: A New User <newuser@example.org>\r\n");
	strbuf_reset(&sb);
	assert_int_equal(eml_header_address(&sb, "To", "Référente Données", "referente@example.com", &err), 0);
	assert_string_equal(sb.buf, "To: =?UTF-8?B?UsOpZsOpcmVudGUgRG9ubsOpZXM=?= <referente@example.com>\r\n");
	strbuf_reset(&sb);
	assert_int_equal(eml_header_address(&sb, "To", "A. \"Quoted\" O'Team", "quoted@example.com", &err),
			 0);
	assert_string_equal(sb.buf, "To: \"A. \\\"Quoted\\\" O'Team\" <quoted@example.com>\r\n");
	strbuf_reset(&sb);
	assert_int_equal(eml_header_address(&sb, "From", NULL, "me@example.com", &err), 0);
	assert_string_equal(sb.buf, "From: me@example.com\r\n");
	strbuf_release(&sb);
}

static void test_long_display_name(void **state)
{
	const char *name = "Ångström-Überlänge Référente de la Équipe-Ødegård Ñandú Façade Über";
	struct strbuf sb = STRBUF_INIT, dec = STRBUF_INIT;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(eml_header_address(&sb, "From", name, "me@example.com", &err), 0);
	assert_header_lines(sb.buf);
	decode_value(&dec, sb.buf + strlen("From:"));
	assert_string_equal(dec.buf, " Ångström-Überlänge Référente de la Équipe-Ødegård Ñandú Façade"
				     " Über <me@example.com>");
	strbuf_release(&sb);
	strbuf_release(&dec);
}

/* Each encoded-word of a header, decoded on its own. */
static size_t split_words(const char *h, struct strbuf *words, size_t max)
{
	size_t n = 0;

	for (const char *p = strstr(h, "=?UTF-8?B?"); p && n < max; p = strstr(p, "=?UTF-8?B?")) {
		const char *end = strstr(p + 10, "?=");
		assert_non_null(end);
		strbuf_reset(&words[n]);
		b64_decode(&words[n++], p + 10, (size_t)(end - (p + 10)));
		p = end + 2;
	}
	return n;
}

static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

/* A phrase of non-ASCII words breaks between words, whatever column it starts
 * at: readers that keep the space between encoded-words (Python's) then read
 * no space inside a word. */
static void test_display_name_breaks_between_words(void **state)
{
	const char *syllables[] = { "Ø", "lé", "ñá", "ü", "ström", "gård", "çé" };
	struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT, words[32];
	struct error err = ERROR_INIT;
	unsigned seed = 7;

	(void)state;
	for (size_t i = 0; i < 32; i++)
		strbuf_init(&words[i]);
	for (int round = 0; round < 200; round++) {
		strbuf_reset(&name);
		for (int w = 0; w < 4 + round % 5; w++) {
			if (w)
				strbuf_addch(&name, ' ');
			int len = 1 + (int)(next_random(&seed) % 6);
			for (int k = 0; k < len; k++)
				strbuf_addstr(&name, syllables[next_random(&seed) % 7]);
		}
		strbuf_reset(&sb);
		/* header names of several lengths start the phrase at several columns */
		assert_int_equal(eml_header_address(&sb, round % 2 ? "Reply-To" : "X-A-Long-Header-Name",
						    name.buf, "me@example.com", &err),
				 0);
		assert_header_lines(sb.buf);
		size_t n = split_words(sb.buf, words, 32);
		assert_true(n >= 1);
		for (size_t i = 1; i < n; i++)
			assert_true(words[i].buf[0] == ' ');
	}
	for (size_t i = 0; i < 32; i++)
		strbuf_release(&words[i]);
	strbuf_release(&sb);
	strbuf_release(&name);
}

static void test_header_injection(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(eml_header_address(&sb, "To", "Hostile\r\nBcc: spy@evil.example",
					    "hostile@example.com", &err),
			 0);
	assert_header_lines(sb.buf);
	assert_string_equal(sb.buf, "To: \"Hostile Bcc: spy@evil.example\" <hostile@example.com>\r\n");
	strbuf_reset(&sb);
	eml_header_text(&sb, "Subject", "Hello\r\nBcc: spy@evil.example\n\nbody");
	assert_header_lines(sb.buf);
	assert_string_equal(sb.buf, "Subject: Hello Bcc: spy@evil.example body\r\n");
	strbuf_reset(&sb);
	eml_header_text(&sb, "Subject", "Référente\r\nBcc: spy@evil.example");
	assert_header_lines(sb.buf);
	strbuf_release(&sb);
}

static void test_bad_addresses(void **state)
{
	const char *bad[] = { "a b@c.d", "<x>@y.z", "x@y@z", "@y.z", "x@", "x\r\nBcc: y@z",
			      "zoë@example.com", "a..b@c.d", ".a@b.c", "a@b..c", "a,b@c.d", NULL };
	struct strbuf sb = STRBUF_INIT;
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(eml_check_address("first.last+jobs@mail.example.co.uk", &err), 0);
	for (int i = 0; bad[i]; i++) {
		assert_int_equal(eml_check_address(bad[i], &err), ERR_INVALID);
		assert_int_equal(eml_header_address(&sb, "To", "X", bad[i], &err), ERR_INVALID);
	}
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
}

static void test_date(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct datetime leap = { 2028, 2, 29, 23, 59, 0, true };

	(void)state;
	eml_date(&sb, &monday, 0);
	assert_string_equal(sb.buf, "Mon, 02 Mar 2026 09:05:07 +0000");
	strbuf_reset(&sb);
	eml_date(&sb, &leap, -330);
	assert_string_equal(sb.buf, "Tue, 29 Feb 2028 23:59:00 -0530");
	strbuf_reset(&sb);
	eml_date(&sb, &(struct datetime){ 1969, 12, 31, 0, 0, 0, true }, 60);
	assert_string_equal(sb.buf, "Wed, 31 Dec 1969 00:00:00 +0100");
	strbuf_release(&sb);
}

/* A task's drafts share one Message-ID, which leads back to the task;
 * another user's task of the same number and second has another. */
static void test_message_id(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
	struct error err = ERROR_INIT;
	char stamp[EML_STAMP_SIZE];
	int64_t task = 0;

	(void)state;
	assert_int_equal(eml_draft_message_id(&a, "2026-03-02T09:05:07Z", 42, "me@example.org"), 0);
	assert_int_equal(eml_draft_message_id(&b, "2026-03-02T09:05:07Z", 42, "me@example.org"), 0);
	assert_int_equal(eml_draft_message_id(&c, "2026-03-02T09:05:07Z", 42, "you@example.org"), 0);
	assert_string_equal(a.buf, b.buf);
	assert_true(strcmp(a.buf, c.buf) != 0);
	assert_true(strncmp(a.buf, "20260302090507.42.", 18) == 0);
	assert_non_null(strstr(a.buf, "@rapport.invalid"));
	assert_int_equal(eml_check_address(a.buf, &err), 0);
	assert_true(eml_draft_message_task(a.buf, &task, stamp));
	assert_int_equal(task, 42);
	assert_string_equal(stamp, "20260302090507");
	assert_true(eml_draft_stamp_is("2026-03-02T09:05:07Z", stamp));
	assert_false(eml_draft_stamp_is("2026-03-02T09:05:08Z", stamp));
	assert_false(eml_draft_message_task("abc.123@quartz.example.com", &task, stamp));
	assert_false(eml_draft_message_task("20260302090507.0.0123456789abcdef@rapport.invalid",
					    &task, stamp));
	assert_false(eml_draft_message_task("20260302090507.4.0123456789abcdef@other.example",
					    &task, stamp));
	assert_int_equal(eml_draft_message_id(&a, "", 1, NULL), -1);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&c);
}

static void test_build_message(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct error err = ERROR_INIT;
	struct eml_message m = {
		.from_name = "A New User", .from_addr = "newuser@example.org",
		.to_name = "Référente Données",  .to_addr = "referente@example.com",
		.subject = "Thank you",     .body = "Hello Référente,\n\nThanks.\r\n\nA New User\n",
		.date = &monday,            .message_id = "1.2@rapport.invalid",
	};
	const char *expect = "From: A New User <newuser@example.org>\r\n"
			     "To: =?UTF-8?B?UsOpZsOpcmVudGUgRG9ubsOpZXM=?= <referente@example.com>\r\n"
			     "Subject: Thank you\r\n"
			     "Date: Mon, 02 Mar 2026 09:05:07 +0000\r\n"
			     "Message-ID: <1.2@rapport.invalid>\r\n"
			     "MIME-Version: 1.0\r\n"
			     "Content-Type: text/plain; charset=UTF-8\r\n"
			     "Content-Transfer-Encoding: 8bit\r\n"
			     "X-Unsent: 1\r\n"
			     "\r\n"
			     "Hello Référente,\r\n\r\nThanks.\r\n\r\nA New User\r\n";

	(void)state;
	assert_int_equal(eml_build(&m, &sb, &err), 0);
	assert_string_equal(sb.buf, expect);
	/* no address: no To and no From header */
	strbuf_reset(&sb);
	m.to_addr = m.from_addr = NULL;
	assert_int_equal(eml_build(&m, &sb, &err), 0);
	assert_null(strstr(sb.buf, "To:"));
	assert_null(strstr(sb.buf, "From:"));
	strbuf_release(&sb);
}

static void test_long_body_is_quoted_printable(void **state)
{
	struct strbuf sb = STRBUF_INIT, body = STRBUF_INIT;
	struct error err = ERROR_INIT;
	struct eml_message m = { .subject = "x", .date = &monday };
	const char *p;

	(void)state;
	for (int i = 0; i < 120; i++)
		strbuf_addstr(&body, "naïve = ");
	strbuf_addstr(&body, "end \n");
	m.body = body.buf;
	assert_int_equal(eml_build(&m, &sb, &err), 0);
	assert_non_null(strstr(sb.buf, "Content-Transfer-Encoding: quoted-printable\r\n"));
	p = strstr(sb.buf, "\r\n\r\n") + 4;
	assert_header_lines(p); /* every body line short and CRLF-terminated */
	assert_non_null(strstr(p, "na=C3=AFve =3D "));
	assert_non_null(strstr(p, "end=20\r\n"));
	strbuf_release(&sb);
	strbuf_release(&body);
}

static void test_mailto(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	eml_mailto(&sb, "newuser+jobs@example.org", "Thank you & more?", "Hello Référente,\n\n100% yes.\n");
	assert_string_equal(sb.buf, "mailto:newuser+jobs@example.org?subject=Thank%20you%20%26%20more%3F"
				    "&body=Hello%20R%C3%A9f%C3%A9rente%2C%0D%0A%0D%0A100%25%20yes.");
	strbuf_reset(&sb);
	eml_mailto(&sb, NULL, "Hi", "a\r\nb");
	assert_string_equal(sb.buf, "mailto:?subject=Hi&body=a%0D%0Ab");
	strbuf_reset(&sb);
	eml_mailto(&sb, "odd/addr?x=1#y@example.org", "a+b", "c=d");
	assert_string_equal(sb.buf, "mailto:odd%2Faddr%3Fx%3D1%23y@example.org?subject=a%2Bb"
				    "&body=c%3Dd");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subject_plain_and_folded),
		cmocka_unit_test(test_subject_encoded),
		cmocka_unit_test(test_address_display_names),
		cmocka_unit_test(test_long_display_name),
		cmocka_unit_test(test_display_name_breaks_between_words),
		cmocka_unit_test(test_header_injection),
		cmocka_unit_test(test_bad_addresses),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_message_id),
		cmocka_unit_test(test_build_message),
		cmocka_unit_test(test_long_body_is_quoted_printable),
		cmocka_unit_test(test_mailto),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
