/* test-strbuf.c: the growable string and the invariants strbuf.h promises
 * (buf never NULL, buf[len] == NUL, NUL bytes inside kept). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sys/wait.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

static void test_init_is_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT, sb2;

	(void)state;
	assert_non_null(sb.buf);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_init(&sb2);
	assert_non_null(sb2.buf);
	assert_string_equal(sb2.buf, "");
	strbuf_release(&sb);
	strbuf_release(&sb2);
	/* released: empty again, and usable */
	assert_non_null(sb.buf);
	assert_int_equal(sb.len, 0);
	strbuf_addstr(&sb, "again");
	assert_string_equal(sb.buf, "again");
	strbuf_release(&sb);
}

static void test_add(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "Data");
	strbuf_addch(&sb, ' ');
	strbuf_add(&sb, "Engineer!!", 8);
	assert_string_equal(sb.buf, "Data Engineer");
	assert_int_equal(sb.len, 13);
	assert_int_equal(sb.buf[sb.len], '\0');
	strbuf_addstr(&sb, "");
	assert_int_equal(sb.len, 13);
	strbuf_release(&sb);
}

static void test_addf_grows(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addf(&sb, "%s %d", "offer", 95000);
	assert_string_equal(sb.buf, "offer 95000");
	/* many appends, past any first allocation */
	for (int i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%04d", i);
	assert_int_equal(sb.len, 11 + 4000);
	assert_memory_equal(sb.buf + sb.len - 4, "0999", 4);
	assert_int_equal(sb.buf[sb.len], '\0');
	assert_true(sb.alloc > sb.len);
	strbuf_release(&sb);
}

static void test_nul_inside(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_add(&sb, "a\0b", 3);
	assert_int_equal(sb.len, 3);
	assert_int_equal(sb.buf[1], '\0');
	assert_int_equal(sb.buf[2], 'b');
	assert_int_equal(sb.buf[3], '\0');
	assert_string_equal(sb.buf, "a"); /* the C-string view ends early */
	strbuf_release(&sb);
}

static void test_reset_keeps_memory(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t alloc;

	(void)state;
	strbuf_addstr(&sb, "something long enough to allocate");
	alloc = sb.alloc;
	strbuf_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.alloc, alloc);
	strbuf_release(&sb);
}

static void test_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	(void)state;
	strbuf_addstr(&sb, "mine");
	s = strbuf_detach(&sb);
	assert_string_equal(s, "mine");
	assert_int_equal(sb.len, 0);
	assert_non_null(sb.buf);
	assert_ptr_not_equal(sb.buf, s);
	free(s);
	/* detaching an empty strbuf still gives a string the caller frees */
	s = strbuf_detach(&sb);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

static void test_grow(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_grow(&sb, 100);
	assert_true(sb.alloc >= 101);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

static void test_trim(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, " \t Acme Analytics \n ");
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "Acme Analytics");
	assert_int_equal(sb.len, 14);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "   ");
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
}

static void test_pad(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addpad(&sb, "ab", 4);
	strbuf_addch(&sb, '|');
	strbuf_addpad(&sb, "longer than", 4); /* never cut */
	assert_string_equal(sb.buf, "ab  |longer than");
	strbuf_release(&sb);
}

/* Size arithmetic that would wrap ends the process (exit 1, as out of
 * memory does) rather than allocating too little. Run in a child. */
static void assert_exits(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		fn();
		_exit(0); /* not reached when fn ends the process */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
}

static void grow_past_size_max(void)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "x");
	strbuf_grow(&sb, SIZE_MAX);
}

static void array_past_size_max(void)
{
	free(xmallocarray(SIZE_MAX / 2, 3));
}

static void test_size_overflow(void **state)
{
	(void)state;
	assert_int_equal(st_add(2, 3), 5);
	assert_int_equal(st_mult(4, 5), 20);
	assert_int_equal(st_mult(0, SIZE_MAX), 0);
	assert_exits(grow_past_size_max);
	assert_exits(array_past_size_max);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_addf_grows),
		cmocka_unit_test(test_nul_inside),
		cmocka_unit_test(test_reset_keeps_memory),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_size_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
