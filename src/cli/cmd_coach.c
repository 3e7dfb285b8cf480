/*
 * cmd_coach.c: rapport coach: the coach's view of a practice, on its
 * PostgreSQL database (issue 20). A client grants a coach access to their
 * search (grant, revoke, list) and answers the coach's suggestions
 * (suggestions, accept, dismiss); a coach sees the dashboard of every
 * client who granted. Each acts for --account (or RAPPORT_ACCOUNT). One
 * person's SQLite file has no coach: these commands refuse it before
 * opening it (so none is created).
 */
#include "cli/cli.h"
#include "cli/table.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "io/json_model.h"
#include "method/coaching.h"
#include "store/account.h"
#include "store/undo.h"

enum coach_opt {
	COACH_OPT_LEVEL = 1,
};

/* The practice's database, acting for --account, in a transaction (a
 * write one when write, recorded for undo when undoable). */
static int coach_open(struct cli *cli, const struct args *a, bool write, bool undoable)
{
	unsigned flags = 0;
	char *path = cli_database_path(a->db, &flags);
	int rc;

	if (!store_address_has_accounts(path))
		rc = error_set(&cli->err, ERR_INVALID,
			       "the coach's view needs a practice's PostgreSQL database");
	else if (!(rc = store_open(&cli->store, path, flags, &cli->err)) &&
		 !(rc = store_act_as(cli->store, cli_account(a), &cli->err)))
		rc = write ? store_begin_write(cli->store, &cli->err)
			   : store_begin_read(cli->store, &cli->err);
	if (!rc && write && undoable)
		rc = store_undo_track(cli->store, &cli->err);
	free(path);
	return rc;
}

/* Commit (saving the change for undo as `what` when given), or roll back. */
static int coach_commit(struct cli *cli, int rc, const char *what)
{
	int64_t id;

	if (!rc && what)
		rc = store_undo_save(cli->store, what, "cli", &id, &cli->err);
	if (!rc)
		return store_commit(cli->store, &cli->err);
	if (cli->store)
		store_rollback(cli->store);
	return rc;
}

/* A listing's end: the table printed and the JSON kept, with a note when
 * it is empty; or both dropped when rc says it failed. */
static int listing_end(struct cli *cli, int rc, struct table *t, json_t *arr, size_t n,
		       const char *empty)
{
	if (rc) {
		table_release(t);
		json_decref(arr);
		return rc;
	}
	table_print(cli, t);
	if (!n)
		cli_note(cli, "%s\n", empty);
	cli_set_json(cli, arr);
	return 0;
}

/* ---- a client's grants ---- */

static int grant_run(struct cli *cli, const struct args *a)
{
	const char *level = arg_opt(a, COACH_OPT_LEVEL);
	int rc = coach_open(cli, a, true, false);

	if (!level)
		level = "read";
	if (!rc && !(rc = store_coach_grant(cli->store, a->pos[0], level, &cli->err))) {
		cli_printf(cli, "granted %s access to your search: %s\n", a->pos[0],
			   !strcmp(level, "suggest") ? "read and suggest" : "read");
		cli_set_json(cli, json_pack("{s:s, s:s}", "coach", a->pos[0], "level", level));
	}
	return coach_commit(cli, rc, NULL);
}

static int revoke_run(struct cli *cli, const struct args *a)
{
	int rc = coach_open(cli, a, true, false);

	if (!rc && !(rc = store_coach_revoke(cli->store, a->pos[0], &cli->err))) {
		cli_printf(cli, "revoked: %s sees nothing of your search now\n", a->pos[0]);
		cli_set_json(cli, json_pack("{s:s}", "revoked", a->pos[0]));
	}
	return coach_commit(cli, rc, NULL);
}

static const struct table_col grant_cols[] = {
	{ "client", 0, NULL, COL_FREE },
	{ "coach", 0, NULL, COL_FREE },
	{ "level", 7, NULL, 0 },
	{ "granted", 1, NULL, 0 },
};

static int list_run(struct cli *cli, const struct args *a)
{
	coach_grant_vec v = { 0 };
	json_t *arr = json_array();
	struct table t;
	int rc = coach_open(cli, a, false, false);

	if (!rc)
		rc = store_coach_grants(cli->store, &v, &cli->err);
	table_init(&t, grant_cols, ARRAY_SIZE(grant_cols));
	for (size_t i = 0; !rc && i < v.n; i++) {
		const struct coach_grant *g = &v.items[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:o}", "client",
						     g->client_email, "coach", g->coach_email,
						     "level", g->level, "granted",
						     json_time(g->granted_at)));
		table_add(&t, g->client_email);
		table_add(&t, g->coach_email);
		table_add(&t, g->level);
		table_add(&t, g->granted_at);
	}
	rc = listing_end(cli, rc, &t, arr, v.n,
			 "no grants: a client gives one with 'rapport coach grant EMAIL'");
	coach_grant_vec_release(&v);
	return coach_commit(cli, rc, NULL);
}

/* ---- the coach's dashboard ---- */

static const struct table_col dashboard_cols[] = {
	{ "client", 0, NULL, COL_FREE },
	{ "active", 6, NULL, COL_RIGHT },
	{ "by stage", 0, NULL, COL_FREE },
	{ "overdue", 7, NULL, COL_RIGHT },
	{ "silent", 6, NULL, COL_RIGHT },
	{ "interviews", 10, NULL, COL_RIGHT },
	{ "offers", 6, NULL, COL_RIGHT },
	{ "deadline", 10, NULL, 0 },
	{ "last activity", 1, NULL, 0 },
};

/* "lead 2, applied 1": the active stages that have opportunities. */
static void stages_text(struct strbuf *sb, const struct coach_client *c)
{
	for (int st = 0; st < COACH_ACTIVE_STAGES; st++) {
		if (!c->by_stage[st])
			continue;
		strbuf_addf(sb, "%s%s %lld", sb->len ? ", " : "", enum_name(&stage_def, st),
			    (long long)c->by_stage[st]);
	}
}

static json_t *client_json(const struct coach_client *c)
{
	json_t *stages = json_object();

	for (int st = 0; st < COACH_ACTIVE_STAGES; st++)
		json_object_set_new(stages, enum_name(&stage_def, st),
				    json_integer((json_int_t)c->by_stage[st]));
	return json_pack("{s:I, s:s, s:s, s:I, s:o, s:o, s:I, s:I, s:I, s:I, s:o}", "id",
			 (json_int_t)c->id, "email", c->email, "level", c->level, "active",
			 (json_int_t)c->active, "by_stage", stages, "last_activity",
			 json_time(c->last_activity), "overdue", (json_int_t)c->overdue, "silent",
			 (json_int_t)c->silent, "interviews", (json_int_t)c->interviews, "offers",
			 (json_int_t)c->offers, "offer_deadline", json_day(c->offer_deadline));
}

static void dashboard_row(struct table *t, const struct coach_client *c)
{
	struct strbuf stages = STRBUF_INIT;

	stages_text(&stages, c);
	table_add(t, c->email);
	table_addf(t, "%lld", (long long)c->active);
	table_add(t, stages.buf);
	table_addf(t, "%lld", (long long)c->overdue);
	table_addf(t, "%lld", (long long)c->silent);
	table_addf(t, "%lld", (long long)c->interviews);
	table_addf(t, "%lld", (long long)c->offers);
	table_add(t, c->offer_deadline);
	table_add(t, c->last_activity);
	strbuf_release(&stages);
}

static int dashboard_run(struct cli *cli, const struct args *a)
{
	coach_client_vec v = { 0 };
	json_t *arr = json_array();
	struct table t;
	int64_t me;
	int rc = coach_open(cli, a, false, false);

	if (!rc && !(rc = store_account_acting(cli->store, &me, &cli->err)))
		rc = coach_dashboard(cli->store, me, &v, &cli->err);
	table_init(&t, dashboard_cols, ARRAY_SIZE(dashboard_cols));
	for (size_t i = 0; !rc && i < v.n; i++) {
		json_array_append_new(arr, client_json(&v.items[i]));
		dashboard_row(&t, &v.items[i]);
	}
	rc = listing_end(cli, rc, &t, arr, v.n, "no client has granted you access yet");
	coach_client_vec_release(&v);
	return coach_commit(cli, rc, NULL);
}

/* ---- a client's suggestions ---- */

static const struct table_col suggestion_cols[] = {
	{ "id", 4, NULL, COL_RIGHT },
	{ "kind", 9, NULL, 0 },
	{ "suggestion", 0, NULL, COL_FREE },
	{ "due", 10, NULL, 0 },
	{ "opportunity", 0, NULL, COL_FREE },
	{ "from", 0, NULL, COL_FREE },
};

static int suggestions_run(struct cli *cli, const struct args *a)
{
	suggestion_vec v = { 0 };
	json_t *arr = json_array();
	struct table t;
	int rc = coach_open(cli, a, false, false);

	if (!rc)
		rc = store_suggestions_open(cli->store, &v, &cli->err);
	table_init(&t, suggestion_cols, ARRAY_SIZE(suggestion_cols));
	for (size_t i = 0; !rc && i < v.n; i++) {
		const struct suggestion *sg = &v.items[i];
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:o, s:s?, s:s?, s:s?}", "id",
						     (json_int_t)sg->id, "kind", sg->kind, "text",
						     sg->text, "due", json_day(sg->due),
						     "opportunity", sg->opp_title, "person",
						     sg->person_name, "coach", sg->coach_email));
		table_add_id(&t, sg->id);
		table_add(&t, sg->kind);
		table_add(&t, sg->text);
		table_add(&t, sg->due);
		table_add(&t, sg->opp_title);
		table_add(&t, sg->coach_email);
	}
	rc = listing_end(cli, rc, &t, arr, v.n, "no suggestion from your coach waits");
	suggestion_vec_release(&v);
	return coach_commit(cli, rc, NULL);
}

static int parse_suggestion_id(struct cli *cli, const char *s, int64_t *id)
{
	long v;

	if (text_parse_int("suggestion id", s, 1, 999999999999L, &v, &cli->err))
		return ERR_INVALID;
	*id = v;
	return 0;
}

static int accept_run(struct cli *cli, const struct args *a)
{
	int64_t id = 0, made;
	char what[64];
	int rc = parse_suggestion_id(cli, a->pos[0], &id);

	if (!rc)
		rc = coach_open(cli, a, true, true);
	if (!rc && !(rc = coaching_accept(cli->store, id, &made, &cli->err))) {
		cli_printf(cli, "accepted suggestion %lld\n", (long long)id);
		cli_set_json(cli, json_pack("{s:I, s:s}", "id", (json_int_t)id, "status",
					    "accepted"));
	}
	snprintf(what, sizeof(what), "coach accept %lld", (long long)id);
	return coach_commit(cli, rc, what);
}

static int dismiss_run(struct cli *cli, const struct args *a)
{
	int64_t id = 0;
	char what[64];
	int rc = parse_suggestion_id(cli, a->pos[0], &id);

	if (!rc)
		rc = coach_open(cli, a, true, true);
	if (!rc && !(rc = coaching_dismiss(cli->store, id, &cli->err))) {
		cli_printf(cli, "dismissed suggestion %lld\n", (long long)id);
		cli_set_json(cli, json_pack("{s:I, s:s}", "id", (json_int_t)id, "status",
					    "dismissed"));
	}
	snprintf(what, sizeof(what), "coach dismiss %lld", (long long)id);
	return coach_commit(cli, rc, what);
}

static const struct opt_spec grant_opts[] = {
	{ .id = COACH_OPT_LEVEL, .name = "level", .arg = "LEVEL",
	  .help = "read (the default): the coach sees your search; suggest: and may suggest "
		  "notes and follow-ups, which you accept or dismiss" },
	{ 0 },
};
static const struct opt_spec list_opts[] = { CLI_FORMAT_OPT, { 0 } };

const struct cmd_spec coach_cmds[] = {
	{ "grant", "EMAIL", "Let the practice's coach of EMAIL see your search (--level read), "
	  "or see it and suggest (--level suggest); again to change the level.", 1, 1,
	  grant_opts, grant_run, CMD_NO_DB },
	{ "revoke", "EMAIL", "Take back the access you gave the coach of EMAIL: they see "
	  "nothing of your search from their next request.", 1, 1, NULL, revoke_run, CMD_NO_DB },
	{ "list", "", "The grants: a client's to coaches, or a coach's from clients.", 0, 0,
	  list_opts, list_run, CMD_NO_DB },
	{ "dashboard", "", "A coach's clients, the one who needs attention first: overdue "
	  "follow-ups, then opportunities gone silent, then the nearest offer deadline.", 0, 0,
	  list_opts, dashboard_run, CMD_NO_DB },
	{ "suggestions", "", "What your coach suggested that waits for your answer.", 0, 0,
	  list_opts, suggestions_run, CMD_NO_DB },
	{ "accept", "N", "Accept suggestion N: a note becomes a note on its opportunity, a "
	  "follow-up a task.", 1, 1, NULL, accept_run, CMD_NO_DB },
	{ "dismiss", "N", "Dismiss suggestion N.", 1, 1, NULL, dismiss_run, CMD_NO_DB },
	{ 0 },
};
