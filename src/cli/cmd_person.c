/* cmd_person.c: rapport person add|list|show|edit. */
#include "cli/cli.h"
#include "cli/remove.h"

#include <stdlib.h>
#include <string.h>

#include "cli/edit.h"
#include "cli/show.h"
#include "cli/table.h"
#include "io/json_model.h"
#include "method/person_view.h"

/* The options of person's commands: code asks for each by its constant. */
enum person_opt {
	PERSON_OPT_ORG = 1,
	PERSON_OPT_NEW_ORG,
	PERSON_OPT_TITLE,
	PERSON_OPT_EMAIL,
	PERSON_OPT_PHONE,
	PERSON_OPT_LINKEDIN,
	PERSON_OPT_RAPPORT,
	PERSON_OPT_CADENCE,
	PERSON_OPT_CONNECTED,
	PERSON_OPT_TAG,
	PERSON_OPT_NOTES,
	PERSON_OPT_ALLOW_DUPLICATE,
	PERSON_OPT_NAME,
	PERSON_OPT_UNTAG,
};

static bool has_tag(const struct person *p, const char *tag)
{
	for (size_t i = 0; i < p->ntags; i++)
		if (!strcasecmp(p->tags[i], tag))
			return true;
	return false;
}

static void add_tag(struct person *p, const char *tag)
{
	if (has_tag(p, tag))
		return;
	p->tags = xreallocarray(p->tags, st_add(p->ntags, 1), sizeof(*p->tags));
	p->tags[p->ntags++] = xstrdup(tag);
}

static void remove_tag(struct person *p, const char *tag)
{
	for (size_t i = 0; i < p->ntags; i++) {
		if (strcasecmp(p->tags[i], tag))
			continue;
		free(p->tags[i]);
		memmove(&p->tags[i], &p->tags[i + 1], (p->ntags - i - 1) * sizeof(*p->tags));
		p->ntags--;
		return;
	}
}

/* Apply the options shared by add and edit; an empty value clears a field. */
static int apply_person_options(struct cli *cli, struct person *p, const struct args *a)
{
	static const struct opt_field texts[] = {
		{ PERSON_OPT_NAME, offsetof(struct person, name) },
		{ PERSON_OPT_TITLE, offsetof(struct person, title) },
		{ PERSON_OPT_EMAIL, offsetof(struct person, email) },
		{ PERSON_OPT_PHONE, offsetof(struct person, phone) },
		{ PERSON_OPT_LINKEDIN, offsetof(struct person, linkedin) },
		{ PERSON_OPT_NOTES, offsetof(struct person, notes) },
		{ PERSON_OPT_CONNECTED, offsetof(struct person, connected_on) },
	};
	const char *const *tags;
	const char *v;
	size_t n;
	long num;
	bool given;

	arg_set_fields(a, p, texts, ARRAY_SIZE(texts));
	if ((v = arg_opt(a, PERSON_OPT_ORG))) {
		if (!*v)
			p->org_id = 0;
		else if (cli_org_ensure(cli, v, arg_flag(a, PERSON_OPT_NEW_ORG), &p->org_id))
			return cli->err.code;
	}
	if (cli_int_opt(cli, a, PERSON_OPT_RAPPORT, 0, 5, &num, &given))
		return ERR_INVALID;
	if (given)
		p->rapport = (int)num;
	if (cli_int_opt(cli, a, PERSON_OPT_CADENCE, 1, 3650, &num, &given))
		return ERR_INVALID;
	if (given)
		p->cadence = (int)num;
	tags = arg_all(a, PERSON_OPT_TAG, &n);
	for (size_t i = 0; i < n; i++) {
		if (tag_check(tags[i], &cli->err))
			return ERR_INVALID;
		add_tag(p, tags[i]);
	}
	if (!arg_offered(a, PERSON_OPT_UNTAG)) /* person add has no --untag */
		return 0;
	tags = arg_all(a, PERSON_OPT_UNTAG, &n);
	for (size_t i = 0; i < n; i++)
		remove_tag(p, tags[i]);
	return 0;
}

static const struct table_col person_cols[] = {
	{ "id", 5, NULL, COL_RIGHT },
	{ "name", 24, NULL, COL_FREE },
	{ "org_id", 0, NULL, COL_TSV_ONLY },
	{ "org", 20, NULL, COL_FREE },
	{ "title", 0, NULL, COL_FREE },
};

static void person_row(struct table *t, const struct person *p)
{
	table_add_id(t, p->id);
	table_add(t, p->name);
	table_add_id(t, p->org_id);
	table_add(t, p->org_name);
	table_add(t, p->title);
}

/* A second person of the same name in the same organisation is more often
 * the same person typed twice than a namesake: it needs confirming. */
static int check_namesake(struct cli *cli, const struct person *p, bool allowed)
{
	int64_t id = 0;

	if (allowed)
		return 0;
	if (p->email && store_person_by_email(cli->store, p->email, &id, &cli->err))
		return cli->err.code;
	if (id) /* a retry of the same add, or the same person under another name */
		return error_set(&cli->err, ERR_CONFLICT,
				 "'%s' is already the e-mail address of person %lld: refer to "
				 "them, or add another with --allow-duplicate",
				 p->email, (long long)id);
	if (store_person_namesake(cli->store, p->name, p->org_id, &id, &cli->err))
		return cli->err.code;
	if (!id)
		return 0;
	return error_set(&cli->err, ERR_CONFLICT,
			 "'%s' is already person %lld%s: refer to them, or add another with "
			 "--allow-duplicate", p->name, (long long)id,
			 p->org_id ? " in that organisation" : " (with no organisation)");
}

static int person_add(struct cli *cli, const struct args *a)
{
	struct person p = { .rapport = -1, .cadence = -1 };
	int rc;

	p.name = xstrdup(a->pos[0]);
	if (!(rc = apply_person_options(cli, &p, a)) &&
	    !(rc = check_namesake(cli, &p, arg_flag(a, PERSON_OPT_ALLOW_DUPLICATE))) &&
	    !(rc = store_person_add(cli->store, &p, &cli->err))) {
		person_release(&p);
		rc = store_person_get(cli->store, p.id, &p, &cli->err);
	}
	if (!rc) {
		cli_set_json(cli, person_to_json(&p));
		cli_printf(cli, "added person %lld: %s%s%s%s\n", (long long)p.id, p.name,
			   p.org_name ? " (" : "", p.org_name ? p.org_name : "",
			   p.org_name ? ")" : "");
	}
	person_release(&p);
	return rc;
}

static int person_list(struct cli *cli, const struct args *a)
{
	person_vec v = { 0 };
	int64_t org_id = 0;
	const char *org = arg_opt(a, PERSON_OPT_ORG);
	struct table t;
	json_t *arr;

	if (org && store_org_resolve(cli->store, org, &org_id, &cli->err))
		return cli->err.code;
	if (store_person_list(cli->store, org_id, arg_opt(a, PERSON_OPT_TAG), &v, &cli->err)) {
		person_vec_release(&v);
		return cli->err.code;
	}
	arr = cli->json ? json_array() : NULL;
	table_init(&t, person_cols, ARRAY_SIZE(person_cols));
	for (size_t i = 0; i < v.n; i++) {
		if (arr)
			json_array_append_new(arr, person_to_json(&v.items[i]));
		else
			person_row(&t, &v.items[i]);
	}
	table_print(cli, &t);
	cli_set_json(cli, arr);
	person_vec_release(&v);
	return 0;
}

/* The opportunities a person is linked to, with the stage and their role. */
static json_t *person_opps_json(const person_opp_vec *ov)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < ov->n; i++) {
		const struct person_opp *po = &ov->items[i];
		json_t *j = opp_ref_to_json(&po->opp);
		json_object_set_new(j, "stage", json_string(enum_name(&stage_def, (int)po->stage)));
		json_object_set_new(j, "role", po->role >= 0
						       ? json_string(enum_name(&role_def, po->role))
						       : json_null());
		json_array_append_new(arr, j);
	}
	return arr;
}

static void person_show_json(struct cli *cli, const struct person_view *v)
{
	json_t *j = person_to_json(&v->person);

	json_object_set_new(j, "interactions", interactions_json(&v->interactions));
	json_object_set_new(j, "interactions_total", json_integer(v->interactions_total));
	json_object_set_new(j, "tasks", tasks_json(&v->tasks));
	json_object_set_new(j, "opportunities", person_opps_json(&v->opps));
	cli_set_json(cli, j);
}

static void person_show_fields(struct cli *cli, const struct person *p)
{
	char num[32];

	cli_printf(cli, "%s (person %lld)\n", p->name, (long long)p->id);
	cli_field(cli, "organisation", p->org_name);
	cli_field(cli, "title", p->title);
	cli_field(cli, "email", p->email);
	cli_field(cli, "phone", p->phone);
	cli_field(cli, "linkedin", p->linkedin);
	if (p->rapport >= 0) {
		snprintf(num, sizeof(num), "%d/5", p->rapport);
		cli_field(cli, "rapport", num);
	}
	if (p->cadence > 0) {
		snprintf(num, sizeof(num), "every %d days", p->cadence);
		cli_field(cli, "keep in touch", num);
	}
	cli_field(cli, "connected", p->connected_on);
	cli_field(cli, "last contact", p->last_contact);
	cli_field(cli, "next touch", p->next_touch);
	if (p->ntags) {
		struct strbuf tags = STRBUF_INIT;
		for (size_t i = 0; i < p->ntags; i++)
			strbuf_addf(&tags, "%s%s", i ? ", " : "", p->tags[i]);
		cli_field(cli, "tags", tags.buf);
		strbuf_release(&tags);
	}
	cli_field(cli, "notes", p->notes);
}

/* As the web's person page lists them (it did, and the CLI did not). */
static void person_show_opps(struct cli *cli, const person_opp_vec *ov)
{
	if (ov->n)
		cli_printf(cli, "\nopportunities:\n");
	for (size_t i = 0; i < ov->n; i++) {
		const struct person_opp *po = &ov->items[i];
		cli_printf(cli, "  %-30s %-13s %s\n", po->opp.slug,
			   enum_name(&stage_def, (int)po->stage),
			   po->role >= 0 ? enum_name(&role_def, po->role) : "");
	}
}

static int person_show(struct cli *cli, const struct args *a)
{
	struct person_view v;
	int64_t id;
	int rc;

	if ((rc = store_person_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = person_view_load(cli->store, id, arg_flag(a, CLI_OPT_ALL), &v, &cli->err)))
		return rc;
	if (cli->json) {
		person_show_json(cli, &v);
	} else {
		person_show_fields(cli, &v.person);
		person_show_opps(cli, &v.opps);
		show_timeline(cli, &v.interactions, NULL, v.interactions_total);
		show_tasks(cli, "open tasks", &v.tasks);
	}
	person_view_release(&v);
	return 0;
}

static int person_edit(struct cli *cli, const struct args *a)
{
	struct person p = { 0 };
	json_t *before;
	int64_t id;
	int rc;

	if ((rc = store_person_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = store_person_get(cli->store, id, &p, &cli->err)))
		goto out;
	before = person_to_json(&p);
	if ((rc = apply_person_options(cli, &p, a))) {
		json_decref(before);
		goto out;
	}
	if (cli_edit_unchanged(cli, before, person_to_json(&p), "person", p.id, p.name))
		goto out;
	if ((rc = store_person_update(cli->store, &p, &cli->err)))
		goto out;
	person_release(&p);
	if (!(rc = store_person_get(cli->store, id, &p, &cli->err))) {
		cli_set_json(cli, person_to_json(&p));
		cli_printf(cli, "changed person %lld: %s\n", (long long)p.id, p.name);
	}
out:
	person_release(&p);
	return rc;
}

/* The person as --editor shows them; tags stay with --tag and --untag. */
static int person_form(struct cli *cli, const struct args *a, struct edit_form *f)
{
	struct person p = { 0 };
	int64_t id;
	int rc;

	if (!(rc = store_person_resolve(cli->store, a->pos[0], &id, &cli->err)) &&
	    !(rc = store_person_get(cli->store, id, &p, &cli->err))) {
		edit_form_begin(f, "person", p.id, p.name, p.updated_at);
		edit_form_add(f, a, PERSON_OPT_NAME, p.name);
		edit_form_add(f, a, PERSON_OPT_ORG, p.org_name);
		edit_form_add(f, a, PERSON_OPT_TITLE, p.title);
		edit_form_add(f, a, PERSON_OPT_EMAIL, p.email);
		edit_form_add(f, a, PERSON_OPT_PHONE, p.phone);
		edit_form_add(f, a, PERSON_OPT_LINKEDIN, p.linkedin);
		edit_form_add_int(f, a, PERSON_OPT_RAPPORT, p.rapport);
		edit_form_add_int(f, a, PERSON_OPT_CADENCE, p.cadence);
		edit_form_add(f, a, PERSON_OPT_CONNECTED, p.connected_on);
		edit_form_notes(f, a, PERSON_OPT_NOTES, p.notes);
	}
	person_release(&p);
	return rc;
}

#define PERSON_FIELD_OPTS                                                                   \
	{ .id = PERSON_OPT_ORG, .name = "org", .arg = "ORG",                                \
	  .help = "their organisation (created if new)" },                                  \
	{ .id = PERSON_OPT_NEW_ORG, .name = "new-org",                                      \
	  .help = "make a new organisation even when one has a close name" },               \
	{ .id = PERSON_OPT_TITLE, .name = "title", .arg = "T", .help = "their job title" }, \
	{ .id = PERSON_OPT_EMAIL, .name = "email", .arg = "E", .help = "e-mail address" },  \
	{ .id = PERSON_OPT_PHONE, .name = "phone", .arg = "P", .help = "phone number" },    \
	{ .id = PERSON_OPT_LINKEDIN, .name = "linkedin", .arg = "URL",                      \
	  .help = "LinkedIn profile URL" },                                                 \
	{ .id = PERSON_OPT_RAPPORT, .name = "rapport", .arg = "N",                          \
	  .help = "how well you hit it off, 0-5" },                                         \
	{ .id = PERSON_OPT_CADENCE, .name = "cadence", .arg = "DAYS",                       \
	  .help = "keep in touch every DAYS days" },                                        \
	{ .id = PERSON_OPT_CONNECTED, .name = "connected", .arg = "DATE",                   \
	  .help = "the day you connected (YYYY-MM-DD)" },                                   \
	{ .id = PERSON_OPT_TAG, .name = "tag", .arg = "TAG",                                \
	  .help = "a tag (repeatable)", .flags = OPT_MULTI },                               \
	CLI_NOTES_OPT(PERSON_OPT_NOTES)

static const struct opt_spec person_add_opts[] = {
	PERSON_FIELD_OPTS,
	{ .id = PERSON_OPT_ALLOW_DUPLICATE, .name = "allow-duplicate",
	  .help = "add them even when someone of that name is in that "
					     "organisation already" },
	{ 0 },
};
static const struct opt_spec person_edit_opts[] = {
	{ .id = PERSON_OPT_NAME, .name = "name", .arg = "NAME", .help = "rename them" },
	PERSON_FIELD_OPTS,
	{ .id = PERSON_OPT_UNTAG, .name = "untag", .arg = "TAG",
	  .help = "remove a tag (repeatable)", .flags = OPT_MULTI },
	CLI_EDITOR_OPT(person_form),
	{ 0 },
};
static const struct opt_spec person_list_opts[] = {
	{ .id = PERSON_OPT_ORG, .name = "org", .arg = "ORG",
	  .help = "only people of this organisation" },
	{ .id = PERSON_OPT_TAG, .name = "tag", .arg = "TAG", .help = "only people with this tag" },
	CLI_FORMAT_OPT,
	{ 0 },
};
static const struct opt_spec person_show_opts[] = {
	{ .id = CLI_OPT_ALL, .name = "all",
	  .help = "the whole timeline (else the newest 20 interactions)" },
	{ 0 },
};

const struct cmd_spec person_cmds[] = {
	{ "add", "NAME", "Add a person.", 1, 1, person_add_opts, person_add, CMD_WRITE },
	{ "list", "", "List people by name.", 0, 0, person_list_opts, person_list, 0 },
	{ "show", "PERSON", "Show a person with their opportunities, interactions and open "
	  "tasks.", 1, 1, person_show_opts, person_show, 0 },
	{ "edit", "PERSON", "Change a person's fields (an empty value clears one).", 1, 1,
	  person_edit_opts, person_edit, CMD_WRITE },
	{ "rm", "PERSON", "Remove a person with their tags, links and follow-ups; one with any "
	  "(links to opportunities, interactions, tasks, feedback) only with --force. "
	  "Interactions with others or about an opportunity stay, without them.", 1, 1,
	  cli_rm_opts, cli_person_rm, CMD_WRITE },
	{ "merge", "KEEP OTHER", "Merge person OTHER into KEEP: interactions, opportunities and "
	  "roles, tasks, feedback, want marks and tags move (a link both have is kept once, "
	  "with KEEP's role); the fields KEEP lacks come from OTHER; notes joined. OTHER is "
	  "removed.", 2, 2, NULL, cli_person_merge, CMD_WRITE },
	{ 0 },
};
