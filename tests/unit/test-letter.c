/* test-letter.c: letter templates: merge fields, braces, errors with line numbers, user overrides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "method/letter.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "test-db.h"

static const struct letter_fields full = {
	.person = "Référente Données",
	.title = "Head of Data",
	.org = "Acme Analytics",
	.opp = "Data Lead",
	.me = "A New User",
	.signature = "A New User\n+44 20 7946 0000",
	.date = "2026-03-02",
};

/* Render text with f; the subject and body must be as expected. */
static void assert_render(const char *text, const struct letter_fields *f, const char *subject,
			  const char *body)
{
	struct letter l = { 0 };
	struct error err = ERROR_INIT;

	if (letter_render("t.txt", text, f, &l, &err))
		fail_msg("%s", err.msg);
	assert_string_equal(l.subject, subject);
	assert_string_equal(l.body, body);
	letter_release(&l);
}

/* Checking text must fail with exactly msg. */
static void assert_error(const char *text, const char *msg)
{
	struct error err = ERROR_INIT;
	struct letter l = { 0 };

	assert_int_equal(letter_check("thank-you.txt", text, &err), ERR_INVALID);
	assert_string_equal(err.msg, msg);
	assert_int_equal(letter_render("thank-you.txt", text, &full, &l, &err), ERR_INVALID);
	assert_string_equal(err.msg, msg);
	assert_null(l.subject);
}

static void test_every_field(void **state)
{
	(void)state;
	assert_render("Subject: For {first} at {org}\n\n"
		      "{person}, {title} ({first})\n{opp} at {org}\nfrom {me} on {date}\n\n"
		      "{signature}\n",
		      &full, "For Référente at Acme Analytics",
		      "Référente Données, Head of Data (Référente)\nData Lead at Acme Analytics\n"
		      "from A New User on 2026-03-02\n\nA New User\n+44 20 7946 0000\n");
}

static void test_signature_defaults_to_me(void **state)
{
	struct letter_fields f = full;

	(void)state;
	f.signature = NULL;
	assert_render("Subject: x\n\nBest,\n{signature}\n", &f, "x", "Best,\nA New User\n");
	f.signature = "  \n";
	assert_render("Subject: x\n\nBest,\n{signature}\n", &f, "x", "Best,\nA New User\n");
}

static void test_braces_and_line_ends(void **state)
{
	struct letter_fields f = full;

	(void)state;
	assert_render("Subject: {{x}} {first}\r\n\r\n{{{first}}} and }} {{\r\n", &full,
		      "{x} Référente", "{Référente} and } {\n");
	/* values are not templates */
	f.person = "Odd {first} }";
	assert_render("Subject: x\n\nHi {person}\n", &f, "x", "Hi Odd {first} }\n");
}

static void test_unknown_values(void **state)
{
	struct letter_fields f = { .date = "2026-03-02" };

	(void)state;
	assert_render("Subject: About the {opp} role\n\n"
		      "Hello {first},\n\nThe {opp} role at {org|your organisation}.\n"
		      "{title} matters. Sincerely {me}.\n{signature}\n",
		      &f, "About the role",
		      "Hello,\n\nThe role at your organisation.\nmatters. Sincerely.\n");
	assert_render("Subject: x\n\nAt {org|your team} ({opp|the role})\n", &full, "x",
		      "At Acme Analytics (Data Lead)\n");
	/* the built-in templates read well without a person or an opportunity */
	assert_render("Subject: Hi\n\nHello {first},\n", NULL, "Hi", "Hello,\n");
}

static void test_body_trimmed(void **state)
{
	(void)state;
	assert_render("Subject:   spaced out  \n\n\n\nBody line\n\n\n", &full, "spaced out",
		      "Body line\n");
}

/* {done}: the improvement actions done, a line each; its fallback when none. */
static void test_done_list(void **state)
{
	struct letter_fields f = full;

	(void)state;
	f.done = "- Read a book\n- Took a class";
	assert_render("Subject: Hi\n\nWhat I did:\n\n{done|- nothing yet}\n\nBye\n", &f, "Hi",
		      "What I did:\n\n- Read a book\n- Took a class\n\nBye\n");
	assert_render("Subject: Hi\n\nWhat I did:\n\n{done|- nothing yet}\n\nBye\n", &full, "Hi",
		      "What I did:\n\n- nothing yet\n\nBye\n");
	assert_error("Subject: {done}\n\nHello\n",
		     "thank-you.txt:1: {done} cannot be used in the subject");
}

static void test_errors_name_the_line(void **state)
{
	(void)state;
	assert_error("Subject: Hi\n\nHello {first},\n\nThanks\n\nBye {frist}\n",
		     "thank-you.txt:7: unknown merge field '{frist}' (did you mean '{first}'?)");
	assert_error("Subject: Hi\n\nHello {nobody}\n",
		     "thank-you.txt:3: unknown merge field '{nobody}' (known: {person} {first}"
		     " {title} {org} {opp} {me} {signature} {date} {done})");
	assert_error("Subject: Hi\n\nHello\n{first\n",
		     "thank-you.txt:4: unclosed '{' (write '{{' for a literal brace)");
	assert_error("Subject: Hi {first\n\nHello\n",
		     "thank-you.txt:1: unclosed '{' (write '{{' for a literal brace)");
	assert_error("Subject: Hi\n\nHello\n\n} there\n",
		     "thank-you.txt:5: a lone '}' (write '}}' for a literal brace)");
	assert_error("Hello {first},\n\nBody\n",
		     "thank-you.txt:1: the first line must be 'Subject: ...'");
	assert_error("", "thank-you.txt:1: the first line must be 'Subject: ...'");
	assert_error("Subject: Hi\nBody\n",
		     "thank-you.txt:2: the line after the Subject line must be blank");
	assert_error("Subject: Hi",
		     "thank-you.txt:2: a blank line and the body must follow the Subject line");
	assert_error("Subject: Hi\n\n  \n\n", "thank-you.txt:3: the letter has no body");
	assert_error("Subject: {signature}\n\nBody\n",
		     "thank-you.txt:1: {signature} cannot be used in the subject");
	assert_error("Subject: Hi\n\nBody\nbad \xff byte\n", "thank-you.txt:4: not valid UTF-8");
	assert_error("Subject: Hi\n\nBody\x01\n", "thank-you.txt:3: a control character");
	assert_error("Subject: Hi\n\n{first|a{b}\n",
		     "thank-you.txt:3: unclosed '{' (write '{{' for a literal brace)");
}

static void test_check_accepts(void **state)
{
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(letter_check("x", "subject: lower case is fine\n\nBody\n", &err), 0);
	assert_int_equal(letter_check("x", "\xEF\xBB\xBFSubject: BOM\n\nBody", &err), 0);
	assert_int_equal(letter_check("x", "Subject:\n\nEmpty subject, {org|fallback}\n", &err), 0);
}

static void test_builtins_render(void **state)
{
	const char *names[] = { "thank-you",      "silence-letter", "stay-in-touch",
				"consult-offer",  "re-contact",     "keep-in-touch",
				"offer-questions", "progress-update", NULL };
	struct error err = ERROR_INIT;

	(void)state;
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/nonexistent", 1);
	for (int i = 0; names[i]; i++) {
		char *text = NULL, *origin = NULL;
		struct letter l = { 0 };
		size_t words = 0;
		assert_true(letter_template_exists(names[i]));
		if (letter_template_load(names[i], &text, &origin, &err))
			fail_msg("%s", err.msg);
		assert_string_equal(origin, "built-in");
		assert_int_equal(letter_check(names[i], text, &err), 0);
		assert_int_equal(letter_render(names[i], text, &full, &l, &err), 0);
		assert_non_null(strstr(l.body, "Référente"));
		assert_non_null(strstr(l.body, "+44 20 7946 0000"));
		assert_null(strstr(l.body, "  "));
		for (const char *p = l.body; *p; p++)
			words += (p == l.body || p[-1] == ' ' || p[-1] == '\n') && *p != ' ' &&
				 *p != '\n';
		assert_in_range(words, 80, 170);
		letter_release(&l);
		/* and without anything known */
		assert_int_equal(letter_render(names[i], text, NULL, &l, &err), 0);
		assert_null(strstr(l.body, "  "));
		assert_null(strstr(l.body, " ,"));
		assert_null(strstr(l.body, " ."));
		letter_release(&l);
		free(text);
		free(origin);
	}
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_user_override(void **state)
{
	char dir[64], path[160];
	struct error err = ERROR_INIT;
	char *text = NULL, *origin = NULL, *label;
	letter_template_vec v = { 0 };
	struct strbuf cmd = STRBUF_INIT;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/rapport-letter.XXXXXX");
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	snprintf(path, sizeof(path), "%s/rapport", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/rapport/templates", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/rapport/templates/thank-you.txt", dir);
	write_text(path, "Subject: Mine\n\nMy own, {first}.\n");
	snprintf(path, sizeof(path), "%s/rapport/templates/coffee.txt", dir);
	write_text(path, "Subject: Coffee?\n\nHi {frist}\n");
	snprintf(path, sizeof(path), "%s/rapport/templates/Bad Name.txt", dir);
	write_text(path, "x");

	assert_int_equal(letter_template_load("thank-you", &text, &origin, &err), 0);
	assert_string_equal(text, "Subject: Mine\n\nMy own, {first}.\n");
	assert_non_null(strstr(origin, "/rapport/templates/thank-you.txt"));
	label = letter_template_label("thank-you", origin);
	assert_string_equal(label, origin);
	free(label);
	free(text);
	free(origin);
	assert_true(letter_template_exists("coffee"));
	assert_false(letter_template_exists("tea"));
	assert_false(letter_template_exists("../thank-you"));
	assert_int_equal(letter_template_load("../etc/passwd", &text, &origin, &err), ERR_INVALID);
	assert_int_equal(letter_template_load("tea", &text, &origin, &err), ERR_NOT_FOUND);
	assert_string_equal(err.msg, "no letter template 'tea'");

	assert_int_equal(letter_template_list(&v, &err), 0);
	assert_true(v.n == 11);
	assert_string_equal(v.items[0].name, "coffee");
	assert_null(v.items[1].path); /* consult-offer */
	assert_string_equal(v.items[9].name, "thank-you");
	assert_true(v.items[9].builtin);
	assert_non_null(v.items[9].path);
	letter_template_vec_release(&v);

	strbuf_addf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd.buf), 0);
	strbuf_release(&cmd);
	unsetenv("XDG_CONFIG_HOME");
}

static void test_fields_from_records(void **state)
{
	char name[] = "Director of Analytics", title[] = "CTO", old[] = "Old Co", lead[] = "Data Lead";
	char new_co[] = "New Co";
	struct person p = { .name = name, .title = title, .org_name = old };
	struct opp o = { .title = lead, .org_name = new_co };
	struct letter_fields f;

	(void)state;
	letter_fields_set(&f, &p, &o, "Me", NULL, "2026-03-02");
	assert_string_equal(f.org, "New Co");
	assert_string_equal(f.opp, "Data Lead");
	letter_fields_set(&f, &p, NULL, "Me", NULL, "2026-03-02");
	assert_string_equal(f.org, "Old Co");
	assert_null(f.opp);
	letter_fields_set(&f, NULL, NULL, NULL, NULL, "2026-03-02");
	assert_null(f.person);
	assert_null(f.org);
}

static void test_settings_and_draft(void **state)
{
	struct test_db *db;
	struct store *s;
	struct error err = ERROR_INIT;
	struct person p = { .rapport = -1, .cadence = -1 };
	struct task t = { .kind = TKIND_EMAIL };
	struct letter_draft d = { 0 };
	char *value = NULL;

	(void)state;
	setenv("HOME", "/nonexistent", 1);
	db = test_db_open();
	s = db->s;
	assert_int_equal(store_begin_write(s, &err), 0);

	assert_int_equal(store_setting_get(s, "name", &value, &err), 0);
	assert_null(value);
	assert_int_equal(store_setting_set(s, "name", "A New User", &err), 0);
	assert_int_equal(store_setting_set(s, "name", "The New User", &err), 0);
	assert_int_equal(store_setting_get(s, "name", &value, &err), 0);
	assert_string_equal(value, "The New User");
	free(value);
	assert_int_equal(store_setting_set(s, "email", "newuser@example.org", &err), 0);
	assert_int_equal(store_setting_set(s, "email", NULL, &err), 0);
	assert_int_equal(store_setting_get(s, "email", &value, &err), 0);
	assert_null(value);

	p.name = xstrdup("Director of Analytics");
	p.email = xstrdup("director@example.com");
	assert_int_equal(store_person_add(s, &p, &err), 0);
	t.title = xstrdup("Thank-you note");
	t.due = xstrdup("2026-03-03");
	t.person.id = p.id;
	t.template = xstrdup("thank-you");
	assert_int_equal(store_task_add(s, &t, &err), 0);
	assert_int_equal(letter_draft_task(s, t.id, &d, &err), 0);
	assert_string_equal(d.letter.subject, "Thank you for our conversation");
	assert_true(strncmp(d.letter.body, "Hello Director,\n", 16) == 0);
	assert_non_null(strstr(d.letter.body, "your organisation"));
	assert_non_null(strstr(d.letter.body, "\nThe New User\n"));
	assert_string_equal(d.to_email, "director@example.com");
	assert_string_equal(d.from_name, "The New User");
	assert_null(d.from_email);
	letter_draft_release(&d);

	free(t.template);
	t.template = NULL;
	assert_int_equal(store_task_add(s, &t, &err), 0);
	assert_int_equal(letter_draft_task(s, t.id, &d, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "no letter template"));
	assert_int_equal(letter_draft_task(s, 999, &d, &err), ERR_NOT_FOUND);

	person_release(&p);
	task_release(&t);
	store_rollback(s);
	assert_int_equal(test_db_close(db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field),
		cmocka_unit_test(test_signature_defaults_to_me),
		cmocka_unit_test(test_braces_and_line_ends),
		cmocka_unit_test(test_unknown_values),
		cmocka_unit_test(test_body_trimmed),
		cmocka_unit_test(test_done_list),
		cmocka_unit_test(test_errors_name_the_line),
		cmocka_unit_test(test_check_accepts),
		cmocka_unit_test(test_builtins_render),
		cmocka_unit_test(test_user_override),
		cmocka_unit_test(test_fields_from_records),
		cmocka_unit_test(test_settings_and_draft),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
