/* cmd_opp.c: rapport opp add|list|show|edit|move|link. */
#include "cli/cli.h"
#include "cli/edit.h"
#include "cli/remove.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/offer_compare.h"
#include "cli/show.h"
#include "cli/table.h"
#include "core/text.h"
#include "io/json_model.h"
#include "io/json_wants.h"
#include "method/actions.h"
#include "method/opp_actions.h"
#include "method/opp_view.h"
#include "method/playbook_run.h"
#include "method/fit.h"
#include "method/levels.h"

/* The options of opp's commands; add and edit share most. */
enum opp_opt {
	OPP_OPT_SLUG = 1,
	OPP_OPT_LEVEL,
	OPP_OPT_SOURCE,
	OPP_OPT_URL,
	OPP_OPT_SALARY_TARGET,
	OPP_OPT_NOTES,
	OPP_OPT_STAGE,
	OPP_OPT_LEVEL_OFFERED,
	OPP_OPT_SALARY_RANGE,
	OPP_OPT_SALARY_OFFERED,
	OPP_OPT_NEW_ORG,
	OPP_OPT_TITLE,
	OPP_OPT_ORG,
	OPP_OPT_NOTE,
	OPP_OPT_ROLE,
};

/* An amount: digits, optionally followed by k (thousands). */
static int cli_amount(struct cli *cli, const char *label, const char *s, int64_t *out)
{
	return text_parse_amount(label, s, out, &cli->err);
}

static int parse_range(struct cli *cli, const char *s, struct opp *o)
{
	const char *dash = strchr(s, '-');
	char *low;
	int rc;

	if (!*s) {
		o->salary_low = o->salary_high = -1;
		return 0;
	}
	if (!dash)
		return error_set(&cli->err, ERR_INVALID,
				 "--salary-range must be LOW-HIGH, like 80000-95000, not '%s'", s);
	low = xstrndup(s, (size_t)(dash - s));
	rc = cli_amount(cli, "--salary-range", low, &o->salary_low);
	free(low);
	if (!rc)
		rc = cli_amount(cli, "--salary-range", dash + 1, &o->salary_high);
	if (!rc && o->salary_low > o->salary_high)
		rc = error_set(&cli->err, ERR_INVALID, "--salary-range: %s is not low-high", s);
	return rc;
}

static int apply_opp_options(struct cli *cli, struct opp *o, const struct args *a)
{
	static const struct opt_field texts[] = {
		{ OPP_OPT_TITLE, offsetof(struct opp, title) },
		{ OPP_OPT_LEVEL, offsetof(struct opp, level_applied) },
		{ OPP_OPT_LEVEL_OFFERED, offsetof(struct opp, level_offered) },
		{ OPP_OPT_SOURCE, offsetof(struct opp, source) },
		{ OPP_OPT_URL, offsetof(struct opp, url) },
		{ OPP_OPT_NOTES, offsetof(struct opp, notes) },
	};
	const char *v;

	arg_set_fields(a, o, texts, ARRAY_SIZE(texts));
	if ((v = arg_opt(a, OPP_OPT_SLUG))) {
		if (slug_check(v, &cli->err))
			return ERR_INVALID;
		field_set(&o->slug, v);
	}
	/* opp add takes the organisation as its first argument, not --org */
	if ((v = arg_opt_if_offered(a, OPP_OPT_ORG)) &&
	    cli_org_ensure(cli, v, arg_flag(a, OPP_OPT_NEW_ORG), &o->org_id))
		return cli->err.code;
	if (cli_amount_opt(cli, a, OPP_OPT_SALARY_TARGET, &o->salary_target) ||
	    cli_amount_opt(cli, a, OPP_OPT_SALARY_OFFERED, &o->salary_offered))
		return ERR_INVALID;
	if ((v = arg_opt(a, OPP_OPT_SALARY_RANGE)) && parse_range(cli, v, o))
		return ERR_INVALID;
	return 0;
}

static const struct table_col opp_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "slug", 30, NULL, 0 },
	{ "stage", 13, " ", 0 },
	{ "fit", 4, " fit ", COL_IF_SET },      /* when there are wants */
	{ "known", 0, NULL, COL_TSV_ONLY },
	{ "(known)", 16, " ", COL_IF_SET | COL_TABLE_ONLY },
	{ "org_id", 0, NULL, COL_TSV_ONLY },
	{ "org", 0, " ", COL_FREE },
	{ "title", 0, " · ", COL_FREE },
};

static void opp_row(struct table *t, const struct opp *o, const struct fit *fit)
{
	char score[32] = "", known[40] = "";

	if (fit) {
		fit_text(fit, score, sizeof(score));
		fit_known_text(fit, known, sizeof(known));
	}
	table_add_id(t, o->id);
	table_add(t, o->slug);
	table_add(t, enum_name(&stage_def, (int)o->stage));
	table_add(t, score);
	table_add(t, known);
	if (fit)
		table_addf(t, "(%s)", known);
	else
		table_add(t, NULL);
	table_add_id(t, o->org_id);
	table_add(t, o->org_name);
	table_add(t, o->title);
}

/* The stored name of the organisation (the slug is made from it, not from
 * what was typed, which may be a part of it). */
static int org_name_of(struct cli *cli, int64_t org_id, char **name)
{
	struct org org = { 0 };

	if (store_org_get(cli->store, org_id, &org, &cli->err))
		return cli->err.code;
	free(*name);
	*name = org.name;
	org.name = NULL;
	org_release(&org);
	return 0;
}

static int opp_add(struct cli *cli, const struct args *a)
{
	struct opp o = { .salary_target = -1, .salary_low = -1, .salary_high = -1,
			 .salary_offered = -1 };
	const char *stage = arg_opt(a, OPP_OPT_STAGE);
	int st = STAGE_LEAD, rc;

	if (stage && cli_enum(cli, &stage_def, stage, &st))
		return ERR_INVALID;
	o.stage = (enum stage)st;
	o.title = xstrdup_or_null(a->pos[1]);
	if ((rc = cli_org_ensure(cli, a->pos[0], arg_flag(a, OPP_OPT_NEW_ORG), &o.org_id)) ||
	    (rc = apply_opp_options(cli, &o, a)) || (rc = org_name_of(cli, o.org_id, &o.org_name)))
		goto out;
	if (!cli_playbook(cli) || action_opp_add(cli->store, cli_playbook(cli), &o, &cli->err)) {
		rc = cli->err.code ? cli->err.code : ERR_INVALID;
		goto out;
	}
	opp_release(&o);
	if (!(rc = store_opp_get(cli->store, o.id, &o, &cli->err))) {
		cli_set_json(cli, opp_to_json(&o));
		cli_printf(cli, "added opportunity %s (id %lld): %s · %s\n", o.slug,
			   (long long)o.id, o.org_name, o.title);
	}
out:
	opp_release(&o);
	return rc;
}

static int opp_list(struct cli *cli, const struct args *a)
{
	const char *stage = arg_opt(a, OPP_OPT_STAGE);
	struct fit_table fits = { 0 };
	opp_vec v = { 0 };
	struct table t;
	json_t *arr;
	int st = -1;

	if (stage && cli_enum(cli, &stage_def, stage, &st))
		return ERR_INVALID;
	if (store_opp_list(cli->store, st, &v, &cli->err)) {
		opp_vec_release(&v);
		return cli->err.code;
	}
	if (fit_table_load(cli->store, &fits, &cli->err)) {
		opp_vec_release(&v);
		return cli->err.code;
	}
	arr = cli->json ? json_array() : NULL;
	table_init(&t, opp_cols, ARRAY_SIZE(opp_cols));
	for (size_t i = 0; i < v.n; i++) {
		struct fit f = fit_table_get(&fits, &v.items[i]);
		if (arr) {
			json_t *j = opp_to_json(&v.items[i]);
			json_object_set_new(j, "fit", fit_to_json(&f));
			json_array_append_new(arr, j);
		} else {
			opp_row(&t, &v.items[i], fits.wants.n ? &f : NULL);
		}
	}
	table_print(cli, &t);
	cli_set_json(cli, arr);
	opp_vec_release(&v);
	fit_table_release(&fits);
	return 0;
}

static void print_salary(struct cli *cli, const struct opp *o)
{
	char buf[64];

	if (o->salary_target >= 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)o->salary_target);
		cli_field(cli, "salary target", buf);
	}
	if (o->salary_low >= 0) {
		snprintf(buf, sizeof(buf), "%lld-%lld", (long long)o->salary_low,
			 (long long)o->salary_high);
		cli_field(cli, "salary range", buf);
	}
	if (o->salary_offered >= 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)o->salary_offered);
		cli_field(cli, "salary offered", buf);
	}
}

static void opp_show_json(struct cli *cli, const struct opp_view *v)
{
	json_t *j = opp_to_json(&v->opp), *jp = json_array(), *jh = json_array();

	for (size_t i = 0; i < v->people.n; i++)
		json_array_append_new(jp, person_ref_to_json(&v->people.items[i]));
	for (size_t i = 0; i < v->history.n; i++)
		json_array_append_new(jh, stage_change_to_json(&v->history.items[i]));
	json_object_set_new(j, "people", jp);
	json_object_set_new(j, "stage_history", jh);
	json_object_set_new(j, "interactions", interactions_json(&v->interactions));
	json_object_set_new(j, "interactions_total", json_integer(v->interactions_total));
	json_object_set_new(j, "tasks", tasks_json(&v->tasks));
	json_object_set_new(j, "mismatch", offer_mismatch_json(&v->mismatch));
	json_object_set_new(j, "fit", fit_to_json(&v->fit));
	cli_set_json(cli, j);
}

/* The fields above the people: stage, levels, where from, salary, fit, notes. */
static void opp_show_fields(struct cli *cli, const struct opp_view *v)
{
	const struct opp *o = &v->opp;

	cli_printf(cli, "%s · %s (%s, id %lld)\n", o->org_name, o->title, o->slug,
		   (long long)o->id);
	cli_field(cli, "stage", enum_name(&stage_def, (int)o->stage));
	cli_field(cli, "since", o->stage_changed_at);
	cli_field(cli, "level applied", o->level_applied);
	cli_field(cli, "level offered", o->level_offered);
	if (v->mismatch.found) {
		struct strbuf sb = STRBUF_INIT;
		level_mismatch_text(&v->mismatch, &sb);
		cli_field(cli, "mismatch", sb.buf);
		strbuf_release(&sb);
	}
	cli_field(cli, "source", o->source);
	cli_field(cli, "url", o->url);
	print_salary(cli, o);
	if (v->wants.n) {
		char score[32], line[96];
		fit_text(&v->fit, score, sizeof(score));
		snprintf(line, sizeof(line), "%s (%d of %d wants known; rapport fit %lld)", score,
			 v->fit.known, v->fit.total, (long long)o->id);
		cli_field(cli, "fit", line);
	}
	cli_field(cli, "notes", o->notes);
}

static void opp_show_people(struct cli *cli, const person_ref_vec *people)
{
	if (people->n)
		cli_printf(cli, "\npeople:\n");
	for (size_t i = 0; i < people->n; i++) {
		/* padded by display width, not bytes: "Zoë" is 3 columns */
		struct strbuf line = STRBUF_INIT;
		strbuf_addf(&line, "  %5lld  ", (long long)people->items[i].id);
		strbuf_addpad(&line, people->items[i].name, 24);
		cli_printf(cli, "%s %s\n", line.buf, enum_name(&role_def, people->items[i].role));
		strbuf_release(&line);
	}
}

static int opp_show(struct cli *cli, const struct args *a)
{
	struct opp_view v;
	int64_t id;
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = opp_view_load(cli->store, id, arg_flag(a, CLI_OPT_ALL), &v, &cli->err)))
		return rc;
	if (cli->json) {
		opp_show_json(cli, &v);
	} else {
		opp_show_fields(cli, &v);
		opp_show_people(cli, &v.people);
		show_timeline(cli, &v.interactions, &v.history, v.interactions_total);
		show_tasks(cli, "open tasks", &v.tasks);
	}
	opp_view_release(&v);
	return 0;
}

/* A level given again, unchanged, still asks the mismatch rule: the ladder
 * may have changed since (config levels). The rule never makes the same
 * follow-up twice, so when it has nothing new, nothing is written. */
static int recheck_levels(struct cli *cli, const struct args *a, int64_t id)
{
	const struct playbook *pb;

	if (!arg_opt(a, OPP_OPT_LEVEL) && !arg_opt(a, OPP_OPT_LEVEL_OFFERED))
		return 0;
	if (!(pb = cli_playbook(cli)) || playbooks_on_mismatch(cli->store, pb, id, &cli->err))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	return 0;
}

static int opp_edit(struct cli *cli, const struct args *a)
{
	struct opp o = { 0 };
	json_t *before;
	int64_t id;
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = store_opp_get(cli->store, id, &o, &cli->err)))
		goto out;
	before = opp_to_json(&o);
	if ((rc = apply_opp_options(cli, &o, a))) {
		json_decref(before);
		goto out;
	}
	if (cli_edit_unchanged(cli, before, opp_to_json(&o), "opportunity", o.id, o.slug)) {
		rc = recheck_levels(cli, a, id);
		goto out;
	}
	if (!cli_playbook(cli) ||
	    action_opp_update(cli->store, cli_playbook(cli), &o,
			      arg_opt(a, OPP_OPT_LEVEL) || arg_opt(a, OPP_OPT_LEVEL_OFFERED),
			      &cli->err)) {
		rc = cli->err.code ? cli->err.code : ERR_INVALID;
		goto out;
	}
	opp_release(&o);
	if (!(rc = store_opp_get(cli->store, id, &o, &cli->err))) {
		cli_set_json(cli, opp_to_json(&o));
		cli_printf(cli, "changed opportunity %s\n", o.slug);
	}
out:
	opp_release(&o);
	return rc;
}

/* The opportunity as --editor shows it (the stage moves with 'opp move'). */
static int opp_form(struct cli *cli, const struct args *a, struct edit_form *f)
{
	struct opp o = { 0 };
	char range[64] = "";
	int64_t id;
	int rc;

	if (!(rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) &&
	    !(rc = store_opp_get(cli->store, id, &o, &cli->err))) {
		if (o.salary_low >= 0)
			snprintf(range, sizeof(range), "%lld-%lld", (long long)o.salary_low,
				 (long long)o.salary_high);
		edit_form_begin(f, "opportunity", o.id, o.slug, o.updated_at);
		edit_form_add(f, a, OPP_OPT_TITLE, o.title);
		edit_form_add(f, a, OPP_OPT_ORG, o.org_name);
		edit_form_add(f, a, OPP_OPT_SLUG, o.slug);
		edit_form_add(f, a, OPP_OPT_LEVEL, o.level_applied);
		edit_form_add(f, a, OPP_OPT_SOURCE, o.source);
		edit_form_add(f, a, OPP_OPT_URL, o.url);
		edit_form_add_int(f, a, OPP_OPT_SALARY_TARGET, o.salary_target);
		edit_form_add(f, a, OPP_OPT_LEVEL_OFFERED, o.level_offered);
		edit_form_add(f, a, OPP_OPT_SALARY_RANGE, range);
		edit_form_add_int(f, a, OPP_OPT_SALARY_OFFERED, o.salary_offered);
		edit_form_notes(f, a, OPP_OPT_NOTES, o.notes);
	}
	opp_release(&o);
	return rc;
}

static int opp_move_to(struct cli *cli, int64_t id, enum stage to, const char *note)
{
	const struct playbook *pb = cli_playbook(cli);

	if (!pb || action_opp_move(cli->store, pb, id, to, note, &cli->err))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	return 0;
}

static int opp_move(struct cli *cli, const struct args *a)
{
	struct opp o = { 0 };
	int64_t id;
	int stage, rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = cli_enum(cli, &stage_def, a->pos[1], &stage)) ||
	    (rc = opp_move_to(cli, id, (enum stage)stage, arg_opt(a, OPP_OPT_NOTE))) ||
	    (rc = store_opp_get(cli->store, id, &o, &cli->err)))
		goto out;
	cli_set_json(cli, opp_to_json(&o));
	cli_printf(cli, "moved %s to %s\n", o.slug, enum_name(&stage_def, stage));
out:
	opp_release(&o);
	return rc;
}

/* {"opportunity": its reference, "person": theirs with the role}. */
static int link_json(struct cli *cli, int64_t opp_id, int64_t person_id, int role)
{
	struct opp o = { 0 };
	struct person p = { 0 };
	int rc;

	if (!(rc = store_opp_get(cli->store, opp_id, &o, &cli->err)) &&
	    !(rc = store_person_get(cli->store, person_id, &p, &cli->err))) {
		struct person_ref r = { .id = p.id, .name = p.name, .role = role };
		cli_set_json(cli, json_pack("{s:o, s:o, s:s}", "opportunity",
					    opp_brief_to_json(&o), "person", person_ref_to_json(&r),
					    "role", enum_name(&role_def, role)));
	}
	opp_release(&o);
	person_release(&p);
	return rc;
}

static int opp_link(struct cli *cli, const struct args *a)
{
	const char *role_name = arg_opt(a, OPP_OPT_ROLE);
	int64_t opp_id, person_id;
	int role = ROLE_OTHER, rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &opp_id, &cli->err)) ||
	    (rc = store_person_resolve(cli->store, a->pos[1], &person_id, &cli->err)) ||
	    (role_name && (rc = cli_enum(cli, &role_def, role_name, &role))) ||
	    (rc = store_opp_link(cli->store, opp_id, person_id, (enum role)role, &cli->err)))
		return rc;
	if (cli->json && (rc = link_json(cli, opp_id, person_id, role)))
		return rc;
	cli_printf(cli, "linked person %lld to %s as %s\n", (long long)person_id, a->pos[0],
		   enum_name(&role_def, role));
	return 0;
}

#define OPP_FIELD_OPTS                                                                             \
	{ .id = OPP_OPT_SLUG, .name = "slug", .arg = "S",                                          \
	  .help = "a short name to refer to it (a-z, 0-9, -)" },                                   \
	{ .id = OPP_OPT_LEVEL, .name = "level", .arg = "L", .help = "the level you applied for" }, \
	{ .id = OPP_OPT_SOURCE, .name = "source", .arg = "S",                                      \
	  .help = "where you found it (a referral, a board)" },                                    \
	{ .id = OPP_OPT_URL, .name = "url", .arg = "U", .help = "the job posting" },               \
	{ .id = OPP_OPT_SALARY_TARGET, .name = "salary-target", .arg = "N",                        \
	  .help = "the salary you aim for" },                                                      \
	CLI_NOTES_OPT(OPP_OPT_NOTES)

/* What they disclose or offer: add and edit take them alike. */
#define OPP_OFFERED_OPTS                                                         \
	{ .id = OPP_OPT_LEVEL_OFFERED, .name = "level-offered", .arg = "L",      \
	  .help = "the level they discuss or offer" },                           \
	{ .id = OPP_OPT_SALARY_RANGE, .name = "salary-range", .arg = "LOW-HIGH", \
	  .help = "the range they disclosed" },                                  \
	{ .id = OPP_OPT_SALARY_OFFERED, .name = "salary-offered", .arg = "N",    \
	  .help = "the salary they offered" }

/* opp add takes every field the web's form does (issue 16). */
static const struct opt_spec opp_add_opts[] = {
	OPP_FIELD_OPTS,
	{ .id = OPP_OPT_STAGE, .name = "stage", .arg = "STAGE", .values = &stage_def,
	  .help = "the stage it starts in (default: lead)" },
	OPP_OFFERED_OPTS,
	{ .id = OPP_OPT_NEW_ORG, .name = "new-org",
	  .help = "make a new organisation even when one has a close name" },
	{ 0 },
};
static const struct opt_spec opp_edit_opts[] = {
	OPP_FIELD_OPTS,
	{ .id = OPP_OPT_TITLE, .name = "title", .arg = "T", .help = "the job title" },
	{ .id = OPP_OPT_ORG, .name = "org", .arg = "ORG",
	  .help = "the organisation (created if new)" },
	{ .id = OPP_OPT_NEW_ORG, .name = "new-org",
	  .help = "make a new organisation even when one has a close name" },
	OPP_OFFERED_OPTS,
	CLI_EDITOR_OPT(opp_form),
	{ 0 },
};
static const struct opt_spec opp_list_opts[] = {
	{ .id = OPP_OPT_STAGE, .name = "stage", .arg = "STAGE", .values = &stage_def,
	  .help = "only opportunities in this stage" },
	CLI_FORMAT_OPT,
	{ 0 },
};
static const struct opt_spec opp_move_opts[] = {
	{ .id = OPP_OPT_NOTE, .name = "note", .arg = "T", .help = "why it moved" },
	{ 0 },
};
static const struct opt_spec opp_link_opts[] = {
	{ .id = OPP_OPT_ROLE, .name = "role", .arg = "ROLE", .values = &role_def,
	  .help = "hiring-manager, peer, hr, recruiter, executive, referrer, interviewer or "
		  "other (default)" },
	{ 0 },
};
static const struct opt_spec opp_show_opts[] = {
	{ .id = CLI_OPT_ALL, .name = "all", .help = "every interaction (else the newest 20)" },
	{ 0 },
};

const struct cmd_spec opp_cmds[] = {
	{ "add", "ORG TITLE", "Add an opportunity (the organisation is created if new).", 2, 2,
	  opp_add_opts, opp_add, CMD_WRITE },
	{ "list", "", "List opportunities, most recently moved first.", 0, 0, opp_list_opts,
	  opp_list, 0 },
	{ "show", "OPP", "Show an opportunity: people, timeline, stage history, open tasks.", 1,
	  1, opp_show_opts, opp_show, 0 },
	{ "edit", "OPP", "Change an opportunity's fields (an empty value clears one).", 1, 1,
	  opp_edit_opts, opp_edit, CMD_WRITE },
	{ "move", "OPP STAGE", "Move an opportunity to a stage (lead, applied, conversation, "
	  "interviewing, offer, negotiating, accepted, declined, rejected, withdrawn).", 2, 2,
	  opp_move_opts, opp_move, CMD_WRITE },
	{ "link", "OPP PERSON", "Link a person to an opportunity with a role.", 2, 2,
	  opp_link_opts, opp_link, CMD_WRITE },
	{ "rm", "OPP", "Remove an opportunity with its stage history; one with people links, "
	  "tasks, offers, debriefs, want marks or interactions only with --force. Its "
	  "interactions stay in the people's timelines (about no opportunity).", 1, 1,
	  cli_rm_opts, cli_opp_rm, CMD_WRITE },
	{ 0 },
};
