/* test-agenda-score.c: the agenda's score as agenda.h documents it, and the
 * order agenda_sort and agenda_sort_upcoming give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "method/agenda.h"

#define TODAY "2026-03-02"

static struct task task(const char *due, int kind, int stage, int rapport)
{
	struct task t;

	memset(&t, 0, sizeof(t));
	t.due = (char *)due;
	t.kind = kind;
	t.opp_stage = stage;
	t.person_rapport = rapport;
	t.status = TASK_OPEN;
	return t;
}

static int score(const char *due, int kind, int stage, int rapport)
{
	struct task t = task(due, kind, stage, rapport);

	return agenda_score(&t, TODAY);
}

static void test_kind_weights(void **state)
{
	(void)state;
	/* due today, no opportunity (5), unrated (0): the kind alone */
	assert_int_equal(score(TODAY, TKIND_CALL, -1, -1), 5 + 8);
	assert_int_equal(score(TODAY, TKIND_EMAIL, -1, -1), 5 + 6);
	assert_int_equal(score(TODAY, TKIND_LETTER, -1, -1), 5 + 6);
	assert_int_equal(score(TODAY, TKIND_MEETING, -1, -1), 5 + 6);
	assert_int_equal(score(TODAY, TKIND_REVIEW, -1, -1), 5 + 4);
	assert_int_equal(score(TODAY, TKIND_LINKEDIN, -1, -1), 5 + 3);
	assert_int_equal(score(TODAY, TKIND_LEARN, -1, -1), 5 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, -1, -1), 5 + 2);
}

static void test_stage_weights(void **state)
{
	(void)state;
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_NEGOTIATING, -1), 40 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_OFFER, -1), 40 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_INTERVIEWING, -1), 30 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_CONVERSATION, -1), 20 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_APPLIED, -1), 10 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_LEAD, -1), 5 + 2);
	assert_int_equal(score(TODAY, TKIND_OTHER, STAGE_REJECTED, -1), 5 + 2); /* closed */
}

static void test_rapport(void **state)
{
	(void)state;
	assert_int_equal(score(TODAY, TKIND_OTHER, -1, 0), 7);
	assert_int_equal(score(TODAY, TKIND_OTHER, -1, 3), 7 + 15);
	assert_int_equal(score(TODAY, TKIND_OTHER, -1, 5), 7 + 25);
}

static void test_days(void **state)
{
	(void)state;
	/* 10 a day overdue, at most 30 days; -2 a day ahead, at most 30 days */
	assert_int_equal(score("2026-03-01", TKIND_OTHER, -1, -1), 7 + 10);
	assert_int_equal(score("2026-02-20", TKIND_OTHER, -1, -1), 7 + 100);
	assert_int_equal(score("2026-01-01", TKIND_OTHER, -1, -1), 7 + 300);
	assert_int_equal(score("2025-01-01", TKIND_OTHER, -1, -1), 7 + 300);
	assert_int_equal(score("2026-03-03", TKIND_OTHER, -1, -1), 7 - 2);
	assert_int_equal(score("2026-03-09", TKIND_OTHER, -1, -1), 7 - 14);
	assert_int_equal(score("2027-03-02", TKIND_OTHER, -1, -1), 7 - 60);
	/* a due time counts its day only */
	assert_int_equal(score("2026-03-01T18:30", TKIND_OTHER, -1, -1), 7 + 10);
	/* no due day, or a bad one: as if due today */
	assert_int_equal(score(NULL, TKIND_OTHER, -1, -1), 7);
	assert_int_equal(score("soon", TKIND_OTHER, -1, -1), 7);
}

static void test_sort(void **state)
{
	struct task t[4];

	(void)state;
	t[0] = task("2026-03-05", TKIND_EMAIL, -1, -1);      /* 11 - 6 = 5 */
	t[1] = task(TODAY, TKIND_CALL, STAGE_OFFER, 4);       /* 8 + 40 + 20 = 68 */
	t[2] = task("2026-02-28", TKIND_EMAIL, -1, -1);      /* 11 + 20 = 31 */
	t[3] = task("2026-03-04", TKIND_CALL, STAGE_OFFER, 4); /* 68 - 4 = 64 */
	for (int i = 0; i < 4; i++)
		t[i].id = i + 1;
	agenda_sort(t, 4, TODAY);
	assert_int_equal(t[0].id, 2);
	assert_int_equal(t[1].id, 4);
	assert_int_equal(t[2].id, 3);
	assert_int_equal(t[3].id, 1);
	/* upcoming: by day first */
	agenda_sort_upcoming(t, 4, TODAY);
	assert_int_equal(t[0].id, 3);
	assert_int_equal(t[1].id, 2);
	assert_int_equal(t[2].id, 4);
	assert_int_equal(t[3].id, 1);
}

static void test_ties(void **state)
{
	struct task t[3];

	(void)state;
	/* the same score: the earlier due first, then the lower id */
	t[0] = task("2026-03-03T10:00", TKIND_OTHER, -1, -1);
	t[1] = task("2026-03-03T09:00", TKIND_OTHER, -1, -1);
	t[2] = task("2026-03-03T09:00", TKIND_OTHER, -1, -1);
	t[0].id = 1;
	t[1].id = 3;
	t[2].id = 2;
	agenda_sort(t, 3, TODAY);
	assert_int_equal(t[0].id, 2);
	assert_int_equal(t[1].id, 3);
	assert_int_equal(t[2].id, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_weights),
		cmocka_unit_test(test_stage_weights),
		cmocka_unit_test(test_rapport),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_ties),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
