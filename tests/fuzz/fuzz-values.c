/*
 * fuzz-values.c: libFuzzer target for the small parsers of what a user types
 * (make fuzz): dates (ISO and WHEN), references to organisations, people,
 * opportunities and wants (resolved in an in-memory database that holds a
 * few of each, with look-alike names), amounts, integers, slugs, e-mail and
 * web addresses, enum names and sets.
 *
 * Beyond not crashing: a parsed date exists, and formats to text that parses
 * back to the same date; a slug made from any text passes slug_check (or is
 * empty, only digits, or the reserved "new").
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/enums.h"
#include "core/text.h"
#include "fuzz-store.h"
#include "store/wants.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void dates(const char *s, const struct datetime *now)
{
	struct error err = ERROR_INIT;
	struct datetime dt, back;
	char buf[DATE_BUFSZ];

	if (!date_parse_iso(s, &dt, &err)) {
		if (!date_valid(dt.year, dt.month, dt.day))
			abort();
		date_format_stamp(&dt, buf);
		if (date_parse_iso(buf, &back, &err) || date_to_days(&back) != date_to_days(&dt))
			abort();
	}
	if (!date_parse_when(s, now, &dt, &err)) {
		date_format(&dt, buf);
		if (date_parse_iso(buf, &back, &err) || date_to_days(&back) != date_to_days(&dt))
			abort();
		date_add_days(&dt, 400);
		date_diff_days(now, &dt);
	}
}

static void references(struct store *s, const char *ref)
{
	struct error err = ERROR_INIT;
	int64_t id;

	if (store_begin_read(s, &err))
		fuzz_die("cannot begin", &err);
	store_org_resolve(s, ref, &id, &err);
	store_person_resolve(s, ref, &id, &err);
	store_opp_resolve(s, ref, &id, &err);
	store_want_resolve(s, ref, &id, &err);
	store_rollback(s);
}

static void words(const char *s)
{
	static const struct enum_def *const defs[] = { &stage_def, &interaction_kind_def,
						       &task_kind_def, &role_def, &audience_def };
	struct error err = ERROR_INIT;
	struct strbuf slug = STRBUF_INIT;
	int64_t amount;
	long n;
	unsigned mask;
	char *folded;

	text_parse_amount("amount", s, &amount, &err);
	text_parse_int("count", s, -5, 5000, &n, &err);
	text_check_email(s, &err);
	text_check_url("url", s, &err);
	text_check("name", s, TEXT_REQUIRED | TEXT_ONE_LINE, &err);
	slug_check(s, &err);
	if (utf8_valid(s, strlen(s))) {
		folded = text_fold(s);
		free(folded);
	}
	slug_append(&slug, s);
	if (slug.len && strspn(slug.buf, "0123456789") != slug.len && slug.len <= 100 &&
	    strcmp(slug.buf, "new") && slug_check(slug.buf, &err))
		abort();
	strbuf_release(&slug);
	for (size_t i = 0; i < ARRAY_SIZE(defs); i++) {
		enum_parse(defs[i], s, &err);
		enum_parse_set(defs[i], s, &mask, &err);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct store *s;
	char *text;

	if (!s)
		s = fuzz_store_populated();
	/* what a user types is a C string: a NUL byte ends it */
	text = xstrndup((const char *)data, size);
	dates(text, store_now(s));
	words(text);
	references(s, text);
	free(text);
	return 0;
}
