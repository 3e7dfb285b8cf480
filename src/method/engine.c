/* engine.c: choosing the people a rule is for, and writing its follow-ups. */
#include "method/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

void proposal_vec_release(proposal_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->items[i].title);
		free(v->items[i].why);
	}
	free(v->items);
	v->items = NULL;
	v->n = v->alloc = 0;
}

/* Someone whose advice you followed qualifies whatever their rapport. */
static bool qualifies(const struct rule *r, const struct met_person *p)
{
	return r->min_rapport < 0 || p->rapport >= r->min_rapport || p->adviser;
}

/* Met on the opportunity: in one of its logged interactions (or in the one
 * that fired the rule). A link alone (an HR contact named on the job) is not
 * a meeting: letters and tasks that speak of meeting are never for them. */
static bool met(const struct met_person *p)
{
	return p->participant || p->talks > 0;
}

/* The person met with the highest rapport; ties go to more interviews, then the first. */
static const struct met_person *highest_rapport(const struct rule_event *ev)
{
	const struct met_person *best = NULL;

	for (size_t i = 0; i < ev->npeople; i++) {
		const struct met_person *p = &ev->people[i];
		if (!met(p))
			continue; /* "hit it off" is only said of someone you met */
		if (!best || p->rapport > best->rapport ||
		    (p->rapport == best->rapport && p->interviews > best->interviews))
			best = p;
	}
	return best;
}

static bool in_choice(const struct people_choice *c, const struct met_person *p)
{
	switch (c->set) {
	case PEOPLE_PARTICIPANTS:
		return p->participant;
	case PEOPLE_MET:
		return met(p);
	case PEOPLE_ROLE:
		return p->role == c->role;
	case PEOPLE_SAME:
	case PEOPLE_PERSON:
		return p->target;
	case PEOPLE_HELPED:
		return p->met_in_search || p->adviser;
	default:
		return false;
	}
}

/* The people of the first choice that names someone (indexes into ev->people);
 * *nobody is set when that choice is "nobody". */
static size_t choose(const struct rule *r, const struct rule_event *ev, size_t *picked,
		     bool *nobody)
{
	*nobody = false;
	for (size_t c = 0; c < r->nwho; c++) {
		const struct people_choice *choice = &r->who[c];
		size_t n = 0;

		if (choice->set == PEOPLE_NOBODY) {
			*nobody = true;
			return 0;
		}
		if (choice->set == PEOPLE_HIGHEST_RAPPORT) {
			const struct met_person *best = highest_rapport(ev);
			if (best && qualifies(r, best))
				picked[n++] = (size_t)(best - ev->people);
		} else {
			for (size_t i = 0; i < ev->npeople; i++)
				if (in_choice(choice, &ev->people[i]) && qualifies(r, &ev->people[i]))
					picked[n++] = i;
		}
		if (n)
			return n;
	}
	return 0;
}

/* " You met them in 2 interviews and rated the rapport 5/5." or "". */
static void person_note(const struct met_person *p, struct strbuf *sb)
{
	if (!p || (p->interviews <= 0 && p->rapport < 0))
		return;
	strbuf_addstr(sb, " You");
	if (p->interviews == 1)
		strbuf_addstr(sb, " met them in one interview");
	else if (p->interviews > 1)
		strbuf_addf(sb, " met them in %d interviews", p->interviews);
	if (p->rapport >= 0)
		strbuf_addf(sb, "%s rated the rapport %d/5", p->interviews > 0 ? " and" : "",
			    p->rapport);
	strbuf_addch(sb, '.');
}

/* Who {person} is when the rule is for no one in particular. */
static const char *nobody_phrase(const struct rule *r)
{
	static const char *const roles[] = { "the hiring manager", "a future peer",
					     "HR", "the recruiter", "an executive",
					     "the person who referred you", "your interviewer",
					     "them" };

	return r->nwho && r->who[0].set == PEOPLE_ROLE ? roles[r->who[0].role] : "them";
}

static void first_name(const char *name, struct strbuf *sb)
{
	size_t n = strcspn(name, " ");
	strbuf_add(sb, name, n);
}

/* Write text with its {fields} filled for person p (NULL: nobody). */
static char *expand(const char *text, const struct rule *r, const struct rule_event *ev,
		    const struct met_person *p)
{
	struct strbuf sb = STRBUF_INIT;

	for (const char *s = text; *s; s++) {
		const char *end;
		size_t n;

		if (*s != '{' || !(end = strchr(s, '}'))) {
			strbuf_addch(&sb, *s);
			continue;
		}
		n = (size_t)(end - s - 1);
#define FIELD(name) (n == sizeof(name) - 1 && !strncmp(s + 1, name, n))
		if (FIELD("person"))
			strbuf_addstr(&sb, p ? p->name : nobody_phrase(r));
		else if (FIELD("first"))
			p ? first_name(p->name, &sb) : strbuf_addstr(&sb, nobody_phrase(r));
		else if (FIELD("org"))
			strbuf_addstr(&sb, ev->org_name ? ev->org_name : "their organisation");
		else if (FIELD("opp"))
			strbuf_addstr(&sb, ev->opp_title ? ev->opp_title : "the role");
		else if (FIELD("date"))
			strbuf_addstr(&sb, ev->date ? ev->date : "");
		else if (FIELD("days"))
			strbuf_addf(&sb, "%d", ev->days);
		else if (FIELD("stage"))
			strbuf_addstr(&sb, ev->stage >= 0 ? enum_name(&stage_def, ev->stage) : "");
		else if (FIELD("kind"))
			strbuf_addstr(&sb, ev->kind >= 0 ? enum_name(&interaction_kind_def, ev->kind)
							 : "");
		else if (FIELD("role"))
			strbuf_addstr(&sb, p && p->role >= 0 ? enum_name(&role_def, p->role) : "");
		else if (FIELD("rapport"))
			p && p->rapport >= 0 ? strbuf_addf(&sb, "%d/5", p->rapport)
					     : strbuf_addstr(&sb, "not rated");
		else if (FIELD("person_note"))
			person_note(p, &sb);
		else if (FIELD("last_contact"))
			ev->last_contact ? strbuf_addf(&sb, "%.10s", ev->last_contact)
					 : strbuf_addstr(&sb, "nothing logged yet");
		else if (FIELD("level_applied"))
			strbuf_addstr(&sb, ev->level_applied ? ev->level_applied : "");
		else if (FIELD("level_offered"))
			strbuf_addstr(&sb, ev->level_offered ? ev->level_offered : "");
		else
			strbuf_add(&sb, s, n + 2); /* the parser let no other field through */
#undef FIELD
		s = end;
	}
	return strbuf_detach(&sb);
}

static void propose_for(const struct rule *r, const struct rule_event *ev,
			const struct met_person *p, proposal_vec *out)
{
	struct proposal *pr = VEC_PUSH(out);
	struct datetime due;

	pr->rule = r;
	pr->person_id = p ? p->id : 0;
	pr->set_cadence = r->set_cadence > 0 && p && !p->has_cadence;
	if (r->task_kind >= 0) {
		pr->title = expand(r->title, r, ev, p);
		pr->why = r->why ? expand(r->why, r, ev, p) : NULL;
	}
	if (ev->due_base && !date_parse_iso(ev->due_base, &due, NULL)) {
		due.has_time = false;
		date_add_days(&due, r->due);
		date_format(&due, pr->due);
	}
	/* two days before a deadline that is tomorrow is today, not yesterday */
	if (ev->not_before && strcmp(pr->due, ev->not_before) < 0)
		snprintf(pr->due, sizeof(pr->due), "%.10s", ev->not_before);
}

void engine_propose(const struct rule *r, const struct rule_event *ev, proposal_vec *out)
{
	size_t *picked, n;
	bool nobody;

	if (!r->enabled)
		return;
	picked = xcalloc(ev->npeople + 1, sizeof(*picked));
	n = choose(r, ev, picked, &nobody);
	if (nobody && r->task_kind >= 0)
		propose_for(r, ev, NULL, out);
	for (size_t i = 0; i < n; i++) {
		const struct met_person *p = &ev->people[picked[i]];
		/* a cadence-only rule has nothing to do for someone who has one */
		if (r->task_kind < 0 && (p->has_cadence || r->set_cadence <= 0))
			continue;
		propose_for(r, ev, p, out);
	}
	free(picked);
}
