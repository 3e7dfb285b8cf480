/* test-routes.c: the route table (routes.c): each path finds its page, with
 * the segments its '*'s matched; nothing else matches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "web/pages.h"
#include "web/web.h"

static web_handler find(const char *method, const char *path, const char *arg[3])
{
	static char buf[256];
	const struct web_route *r = web_route_find(method, path, arg, buf, sizeof(buf));

	return r ? r->handler : NULL;
}

static void test_fixed_paths(void **state)
{
	const char *arg[3];

	(void)state;
	assert_ptr_equal(find("GET", "/", arg), page_today);
	assert_null(arg[0]);
	assert_ptr_equal(find("GET", "/pipeline", arg), page_pipeline);
	assert_ptr_equal(find("GET", "/people", arg), page_people);
	/* a fixed segment wins over the '*' that comes after it in the table */
	assert_ptr_equal(find("GET", "/opportunities/new", arg), page_opp_new);
}

static void test_captures(void **state)
{
	const char *arg[3];

	(void)state;
	assert_ptr_equal(find("GET", "/people/12", arg), page_person);
	assert_string_equal(arg[0], "12");
	assert_null(arg[1]);
	assert_ptr_equal(find("GET", "/opportunities/acme-data/edit", arg), page_opp_edit);
	assert_string_equal(arg[0], "acme-data");
	assert_ptr_equal(find("GET", "/opportunities/acme-data", arg), page_opp);
	assert_string_equal(arg[0], "acme-data");
	assert_ptr_equal(find("GET", "/static/app.css", arg), page_static);
	assert_string_equal(arg[0], "app.css");
}

static void test_method(void **state)
{
	const char *arg[3];

	(void)state;
	assert_null(find("DELETE", "/people", arg));
	assert_null(find("get", "/people", arg));
	/* a POST route is not a GET route */
	assert_non_null(find("POST", "/undo", arg));
	assert_null(find("GET", "/undo", arg));
}

static void test_no_match(void **state)
{
	const char *arg[3];
	char small[4];

	(void)state;
	assert_null(find("GET", "", arg));
	assert_null(find("GET", "/nowhere", arg));
	assert_null(find("GET", "/people/", arg));       /* '*' takes a non-empty segment */
	assert_null(find("GET", "/people//edit", arg));
	assert_null(find("GET", "/people/12/", arg));
	assert_null(find("GET", "/pipeline/", arg));
	assert_null(find("GET", "/pipelinex", arg));
	assert_null(find("GET", "/static/css/app.css", arg)); /* one segment only */
	assert_null(find("GET", "/opportunities/a/b/c/d/e", arg));
	/* a path longer than the buffer matches nothing */
	assert_null(web_route_find("GET", "/people", arg, small, sizeof(small)));
}

static void test_table(void **state)
{
	(void)state;
	/* every route: a method this server answers, a pattern from the root, a
	 * handler, and at most three '*'s */
	for (const struct web_route *r = web_routes; r->pattern; r++) {
		size_t stars = 0;
		assert_true(!strcmp(r->method, "GET") || !strcmp(r->method, "POST"));
		assert_int_equal(r->pattern[0], '/');
		assert_non_null(r->handler);
		for (const char *c = r->pattern; *c; c++)
			stars += *c == '*';
		assert_true(stars <= 3);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_paths),
		cmocka_unit_test(test_captures),
		cmocka_unit_test(test_method),
		cmocka_unit_test(test_no_match),
		cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
