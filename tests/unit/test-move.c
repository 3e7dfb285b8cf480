/* test-move.c: the ids of a move between a person's file and a practice's
 * account (method/move.c): each account's window, local ids into it and
 * back, and ids from outside a window left as they are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "method/move.h"

static void test_windows(void **state)
{
	(void)state;
	assert_true(move_id_base(1) == (int64_t)1 << 33);
	assert_true(move_id_base(2) - move_id_base(1) == 2 * MOVE_LOCAL_IDS);
	assert_true(move_id_base(0) == 0);
	assert_true(move_id_base(-3) == 0);
	assert_true(move_id_base((int64_t)1 << 40) == 0); /* would overflow */
}

static void test_there_and_back(void **state)
{
	int64_t base = move_id_base(7);
	const int64_t ids[] = { 1, 2, 41, 1000000, MOVE_LOCAL_IDS - 1 };

	(void)state;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		int64_t in = move_id_in(base, ids[i]);
		assert_true(in > base && in < base + MOVE_LOCAL_IDS);
		assert_true(move_id_out(base, in) == ids[i]);
		/* never in another account's window */
		assert_true(in < move_id_base(8) && in >= move_id_base(7));
	}
}

static void test_outside_the_window(void **state)
{
	int64_t base = move_id_base(3);
	int64_t made_since = move_id_base(5) + MOVE_LOCAL_IDS + 12; /* past another's window */

	(void)state;
	/* a row the practice made since a push keeps its id in the file and back */
	assert_true(move_id_out(base, made_since) == made_since);
	assert_true(move_id_in(base, made_since) == made_since);
	/* a row made before any push, by the sequence */
	assert_true(move_id_out(base, 5) == 5);
	/* a local file's ids: no base */
	assert_true(move_id_out(0, 5) == 5);
	assert_true(move_id_in(base, 0) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_there_and_back),
		cmocka_unit_test(test_outside_the_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
