/* test-args.c: parsing a command's arguments against its option table (cli/args.c). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/args.h"

enum test_opt {
	T_OPT_NAME = 1,
	T_OPT_ALL,
	T_OPT_TAG,
	T_OPT_OUTPUT,
	T_OPT_NOT_IN_TABLE,
};

static const struct opt_spec test_opts[] = {
	{ .id = T_OPT_NAME, .name = "name", .arg = "NAME", .help = "a name" },
	{ .id = T_OPT_ALL, .name = "all", .help = "a flag" },
	{ .id = T_OPT_TAG, .name = "tag", .arg = "TAG", .help = "repeatable", .flags = OPT_MULTI },
	{ .id = T_OPT_OUTPUT, .name = "output", .arg = "FILE", .help = "one letter", .letter = 'o' },
	{ 0 },
};

static const struct cmd_spec test_cmd = { "try", "A [B]", "A command to parse.", 1, 2,
					  test_opts, NULL, 0 };

/* Parse argv (NULL-ended) into a; returns args_parse's code, the error in err. */
static int parse(struct args *a, const struct cmd_spec *cmd, struct error *err, ...)
{
	const char *argv[32];
	int argc = 0;
	va_list ap;

	va_start(ap, err);
	while (argc < 31 && (argv[argc] = va_arg(ap, const char *)))
		argc++;
	va_end(ap);
	memset(a, 0, sizeof(*a));
	return args_parse(a, cmd, argc, argv, err);
}

static void test_options_anywhere(void **state)
{
	struct args a;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(parse(&a, &test_cmd, &err, "--all", "first", "--name", "Hiring Manager",
			       "second", "--tag", "x", NULL), 0);
	assert_int_equal(a.npos, 2);
	assert_string_equal(a.pos[0], "first");
	assert_string_equal(a.pos[1], "second");
	assert_true(arg_flag(&a, T_OPT_ALL));
	assert_string_equal(arg_opt(&a, T_OPT_NAME), "Hiring Manager");
	assert_string_equal(arg_opt(&a, T_OPT_TAG), "x");
	assert_null(arg_opt(&a, T_OPT_OUTPUT));
	args_release(&a);
}

static void test_double_dash_and_equals(void **state)
{
	struct args a;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(parse(&a, &test_cmd, &err, "--name=Data Recruiter", "--", "--all",
			       "-3d", NULL), 0);
	assert_string_equal(arg_opt(&a, T_OPT_NAME), "Data Recruiter");
	assert_false(arg_flag(&a, T_OPT_ALL));
	assert_int_equal(a.npos, 2);
	assert_string_equal(a.pos[0], "--all");
	assert_string_equal(a.pos[1], "-3d");
	args_release(&a);
	/* an empty value is a value: it clears a field */
	assert_int_equal(parse(&a, &test_cmd, &err, "x", "--name=", NULL), 0);
	assert_string_equal(arg_opt(&a, T_OPT_NAME), "");
	args_release(&a);
}

static void test_repeated_and_letter(void **state)
{
	struct args a;
	struct error err = { 0 };
	const char *const *tags;
	size_t n;

	(void)state;
	assert_int_equal(parse(&a, &test_cmd, &err, "--tag", "one", "x", "--tag=two", "-o",
			       "out.txt", "--json", NULL), 0);
	tags = arg_all(&a, T_OPT_TAG, &n);
	assert_int_equal(n, 2);
	assert_string_equal(tags[0], "one");
	assert_string_equal(tags[1], "two");
	assert_string_equal(arg_opt(&a, T_OPT_TAG), "two");
	assert_string_equal(arg_opt(&a, T_OPT_OUTPUT), "out.txt");
	assert_true(a.json);
	assert_int_equal(a.npos, 1);
	args_release(&a);
}

static void assert_parse_error(const char *msg, ...)
{
	struct args a;
	struct error err = { 0 };
	const char *argv[8];
	int argc = 0;
	va_list ap;

	va_start(ap, msg);
	while ((argv[argc] = va_arg(ap, const char *)))
		argc++;
	va_end(ap);
	memset(&a, 0, sizeof(a));
	assert_int_equal(args_parse(&a, &test_cmd, argc, argv, &err), ERR_INVALID);
	assert_string_equal(err.msg, msg);
	args_release(&a);
}

static void test_errors(void **state)
{
	(void)state;
	assert_parse_error("unknown option '--bogus'", "x", "--bogus=1", NULL);
	assert_parse_error("unknown option '-z'", "x", "-z", NULL);
	assert_parse_error("option '--name' needs a value (NAME)", "x", "--name", NULL);
	assert_parse_error("option '--all' takes no value", "x", "--all=yes", NULL);
	assert_parse_error("option '--name' given twice", "x", "--name", "a", "--name", "b",
			   NULL);
	assert_parse_error("missing A [B]", "--all", NULL);
	assert_parse_error("unexpected argument 'c'", "a", "b", "c", NULL);
}

/* Bug: struct args held the values of 24 options; the 25th was "too many
 * options" when given. The values are now as many as the table's entries. */
static void test_long_table(void **state)
{
	enum { N = 30 };
	static char names[N][8];
	struct opt_spec opts[N + 1] = { { 0 } };
	struct cmd_spec cmd = { "long", "", "Many options.", 0, 0, opts, NULL, 0 };
	struct args a;
	struct error err = { 0 };

	(void)state;
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "opt%d", i);
		opts[i] = (struct opt_spec){ .id = i + 1, .name = names[i], .arg = "V", .help = "" };
	}
	assert_int_equal(parse(&a, &cmd, &err, "--opt29=last", "--opt24", "25th", "--opt0", "first",
			       NULL), 0);
	assert_string_equal(arg_opt(&a, N), "last");
	assert_string_equal(arg_opt(&a, 25), "25th");
	assert_string_equal(arg_opt(&a, 1), "first");
	assert_null(arg_opt(&a, 2));
	args_release(&a);
}

/* Run fn in a child with stderr closed; true when it aborted. */
static bool aborts(void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (!pid) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(2);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void read_option_not_in_table(void)
{
	struct args a;
	struct error err = { 0 };

	if (parse(&a, &test_cmd, &err, "x", NULL))
		_exit(3);
	(void)arg_opt(&a, T_OPT_NOT_IN_TABLE);
}

static void parse_with_duplicate_ids(void)
{
	static const struct opt_spec dup[] = {
		{ .id = T_OPT_NAME, .name = "name", .arg = "NAME", .help = "" },
		{ .id = T_OPT_NAME, .name = "other", .help = "" },
		{ 0 },
	};
	static const struct cmd_spec cmd = { "dup", "", "", 0, 0, dup, NULL, 0 };
	struct args a;
	struct error err = { 0 };

	(void)parse(&a, &cmd, &err, NULL);
}

static void parse_with_missing_id(void)
{
	static const struct opt_spec no_id[] = { { .name = "name", .help = "" }, { 0 } };
	static const struct cmd_spec cmd = { "no-id", "", "", 0, 0, no_id, NULL, 0 };
	struct args a;
	struct error err = { 0 };

	(void)parse(&a, &cmd, &err, NULL);
}

/* Reading an option the command does not offer is rapport's bug, not "not given". */
static void test_unoffered_option_aborts(void **state)
{
	struct args a;
	struct error err = { 0 };

	(void)state;
	assert_true(aborts(read_option_not_in_table));
	assert_true(aborts(parse_with_duplicate_ids));
	assert_true(aborts(parse_with_missing_id));
	/* code shared by add and edit says so, and reads "not given" */
	assert_int_equal(parse(&a, &test_cmd, &err, "x", "--name", "n", NULL), 0);
	assert_false(arg_offered(&a, T_OPT_NOT_IN_TABLE));
	assert_null(arg_opt_if_offered(&a, T_OPT_NOT_IN_TABLE));
	assert_string_equal(arg_opt_if_offered(&a, T_OPT_NAME), "n");
	args_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_anywhere),
		cmocka_unit_test(test_double_dash_and_equals),
		cmocka_unit_test(test_repeated_and_letter),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_long_table),
		cmocka_unit_test(test_unoffered_option_aborts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
