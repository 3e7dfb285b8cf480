/* test-table.c: the list commands' row writer (cli/table.c): TSV and tables cut to COLUMNS. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/table.h"

static const struct table_col cols[] = {
	{ "id", 3, NULL, COL_RIGHT },
	{ "name", 6, NULL, COL_FREE },
	{ "org_id", 0, NULL, COL_TSV_ONLY },
	{ "title", 0, " · ", COL_FREE | COL_IF_SET },
};

static void add_rows(struct table *t)
{
	table_init(t, cols, ARRAY_SIZE(cols));
	table_add_id(t, 7);
	table_add(t, "a\tb\\c");
	table_add_id(t, 0);
	table_add(t, "two\nlines");
	table_add_id(t, 12);
	table_add(t, "東京タワー株式会社");
	table_add_id(t, 3);
	table_add(t, NULL);
	table_note(t, "  a note");
}

static void print(enum cli_format format, const char *columns, const char *want)
{
	struct cli cli = { .out = STRBUF_INIT, .format = format };
	struct table t;

	if (columns)
		setenv("COLUMNS", columns, 1);
	else
		unsetenv("COLUMNS");
	add_rows(&t);
	table_print(&cli, &t);
	assert_string_equal(cli.out.buf, want);
	strbuf_release(&cli.out);
}

static void test_tsv(void **state)
{
	(void)state;
	/* escaped as mysql --batch does; the ids a row refers to; no notes;
	 * never cut, whatever COLUMNS says */
	print(CLI_FORMAT_TSV, "10",
	      "id\tname\torg_id\ttitle\n"
	      "7\ta\\tb\\\\c\t\ttwo\\nlines\n"
	      "12\t東京タワー株式会社\t3\t\n");
}

/* Two rows, one with a title, one with a wide name, and a note. */
static void print_table(const char *columns, const char *want)
{
	struct cli cli = { .out = STRBUF_INIT };
	struct table t;

	if (columns)
		setenv("COLUMNS", columns, 1);
	else
		unsetenv("COLUMNS");
	table_init(&t, cols, ARRAY_SIZE(cols));
	table_add_id(&t, 1);
	table_add(&t, "Plain");
	table_add_id(&t, 0);
	table_add(&t, "Lead");
	table_add_id(&t, 12);
	table_add(&t, "東京タワー株式会社");
	table_add_id(&t, 0);
	table_add(&t, NULL);
	table_note(&t, "  a note under the row");
	table_print(&cli, &t);
	assert_string_equal(cli.out.buf, want);
	strbuf_release(&cli.out);
}

static void test_table_whole(void **state)
{
	(void)state;
	/* a pipe without COLUMNS: whole values, aligned by display width */
	print_table(NULL, "  1  Plain              · Lead\n"
			  " 12  東京タワー株式会社\n"
			  "  a note under the row\n");
}

static void test_table_cut(void **state)
{
	(void)state;
	/* the widest free-text column gives way first: the name, to 8
	 * columns (three wide characters, "…" and a space: no half of a
	 * fourth); the note is cut at its end */
	print_table("20", "  1  Plain    · Lead\n"
			  " 12  東京タ…\n"
			  "  a note under the …\n");
}

static void test_fitted(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	table_add_fitted(&sb, "東京タワー", 6); /* no half of a wide character */
	assert_string_equal(sb.buf, "東京… ");
	strbuf_reset(&sb);
	table_add_fitted(&sb, "abc", 5);
	assert_string_equal(sb.buf, "abc  ");
	strbuf_release(&sb);
}

static void test_format(void **state)
{
	struct error err = ERROR_INIT;
	enum cli_format f;

	(void)state;
	assert_int_equal(table_parse_format("tsv", &f, &err), 0);
	assert_int_equal(f, CLI_FORMAT_TSV);
	assert_int_equal(table_parse_format("tvs", &f, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "did you mean 'tsv'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_table_whole),
		cmocka_unit_test(test_table_cut),
		cmocka_unit_test(test_fitted),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
