/*
 * cmd_debrief.c: rapport debrief OPP, debrief list, debrief show: what you
 * asked in an interview and what they answered (an answer can settle a
 * want), what went well, what to refine, and the chemistry.
 *
 * By flags: the Nth --answer goes with the Nth --asked; a --mark "N:WANT=STATUS"
 * makes the answer to the Nth --asked the evidence for WANT ("N:" may be left
 * out when there is one --asked). At a terminal without any of those flags,
 * rapport asks for each in turn (debrief_prompt.c).
 */
#include "cli/debrief.h"
#include "cli/edit.h"
#include "cli/remove.h"
#include "cli/table.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "io/json_debrief.h"
#include "store/wants.h"

/* The options of debrief's commands: code asks for each by its constant. */
enum debrief_opt {
	DEBRIEF_OPT_INTERACTION = 1,
	DEBRIEF_OPT_ASKED,
	DEBRIEF_OPT_ANSWER,
	DEBRIEF_OPT_MARK,
	DEBRIEF_OPT_WITH,
	DEBRIEF_OPT_WELL,
	DEBRIEF_OPT_REFINE,
	DEBRIEF_OPT_CHEMISTRY,
	DEBRIEF_OPT_NOTES,
	DEBRIEF_OPT_AT,
};

static void debrief_draft_release(struct debrief_draft *dr)
{
	debrief_release(&dr->d);
	free(dr->marks.items);
	free(dr->answered_by_name);
	memset(dr, 0, sizeof(*dr));
}

static int parse_id(struct cli *cli, const char *what, const char *s, int64_t *id)
{
	long v;

	if (text_parse_int(what, s, 1, 999999999999L, &v, &cli->err))
		return ERR_INVALID;
	*id = v;
	return 0;
}

int debrief_question(struct cli *cli, const char *q, struct asked *out)
{
	struct question bank = { 0 };
	int64_t id;

	if (!text_all_digits(q)) {
		if (text_check("a question", q, TEXT_REQUIRED | TEXT_ONE_LINE, &cli->err))
			return ERR_INVALID;
		out->text = xstrdup(q);
		return 0;
	}
	if (parse_id(cli, "a question id", q, &id) ||
	    store_question_get(cli->store, id, &bank, &cli->err)) {
		question_release(&bank);
		if (cli->err.code == ERR_NOT_FOUND)
			error_set(&cli->err, ERR_NOT_FOUND,
				  "no question %s in the bank (see rapport question list)", q);
		return cli->err.code;
	}
	out->question_id = id;
	out->text = bank.text;
	bank.text = NULL;
	question_release(&bank);
	return 0;
}

int debrief_mark(struct cli *cli, const char *spec, struct debrief_mark *m)
{
	const char *eq = strrchr(spec, '=');
	char *want, *status;
	int rc, st = 0;

	if (!eq)
		return error_set(&cli->err, ERR_INVALID,
				 "a mark is WANT=STATUS, like \"remote work=met\", not '%s'", spec);
	want = text_trimmed(spec, (size_t)(eq - spec));
	status = text_trimmed(eq + 1, strlen(eq + 1));
	if (!*want || !*status)
		rc = error_set(&cli->err, ERR_INVALID,
			       "a mark is WANT=STATUS, like \"remote work=met\", not '%s'", spec);
	else if (!(rc = store_want_resolve(cli->store, want, &m->want_id, &cli->err)))
		rc = cli_enum(cli, &want_status_def, status, &st);
	m->status = (enum want_status)st;
	free(want);
	free(status);
	return rc;
}

int debrief_add_mark(struct cli *cli, struct debrief_draft *dr, struct debrief_mark m)
{
	for (size_t i = 0; i < dr->marks.n; i++)
		if (dr->marks.items[i].answer == m.answer)
			return error_set(&cli->err, ERR_INVALID,
					 "the answer to question %zu already marks a want: an answer "
					 "marks one ('rapport want mark' records more)",
					 m.answer + 1);
	*VEC_PUSH(&dr->marks) = m;
	return 0;
}

/* Who answered by default: --with, else the interaction's only participant. */
static int default_person(struct cli *cli, struct debrief_draft *dr, const struct interaction *it)
{
	struct person p = { 0 };

	free(dr->answered_by_name);
	dr->answered_by_name = NULL;
	dr->answered_by = dr->with ? dr->with : it && it->people.n == 1 ? it->people.items[0].id : 0;
	if (!dr->answered_by)
		return 0;
	if (store_person_get(cli->store, dr->answered_by, &p, &cli->err))
		return cli->err.code;
	dr->answered_by_name = p.name;
	p.name = NULL;
	person_release(&p);
	return 0;
}

int debrief_use_interaction(struct cli *cli, struct debrief_draft *dr, int64_t id)
{
	struct interaction it = { 0 };
	char when[DATE_BUFSZ];
	int rc;

	dr->d.interaction_id = id;
	free(dr->d.at);
	dr->d.at = NULL;
	if (!id) {
		date_format(store_now(cli->store), when);
		dr->d.at = xstrdup(when);
		return default_person(cli, dr, NULL);
	}
	if (debrief_interaction_check(cli->store, dr->d.opp.id, id, &it, &cli->err))
		return cli->err.code;
	rc = default_person(cli, dr, &it);
	dr->d.at = it.at;
	it.at = NULL;
	interaction_release(&it);
	return rc;
}

/* ---- from flags ---- */

/* Which answer "[N:]WANT=STATUS" is about (N counts from 1); *rest gets the WANT=STATUS. */
static int mark_answer(struct cli *cli, const struct debrief_draft *dr, const char *spec,
		       size_t *answer, const char **rest)
{
	size_t digits = strspn(spec, "0123456789");
	size_t n = dr->d.asked.n;

	*rest = spec;
	if (digits && spec[digits] == ':') {
		unsigned long v = digits < 10 ? strtoul(spec, NULL, 10) : 0;
		if (v < 1 || v > n)
			return error_set(&cli->err, ERR_INVALID,
					 "--mark '%s': no --asked number %.*s (there %s %zu)", spec,
					 (int)digits, spec, n == 1 ? "is" : "are", n);
		*answer = (size_t)v - 1;
		*rest = spec + digits + 1;
		return 0;
	}
	if (n == 1) {
		*answer = 0;
		return 0;
	}
	if (!n)
		return error_set(&cli->err, ERR_INVALID,
				 "--mark '%s' needs an --asked whose answer it marks", spec);
	return error_set(&cli->err, ERR_INVALID,
			 "--mark '%s': say which --asked it marks, like --mark 2:%s", spec, spec);
}

static int flags_questions(struct cli *cli, const struct args *a, struct debrief_draft *dr)
{
	size_t nq, nans, nmarks;
	const char *const *qs = arg_all(a, DEBRIEF_OPT_ASKED, &nq);
	const char *const *answers = arg_all(a, DEBRIEF_OPT_ANSWER, &nans);
	const char *const *marks = arg_all(a, DEBRIEF_OPT_MARK, &nmarks);

	if (nans > nq)
		return error_set(&cli->err, ERR_INVALID,
				 "--answer '%s' has no --asked: the Nth --answer goes with the Nth "
				 "--asked", answers[nq]);
	for (size_t i = 0; i < nq; i++) {
		struct asked *q = VEC_PUSH(&dr->d.asked);
		if (debrief_question(cli, qs[i], q))
			return cli->err.code;
		if (i < nans)
			field_set(&q->answer, answers[i]);
		q->by.id = dr->answered_by;
	}
	for (size_t i = 0; i < nmarks; i++) {
		struct debrief_mark m = { 0 };
		const char *rest;
		if (mark_answer(cli, dr, marks[i], &m.answer, &rest) ||
		    debrief_mark(cli, rest, &m) || debrief_add_mark(cli, dr, m))
			return cli->err.code;
	}
	return 0;
}

static int flags_texts(struct cli *cli, const struct args *a, struct debrief_draft *dr)
{
	long chem;
	bool given;

	field_set(&dr->d.went_well, arg_opt(a, DEBRIEF_OPT_WELL));
	field_set(&dr->d.refine, arg_opt(a, DEBRIEF_OPT_REFINE));
	field_set(&dr->d.notes, arg_opt(a, DEBRIEF_OPT_NOTES));
	if (cli_int_opt(cli, a, DEBRIEF_OPT_CHEMISTRY, 1, 5, &chem, &given))
		return ERR_INVALID;
	dr->d.chemistry = given ? (int)chem : -1;
	return 0;
}

/* The flags that say what to record; without any, a terminal is asked. */
static bool has_content_flags(const struct args *a)
{
	static const int ids[] = { DEBRIEF_OPT_ASKED,  DEBRIEF_OPT_ANSWER,    DEBRIEF_OPT_MARK,
				   DEBRIEF_OPT_WELL,   DEBRIEF_OPT_REFINE,    DEBRIEF_OPT_CHEMISTRY,
				   DEBRIEF_OPT_NOTES };

	for (size_t i = 0; i < ARRAY_SIZE(ids); i++)
		if (arg_opt(a, ids[i]))
			return true;
	return false;
}

/* --interaction (or the latest interview), --with and --at. */
static int flags_context(struct cli *cli, const struct args *a, struct debrief_draft *dr)
{
	const char *v;
	char when[DATE_BUFSZ];
	int64_t id = 0;
	int rc = 0;

	if ((v = arg_opt(a, DEBRIEF_OPT_WITH)) &&
	    store_person_resolve(cli->store, v, &dr->with, &cli->err))
		return cli->err.code;
	if (!(v = arg_opt(a, DEBRIEF_OPT_INTERACTION)))
		rc = store_latest_interview(cli->store, dr->d.opp.id, &id, &cli->err);
	else if (strcmp(v, "none"))
		rc = parse_id(cli, "--interaction", v, &id);
	if (rc)
		return rc;
	if (debrief_use_interaction(cli, dr, id))
		return cli->err.code;
	if ((v = arg_opt(a, DEBRIEF_OPT_AT))) {
		if (cli_when(cli, v, when))
			return ERR_INVALID;
		free(dr->d.at);
		dr->d.at = xstrdup(when);
	}
	return 0;
}

/* ---- writing ---- */

/* The flags' own "nothing to record" first: it says which flags record something. */
static int save_draft(struct cli *cli, struct debrief_draft *dr, bool *rated)
{
	*rated = false;
	if (!dr->d.asked.n && !dr->d.went_well && !dr->d.refine && !dr->d.notes &&
	    dr->d.chemistry < 0)
		return error_set(&cli->err, ERR_INVALID,
				 "nothing to record: give --asked, --well, --refine, --chemistry or "
				 "--notes (or run it at a terminal to be asked)");
	return action_debrief_add(cli->store, &dr->d, dr->marks.items, dr->marks.n, rated,
				  &cli->err);
}

/* ---- printing ---- */

static void show_asked(struct cli *cli, size_t n, const struct asked *q)
{
	if (q->question_id)
		cli_printf(cli, "  %zu. [%lld] %s\n", n, (long long)q->question_id, q->text);
	else
		cli_printf(cli, "  %zu. %s\n", n, q->text);
	if (q->answer)
		cli_printf(cli, "     %s%s%s\n", q->by.id ? q->by.name : "",
			   q->by.id ? ": " : "", q->answer);
	else if (q->by.id)
		cli_printf(cli, "     (asked %s; no answer recorded)\n", q->by.name);
	if (q->evidence_id)
		cli_printf(cli, "     -> %s: %s\n", q->want ? q->want : "(a want since removed)",
			   q->want_status >= 0 ? enum_name(&want_status_def, q->want_status) : "?");
}

static void show_debrief(struct cli *cli, const struct debrief *d)
{
	char buf[TEXT_LINE_MAX + 32];

	cli_printf(cli, "debrief %lld · %s (%s · %s)\n", (long long)d->id, d->opp.slug,
		   d->opp.org_name, d->opp.title);
	cli_field(cli, "at", d->at);
	if (d->interaction_id) {
		snprintf(buf, sizeof(buf), "%lld %s", (long long)d->interaction_id,
			 d->interaction_summary ? d->interaction_summary : "");
		cli_field(cli, "interaction", buf);
	}
	if (d->chemistry > 0) {
		snprintf(buf, sizeof(buf), "%d/5", d->chemistry);
		cli_field(cli, "chemistry", buf);
	}
	cli_field(cli, "went well", d->went_well);
	cli_field(cli, "to refine", d->refine);
	cli_field(cli, "notes", d->notes);
	if (d->asked.n)
		cli_printf(cli, "\nquestions asked:\n");
	for (size_t i = 0; i < d->asked.n; i++)
		show_asked(cli, i + 1, &d->asked.items[i]);
}

static int report(struct cli *cli, int64_t id, const char *verb, bool rated)
{
	struct debrief d = { 0 };

	if (store_debrief_get(cli->store, id, &d, &cli->err))
		return cli->err.code;
	cli_set_json(cli, debrief_to_json(&d));
	if (verb)
		cli_printf(cli, "%s debrief %lld: %zu question%s asked\n", verb, (long long)d.id,
			   d.asked.n, d.asked.n == 1 ? "" : "s");
	if (rated)
		cli_printf(cli, "rated interaction %lld's chemistry %d/5\n",
			   (long long)d.interaction_id, d.chemistry);
	if (verb)
		cli_printf(cli, "\n");
	show_debrief(cli, &d);
	debrief_release(&d);
	return 0;
}

/* ---- commands ---- */

static int debrief_run(struct cli *cli, const struct args *a)
{
	struct debrief_draft dr = { .d = { .chemistry = -1 } };
	bool prompt = !has_content_flags(a) && isatty(STDIN_FILENO), rated;
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &dr.d.opp.id, &cli->err)) ||
	    (rc = flags_context(cli, a, &dr)))
		goto out;
	rc = prompt ? debrief_prompt(cli, &dr) : flags_questions(cli, a, &dr);
	if (rc || (!prompt && (rc = flags_texts(cli, a, &dr))) ||
	    (rc = save_draft(cli, &dr, &rated)))
		goto out;
	rc = report(cli, dr.d.id, "recorded", rated);
out:
	debrief_draft_release(&dr);
	return rc;
}

static const struct table_col debrief_cols[] = {
	{ "id", 5, NULL, COL_RIGHT },
	{ "at", 16, NULL, 0 },
	{ "opp_id", 0, NULL, COL_TSV_ONLY },
	{ "opp", 0, " ", 0 },
	{ "questions", 0, NULL, COL_TSV_ONLY },
	{ "N questions", 0, NULL, COL_TABLE_ONLY },
	{ "chemistry", 0, NULL, COL_TSV_ONLY },
	{ "chemistry N/5", 0, "  · ", COL_TABLE_ONLY | COL_IF_SET },
	{ "interaction_id", 0, NULL, COL_TSV_ONLY },
	{ "interaction", 0, "  · ", COL_FREE | COL_IF_SET },
};

static void debrief_row(struct table *t, const struct debrief *d)
{
	table_add_id(t, d->id);
	table_addf(t, "%.16s", d->at);
	table_add_id(t, d->opp.id);
	table_add(t, d->opp.slug);
	table_addf(t, "%zu", d->asked.n);
	table_addf(t, "%zu question%s", d->asked.n, d->asked.n == 1 ? "" : "s");
	if (d->chemistry > 0) {
		table_addf(t, "%d", d->chemistry);
		table_addf(t, "chemistry %d/5", d->chemistry);
	} else {
		table_add(t, NULL);
		table_add(t, NULL);
	}
	table_add_id(t, d->interaction_id);
	table_add(t, d->interaction_id ? d->interaction_summary : NULL);
}

static int debrief_list(struct cli *cli, const struct args *a)
{
	debrief_vec v = { 0 };
	json_t *arr = cli->json ? json_array() : NULL;
	int64_t opp_id = 0;
	struct table t;
	int rc;

	if ((a->npos && (rc = store_opp_resolve(cli->store, a->pos[0], &opp_id, &cli->err))) ||
	    (rc = store_debrief_list(cli->store, opp_id, &v, &cli->err)))
		goto out;
	table_init(&t, debrief_cols, ARRAY_SIZE(debrief_cols));
	for (size_t i = 0; i < v.n; i++) {
		if (arr)
			json_array_append_new(arr, debrief_to_json(&v.items[i]));
		else
			debrief_row(&t, &v.items[i]);
	}
	table_print(cli, &t);
	cli_set_json(cli, arr);
	arr = NULL;
out:
	json_decref(arr);
	debrief_vec_release(&v);
	return rc;
}

static int debrief_show(struct cli *cli, const struct args *a)
{
	int64_t id;

	if (parse_id(cli, "a debrief id", a->pos[0], &id))
		return ERR_INVALID;
	return report(cli, id, NULL, false);
}

/* ---- debrief edit ---- */

/* The debrief ID names, read whole. */
static int debrief_of(struct cli *cli, const char *ref, struct debrief *d)
{
	int64_t id;

	if (parse_id(cli, "a debrief id", ref, &id))
		return ERR_INVALID;
	return store_debrief_get(cli->store, id, d, &cli->err);
}

/* Whether d would still record something (as a new debrief must). */
static bool debrief_says_something(const struct debrief *d)
{
	return d->asked.n || d->went_well || d->refine || d->notes || d->chemistry > 0;
}

/* debrief edit ID: what it says of the interview; its questions stay. */
static int debrief_edit_run(struct cli *cli, const struct args *a)
{
	static const struct opt_field texts[] = {
		{ DEBRIEF_OPT_WELL, offsetof(struct debrief, went_well) },
		{ DEBRIEF_OPT_REFINE, offsetof(struct debrief, refine) },
		{ DEBRIEF_OPT_NOTES, offsetof(struct debrief, notes) },
	};
	struct debrief d = { 0 };
	json_t *before;
	long chem;
	bool given;
	int rc;

	if ((rc = debrief_of(cli, a->pos[0], &d)) ||
	    (rc = cli_int_opt(cli, a, DEBRIEF_OPT_CHEMISTRY, 1, 5, &chem, &given)))
		goto out;
	before = debrief_to_json(&d);
	arg_set_fields(a, &d, texts, ARRAY_SIZE(texts));
	if (given)
		d.chemistry = (int)chem;
	if (cli_edit_unchanged(cli, before, debrief_to_json(&d), "debrief", d.id, d.opp.slug))
		goto out;
	if (!debrief_says_something(&d))
		rc = error_set(&cli->err, ERR_INVALID, "debrief %lld would record nothing: remove "
			       "it with 'rapport debrief rm %lld'", (long long)d.id,
			       (long long)d.id);
	else if (!(rc = store_debrief_edit(cli->store, &d, &cli->err)))
		rc = report(cli, d.id, "changed", false);
out:
	debrief_release(&d);
	return rc;
}

/* The debrief as --editor shows it. */
static int debrief_form(struct cli *cli, const struct args *a, struct edit_form *f)
{
	struct debrief d = { 0 };
	int rc = debrief_of(cli, a->pos[0], &d);

	if (!rc) {
		/* it has no updated_at: a change made meanwhile shows in the text */
		edit_form_begin(f, "debrief", d.id, d.opp.slug, d.created_at);
		edit_form_add(f, a, DEBRIEF_OPT_WELL, d.went_well);
		edit_form_add(f, a, DEBRIEF_OPT_REFINE, d.refine);
		edit_form_add_int(f, a, DEBRIEF_OPT_CHEMISTRY, d.chemistry);
		edit_form_notes(f, a, DEBRIEF_OPT_NOTES, d.notes);
	}
	debrief_release(&d);
	return rc;
}

static const struct opt_spec debrief_edit_opts[] = {
	{ .id = DEBRIEF_OPT_WELL, .name = "well", .arg = "TEXT", .flags = OPT_STDIN,
	  .help = "what went well (\"\" clears it; \"-\" reads it from standard input)" },
	{ .id = DEBRIEF_OPT_REFINE, .name = "refine", .arg = "TEXT", .flags = OPT_STDIN,
	  .help = "what to refine next time (\"\" clears it; \"-\" reads it from standard "
		  "input)" },
	{ .id = DEBRIEF_OPT_CHEMISTRY, .name = "chemistry", .arg = "N",
	  .help = "how it felt, 1-5 (\"\" clears it)" },
	{ .id = DEBRIEF_OPT_NOTES, .name = "notes", .arg = "T", .flags = OPT_STDIN,
	  .help = "notes (\"\" clears them; \"-\" reads them from standard input)" },
	CLI_EDITOR_OPT(debrief_form),
	{ 0 },
};

static const struct opt_spec debrief_opts[] = {
	{ .id = DEBRIEF_OPT_INTERACTION, .name = "interaction", .arg = "ID",
	  .help = "the interaction it is about, or none (default: the latest interview on OPP)" },
	{ .id = DEBRIEF_OPT_ASKED, .name = "asked", .arg = "Q", .flags = OPT_MULTI,
	  .help = "a question you asked: an id from the bank, or your own words (repeatable)" },
	{ .id = DEBRIEF_OPT_ANSWER, .name = "answer", .arg = "TEXT", .flags = OPT_MULTI,
	  .help = "their answer; the Nth --answer goes with the Nth --asked" },
	{ .id = DEBRIEF_OPT_MARK, .name = "mark", .arg = "[N:]WANT=STATUS", .flags = OPT_MULTI,
	  .help = "the answer to the Nth --asked settles WANT: unknown, met, partly, unmet or "
		  "vague (N: may be left out when there is one --asked)" },
	{ .id = DEBRIEF_OPT_WITH, .name = "with", .arg = "PERSON",
	  .help = "who answered (default: the interaction's only participant)" },
	{ .id = DEBRIEF_OPT_WELL, .name = "well", .arg = "TEXT", .flags = OPT_STDIN,
	  .help = "what went well (\"-\": from standard input)" },
	{ .id = DEBRIEF_OPT_REFINE, .name = "refine", .arg = "TEXT", .flags = OPT_STDIN,
	  .help = "what to refine next time (\"-\": from standard input)" },
	{ .id = DEBRIEF_OPT_CHEMISTRY, .name = "chemistry", .arg = "N",
	  .help = "how it felt, 1-5 (also set on the interaction when it has none)" },
	CLI_NOTES_OPT(DEBRIEF_OPT_NOTES),
	{ .id = DEBRIEF_OPT_AT, .name = "at", .arg = "WHEN",
	  .help = "when it happened (default: the interaction's time)" },
	{ 0 },
};

static const struct opt_spec debrief_list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec debrief_cmds[] = {
	{ "", "OPP",
	  "Debrief an interview: the questions you asked and their answers (an answer can mark "
	  "a want met, partly, unmet or vague, with who said it), what went well, what to "
	  "refine, the chemistry. At a terminal, without --asked, --answer, --mark, --well, "
	  "--refine, --chemistry or --notes, rapport asks for each in turn. Example: rapport "
	  "debrief acme-data-lead --asked 12 --answer \"two days a month in the office\" "
	  "--mark \"remote work=met\" --asked \"How is success measured?\" --chemistry 4",
	  1, 1, debrief_opts, debrief_run, CMD_WRITE },
	{ "edit", "ID", "Change what a debrief says (the id 'debrief list' gives): what went "
	  "well, what to refine, the chemistry and the notes. Its questions stay; the "
	  "interaction's own chemistry is changed with 'rapport log edit'.", 1, 1,
	  debrief_edit_opts, debrief_edit_run, CMD_WRITE },
	{ "list", "[OPP]", "List debriefs (of one opportunity), oldest first.", 0, 1,
	  debrief_list_opts, debrief_list, 0 },
	{ "show", "ID", "Show a debrief: the questions asked, the answers and the wants they "
	  "marked.", 1, 1, NULL, debrief_show, 0 },
	{ "rm", "ID", "Remove a debrief with its questions asked; one whose answers marked "
	  "wants only with --force (the marks go too).", 1, 1, cli_rm_opts, cli_debrief_rm,
	  CMD_WRITE },
	{ 0 },
};
