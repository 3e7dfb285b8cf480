/*
 * coaching.c: a coach's suggestions, and the client's answer to them
 * (method/coaching.h).
 */
#include "method/coaching.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/store.h"
#include "util/strbuf.h"

#define SUGGESTION_MAX 2000 /* bytes of a suggestion's text, as the table checks */

static int check_text(const char *text, struct error *err)
{
	const char *p = text;

	while (p && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (!p || !*p)
		return error_set(err, ERR_INVALID, "a suggestion needs a text");
	if (strlen(text) > SUGGESTION_MAX)
		return error_set(err, ERR_INVALID, "a suggestion is at most %d bytes",
				 SUGGESTION_MAX);
	return 0;
}

int coaching_suggest(struct store *s, int64_t client_id, const char *kind, int64_t opp_id,
		     int64_t person_id, const char *text, const char *due, int64_t *id,
		     struct error *err)
{
	bool note = kind && !strcmp(kind, "note");
	struct suggestion sg = { .kind = (char *)kind, .opp_id = opp_id, .person_id = person_id,
				 .text = (char *)text };
	char day[DATE_BUFSZ];
	struct datetime when;

	if (!note && !(kind && !strcmp(kind, "follow-up")))
		return error_set(err, ERR_INVALID, "a suggestion is a note or a follow-up");
	if (check_text(text, err))
		return err->code;
	if (note && opp_id <= 0)
		return error_set(err, ERR_INVALID, "a note is left on an opportunity");
	if (!note) {
		if (!due || !*due)
			return error_set(err, ERR_INVALID, "a follow-up needs a day");
		if (date_parse_when(due, store_now(s), &when, err))
			return err->code;
		date_format_day(&when, day);
		sg.due = day;
	}
	return store_suggestion_add(s, client_id, &sg, id, err);
}

/* "suggested by your coach EMAIL", the why of what a suggestion becomes. */
static char *suggested_by(const struct suggestion *sg)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "suggested by your coach %s",
		    sg->coach_email ? sg->coach_email : "(no longer in the practice)");
	return strbuf_detach(&sb);
}

static int accept_note(struct store *s, const struct suggestion *sg, int64_t *made,
		       struct error *err)
{
	struct interaction it = { .kind = IKIND_NOTE, .direction = DIR_OUT, .chemistry = -1 };
	int rc;

	it.at = xstrdup(store_stamp(s));
	it.opp.id = sg->opp_id;
	it.summary = xstrdup(sg->text);
	it.notes = suggested_by(sg);
	rc = store_interaction_add(s, &it, err);
	*made = it.id;
	it.opp.id = 0;
	interaction_release(&it);
	return rc;
}

static int accept_follow_up(struct store *s, const struct suggestion *sg, int64_t *made,
			    struct error *err)
{
	struct task t = { .kind = TKIND_OTHER, .status = TASK_OPEN };
	int rc;

	t.title = xstrdup(sg->text);
	t.due = xstrdup(sg->due);
	t.person.id = sg->person_id;
	t.opp.id = sg->opp_id;
	t.origin = xstrdup(COACHING_ORIGIN);
	t.why = suggested_by(sg);
	rc = store_task_add(s, &t, err);
	*made = t.id;
	t.person.id = t.opp.id = 0;
	task_release(&t);
	return rc;
}

int coaching_accept(struct store *s, int64_t id, int64_t *made, struct error *err)
{
	struct suggestion sg;
	int rc = store_suggestion_get(s, id, &sg, err);

	*made = 0;
	if (!rc)
		rc = !strcmp(sg.kind, "note") ? accept_note(s, &sg, made, err)
					      : accept_follow_up(s, &sg, made, err);
	if (!rc)
		rc = store_suggestion_decide(s, id, "accepted", err);
	suggestion_release(&sg);
	return rc;
}

int coaching_dismiss(struct store *s, int64_t id, struct error *err)
{
	return store_suggestion_decide(s, id, "dismissed", err);
}
