/*
 * fuzz-tick.c: libFuzzer target for the time rules run only over what
 * changed (make fuzz; issue 22). The input's bytes choose a history of
 * writes over weeks (tests/unit/tick-history.h: interactions, tasks closed,
 * stage moves, cadences, links, offers with deadlines, renames, the rules
 * file changed, days passing), played into two in-memory databases: the
 * time rules run after each step incrementally in one and over everything
 * in the other.
 *
 * Beyond not crashing: both make the same tasks, follow-ups and cadences,
 * step by step (a difference aborts, printing where).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../unit/tick-history.h"

#define STEPS_MAX 150 /* a longer input plays its first steps only: runs stay fast */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tick_history h;

	th_open(&h, data, size, 0);
	while (h.pos < h.size && h.steps < STEPS_MAX) {
		if (!th_step(&h) || !th_same(&h)) {
			fprintf(stderr, "fuzz-tick: the incremental and full runs differ: %s\n",
				h.diff);
			abort();
		}
	}
	th_close(&h);
	return 0;
}
