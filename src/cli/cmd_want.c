/* cmd_want.c: rapport want add|list|edit|rm|mark, and rapport fit OPP. */
#include "cli/cli.h"
#include "cli/table.h"
#include "cli/edit.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "io/json_model.h"
#include "io/json_wants.h"
#include "method/fit.h"
#include "method/want_actions.h"
#include "store/wants.h"

/* The options of want's commands: code asks for each by its constant. */
enum want_opt {
	WANT_OPT_WEIGHT = 1,
	WANT_OPT_MUST,
	WANT_OPT_NICE,
	WANT_OPT_CATEGORY,
	WANT_OPT_TEXT,
	WANT_OPT_FORCE,
	WANT_OPT_BY,
	WANT_OPT_INTERACTION,
	WANT_OPT_NOTE,
	WANT_OPT_AT,
};

static const struct table_col want_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "weight", 1, NULL, COL_RIGHT },
	{ "must", 4, NULL, 0 },
	{ "category", 12, NULL, 0 },
	{ "text", 0, NULL, COL_FREE },
};

static void want_row(struct table *t, const struct want *w)
{
	table_add_id(t, w->id);
	table_addf(t, "%d", w->weight);
	table_add(t, w->must ? "must" : NULL);
	table_add(t, w->category >= 0 ? enum_name(&want_category_def, w->category) : NULL);
	table_add(t, w->text);
}

/* --weight, --category, --must and --nice onto w. */
static int apply_want_options(struct cli *cli, const struct args *a, struct want *w)
{
	const char *v;
	long weight;
	bool given;

	if (cli_int_opt(cli, a, WANT_OPT_WEIGHT, 1, 5, &weight, &given))
		return cli->err.code;
	if (given && weight < 0)
		return error_set(&cli->err, ERR_INVALID, "--weight is 1 to 5");
	if (given)
		w->weight = (int)weight;
	if ((v = arg_opt(a, WANT_OPT_CATEGORY))) {
		w->category = -1;
		if (*v && cli_enum(cli, &want_category_def, v, &w->category))
			return cli->err.code;
	}
	if (arg_flag(a, WANT_OPT_MUST) && arg_flag(a, WANT_OPT_NICE))
		return error_set(&cli->err, ERR_INVALID, "a want is --must or --nice, not both");
	if (arg_flag(a, WANT_OPT_MUST))
		w->must = true;
	if (arg_flag(a, WANT_OPT_NICE))
		w->must = false;
	return 0;
}

static int want_add(struct cli *cli, const struct args *a)
{
	struct want w = { .weight = 3, .category = -1 };
	int rc;

	w.text = xstrdup(a->pos[0]);
	if (!(rc = apply_want_options(cli, a, &w)) &&
	    !(rc = store_want_add(cli->store, &w, &cli->err))) {
		cli_set_json(cli, want_to_json(&w));
		cli_printf(cli, "added want %lld: %s (weight %d%s)\n", (long long)w.id, w.text,
			   w.weight, w.must ? ", must-have" : "");
	}
	want_release(&w);
	return rc;
}

static int want_list(struct cli *cli, const struct args *a)
{
	want_vec v = { 0 };
	struct table t;
	json_t *arr;

	(void)a;
	if (store_want_list(cli->store, &v, &cli->err))
		return cli->err.code;
	arr = json_array();
	if (!v.n)
		cli_note(cli, "no wants yet: rapport want add TEXT [--weight 1-5] [--must]\n");
	table_init(&t, want_cols, ARRAY_SIZE(want_cols));
	for (size_t i = 0; i < v.n; i++) {
		json_array_append_new(arr, want_to_json(&v.items[i]));
		want_row(&t, &v.items[i]);
	}
	table_print(cli, &t);
	cli_set_json(cli, arr);
	want_vec_release(&v);
	return 0;
}

static int want_edit(struct cli *cli, const struct args *a)
{
	struct want w = { 0 };
	const char *text = arg_opt(a, WANT_OPT_TEXT);
	int64_t id;
	int rc;

	json_t *before;

	if ((rc = store_want_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = store_want_get(cli->store, id, &w, &cli->err)))
		goto out;
	before = want_to_json(&w);
	if (text)
		field_set(&w.text, text);
	if ((rc = apply_want_options(cli, a, &w))) {
		json_decref(before);
		goto out;
	}
	if (cli_edit_unchanged(cli, before, want_to_json(&w), "want", w.id, w.text))
		goto out;
	if (!(rc = store_want_update(cli->store, &w, &cli->err))) {
		cli_set_json(cli, want_to_json(&w));
		cli_printf(cli, "changed want %lld: %s\n", (long long)w.id, w.text);
	}
out:
	want_release(&w);
	return rc;
}

static int want_rm(struct cli *cli, const struct args *a)
{
	struct want w = { 0 };
	int64_t id, uses;
	int rc;

	if ((rc = store_want_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = store_want_get(cli->store, id, &w, &cli->err)))
		goto out;
	rc = action_want_remove(cli->store, id, arg_flag(a, WANT_OPT_FORCE), &uses, &cli->err);
	if (rc == ERR_CONFLICT) {
		char msg[sizeof(cli->err.msg)];
		snprintf(msg, sizeof(msg), "%s", cli->err.msg);
		error_set(&cli->err, ERR_CONFLICT, "%s; --force removes it with them", msg);
	}
	if (!rc) {
		cli_set_json(cli, json_pack("{s:I, s:I}", "removed", (json_int_t)id, "evidence",
					    (json_int_t)uses));
		cli_printf(cli, "removed want %lld: %s\n", (long long)id, w.text);
	}
out:
	want_release(&w);
	return rc;
}

/* --interaction: an id (action_want_mark checks it is about this opportunity). */
static int evidence_interaction(struct cli *cli, const struct args *a, int64_t *id)
{
	const char *v = arg_opt(a, WANT_OPT_INTERACTION);
	long n;

	*id = 0;
	if (!v)
		return 0;
	if (text_parse_int("--interaction", v, 1, INT32_MAX, &n, &cli->err))
		return cli->err.code;
	*id = n;
	return 0;
}

static int person_name(struct cli *cli, int64_t id, char **name)
{
	struct person p = { 0 };
	int rc = store_person_get(cli->store, id, &p, &cli->err);

	if (!rc) {
		*name = p.name;
		p.name = NULL;
	}
	person_release(&p);
	return rc;
}

static int want_mark(struct cli *cli, const struct args *a)
{
	struct want_evidence e = { 0 };
	struct want w = { 0 };
	const char *by = arg_opt(a, WANT_OPT_BY), *at = arg_opt(a, WANT_OPT_AT);
	char when[DATE_BUFSZ];
	int status, rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &e.opp_id, &cli->err)) ||
	    (rc = store_want_resolve(cli->store, a->pos[1], &e.want_id, &cli->err)) ||
	    (rc = store_want_get(cli->store, e.want_id, &w, &cli->err)) ||
	    (rc = cli_enum(cli, &want_status_def, a->pos[2], &status)) ||
	    (rc = evidence_interaction(cli, a, &e.interaction_id)) ||
	    (by && (rc = store_person_resolve(cli->store, by, &e.by.id, &cli->err))) ||
	    (at && (rc = cli_when(cli, at, when))))
		goto out;
	if (e.by.id && (rc = person_name(cli, e.by.id, &e.by.name)))
		goto out;
	e.status = (enum want_status)status;
	e.note = xstrdup_or_null(arg_opt(a, WANT_OPT_NOTE));
	e.at = at ? xstrdup(when) : NULL;
	if (!(rc = action_want_mark(cli->store, &e, &cli->err))) {
		cli_set_json(cli, want_evidence_to_json(&e));
		cli_printf(cli, "%s: '%s' is %s%s\n", a->pos[0], w.text, a->pos[2],
			   e.status == WANT_VAGUE ? " (ask again)" : "");
	}
out:
	want_evidence_release(&e);
	want_release(&w);
	return rc;
}

/* ---- fit ---- */

static void print_evidence(struct cli *cli, const struct want_evidence *e)
{
	cli_printf(cli, "        %s  %-7s", e->at, enum_name(&want_status_def, (int)e->status));
	if (e->by.name)
		cli_printf(cli, " %s", e->by.name);
	if (e->interaction_id)
		cli_printf(cli, " (interaction %lld)", (long long)e->interaction_id);
	if (e->note)
		cli_printf(cli, ": %s", e->note);
	cli_printf(cli, "\n");
}

static void print_standing(struct cli *cli, const struct want_standing *w)
{
	cli_printf(cli, "  %-7s %d %-4s  %s%s\n", enum_name(&want_status_def, (int)w->status),
		   w->want.weight, w->want.must ? "must" : "", w->want.text,
		   w->status == WANT_VAGUE ? "  (vague: ask again)" : "");
	for (size_t i = 0; i < w->evidence.n; i++)
		print_evidence(cli, &w->evidence.items[i]);
	if (w->judged)
		cli_printf(cli, "        from the figures: %s\n", w->judged);
}

static bool to_verify(enum want_status s)
{
	return s == WANT_UNKNOWN || s == WANT_VAGUE || s == WANT_PARTLY;
}

static void print_fit(struct cli *cli, const struct opp *o, const struct fit *f,
		      const want_standing_vec *v)
{
	char score[32];
	bool any = false;

	fit_text(f, score, sizeof(score));
	cli_printf(cli, "%s: %s at %s\nfit %s: %d of %d wants known (%d%% of their weight)\n",
		   o->slug, o->title, o->org_name, score, f->known, f->total, fit_coverage(f));
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].want.must && v->items[i].status == WANT_UNMET)
			cli_printf(cli, "DEAL-BREAKER: '%s' is a must-have, and it is unmet\n",
				   v->items[i].want.text);
	cli_printf(cli, "\n");
	for (size_t i = 0; i < v->n; i++)
		print_standing(cli, &v->items[i]);
	for (size_t i = 0; i < v->n; i++) {
		if (!to_verify(v->items[i].status))
			continue;
		if (!any)
			cli_printf(cli, "\nstill to verify (rapport prep %s):\n", o->slug);
		any = true;
		cli_printf(cli, "  %s\n", v->items[i].want.text);
	}
}

static int fit_run(struct cli *cli, const struct args *a)
{
	want_standing_vec v = { 0 };
	struct opp o = { 0 };
	json_t *j, *wants, *verify;
	struct fit f;
	int64_t id;
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = store_opp_get(cli->store, id, &o, &cli->err)) ||
	    (rc = fit_standings_load(cli->store, &o, &v, &cli->err)))
		goto out;
	f = fit_of_standings(&v);
	if (!v.n)
		cli_note(cli, "no wants yet: say what you want first (rapport want add)\n");
	else
		print_fit(cli, &o, &f, &v);
	j = fit_to_json(&f);
	wants = json_array();
	verify = json_array();
	for (size_t i = 0; i < v.n; i++) {
		json_array_append_new(wants, want_standing_to_json(&v.items[i]));
		if (to_verify(v.items[i].status))
			json_array_append_new(verify, json_integer(v.items[i].want.id));
	}
	json_object_set_new(j, "opportunity", opp_brief_to_json(&o));
	json_object_set_new(j, "wants", wants);
	json_object_set_new(j, "to_verify", verify);
	cli_set_json(cli, j);
out:
	opp_release(&o);
	want_standing_vec_release(&v);
	return rc;
}

static const struct opt_spec want_add_opts[] = {
	{ .id = WANT_OPT_WEIGHT, .name = "weight", .arg = "1-5",
	  .help = "how much it matters (default 3)" },
	{ .id = WANT_OPT_MUST, .name = "must", .help = "a must-have: unmet, it breaks the deal" },
	{ .id = WANT_OPT_NICE, .name = "nice", .help = "a nice-to-have (the default)" },
	{ .id = WANT_OPT_CATEGORY, .name = "category", .arg = "C", .values = &want_category_def,
	  .help = "scope, growth, team, manager, compensation, work-pattern, culture, "
		  "business, success or other: the questions that verify it" },
	{ 0 },
};

static const struct opt_spec want_edit_opts[] = {
	{ .id = WANT_OPT_TEXT, .name = "text", .arg = "T", .help = "new wording" },
	{ .id = WANT_OPT_WEIGHT, .name = "weight", .arg = "1-5", .help = "how much it matters" },
	{ .id = WANT_OPT_MUST, .name = "must", .help = "make it a must-have" },
	{ .id = WANT_OPT_NICE, .name = "nice", .help = "make it a nice-to-have" },
	{ .id = WANT_OPT_CATEGORY, .name = "category", .arg = "C", .values = &want_category_def,
	  .help = "the category (\"\" clears it)" },
	{ 0 },
};

static const struct opt_spec want_rm_opts[] = {
	{ .id = WANT_OPT_FORCE, .name = "force",
	  .help = "remove it even with evidence (the evidence goes too)" },
	{ 0 },
};

static const struct opt_spec want_mark_opts[] = {
	{ .id = WANT_OPT_BY, .name = "by", .arg = "PERSON", .help = "who said it" },
	{ .id = WANT_OPT_INTERACTION, .name = "interaction", .arg = "ID",
	  .help = "where it was said" },
	{ .id = WANT_OPT_NOTE, .name = "note", .arg = "T", .help = "what was said" },
	{ .id = WANT_OPT_AT, .name = "at", .arg = "WHEN",
	  .help = "when (default: the interaction's day, else today)" },
	{ 0 },
};

static const struct opt_spec want_list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec want_cmds[] = {
	{ "add", "TEXT", "Add something you want from your next job.", 1, 1, want_add_opts,
	  want_add, CMD_WRITE },
	{ "list", "", "List your wants, heaviest first.", 0, 0, want_list_opts, want_list, 0 },
	{ "edit", "WANT", "Change a want (by id, its text, or a unique part of it).", 1, 1,
	  want_edit_opts, want_edit, CMD_WRITE },
	{ "rm", "WANT", "Remove a want (refused while evidence refers to it, unless --force).",
	  1, 1, want_rm_opts, want_rm, CMD_WRITE },
	{ "mark", "OPP WANT STATUS",
	  "Record where a want stands on an opportunity: unknown, met, partly, unmet, or vague "
	  "(what they said can be read two ways: ask again).", 3, 3, want_mark_opts, want_mark,
	  CMD_WRITE },
	{ 0 },
};

const struct cmd_spec fit_cmds[] = {
	{ "", "OPP",
	  "How an opportunity fits your wants: each want's status and evidence, the score "
	  "(100 x the sum of weight x value over the known wants / their weight; met 1, partly "
	  "0.5, unmet 0), what is still to verify, and unmet must-haves (deal-breakers).",
	  1, 1, NULL, fit_run, 0 },
	{ 0 },
};
