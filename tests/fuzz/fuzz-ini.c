/*
 * fuzz-ini.c: libFuzzer target for the INI reader (make fuzz).
 *
 * Beyond not crashing: every section and key the reader reports is
 * non-empty, trimmed, valid UTF-8 without NUL, line numbers only grow, and a
 * callback's error stops the reading with that error.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini.h"
#include "core/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	int line;
	size_t calls, stop_at;
};

static void check_word(const char *s, int may_be_empty)
{
	size_t n = strlen(s);

	if ((!n && !may_be_empty) || !utf8_valid(s, n))
		abort();
	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		abort();
}

static int each(void *ctx, const char *section, const char *key, const char *value, int line,
		struct error *err)
{
	struct seen *seen = ctx;

	if (!section || line <= seen->line || (key == NULL) != (value == NULL))
		abort();
	check_word(section, 0);
	if (key) {
		check_word(key, 0);
		check_word(value, 1);
	}
	seen->line = line;
	if (++seen->calls == seen->stop_at)
		return error_set(err, ERR_CONFLICT, "stop");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen all = { 0 }, some = { 0 };
	struct error err = ERROR_INIT;
	int rc;

	/* ini_parse reads len bytes; the text need not be NUL-terminated */
	rc = ini_parse("fuzz.ini", (const char *)data, size, each, &all, &err);
	if (rc && rc != ERR_INVALID)
		abort();
	if (all.calls >= 2) {
		err = (struct error)ERROR_INIT;
		some.stop_at = all.calls / 2;
		if (ini_parse("fuzz.ini", (const char *)data, size, each, &some, &err) !=
			    ERR_CONFLICT ||
		    some.calls != some.stop_at)
			abort();
	}
	return 0;
}
