/* cmd_draft.c: rapport draft TASK [--eml FILE] [--mailto]: a task's letter, from its template. */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "io/eml.h"
#include "io/json_model.h"
#include "method/letter.h"
#include "method/letter_eml.h"
#include "util/atomic_file.h"

/* The options of draft's commands: code asks for each by its constant. */
enum draft_opt {
	DRAFT_OPT_EML = 1,
	DRAFT_OPT_MAILTO,
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
	if ((rc = letter_draft_eml(cli->store, d, &eml, &cli->err)))
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

static int draft_run(struct cli *cli, const struct args *a)
{
	struct letter_draft d = { 0 };
	const char *eml = arg_opt(a, DRAFT_OPT_EML);
	json_t *obj = NULL;
	long id;
	int rc = 0;

	if (text_parse_int("task id", a->pos[0], 1, 999999999999L, &id, &cli->err) ||
	    letter_draft_task(cli->store, id, &d, &cli->err))
		return cli->err.code;
	if (draft_json(cli, &d, &obj)) {
		letter_draft_release(&d);
		return cli->err.code;
	}
	if (eml)
		rc = draft_eml(cli, &d, eml, obj);
	if (!rc && arg_flag(a, DRAFT_OPT_MAILTO))
		draft_mailto(cli, &d, obj);
	if (!eml && !arg_flag(a, DRAFT_OPT_MAILTO))
		cli_printf(cli, "Subject: %s\n\n%s", d.letter.subject, d.letter.body);
	cli_set_json(cli, obj);
	letter_draft_release(&d);
	return rc;
}

static const struct opt_spec draft_opts[] = {
	{ .id = DRAFT_OPT_EML, .name = "eml", .arg = "FILE",
	  .help = "write an e-mail file your mail client opens as a draft ('-': print it)" },
	{ .id = DRAFT_OPT_MAILTO, .name = "mailto",
	  .help = "print a mailto: link that opens the letter in your mail client" },
	{ 0 },
};

const struct cmd_spec draft_cmds[] = {
	{ "", "TASK",
	  "Draft the letter of a task (added with --template NAME): the subject, a blank line\n"
	  "and the body, filled in with the person, the opportunity and your settings\n"
	  "(see 'rapport config' and 'rapport template').",
	  1, 1, draft_opts, draft_run, 0 },
	{ 0 },
};
