/*
 * fuzz-store.h: an in-memory database for the fuzz targets that need one,
 * opened once per process with a fixed "now".
 */
#ifndef RAPPORT_FUZZ_STORE_H
#define RAPPORT_FUZZ_STORE_H

#include <stdio.h>
#include <stdlib.h>

#include "store/store.h"
#include "util/xalloc.h"

static inline void fuzz_die(const char *doing, const struct error *err)
{
	fprintf(stderr, "fuzz: %s: %s\n", doing, err->msg);
	abort();
}

/* An empty in-memory database. */
static inline struct store *fuzz_store_open(void)
{
	struct error err = ERROR_INIT;
	struct store *s;

	setenv("RAPPORT_NOW", "2026-03-02T09:00", 1);
	if (store_open(&s, ":memory:", 0, &err))
		fuzz_die("cannot open an in-memory database", &err);
	return s;
}

/* A database with a few organisations, people and opportunities, with
 * look-alike names (references that match several records). */
static inline struct store *fuzz_store_populated(void)
{
	static const char *const orgs[] = { "Acme", "Acme Labs", "Ünïcode GmbH" };
	static const char *const people[] = { "Hiring Manager", "Hiring Partner", "Ölberg Ñandú",
					      "100%_off" };
	struct store *s = fuzz_store_open();
	struct error err = ERROR_INIT;

	if (store_begin_write(s, &err))
		fuzz_die("cannot begin", &err);
	for (size_t i = 0; i < ARRAY_SIZE(orgs); i++) {
		struct org o = { .name = xstrdup(orgs[i]) };
		if (store_org_add(s, &o, &err))
			fuzz_die("cannot add an organisation", &err);
		org_release(&o);
	}
	for (size_t i = 0; i < ARRAY_SIZE(people); i++) {
		struct person p = { .name = xstrdup(people[i]), .rapport = -1, .cadence = -1 };
		if (store_person_add(s, &p, &err))
			fuzz_die("cannot add a person", &err);
		person_release(&p);
	}
	for (int i = 0; i < 2; i++) {
		struct opp o = { .org_id = 1 + i, .title = xstrdup("Engineer"),
				 .salary_target = -1, .salary_low = -1, .salary_high = -1,
				 .salary_offered = -1 };
		if (store_opp_add(s, &o, &err))
			fuzz_die("cannot add an opportunity", &err);
		opp_release(&o);
	}
	if (store_commit(s, &err))
		fuzz_die("cannot commit", &err);
	return s;
}

#endif
