/* test-width.c: the display width of UTF-8 text in a terminal, for tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/strbuf.h"

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("Zoe"), 3);
	assert_int_equal(utf8_width("Zoë"), 3);             /* precomposed */
	assert_int_equal(utf8_width("Zoe\xcc\x88"), 3);     /* e + combining diaeresis */
	assert_int_equal(utf8_width("東京"), 4);            /* wide */
	assert_int_equal(utf8_width("ｱ"), 1);               /* halfwidth katakana */
	assert_int_equal(utf8_width("Ｒ"), 2);              /* fullwidth R */
	assert_int_equal(utf8_width("김민준"), 6);          /* Hangul */
	assert_int_equal(utf8_width("a\xff" "b"), 3);       /* a stray byte: one column */
	assert_int_equal(utf8_width("\xe6\x9d"), 2);        /* a cut sequence: a column a byte */
}

static void test_pad(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addpad(&sb, "東京", 6);
	strbuf_addch(&sb, '|');
	assert_string_equal(sb.buf, "東京  |");
	strbuf_reset(&sb);
	strbuf_addpad(&sb, "José\xcc\x81", 6);
	strbuf_addch(&sb, '|');
	assert_string_equal(sb.buf, "José\xcc\x81  |");
	strbuf_release(&sb);
}

static void test_fit_prefix(void **state)
{
	size_t w;

	(void)state;
	assert_int_equal(utf8_fit_prefix("東京タワー", 5, &w), 6); /* two wide, not half a third */
	assert_int_equal(w, 4);
	assert_int_equal(utf8_fit_prefix("Zoe\xcc\x88 Smith", 3, &w), 5); /* the mark stays */
	assert_int_equal(w, 3);
	assert_int_equal(utf8_fit_prefix("abc", 10, &w), 3);
	assert_int_equal(w, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_fit_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
