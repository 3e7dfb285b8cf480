/*
 * cmd_mail.c: rapport mail import PATH...: the search's e-mail logged
 * from a Maildir, an mbox or message files (see mail/mail_import.h). The
 * import commits every MAIL_BATCH messages, so that an interruption loses
 * nothing, and is undone as one change. rapport mail rules [check FILE]:
 * the rules that read a reply and propose (see mail/mail_rules.h).
 */
#include "cli/cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mail_import.h"
#include "mail/mail_rules.h"
#include "store/undo.h"

/* The options of mail's commands: code asks for each by its constant. */
enum mail_opt {
	MAIL_OPT_DRY_RUN = 1,
};

/* E-mails and skipped messages printed as text; --json lists them all. */
#define TEXT_LINES_MAX 100

/* The transactions of an import: each batch's changes join one undo entry. */
struct batches {
	struct cli *cli;
	char *what;      /* the undo history's line */
	int64_t undo_id; /* its entry, 0 until a batch changed something */
};

static int next_batch(void *ctx, struct error *err)
{
	struct batches *b = ctx;
	struct store *s = b->cli->store;

	if (store_undo_save_more(s, b->what, "cli", &b->undo_id, err) || store_commit(s, err) ||
	    store_begin_write(s, err))
		return err->code;
	return store_undo_track(s, err);
}

static json_t *emails_json(const struct mail_summary *sum)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < sum->emails.n; i++) {
		const struct mail_logged *l = &sum->emails.items[i];
		json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:s}", "message_id", l->message_id, "date",
				      l->date, "direction", l->direction == DIR_IN ? "in" : "out",
				      "people", l->people, "summary", l->summary);
		json_object_set_new(o, "interaction",
				    l->interaction_id ? json_integer(l->interaction_id) : json_null());
		json_object_set_new(o, "opportunity", l->opp ? json_string(l->opp) : json_null());
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *summary_json(const struct mail_summary *sum)
{
	json_t *j = json_pack("{s:b,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "dry_run", sum->dry_run,
			      "messages", (json_int_t)sum->messages, "logged",
			      (json_int_t)sum->logged, "inbound", (json_int_t)sum->inbound,
			      "outbound", (json_int_t)sum->outbound, "logged_before",
			      (json_int_t)sum->already, "files_read_before",
			      (json_int_t)sum->unchanged, "automatic", (json_int_t)sum->automatic,
			      "unknown", (json_int_t)sum->unknown);
	json_t *skipped = json_array();

	for (size_t i = 0; i < sum->broken.n; i++)
		json_array_append_new(skipped, json_pack("{s:s,s:s}", "source",
							 sum->broken.items[i].source, "reason",
							 sum->broken.items[i].reason));
	json_object_set_new(j, "proposed", json_integer(sum->proposed));
	json_object_set_new(j, "emails", emails_json(sum));
	json_object_set_new(j, "skipped", skipped);
	return j;
}

static int mail_import_run(struct cli *cli, const struct args *a)
{
	struct batches b = { .cli = cli, .what = cli_describe_command("mail", a->cmd, a) };
	struct mail_import_options o = { .dry_run = arg_flag(a, MAIL_OPT_DRY_RUN),
					 .batch_done = next_batch, .ctx = &b };
	struct mail_summary sum = { 0 };
	struct strbuf text = STRBUF_INIT;
	const struct playbook *pb = cli_playbook(cli);
	int rc = pb ? 0 : (cli->err.code ? cli->err.code : ERR_INVALID);

	if (!rc && !o.dry_run)
		rc = store_undo_track(cli->store, &cli->err);
	if (!rc)
		rc = mail_import(cli->store, pb, a->pos, a->npos, &o, &sum, &cli->err);
	if (!rc && !o.dry_run)
		rc = store_undo_save_more(cli->store, b.what, "cli", &b.undo_id, &cli->err);
	if (!rc && o.dry_run)
		store_rollback(cli->store); /* what it would log, written nowhere */
	if (!rc) {
		cli_set_json(cli, summary_json(&sum));
		mail_summary_text(&text, &sum, TEXT_LINES_MAX);
		cli_printf(cli, "%s", text.buf);
	}
	mail_summary_release(&sum);
	strbuf_release(&text);
	free(b.what);
	return rc;
}

/* ---- the mail rules ---- */

static json_t *rule_json(const struct mail_rule *r)
{
	json_t *phrases = json_array();

	for (size_t i = 0; i < r->phrases.n; i++)
		json_array_append_new(phrases, json_string(r->phrases.items[i]));
	return json_pack("{s:s,s:s,s:b,s:s,s:o}", "name", r->name, "propose",
			 enum_name(&proposal_kind_def, (int)r->kind), "enabled", r->enabled,
			 "origin", r->origin, "phrases", phrases);
}

static void show_rules(struct cli *cli, const struct mail_rules *rules)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < rules->rules.n; i++) {
		const struct mail_rule *r = &rules->rules.items[i];
		json_array_append_new(arr, rule_json(r));
		cli_printf(cli, "%-22s %-21s %2zu phrase%s  %s%s\n", r->name,
			   enum_name(&proposal_kind_def, (int)r->kind), r->phrases.n,
			   r->phrases.n == 1 ? " " : "s", r->origin, r->enabled ? "" : "  [off]");
	}
	cli_set_json(cli, arr);
}

/* rapport mail rules: those in force; mail rules check FILE: FILE's over the built-in. */
static int mail_rules_run(struct cli *cli, const struct args *a)
{
	struct mail_rules rules = { 0 };
	int rc;

	if (a->npos == 1 || (a->npos == 2 && strcmp(a->pos[0], "check")))
		return error_set(&cli->err, ERR_INVALID,
				 "'mail rules' lists the rules; 'mail rules check FILE' checks a file");
	rc = a->npos ? mail_rules_check_file(a->pos[1], &rules, &cli->err)
		     : mail_rules_load(&rules, &cli->err);
	if (!rc && a->npos)
		cli_printf(cli, "%s: %zu rules in force, no errors\n", a->pos[1], rules.rules.n);
	else if (!rc)
		show_rules(cli, &rules);
	if (!rc && a->npos)
		cli_set_json(cli, json_pack("{s:s,s:b,s:I}", "file", a->pos[1], "ok", 1, "rules",
					    (json_int_t)rules.rules.n));
	mail_rules_release(&rules);
	return rc;
}

static const struct opt_spec import_opts[] = {
	{ .id = MAIL_OPT_DRY_RUN, .name = "dry-run",
	  .help = "read the mail and report what would be logged, writing nothing" },
	{ 0 },
};

const struct cmd_spec mail_cmds[] = {
	{ "import", "PATH...",
	  "Log the e-mails to and from the people you know, from a Maildir, an mbox file (a "
	  "Google Takeout export is one) or message files (.eml); mail read before is not "
	  "logged again.",
	  1, SIZE_MAX, import_opts, mail_import_run, CMD_WRITE | CMD_NO_UNDO },
	{ "rules", "[check FILE]",
	  "List the rules that read a reply and propose what it means (built-in, and your "
	  "mail-rules.ini beside playbooks.ini); 'check FILE' checks a rules file: errors come "
	  "with the file name and line.",
	  0, 2, NULL, mail_rules_run, CMD_NO_DB | CMD_READS_FILES },
	{ 0 },
};
