/*
 * tick-replay.c: the generated histories of tests/unit/tick-history.h
 * played through the time rules as the agenda runs them, printing after
 * each run the tasks a person sees that day (every shown task, open or
 * closed, without its id or when it was made): the same text from two
 * builds means that each day shows the same tasks. bench/tick-equivalence
 * builds it against this tree and another (issue 22: the tasks made ahead
 * show, day by day, exactly the tasks the code before them made).
 *
 *   tick-replay SEEDS STEPS
 *
 * Which open task a step closes is picked among those shown, by their
 * content, not their id: two builds number their tasks differently.
 */
#include "../tests/unit/tick-history.h"

/* The open task shown today that is n-th by due day and content (0: none). */
static int64_t shown_open_task(struct tick_history *h, int n)
{
	static const char with_day[] =
		"SELECT id FROM task WHERE status = 'open' AND (shown_on IS NULL OR shown_on <= ?2)"
		" ORDER BY due, title, ifnull(person_id, 0), ifnull(opp_id, 0), origin,"
		" ifnull(why, ''), id LIMIT 1 OFFSET ?1";
	static const char without[] =
		"SELECT id FROM task WHERE status = 'open' AND ?2 IS NOT NULL"
		" ORDER BY due, title, ifnull(person_id, 0), ifnull(opp_id, 0), origin,"
		" ifnull(why, ''), id LIMIT 1 OFFSET ?1";
	bool ahead = th_number(h, "SELECT count(*) FROM pragma_table_info('task')"
				  " WHERE name = 'shown_on' AND ?1 = 0", 0) > 0;
	struct error err = ERROR_INIT;
	struct db_stmt *st = store_prepare(h->s[0], ahead ? with_day : without, "cannot read",
					   &err);
	int64_t id = 0;
	char today[11];

	if (!st)
		th_die("cannot read", &err);
	snprintf(today, sizeof(today), "%s", store_stamp(h->s[0]));
	db_bind_int64(st, 1, n);
	bind_text(st, 2, today);
	if (store_number(h->s[0], st, &id, "cannot read", &err))
		th_die("cannot read", &err);
	db_finalize(st);
	return id;
}

/* One step, as th_step plays it, into the first store alone; whether the
 * time rules ran after it. */
/* With `midnight` (a third argument), the time rules also run at the first
 * moment of each day the clock enters, before anything is written that
 * day: a user who opens rapport before anything else. (Since tasks are made
 * ahead of their day, they are made at that moment whether or not rapport
 * runs then; before, they were made by the day's first run, whatever it
 * followed.) */
static int midnight;

static void midnight_runs(struct tick_history *h, int from_day)
{
	int day = h->day, hour = h->hour;

	for (int d = from_day + 1; d <= day; d++) {
		h->day = d;
		h->hour = 0;
		th_clock(h);
		th_tick(h, 0);
	}
	h->day = day;
	h->hour = hour;
	th_clock(h);
}

static bool replay_step(struct tick_history *h)
{
	struct th_step st;
	struct error err = ERROR_INIT;

	int day = h->day;

	th_choose(h, &st);
	if (st.op == TH_CLOSE)
		st.a = shown_open_task(h, st.n1 % 4);
	th_advance(h, &st);
	if (midnight)
		midnight_runs(h, day);
	if (store_begin_write(h->s[0], &err))
		th_die("cannot begin", &err);
	if (th_play(h, h->s[0], &st, &err))
		store_rollback(h->s[0]);
	else if (store_commit(h->s[0], &err))
		th_die("cannot commit", &err);
	if (!(st.n3 % 5))
		return false;
	th_tick(h, 0);
	return true;
}

static int line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The tasks shown now, sorted, one a line. */
static void print_shown(struct tick_history *h)
{
	struct error err = ERROR_INIT;
	task_vec v = { 0 };
	char **lines;

	if (store_begin_read(h->s[0], &err) || store_task_list(h->s[0], true, &v, &err))
		th_die("cannot list the tasks", &err);
	store_rollback(h->s[0]);
	lines = xreallocarray(NULL, v.n + 1, sizeof(*lines));
	for (size_t i = 0; i < v.n; i++) {
		const struct task *t = &v.items[i];
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s | %s | %s | %s | %lld | %lld | %s | %s | %s | %s", t->title,
			    enum_name(&task_kind_def, (int)t->kind), t->due,
			    enum_name(&task_status_def, (int)t->status), (long long)t->person.id,
			    (long long)t->opp.id, t->origin, t->why ? t->why : "",
			    t->template ? t->template : "", t->done_at ? t->done_at : "");
		lines[i] = strbuf_detach(&sb);
	}
	qsort(lines, v.n, sizeof(*lines), line_cmp);
	printf("== step %d, day %d: %zu tasks\n", h->steps, h->day, v.n);
	for (size_t i = 0; i < v.n; i++) {
		printf("%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	task_vec_release(&v);
}

int main(int argc, char **argv)
{
	int seeds = argc > 1 ? atoi(argv[1]) : 2, steps = argc > 2 ? atoi(argv[2]) : 1100;

	midnight = argc > 3 && !strcmp(argv[3], "midnight");

	for (int seed = 1; seed <= seeds; seed++) {
		struct tick_history h;
		printf("=== seed %d\n", seed);
		th_open(&h, NULL, 0, (uint64_t)seed);
		for (int i = 0; i < steps; i++)
			if (replay_step(&h))
				print_shown(&h);
		th_close(&h);
	}
	return fflush(stdout) || ferror(stdout) ? 1 : 0;
}
