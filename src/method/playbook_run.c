/* playbook_run.c: gathering each event's situation, asking the engine, saving its follow-ups. */
#include "method/playbook_run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/engine.h"
#include "method/letter.h"
#include "method/levels.h"
#include "store/ahead.h"
#include "store/history.h"
#include "store/offer.h"
#include "store/tick.h"
#include "util/dirs.h"
#include "util/embedded.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/file_read.h"

/* ---- loading ---- */

char *playbooks_user_path(void)
{
	return dirs_config_file("playbooks.ini");
}

/* Read a whole file (a regular one, at most 1 MB); 1 when it does not exist. */
static int read_file(const char *path, struct strbuf *out, struct error *err)
{
	int rc = file_read_regular(path, CONFIG_FILE_MAX, out, err);

	if (rc == ERR_NOT_FOUND) {
		error_clear(err);
		return 1;
	}
	return rc;
}

static int load_builtin(struct playbook *pb, struct error *err)
{
	const struct embedded_file *f = embedded_find("playbooks.ini");

	if (!f)
		return error_set(err, ERR_IO, "the built-in playbooks are missing");
	return playbook_parse(pb, "built-in playbooks.ini", f->data, f->size,
			      letter_template_exists, err);
}

int playbooks_check_file(const char *path, struct playbook *pb, struct error *err)
{
	struct strbuf text = STRBUF_INIT;
	int rc = load_builtin(pb, err);

	if (!rc && (rc = file_read_named(path, CONFIG_FILE_MAX, &text, err)) == ERR_NOT_FOUND)
		rc = error_set(err, ERR_IO, "cannot read '%s': no such file", path);
	if (!rc)
		rc = playbook_parse(pb, path, text.buf, text.len, letter_template_exists, err);
	strbuf_release(&text);
	return rc;
}

int playbooks_load(struct playbook *pb, char **user_file, struct error *err)
{
	char *path = playbooks_user_path();
	struct strbuf text = STRBUF_INIT;
	int rc = load_builtin(pb, err);

	if (user_file)
		*user_file = NULL;
	if (!rc && path && (rc = read_file(path, &text, err)) == 0) {
		rc = playbook_parse(pb, path, text.buf, text.len, letter_template_exists, err);
		if (user_file && !rc)
			*user_file = xstrdup(path);
	}
	if (rc == 1)
		rc = 0;
	strbuf_release(&text);
	free(path);
	return rc;
}

int playbooks_fingerprint(uint64_t *fingerprint, struct error *err)
{
	const struct embedded_file *f = embedded_find("playbooks.ini");
	char *path = playbooks_user_path();
	struct strbuf text = STRBUF_INIT;
	int rc = 0;

	if (!f)
		return error_set(err, ERR_IO, "the built-in playbooks are missing");
	*fingerprint = playbook_fingerprint_add(0, f->data, f->size);
	if (path && (rc = read_file(path, &text, err)) == 0)
		*fingerprint = playbook_fingerprint_add(*fingerprint, text.buf, text.len);
	strbuf_release(&text);
	free(path);
	return rc == 1 ? 0 : rc;
}

/* The day `days` after the day of `at`, as YYYY-MM-DD; false when at is malformed. */
static bool day_after(const char *at, int days, char out[DATE_BUFSZ])
{
	struct datetime dt;
	char day[DATE_BUFSZ];

	snprintf(day, sizeof(day), "%.10s", at);
	if (date_parse_iso(day, &dt, NULL))
		return false;
	date_add_days(&dt, days);
	date_format_day(&dt, out);
	return true;
}

/* Was the event at `at` logged (at `logged`) later than rule r's window after it? */
static bool past_window(const struct rule *r, const char *at, const char *logged)
{
	char last[DATE_BUFSZ];

	return day_after(at, rule_window(r), last) && strncmp(logged, last, 10) > 0;
}

/* ---- saving what the engine proposes ---- */

/* The task a proposal makes (shown from shown_on: NULL, always). */
static void proposal_task(const struct rule_event *ev, const struct proposal *p,
			  const char *shown_on, struct task *t)
{
	const struct rule *r = p->rule;

	memset(t, 0, sizeof(*t));
	t->title = xstrdup(p->title);
	t->kind = (enum task_kind)r->task_kind;
	t->due = xstrdup(p->due);
	t->person.id = p->person_id;
	t->opp.id = ev->opp_id;
	t->origin = xstrdup(r->name);
	t->why = xstrdup_or_null(p->why);
	t->template = xstrdup_or_null(r->template);
	t->shown_on = xstrdup_or_null(shown_on);
}

/* What a rule's run made: its tasks and their people (either NULL: not asked). */
struct made {
	id_vec *tasks, *people;
};

/* Save a proposal: its follow-up record, and its task (made ahead, hidden
 * until shown_on, when that is not NULL), told in made. */
static int save_proposal(struct store *s, const struct rule_event *ev, const struct proposal *p,
			 const char *shown_on, const struct made *made, struct error *err)
{
	const struct rule *r = p->rule;
	struct task t;
	bool fresh;
	int rc;

	if (store_rule_fire(s, r->name, ev->key, ev->opp_id, p->person_id, ev->chain, &fresh, err))
		return err->code;
	if (!fresh)
		return 0;
	if (p->set_cadence &&
	    store_person_default_cadence(s, p->person_id, r->set_cadence, err))
		return err->code;
	if (r->task_kind < 0)
		return 0;
	proposal_task(ev, p, shown_on, &t);
	rc = store_task_add(s, &t, err);
	if (!rc)
		rc = store_rule_fire_task(s, r->name, ev->key, ev->opp_id, p->person_id, t.id, err);
	if (!rc && made && made->tasks)
		*VEC_PUSH(made->tasks) = t.id;
	if (!rc && made && made->people && p->person_id)
		*VEC_PUSH(made->people) = p->person_id;
	task_release(&t);
	return rc;
}

/* Run rule r for the event; its tasks made ahead when shown_on is not NULL. */
static int run_rule_on(struct store *s, const struct rule *r, const struct rule_event *ev,
		       const char *shown_on, const struct made *made, struct error *err)
{
	proposal_vec props = { 0 };
	int rc = 0;

	engine_propose(r, ev, &props);
	for (size_t i = 0; i < props.n && !rc; i++)
		rc = save_proposal(s, ev, &props.items[i], shown_on, made, err);
	proposal_vec_release(&props);
	return rc;
}

static int run_rule(struct store *s, const struct rule *r, const struct rule_event *ev,
		    struct error *err)
{
	return run_rule_on(s, r, ev, NULL, NULL, err);
}

/* ---- the situation of an event ---- */

struct situation {
	struct rule_event ev;
	struct opp opp;
	met_person_vec people;
	char key[64], chain[64], date[DATE_BUFSZ], due_base[DATE_BUFSZ];
};

static void situation_release(struct situation *sit)
{
	opp_release(&sit->opp);
	met_person_vec_release(&sit->people);
}

/* Fill the opportunity's part of the situation and everyone met on it. */
static int situation_opp(struct store *s, struct situation *sit, int64_t opp_id,
			 int64_t interaction_id, struct error *err)
{
	sit->ev.stage = -1;
	sit->ev.kind = -1;
	if (!opp_id)
		return interaction_id ? store_interaction_people(s, interaction_id, &sit->people,
								 err) : 0;
	if (store_opp_get(s, opp_id, &sit->opp, err) ||
	    store_met_people(s, opp_id, interaction_id, &sit->people, err))
		return err->code;
	sit->ev.opp_id = opp_id;
	sit->ev.opp_title = sit->opp.title;
	sit->ev.org_name = sit->opp.org_name;
	sit->ev.stage = (int)sit->opp.stage;
	return 0;
}

/* Mark person as the rule's target, adding them when they were not met. */
static int situation_target(struct store *s, struct situation *sit, int64_t person_id,
			    struct error *err)
{
	if (!person_id)
		return 0;
	for (size_t i = 0; i < sit->people.n; i++) {
		if (sit->people.items[i].id == person_id) {
			sit->people.items[i].target = true;
			return 0;
		}
	}
	if (store_met_person(s, person_id, VEC_PUSH(&sit->people), err))
		return err->code;
	sit->people.items[sit->people.n - 1].target = true;
	return 0;
}

static void situation_dates(struct situation *sit, const char *date, const char *due_base)
{
	snprintf(sit->date, sizeof(sit->date), "%.10s", date);
	snprintf(sit->due_base, sizeof(sit->due_base), "%.10s", due_base ? due_base : date);
	sit->ev.key = sit->key;
	sit->ev.date = sit->date;
	sit->ev.due_base = sit->due_base;
	sit->ev.people = sit->people.items;
	sit->ev.npeople = sit->people.n;
}

/* Does the event (flags, or entering stage; -1: none) end rule r? */
static bool ends_rule(const struct rule *r, unsigned flags, int stage)
{
	return (r->cancel & flags) || (stage >= 0 && (r->end_stages & (1u << stage)));
}

/* Skip the open tasks of every rule that the event ends, on the opportunity
 * (whether the rule is on or off: a rule turned off ends all the same). */
static int cancel_chains(struct store *s, const struct playbook *pb, int64_t opp_id,
			 unsigned flags, int stage, const char *reason, struct error *err)
{
	for (size_t i = 0; i < pb->n; i++)
		if (ends_rule(&pb->rules[i], flags, stage) &&
		    store_skip_rule_tasks(s, pb->rules[i].name, opp_id, reason, err))
			return err->code;
	return 0;
}

/* Any interaction with a person ends their follow-ups of the rules that
 * end on contact (a keep-in-touch note once you have been in touch). One
 * made ahead that no run has reached is not skipped (nobody saw it, and
 * the rules would not have made it): the contact wrote the person, and the
 * run that follows deletes it and makes the next (store/ahead.h). */
static int contact_ends(struct store *s, const struct playbook *pb,
			const struct interaction *it, struct error *err)
{
	char reason[128];

	snprintf(reason, sizeof(reason), "(Skipped: you were in touch on %.10s.)", it->at);
	for (size_t i = 0; i < pb->n; i++) {
		if (!(pb->rules[i].cancel & CANCEL_CONTACT))
			continue;
		for (size_t k = 0; k < it->people.n; k++)
			if (store_skip_person_rule_tasks(s, pb->rules[i].name, 0,
							 it->people.items[k].id, reason, err))
				return err->code;
	}
	return 0;
}

int playbooks_on_reached(struct store *s, const struct playbook *pb, int64_t opp_id,
			 int64_t person_id, const char *at, struct error *err)
{
	char reason[128];

	if (!opp_id || !person_id)
		return 0;
	snprintf(reason, sizeof(reason), "(Skipped: you got through on %.10s.)", at);
	for (size_t i = 0; i < pb->n; i++) {
		const struct rule *r = &pb->rules[i];
		if (!(r->cancel & CANCEL_REACHED))
			continue;
		if (store_skip_person_rule_tasks(s, r->name, opp_id, person_id, reason, err) ||
		    store_end_chain(s, r->name, r->after_rule, opp_id, person_id, err))
			return err->code;
	}
	return 0;
}

/* ---- events ---- */

/* A call you made to people about an opportunity reached them. */
static int reached_people(struct store *s, const struct playbook *pb,
			  const struct interaction *it, struct error *err)
{
	if (it->kind != IKIND_CALL || it->direction != DIR_OUT || !it->opp.id)
		return 0;
	for (size_t i = 0; i < it->people.n; i++)
		if (playbooks_on_reached(s, pb, it->opp.id, it->people.items[i].id, it->at, err))
			return err->code;
	return 0;
}

/* An interaction still ahead: no contact yet, its rules wait for its time. */
static int plan_interaction(struct store *s, const struct interaction *it,
			    struct interaction_rules *run, struct error *err)
{
	run->planned = true;
	if (store_interaction_mark(s, it->id, STORE_MARK_PLANNED, err) ||
	    store_contact_settle(s, it->id, err))
		return err->code;
	return 0;
}

/* The interaction rules for it, but those whose window has passed. */
static int interaction_rules(struct store *s, const struct playbook *pb,
			     const struct interaction *it, struct interaction_rules *run,
			     struct error *err)
{
	struct situation sit = { 0 };
	int rc;

	if ((rc = situation_opp(s, &sit, it->opp.id, it->id, err)))
		goto out;
	snprintf(sit.key, sizeof(sit.key), "i:%lld", (long long)it->id);
	sit.ev.kind = (int)it->kind;
	situation_dates(&sit, it->at, NULL);
	for (size_t i = 0; i < pb->n && !rc; i++) {
		const struct rule *r = &pb->rules[i];
		if (r->trigger != TRIGGER_INTERACTION || !(r->kinds & (1u << it->kind)) ||
		    (r->direction >= 0 && r->direction != (int)it->direction) || !r->enabled)
			continue;
		run->matched++;
		if (past_window(r, it->at, store_stamp(s)))
			run->late++;
		else
			rc = run_rule(s, r, &sit.ev, err);
	}
out:
	situation_release(&sit);
	return rc;
}

int playbooks_on_interaction(struct store *s, const struct playbook *pb,
			     const struct interaction *it, struct interaction_rules *run,
			     struct error *err)
{
	bool history;

	run->matched = run->late = 0;
	run->planned = false;
	if (store_interaction_marked(s, it->id, STORE_MARK_HISTORY, &history, err))
		return err->code;
	if (history)
		return 0;
	if (strcmp(it->at, store_stamp(s)) > 0)
		return plan_interaction(s, it, run, err);
	if (run->reached && reached_people(s, pb, it, err))
		return err->code;
	if (it->direction == DIR_IN && it->opp.id) {
		char reason[128];
		snprintf(reason, sizeof(reason), "(Skipped: they got in touch on %.10s.)", it->at);
		if (cancel_chains(s, pb, it->opp.id, CANCEL_INBOUND, -1, reason, err))
			return err->code;
	}
	if (contact_ends(s, pb, it, err))
		return err->code;
	return interaction_rules(s, pb, it, run, err);
}

/* The planned interactions whose time has come: they are contact now, and
 * their rules start (as if logged now: a call out reaches its people). */
static int settle_planned(struct store *s, const struct playbook *pb, struct error *err)
{
	id_vec due = { 0 };
	int rc = store_planned_due(s, &due, err);

	for (size_t i = 0; i < due.n && !rc; i++) {
		struct interaction it = { 0 };
		struct interaction_rules run = { .reached = true };
		if (!(rc = store_interaction_unmark(s, due.items[i], STORE_MARK_PLANNED, err)) &&
		    !(rc = store_contact_settle(s, due.items[i], err)) &&
		    !(rc = store_interaction_get(s, due.items[i], &it, err)))
			rc = playbooks_on_interaction(s, pb, &it, &run, err);
		interaction_release(&it);
	}
	free(due.items);
	return rc;
}

static bool rule_for(const struct rule *r, enum people_set set)
{
	for (size_t i = 0; i < r->nwho; i++)
		if (r->who[i].set == set)
			return true;
	return false;
}

/* A rule for the people of the whole search (for = helped): the event is
 * the opportunity's, the people everyone met on any and every adviser. */
static int run_for_helped(struct store *s, const struct rule *r, struct situation *sit,
			  struct error *err)
{
	met_person_vec all = { 0 };
	struct rule_event ev = sit->ev;
	int rc = store_search_people(s, &all, err);

	ev.people = all.items;
	ev.npeople = all.n;
	if (!rc)
		rc = run_rule(s, r, &ev, err);
	met_person_vec_release(&all);
	return rc;
}

/* A rule "over = others": once for every other opportunity still active,
 * with that opportunity's people (withdrawing from the rest once one is
 * accepted), its tasks on that opportunity. */
static int run_over_others(struct store *s, const struct rule *r, const struct situation *from,
			   struct error *err)
{
	opp_vec opps = { 0 };
	int rc = store_opp_list(s, -1, &opps, err);

	for (size_t i = 0; i < opps.n && !rc; i++) {
		struct situation sit = { 0 };
		const struct opp *o = &opps.items[i];
		if (o->id == from->ev.opp_id || stage_is_closed(o->stage))
			continue;
		if (!(rc = situation_opp(s, &sit, o->id, 0, err))) {
			snprintf(sit.key, sizeof(sit.key), "%s", from->key);
			situation_dates(&sit, from->date, NULL);
			rc = run_rule(s, r, &sit.ev, err);
		}
		situation_release(&sit);
	}
	opp_vec_release(&opps);
	return rc;
}

int playbooks_on_stage(struct store *s, const struct playbook *pb, int64_t opp_id,
		       struct error *err)
{
	struct situation sit = { 0 };
	char reason[128], *at = NULL;
	int64_t change_id;
	int rc;

	if ((rc = store_latest_stage_change(s, opp_id, &change_id, &at, err)) ||
	    (rc = situation_opp(s, &sit, opp_id, 0, err)))
		goto out;
	snprintf(reason, sizeof(reason), "(Skipped: the opportunity moved to %s on %.10s.)",
		 enum_name(&stage_def, sit.ev.stage), at);
	if ((rc = cancel_chains(s, pb, opp_id,
				CANCEL_STAGE | (stage_is_closed((enum stage)sit.ev.stage) ?
						CANCEL_CLOSED : 0),
				sit.ev.stage, reason, err)))
		goto out;
	snprintf(sit.key, sizeof(sit.key), "s:%lld", (long long)change_id);
	situation_dates(&sit, at, NULL);
	for (size_t i = 0; i < pb->n && !rc; i++) {
		const struct rule *r = &pb->rules[i];
		if (r->trigger != TRIGGER_STAGE || r->stage != sit.ev.stage || !r->enabled)
			continue;
		if (r->over_others)
			rc = run_over_others(s, r, &sit, err);
		else if (rule_for(r, PEOPLE_HELPED))
			rc = run_for_helped(s, r, &sit, err);
		else
			rc = run_rule(s, r, &sit.ev, err);
	}
out:
	free(at);
	situation_release(&sit);
	return rc;
}

static bool done_matches(const struct rule *r, const struct task *t)
{
	if (r->trigger != TRIGGER_DONE)
		return false;
	if (r->after_rule)
		return t->origin && !strcmp(r->after_rule, t->origin);
	return r->kinds & (1u << t->kind);
}

/* A task of a rule with "done-stage" was done: its opportunity moves there
 * (the withdrawal letter sent, the opportunity is withdrawn), unless it is
 * closed already or there. */
static int done_moves(struct store *s, const struct playbook *pb, const struct task *t,
		      struct error *err)
{
	const struct rule *r = t->origin ? playbook_find(pb, t->origin) : NULL;
	struct opp o = { 0 };
	char note[160];
	int rc;

	if (!r || r->done_stage < 0 || !t->opp.id)
		return 0;
	if ((rc = store_opp_get(s, t->opp.id, &o, err)))
		return rc;
	if (!stage_is_closed(o.stage) && (int)o.stage != r->done_stage) {
		snprintf(note, sizeof(note), "done: %.120s", t->title);
		rc = store_opp_move(s, o.id, (enum stage)r->done_stage, note, err);
		if (!rc)
			rc = playbooks_on_stage(s, pb, o.id, err);
	}
	opp_release(&o);
	return rc;
}

int playbooks_on_done(struct store *s, const struct playbook *pb, int64_t task_id,
		      struct error *err)
{
	struct situation sit = { 0 };
	struct task t = { 0 };
	int rc;

	if ((rc = store_task_get(s, task_id, &t, err)) ||
	    (rc = situation_opp(s, &sit, t.opp.id, 0, err)) ||
	    (rc = situation_target(s, &sit, t.person.id, err)))
		goto out;
	snprintf(sit.key, sizeof(sit.key), "t:%lld", (long long)task_id);
	situation_dates(&sit, t.done_at ? t.done_at : store_stamp(s), NULL);
	for (size_t i = 0; i < pb->n && !rc; i++)
		if (done_matches(&pb->rules[i], &t))
			rc = run_rule(s, &pb->rules[i], &sit.ev, err);
	if (!rc)
		rc = done_moves(s, pb, &t, err);
out:
	task_release(&t);
	situation_release(&sit);
	return rc;
}

/* ---- offers: deadlines and levels ---- */

/* The situation an offer's rules (deadline, level) start from: the
 * opportunity as it stands, and today's day in today. */
static int offer_situation(struct store *s, struct situation *sit, int64_t opp_id,
			   char today[DATE_BUFSZ], struct error *err)
{
	int rc = situation_opp(s, sit, opp_id, 0, err);

	if (!rc)
		date_format_day(store_now(s), today);
	return rc;
}

/* Run the deadline rules for an opportunity's deadline (YYYY-MM-DD): their
 * tasks are due relative to it, and never before today. */
static int deadline_rules(struct store *s, const struct playbook *pb, int64_t opp_id,
			  const char *deadline, struct error *err)
{
	struct situation sit = { 0 };
	char today[DATE_BUFSZ];
	int rc;

	if ((rc = offer_situation(s, &sit, opp_id, today, err)))
		goto out;
	snprintf(sit.key, sizeof(sit.key), "d:%.10s", deadline);
	situation_dates(&sit, deadline, deadline);
	sit.ev.not_before = today;
	for (size_t i = 0; i < pb->n && !rc; i++) {
		const struct rule *r = &pb->rules[i];
		if (r->trigger == TRIGGER_DEADLINE &&
		    (!r->stages || (r->stages & (1u << sit.ev.stage))))
			rc = run_rule(s, r, &sit.ev, err);
	}
out:
	situation_release(&sit);
	return rc;
}

int playbooks_on_deadline(struct store *s, const struct playbook *pb, int64_t opp_id,
			  const char *old_deadline, const char *deadline, struct error *err)
{
	char reason[128];

	if (old_deadline && deadline && !strcmp(old_deadline, deadline))
		return 0;
	if (old_deadline) {
		if (deadline)
			snprintf(reason, sizeof(reason),
				 "(Skipped: the deadline moved from %.10s to %.10s.)", old_deadline,
				 deadline);
		else
			snprintf(reason, sizeof(reason), "(Skipped: the deadline of %.10s was removed.)",
				 old_deadline);
		for (size_t i = 0; i < pb->n; i++)
			if (pb->rules[i].trigger == TRIGGER_DEADLINE &&
			    store_skip_rule_tasks(s, pb->rules[i].name, opp_id, reason, err))
				return err->code;
	}
	return deadline ? deadline_rules(s, pb, opp_id, deadline, err) : 0;
}

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

static int mismatch_rules(struct store *s, const struct playbook *pb, int64_t opp_id,
			  const struct level_mismatch *m, struct error *err)
{
	struct situation sit = { 0 };
	char today[DATE_BUFSZ];
	int rc;

	if ((rc = offer_situation(s, &sit, opp_id, today, err)))
		goto out;
	/* by rung: "Senior" and "senior analyst" are the same lower level */
	snprintf(sit.key, sizeof(sit.key), "lv:%s", m->offered_rung);
	situation_dates(&sit, today, NULL);
	sit.ev.level_applied = m->applied;
	sit.ev.level_offered = m->offered;
	for (size_t i = 0; i < pb->n && !rc; i++)
		if (pb->rules[i].trigger == TRIGGER_MISMATCH)
			rc = run_rule(s, &pb->rules[i], &sit.ev, err);
out:
	situation_release(&sit);
	return rc;
}

int playbooks_on_mismatch(struct store *s, const struct playbook *pb, int64_t opp_id,
			  struct error *err)
{
	struct level_mismatch m = { 0 };
	int rc = levels_check_opp(s, opp_id, &m, err);

	if (!rc && m.found)
		rc = mismatch_rules(s, pb, opp_id, &m, err);
	/* the level is no longer below: deciding how to answer it is moot */
	for (size_t i = 0; i < pb->n && !rc && !m.found; i++)
		if (pb->rules[i].trigger == TRIGGER_MISMATCH &&
		    store_skip_rule_tasks(s, pb->rules[i].name, opp_id,
					  "(Skipped: the level discussed is no longer below the "
					  "level you applied for.)", err))
			rc = err->code;
	level_mismatch_release(&m);
	return rc;
}

/* ---- time rules ---- */

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
	if (settle_planned(s, pb, err))
		return err->code;
	tick_key(s, pb->fingerprint, today, key);
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
