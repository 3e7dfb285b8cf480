/* test-web-params.c: query strings and form bodies decoded (params.c), and
 * a form's fields read with their checks (form.c): a bad field gets its
 * error beside it and the reader says false. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "web/form.h"
#include "web/web.h"

static int parse(struct web_params *p, const char *text)
{
	struct error err = ERROR_INIT;

	memset(p, 0, sizeof(*p));
	return web_params_parse(p, text, strlen(text), &err);
}

static void test_decode(void **state)
{
	struct web_params p;

	(void)state;
	assert_int_equal(parse(&p, "name=Data+Recruiter&org=Acme%20%26%20Co&q=%C3%A9"), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(web_param(&p, "name"), "Data Recruiter");
	assert_string_equal(web_param(&p, "org"), "Acme & Co");
	assert_string_equal(web_param(&p, "q"), "\xc3\xa9");
	assert_null(web_param(&p, "missing"));
	web_params_release(&p);
}

static void test_shapes(void **state)
{
	struct web_params p;

	(void)state;
	/* empty pairs skipped, a name alone has an empty value, "=" splits once */
	assert_int_equal(parse(&p, "&&flag&a=&b=x=y&"), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(web_param(&p, "flag"), "");
	assert_string_equal(web_param(&p, "a"), "");
	assert_string_equal(web_param(&p, "b"), "x=y");
	web_params_release(&p);
	assert_int_equal(parse(&p, ""), 0);
	assert_int_equal(p.n, 0);
	web_params_release(&p);
}

static void test_last_value_wins(void **state)
{
	struct web_params p;

	(void)state;
	assert_int_equal(parse(&p, "tag=a&tag=b"), 0);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.items[0].value, "a"); /* kept in order */
	assert_string_equal(web_param(&p, "tag"), "b");
	web_params_release(&p);
}

static void test_refused(void **state)
{
	static const char *bad[] = {
		"a=%", "a=%4", "a=%zz", "a=%4g", /* bad escapes */
		"a=%00", "%00=x",                /* a NUL byte */
		"a=%ff", "a=%c3",                /* not UTF-8 */
	};
	struct web_params p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct error err = ERROR_INIT;
		memset(&p, 0, sizeof(p));
		assert_int_equal(web_params_parse(&p, bad[i], strlen(bad[i]), &err), ERR_INVALID);
		web_params_release(&p);
	}
	/* the escape at the very end is whole */
	assert_int_equal(parse(&p, "a=%41"), 0);
	assert_string_equal(web_param(&p, "a"), "A");
	web_params_release(&p);
}

static void test_length_not_nul(void **state)
{
	struct web_params p = { 0 };
	struct error err = ERROR_INIT;

	(void)state;
	/* only len bytes are read */
	assert_int_equal(web_params_parse(&p, "a=1&b=2", 3, &err), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(web_param(&p, "a"), "1");
	web_params_release(&p);
}

/* A POST request with the form body text. */
static void post(struct web_req *rq, const char *body)
{
	memset(rq, 0, sizeof(*rq));
	rq->post = true;
	assert_int_equal(parse(&rq->form, body), 0);
}

static void req_release(struct web_req *rq)
{
	web_params_release(&rq->form);
	web_params_release(&rq->query);
	web_params_release(&rq->errors);
}

static void test_form_int(void **state)
{
	struct web_req rq;
	long v;

	(void)state;
	post(&rq, "rapport=4&cadence=&bad=four&big=99");
	assert_true(form_int(&rq, "rapport", "rapport", 0, 5, &v));
	assert_int_equal(v, 4);
	assert_true(form_int(&rq, "cadence", "cadence", 1, 365, &v)); /* empty: not given */
	assert_int_equal(v, -1);
	assert_true(form_int(&rq, "absent", "absent", 1, 365, &v));
	assert_int_equal(v, -1);
	assert_null(web_error_of(&rq, "rapport"));
	assert_false(form_int(&rq, "bad", "rapport", 0, 5, &v));
	assert_non_null(web_error_of(&rq, "bad"));
	assert_false(form_int(&rq, "big", "rapport", 0, 5, &v));
	assert_non_null(web_error_of(&rq, "big"));
	assert_int_equal(rq.errors.n, 2);
	req_release(&rq);
}

static void test_form_text(void **state)
{
	struct web_req rq;
	const char *v;

	(void)state;
	post(&rq, "name=Acme&empty=&notes=line+one%0Aline+two");
	assert_true(form_text(&rq, "name", "name", true, false, &v));
	assert_string_equal(v, "Acme");
	assert_true(form_text(&rq, "notes", "notes", false, true, &v));
	assert_string_equal(v, "line one\nline two");
	assert_true(form_text(&rq, "empty", "title", false, false, &v));
	assert_null(v);
	assert_int_equal(rq.errors.n, 0);
	assert_false(form_text(&rq, "empty", "title", true, false, &v)); /* required */
	assert_non_null(web_error_of(&rq, "empty"));
	assert_false(form_text(&rq, "notes", "title", false, false, &v)); /* one line only */
	assert_non_null(web_error_of(&rq, "notes"));
	req_release(&rq);
}

static void test_form_amount(void **state)
{
	struct web_req rq;
	int64_t v;

	(void)state;
	post(&rq, "base=95000&none=&bad=lots");
	assert_true(form_amount(&rq, "base", "base", &v));
	assert_int_equal(v, 95000);
	assert_true(form_amount(&rq, "none", "base", &v));
	assert_int_equal(v, -1);
	assert_false(form_amount(&rq, "bad", "base", &v));
	assert_non_null(web_error_of(&rq, "bad"));
	req_release(&rq);
}

static void test_form_back(void **state)
{
	static const struct {
		const char *body, *want;
	} cases[] = {
		{ "back=%2Fpipeline", "/pipeline" },
		{ "back=%2Fpeople%2F12%3Ftab%3Dnotes", "/people/12?tab=notes" },
		{ "back=%2F%2Fevil.example%2F", "/fallback" },
		{ "back=https%3A%2F%2Fevil.example%2F", "/fallback" },
		{ "back=pipeline", "/fallback" },
		{ "back=", "/fallback" },
		{ "other=1", "/fallback" },
	};
	struct web_req rq;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		post(&rq, cases[i].body);
		assert_string_equal(form_back(&rq, "/fallback"), cases[i].want);
		req_release(&rq);
	}
}

/* An action's error: a refusal of what the form sent beside its field (0),
 * a failure of the store or a file returned for the error page. */
static void test_form_error(void **state)
{
	static const struct {
		enum error_code code;
		bool beside;
	} cases[] = {
		{ ERR_INVALID, true }, { ERR_AMBIGUOUS, true }, { ERR_CONFLICT, true },
		{ ERR_NOT_FOUND, true }, { ERR_STORE, false },	{ ERR_IO, false },
	};
	struct web_req rq;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		post(&rq, "name=x");
		error_set(&rq.err, cases[i].code, "the message");
		if (cases[i].beside) {
			assert_int_equal(form_error(&rq, cases[i].code, "name"), 0);
			assert_string_equal(web_error_of(&rq, "name"), "the message");
			assert_int_equal(rq.err.code, ERR_NONE);
		} else {
			assert_int_equal(form_error(&rq, cases[i].code, "name"), cases[i].code);
			assert_int_equal(rq.errors.n, 0);
			assert_int_equal(rq.err.code, cases[i].code);
		}
		req_release(&rq);
	}
	post(&rq, "name=x");
	assert_int_equal(form_error(&rq, 0, ""), 0);
	assert_int_equal(rq.errors.n, 0);
	req_release(&rq);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_last_value_wins),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_length_not_nul),
		cmocka_unit_test(test_form_int),
		cmocka_unit_test(test_form_text),
		cmocka_unit_test(test_form_amount),
		cmocka_unit_test(test_form_back),
		cmocka_unit_test(test_form_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
