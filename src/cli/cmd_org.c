/* cmd_org.c: rapport org add|list|show|edit. */
#include "cli/cli.h"
#include "cli/edit.h"
#include "cli/remove.h"
#include "cli/table.h"

#include <stdio.h>
#include <stdlib.h>

#include "io/json_model.h"
#include "method/org_view.h"

/* The options of org's commands: code asks for each by its constant. */
enum org_opt {
	ORG_OPT_WEBSITE = 1,
	ORG_OPT_LOCATION,
	ORG_OPT_NOTES,
	ORG_OPT_NAME,
};

static const struct table_col org_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "name", 1, NULL, COL_FREE },
	{ "location", 0, NULL, COL_FREE | COL_IF_SET },
};

static void apply_org_options(struct org *o, const struct args *a)
{
	static const struct opt_field texts[] = {
		{ ORG_OPT_NAME, offsetof(struct org, name) }, /* edit only */
		{ ORG_OPT_WEBSITE, offsetof(struct org, website) },
		{ ORG_OPT_LOCATION, offsetof(struct org, location) },
		{ ORG_OPT_NOTES, offsetof(struct org, notes) },
	};

	arg_set_fields(a, o, texts, ARRAY_SIZE(texts));
}

static int org_add(struct cli *cli, const struct args *a)
{
	struct org o = { 0 };
	int rc;

	o.name = xstrdup_or_null(a->pos[0]);
	apply_org_options(&o, a);
	rc = store_org_add(cli->store, &o, &cli->err);
	if (!rc) { /* as 'org show' has it: with the times the store gave it */
		int64_t id = o.id;
		org_release(&o);
		rc = store_org_get(cli->store, id, &o, &cli->err);
	}
	if (!rc) {
		cli_set_json(cli, org_to_json(&o));
		cli_printf(cli, "added organisation %lld: %s\n", (long long)o.id, o.name);
	}
	org_release(&o);
	return rc;
}

static int org_list(struct cli *cli, const struct args *a)
{
	org_vec v = { 0 };
	json_t *arr = json_array();
	struct table t;

	(void)a;
	if (store_org_list(cli->store, &v, &cli->err)) {
		json_decref(arr);
		return cli->err.code;
	}
	table_init(&t, org_cols, ARRAY_SIZE(org_cols));
	for (size_t i = 0; i < v.n; i++) {
		json_array_append_new(arr, org_to_json(&v.items[i]));
		table_add_id(&t, v.items[i].id);
		table_add(&t, v.items[i].name);
		table_add(&t, v.items[i].location);
	}
	table_print(cli, &t);
	cli_set_json(cli, arr);
	org_vec_release(&v);
	return 0;
}

static int org_show(struct cli *cli, const struct args *a)
{
	struct org_view v;
	json_t *j, *jp, *jo;
	int64_t id;
	int rc;

	if ((rc = store_org_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = org_view_load(cli->store, id, &v, &cli->err)))
		return rc;
	j = org_to_json(&v.org);
	jp = json_array();
	jo = json_array();
	cli_printf(cli, "%s (organisation %lld)\n", v.org.name, (long long)v.org.id);
	cli_field(cli, "website", v.org.website);
	cli_field(cli, "location", v.org.location);
	cli_field(cli, "notes", v.org.notes);
	if (v.opps.n)
		cli_printf(cli, "\nopportunities:\n");
	for (size_t i = 0; i < v.opps.n; i++) {
		const struct opp *o = &v.opps.items[i];
		json_array_append_new(jo, opp_to_json(o));
		cli_printf(cli, "  %-30s %-13s %s\n", o->slug, enum_name(&stage_def, (int)o->stage),
			   o->title);
	}
	if (v.people.n)
		cli_printf(cli, "\npeople:\n");
	for (size_t i = 0; i < v.people.n; i++) {
		json_array_append_new(jp, person_ref_to_json(&v.people.items[i]));
		cli_printf(cli, "  %4lld  %s\n", (long long)v.people.items[i].id,
			   v.people.items[i].name);
	}
	json_object_set_new(j, "opportunities", jo);
	json_object_set_new(j, "people", jp);
	cli_set_json(cli, j);
	org_view_release(&v);
	return 0;
}

static int org_edit(struct cli *cli, const struct args *a)
{
	struct org o = { 0 };
	int rc;

	json_t *before;

	if ((rc = cli_org_get(cli, a->pos[0], &o)))
		goto out;
	before = org_to_json(&o);
	apply_org_options(&o, a);
	if (cli_edit_unchanged(cli, before, org_to_json(&o), "organisation", o.id, o.name))
		goto out;
	if (!(rc = store_org_update(cli->store, &o, &cli->err))) {
		cli_set_json(cli, org_to_json(&o));
		cli_printf(cli, "changed organisation %lld: %s\n", (long long)o.id, o.name);
	}
out:
	org_release(&o);
	return rc;
}

/* The organisation as --editor shows it. */
static int org_form(struct cli *cli, const struct args *a, struct edit_form *f)
{
	struct org o = { 0 };
	int rc = cli_org_get(cli, a->pos[0], &o);

	if (!rc) {
		edit_form_begin(f, "organisation", o.id, o.name, o.updated_at);
		edit_form_add(f, a, ORG_OPT_NAME, o.name);
		edit_form_add(f, a, ORG_OPT_WEBSITE, o.website);
		edit_form_add(f, a, ORG_OPT_LOCATION, o.location);
		edit_form_notes(f, a, ORG_OPT_NOTES, o.notes);
	}
	org_release(&o);
	return rc;
}

static const struct opt_spec org_add_opts[] = {
	{ .id = ORG_OPT_WEBSITE, .name = "website", .arg = "URL",
	  .help = "the organisation's web site" },
	{ .id = ORG_OPT_LOCATION, .name = "location", .arg = "L", .help = "where it is" },
	CLI_NOTES_OPT(ORG_OPT_NOTES),
	{ 0 },
};

static const struct opt_spec org_edit_opts[] = {
	{ .id = ORG_OPT_NAME, .name = "name", .arg = "NAME", .help = "rename it" },
	{ .id = ORG_OPT_WEBSITE, .name = "website", .arg = "URL",
	  .help = "the web site (\"\" clears it)" },
	{ .id = ORG_OPT_LOCATION, .name = "location", .arg = "L",
	  .help = "where it is (\"\" clears it)" },
	{ .id = ORG_OPT_NOTES, .name = "notes", .arg = "T", .flags = OPT_STDIN,
	  .help = "notes (\"\" clears them; \"-\" reads them from standard input)" },
	CLI_EDITOR_OPT(org_form),
	{ 0 },
};

static const struct opt_spec org_list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec org_cmds[] = {
	{ "add", "NAME", "Add an organisation.", 1, 1, org_add_opts, org_add, CMD_WRITE },
	{ "list", "", "List organisations by name.", 0, 0, org_list_opts, org_list, 0 },
	{ "show", "ORG", "Show an organisation (by id or name) with its people and opportunities.",
	  1, 1, NULL, org_show, 0 },
	{ "edit", "ORG", "Change an organisation's fields.", 1, 1, org_edit_opts, org_edit,
	  CMD_WRITE },
	{ "rm", "ORG", "Remove an organisation; one with people or opportunities only with "
	  "--force, which removes them too (each as 'person rm' and 'opp rm' would) and lists "
	  "what went.", 1, 1, cli_rm_opts, cli_org_rm, CMD_WRITE },
	{ "merge", "KEEP OTHER", "Merge organisation OTHER into KEEP: its people and "
	  "opportunities move; the website, location KEEP lacks come from OTHER; notes joined. "
	  "OTHER is removed.", 2, 2, NULL, cli_org_merge, CMD_WRITE },
	{ 0 },
};

int cli_org_get(struct cli *cli, const char *ref, struct org *o)
{
	int64_t id;

	if (store_org_resolve(cli->store, ref, &id, &cli->err) ||
	    store_org_get(cli->store, id, o, &cli->err))
		return cli->err.code;
	return 0;
}

int cli_org_ensure(struct cli *cli, const char *name, bool new_org, int64_t *id)
{
	struct org o = { 0 };
	bool close;

	if (store_org_find_or_add(cli->store, name, new_org, id, &close, &cli->err))
		return cli->err.code;
	if (!close)
		return 0;
	if (store_org_get(cli->store, *id, &o, &cli->err))
		return cli->err.code;
	/* Bug (issue 16): "Northwind" beside "Northwind Logistics" silently
	 * made a second organisation; now it is the same one, said aloud. */
	fprintf(stderr, "rapport: note: '%s' is taken as %s, the organisation you have "
			"(--new-org makes a new one)\n", name, o.name);
	org_release(&o);
	return 0;
}
