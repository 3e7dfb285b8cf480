/* test-roff.c: the manual pages' roff writer (cli/roff.c): what roff would act on, escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/roff.h"

static void test_text(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	roff_line(&sb, "--db C:\\path, a two-step \"plan\"");
	assert_string_equal(sb.buf, "\\-\\-db C:\\epath, a two\\-step \"plan\"\n");
	strbuf_release(&sb);
}

/* A line that starts with "." or "'" would be a request: "\&" first, on
 * every line of a text, and nowhere else. */
static void test_line_starts(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	roff_line(&sb, ".SH not a heading\n'tis a quote, don't\nsay it.");
	assert_string_equal(sb.buf,
			    "\\&.SH not a heading\n\\&'tis a quote, don't\nsay it.\n");
	strbuf_release(&sb);
}

static void test_macro(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	roff_macro(&sb, "SS", "rapport \"x\" add-on\nmore");
	assert_string_equal(sb.buf, ".SS \"rapport \\(dqx\\(dq add\\-on more\"\n");
	strbuf_reset(&sb);
	roff_item(&sb, "--json", ".hidden");
	assert_string_equal(sb.buf, ".TP\n\\fB\\-\\-json\\fR\n\\&.hidden\n");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_line_starts),
		cmocka_unit_test(test_macro),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
