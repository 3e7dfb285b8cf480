/* test-import-match.c: how an import finds the records it updates
 * (store/upsert.h): the URL key, and a LinkedIn file imported into a store
 * that already knows some of its people (by URL, by e-mail in any case, by
 * name and organisation) updates them and adds only the others. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "method/import.h"
#include "store/store.h"
#include "store/upsert.h"
#include "util/xalloc.h"

static void test_url_key(void **state)
{
	static const struct {
		const char *url, *want;
	} cases[] = {
		{ "https://www.linkedin.com/in/Data-Recruiter/", "linkedin.com/in/data-recruiter" },
		{ "http://linkedin.com/in/data-recruiter?trk=x#top", "linkedin.com/in/data-recruiter" },
		{ "linkedin.com/in/data-recruiter", "linkedin.com/in/data-recruiter" },
		{ "https://jobs.example/42", "jobs.example/42" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *k = upsert_url_key(cases[i].url);
		assert_string_equal(k, cases[i].want);
		free(k);
	}
}

static const char linkedin[] =
	"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
	"Data,Recruiter,https://www.linkedin.com/in/data-recruiter,,Acme,Recruiter,02 Mar 2026\n"
	"Hiring,Manager,,HM@GLOBEX.EXAMPLE,Globex,Manager,01 Mar 2026\n"
	"Former,Colleague,,,Initech,Engineer,01 Mar 2026\n"
	"New,Contact,,,Initech,Analyst,01 Mar 2026\n";

static int import(struct store *s, struct import_summary *sum)
{
	struct error err = ERROR_INIT;
	int rc;

	memset(sum, 0, sizeof(*sum));
	assert_int_equal(store_begin_write(s, &err), 0);
	rc = import_text(s, IMPORT_LINKEDIN, "connections.csv", linkedin, strlen(linkedin), NULL,
			 sum, &err);
	if (rc) {
		fprintf(stderr, "%s\n", err.msg);
		store_rollback(s);
		return rc;
	}
	return store_commit(s, &err);
}

static void test_matching(void **state)
{
	char dir[] = "/tmp/rapport-unit.XXXXXX", path[64], cmd[96];
	struct store *s;
	struct error err = ERROR_INIT;
	struct import_summary sum;
	struct upsert *u;
	const struct person *p;

	(void)state;
	setenv("RAPPORT_NOW", "2026-03-02T09:00", 1);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/test.db", dir);
	assert_int_equal(store_open(&s, path, 0, &err), 0);

	/* first: all four are new */
	assert_int_equal(import(s, &sum), 0);
	assert_int_equal(sum.rows, 4);
	assert_int_equal(sum.added, 4);
	import_summary_release(&sum);
	/* again: every row finds its person, nothing is added */
	assert_int_equal(import(s, &sum), 0);
	assert_int_equal(sum.added, 0);
	assert_int_equal(sum.updated + sum.unchanged, 4);
	import_summary_release(&sum);

	assert_int_equal(store_begin_read(s, &err), 0);
	assert_int_equal(upsert_open(s, UPSERT_PEOPLE, &u, &err), 0);
	/* by LinkedIn URL, whatever its form */
	p = upsert_person_find(u, NULL, "http://linkedin.com/in/Data-Recruiter/", NULL, NULL, 0);
	assert_non_null(p);
	assert_string_equal(p->name, "Data Recruiter");
	/* by e-mail, in any case */
	p = upsert_person_find(u, NULL, NULL, "hm@globex.example", NULL, 0);
	assert_non_null(p);
	assert_string_equal(p->name, "Hiring Manager");
	/* by name (any case) and organisation: the same one only */
	p = upsert_person_find(u, NULL, NULL, NULL, "former colleague",
			       upsert_org_find(u, "INITECH"));
	assert_non_null(p);
	assert_string_equal(p->name, "Former Colleague");
	assert_null(upsert_person_find(u, NULL, NULL, NULL, "Former Colleague",
				       upsert_org_find(u, "Acme")));
	assert_null(upsert_person_find(u, NULL, NULL, NULL, "Former Colleague", 0));
	/* a different LinkedIn profile is another person, whatever the name */
	assert_null(upsert_person_find(u, NULL, "https://linkedin.com/in/someone-else", NULL,
				       "Data Recruiter", upsert_org_find(u, "Acme")));
	assert_int_equal(upsert_org_find(u, "nowhere"), 0);
	upsert_close(u);
	store_rollback(s);

	store_close(s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_key),
		cmocka_unit_test(test_matching),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
