/* test-csv-write.c: RFC 4180 cells, and formulas neutralised. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "io/csv_write.h"

/* The row made of cells (n of them), as csv_row writes it. */
static void assert_row(const char *const *cells, size_t n, const char *expected)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_writer w = CSV_WRITER_INIT(&sb);

	csv_row(&w, cells, n);
	assert_string_equal(sb.buf, expected);
	strbuf_release(&sb);
}

static void assert_cell(const char *cell, const char *expected)
{
	assert_row(&cell, 1, expected);
}

static void test_plain_cells(void **state)
{
	static const char *const row[] = { "a", "", NULL, "Ñandú データ", "x y" };

	(void)state;
	assert_row(row, 5, "a,,,Ñandú データ,x y\r\n");
	assert_cell("it's fine", "it's fine\r\n");
}

static void test_quoting(void **state)
{
	(void)state;
	assert_cell("a,b", "\"a,b\"\r\n");
	assert_cell("say \"hi\"", "\"say \"\"hi\"\"\"\r\n");
	assert_cell("\"", "\"\"\"\"\r\n");
	assert_cell("two\nlines", "\"two\nlines\"\r\n");
	assert_cell("crlf\r\nend", "\"crlf\r\nend\"\r\n");
	assert_cell("lone\rcr", "\"lone\rcr\"\r\n");
	assert_cell("semi;colon", "semi;colon\r\n");
}

static void test_formulas(void **state)
{
	(void)state;
	assert_cell("=1+1", "'=1+1\r\n");
	assert_cell("+1 555", "'+1 555\r\n");
	assert_cell("-5", "'-5\r\n");
	assert_cell("@SUM(A1)", "'@SUM(A1)\r\n");
	assert_cell("\tx", "'\tx\r\n");
	assert_cell("\rx", "\"'\rx\"\r\n");
	assert_cell("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
	/* only the first character counts */
	assert_cell("a=b", "a=b\r\n");
	assert_cell(" =1", " =1\r\n");
	assert_true(csv_formula_start("-"));
	assert_false(csv_formula_start(""));
	assert_false(csv_formula_start(NULL));
}

static void test_numbers_and_bom(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_writer w = CSV_WRITER_INIT(&sb);

	(void)state;
	csv_bom(&sb);
	csv_cell_int(&w, 95000);
	csv_cell_int(&w, -1);
	csv_cell_int(&w, 0);
	csv_row_end(&w);
	csv_cell(&w, "next");
	csv_row_end(&w);
	assert_string_equal(sb.buf, "\xEF\xBB\xBF" "95000,,0\r\nnext\r\n");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_cells),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_formulas),
		cmocka_unit_test(test_numbers_and_bom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
