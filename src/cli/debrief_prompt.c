/*
 * debrief_prompt.c: a debrief asked for at the terminal, one question at a
 * time. Prompts go to stderr (stdout keeps the command's output); each answer
 * is one line; an empty line ends a list or skips a question; the end of
 * input ends everything. A bad entry (an unknown question id, want or
 * person) is explained and asked again. Nothing is written before the end,
 * so Ctrl-C leaves the database as it was.
 */
#include "cli/debrief.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/wants.h"

/* At most this many suggested questions, and per want. */
#define SUGGEST_MAX 10
#define SUGGEST_PER_WANT 2

struct prompter {
	char *line;
	size_t cap;
	bool eof;
};

/* Print the prompt and read one line without the spaces around it; NULL at
 * the end of input (and from then on). */
static const char *ask(struct prompter *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *ask(struct prompter *p, const char *fmt, ...)
{
	va_list ap;
	ssize_t n;
	char *s;

	if (p->eof)
		return NULL;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stderr);
	if ((n = getline(&p->line, &p->cap, stdin)) < 0) {
		p->eof = true;
		fputc('\n', stderr);
		return NULL;
	}
	while (n && isspace((unsigned char)p->line[n - 1]))
		p->line[--n] = '\0';
	for (s = p->line; isspace((unsigned char)*s); s++)
		;
	return s;
}

/* Say what was wrong with an entry, before asking again. */
static void complain(struct cli *cli)
{
	fprintf(stderr, "  %s\n", cli->err.msg);
	error_clear(&cli->err);
}

/* ---- the interaction ---- */

static void describe_interaction(struct cli *cli, int64_t id, struct strbuf *sb)
{
	struct interaction it = { 0 };
	struct error err = ERROR_INIT;

	if (!id || store_interaction_get(cli->store, id, &it, &err)) {
		strbuf_addstr(sb, "none");
		return;
	}
	strbuf_addf(sb, "%lld: %.10s %s, %s", (long long)id, it.at,
		    enum_name(&interaction_kind_def, (int)it.kind), it.summary);
	interaction_release(&it);
}

static int prompt_interaction(struct cli *cli, struct prompter *p, struct debrief_draft *dr)
{
	for (;;) {
		struct strbuf sb = STRBUF_INIT;
		const char *v;
		int64_t id = 0;
		long num;

		describe_interaction(cli, dr->d.interaction_id, &sb);
		v = ask(p, "Which interaction is this about? [%s] (an id, 'none'; Enter keeps it): ",
			sb.buf);
		strbuf_release(&sb);
		if (!v || !*v)
			return 0;
		if (strcmp(v, "none") &&
		    text_parse_int("an interaction id", v, 1, 999999999999L, &num, &cli->err)) {
			complain(cli);
			continue;
		}
		id = strcmp(v, "none") ? num : 0;
		if (!debrief_use_interaction(cli, dr, id))
			return 0;
		if (cli->err.code == ERR_STORE)
			return cli->err.code;
		complain(cli);
	}
}

/* ---- suggestions: questions that verify the wants still open here ---- */

static bool open_status(enum want_status s)
{
	return s == WANT_UNKNOWN || s == WANT_PARTLY || s == WANT_VAGUE;
}

static bool in_ids(const id_vec *v, int64_t id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i] == id)
			return true;
	return false;
}

/* Up to SUGGEST_PER_WANT questions for w that are not in skip (asked here
 * already, or shown); *shown counts the questions shown. */
static int suggest_for(struct cli *cli, const struct want_standing *w, id_vec *skip,
		       size_t *shown)
{
	struct question_filter f = { .want_id = w->want.id };
	question_vec qs = { 0 };
	int n = 0;

	if (store_question_list(cli->store, &f, &qs, &cli->err)) {
		question_vec_release(&qs);
		return cli->err.code;
	}
	for (size_t i = 0; i < qs.n && n < SUGGEST_PER_WANT && *shown < SUGGEST_MAX; i++) {
		if (in_ids(skip, qs.items[i].id))
			continue;
		if (!(*shown)++)
			fputs("Questions that verify them (not asked here yet):\n", stderr);
		*VEC_PUSH(skip) = qs.items[i].id;
		fprintf(stderr, "  [%lld] %s (%s)\n", (long long)qs.items[i].id, qs.items[i].text,
			w->want.text);
		n++;
	}
	question_vec_release(&qs);
	return 0;
}

/* The wants still open on the opportunity, heaviest first, and questions that verify them. */
static int suggest(struct cli *cli, const struct debrief_draft *dr)
{
	want_standing_vec wants = { 0 };
	id_vec skip = { 0 };
	size_t nopen = 0, shown = 0;
	int rc;

	if ((rc = store_want_standings(cli->store, dr->d.opp.id, &wants, &cli->err)) ||
	    (rc = store_questions_asked(cli->store, dr->d.opp.id, &skip, &cli->err)))
		goto out;
	for (size_t i = 0; i < wants.n; i++)
		if (open_status(wants.items[i].status))
			fprintf(stderr, "%s%s (%s)", nopen++ ? ", " : "Wants still to verify: ",
				wants.items[i].want.text,
				enum_name(&want_status_def, (int)wants.items[i].status));
	if (nopen)
		fputc('\n', stderr);
	for (size_t i = 0; i < wants.n && !rc; i++)
		if (open_status(wants.items[i].status))
			rc = suggest_for(cli, &wants.items[i], &skip, &shown);
out:
	want_standing_vec_release(&wants);
	free(skip.items);
	return rc;
}

/* ---- the questions asked ---- */

/* Who answered q: Enter keeps the default (dr->answered_by). */
static int prompt_person(struct cli *cli, struct prompter *p, const struct debrief_draft *dr,
			 struct asked *q)
{
	q->by.id = dr->answered_by;
	for (;;) {
		const char *v = ask(p, "  Who answered? [%s] (Enter keeps it): ",
				    dr->answered_by_name ? dr->answered_by_name : "nobody in particular");
		if (!v || !*v)
			return 0;
		if (!store_person_resolve(cli->store, v, &q->by.id, &cli->err))
			return 0;
		if (cli->err.code == ERR_STORE)
			return cli->err.code;
		complain(cli);
	}
}

/* A want the answer settles, as WANT=STATUS; Enter for none. */
static int prompt_mark(struct cli *cli, struct prompter *p, struct debrief_draft *dr)
{
	for (;;) {
		struct debrief_mark m = { .answer = dr->d.asked.n - 1 };
		const char *v = ask(p, "  Does it settle a want? WANT=STATUS, like \"remote work=met\""
				       " (met, partly, unmet, vague; Enter: no): ");
		if (!v || !*v)
			return 0;
		if (!debrief_mark(cli, v, &m))
			return debrief_add_mark(cli, dr, m);
		if (cli->err.code == ERR_STORE)
			return cli->err.code;
		complain(cli);
	}
}

/* One question asked, its answer, who gave it, the want it settles; *done at an empty line. */
static int prompt_one(struct cli *cli, struct prompter *p, struct debrief_draft *dr, bool *done)
{
	struct asked q = { 0 };
	const char *v;

	for (;;) {
		v = ask(p, "\nQuestion %zu you asked (an id from the list or the bank, or your own "
			   "words; Enter when done): ", dr->d.asked.n + 1);
		if ((*done = !v || !*v))
			return 0;
		if (!debrief_question(cli, v, &q))
			break;
		if (cli->err.code == ERR_STORE)
			return cli->err.code;
		complain(cli);
	}
	if (q.question_id)
		fprintf(stderr, "  %s\n", q.text);
	v = ask(p, "  Their answer (Enter: none): ");
	field_set(&q.answer, v);
	*VEC_PUSH(&dr->d.asked) = q;
	if (prompt_person(cli, p, dr, &dr->d.asked.items[dr->d.asked.n - 1]))
		return cli->err.code;
	return prompt_mark(cli, p, dr);
}

/* ---- what went well, what to refine, the chemistry ---- */

static int prompt_texts(struct cli *cli, struct prompter *p, struct debrief_draft *dr)
{
	const char *v;
	long chem;

	field_set(&dr->d.went_well, ask(p, "\nWhat went well (Enter: skip): "));
	field_set(&dr->d.refine, ask(p, "What to refine next time (Enter: skip): "));
	while ((v = ask(p, "Chemistry, 1-5 (Enter: skip): ")) && *v) {
		if (!text_parse_int("chemistry", v, 1, 5, &chem, &cli->err)) {
			dr->d.chemistry = (int)chem;
			break;
		}
		complain(cli);
	}
	field_set(&dr->d.notes, ask(p, "Notes (Enter: none): "));
	return 0;
}

int debrief_prompt(struct cli *cli, struct debrief_draft *dr)
{
	struct prompter p = { 0 };
	bool done = false;
	int rc;

	struct opp o = { 0 };

	if ((rc = store_opp_get(cli->store, dr->d.opp.id, &o, &cli->err)))
		return rc;
	fprintf(stderr, "Debrief of %s (%s · %s). Ctrl-C leaves without writing anything.\n",
		o.slug, o.org_name, o.title);
	opp_release(&o);
	if ((rc = prompt_interaction(cli, &p, dr)) || (rc = suggest(cli, dr)))
		goto out;
	while (!done && !rc)
		rc = prompt_one(cli, &p, dr, &done);
	if (!rc)
		rc = prompt_texts(cli, &p, dr);
out:
	free(p.line);
	return rc;
}
