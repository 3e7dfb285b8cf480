/* test-mail-parse.c: reading a message (io/mail_parse.h): headers first,
 * RFC 2047 subjects in other charsets, a missing Message-ID, automatic
 * mail, the text and its excerpt, HTML as text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/text.h"
#include "io/mail_parse.h"

static void parse(const char *raw, struct mail_msg *m)
{
	struct error err = ERROR_INIT;

	assert_int_equal(mail_parse_headers(raw, strlen(raw), m, &err), 0);
}

static void test_headers(void **state)
{
	static const char raw[] =
		"From: Hiring Manager <HM@Quartz.Example.COM>\r\n"
		"To: me@example.org, \"Data Recruiter\" <recruiter@example.com>\r\n"
		"Cc: Team: peer@example.com, lead@example.com;\r\n"
		"Date: Tue, 03 Mar 2026 14:05:00 +0100\r\n"
		"Subject: Re: Next steps\r\n"
		"Message-ID: <abc.123@quartz.example.com>\r\n"
		"In-Reply-To: <first@example.org>\r\n"
		"References: <zero@example.org> <first@example.org>\r\n"
		"\r\n"
		"Thanks for your time.\r\n";
	struct mail_msg m;

	(void)state;
	parse(raw, &m);
	assert_string_equal(m.message_id, "abc.123@quartz.example.com");
	assert_string_equal(m.from, "hm@quartz.example.com");
	assert_int_equal(m.to.n, 4);
	assert_string_equal(m.to.items[1], "recruiter@example.com");
	assert_string_equal(m.to.items[3], "lead@example.com");
	assert_string_equal(m.date, "2026-03-03T14:05:00+01:00");
	assert_string_equal(m.subject, "Re: Next steps");
	assert_int_equal(m.refs.n, 3);
	assert_string_equal(m.refs.items[0], "first@example.org");
	assert_false(m.automatic);
	assert_null(m.excerpt); /* headers only: the body is not read */
	mail_msg_release(&m);
}

static void test_latin1_subject_and_body(void **state)
{
	static const char raw[] =
		"From: recruiter@example.com\n"
		"Subject: =?ISO-8859-1?Q?R=E9ponse_=E0_votre_candidature?=\n"
		"Content-Type: text/plain; charset=ISO-8859-1\n"
		"Content-Transfer-Encoding: 8bit\n"
		"\n"
		"Merci, nous vous r\xe9pondrons.\n";
	struct error err = ERROR_INIT;
	struct mail_msg m;

	(void)state;
	parse(raw, &m);
	assert_string_equal(m.subject, "Réponse à votre candidature");
	assert_int_equal(mail_parse_body(raw, strlen(raw), &m, true, &err), 0);
	assert_string_equal(m.excerpt, "Merci, nous vous répondrons.");
	assert_string_equal(m.text, "Merci, nous vous répondrons.");
	mail_msg_release(&m);
}

/* The same message kept in two mailboxes (one adds a Status: header) has
 * one id when it has no Message-ID. */
static void test_missing_message_id(void **state)
{
	static const char a[] = "From: hm@example.com\nDate: Tue, 03 Mar 2026 14:05:00 +0000\n"
				"Subject: Hello\n\nHi\n";
	static const char b[] = "From: hm@example.com\nDate: Tue, 03 Mar 2026 14:05:00 +0000\n"
				"Subject: Hello\nStatus: RO\n\nHi\n";
	struct mail_msg ma, mb;

	(void)state;
	parse(a, &ma);
	parse(b, &mb);
	assert_memory_equal(ma.message_id, "sha256:", 7);
	assert_int_equal(strlen(ma.message_id), 7 + 64);
	assert_string_equal(ma.message_id, mb.message_id);
	mail_msg_release(&ma);
	mail_msg_release(&mb);
}

static void test_automatic(void **state)
{
	static const char *const raws[] = {
		"From: a@example.com\nAuto-Submitted: auto-replied\n\n",
		"From: a@example.com\nPrecedence: bulk\n\n",
		"From: a@example.com\nList-Unsubscribe: <mailto:x@example.com>\n\n",
		"From: a@example.com\nSubject: Automatic reply: Next steps\n\n",
		"From: a@example.com\nSubject: =?UTF-8?Q?R=C3=A9ponse_automatique?=\n\n",
	};
	struct mail_msg m;

	(void)state;
	for (size_t i = 0; i < sizeof(raws) / sizeof(raws[0]); i++) {
		parse(raws[i], &m);
		assert_true(m.automatic);
		mail_msg_release(&m);
	}
	parse("From: a@example.com\nAuto-Submitted: no\nSubject: Office hours\n\n", &m);
	assert_false(m.automatic);
	mail_msg_release(&m);
}

static void test_not_a_message(void **state)
{
	static const char *const raws[] = {
		"", "no header here", "Subject: no sender\n\nbody\n", "\n\nbody only\n",
	};
	struct error err = ERROR_INIT;
	struct mail_msg m;

	(void)state;
	for (size_t i = 0; i < sizeof(raws) / sizeof(raws[0]); i++) {
		assert_int_equal(mail_parse_headers(raws[i], strlen(raws[i]), &m, &err),
				 ERR_INVALID);
		assert_null(m.message_id);
	}
}

/* An HTML-only message: its text without markup, scripts or styles. */
static void test_html_body(void **state)
{
	static const char raw[] =
		"From: hm@example.com\n"
		"Content-Type: multipart/alternative; boundary=\"b\"\n\n"
		"--b\nContent-Type: text/html; charset=UTF-8\n\n"
		"<html><head><style>p{color:red}</style></head><body>"
		"<p>We&#39;d like to meet &amp; talk.</p><script>alert(1)</script>"
		"<p>Best</p></body></html>\n--b--\n";
	struct error err = ERROR_INIT;
	struct mail_msg m;

	(void)state;
	parse(raw, &m);
	assert_int_equal(mail_parse_body(raw, strlen(raw), &m, false, &err), 0);
	assert_string_equal(m.excerpt, "We'd like to meet & talk.\n\nBest");
	assert_null(m.text);
	mail_msg_release(&m);
}

/* Broken MIME (a multipart whose boundary never comes) still has headers,
 * and its text is what comes before the boundary that never does. */
static void test_broken_mime(void **state)
{
	static const char raw[] = "From: hm@example.com\nSubject: Offer\n"
				  "Content-Type: multipart/mixed; boundary=\"never\"\n\n"
				  "just \xe2\x80\xaetext\x1b\n"; /* made valid as any text (fuzz-mail) */
	struct error err = ERROR_INIT;
	struct mail_msg m;

	(void)state;
	parse(raw, &m);
	assert_string_equal(m.subject, "Offer");
	assert_int_equal(mail_parse_body(raw, strlen(raw), &m, false, &err), 0);
	assert_string_equal(m.excerpt, "just text");
	mail_msg_release(&m);
}

/* A part that says UTF-8 and is not (found by fuzz-mail): its text is
 * valid UTF-8 all the same (GMime drops a stray byte, or passes it on,
 * which is then read as windows-1252), without control characters. */
static void test_text_not_utf8(void **state)
{
	static const char raw[] = "From: hm@example.com\n"
				  "Content-Type: text/plain; charset=UTF-8\n\n"
				  "caf\xc3\xa9 and \xb5s\x1b[2J\n";
	struct error err = ERROR_INIT;
	struct mail_msg m;

	(void)state;
	parse(raw, &m);
	assert_int_equal(mail_parse_body(raw, strlen(raw), &m, true, &err), 0);
	assert_true(utf8_valid(m.text, strlen(m.text)));
	assert_memory_equal(m.text, "café and ", strlen("café and "));
	assert_null(strchr(m.text, '\x1b'));
	assert_string_equal(m.excerpt, m.text);
	mail_msg_release(&m);
}

/* A byte windows-1252 leaves unassigned (0x8F) becomes a space, not the
 * C1 control that reading it as windows-1252 gives (found by fuzz-mail). */
static void test_clean_text(void **state)
{
	char *s;

	(void)state;
	s = mail_clean_text("Recr\x8f\x96iter\x1b[1m\n\tnext \xe2\x80\xaeline", true, 1000);
	assert_string_equal(s, "Recr –iter [1m  next line");
	free(s);
	s = mail_clean_text("one\r\ntwo\tthree", false, 1000);
	assert_string_equal(s, "one\ntwo\tthree");
	free(s);
	s = mail_clean_text("ééé", true, 3); /* whole characters */
	assert_string_equal(s, "é");
	free(s);
}

static void test_excerpt(void **state)
{
	char long_text[2000], *e;

	(void)state;
	e = mail_excerpt("Yes, Tuesday works.\n\n\n\nOn Monday you wrote:\n> Does Tuesday work?\n", 500);
	assert_string_equal(e, "Yes, Tuesday works."); /* the quote and what introduces it */
	free(e);
	memset(long_text, 'a', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	e = mail_excerpt(long_text, 500);
	assert_int_equal(strlen(e), 500 + strlen("…"));
	free(e);
	e = mail_excerpt("ééé", 2); /* whole characters */
	assert_string_equal(e, "éé…");
	free(e);
}

static void test_header_end(void **state)
{
	(void)state;
	assert_int_equal(mail_header_end("A: b\n\nbody", 10), 6);
	assert_int_equal(mail_header_end("A: b\r\n\r\nbody", 12), 8);
	assert_int_equal(mail_header_end("A: b\nC: d\n", 10), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_latin1_subject_and_body),
		cmocka_unit_test(test_missing_message_id),
		cmocka_unit_test(test_automatic),
		cmocka_unit_test(test_not_a_message),
		cmocka_unit_test(test_html_body),
		cmocka_unit_test(test_broken_mime),
		cmocka_unit_test(test_text_not_utf8),
		cmocka_unit_test(test_clean_text),
		cmocka_unit_test(test_excerpt),
		cmocka_unit_test(test_header_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
