/* cmd_draft.c: rapport draft TASK [--eml FILE] [--mailto] [--to-drafts] [--send]: a task's
 * letter, from its template, as text, a file, a link, a draft in the mail account, or sent. */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "io/eml.h"
#include "io/json_model.h"
#include "method/letter.h"
#include "mail/mail_send.h"
#include "method/letter_eml.h"
#include "store/undo.h"
#include "util/atomic_file.h"

/* The options of draft's commands: code asks for each by its constant. */
enum draft_opt {
	DRAFT_OPT_EML = 1,
	DRAFT_OPT_MAILTO,
	DRAFT_OPT_TO_DRAFTS,
	DRAFT_OPT_SEND,
	DRAFT_OPT_INSECURE,
};

/* Written whole or not at all (util/atomic_file.h). */
static int write_file(struct cli *cli, const char *path, const struct strbuf *data)
{
	return atomic_file_write(path, data->buf, data->len, &cli->err);
}

/* --eml FILE: the message in FILE, or on standard output for "-". */
static int draft_eml(struct cli *cli, const struct letter_draft *d, const char *path,
		     json_t *obj)
{
	struct strbuf eml = STRBUF_INIT;
	int rc;

	if (cli->json && !strcmp(path, "-"))
		return error_set(&cli->err, ERR_INVALID,
				 "--json does not apply to '--eml -': the message is the output");
	if ((rc = letter_draft_eml(cli->store, d, false, &eml, &cli->err)))
		goto out;
	if (!strcmp(path, "-")) {
		strbuf_add(&cli->out, eml.buf, eml.len);
		cli->json = false; /* the message itself is the output */
	} else if (!(rc = write_file(cli, path, &eml))) {
		json_object_set_new(obj, "eml", json_string(path));
		cli_printf(cli, "wrote the draft of task %lld to %s\n", (long long)d->task_id, path);
	}
out:
	strbuf_release(&eml);
	return rc;
}

static void draft_mailto(struct cli *cli, const struct letter_draft *d, json_t *obj)
{
	struct strbuf url = STRBUF_INIT;

	eml_mailto(&url, d->to_email, d->letter.subject, d->letter.body);
	json_object_set_new(obj, "mailto", json_string(url.buf));
	cli_printf(cli, "%s\n", url.buf);
	strbuf_release(&url);
}

/* The task and the person as every command refers to them; the address
 * the letter goes to beside them. */
static int draft_json(struct cli *cli, const struct letter_draft *d, json_t **out)
{
	struct task t = { 0 };
	struct person_ref to = { .id = d->person_id, .name = d->to_name, .role = -1 };

	if (store_task_get(cli->store, d->task_id, &t, &cli->err))
		return cli->err.code;
	*out = json_pack("{s:{s:I,s:o},s:s,s:o,s:o,s:s,s:s}", "task", "id",
			 (json_int_t)d->task_id, "title", json_text(t.title), "template",
			 d->template, "person", person_ref_to_json(&to), "email",
			 json_text(d->to_email), "subject", d->letter.subject, "body",
			 d->letter.body);
	task_release(&t);
	return 0;
}

/* --to-drafts: into the IMAP account's Drafts folder. */
static int draft_to_drafts(struct cli *cli, const struct letter_draft *d, bool insecure,
			   json_t *obj)
{
	char *folder = NULL;

	if (mail_send_to_drafts(cli->store, d, insecure, &folder, &cli->err))
		return cli->err.code;
	json_object_set_new(obj, "drafts_folder", json_string(folder));
	cli_printf(cli, "put the draft of task %lld into the folder %s\n", (long long)d->task_id,
		   folder);
	free(folder);
	return 0;
}

/* --send: by SMTP, then logged and the task done, kept as one change for
 * undo (the command is CMD_NO_UNDO: a draft only read keeps no entry). */
static int draft_send(struct cli *cli, const struct letter_draft *d, bool insecure, json_t *obj)
{
	const struct playbook *pb = cli_playbook(cli);
	struct strbuf what = STRBUF_INIT;
	int64_t logged = 0, undo_id;

	if (!pb)
		return cli->err.code;
	strbuf_addf(&what, "draft %lld --send", (long long)d->task_id);
	if (!store_undo_track(cli->store, &cli->err) &&
	    !mail_send_draft(cli->store, pb, d, insecure, &logged, &cli->err) &&
	    !store_undo_save(cli->store, what.buf, "cli", &undo_id, &cli->err)) {
		json_object_set_new(obj, "sent", json_pack("{s:s,s:I}", "to", d->to_email,
							   "interaction", (json_int_t)logged));
		cli_printf(cli, "sent the letter of task %lld to %s; logged as interaction %lld, "
				"task %lld done\n",
			   (long long)d->task_id, d->to_email, (long long)logged,
			   (long long)d->task_id);
	}
	strbuf_release(&what);
	return cli->err.code;
}

/* What the options ask for beyond the letter itself; the letter printed
 * when none asks for anything. */
static int draft_outputs(struct cli *cli, const struct args *a, const struct letter_draft *d,
			 json_t *obj)
{
	const char *eml = arg_opt(a, DRAFT_OPT_EML);
	bool insecure = arg_flag(a, DRAFT_OPT_INSECURE), mailto = arg_flag(a, DRAFT_OPT_MAILTO);
	bool to_drafts = arg_flag(a, DRAFT_OPT_TO_DRAFTS), send = arg_flag(a, DRAFT_OPT_SEND);
	int rc = 0;

	if (to_drafts && send)
		return error_set(&cli->err, ERR_INVALID,
				 "--to-drafts and --send: choose one (a draft to review, or sent)");
	if (insecure && !to_drafts && !send)
		return error_set(&cli->err, ERR_INVALID, "--insecure goes with --to-drafts or --send");
	if (eml)
		rc = draft_eml(cli, d, eml, obj);
	if (!rc && mailto)
		draft_mailto(cli, d, obj);
	if (!rc && to_drafts)
		rc = draft_to_drafts(cli, d, insecure, obj);
	if (!rc && send)
		rc = draft_send(cli, d, insecure, obj);
	if (!eml && !mailto && !to_drafts && !send)
		cli_printf(cli, "Subject: %s\n\n%s", d->letter.subject, d->letter.body);
	return rc;
}

static int draft_run(struct cli *cli, const struct args *a)
{
	struct letter_draft d = { 0 };
	json_t *obj = NULL;
	long id;
	int rc;

	if (text_parse_int("task id", a->pos[0], 1, 999999999999L, &id, &cli->err) ||
	    letter_draft_task(cli->store, id, &d, &cli->err))
		return cli->err.code;
	if (draft_json(cli, &d, &obj)) {
		letter_draft_release(&d);
		return cli->err.code;
	}
	rc = draft_outputs(cli, a, &d, obj);
	cli_set_json(cli, obj);
	letter_draft_release(&d);
	return rc;
}

static const struct opt_spec draft_opts[] = {
	{ .id = DRAFT_OPT_EML, .name = "eml", .arg = "FILE",
	  .help = "write an e-mail file your mail client opens as a draft ('-': print it)" },
	{ .id = DRAFT_OPT_MAILTO, .name = "mailto",
	  .help = "print a mailto: link that opens the letter in your mail client" },
	{ .id = DRAFT_OPT_TO_DRAFTS, .name = "to-drafts",
	  .help = "put it into your mail account's Drafts folder (IMAP: mail.imap-url), to review "
		  "and send from your mail program" },
	{ .id = DRAFT_OPT_SEND, .name = "send",
	  .help = "send it (SMTP: mail.smtp-url), log it and mark the task done" },
	{ .id = DRAFT_OPT_INSECURE, .name = "insecure",
	  .help = "with --to-drafts or --send: unencrypted, to a mail server on this computer" },
	{ 0 },
};

const struct cmd_spec draft_cmds[] = {
	{ "", "TASK",
	  "Draft the letter of a task (added with --template NAME): the subject, a blank line\n"
	  "and the body, filled in with the person, the opportunity and your settings\n"
	  "(see 'rapport config' and 'rapport template'). The account's settings\n"
	  "(mail.imap-url, mail.smtp-url, mail.user, mail.password-command...) are\n"
	  "those of 'rapport mail sync'.",
	  1, 1, draft_opts, draft_run, CMD_WRITE | CMD_NO_UNDO },
	{ 0 },
};
