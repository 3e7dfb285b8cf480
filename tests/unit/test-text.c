/* test-text.c: field checks, numbers, slugs and UTF-8 validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/model.h"
#include "core/text.h"

static void assert_slug(const char *input, const char *expected)
{
	struct strbuf sb = STRBUF_INIT;

	slug_append(&sb, input);
	assert_string_equal(sb.buf, expected);
	strbuf_release(&sb);
}

static void test_slug_from_words(void **state)
{
	(void)state;
	assert_slug("Acme Analytics", "acme-analytics");
	assert_slug("  Head of Data -- Platform!  ", "head-of-data-platform");
	assert_slug("Société Générale", "societe-generale");
	assert_slug("Müller & Söhne GmbH", "muller-sohne-gmbh");
	assert_slug("R&D / QA", "r-d-qa");
	assert_slug("東京", "");
	assert_slug("", "");
}

static void test_slug_check(void **state)
{
	(void)state;
	assert_int_equal(slug_check("acme-lead", NULL), 0);
	assert_int_equal(slug_check("a1", NULL), 0);
	assert_int_equal(slug_check("123", NULL), ERR_INVALID);
	assert_int_equal(slug_check("Acme", NULL), ERR_INVALID);
	assert_int_equal(slug_check("-acme", NULL), ERR_INVALID);
	assert_int_equal(slug_check("acme-", NULL), ERR_INVALID);
	assert_int_equal(slug_check("ac--me", NULL), ERR_INVALID);
	assert_int_equal(slug_check("ac me", NULL), ERR_INVALID);
	assert_int_equal(slug_check("", NULL), ERR_INVALID);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_true(utf8_valid("plain", 5));
	assert_true(utf8_valid("caf\xc3\xa9", 5));
	assert_true(utf8_valid("\xe6\x9d\xb1", 3));
	assert_true(utf8_valid("\xf0\x9f\x99\x82", 4));
	assert_false(utf8_valid("\xc3", 1));            /* truncated */
	assert_false(utf8_valid("\xc0\xaf", 2));        /* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3));    /* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4)); /* past U+10FFFF */
	assert_false(utf8_valid("\xff", 1));
}

static void test_text_check(void **state)
{
	struct error err = ERROR_INIT;
	char *big = malloc(TEXT_LINE_MAX + 2);

	(void)state;
	assert_int_equal(text_check("name", "Analyst", TEXT_REQUIRED | TEXT_ONE_LINE, &err), 0);
	assert_int_equal(text_check("name", "   ", TEXT_REQUIRED, &err), ERR_INVALID);
	assert_string_equal(err.msg, "name must not be empty");
	assert_int_equal(text_check("name", NULL, TEXT_REQUIRED, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", NULL, 0, &err), 0);
	assert_int_equal(text_check("name", "a\nb", TEXT_ONE_LINE, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", "a\nb\tc", 0, &err), 0);
	assert_int_equal(text_check("notes", "a\x01", 0, &err), ERR_INVALID);
	assert_int_equal(text_check("name", "\xff", 0, &err), ERR_INVALID);
	assert_string_equal(err.msg, "name is not valid UTF-8");
	/* invalid UTF-8 is named first, wherever the control character is */
	assert_int_equal(text_check("name", "a\x01 caf\xc3", TEXT_ONE_LINE, &err), ERR_INVALID);
	assert_string_equal(err.msg, "name is not valid UTF-8");
	assert_int_equal(text_check("name", "caf\xc3\xa9\x7f", TEXT_ONE_LINE, &err), ERR_INVALID);
	assert_string_equal(err.msg, "name must be one line without control characters");
	assert_int_equal(text_check("notes", "a\x0b", 0, &err), ERR_INVALID);
	assert_string_equal(err.msg, "notes holds a control character");
	/* tabs and line breaks alone are blank; a non-ASCII letter is not */
	assert_int_equal(text_check("notes", " \t\r\n", TEXT_REQUIRED, &err), ERR_INVALID);
	assert_string_equal(err.msg, "notes must not be empty");
	assert_int_equal(text_check("name", "\xc3\xa9", TEXT_REQUIRED, &err), 0);
	/* C1 controls (U+009B is CSI) in any field, ESC and a lone CR in a
	 * note; CR LF is a line break (a browser's text box sends it) */
	assert_int_equal(text_check("name", "a\xc2\x9b" "31m", TEXT_ONE_LINE, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", "a\xc2\x85" "b", 0, &err), ERR_INVALID);
	assert_string_equal(err.msg, "notes holds a control character");
	assert_int_equal(text_check("name", "\xc2\xa0" "x\xc2\xbf", TEXT_ONE_LINE, &err), 0);
	assert_int_equal(text_check("notes", "a\x1b[2J", 0, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", "spoofed\rreal", 0, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", "ends\r", 0, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", "a\r\nb\n\tc", 0, &err), 0);
	assert_int_equal(text_check("name", "a\r\nb", TEXT_ONE_LINE, &err), ERR_INVALID);
	memset(big, 'x', TEXT_LINE_MAX + 1);
	big[TEXT_LINE_MAX + 1] = '\0';
	assert_int_equal(text_check("name", big, TEXT_ONE_LINE, &err), ERR_INVALID);
	assert_int_equal(text_check("notes", big, 0, &err), 0);
	free(big);
}

/* What is printed from the database: escapes made visible, text kept. */
static void test_printable(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *hostile = "a\x1b]0;t\x07 \xc2\x9b" "2J\x7f\xff\tb\r\nc\rd\xc3\xa9\n";

	(void)state;
	assert_true(text_printable("caf\xc3\xa9\tok\r\n", 8, true));
	assert_false(text_printable("a\tb", 3, false));
	assert_false(text_printable("end\r", 4, true)); /* a lone CR, even at the end */
	assert_false(text_printable(hostile, strlen(hostile), true));
	text_add_printable(&sb, hostile, strlen(hostile), true);
	assert_string_equal(sb.buf, "a\\x1b]0;t\\x07 \\u009b2J\\u007f\\xff\tb\r\nc\\x0dd\xc3\xa9\n");
	strbuf_reset(&sb);
	text_add_printable(&sb, "x\ny", 3, false);
	assert_string_equal(sb.buf, "x\\x0ay");
	strbuf_release(&sb);
}

static void test_numbers_and_addresses(void **state)
{
	struct error err = ERROR_INIT;
	long v;

	(void)state;
	assert_int_equal(text_parse_int("n", "5", 0, 5, &v, &err), 0);
	assert_int_equal(v, 5);
	assert_int_equal(text_parse_int("n", "6", 0, 5, &v, &err), ERR_INVALID);
	assert_int_equal(text_parse_int("n", "-1", 0, 5, &v, &err), ERR_INVALID);
	assert_int_equal(text_parse_int("n", "3x", 0, 5, &v, &err), ERR_INVALID);
	assert_int_equal(text_parse_int("n", "", 0, 5, &v, &err), ERR_INVALID);
	assert_int_equal(text_parse_int("n", " 3", 0, 5, &v, &err), ERR_INVALID);
	assert_int_equal(text_parse_int("n", "99999999999999999999", 0, 5, &v, &err),
			 ERR_INVALID);
	assert_int_equal(text_check_email("contact@example.com", &err), 0);
	assert_int_equal(text_check_email("contact", &err), ERR_INVALID);
	assert_int_equal(text_check_email("a@b@c", &err), ERR_INVALID);
	assert_int_equal(text_check_email("contact@example.com\r\nBcc: x@y", &err), ERR_INVALID);
	assert_int_equal(text_check_url("url", "https://example.com/in/new-user", &err), 0);
	assert_int_equal(text_check_url("url", "javascript:alert(1)", &err), ERR_INVALID);
}

static void assert_fold(const char *input, const char *expected)
{
	char *folded = text_fold(input);

	assert_string_equal(folded, expected);
	free(folded);
}

static void test_thousands(void **state)
{
	char buf[32];
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(text_thousands(0, buf), "0");
	assert_string_equal(text_thousands(999, buf), "999");
	assert_string_equal(text_thousands(1000, buf), "1,000");
	assert_string_equal(text_thousands(95000, buf), "95,000");
	assert_string_equal(text_thousands(105000, buf), "105,000");
	assert_string_equal(text_thousands(1234567, buf), "1,234,567");
	assert_string_equal(text_thousands(-5000, buf), "-5,000");
	assert_string_equal(text_thousands(-999, buf), "-999");
	assert_string_equal(text_thousands(INT64_MAX, buf), "9,223,372,036,854,775,807");
	assert_string_equal(text_thousands(INT64_MIN, buf), "-9,223,372,036,854,775,808");
	text_add_thousands(&sb, 97500);
	assert_string_equal(sb.buf, "97,500");
	strbuf_release(&sb);
}

static void test_fold(void **state)
{
	(void)state;
	assert_fold("Analyst EXAMPLE", "analyst example");
	assert_fold("\xc3\x85gren-\xc5\x81ukasiewicz", "\xc3\xa5gren-\xc5\x82ukasiewicz");
	assert_fold("\xd0\x94\xd0\xb0\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5", "\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5");
	assert_fold("\xce\x9a\xce\xbf", "\xce\xba\xce\xbf");
	assert_fold("\xe6\x9d\xb1\xe4\xba\xac", "\xe6\x9d\xb1\xe4\xba\xac");
	assert_fold("", "");
	/* U+023A (2 bytes) folds to U+2C65 (3 bytes) */
	assert_fold("\xc8\xba\xc8\xba\xc8\xba", "\xe2\xb1\xa5\xe2\xb1\xa5\xe2\xb1\xa5");
	/* not UTF-8: ASCII letters folded, other bytes kept */
	assert_fold("AB\xff\xc3", "ab\xff\xc3");
}

static void expect_ascii(const char *in, const char *want)
{
	char *got = text_fold_ascii(in);

	assert_string_equal(got, want);
	free(got);
}

static void test_fold_ascii(void **state)
{
	(void)state;
	expect_ascii("Fernández", "fernandez");
	expect_ascii("ZOË ÅNGSTRÖM", "zoe angstrom");
	expect_ascii("Société Générale", "societe generale");
	expect_ascii("Straße", "strasse");
	expect_ascii("Œuvre Æther", "oeuvre aether");
	expect_ascii("Łódź Dvořák Şahin", "lodz dvorak sahin");
	expect_ascii("Ñandú Çelik Þór", "nandu celik thor");
	/* decomposed: e + combining acute */
	expect_ascii("Jose\xcc\x81", "jose");
	/* what has no ASCII letter stays as text_fold makes it */
	expect_ascii("東京 Ωmega", "東京 ωmega");
	expect_ascii("1 ÷ 2", "1 ÷ 2");
	expect_ascii("", "");
}

static void test_person_validate(void **state)
{
	char analyst[] = "Analyst", empty[] = "";
	struct person p = { .name = analyst, .rapport = -1, .cadence = -1 };
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(person_validate(&p, &err), 0);
	p.rapport = 6;
	assert_int_equal(person_validate(&p, &err), ERR_INVALID);
	p.rapport = 5;
	p.cadence = 0;
	assert_int_equal(person_validate(&p, &err), ERR_INVALID);
	p.cadence = 30;
	p.name = empty;
	assert_int_equal(person_validate(&p, &err), ERR_INVALID);
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(text_distance("person", "person", 2), 0);
	assert_int_equal(text_distance("persn", "person", 2), 1);     /* a letter left out */
	assert_int_equal(text_distance("interveiw", "interview", 2), 1); /* two swapped */
	assert_int_equal(text_distance("tga", "tag", 2), 1);
	assert_int_equal(text_distance("cal", "call", 2), 1);
	assert_int_equal(text_distance("kitten", "sitting", 5), 3);
	/* past the limit, the answer is limit + 1 however far */
	assert_int_equal(text_distance("agenda", "x", 2), 3);
	assert_int_equal(text_distance("", "abc", 1), 2);
}

static void assert_suggests(const char *typo, const char *expected)
{
	static const char *const words[] = { "person", "opp", "org", "log", "task", "agenda",
					     "export", "import", "undo" };
	struct strbuf sb = STRBUF_INIT;

	text_suggest(&sb, typo, words, ARRAY_SIZE(words));
	assert_string_equal(sb.buf, expected);
	strbuf_release(&sb);
}

static void test_suggest(void **state)
{
	(void)state;
	assert_suggests("persn", "; did you mean 'person'?");
	assert_suggests("pers", "; did you mean 'person'?"); /* a prefix */
	assert_suggests("agneda", "; did you mean 'agenda'?");
	assert_suggests("og", "; did you mean 'org' or 'log'?"); /* one edit each */
	assert_suggests("exprot", "; did you mean 'export'?");
	assert_suggests("zzzzzz", "");
	assert_suggests("", "");
}

static void assert_tidy(const char *in, const char *expected)
{
	char *field = in ? xstrdup(in) : NULL;

	text_tidy(&field);
	if (expected)
		assert_string_equal(field, expected);
	else
		assert_null(field);
	free(field);
}

static void test_tidy(void **state)
{
	(void)state;
	assert_tidy("  Acme  ", "Acme");
	assert_tidy("Acme", "Acme");
	assert_tidy("\tHead of Data\n", "Head of Data");
	assert_tidy("Data  Lead", "Data  Lead"); /* only around the text */
	assert_tidy("   ", NULL);
	assert_tidy("", NULL);
	assert_tidy(NULL, NULL);
}

static void test_bidi_controls(void **state)
{
	struct error err = ERROR_INIT;

	(void)state;
	/* U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LEFT-TO-RIGHT ISOLATE: refused */
	assert_int_equal(text_check("name", "Acme\xe2\x80\xae", TEXT_ONE_LINE, &err),
			 ERR_INVALID);
	assert_non_null(strstr(err.msg, "U+202E"));
	assert_int_equal(text_check("notes", "a\xe2\x81\xa6" "b", 0, NULL), ERR_INVALID);
	/* right-to-left text itself, and U+200F RIGHT-TO-LEFT MARK, are fine */
	assert_int_equal(text_check("name", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", TEXT_ONE_LINE,
				    NULL), 0);
	assert_int_equal(text_check("name", "a\xe2\x80\x8f", TEXT_ONE_LINE, NULL), 0);
	/* printed from an older database: made visible */
	assert_false(text_printable("x\xe2\x80\xae" "y", 5, false));
	{
		struct strbuf sb = STRBUF_INIT;
		text_add_printable(&sb, "x\xe2\x80\xae" "y", 5, false);
		assert_string_equal(sb.buf, "x\\u202ey");
		strbuf_release(&sb);
	}
}

/* Windows-1252 to UTF-8, shared by the CSV and vCard readers. */
static void test_cp1252(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char in[] = { 'A', 0x80, 0x81, 0x9F, 0xA0, 0xE9, 0xFF };

	(void)state;
	for (size_t i = 0; i < sizeof(in); i++)
		text_add_cp1252(&sb, in[i]);
	/* A, euro sign, U+0081 (unassigned: kept), Y diaeresis, NBSP, e acute, y diaeresis */
	assert_string_equal(sb.buf, "A\xe2\x82\xac\xc2\x81\xc5\xb8\xc2\xa0\xc3\xa9\xc3\xbf");
	strbuf_release(&sb);
}

static void test_hex_digit(void **state)
{
	(void)state;
	assert_int_equal(text_hex_digit('0'), 0);
	assert_int_equal(text_hex_digit('9'), 9);
	assert_int_equal(text_hex_digit('a'), 10);
	assert_int_equal(text_hex_digit('F'), 15);
	assert_int_equal(text_hex_digit('g'), -1);
	assert_int_equal(text_hex_digit('/'), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slug_from_words),
		cmocka_unit_test(test_slug_check),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_numbers_and_addresses),
		cmocka_unit_test(test_thousands),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_person_validate),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_tidy),
		cmocka_unit_test(test_bidi_controls),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_hex_digit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
