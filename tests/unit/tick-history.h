/*
 * tick-history.h: one random history of writes played into two databases,
 * the time rules run after each step incrementally in the first (as the
 * agenda runs them: reading only when they are current) and over
 * everything in the second (playbook tick --full), and what they made
 * compared (issue 22). The steps are what a person does over months: log
 * interactions (some ahead, some as history), close tasks, move
 * opportunities, set cadences and rapport, link people, add offers with
 * deadlines, rename organisations, change their rules file, and let days
 * pass (RAPPORT_NOW moves on). Static functions in a header: the unit test
 * (tests/unit/test-tick.c) and the fuzz target (tests/fuzz/fuzz-tick.c)
 * are each linked alone with the library.
 */
#ifndef RAPPORT_TICK_HISTORY_H
#define RAPPORT_TICK_HISTORY_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/actions.h"
#include "method/offer_actions.h"
#include "method/opp_actions.h"
#include "method/playbook_run.h"
#include "store/account.h"
#include "store/store_internal.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define TH_PEOPLE_MAX 40
#define TH_OPPS_MAX 24

/* Rules of a user's file, to switch to and back: a change of rules makes a
 * full run, and these add a silence over other kinds, cadences given by
 * silences (the first before keep-in-touch in the rules' order, so that a
 * run's cadence can lapse in the same run), and turn a built-in rule off. */
static const char th_user_rules[] =
	"[silence]\non = silence\nafter = interview\ndays = 7\n"
	"stages = lead, applied, conversation, interviewing\nfor = hiring-manager, highest-rapport\n"
	"task = letter\ndue = 0\ntitle = Write to {person} about {opp}\nset-cadence = 25\n"
	"ends = inbound, stage, reached\n\n"
	"[silence.nudge]\non = silence\nafter = email, call\ndays = 3\n"
	"stages = applied, conversation, interviewing, offer\nfor = met\ntask = email\n"
	"due = +1\ntitle = Nudge {person} about {opp}\nends = inbound, stage\n\n"
	"[silence.radar]\non = silence\nafter = meeting, video\ndays = 2\nfor = met\n"
	"set-cadence = 20\n\n"
	"[thank-you]\nenabled = no\n";

struct tick_history {
	struct store *s[2]; /* 0: incremental runs, 1: full runs */
	struct playbook rules[2]; /* the built-in rules; with th_user_rules */
	int rules_in_force;
	int day, hour;      /* days after 2026-01-05, and the hour: the clock */
	const uint8_t *data; /* the fuzzer's bytes (NULL: the generator below) */
	size_t size, pos;
	uint64_t seed;
	int steps;
	char diff[640];     /* what differed, when they did */
	struct tick_stats last; /* what the last run looked at */
};

static inline void th_die(const char *doing, const struct error *err)
{
	fprintf(stderr, "tick-history: %s: %s\n", doing, err ? err->msg : "");
	abort();
}

/* A number below n: from the fuzzer's bytes, else from splitmix64. */
static inline unsigned th_pick(struct tick_history *h, unsigned n)
{
	uint64_t z;

	if (h->data) {
		z = h->pos < h->size ? h->data[h->pos++] : 0;
		return (unsigned)(z % n);
	}
	z = (h->seed += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (unsigned)((z ^ (z >> 31)) % n);
}

/* "2026-01-05" plus days, at hour (hour < 0: the day alone). */
static inline void th_moment(int days, int hour, char *out, size_t size)
{
	struct datetime dt;

	if (date_parse_iso("2026-01-05", &dt, NULL))
		th_die("cannot parse the first day", NULL);
	date_add_days(&dt, days);
	date_format_day(&dt, out);
	if (hour >= 0)
		snprintf(out + 10, size - 10, "T%02d:00", hour);
}

/* Set RAPPORT_NOW to the history's clock, for both stores. */
static inline void th_clock(struct tick_history *h)
{
	char now[32];
	struct error err = ERROR_INIT;

	th_moment(h->day, h->hour, now, sizeof(now));
	setenv("RAPPORT_NOW", now, 1);
	for (int k = 0; k < 2; k++)
		if (store_refresh_now(h->s[k], &err))
			th_die("cannot set the clock", &err);
}

/* The number sql gives on store 0 (the ids are the same in both). */
static inline int64_t th_number_in(struct store *s, const char *sql, int64_t arg)
{
	struct error err = ERROR_INIT;
	struct db_stmt *st = store_prepare(s, sql, "cannot count", &err);
	int64_t n = 0;

	if (!st)
		th_die("cannot count", &err);
	db_bind_int64(st, 1, arg);
	if (store_number(s, st, &n, "cannot count", &err))
		th_die("cannot count", &err);
	db_finalize(st);
	return n;
}

static inline int64_t th_number(struct tick_history *h, const char *sql, int64_t arg)
{
	return th_number_in(h->s[0], sql, arg);
}

/* An id of table (1 .. its count; 0 when it has none). */
static inline int64_t th_any(struct tick_history *h, const char *count_sql)
{
	int64_t n = th_number(h, count_sql, 0);

	return n ? 1 + (int64_t)th_pick(h, (unsigned)n) : 0;
}

/* One step's choices, made once and played into both stores. */
struct th_step {
	int op;
	int64_t a, b;      /* the records it is about */
	int n1, n2, n3;    /* its numbers */
};

/*
 * The task a step closes (st->a, chosen in the first store) in store s: the
 * task at the same place in the order of ids (st->b). The numbers themselves may
 * differ: a task made ahead and then forgotten gives its number back on
 * SQLite (the next rowid follows the largest) but not on PostgreSQL (an
 * identity never goes back), and both make the next task after all the
 * others either way.
 */
static inline int64_t th_task_in(struct tick_history *h, struct store *s,
				 const struct th_step *st)
{
	if (!st->a || s == h->s[0])
		return st->a;
	return th_number_in(s, "SELECT id FROM task ORDER BY id LIMIT 1 OFFSET ?1 - 1", st->b);
}

enum th_op {
	TH_LOG, TH_CLOSE, TH_MOVE, TH_CADENCE, TH_OFFER, TH_LINK, TH_TASK, TH_PERSON, TH_OPP,
	TH_MOVE_LOG, TH_ORG, TH_DAY, TH_RULES, TH_NOPS
};

/* How often each step comes, out of the sum. */
static const unsigned th_weights[TH_NOPS] = { 30, 14, 8, 6, 4, 5, 4, 2, 1, 3, 1, 7, 1 };

static inline int th_op_pick(struct tick_history *h)
{
	unsigned sum = 0, r;

	for (int i = 0; i < TH_NOPS; i++)
		sum += th_weights[i];
	r = th_pick(h, sum);
	for (int i = 0; i < TH_NOPS; i++) {
		if (r < th_weights[i])
			return i;
		r -= th_weights[i];
	}
	return TH_DAY;
}

#define TH_COUNT(table) "SELECT count(*) FROM " table

static inline void th_choose(struct tick_history *h, struct th_step *st)
{
	memset(st, 0, sizeof(*st));
	st->op = th_op_pick(h);
	st->n1 = (int)th_pick(h, 256);
	st->n2 = (int)th_pick(h, 256);
	st->n3 = (int)th_pick(h, 256);
	switch (st->op) {
	case TH_CLOSE:
		/* what the agenda shows first, mostly */
		st->a = th_number(h, "SELECT id FROM task WHERE status = 'open' ORDER BY due, id"
				     " LIMIT 1 OFFSET ?1", st->n1 % 4);
		/* its place, for the other store (th_task_in) */
		st->b = th_number(h, "SELECT count(*) FROM task WHERE id <= ?1", st->a);
		break;
	case TH_MOVE_LOG:
		st->a = th_any(h, TH_COUNT("interaction"));
		break;
	case TH_OFFER:
		st->a = th_any(h, TH_COUNT("opportunity"));
		st->b = th_number(h, "SELECT id FROM offer WHERE opp_id = ?1", st->a);
		break;
	case TH_PERSON: /* up to a few: a step past that does nothing */
		if (th_number(h, TH_COUNT("person"), 0) >= TH_PEOPLE_MAX)
			st->op = TH_NOPS;
		break;
	case TH_OPP:
		if (th_number(h, TH_COUNT("opportunity"), 0) >= TH_OPPS_MAX)
			st->op = TH_NOPS;
		break;
	default:
		st->a = st->n1 % 4 ? th_any(h, TH_COUNT("opportunity")) : 0;
		st->b = th_any(h, TH_COUNT("person"));
		break;
	}
}

static inline int th_log(struct tick_history *h, struct store *s, const struct th_step *st,
			 struct error *err)
{
	struct interaction it = { .chemistry = -1 };
	char at[32];
	int rc;

	/* mostly today, some days back, some ahead (planned) */
	th_moment(h->day - (st->n3 % 16 < 12 ? st->n3 % 4 : -(st->n3 % 3) - 1), 8 + st->n3 % 11,
		  at, sizeof(at));
	/* an interview in four, a reply in four */
	it.kind = st->n2 % 4 ? (enum interaction_kind)(st->n2 / 4 % 8) : IKIND_INTERVIEW;
	it.direction = st->n2 / 32 % 4 ? DIR_OUT : DIR_IN;
	it.opp.id = st->a;
	it.at = xstrdup(at);
	it.summary = xstrdup("talked");
	if (st->b) {
		VEC_PUSH(&it.people)->id = st->b;
		if (st->n1 % 3 == 0 && st->b > 1)
			VEC_PUSH(&it.people)->id = st->b - 1;
	}
	rc = action_log(s, &h->rules[h->rules_in_force], &it, st->n2 % 29 == 0, NULL, err);
	interaction_release(&it);
	return rc;
}

static inline int th_cadence(struct store *s, const struct th_step *st, struct error *err)
{
	static const int cadences[] = { -1, 3, 7, 14, 30 };
	struct person p = { 0 };
	int rc = store_person_get(s, st->b, &p, err);

	if (!rc) {
		p.cadence = cadences[st->n2 % 5];
		p.rapport = (int)(st->n3 % 7) - 1;
		rc = store_person_update(s, &p, err);
	}
	person_release(&p);
	return rc;
}

static inline int th_offer(struct tick_history *h, struct store *s, const struct th_step *st,
			   struct error *err)
{
	const struct playbook *pb = &h->rules[h->rules_in_force];
	struct offer of = { .terms = OFFER_TERMS_INIT };
	char deadline[32];
	bool moved;
	int rc;

	th_moment(h->day + st->n2 % 21, -1, deadline, sizeof(deadline));
	if (!st->b) {
		of.opp_id = st->a;
		of.terms.base = 100000;
		of.deadline = st->n3 % 4 ? xstrdup(deadline) : NULL;
		rc = action_offer_add(s, pb, &of, &moved, err);
	} else if (!(rc = offer_find(s, st->b, &of, err))) {
		char *old = of.deadline;
		of.deadline = st->n3 % 5 ? xstrdup(deadline) : NULL;
		rc = action_offer_update(s, pb, &of, old, false, false, err);
		free(old);
	}
	offer_release(&of);
	return rc;
}

static inline int th_task(struct tick_history *h, struct store *s, const struct th_step *st,
			  struct error *err)
{
	struct task t = { .kind = (enum task_kind)(st->n2 % 8) };
	char due[32];
	int rc;

	th_moment(h->day + st->n3 % 10, -1, due, sizeof(due));
	t.title = xstrdup("Send the portfolio");
	t.due = xstrdup(due);
	t.person.id = st->n1 % 2 ? st->b : 0;
	t.opp.id = st->a;
	rc = store_task_add(s, &t, err);
	task_release(&t);
	return rc;
}

static inline int th_person(struct store *s, const struct th_step *st, struct error *err)
{
	struct person p = { .rapport = (int)(st->n2 % 7) - 1, .cadence = st->n3 % 3 ? -1 : 10 };
	int rc;

	p.name = xstrdup(st->n1 % 2 ? "Hiring Manager" : "Data Recruiter");
	p.org_id = 1 + st->n2 % 3;
	rc = store_person_add(s, &p, err);
	person_release(&p);
	return rc;
}

static inline int th_opp(struct tick_history *h, struct store *s, const struct th_step *st,
			 struct error *err)
{
	struct opp o = { .salary_target = -1, .salary_low = -1, .salary_high = -1,
			 .salary_offered = -1 };
	int rc;

	o.org_id = 1 + st->n2 % 3;
	o.title = xstrdup(st->n1 % 2 ? "Data Lead" : "Analyst");
	o.stage = (enum stage)(st->n3 % 5);
	rc = action_opp_add(s, &h->rules[h->rules_in_force], &o, err);
	opp_release(&o);
	return rc;
}

static inline int th_org(struct store *s, const struct th_step *st, struct error *err)
{
	struct org o = { 0 };
	char name[32];
	int rc = store_org_get(s, 1 + st->n2 % 3, &o, err);

	snprintf(name, sizeof(name), "Northwind %d", st->n3);
	if (!rc) {
		free(o.name);
		o.name = xstrdup(name);
		rc = store_org_update(s, &o, err);
	}
	org_release(&o);
	return rc;
}

/* Play step st into s (in its write transaction): 0 or the error it met. */
/* A command that writes first records the run of a new day that the
 * commands reading let pass (cli/main.c, web/server.c). Weak: the replay
 * of bench/tick-equivalence builds this with a tree from before it. */
int playbooks_tick_catch_up(struct store *s, uint64_t fingerprint, struct error *err)
	__attribute__((weak));

static inline int th_play(struct tick_history *h, struct store *s, const struct th_step *st,
			  struct error *err)
{
	const struct playbook *pb = &h->rules[h->rules_in_force];
	struct log_outcome out;
	char at[32];

	if (playbooks_tick_catch_up && playbooks_tick_catch_up(s, pb->fingerprint, err))
		return err->code;

	switch (st->op) {
	case TH_LOG:
		return th_log(h, s, st, err);
	case TH_CLOSE:
		return st->a ? action_task_close(s, pb, th_task_in(h, s, st),
						 st->n2 % 3 ? TASK_DONE : TASK_SKIPPED, st->n3 % 2, err)
			     : 0;
	case TH_MOVE:
		return st->a ? action_opp_move(s, pb, st->a, (enum stage)(st->n2 % 10), NULL, err)
			     : 0;
	case TH_CADENCE:
		return st->b ? th_cadence(s, st, err) : 0;
	case TH_OFFER:
		return st->a ? th_offer(h, s, st, err) : 0;
	case TH_LINK:
		return st->a && st->b ? store_opp_link(s, st->a, st->b, (enum role)(st->n2 % 8), err)
				      : 0;
	case TH_TASK:
		return th_task(h, s, st, err);
	case TH_PERSON:
		return th_person(s, st, err);
	case TH_OPP:
		return th_opp(h, s, st, err);
	case TH_MOVE_LOG:
		th_moment(h->day - st->n2 % 6, 8 + st->n3 % 11, at, sizeof(at));
		return st->a ? action_interaction_move(s, pb, st->a, at, &out, err) : 0;
	case TH_ORG:
		return th_org(s, st, err);
	default:
		return 0;
	}
}

static inline int th_line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A follow-up's event or chain that names a task ("t:ID", a step after a
 * task done) names it by its place in the order of ids, as the digest's
 * tasks: the ids of tasks made ahead and deleted are not given back alike
 * by every backend. */
#define TH_TASK_REF(col)                                                          \
	"CASE WHEN substr(" col ", 1, 2) = 't:' THEN 't#' || ifnull((SELECT CAST(m.r AS TEXT)" \
	" FROM n m WHERE m.id = CAST(substr(" col ", 3) AS INTEGER)), " col ") ELSE " col " END"

/* Everything the rules make or touch, in one text per store: every task
 * (by its place in the order of ids, as th_task_in: its title, kind, due,
 * status, person, opportunity, origin, why, when it was made, shown and
 * closed), every follow-up recorded (TH_TASK_REF) and every cadence. */
static inline char *th_digest(struct store *s)
{
	static const char sql[] =
		"WITH n AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM task)"
		" SELECT 'task ' || n.r || ': ' || title || ' | ' || kind || ' | ' || due || ' | '"
		" || status || ' | ' || ifnull(person_id, 0) || ' | ' || ifnull(opp_id, 0)"
		" || ' | ' || origin || ' | ' || ifnull(why, '') || ' | ' || created_at"
		" || ' | ' || ifnull(shown_on, '') || ' | ' || ifnull(done_at, '')"
		" FROM task t JOIN n ON n.id = t.id"
		" UNION ALL SELECT 'fire ' || rule || ' ' || " TH_TASK_REF("event") " || ' ' || opp_id"
		" || ' ' || person_id || ' ' || ifnull(" TH_TASK_REF("chain") ", '') || ' '"
		" || ifnull(n.r, 0) || ' ' || at"
		" FROM rule_fire f LEFT JOIN n ON n.id = f.task_id"
		" UNION ALL SELECT 'person ' || id || ' ' || ifnull(CAST(cadence AS TEXT), '')"
		" FROM person";
	struct strbuf sb = STRBUF_INIT;
	struct error err = ERROR_INIT;
	struct db_stmt *st = store_prepare(s, sql, "cannot read", &err);
	char **lines = NULL;
	size_t n = 0, cap = 0;

	if (!st)
		th_die("cannot read", &err);
	while (store_step(s, st, "cannot read", &err) == DB_ROW) {
		if (n == cap)
			lines = xreallocarray(lines, cap = cap ? 2 * cap : 64, sizeof(*lines));
		lines[n++] = xstrdup(db_column_text(st, 0));
	}
	db_finalize(st);
	/* in one order whatever the backend's: PostgreSQL's rows come in no
	 * order of their ids once updated */
	qsort(lines, n, sizeof(*lines), th_line_cmp);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return strbuf_detach(&sb);
}

/* Are the two stores' digests the same? If not, h->diff says where. */
static inline bool th_same(struct tick_history *h)
{
	char *a = th_digest(h->s[0]), *b = th_digest(h->s[1]);
	size_t i = 0, line = 0;
	bool same = !strcmp(a, b);

	if (!same) {
		while (a[i] && a[i] == b[i])
			if (a[i++] == '\n')
				line = i;
		snprintf(h->diff, sizeof(h->diff), "step %d, day %d:\n  incremental: %.250s\n"
			 "  full:        %.250s", h->steps, h->day, a + line, b + line);
	}
	free(a);
	free(b);
	return same;
}

/* The time rules in store k as the agenda runs them (k = 0: reading when
 * they are current, else incrementally) or over everything (k = 1). */
static inline void th_tick(struct tick_history *h, int k)
{
	const struct playbook *pb = &h->rules[h->rules_in_force];
	struct store *s = h->s[k];
	struct error err = ERROR_INIT;
	bool current = false;

	if (k == 0) {
		if (store_begin_read(s, &err) || playbooks_tick_current(s, pb->fingerprint, &current, &err))
			th_die("cannot read the mark", &err);
		store_rollback(s);
		if (current) {
			memset(&h->last, 0, sizeof(h->last));
			return;
		}
	}
	if (store_begin_write(s, &err) || playbooks_tick_run(s, pb, k == 1, &h->last, &err) ||
	    store_commit(s, &err))
		th_die("the time rules failed", &err);
}

/* What a step does before it writes: the days pass, the rules change, and
 * the clock says so. */
static inline void th_advance(struct tick_history *h, const struct th_step *st)
{
	h->steps++;
	if (st->op == TH_DAY) {
		h->day += 1 + st->n1 % 2;
		h->hour = 8 + st->n2 % 10;
	} else if (st->op == TH_RULES) {
		h->rules_in_force = !h->rules_in_force;
	}
	th_clock(h);
}

/* One step into both stores; false when they came apart. */
static inline bool th_step(struct tick_history *h)
{
	struct th_step st;
	struct error err[2] = { ERROR_INIT, ERROR_INIT };
	int rc[2];

	th_choose(h, &st);
	th_advance(h, &st);
	for (int k = 0; k < 2; k++) {
		if (store_begin_write(h->s[k], &err[k]))
			th_die("cannot begin", &err[k]);
		rc[k] = th_play(h, h->s[k], &st, &err[k]);
		if (rc[k])
			store_rollback(h->s[k]);
		else if (store_commit(h->s[k], &err[k]))
			th_die("cannot commit", &err[k]);
	}
	if (rc[0] != rc[1]) {
		snprintf(h->diff, sizeof(h->diff), "step %d (%d): %d (%.200s), then %d (%.200s)", h->steps,
			 st.op, rc[0], rc[0] ? err[0].msg : "", rc[1], rc[1] ? err[1].msg : "");
		return false;
	}
	/* the agenda after most steps; some writes come two in a row */
	if (st.n3 % 5)
		for (int k = 0; k < 2; k++)
			th_tick(h, k);
	return true;
}

/* Two new databases (at where[0] and where[1]), three organisations, a few
 * people and opportunities, on 2026-01-05; data (size bytes) drives the
 * choices, or seed when data is NULL. */
static inline void th_open_at(struct tick_history *h, const uint8_t *data, size_t size,
			      uint64_t seed, const char *const where[2])
{
	static const char *const orgs[] = { "Northwind", "Acme Analytics", "Contoso" };
	struct error err = ERROR_INIT;

	memset(h, 0, sizeof(*h));
	h->data = data;
	h->size = size;
	h->seed = seed;
	h->hour = 9;
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1); /* the built-in rules only */
	if (playbooks_load(&h->rules[0], NULL, &err) || playbooks_load(&h->rules[1], NULL, &err) ||
	    playbook_parse(&h->rules[1], "user.ini", th_user_rules, strlen(th_user_rules), NULL,
			   &err))
		th_die("cannot load the rules", &err);
	setenv("RAPPORT_NOW", "2026-01-05T09:00", 1);
	for (int k = 0; k < 2; k++) {
		/* on PostgreSQL, as a person's command line: the database's owner */
		if (store_open(&h->s[k], where[k], 0, &err) || store_act_as(h->s[k], NULL, &err) ||
		    store_begin_write(h->s[k], &err))
			th_die("cannot open a database", &err);
		for (size_t i = 0; i < ARRAY_SIZE(orgs); i++) {
			struct org o = { .name = xstrdup(orgs[i]) };
			if (store_org_add(h->s[k], &o, &err))
				th_die("cannot add an organisation", &err);
			org_release(&o);
		}
		if (store_commit(h->s[k], &err))
			th_die("cannot commit", &err);
	}
	for (int i = 0; i < 12; i++) {
		struct th_step st = { .op = i % 2 ? TH_PERSON : TH_OPP, .n1 = i, .n2 = i, .n3 = i };
		for (int k = 0; k < 2; k++) {
			if (store_begin_write(h->s[k], &err) || th_play(h, h->s[k], &st, &err) ||
			    store_commit(h->s[k], &err))
				th_die("cannot add the first records", &err);
		}
	}
}

/* The same, both in memory. */
static inline void th_open(struct tick_history *h, const uint8_t *data, size_t size,
			   uint64_t seed)
{
	static const char *const memory[2] = { ":memory:", ":memory:" };

	th_open_at(h, data, size, seed, memory);
}

static inline void th_close(struct tick_history *h)
{
	for (int k = 0; k < 2; k++) {
		store_close(h->s[k]);
		playbook_release(&h->rules[k]);
	}
}

#endif
