/* cmd_question.c: rapport question add|list|edit|rm: the bank of questions to ask. */
#include "cli/cli.h"
#include "cli/table.h"
#include "cli/edit.h"

#include <stdlib.h>

#include "core/text.h"
#include "io/json_wants.h"
#include "store/wants.h"

/* The options of question's commands: code asks for each by its constant. */
enum question_opt {
	QUESTION_OPT_STAGE = 1,
	QUESTION_OPT_AUDIENCE,
	QUESTION_OPT_VERIFIES,
	QUESTION_OPT_WANT,
	QUESTION_OPT_TEXT,
};

/* Every value of a repeatable option, each a list ("first, second"), as one mask. */
static int mask_opt(struct cli *cli, const struct args *a, enum question_opt id,
		    const struct enum_def *def, unsigned *mask, bool *given)
{
	size_t n;
	const char *const *v = arg_all(a, id, &n);

	*given = n > 0;
	*mask = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned m;
		if (enum_parse_set(def, v[i], &m, &cli->err))
			return cli->err.code;
		*mask |= m;
	}
	return 0;
}

/* --want WANT...: replaces the question's wants when given. */
static int wants_opt(struct cli *cli, const struct args *a, struct question *q)
{
	size_t n;
	const char *const *v = arg_all(a, QUESTION_OPT_WANT, &n);

	if (!n)
		return 0;
	q->wants.n = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t id;
		if (*v[i] && store_want_resolve(cli->store, v[i], &id, &cli->err))
			return cli->err.code;
		if (*v[i])
			*VEC_PUSH(&q->wants) = id;
	}
	return 0;
}

static int apply_question_options(struct cli *cli, const struct args *a, struct question *q)
{
	const char *text = arg_opt_if_offered(a, QUESTION_OPT_TEXT); /* edit only */
	unsigned m;
	bool given;

	if (text)
		field_set(&q->text, text);
	if (mask_opt(cli, a, QUESTION_OPT_STAGE, &question_stage_def, &m, &given))
		return cli->err.code;
	if (given)
		q->stages = m;
	if (mask_opt(cli, a, QUESTION_OPT_AUDIENCE, &audience_def, &m, &given))
		return cli->err.code;
	if (given)
		q->audiences = m;
	if (mask_opt(cli, a, QUESTION_OPT_VERIFIES, &want_category_def, &m, &given))
		return cli->err.code;
	if (given)
		q->categories = m;
	return wants_opt(cli, a, q);
}

static const struct table_col question_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "text", 0, NULL, COL_FREE },
	{ "stages", 0, NULL, COL_TSV_ONLY },
	{ "audiences", 0, NULL, COL_TSV_ONLY },
	{ "verifies", 0, NULL, COL_TSV_ONLY },
	{ "wants", 0, NULL, COL_TSV_ONLY }, /* want ids, ", " between */
};

/* A question on a line, what it is for on the next. */
static void question_row(struct table *t, const struct question *q)
{
	char stages[96], audiences[96], cats[160];
	struct strbuf wants = STRBUF_INIT;

	enum_set_text(&question_stage_def, q->stages, stages, sizeof(stages));
	enum_set_text(&audience_def, q->audiences, audiences, sizeof(audiences));
	enum_set_text(&want_category_def, q->categories, cats, sizeof(cats));
	for (size_t i = 0; i < q->wants.n; i++)
		strbuf_addf(&wants, "%s%lld", i ? ", " : "", (long long)q->wants.items[i]);
	table_add_id(t, q->id);
	table_add(t, q->text);
	table_add(t, stages);
	table_add(t, audiences);
	table_add(t, q->categories ? cats : NULL);
	table_add(t, wants.buf);
	table_note(t, "      stage %s; ask %s; verifies %s%s%s", stages, audiences,
		   q->categories ? cats : "-", wants.len ? "; wants " : "", wants.buf);
	strbuf_release(&wants);
}

static int question_add(struct cli *cli, const struct args *a)
{
	struct question q = { 0 };
	int rc;

	q.text = xstrdup(a->pos[0]);
	q.stages = enum_all(&question_stage_def);
	q.audiences = enum_all(&audience_def);
	if (!(rc = apply_question_options(cli, a, &q)) &&
	    !(rc = store_question_add(cli->store, &q, &cli->err))) {
		cli_set_json(cli, question_to_json(&q));
		cli_printf(cli, "added question %lld\n", (long long)q.id);
	}
	question_release(&q);
	return rc;
}

static int question_list(struct cli *cli, const struct args *a)
{
	struct question_filter f = { .text = arg_opt(a, QUESTION_OPT_TEXT) };
	const char *want = arg_opt(a, QUESTION_OPT_WANT);
	question_vec v = { 0 };
	struct table t;
	json_t *arr;
	bool given;

	if (mask_opt(cli, a, QUESTION_OPT_STAGE, &question_stage_def, &f.stages, &given) ||
	    mask_opt(cli, a, QUESTION_OPT_AUDIENCE, &audience_def, &f.audiences, &given) ||
	    mask_opt(cli, a, QUESTION_OPT_VERIFIES, &want_category_def, &f.categories, &given) ||
	    (want && store_want_resolve(cli->store, want, &f.want_id, &cli->err)) ||
	    store_question_list(cli->store, &f, &v, &cli->err)) {
		question_vec_release(&v);
		return cli->err.code;
	}
	arr = json_array();
	table_init(&t, question_cols, ARRAY_SIZE(question_cols));
	for (size_t i = 0; i < v.n; i++) {
		json_array_append_new(arr, question_to_json(&v.items[i]));
		question_row(&t, &v.items[i]);
	}
	table_print(cli, &t);
	if (!v.n)
		cli_note(cli, "no question matches\n");
	cli_set_json(cli, arr);
	question_vec_release(&v);
	return 0;
}

static int question_ref(struct cli *cli, const char *ref, struct question *q)
{
	long id;

	if (text_parse_int("a question's id", ref, 1, INT32_MAX, &id, &cli->err))
		return cli->err.code;
	return store_question_get(cli->store, id, q, &cli->err);
}

static int question_edit(struct cli *cli, const struct args *a)
{
	struct question q = { 0 };
	json_t *before;
	int rc;

	if ((rc = question_ref(cli, a->pos[0], &q)))
		goto out;
	before = question_to_json(&q);
	if ((rc = apply_question_options(cli, a, &q))) {
		json_decref(before);
		goto out;
	}
	if (cli_edit_unchanged(cli, before, question_to_json(&q), "question", q.id, NULL))
		goto out;
	if (!(rc = store_question_update(cli->store, &q, &cli->err))) {
		cli_set_json(cli, question_to_json(&q));
		cli_printf(cli, "changed question %lld\n", (long long)q.id);
	}
out:
	question_release(&q);
	return rc;
}

static int question_rm(struct cli *cli, const struct args *a)
{
	struct question q = { 0 };
	int rc;

	if (!(rc = question_ref(cli, a->pos[0], &q)) &&
	    !(rc = store_question_delete(cli->store, q.id, &cli->err))) {
		cli_set_json(cli, json_pack("{s:I}", "removed", (json_int_t)q.id));
		cli_printf(cli, "removed question %lld: %s\n", (long long)q.id, q.text);
	}
	question_release(&q);
	return rc;
}

#define STAGE_HELP "first, second, final, offer or any (a list, or repeat the option)"
#define AUDIENCE_HELP "boss, peer, hr, executive, recruiter or any"
#define VERIFIES_HELP "want categories: scope, growth, team, manager, compensation, " \
		      "work-pattern, culture, business, success, other"

static const struct opt_spec question_add_opts[] = {
	{ .id = QUESTION_OPT_STAGE, .name = "stage", .arg = "S", .values = &question_stage_def,
	  .help = "when to ask it: " STAGE_HELP " (default any)",
	  .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_AUDIENCE, .name = "audience", .arg = "A", .values = &audience_def,
	  .help = "whom to ask: " AUDIENCE_HELP " (default any)",
	  .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_VERIFIES, .name = "verifies", .arg = "C",
	  .help = VERIFIES_HELP, .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_WANT, .name = "want", .arg = "WANT",
	  .help = "a want it verifies", .flags = OPT_MULTI },
	{ 0 },
};

static const struct opt_spec question_edit_opts[] = {
	{ .id = QUESTION_OPT_TEXT, .name = "text", .arg = "T", .help = "new wording" },
	{ .id = QUESTION_OPT_STAGE, .name = "stage", .arg = "S", .values = &question_stage_def,
	  .help = "replace the stages: " STAGE_HELP,
	  .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_AUDIENCE, .name = "audience", .arg = "A", .values = &audience_def,
	  .help = "replace the audience: " AUDIENCE_HELP,
	  .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_VERIFIES, .name = "verifies", .arg = "C",
	  .help = "replace the categories", .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_WANT, .name = "want", .arg = "WANT",
	  .help = "replace the wants it verifies (\"\" for none)",
	  .flags = OPT_MULTI },
	{ 0 },
};

static const struct opt_spec question_list_opts[] = {
	{ .id = QUESTION_OPT_STAGE, .name = "stage", .arg = "S", .values = &question_stage_def,
	  .help = "for these stages", .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_AUDIENCE, .name = "audience", .arg = "A", .values = &audience_def,
	  .help = "for this audience", .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_VERIFIES, .name = "verifies", .arg = "C",
	  .help = "verifying these categories",
	  .flags = OPT_MULTI },
	{ .id = QUESTION_OPT_WANT, .name = "want", .arg = "WANT",
	  .help = "verifying this want (or its category)" },
	{ .id = QUESTION_OPT_TEXT, .name = "text", .arg = "T", .help = "containing this text" },
	CLI_FORMAT_OPT,
	{ 0 },
};

const struct cmd_spec question_cmds[] = {
	{ "add", "TEXT", "Add a question of your own to the bank.", 1, 1, question_add_opts,
	  question_add, CMD_WRITE },
	{ "list", "", "List the questions, filtered by stage, audience, category or want.", 0,
	  0, question_list_opts, question_list, 0 },
	{ "edit", "ID", "Change a question.", 1, 1, question_edit_opts, question_edit,
	  CMD_WRITE },
	{ "rm", "ID", "Remove a question from the bank (what you asked stays recorded).", 1, 1,
	  NULL, question_rm, CMD_WRITE },
	{ 0 },
};
