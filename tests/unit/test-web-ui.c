/* test-web-ui.c: the field writers of ui.c, for the page's one form (ids
 * f-NAME) and for one form among several (ids KEY-NAME, and only the posted
 * form showing its values and errors again), and the want status's class. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/ui.h"

/* A rejected POST of text=sent, with an error beside text. */
static void rejected(struct web_req *rq)
{
	struct error err = ERROR_INIT;

	memset(rq, 0, sizeof(*rq));
	rq->post = true;
	assert_int_equal(web_params_parse(&rq->form, "text=sent", 9, &err), 0);
	web_field_error(rq, "text", "too short");
}

static void release(struct web_req *rq)
{
	web_params_release(&rq->form);
	web_params_release(&rq->errors);
}

static void test_one_form(void **state)
{
	struct web_req rq;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	rejected(&rq);
	ui_input(&sb, &rq, "text", "text", "Text", "stored", UI_REQUIRED);
	assert_string_equal(sb.buf,
			    "<div class=\"field has-error\"><label for=\"f-text\">Text</label>"
			    "<input type=\"text\" id=\"f-text\" name=\"text\" aria-invalid=\"true\" "
			    "aria-describedby=\"e-text\" value=\"sent\" required>"
			    "<p class=\"error-text\" id=\"e-text\">too short</p></div>\n");
	strbuf_release(&sb);
	release(&rq);
}

static void test_keyed_forms(void **state)
{
	struct web_req rq;
	struct strbuf sb = STRBUF_INIT;
	struct ui_form posted = { .rq = &rq, .key = "w12", .active = true };
	struct ui_form other = { .rq = &rq, .key = "w13", .active = false };

	(void)state;
	rejected(&rq);
	ui_form_input(&sb, &posted, "text", "text", "Text", "stored", 0);
	assert_non_null(strstr(sb.buf, "<label for=\"w12-text\">"));
	assert_non_null(strstr(sb.buf, "id=\"w12-text\" name=\"text\""));
	assert_non_null(strstr(sb.buf, "aria-describedby=\"e-w12-text\" value=\"sent\""));
	assert_non_null(strstr(sb.buf, "<p class=\"error-text\" id=\"e-w12-text\">too short</p>"));
	strbuf_reset(&sb);
	/* the other form: its own value, no error */
	ui_form_textarea(&sb, &other, "text", "Text", "stored", 2);
	assert_string_equal(sb.buf, "<div class=\"field\"><label for=\"w13-text\">Text</label>"
				    "<textarea rows=\"2\" id=\"w13-text\" name=\"text\">\nstored"
				    "</textarea></div>\n");
	strbuf_reset(&sb);
	ui_form_checkbox(&sb, &other, "must", "Must", true);
	assert_string_equal(sb.buf, "<div class=\"field check\"><input type=\"checkbox\" "
				    "value=\"1\" id=\"w13-must\" name=\"must\" checked>"
				    "<label for=\"w13-must\">Must</label></div>\n");
	strbuf_release(&sb);
	release(&rq);
}

static void test_want_status_class(void **state)
{
	(void)state;
	assert_string_equal(ui_want_status_class(WANT_MET, false), "good");
	assert_string_equal(ui_want_status_class(WANT_PARTLY, true), "warn");
	assert_string_equal(ui_want_status_class(WANT_VAGUE, false), "warn");
	assert_string_equal(ui_want_status_class(WANT_UNMET, false), "bad");
	assert_string_equal(ui_want_status_class(WANT_UNMET, true), "bad strong");
	assert_string_equal(ui_want_status_class(WANT_UNKNOWN, true), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_form),
		cmocka_unit_test(test_keyed_forms),
		cmocka_unit_test(test_want_status_class),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
