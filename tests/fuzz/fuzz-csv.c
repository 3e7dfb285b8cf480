/* fuzz-csv.c: libFuzzer target for reading CSV files and mapping their rows
 * (make fuzz): the decoding, libcsv's rows with their lines, header detection,
 * and every row as a LinkedIn connection and as an opportunity, with nothing
 * written (import_text without a store). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "io/csv_read.h"
#include "method/import.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_row(void *ctx, const struct csv_row *row, struct error *err)
{
	(void)err;
	/* every field is NUL-terminated where its length says */
	for (size_t i = 0; i < row->n; i++)
		if (row->fields[i][row->lens[i]] != '\0')
			abort();
	if (row->line < 1 || row->end_line < row->line)
		abort();
	(*(size_t *)ctx)++;
	return 0;
}

static void each_value(const char *s)
{
	char day[DATE_BUFSZ];
	enum stage stage;
	int64_t low, high;

	parse_date(s, day);
	parse_stage(s, &stage);
	if (!parse_salary(s, &low, &high) && low > high)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const maps[] = { "Where=company", "What=title", "status=ignore",
					    "When=applied" };
	struct import_options with_maps = { .maps = maps, .nmaps = 4 };
	struct import_summary sum;
	struct error err = ERROR_INIT;
	struct csv_text text;
	size_t rows = 0;
	char *s;

	if (!csv_text_decode((const char *)data, size, &text, &err)) {
		csv_read_rows(text.buf, text.len, count_row, &rows, &err);
		csv_text_release(&text);
	}
	import_text(NULL, IMPORT_LINKEDIN, "fuzz.csv", (const char *)data, size, NULL, &sum, &err);
	import_summary_release(&sum);
	import_text(NULL, IMPORT_CSV, "fuzz.csv", (const char *)data, size, NULL, &sum, &err);
	import_summary_release(&sum);
	import_text(NULL, IMPORT_CSV, "fuzz.csv", (const char *)data, size, &with_maps, &sum, &err);
	import_summary_release(&sum);
	/* the value parsers on the whole input as one value */
	s = xstrndup((const char *)data, size);
	each_value(s);
	free(s);
	return 0;
}
