/* playbook_time.c: the time rules (silences, keep-in-touch, deadlines still
 * ahead), run over what changed and what fell due (store/tick.h), and the
 * tasks they make ahead of their day (store/ahead.h). */
#include "method/playbook_run.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/engine.h"
#include "method/playbook_internal.h"
#include "store/ahead.h"
#include "store/history.h"
#include "store/offer.h"
#include "store/tick.h"
#include "util/strbuf.h"

/* A run of the time rules: its day, the day of the run before (a task
 * made ahead for a later day is the rules' guess still: store/ahead.h),
 * whether it looks at everything, and its items (store/tick.h). */
struct tick {
	const char *today;
	char last[11];
	bool full;
	struct tick_run run;
};

/* Deadlines still ahead whose rules have not run (a rule added since, an
 * import, someone now linked). No day of their own to wait for: a deadline's
 * rules run when it is set, their tasks due relative to it. */
static int tick_deadlines(struct store *s, const struct playbook *pb, const struct tick *t,
			  struct error *err)
{
	offer_vec v = { 0 };
	int rc = store_offer_deadlines_ticked(s, t->run.opps_json, t->today, &v, err);

	for (size_t i = 0; i < v.n && !rc; i++)
		rc = deadline_rules(s, pb, v.items[i].opp_id, v.items[i].deadline, err);
	offer_vec_release(&v);
	return rc;
}


/* ---- tasks made ahead (store/ahead.h) ---- */

/*
 * A time rule makes its task ahead, as soon as its day is known (issue 22:
 * the first run of a new day then writes nothing): the task it will make
 * that day, hidden until then. Not a rule that sets a cadence, which
 * changes data on its day, nor one without a task.
 */
static bool makes_ahead(const struct rule *r)
{
	return r->task_kind >= 0 && !r->set_cadence;
}

/* What one rule's pass over the run's items made ahead: the tasks that
 * stand (kept or made); per kind of item (enum tick_kind), those it wrote
 * only for tasks made ahead (quiet), those it wrote for others too (loud),
 * and those written before it (read when it first writes). */
struct ahead_pass {
	id_vec keep;
	struct {
		id_vec quiet, loud, written;
	} item[2];
	bool read_written;
};

static void ahead_pass_release(struct ahead_pass *pass)
{
	free(pass->keep.items);
	for (int k = 0; k < 2; k++) {
		free(pass->item[k].quiet.items);
		free(pass->item[k].loud.items);
		free(pass->item[k].written.items);
	}
}

/* Are the tasks made ahead (by id) those the rule makes now for the event,
 * shown on day? */
static bool ahead_matches(const struct rule *r, const struct rule_event *ev,
			  const struct ahead_task *old, size_t n, const char *day)
{
	proposal_vec props = { 0 };
	bool same = true;

	engine_propose(r, ev, &props);
	same = props.n == n;
	for (size_t i = 0; i < props.n && same; i++) {
		struct task t;
		const struct ahead_task *o = &old[i];
		proposal_task(ev, &props.items[i], day, &t);
		task_tidy(&t);
		same = text_same(t.title, o->title) && text_same(t.why, o->why) &&
		       text_same(t.due, o->due) && text_same(t.template, o->template) &&
		       text_same(o->kind, enum_name(&task_kind_def, r->task_kind)) &&
		       text_same(o->shown_on, day) && text_same(o->event, ev->key) &&
		       o->person_id == props.items[i].person_id;
		task_release(&t);
	}
	proposal_vec_release(&props);
	return same;
}

/* The ids as a JSON array (the store's statements take them so). */
static char *ids_json(const id_vec *ids)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addch(&sb, '[');
	for (size_t i = 0; i < ids->n; i++)
		strbuf_addf(&sb, "%s%lld", i ? "," : "", (long long)ids->items[i]);
	strbuf_addch(&sb, ']');
	return strbuf_detach(&sb);
}

/* Who was written before this pass wrote (its first write is next). */
static int ahead_written(struct store *s, struct ahead_pass *pass, struct error *err)
{
	if (pass->read_written)
		return 0;
	pass->read_written = true;
	return store_tick_written(s, TICK_OPP, &pass->item[TICK_OPP].written, err) ||
			       store_tick_written(s, TICK_PERSON, &pass->item[TICK_PERSON].written,
						  err)
		       ? err->code
		       : 0;
}

/* Make the rule's tasks for the event anew, the old ones made ahead for
 * the item (of kind `kind`) gone: ahead, hidden until day, when that is to
 * come, else now. What the pass wrote for them goes to quiet or loud. */
static int ahead_make(struct store *s, const struct rule *r, const struct rule_event *ev,
		      enum tick_kind kind, int64_t item, const char *day, bool later,
		      struct tick *tk, struct ahead_pass *pass, struct error *err)
{
	struct made made = { later ? &pass->keep : NULL, NULL };
	char items[32];
	char *keep;
	int rc;

	if (ahead_written(s, pass, err))
		return err->code;
	/* the old ones of the item (but those kept in this pass): the new
	 * follow-up records take their keys */
	snprintf(items, sizeof(items), "[%lld]", (long long)item);
	keep = ids_json(&pass->keep);
	rc = store_ahead_forget(s, r->name, kind, items, keep, tk->last, err);
	free(keep);
	if (rc)
		return rc;
	/* a task written ahead only, or also now */
	made.people = later ? &pass->item[TICK_PERSON].quiet : &pass->item[TICK_PERSON].loud;
	if (ev->opp_id)
		*VEC_PUSH(later ? &pass->item[TICK_OPP].quiet : &pass->item[TICK_OPP].loud) =
			ev->opp_id;
	return run_rule_on(s, r, ev, later ? day : NULL, &made, err);
}

/* The end of a pass: the tasks made ahead of the run's items of kind that
 * no longer stand go (of everyone in a full run), and what the pass wrote
 * only ahead is not news for the next run, which would find it right: it
 * need not look again. */
static int ahead_end(struct store *s, const struct rule *r, struct tick *tk,
		     enum tick_kind kind, struct ahead_pass *pass, struct error *err)
{
	const char *items = kind == TICK_OPP ? tk->run.opps_json : tk->run.people_json;
	char *keep = ids_json(&pass->keep);
	int rc = store_ahead_forget(s, r->name, kind, tk->full ? NULL : items, keep, tk->last, err);

	free(keep);
	for (int k = 0; k < 2 && !rc; k++) {
		id_vec quiet = { 0 };
		char *json;
		for (size_t i = 0; i < pass->item[k].quiet.n; i++) {
			int64_t id = pass->item[k].quiet.items[i];
			if (!id_vec_has(&pass->item[k].loud, id) &&
			    !id_vec_has(&pass->item[k].written, id))
				*VEC_PUSH(&quiet) = id;
		}
		json = ids_json(&quiet);
		if (quiet.n)
			rc = store_tick_unwrite(s, (enum tick_kind)k, json, err);
		free(json);
		free(quiet.items);
	}
	return rc;
}

/* The rule's tasks for the event of the item (of kind `kind`) as of day,
 * when it makes them ahead: the ones made ahead (old, n of them) when they
 * are right, else made anew. */
static int run_ahead(struct store *s, const struct rule *r, const struct rule_event *ev,
		     enum tick_kind kind, int64_t item, const char *day,
		     const struct ahead_task *old, size_t n, struct tick *tk,
		     struct ahead_pass *pass, struct error *err)
{
	bool later = strcmp(day, tk->today) > 0;

	if (n && ahead_matches(r, ev, old, n, day)) {
		for (size_t i = 0; i < n; i++)
			*VEC_PUSH(&pass->keep) = old[i].id;
		return 0;
	}
	return ahead_make(s, r, ev, kind, item, day, later, tk, pass, err);
}

/* ---- silences ---- */

/* A silence after an interaction is not started by one marked as history,
 * nor by one logged past the rule's window (a backfilled interview). */
static int silence_waived(struct store *s, const struct rule *r, const struct silence_start *x,
			  bool *waived, struct error *err)
{
	*waived = x->logged && past_window(r, x->at, x->logged);
	if (*waived || x->origin)
		return 0;
	return store_interaction_marked(s, x->event_id, STORE_MARK_HISTORY, waived, err);
}

/* The rule's tasks for the silence reached on day `reached`: made ahead
 * when the rule does, as soon as the day is known. */
static int silence_run(struct store *s, const struct rule *r, struct situation *sit,
		       const char *reached, struct tick *tk, struct ahead_pass *pass,
		       struct error *err)
{
	ahead_vec old = { 0 };
	int rc;

	if (!makes_ahead(r))
		return run_rule(s, r, &sit->ev, err);
	if (store_ahead_find_event(s, r->name, sit->ev.opp_id, sit->key, tk->last, &old, err))
		return err->code;
	rc = run_ahead(s, r, &sit->ev, TICK_OPP, sit->ev.opp_id, reached, old.items, old.n, tk,
		       pass, err);
	ahead_vec_release(&old);
	return rc;
}

static int silence_started(struct store *s, const struct rule *r, const struct silence_start *x,
			   struct tick *t, struct ahead_pass *pass, struct error *err)
{
	struct situation sit = { 0 };
	bool after_done = x->origin != NULL, fired;
	int delay = after_done && !strcmp(x->origin, r->name) && r->every ? r->every : r->days;
	char reached[DATE_BUFSZ];
	int rc = 0, count = 0;

	if (!day_after(x->at, delay, reached))
		return 0;
	if (strcmp(t->today, reached) < 0 && !makes_ahead(r)) {
		/* its time is to come: its day, for the next runs */
		store_tick_next(&t->run, TICK_OPP, x->opp_id, reached);
		return 0;
	}
	snprintf(sit.key, sizeof(sit.key), "%s:%lld", after_done ? "t" : "i",
		 (long long)x->event_id);
	if (store_rule_fired(s, r->name, sit.key, &fired, err) ||
	    (!fired && silence_waived(s, r, x, &fired, err)))
		return err->code;
	if (fired)
		return 0;
	snprintf(sit.chain, sizeof(sit.chain), "%s", x->chain ? x->chain : sit.key);
	if (after_done && (store_chain_count(s, sit.chain, r->name, &count, err)))
		return err->code;
	if (count >= (r->repeat ? r->repeat : 1))
		return 0;
	if ((rc = situation_opp(s, &sit, x->opp_id, after_done ? 0 : x->event_id, err)) ||
	    (rc = situation_target(s, &sit, x->person_id, err)))
		goto out;
	if (r->stages && !(r->stages & (1u << sit.ev.stage)))
		goto out;
	/* a stage change after the chain's last step began ends the chain */
	if (after_done && (r->cancel & CANCEL_STAGE) && x->since &&
	    strcmp(sit.opp.stage_changed_at, x->since) > 0)
		goto out;
	sit.ev.chain = sit.chain;
	sit.ev.days = delay;
	situation_dates(&sit, x->at, reached);
	rc = silence_run(s, r, &sit, reached, t, pass, err);
out:
	situation_release(&sit);
	return rc;
}

static int tick_silence(struct store *s, const struct rule *r, struct tick *t,
			struct error *err)
{
	struct ahead_pass pass = { 0 };
	silence_vec v = { 0 };
	char since[DATE_BUFSZ];
	int rc;

	if (r->after_rule) {
		/* a chain does not wake up after three months */
		day_after(t->today, -90, since);
		rc = store_silent_after_done(s, t->run.opps_json, r->after_rule, r->name, since, &v,
					     err);
	} else {
		rc = store_silent_after_interaction(s, t->run.opps_json, r->stages, r->kinds, &v,
						    err);
	}
	for (size_t i = 0; i < v.n && !rc; i++)
		rc = silence_started(s, r, &v.items[i], t, &pass, err);
	if (!rc && makes_ahead(r))
		rc = ahead_end(s, r, t, TICK_OPP, &pass, err);
	silence_vec_release(&v);
	ahead_pass_release(&pass);
	return rc;
}

/* ---- keep in touch ---- */

/* A cadence still to lapse: its day (the store counts it from the local
 * day of the last contact), for the next runs. */
static void touch_later(struct tick *t, const struct touch_due *due)
{
	if (due->due)
		store_tick_next(&t->run, TICK_PERSON, due->person_id, due->due);
}

/* An interaction with the person still ahead, not planned (imported, or
 * history), on or before the lapse day, changes the last contact the task
 * names when its time comes, without a write: the person's day then. */
static int ahead_contact(struct store *s, struct tick *tk, const struct touch_due *t,
			 struct error *err)
{
	char *at;

	if (store_person_next_contact(s, t->person_id, &at, err))
		return err->code;
	if (at && strncmp(at, t->due, 10) <= 0)
		store_tick_next(&tk->run, TICK_PERSON, t->person_id, at);
	free(at);
	return 0;
}

/* The person's task of rule r for the event, as of the lapse day
 * (t->due): the one made ahead when it is right, else made anew, ahead
 * when the day is to come. */
static int cadence_ahead(struct store *s, const struct rule *r, const struct rule_event *ev,
			 const struct touch_due *t, struct tick *tk, struct ahead_pass *pass,
			 struct error *err)
{
	struct ahead_task old;
	int rc;

	if (store_ahead_find(s, r->name, t->person_id, tk->last, &old, err))
		return err->code;
	rc = run_ahead(s, r, ev, TICK_PERSON, t->person_id, t->due, &old, old.id ? 1 : 0, tk,
		       pass, err);
	ahead_task_release(&old);
	if (rc || strcmp(t->due, tk->today) <= 0)
		return rc;
	return ahead_contact(s, tk, t, err);
}

static int cadence_person(struct store *s, const struct rule *r, const struct touch_due *t,
			  struct tick *tk, struct ahead_pass *pass, struct error *err)
{
	struct situation sit = { 0 };
	int rc;

	if (!t->next_touch || !t->due || (strcmp(t->due, tk->today) > 0 && !makes_ahead(r))) {
		touch_later(tk, t);
		return 0;
	}
	snprintf(sit.key, sizeof(sit.key), "lapse:%s", t->next_touch);
	sit.ev.stage = sit.ev.kind = -1;
	sit.ev.days = t->cadence;
	/* from interactions only: a due date is not a conversation */
	sit.ev.last_contact = t->last_contact;
	if (!(rc = situation_target(s, &sit, t->person_id, err))) {
		situation_dates(&sit, t->due, t->due);
		rc = makes_ahead(r) ? cadence_ahead(s, r, &sit.ev, t, tk, pass, err)
				    : run_rule(s, r, &sit.ev, err);
	}
	situation_release(&sit);
	return rc;
}

static int tick_cadence(struct store *s, const struct rule *r, struct tick *tk,
			struct error *err)
{
	struct ahead_pass pass = { 0 };
	touch_vec v = { 0 };
	int rc = store_touch_due(s, tk->run.people_json, r->name, tk->last, &v, err);

	for (size_t i = 0; i < v.n && !rc; i++)
		rc = cadence_person(s, r, &v.items[i], tk, &pass, err);
	if (!rc && makes_ahead(r))
		rc = ahead_end(s, r, tk, TICK_PERSON, &pass, err);
	touch_vec_release(&v);
	ahead_pass_release(&pass);
	return rc;
}

/* Skip the open tasks that their opportunity's state contradicts: made
 * before their rule said what ends it, or by a command that ended them
 * under other rules. The agenda runs this first, so it never shows an offer
 * visit for an offer declined. */
static int sweep_rule(struct store *s, const struct rule *r, const char *opps,
		      struct error *err)
{
	char reason[128];

	for (int st = 0; st < (int)stage_def.count; st++) {
		if (!ends_rule(r, stage_is_closed((enum stage)st) ? CANCEL_CLOSED : 0, st))
			continue;
		snprintf(reason, sizeof(reason), "(Skipped: the opportunity is %s.)",
			 enum_name(&stage_def, st));
		if (store_skip_contradicted(s, opps, r->name, st, false, reason, err))
			return err->code;
	}
	if ((r->cancel & CANCEL_STAGE) && r->trigger != TRIGGER_SILENCE &&
	    store_skip_contradicted(s, opps, r->name, -1, true,
				    "(Skipped: the opportunity changed stage since.)", err))
		return err->code;
	return 0;
}

static int origin_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sweep the rules that have open tasks on the run's opportunities (the
 * others have nothing to sweep there), in the rules' order. */
static int sweep_rules(struct store *s, const struct playbook *pb, const struct tick_run *run,
		       struct error *err)
{
	origin_vec open = { 0 };
	int rc = store_tick_open_origins(s, run, &open, err);

	for (size_t i = 0; i < pb->n && !rc; i++) {
		const char *name = pb->rules[i].name;
		/* bsearch wants an array, even of none */
		if (open.n && bsearch(&name, open.items, open.n, sizeof(*open.items), origin_cmp))
			rc = sweep_rule(s, &pb->rules[i], run->opps_json, err);
	}
	origin_vec_release(&open);
	return rc;
}

/* The opportunities whose interaction ahead, not planned, comes without a
 * write: their silences are looked at again on its day. */
static int tick_ahead(struct store *s, struct tick_run *run, struct error *err)
{
	tick_ahead_vec v = { 0 };
	int rc = store_tick_ahead(s, run, &v, err);

	for (size_t i = 0; i < v.n && !rc; i++)
		store_tick_next(run, TICK_OPP, v.items[i].opp_id, v.items[i].at);
	tick_ahead_vec_release(&v);
	return rc;
}

/* One time rule over the run's items, with what the rules before it wrote. */
static int tick_rule(struct store *s, const struct rule *r, struct tick *t, struct error *err)
{
	if (store_tick_fold(s, &t->run, err))
		return err->code;
	if (r->trigger == TRIGGER_SILENCE)
		return t->run.opps.n ? tick_silence(s, r, t, err) : 0;
	/* a full run, even of no one with a cadence: what was made ahead goes */
	return t->run.people.n || t->full ? tick_cadence(s, r, t, err) : 0;
}

/* A full run comes after the rules changed: the tasks made ahead by a rule
 * that makes none now (removed, turned off, changed) go. */
static int ahead_of_other_rules(struct store *s, const struct playbook *pb, const char *last,
				struct error *err)
{
	struct strbuf names = STRBUF_INIT;
	int rc;

	strbuf_addch(&names, '[');
	for (size_t i = 0; i < pb->n; i++) {
		const struct rule *r = &pb->rules[i];
		if (!r->enabled || !makes_ahead(r) ||
		    (r->trigger != TRIGGER_CADENCE && r->trigger != TRIGGER_SILENCE))
			continue;
		strbuf_addstr(&names, names.len > 1 ? ",\"" : "\"");
		for (const char *c = r->name; *c; c++) {
			if (*c == '"' || *c == '\\')
				strbuf_addch(&names, '\\');
			strbuf_addch(&names, *c);
		}
		strbuf_addch(&names, '"');
	}
	strbuf_addch(&names, ']');
	rc = store_ahead_forget_others(s, names.buf, last, err);
	strbuf_release(&names);
	return rc;
}

/* The time rules over the run's items (every one when full), in the order a
 * full run takes them, each rule seeing what those before it wrote. */
static int tick_rules(struct store *s, const struct playbook *pb, struct tick *t, bool full,
		      struct error *err)
{
	bool deadlines = false;
	int rc = store_tick_last_day(s, t->last, err);

	t->full = full;
	if (!rc && full)
		rc = ahead_of_other_rules(s, pb, t->last, err);
	if (!rc)
		rc = store_tick_begin(s, full, t->today, &t->run, err);

	if (!rc && t->run.opps.n)
		rc = sweep_rules(s, pb, &t->run, err);

	for (size_t i = 0; i < pb->n && !rc; i++) {
		const struct rule *r = &pb->rules[i];
		if (r->enabled && (r->trigger == TRIGGER_SILENCE || r->trigger == TRIGGER_CADENCE))
			rc = tick_rule(s, r, t, err);
		deadlines |= r->trigger == TRIGGER_DEADLINE;
	}
	if (!rc && deadlines && !(rc = store_tick_fold(s, &t->run, err)) && t->run.opps.n)
		rc = tick_deadlines(s, pb, t, err);
	if (!rc && t->run.opps.n)
		rc = tick_ahead(s, &t->run, err);
	return rc ? rc : store_tick_end(s, full, &t->run, err);
}

/* A run's mark: the day, the rules (their fingerprint) and the version. */
static void tick_key(struct store *s, uint64_t fingerprint, char today[DATE_BUFSZ],
		     char key[96])
{
	date_format_day(store_now(s), today);
	snprintf(key, 96, "%s %016llx %s", today, (unsigned long long)fingerprint,
		 RAPPORT_VERSION);
}

int playbooks_tick_current(struct store *s, uint64_t fingerprint, bool *current,
			   struct error *err)
{
	char today[DATE_BUFSZ], key[96];

	id_vec due = { 0 };

	tick_key(s, fingerprint, today, key);
	if (store_planned_due(s, &due, err))
		return err->code;
	free(due.items);
	if (due.n) {
		*current = false; /* a planned interaction's time came since */
		return 0;
	}
	return store_tick_is_current(s, key, today, current, err);
}

int playbooks_tick_catch_up(struct store *s, uint64_t fingerprint, struct error *err)
{
	char today[DATE_BUFSZ], key[96];

	tick_key(s, fingerprint, today, key);
	return store_tick_catch_up(s, key, today, err);
}

/* Must this run look at everything: no run yet, other rules or another
 * version since the last, or a day before its (the clock went back, and
 * the days the items wait for were counted from a later one)? */
static int needs_full(struct store *s, const char *key, bool *full, struct error *err)
{
	char *last;

	if (store_tick_last_key(s, &last, err))
		return err->code;
	*full = !last || strlen(last) < 10 || strcmp(last + 10, key + 10) ||
		strncmp(last, key, 10) > 0;
	free(last);
	return 0;
}

/*
 * What the time rules read is the database (the tables whose triggers
 * record what a write touched, schema.c), the day (never the time: each
 * rule compares days, but for an interaction ahead, which has a day of its
 * own) and the rules; the engine is a pure function of them, item by item.
 * So an item that nothing wrote since its last evaluation, and whose day
 * has not come, would change nothing: a run evaluates the others
 * (store/tick.h), and the mark says when none is left. What a run writes
 * (a cadence set, a task made) is there for the next run, as the run
 * before this one would have found it.
 */
int playbooks_tick_run(struct store *s, const struct playbook *pb, bool full,
		       struct tick_stats *stats, struct error *err)
{
	char today[DATE_BUFSZ], key[96];
	struct tick t = { .today = today };
	bool current = false;
	int rc;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	tick_key(s, pb->fingerprint, today, key);
	/* the days a read let pass first: what this run settles or skips
	 * comes after their first moments */
	if (store_tick_catch_up(s, key, today, err) || settle_planned(s, pb, err))
		return err->code;
	if (!full && (store_tick_is_current(s, key, today, &current, err) ||
		      (!current && needs_full(s, key, &full, err))))
		return err->code;
	if (current)
		return 0;
	rc = tick_rules(s, pb, &t, full, err);
	if (stats)
		*stats = (struct tick_stats){ .ran = true, .full = full, .opps = t.run.opps.n,
					      .people = t.run.people.n };
	tick_run_release(&t.run);
	return rc ? rc : store_tick_mark(s, key, err);
}

int playbooks_tick(struct store *s, const struct playbook *pb, struct error *err)
{
	return playbooks_tick_run(s, pb, false, NULL, err);
}
