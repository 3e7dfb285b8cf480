/* playbook_run.c: loading the playbooks; gathering each event's situation,
 * asking the engine, saving its follow-ups (the time rules: playbook_time.c). */
#include "method/playbook_run.h"
#include "method/playbook_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/engine.h"
#include "method/letter.h"
#include "method/levels.h"
#include "store/history.h"
#include "store/offer.h"
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
bool day_after(const char *at, int days, char out[DATE_BUFSZ])
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
bool past_window(const struct rule *r, const char *at, const char *logged)
{
	char last[DATE_BUFSZ];

	return day_after(at, rule_window(r), last) && strncmp(logged, last, 10) > 0;
}

/* ---- saving what the engine proposes ---- */

/* The task a proposal makes (shown from shown_on: NULL, always). */
void proposal_task(const struct rule_event *ev, const struct proposal *p,
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
int run_rule_on(struct store *s, const struct rule *r, const struct rule_event *ev,
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

int run_rule(struct store *s, const struct rule *r, const struct rule_event *ev,
		    struct error *err)
{
	return run_rule_on(s, r, ev, NULL, NULL, err);
}

/* ---- the situation of an event ---- */

void situation_release(struct situation *sit)
{
	opp_release(&sit->opp);
	met_person_vec_release(&sit->people);
}

/* Fill the opportunity's part of the situation and everyone met on it. */
int situation_opp(struct store *s, struct situation *sit, int64_t opp_id,
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
int situation_target(struct store *s, struct situation *sit, int64_t person_id,
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

void situation_dates(struct situation *sit, const char *date, const char *due_base)
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
bool ends_rule(const struct rule *r, unsigned flags, int stage)
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
int settle_planned(struct store *s, const struct playbook *pb, struct error *err)
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
int deadline_rules(struct store *s, const struct playbook *pb, int64_t opp_id,
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
