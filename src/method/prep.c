/* prep.c: the prep sheet for an opportunity's next conversation (see prep.h). */
#include "method/prep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/fit.h"
#include "method/levels.h"
#include "store/debrief.h"
#include "store/offer.h"
#include "store/wants.h"
#include "util/xalloc.h"

/* Everything the sheet is made from. */
struct prep {
	struct store *s;
	const struct prep_request *req;
	struct opp opp;
	person_ref_vec linked;   /* the opportunity's people, with their roles */
	person_vec meet;         /* whom you will meet */
	unsigned *audiences;     /* per person of meet: the questions they can answer */
	unsigned all_audiences;  /* of everyone you will meet */
	want_standing_vec wants;
	question_vec questions;  /* those for the stage */
	id_vec asked;
	struct offer offer;      /* valid when has_offer */
	bool has_offer;
	char *refine;            /* the latest debrief's "what to refine", or NULL */
	char *refine_at;
	int stage;
	struct prep_result *out;
};

/* Append text to md with Markdown's special characters escaped, on one line. */
static void md_escape(struct strbuf *md, const char *text)
{
	for (const char *p = text; p && *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			strbuf_addch(md, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>#|!&", *p))
			strbuf_addch(md, '\\');
		strbuf_addch(md, *p);
	}
}

/* A list item "BULLET2026-03-02, kind: text" (the day of at, text escaped). */
static void md_dated_line(struct strbuf *md, const char *bullet, const char *at,
			  const char *kind, const char *text)
{
	strbuf_addf(md, "%s%.10s, %s: ", bullet, at, kind);
	md_escape(md, text);
	strbuf_addch(md, '\n');
}

void prep_result_release(struct prep_result *r)
{
	free(r->questions.items);
	free(r->question_wants.items);
	free(r->people.items);
	memset(r, 0, sizeof(*r));
}

static void prep_release(struct prep *p)
{
	opp_release(&p->opp);
	person_ref_vec_release(&p->linked);
	person_vec_release(&p->meet);
	free(p->audiences);
	want_standing_vec_release(&p->wants);
	question_vec_release(&p->questions);
	free(p->asked.items);
	if (p->has_offer)
		offer_release(&p->offer);
	free(p->refine);
	free(p->refine_at);
}

static unsigned audiences_of_role(int role)
{
	switch (role) {
	case ROLE_HIRING_MANAGER: return 1u << AUD_BOSS;
	case ROLE_PEER: return 1u << AUD_PEER;
	case ROLE_HR: return 1u << AUD_HR;
	case ROLE_RECRUITER: return 1u << AUD_RECRUITER;
	case ROLE_EXECUTIVE: return 1u << AUD_EXECUTIVE;
	default: return 1u << AUD_BOSS | 1u << AUD_PEER;
	}
}

static int role_on_opp(const struct prep *p, int64_t person_id)
{
	for (size_t i = 0; i < p->linked.n; i++)
		if (p->linked.items[i].id == person_id)
			return p->linked.items[i].role;
	return -1;
}

/* The conversation's stage from the opportunity (see prep.h). */
static int guess_stage(struct prep *p, struct error *err)
{
	interaction_vec v = { 0 };
	int conversations = 0;

	if (p->opp.stage == STAGE_OFFER || p->opp.stage == STAGE_NEGOTIATING)
		return QSTAGE_OFFER;
	if (store_interactions_of_opp(p->s, p->opp.id, 0, &v, NULL, err))
		return err->code;
	for (size_t i = 0; i < v.n; i++) {
		enum interaction_kind k = v.items[i].kind;
		conversations += k == IKIND_INTERVIEW || k == IKIND_CALL || k == IKIND_VIDEO ||
				 k == IKIND_MEETING;
	}
	interaction_vec_release(&v);
	return conversations == 0 ? QSTAGE_FIRST : conversations == 1 ? QSTAGE_SECOND
								      : QSTAGE_FINAL;
}

static int load_people(struct prep *p, struct error *err)
{
	size_t n = p->req->nwith ? p->req->nwith : p->linked.n;

	p->audiences = xcalloc(n + 1, sizeof(*p->audiences));
	for (size_t i = 0; i < n; i++) {
		int64_t id = p->req->nwith ? p->req->with[i] : p->linked.items[i].id;
		struct person *person = VEC_PUSH(&p->meet);
		if (store_person_get(p->s, id, person, err))
			return err->code;
		p->audiences[i] = audiences_of_role(role_on_opp(p, id));
		p->all_audiences |= p->audiences[i];
		*VEC_PUSH(&p->out->people) = id;
	}
	if (!n)
		p->all_audiences = enum_all(&audience_def);
	return 0;
}

/* The latest debrief's "what to refine": the lesson to carry into the next conversation. */
static int load_refine(struct prep *p, struct error *err)
{
	debrief_vec v = { 0 };

	if (store_debrief_list(p->s, p->opp.id, &v, err))
		return err->code;
	for (size_t i = v.n; i-- > 0;) { /* oldest first: walk back to the latest */
		if (v.items[i].refine && *v.items[i].refine) {
			p->refine = xstrdup(v.items[i].refine);
			p->refine_at = xstrdup(v.items[i].at ? v.items[i].at : "");
			break;
		}
	}
	debrief_vec_release(&v);
	return 0;
}

static int prep_load(struct prep *p, struct error *err)
{
	struct question_filter f = { 0 };
	int stage;

	if (store_opp_get(p->s, p->req->opp_id, &p->opp, err) ||
	    store_opp_people(p->s, p->opp.id, &p->linked, err) || load_people(p, err))
		return err->code;
	if ((stage = p->req->stage >= 0 ? p->req->stage : guess_stage(p, err)) < 0)
		return stage;
	p->stage = p->out->stage = stage;
	f.stages = 1u << stage;
	f.audiences = p->all_audiences;
	if (fit_standings_load(p->s, &p->opp, &p->wants, err) ||
	    store_question_list(p->s, &f, &p->questions, err) ||
	    store_questions_asked(p->s, p->opp.id, &p->asked, err) ||
	    store_offer_of_opp(p->s, p->opp.id, &p->offer, &p->has_offer, err) ||
	    load_refine(p, err))
		return err->code;
	return 0;
}

/* ---- the sheet ---- */

static void add_amount(struct strbuf *md, int64_t v)
{
	text_add_thousands(md, v);
}

static void sheet_head(struct prep *p, struct strbuf *md)
{
	strbuf_addstr(md, "# Prep: ");
	md_escape(md, p->opp.title);
	strbuf_addstr(md, " at ");
	md_escape(md, p->opp.org_name);
	strbuf_addf(md, "\n\n- Stage: %s (since %.10s)\n- This conversation: %s\n",
		    enum_name(&stage_def, (int)p->opp.stage), p->opp.stage_changed_at,
		    enum_name(&question_stage_def, p->stage));
	if (p->opp.level_applied) {
		strbuf_addstr(md, "- Level applied for: ");
		md_escape(md, p->opp.level_applied);
		strbuf_addch(md, '\n');
	}
	if (p->opp.level_offered) {
		strbuf_addstr(md, "- Level they discuss: ");
		md_escape(md, p->opp.level_offered);
		strbuf_addch(md, '\n');
	}
}

static void sheet_amount_line(struct strbuf *md, const char *label, int64_t v)
{
	if (v < 0)
		return;
	strbuf_addstr(md, label);
	add_amount(md, v);
	strbuf_addch(md, '\n');
}

static void sheet_text_line(struct strbuf *md, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	strbuf_addstr(md, label);
	md_escape(md, text);
	strbuf_addch(md, '\n');
}

/* The offer's terms: with an offer in hand the conversation is about them. */
static void sheet_offer(struct prep *p, struct strbuf *md)
{
	const struct offer *o = &p->offer;

	if (!p->has_offer) {
		sheet_amount_line(md, "- Offered: ", p->opp.salary_offered);
		return;
	}
	sheet_amount_line(md, "- Offer, base: ", o->terms.base);
	sheet_amount_line(md, "- Offer, bonus: ", o->terms.bonus);
	sheet_text_line(md, "- Offer, equity: ", o->terms.equity);
	sheet_text_line(md, "- Offer, title: ", o->terms.title);
	sheet_text_line(md, "- Offer, level: ", o->terms.level);
	sheet_text_line(md, "- Offer, start: ", o->terms.start);
	sheet_text_line(md, "- Offer, benefits: ", o->benefits);
	sheet_text_line(md, "- Decide by: ", o->deadline);
}

static void sheet_salary(struct prep *p, struct strbuf *md)
{
	const struct opp *o = &p->opp;
	/* Bug (issue 16): at the offer stage the sheet asked for the range
	 * above the offer's own figure; an offer settles what the range was for. */
	bool offered = p->has_offer || o->salary_offered >= 0;

	strbuf_addstr(md, "\n## Salary\n\n");
	sheet_amount_line(md, "- Your target: ", o->salary_target);
	if (o->salary_low >= 0) {
		strbuf_addstr(md, "- Their range: ");
		add_amount(md, o->salary_low);
		strbuf_addstr(md, " to ");
		add_amount(md, o->salary_high);
		strbuf_addch(md, '\n');
	} else if (offered) {
		/* nothing to ask: the offer below is the figure */
	} else if (p->stage >= QSTAGE_SECOND) {
		strbuf_addstr(md, "- **Ask for the salary range in this conversation**: by now "
				  "it should be on the table, and knowing it early saves both "
				  "sides time.\n");
	} else {
		strbuf_addstr(md, "- The range is not known yet: ask for it by the second "
				  "conversation.\n");
	}
	sheet_offer(p, md);
}

/* What the last debrief said to do better, so the next conversation does it. */
static void sheet_refine(struct prep *p, struct strbuf *md)
{
	if (!p->refine)
		return;
	strbuf_addf(md, "\n## To refine (from your debrief of %.10s)\n\n", p->refine_at);
	md_escape(md, p->refine);
	strbuf_addch(md, '\n');
}

static int sheet_person(struct prep *p, size_t i, struct strbuf *md, struct error *err)
{
	const struct person *pe = &p->meet.items[i];
	int role = role_on_opp(p, pe->id);
	interaction_vec v = { 0 };
	int64_t total = 0;

	strbuf_addstr(md, "\n### ");
	md_escape(md, pe->name);
	strbuf_addstr(md, "\n\n");
	if (pe->title || pe->org_name) {
		strbuf_addstr(md, "- ");
		md_escape(md, pe->title ? pe->title : "");
		strbuf_addstr(md, pe->title && pe->org_name ? ", " : "");
		md_escape(md, pe->org_name ? pe->org_name : "");
		strbuf_addch(md, '\n');
	}
	strbuf_addf(md, "- Role: %s\n", role >= 0 ? enum_name(&role_def, role) : "not linked");
	if (pe->rapport >= 0)
		strbuf_addf(md, "- Rapport: %d/5\n", pe->rapport);
	if (store_interactions_of_person(p->s, pe->id, 3, &v, &total, err))
		return err->code;
	if (!total)
		strbuf_addstr(md, "- You have not spoken yet.\n");
	else
		strbuf_addf(md, "- Past interactions: %lld%s\n", (long long)total,
			    total > 3 ? " (the latest three below)" : "");
	for (size_t k = 0; k < v.n; k++) {
		md_dated_line(md, "  - ", v.items[k].at,
			      enum_name(&interaction_kind_def, (int)v.items[k].kind),
			      v.items[k].summary);
	}
	interaction_vec_release(&v);
	return 0;
}

static bool id_in(const id_vec *v, int64_t id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i] == id)
			return true;
	return false;
}

/* How well q suits w: 0 not at all; more for a question tied to this very
 * want than to its category, and for one meant for this stage alone. */
static int question_fit(const struct question *q, const struct want *w, int stage)
{
	int score = 0;

	if (id_in(&q->wants, w->id))
		score = 4;
	else if (w->category >= 0 && (q->categories & (1u << w->category)))
		score = 2;
	if (score && q->stages == (1u << stage))
		score++;
	return score;
}

/* "Ask the Hiring Manager (boss), a Team Lead (peer)": who among those you meet can answer q. */
static void sheet_whom(struct prep *p, const struct question *q, struct strbuf *md)
{
	bool any = false;

	for (size_t i = 0; i < p->meet.n; i++) {
		unsigned common = p->audiences[i] & q->audiences;
		if (!common)
			continue;
		strbuf_addstr(md, any ? ", " : " (ask ");
		md_escape(md, p->meet.items[i].name);
		any = true;
	}
	if (any)
		strbuf_addch(md, ')');
}

static void sheet_want_questions(struct prep *p, const struct want *w, id_vec *used,
				 struct strbuf *md)
{
	int shown = 0;

	for (int want_score = 5; want_score > 0 && shown < PREP_QUESTIONS_PER_WANT; want_score--) {
		for (size_t i = 0; i < p->questions.n && shown < PREP_QUESTIONS_PER_WANT; i++) {
			const struct question *q = &p->questions.items[i];
			if (question_fit(q, w, p->stage) != want_score || id_in(&p->asked, q->id) ||
			    id_in(used, q->id))
				continue;
			strbuf_addstr(md, "- ");
			md_escape(md, q->text);
			sheet_whom(p, q, md);
			strbuf_addf(md, " [q%lld]\n", (long long)q->id);
			*VEC_PUSH(used) = q->id;
			*VEC_PUSH(&p->out->questions) = q->id;
			*VEC_PUSH(&p->out->question_wants) = w->id;
			shown++;
		}
	}
	if (!shown)
		strbuf_addstr(md, "- No question in the bank verifies it at this stage yet: "
				  "ask in your own words, or add one (rapport question add).\n");
}

static bool still_open(enum want_status s)
{
	return s == WANT_UNKNOWN || s == WANT_VAGUE || s == WANT_PARTLY;
}

static void sheet_wants(struct prep *p, struct strbuf *md)
{
	id_vec used = { 0 };
	size_t open = 0;

	strbuf_addstr(md, "\n## What to find out\n");
	for (size_t i = 0; i < p->wants.n; i++) {
		const struct want_standing *w = &p->wants.items[i];
		if (!still_open(w->status))
			continue;
		open++;
		strbuf_addstr(md, "\n### ");
		md_escape(md, w->want.text);
		strbuf_addf(md, "\n\nWeight %d%s; %s%s.\n\n", w->want.weight,
			    w->want.must ? ", a must-have" : "",
			    enum_name(&want_status_def, (int)w->status),
			    w->status == WANT_VAGUE ? ": what you heard can be read two ways, ask "
						      "again" : "");
		sheet_want_questions(p, &w->want, &used, md);
	}
	if (!p->wants.n)
		strbuf_addstr(md, "\nYou have not said what you want yet (rapport want add): "
				  "the questions that matter come from it.\n");
	else if (!open)
		strbuf_addstr(md, "\nEvery want is known here: listen for anything that "
				  "changes the picture.\n");
	free(used.items);
}

static int sheet_tasks(struct prep *p, struct strbuf *md, struct error *err)
{
	task_vec v = { 0 };

	if (store_tasks_of_opp(p->s, p->opp.id, &v, err))
		return err->code;
	if (v.n)
		strbuf_addstr(md, "\n## Open tasks\n\n");
	for (size_t i = 0; i < v.n; i++) {
		md_dated_line(md, "- ", v.items[i].due, enum_name(&task_kind_def, (int)v.items[i].kind),
			      v.items[i].title);
	}
	task_vec_release(&v);
	return 0;
}

/* A warning when the role they discuss is below the level you applied for. */
static int sheet_mismatch(struct prep *p, struct strbuf *md, struct error *err)
{
	struct level_mismatch m = { 0 };
	struct strbuf text = STRBUF_INIT;

	if (levels_check_opp(p->s, p->opp.id, &m, err))
		return err->code;
	if (m.found) {
		level_mismatch_text(&m, &text);
		strbuf_addstr(md, "\n> **Role mismatch**: ");
		md_escape(md, text.buf);
		strbuf_addstr(md, ". Decide before the conversation whether you would take it, "
				  "and be ready to say what you are looking for.\n");
	}
	strbuf_release(&text);
	level_mismatch_release(&m);
	return 0;
}

int prep_sheet(struct store *s, const struct prep_request *req, struct strbuf *md,
	       struct prep_result *out, struct error *err)
{
	struct prep p = { .s = s, .req = req, .out = out };
	int rc;

	if ((rc = prep_load(&p, err)))
		goto done;
	sheet_head(&p, md);
	if ((rc = sheet_mismatch(&p, md, err)))
		goto done;
	sheet_salary(&p, md);
	sheet_refine(&p, md);
	if (p.meet.n)
		strbuf_addstr(md, "\n## Whom you will meet\n");
	for (size_t i = 0; i < p.meet.n && !rc; i++)
		rc = sheet_person(&p, i, md, err);
	if (rc)
		goto done;
	sheet_wants(&p, md);
	if ((rc = sheet_tasks(&p, md, err)))
		goto done;
	if (p.opp.notes) {
		/* the notes are the user's own Markdown: kept as written */
		strbuf_addstr(md, "\n## Notes\n\n");
		strbuf_addstr(md, p.opp.notes);
		strbuf_addch(md, '\n');
	}
done:
	prep_release(&p);
	return rc;
}
