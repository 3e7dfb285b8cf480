/* test-mail-rules.c: the mail rules (mail/mail_rules.h): folding, a phrase
 * found whatever its case, accents and line breaks, the strongest kind
 * winning, a user's section replacing a built-in one, file:line errors;
 * and the date and time an invitation gives (mail/mail_when.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mail/mail_rules.h"
#include "mail/mail_when.h"

static const char rules_text[] =
	"[thanks]\npropose = application-received\nphrase = thank you for applying\n"
	"[no]\npropose = reject\nphrase = décidé de ne pas donner suite\n";

static void load(struct mail_rules *r, const char *text)
{
	struct error err = ERROR_INIT;

	memset(r, 0, sizeof(*r));
	assert_int_equal(mail_rules_parse(r, "test.ini", text, strlen(text), &err), 0);
}

static void test_fold(void **state)
{
	char *f = mail_rules_fold("Nous avons DÉCIDÉ,\n de ne—pas d’embauche ¿podría?");

	(void)state;
	assert_string_equal(f, " nous avons decide de ne pas d embauche podria ");
	free(f);
}

static void test_match(void **state)
{
	struct mail_rules r;
	struct mail_rule_match m;

	(void)state;
	load(&r, rules_text);
	assert_true(mail_rules_match(&r, "Re: candidature",
				     "Thank you for applying. Nous avons Décidé de ne\npas donner "
				     "suite.", &m));
	assert_string_equal(m.rule->name, "no"); /* a rejection beats a receipt */
	assert_string_equal(m.phrase, "décidé de ne pas donner suite");
	assert_true(mail_rules_match(&r, "Thank you for applying!", NULL, &m));
	assert_string_equal(m.rule->name, "thanks");
	assert_false(mail_rules_match(&r, "thank you for applyingnow", "", &m)); /* whole words */
	mail_rules_release(&r);
}

static void test_override_and_errors(void **state)
{
	struct mail_rules r;
	struct mail_rule_match m;
	struct error err = ERROR_INIT;
	static const char off[] = "[no]\nenabled = no\n";
	static const char bad[] = "[x]\nphrase = hello there\n";

	(void)state;
	load(&r, rules_text);
	assert_int_equal(mail_rules_parse(&r, "user.ini", off, strlen(off), &err), 0);
	assert_false(mail_rules_match(&r, "", "décidé de ne pas donner suite", &m));
	assert_int_equal(mail_rules_parse(&r, "user.ini", bad, strlen(bad), &err), ERR_INVALID);
	assert_string_equal(error_what(&err), "rule 'x' says nothing to propose (propose = reject, ...)");
	assert_int_equal(err.line, 1);
	mail_rules_release(&r);
}

/* when TEXT, sent on 2026-03-05: "YYYY-MM-DDTHH:MM", or the day alone. */
static void expect_when(const char *text, const char *want)
{
	struct datetime sent = { 2026, 3, 5, 9, 0, 0, true }, got;
	char buf[DATE_BUFSZ];

	assert_true(mail_when_find(text, &sent, &got));
	if (got.has_time)
		date_format(&got, buf);
	else
		date_format_day(&got, buf);
	assert_string_equal(buf, want);
}

static void test_when(void **state)
{
	struct datetime sent = { 2026, 3, 5, 9, 0, 0, true }, got;

	(void)state;
	expect_when("an interview on 12 March at 10:00", "2026-03-12T10:00");
	expect_when("2026-03-12 10:00", "2026-03-12T10:00");
	expect_when("2026-03-12T10:00", "2026-03-12T10:00");
	expect_when("le 12/03/2026 à 10h00", "2026-03-12T10:00");
	expect_when("le vendredi 13 mars à 9h", "2026-03-13T09:00");
	expect_when("am 12. März um 14.30 Uhr", "2026-03-12T14:30");
	expect_when("el 12 de marzo a las 9:45", "2026-03-12T09:45");
	expect_when("on March 12th, at 2:30 pm", "2026-03-12T14:30");
	expect_when("on 2 January", "2027-01-02"); /* before the message: next year */
	expect_when("on 12 March (room 4), or 13 March at 11:00", "2026-03-13T11:00");
	assert_false(mail_when_find("we may meet in 3 weeks, 10 people", &sent, &got));
	assert_false(mail_when_find("on 31 February at 10:00", &sent, &got));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_override_and_errors),
		cmocka_unit_test(test_when),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
