/*
 * debrief_actions.c: a debrief with the wants its answers settle, feedback,
 * and improvement actions with the progress update that follows them (see
 * debrief_actions.h).
 */
#include "method/debrief_actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/actions.h"
#include "store/wants.h"
#include "util/strbuf.h"

/* The rule that proposes a progress update once an improvement is done. */
#define PROGRESS_RULE "progress-update"
/* Longest excerpt of the feedback quoted in a task's why, in bytes. */
#define WHY_QUOTE_MAX 160

/* ---- debriefs ---- */

int debrief_interaction_check(struct store *s, int64_t opp_id, int64_t id,
			      struct interaction *out, struct error *err)
{
	struct interaction it = { 0 };
	int rc = 0;

	if (!id)
		return 0;
	if (store_interaction_get(s, id, &it, err))
		rc = err->code;
	else if (it.opp.id && it.opp.id != opp_id)
		rc = error_set(err, ERR_INVALID, "interaction %lld is about another opportunity (%s)",
			       (long long)id, it.opp.slug);
	if (!rc && out) {
		*out = it;
		return 0;
	}
	interaction_release(&it);
	return rc;
}

int64_t debrief_default_person(const struct interaction *it)
{
	return it && it->people.n == 1 ? it->people.items[0].id : 0;
}

/* The evidence an answer gives for a want: who said it, when, in which interaction. */
static int save_mark(struct store *s, struct debrief *d, const struct debrief_mark *m,
		     struct error *err)
{
	struct asked *q = &d->asked.items[m->answer];
	struct want_evidence e = { .opp_id = d->opp.id, .want_id = m->want_id,
				   .status = m->status, .interaction_id = d->interaction_id };
	char day[DATE_BUFSZ];
	int rc;

	snprintf(day, sizeof(day), "%.10s", d->at);
	e.by.id = q->by.id;
	e.note = xstrdup(q->answer ? q->answer : q->text);
	e.at = xstrdup(day);
	rc = store_want_mark(s, &e, err);
	q->evidence_id = e.id;
	want_evidence_release(&e);
	return rc;
}

static int marks_check(const struct debrief *d, const struct debrief_mark *marks, size_t n,
		       struct error *err)
{
	for (size_t i = 0; i < n; i++) {
		if (marks[i].answer >= d->asked.n)
			return error_set(err, ERR_INVALID, "a want is marked by question %zu, which "
					 "is not there", marks[i].answer + 1);
		for (size_t j = 0; j < i; j++)
			if (marks[j].answer == marks[i].answer)
				return error_set(err, ERR_INVALID,
						 "the answer to question %zu already marks a want: "
						 "an answer marks one", marks[i].answer + 1);
	}
	return 0;
}

int action_debrief_add(struct store *s, struct debrief *d, const struct debrief_mark *marks,
		       size_t nmarks, bool *rated, struct error *err)
{
	*rated = false;
	if (!d->asked.n && !d->went_well && !d->refine && !d->notes && d->chemistry < 0)
		return error_set(err, ERR_INVALID, "nothing to record: no question asked, nothing "
				 "that went well or to refine, no chemistry, no notes");
	if (debrief_validate(d, err) || marks_check(d, marks, nmarks, err))
		return ERR_INVALID;
	for (size_t i = 0; i < nmarks; i++)
		if (save_mark(s, d, &marks[i], err))
			return err->code;
	if (store_debrief_add(s, d, err))
		return err->code;
	if (d->interaction_id && d->chemistry > 0 &&
	    store_interaction_rate(s, d->interaction_id, d->chemistry, rated, err))
		return err->code;
	return 0;
}

/* ---- feedback ---- */

int action_feedback_add(struct store *s, struct feedback *f, struct error *err)
{
	char when[DATE_BUFSZ];

	if (!f->from.id)
		return error_set(err, ERR_INVALID, "say who gave the feedback");
	if (!f->at) {
		date_format(store_now(s), when);
		f->at = xstrdup(when);
	}
	if (feedback_validate(f, err))
		return ERR_INVALID;
	return store_feedback_add(s, f, err);
}

/* ---- improvement actions ---- */

/* The first line of text, cut at WHY_QUOTE_MAX bytes on a character boundary. */
static void add_excerpt(struct strbuf *sb, const char *text)
{
	size_t len = strcspn(text, "\n"), cut = len;

	if (cut > WHY_QUOTE_MAX) {
		cut = WHY_QUOTE_MAX;
		while (cut && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--; /* not inside a UTF-8 sequence */
	}
	strbuf_add(sb, text, cut);
	if (cut < strlen(text))
		strbuf_addstr(sb, "...");
}

/* "Agency Recruiter's feedback on Data Lead at Acme, 2026-03-01 (feedback 3): "..."" */
static char *feedback_why(const struct feedback *f)
{
	struct strbuf sb = STRBUF_INIT;

	if (f->from.id)
		strbuf_addf(&sb, "%s's feedback", f->from.name);
	else
		strbuf_addstr(&sb, "Feedback");
	if (f->opp.id)
		strbuf_addf(&sb, " on %s at %s", f->opp.title, f->opp.org_name);
	strbuf_addf(&sb, ", %.10s (feedback %lld): \"", f->at, (long long)f->id);
	add_excerpt(&sb, f->text);
	strbuf_addch(&sb, '"');
	return strbuf_detach(&sb);
}

int action_improve_add(struct store *s, struct task *t, int64_t feedback_id,
		       struct error *err)
{
	struct feedback f = { 0 };

	t->kind = TKIND_LEARN;
	free(t->origin);
	t->origin = xstrdup("improve");
	if (!feedback_id)
		return store_task_add(s, t, err);
	if (store_feedback_get(s, feedback_id, &f, err)) {
		feedback_release(&f);
		return err->code;
	}
	t->feedback_id = f.id;
	t->person.id = f.from.id;
	t->opp.id = f.opp.id;
	free(t->why);
	t->why = feedback_why(&f);
	feedback_release(&f);
	return store_task_add(s, t, err);
}

int improvement_tasks(struct store *s, int64_t feedback_id, task_vec *out, struct error *err)
{
	id_vec ids = { 0 };
	int rc = store_improvement_ids(s, feedback_id, &ids, err);

	for (size_t i = 0; i < ids.n && !rc; i++)
		rc = store_task_get(s, ids.items[i], VEC_PUSH(out), err);
	free(ids.items);
	return rc;
}

/* The progress updates proposed to person_id, open or not. */
static int progress_updates(struct store *s, int64_t person_id, id_vec *out, struct error *err)
{
	task_vec v = { 0 };
	int rc = store_tasks_of_person(s, person_id, &v, err);

	for (size_t i = 0; i < v.n && !rc; i++)
		if (v.items[i].origin && !strcmp(v.items[i].origin, PROGRESS_RULE))
			*VEC_PUSH(out) = v.items[i].id;
	task_vec_release(&v);
	return rc;
}

int action_improve_done(struct store *s, const struct playbook *pb, int64_t id,
			int64_t *update, struct error *err)
{
	struct task t = { 0 };
	id_vec before = { 0 }, after = { 0 };
	int rc;

	*update = 0;
	if ((rc = store_task_get(s, id, &t, err)))
		goto out;
	/* the rule says nothing of what it made: what is new after is it */
	if (t.feedback_id && t.person.id && (rc = progress_updates(s, t.person.id, &before, err)))
		goto out;
	if ((rc = action_task_close(s, pb, id, TASK_DONE, true, err)))
		goto out;
	if (t.feedback_id && t.person.id && !(rc = progress_updates(s, t.person.id, &after, err)))
		for (size_t i = 0; i < after.n && !*update; i++)
			if (!id_vec_has(&before, after.items[i]))
				*update = after.items[i];
out:
	task_release(&t);
	free(before.items);
	free(after.items);
	return rc;
}
