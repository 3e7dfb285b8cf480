/* cmd_playbook.c: rapport playbook list|show|check: the rules that make follow-ups. */
#include "cli/cli.h"
#include "cli/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/playbook_run.h"
#include "method/playbook_text.h"

/* The options of playbook's commands: code asks for each by its constant. */
enum playbook_opt {
	PLAYBOOK_OPT_FULL = 1,
};

static json_t *rule_json(const struct rule *r)
{
	struct strbuf when = STRBUF_INIT, does = STRBUF_INIT;
	char ends[200];
	json_t *j;

	rule_trigger_text(&when, r);
	rule_action_text(&does, r);
	j = json_pack("{s:s, s:b, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s}", "name", r->name,
		      "enabled", r->enabled, "trigger", trigger_name(r->trigger), "when",
		      when.buf, "does", does.buf, "title", r->title, "why", r->why, "template",
		      r->template, "description", r->description, "origin", r->origin);
	rule_ends_text(r, ends, sizeof(ends));
	json_object_set_new(j, "ends", json_string(ends));
	json_object_set_new(j, "window", rule_has_window(r) ? json_integer(rule_window(r))
							    : json_null());
	strbuf_release(&when);
	strbuf_release(&does);
	return j;
}

/* "ends on: a reply, a stage change, the opportunity's closing" */
static void print_cancel(struct cli *cli, const struct rule *r)
{
	struct strbuf sb = STRBUF_INIT;

	rule_cancel_text(&sb, r);
	cli_printf(cli, "  ends on:  %s\n", sb.buf);
	strbuf_release(&sb);
}

static const struct table_col rule_cols[] = {
	{ "name", 20, NULL, 0 },
	{ "enabled", 0, NULL, COL_TSV_ONLY },
	{ "[off]", 0, " ", COL_TABLE_ONLY | COL_IF_SET },
	{ "description", 0, " ", COL_FREE },
};

static void rule_row(struct table *t, const struct rule *r)
{
	struct strbuf when = STRBUF_INIT;

	rule_trigger_text(&when, r);
	table_add(t, r->name);
	table_add(t, r->enabled ? "yes" : "no");
	table_add(t, r->enabled ? NULL : "[off]");
	table_add(t, r->description ? r->description : when.buf);
	strbuf_release(&when);
}

/* A rule's line as the list shows it, then all it does. */
static void print_rule(struct cli *cli, const struct rule *r)
{
	struct strbuf when = STRBUF_INIT, does = STRBUF_INIT;
	struct table t;

	table_init(&t, rule_cols, ARRAY_SIZE(rule_cols));
	rule_row(&t, r);
	table_print(cli, &t);
	rule_trigger_text(&when, r);
	rule_action_text(&does, r);
	cli_printf(cli, "  when:     %s\n  does:     %s\n", when.buf, does.buf);
	if (r->title)
		cli_printf(cli, "  title:    %s\n", r->title);
	if (r->why)
		cli_printf(cli, "  why:      %s\n", r->why);
	if (r->template)
		cli_printf(cli, "  letter:   %s\n", r->template);
	if (rule_has_window(r))
		cli_printf(cli, "  window:   %d days: an interaction logged later than that "
			   "after it happened does not start it\n", rule_window(r));
	if (rule_has_end(r))
		print_cancel(cli, r);
	cli_printf(cli, "  from:     %s\n", r->origin);
	strbuf_release(&when);
	strbuf_release(&does);
}

static int playbook_list(struct cli *cli, const struct args *a)
{
	const struct playbook *pb = cli_playbook(cli);
	struct table t;
	json_t *arr;

	(void)a;
	if (!pb)
		return cli->err.code;
	arr = json_array();
	table_init(&t, rule_cols, ARRAY_SIZE(rule_cols));
	for (size_t i = 0; i < pb->n; i++) {
		json_array_append_new(arr, rule_json(&pb->rules[i]));
		rule_row(&t, &pb->rules[i]);
	}
	table_print(cli, &t);
	cli_set_json(cli, arr);
	return 0;
}

static int playbook_show(struct cli *cli, const struct args *a)
{
	const struct playbook *pb = cli_playbook(cli);
	const char *name = a->pos[0];
	size_t n = strlen(name);
	json_t *arr;

	if (!pb)
		return cli->err.code;
	arr = json_array();
	for (size_t i = 0; i < pb->n; i++) {
		const struct rule *r = &pb->rules[i];
		if (strcmp(r->name, name) && (strncmp(r->name, name, n) || r->name[n] != '.'))
			continue;
		json_array_append_new(arr, rule_json(r));
		if (cli->out.len)
			cli_printf(cli, "\n");
		print_rule(cli, r);
	}
	if (!json_array_size(arr)) {
		json_decref(arr);
		return error_set(&cli->err, ERR_NOT_FOUND, "no rule or playbook '%s'", name);
	}
	cli_set_json(cli, arr);
	return 0;
}

/* A warning on stderr for each rule that does not say what ends it: its
 * follow-ups would outlive their reason (an offer's visit after the offer
 * was declined). "ends = never" says so on purpose. */
static json_t *endless_rules(const struct playbook *pb)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < pb->n; i++) {
		const struct rule *r = &pb->rules[i];
		char msg[300];
		if (!r->enabled || r->task_kind < 0 || rule_has_end(r))
			continue;
		snprintf(msg, sizeof(msg), "%s: rule '%s' does not say what ends it (ends = ...)",
			 r->origin, r->name);
		fprintf(stderr, "rapport: warning: %s\n", msg);
		json_array_append_new(arr, json_string(msg));
	}
	return arr;
}

static int playbook_check(struct cli *cli, const struct args *a)
{
	struct playbook pb = { 0 };
	int rc = playbooks_check_file(a->pos[0], &pb, &cli->err);

	if (!rc) {
		json_t *warnings = endless_rules(&pb);
		cli_set_json(cli, json_pack("{s:s, s:b, s:I, s:o}", "file", a->pos[0], "ok", 1,
					    "rules", (json_int_t)pb.n, "warnings", warnings));
		cli_printf(cli, "%s: fine (%zu rules with the built-in ones)\n", a->pos[0], pb.n);
	}
	playbook_release(&pb);
	return rc;
}

/* Run the time rules now, as any agenda does first; --full looks at every
 * opportunity and person, not only at what changed: the same tasks, slower
 * (a check of the incremental runs, and what the tests compare them with). */
static int playbook_tick(struct cli *cli, const struct args *a)
{
	const struct playbook *pb = cli_playbook(cli);
	struct tick_stats st;

	if (!pb ||
	    playbooks_tick_run(cli->store, pb, arg_flag(a, PLAYBOOK_OPT_FULL), &st, &cli->err))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	cli_set_json(cli, json_pack("{s:b, s:b, s:I, s:I}", "ran", st.ran, "full", st.full,
				    "opportunities", (json_int_t)st.opps, "people",
				    (json_int_t)st.people));
	return 0;
}

static const struct opt_spec playbook_list_opts[] = { CLI_FORMAT_OPT, { 0 } };
static const struct opt_spec playbook_tick_opts[] = {
	{ .id = PLAYBOOK_OPT_FULL, .name = "full",
	  .help = "look at every opportunity and person, not only at what changed since the "
		  "last run (the same tasks: a check)" },
	{ 0 },
};

const struct cmd_spec playbook_cmds[] = {
	{ "list", "", "List the playbook rules in force (built-in, and your playbooks.ini).", 0,
	  0, playbook_list_opts, playbook_list, CMD_NO_DB },
	{ "show", "NAME", "Show a rule, or every rule of a playbook (\"rejected\").", 1, 1,
	  NULL, playbook_show, CMD_NO_DB },
	{ "check", "FILE", "Check a playbooks file: errors come with the file name and line.", 1,
	  1, NULL, playbook_check, CMD_NO_DB | CMD_READS_FILES },
	{ "tick", "", "Run the time rules now (silences, cadences, deadlines), as the agenda does "
	  "before it shows anything.", 0, 0, playbook_tick_opts, playbook_tick,
	  CMD_WRITE | CMD_NO_UNDO },
	{ 0 },
};
