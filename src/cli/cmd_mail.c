/*
 * cmd_mail.c: rapport mail import PATH...: the search's e-mail logged
 * from a Maildir, an mbox or message files (see mail/mail_import.h);
 * rapport mail sync: from an IMAP account (mail/mail_sync.h). Both commit
 * every batch, so that an interruption loses nothing, and are undone as
 * one change (rapport mail undo). rapport mail rules [check FILE]: the
 * rules that read a reply and propose (see mail/mail_rules.h).
 */
#include "cli/cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mail_import.h"
#include "mail/mail_rules.h"
#include "mail/mail_sync.h"
#include "store/undo.h"

/* The options of mail's commands: code asks for each by its constant. */
enum mail_opt {
	MAIL_OPT_DRY_RUN = 1,
	MAIL_OPT_INSECURE,
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

static json_t *sync_json(const struct mail_sync_summary *sum)
{
	json_t *j = summary_json(&sum->mail), *folders = json_array();

	for (size_t i = 0; i < sum->folders.n; i++) {
		const struct mail_sync_folder *f = &sum->folders.items[i];
		json_array_append_new(
			folders,
			json_pack("{s:s,s:b,s:I,s:I,s:I,s:I,s:I}", "folder", f->name, "whole",
				  f->whole, "messages", (json_int_t)f->messages, "logged",
				  (json_int_t)f->logged, "proposed", (json_int_t)f->proposed,
				  "not_logged", (json_int_t)f->not_logged, "unreadable",
				  (json_int_t)f->unreadable));
	}
	json_object_set_new(j, "folders", folders);
	return j;
}

/* Read mail (the files of mail import, or the account, sync) as one
 * change across its batches; a dry run writes nothing. */
static int read_mail(struct cli *cli, const struct args *a, bool sync)
{
	struct batches b = { .cli = cli, .what = cli_describe_command("mail", a->cmd, a) };
	bool dry_run = arg_flag(a, MAIL_OPT_DRY_RUN);
	struct mail_import_options io = { .dry_run = dry_run, .batch_done = next_batch,
					  .ctx = &b };
	struct mail_sync_options so = { .dry_run = dry_run, .batch_done = next_batch, .ctx = &b,
					.insecure = sync && arg_flag(a, MAIL_OPT_INSECURE) };
	struct mail_sync_summary sum = { 0 }; /* an import's is sum.mail */
	struct strbuf text = STRBUF_INIT;
	const struct playbook *pb = cli_playbook(cli);
	int rc = pb ? 0 : (cli->err.code ? cli->err.code : ERR_INVALID);

	if (!rc && !dry_run)
		rc = store_undo_track(cli->store, &cli->err);
	if (!rc)
		rc = sync ? mail_sync(cli->store, pb, &so, &sum, &cli->err)
			  : mail_import(cli->store, pb, a->pos, a->npos, &io, &sum.mail, &cli->err);
	if (!rc && !dry_run)
		rc = store_undo_save_more(cli->store, b.what, "cli", &b.undo_id, &cli->err);
	if (!rc && dry_run)
		store_rollback(cli->store); /* what it would log, written nowhere */
	if (!rc) {
		cli_set_json(cli, sync ? sync_json(&sum) : summary_json(&sum.mail));
		if (sync)
			mail_sync_summary_text(&text, &sum, TEXT_LINES_MAX);
		else
			mail_summary_text(&text, &sum.mail, TEXT_LINES_MAX);
		cli_printf(cli, "%s", text.buf);
	}
	mail_sync_summary_release(&sum);
	strbuf_release(&text);
	free(b.what);
	return rc;
}

static int mail_import_run(struct cli *cli, const struct args *a)
{
	return read_mail(cli, a, false);
}

static int mail_sync_run(struct cli *cli, const struct args *a)
{
	return read_mail(cli, a, true);
}

/* Is the undo history's line what a reading of mail wrote: the commands,
 * or the web Inbox's Check mail and file (web/page_mail.c)? */
static bool reads_mail(const char *what)
{
	static const char *const readers[] = { "mail sync", "mail import", "web: /inbox/check",
					       "web: /inbox/upload" };

	for (size_t i = 0; i < ARRAY_SIZE(readers); i++)
		if (!strncmp(what, readers[i], strlen(readers[i])))
			return true;
	return false;
}

/* rapport mail undo: rapport undo, when the latest change is a reading of
 * mail; else it says which change undo would take back. */
static int mail_undo_run(struct cli *cli, const struct args *a)
{
	undo_entry_vec last = { 0 };
	int rc = store_undo_list(cli->store, 1, &last, &cli->err);

	(void)a;
	if (!rc && !last.n)
		rc = error_set(&cli->err, ERR_NOT_FOUND, "nothing to undo");
	else if (!rc && !reads_mail(last.items[0].what))
		rc = error_set(&cli->err, ERR_CONFLICT,
			       "the latest change is '%s', not a mail sync or import: 'rapport "
			       "undo' takes it back",
			       last.items[0].what);
	undo_entry_vec_release(&last);
	return rc ? rc : cli_undo_last(cli);
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

static const struct opt_spec sync_opts[] = {
	{ .id = MAIL_OPT_DRY_RUN, .name = "dry-run",
	  .help = "read the mail and report what would be logged, writing nothing" },
	{ .id = MAIL_OPT_INSECURE, .name = "insecure",
	  .help = "allow an unencrypted imap:// address, to a server on this computer only" },
	{ 0 },
};

const struct cmd_spec mail_cmds[] = {
	{ "import", "PATH...",
	  "Log the e-mails to and from the people you know, from a Maildir, an mbox file (a "
	  "Google Takeout export is one) or message files (.eml); mail read before is not "
	  "logged again.",
	  1, SIZE_MAX, import_opts, mail_import_run, CMD_WRITE | CMD_NO_UNDO },
	{ "sync", "",
	  "Log the e-mails to and from the people you know, from your IMAP account "
	  "(mail.imap-url, mail.user, mail.password-command; mail.folders, default INBOX and "
	  "Sent; mail.auth, mail.ca-file): each folder is read from where the last sync left "
	  "it, messages are never marked read, and the password is never stored.",
	  0, 0, sync_opts, mail_sync_run, CMD_WRITE | CMD_NO_UNDO },
	{ "undo", "",
	  "Take back the latest mail sync or import, with everything it logged and "
	  "proposed, as 'rapport undo' does; refused when the latest change is another.",
	  0, 0, NULL, mail_undo_run, CMD_WRITE | CMD_NO_UNDO },
	{ "rules", "[check FILE]",
	  "List the rules that read a reply and propose what it means (built-in, and your "
	  "mail-rules.ini beside playbooks.ini); 'check FILE' checks a rules file: errors come "
	  "with the file name and line.",
	  0, 2, NULL, mail_rules_run, CMD_NO_DB | CMD_READS_FILES },
	{ 0 },
};
