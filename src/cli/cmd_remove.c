/*
 * cmd_remove.c: taking mistakes back (issue 16): removing any record,
 * merging two people or two organisations, reopening a task. A record
 * that takes anything else with it is removed only with --force; without
 * it the command lists what would go and writes nothing.
 */
#include "cli/remove.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "method/remove_actions.h"
#include "store/offer.h"

const struct opt_spec cli_rm_opts[] = {
	{ .id = CLI_OPT_FORCE, .name = "force",
	  .help = "remove what goes with it too (the command lists it)" },
	{ 0 },
};

static int parse_id(struct cli *cli, const char *label, const char *s, int64_t *id)
{
	long v;

	if (text_parse_int(label, s, 1, 999999999999L, &v, &cli->err))
		return ERR_INVALID;
	*id = v;
	return 0;
}

static json_t *impact_json(const struct remove_impact *im)
{
	json_t *o = json_object();

	for (size_t i = 0; i < im->n; i++)
		if (im->parts[i].n)
			json_object_set_new(o, im->parts[i].many, json_integer(im->parts[i].n));
	return o;
}

/* The command group that removes each kind, for the refusal's message. */
static const char *const groups[] = {
	[REC_ORG] = "org",   [REC_PERSON] = "person",       [REC_OPP] = "opp",
	[REC_TASK] = "task", [REC_INTERACTION] = "log",     [REC_FEEDBACK] = "feedback",
	[REC_OFFER] = "offer", [REC_DEBRIEF] = "debrief",
};

/* Remove the record; `what` names it in the output ("person 3 (Ann Lee)");
 * refused, the message names the command ("opp rm acme-lead: also ..."). */
static int remove_record(struct cli *cli, const struct args *a, enum record_kind kind,
			 int64_t id, const char *what)
{
	struct remove_impact im;
	struct strbuf with = STRBUF_INIT;
	int rc = action_remove(cli->store, kind == REC_OFFER ? cli_playbook(cli) : NULL, kind, id,
			       arg_flag(a, CLI_OPT_FORCE), &im, &cli->err);

	remove_impact_done(&with, &im);
	if (rc == ERR_CONFLICT) {
		struct strbuf why = STRBUF_INIT;
		remove_impact_describe(&why, &im, false);
		error_set(&cli->err, ERR_CONFLICT, "%s rm %s: also %s; add --force", groups[kind],
			  a->pos[0], why.buf);
		strbuf_release(&why);
	} else if (!rc) {
		cli_set_json(cli, json_pack("{s:s, s:I, s:o}", "removed", record_kind_name(kind),
					    "id", (json_int_t)id, "with", impact_json(&im)));
		cli_printf(cli, "removed %s%s\n", what, with.buf);
	}
	strbuf_release(&with);
	return rc;
}

/* A person or an organisation: known by a reference (id or name), named in
 * what rm and merge print. */
struct named_kind {
	enum record_kind kind;
	const char *noun; /* "organisation" */
	int (*find)(struct cli *cli, const char *ref, int64_t *id, char **name);
	int (*merge)(struct store *s, int64_t keep, int64_t other, struct merge_outcome *out,
		     struct error *err);
};

static int org_find(struct cli *cli, const char *ref, int64_t *id, char **name)
{
	struct org o = { 0 };
	int rc;

	if (!(rc = cli_org_get(cli, ref, &o))) {
		*id = o.id;
		*name = o.name;
		o.name = NULL;
	}
	org_release(&o);
	return rc;
}

static int person_find(struct cli *cli, const char *ref, int64_t *id, char **name)
{
	struct person p = { 0 };
	int rc;

	if (!(rc = store_person_resolve(cli->store, ref, id, &cli->err)) &&
	    !(rc = store_person_get(cli->store, *id, &p, &cli->err))) {
		*name = p.name;
		p.name = NULL;
	}
	person_release(&p);
	return rc;
}

static const struct named_kind org_kind = { REC_ORG, "organisation", org_find, store_org_merge };
static const struct named_kind person_kind = { REC_PERSON, "person", person_find,
					       store_person_merge };

static int rm_named(struct cli *cli, const struct args *a, const struct named_kind *k)
{
	char what[512], *name = NULL;
	int64_t id;
	int rc = k->find(cli, a->pos[0], &id, &name);

	if (!rc) {
		snprintf(what, sizeof(what), "%s %lld (%s)", k->noun, (long long)id, name);
		rc = remove_record(cli, a, k->kind, id, what);
	}
	free(name);
	return rc;
}

int cli_org_rm(struct cli *cli, const struct args *a)
{
	return rm_named(cli, a, &org_kind);
}

int cli_person_rm(struct cli *cli, const struct args *a)
{
	return rm_named(cli, a, &person_kind);
}

int cli_opp_rm(struct cli *cli, const struct args *a)
{
	struct opp o = { 0 };
	char what[512];
	int64_t id;
	int rc;

	if (!(rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) &&
	    !(rc = store_opp_get(cli->store, id, &o, &cli->err))) {
		snprintf(what, sizeof(what), "opportunity %s (%s at %s)", o.slug, o.title, o.org_name);
		rc = remove_record(cli, a, REC_OPP, id, what);
	}
	opp_release(&o);
	return rc;
}

/* A record known by its id alone. */
static int rm_by_id(struct cli *cli, const struct args *a, enum record_kind kind,
		    const char *label)
{
	char what[64];
	int64_t id;

	if (parse_id(cli, label, a->pos[0], &id))
		return ERR_INVALID;
	snprintf(what, sizeof(what), "%s %lld", record_kind_name(kind), (long long)id);
	return remove_record(cli, a, kind, id, what);
}

int cli_task_rm(struct cli *cli, const struct args *a)
{
	return rm_by_id(cli, a, REC_TASK, "task id");
}

int cli_log_rm(struct cli *cli, const struct args *a)
{
	return rm_by_id(cli, a, REC_INTERACTION, "interaction id");
}

int cli_feedback_rm(struct cli *cli, const struct args *a)
{
	return rm_by_id(cli, a, REC_FEEDBACK, "feedback id");
}

int cli_debrief_rm(struct cli *cli, const struct args *a)
{
	return rm_by_id(cli, a, REC_DEBRIEF, "debrief id");
}

/* An improvement action is a learn task: improve rm takes no other task. */
int cli_improve_rm(struct cli *cli, const struct args *a)
{
	struct task t = { 0 };
	int64_t id;
	int rc;

	if (parse_id(cli, "improvement id", a->pos[0], &id))
		return ERR_INVALID;
	if ((rc = store_task_get(cli->store, id, &t, &cli->err)))
		return rc;
	rc = t.kind == TKIND_LEARN ? 0 : error_set(&cli->err, ERR_INVALID,
						   "task %lld is not an improvement action (a learn "
						   "task): 'rapport task rm %lld' removes it",
						   (long long)id, (long long)id);
	task_release(&t);
	return rc ? rc : rm_by_id(cli, a, REC_TASK, "improvement id");
}

int cli_offer_rm(struct cli *cli, const struct args *a)
{
	struct offer of = { 0 };
	char what[512];
	bool found = false;
	int64_t opp_id;
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &opp_id, &cli->err)) ||
	    (rc = store_offer_of_opp(cli->store, opp_id, &of, &found, &cli->err)))
		goto out;
	if (!found) {
		rc = error_set(&cli->err, ERR_NOT_FOUND, "%s has no offer", a->pos[0]);
		goto out;
	}
	snprintf(what, sizeof(what), "the offer of %s", of.opp.slug ? of.opp.slug : a->pos[0]);
	rc = remove_record(cli, a, REC_OFFER, of.id, what);
out:
	if (found)
		offer_release(&of);
	return rc;
}

/* ---- merging ---- */

static void print_merge(struct cli *cli, const char *kept, const char *gone,
			const struct merge_outcome *m, bool person)
{
	if (person)
		cli_printf(cli, "merged %s into %s: %lld interaction%s, %lld opportunit%s, "
			   "%lld task%s, %lld feedback, %lld want mark%s, %lld tag%s moved; "
			   "%lld field%s filled\n", gone, kept, (long long)m->interactions,
			   m->interactions == 1 ? "" : "s", (long long)m->opps,
			   m->opps == 1 ? "y" : "ies", (long long)m->tasks, m->tasks == 1 ? "" : "s",
			   (long long)m->feedback, (long long)m->marks, m->marks == 1 ? "" : "s",
			   (long long)m->tags, m->tags == 1 ? "" : "s", (long long)m->fields,
			   m->fields == 1 ? "" : "s");
	else
		cli_printf(cli, "merged %s into %s: %lld %s, %lld opportunit%s moved; "
			   "%lld field%s filled\n", gone, kept, (long long)m->people,
			   m->people == 1 ? "person" : "people", (long long)m->opps,
			   m->opps == 1 ? "y" : "ies", (long long)m->fields, m->fields == 1 ? "" : "s");
	cli_set_json(cli, json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "kept",
				    kept, "merged", gone, "interactions",
				    (json_int_t)m->interactions, "opportunities", (json_int_t)m->opps,
				    "tasks", (json_int_t)m->tasks, "feedback", (json_int_t)m->feedback,
				    "want_marks", (json_int_t)m->marks, "tags", (json_int_t)m->tags,
				    "people", (json_int_t)m->people, "fields", (json_int_t)m->fields));
}

static int merge_named(struct cli *cli, const struct args *a, const struct named_kind *k)
{
	char *kept = NULL, *gone = NULL;
	struct merge_outcome m;
	int64_t keep, other;
	int rc;

	if (!(rc = k->find(cli, a->pos[0], &keep, &kept)) &&
	    !(rc = k->find(cli, a->pos[1], &other, &gone)) &&
	    !(rc = k->merge(cli->store, keep, other, &m, &cli->err)))
		print_merge(cli, kept, gone, &m, k->kind == REC_PERSON);
	free(kept);
	free(gone);
	return rc;
}

int cli_person_merge(struct cli *cli, const struct args *a)
{
	return merge_named(cli, a, &person_kind);
}

int cli_org_merge(struct cli *cli, const struct args *a)
{
	return merge_named(cli, a, &org_kind);
}

/* ---- reopening ---- */

int cli_task_reopen(struct cli *cli, const struct args *a)
{
	struct reopen_outcome r;
	int64_t id;

	if (parse_id(cli, "task id", a->pos[0], &id) ||
	    action_task_reopen(cli->store, id, &r, &cli->err))
		return cli->err.code;
	cli_set_json(cli, json_pack("{s:I, s:s, s:I}", "reopened", (json_int_t)id, "was",
				    r.was == TASK_DONE ? "done" : "skipped", "contact_removed",
				    (json_int_t)r.interaction_id));
	cli_printf(cli, "reopened task %lld (it was %s)", (long long)id,
		   r.was == TASK_DONE ? "done" : "skipped");
	if (r.interaction_id)
		cli_printf(cli, "; removed interaction %lld, the contact it logged",
			   (long long)r.interaction_id);
	cli_printf(cli, "\n");
	return 0;
}
