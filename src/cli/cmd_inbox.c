/*
 * cmd_inbox.c: rapport inbox [accept|dismiss N]: what imported mail
 * proposes (a rejection, an interview, a new person...), for the user's
 * yes (see method/inbox.h). Accepting or dismissing one is a change of its
 * own, undone by rapport undo.
 */
#include "cli/cli.h"
#include "cli/table.h"

#include <stdlib.h>

#include "core/text.h"
#include "io/json_model.h"
#include "method/inbox.h"

/* The options of inbox's commands: code asks for each by its constant. */
enum inbox_opt {
	INBOX_OPT_AT = 1,
	INBOX_OPT_OPP,
};

static const struct table_col inbox_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "proposes", 20, NULL, 0 },
	{ "date", 16, NULL, 0 },
	{ "person", 0, NULL, COL_IF_SET },
	{ "opp", 0, "  · ", COL_IF_SET },
	{ "subject", 0, "  · ", COL_FREE },
	{ "phrase", 0, NULL, COL_TSV_ONLY },
	{ "accept", 0, NULL, COL_TSV_ONLY },
};

/* Who a proposal is about: its sender, or the person it would add. */
static const char *who(const struct mail_proposal *p)
{
	return p->person.name ? p->person.name : p->name;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *proposal_json(const struct mail_proposal *p)
{
	struct strbuf effect = STRBUF_INIT;
	json_t *j;

	inbox_effect_text(p, &effect);
	j = json_pack("{s:I,s:s,s:s,s:o,s:s,s:s,s:s}", "id", (json_int_t)p->id, "kind",
		      enum_name(&proposal_kind_def, (int)p->kind), "status",
		      enum_name(&proposal_status_def, (int)p->status), "date", json_time(p->sent),
		      "subject", p->subject, "message_id", p->message_id, "accept", effect.buf);
	json_object_set_new(j, "person", person_ref_to_json(&p->person));
	json_object_set_new(j, "name", str_or_null(p->name));
	json_object_set_new(j, "email", str_or_null(p->email));
	json_object_set_new(j, "organisation",
			    p->org_id ? json_pack("{s:I,s:s?}", "id", (json_int_t)p->org_id, "name",
						  p->org_name)
				      : json_null());
	json_object_set_new(j, "opportunity", opp_ref_to_json(&p->opp));
	json_object_set_new(j, "interaction",
			    p->interaction_id ? json_integer(p->interaction_id) : json_null());
	json_object_set_new(j, "rule", str_or_null(p->rule));
	json_object_set_new(j, "phrase", str_or_null(p->phrase));
	json_object_set_new(j, "at", p->at ? json_time(p->at) : json_null());
	json_object_set_new(j, "task",
			    p->task_id ? json_pack("{s:I,s:s}", "id", (json_int_t)p->task_id,
						   "title", p->task_title ? p->task_title : "")
				       : json_null());
	strbuf_release(&effect);
	return j;
}

static void proposal_row(struct table *tb, const struct mail_proposal *p)
{
	struct strbuf effect = STRBUF_INIT;

	inbox_effect_text(p, &effect);
	table_addf(tb, "%lld", (long long)p->id);
	table_add(tb, enum_name(&proposal_kind_def, (int)p->kind));
	table_add(tb, p->sent);
	table_add(tb, who(p));
	table_add(tb, p->opp.slug);
	table_add(tb, p->subject);
	table_add(tb, p->phrase);
	table_add(tb, effect.buf);
	if (p->phrase)
		table_note(tb, "      matched: \"%s\"", p->phrase);
	table_note(tb, "      accept: %s", effect.buf);
	strbuf_release(&effect);
}

static int inbox_list(struct cli *cli, const struct args *a)
{
	mail_proposal_vec v = { 0 };
	struct table tb;
	json_t *arr;
	(void)a;

	if (store_proposal_open(cli->store, &v, &cli->err)) {
		mail_proposal_vec_release(&v);
		return cli->err.code;
	}
	arr = json_array();
	table_init(&tb, inbox_cols, ARRAY_SIZE(inbox_cols));
	for (size_t i = 0; i < v.n; i++) {
		json_array_append_new(arr, proposal_json(&v.items[i]));
		proposal_row(&tb, &v.items[i]);
	}
	cli_set_json(cli, arr);
	table_print(cli, &tb);
	if (!v.n)
		cli_note(cli, "the inbox is empty: 'rapport mail import PATH' reads your mail and "
			      "proposes here what it means\n");
	mail_proposal_vec_release(&v);
	return 0;
}

static int parse_proposal_id(struct cli *cli, const char *s, int64_t *id)
{
	long v;

	if (text_parse_int("proposal id", s, 1, 999999999999L, &v, &cli->err))
		return ERR_INVALID;
	*id = v;
	return 0;
}

/* Proposal id as it now stands, as the result. */
static int report(struct cli *cli, int64_t id, const char *verb)
{
	struct mail_proposal p = { 0 };
	struct strbuf effect = STRBUF_INIT;

	if (store_proposal_get(cli->store, id, &p, &cli->err))
		return cli->err.code;
	inbox_effect_text(&p, &effect);
	cli_set_json(cli, proposal_json(&p));
	if (p.status == PROPOSAL_ACCEPTED)
		cli_printf(cli, "%s proposal %lld: %s\n", verb, (long long)id, effect.buf);
	else
		cli_printf(cli, "%s proposal %lld (%s: %s)\n", verb, (long long)id,
			   enum_name(&proposal_kind_def, (int)p.kind), p.subject);
	strbuf_release(&effect);
	mail_proposal_release(&p);
	return 0;
}

static int inbox_accept_run(struct cli *cli, const struct args *a)
{
	const struct playbook *pb = cli_playbook(cli);
	struct inbox_accept_options o = { 0 };
	char at[DATE_BUFSZ];
	const char *v;
	int64_t id;

	if (!pb)
		return cli->err.code ? cli->err.code : ERR_INVALID;
	if (parse_proposal_id(cli, a->pos[0], &id))
		return ERR_INVALID;
	if ((v = arg_opt(a, INBOX_OPT_AT))) {
		if (cli_when(cli, v, at))
			return ERR_INVALID;
		o.at = at;
	}
	if ((v = arg_opt(a, INBOX_OPT_OPP)) &&
	    store_opp_resolve(cli->store, v, &o.opp_id, &cli->err))
		return cli->err.code;
	if (inbox_accept(cli->store, pb, id, &o, &cli->err))
		return cli->err.code;
	return report(cli, id, "accepted");
}

static int inbox_dismiss_run(struct cli *cli, const struct args *a)
{
	int64_t id;

	if (parse_proposal_id(cli, a->pos[0], &id))
		return ERR_INVALID;
	if (inbox_dismiss(cli->store, id, &cli->err))
		return cli->err.code;
	return report(cli, id, "dismissed");
}

static const struct opt_spec list_opts[] = { CLI_FORMAT_OPT, { 0 } };
static const struct opt_spec accept_opts[] = {
	{ .id = INBOX_OPT_AT, .name = "at", .arg = "WHEN",
	  .help = "an interview's time, when the message gives none (or another)" },
	{ .id = INBOX_OPT_OPP, .name = "opp", .arg = "OPP",
	  .help = "the opportunity, when the proposal names none (or another)" },
	{ 0 },
};

const struct cmd_spec inbox_cmds[] = {
	{ "", "", "List what your imported mail proposes (a rejection, an offer, an interview, "
	  "a request for information, an application received, a person to add), with the "
	  "message and the phrase it came from. Nothing changes until you accept.",
	  0, 0, list_opts, inbox_list, 0 },
	{ "accept", "N", "Do what proposal N says, as the matching command would (a rejection "
	  "moves the opportunity to rejected and its playbook follows).",
	  1, 1, accept_opts, inbox_accept_run, CMD_WRITE },
	{ "dismiss", "N", "Close proposal N without doing anything.", 1, 1, NULL,
	  inbox_dismiss_run, CMD_WRITE },
	{ 0 },
};
