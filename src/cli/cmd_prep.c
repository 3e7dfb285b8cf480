/* cmd_prep.c: rapport prep OPP: the sheet for the next conversation, as Markdown or HTML. */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/html.h"
#include "io/json_model.h"
#include "method/prep.h"
#include "util/atomic_file.h"

/* The options of prep's commands: code asks for each by its constant. */
enum prep_opt {
	PREP_OPT_STAGE = 1,
	PREP_OPT_WITH,
	PREP_OPT_HTML,
};

/* The page, written whole or not at all (util/atomic_file.h): a failed
 * write leaves an existing FILE as it was (it used to remove it). */
static int write_html(struct cli *cli, const char *path, const char *title, const char *md)
{
	struct strbuf body = STRBUF_INIT, page = STRBUF_INIT;
	int rc;

	html_markdown(&body, md);
	html_page(&page, title, body.buf);
	rc = atomic_file_write(path, page.buf, page.len, &cli->err);
	strbuf_release(&body);
	strbuf_release(&page);
	return rc;
}

static int prep_people(struct cli *cli, const struct args *a, id_vec *with)
{
	size_t n;
	const char *const *v = arg_all(a, PREP_OPT_WITH, &n);

	for (size_t i = 0; i < n; i++)
		if (store_person_resolve(cli->store, v[i], VEC_PUSH(with), &cli->err))
			return cli->err.code;
	return 0;
}

static json_t *ids_json(const id_vec *v)
{
	json_t *a = json_array();

	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(a, json_integer(v->items[i]));
	return a;
}

/* The people on the sheet, as every command refers to a person. */
static int people_json(struct cli *cli, const id_vec *ids, json_t **out)
{
	*out = json_array();
	for (size_t i = 0; i < ids->n; i++) {
		struct person p = { 0 };
		struct person_ref r = { .role = -1 };

		if (store_person_get(cli->store, ids->items[i], &p, &cli->err))
			return cli->err.code;
		r.id = p.id;
		r.name = p.name;
		json_array_append_new(*out, person_ref_to_json(&r));
		person_release(&p);
	}
	return 0;
}

/* The JSON of a sheet: the opportunity and the people as references. */
static int prep_json(struct cli *cli, const struct prep_result *res, const struct strbuf *md,
		     int64_t opp_id)
{
	struct opp o = { 0 };
	json_t *people = NULL;
	int rc;

	if ((rc = store_opp_get(cli->store, opp_id, &o, &cli->err)) ||
	    (rc = people_json(cli, &res->people, &people))) {
		json_decref(people);
		opp_release(&o);
		return rc;
	}
	cli_set_json(cli, json_pack("{s:o, s:s, s:o, s:o, s:s%}", "opportunity",
				    opp_brief_to_json(&o), "stage",
				    enum_name(&question_stage_def, res->stage), "questions",
				    ids_json(&res->questions), "people", people, "markdown", md->buf,
				    md->len));
	opp_release(&o);
	return 0;
}

static int prep_run(struct cli *cli, const struct args *a)
{
	struct prep_request req = { .stage = -1 };
	struct prep_result res = { 0 };
	struct strbuf md = STRBUF_INIT;
	const char *stage = arg_opt(a, PREP_OPT_STAGE), *html = arg_opt(a, PREP_OPT_HTML);
	id_vec with = { 0 };
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &req.opp_id, &cli->err)) ||
	    (stage && (rc = cli_enum(cli, &question_stage_def, stage, &req.stage))) ||
	    (rc = prep_people(cli, a, &with)))
		goto out;
	req.with = with.items;
	req.nwith = with.n;
	if ((rc = prep_sheet(cli->store, &req, &md, &res, &cli->err)))
		goto out;
	if (html && (rc = write_html(cli, html, a->pos[0], md.buf)))
		goto out;
	if (html)
		cli_printf(cli, "wrote the prep sheet for %s to %s\n", a->pos[0], html);
	else
		cli_printf(cli, "%s", md.buf);
	if (cli->json)
		rc = prep_json(cli, &res, &md, req.opp_id);
out:
	strbuf_release(&md);
	prep_result_release(&res);
	free(with.items);
	return rc;
}

static const struct opt_spec prep_opts[] = {
	{ .id = PREP_OPT_STAGE, .name = "stage", .arg = "S", .values = &question_stage_def,
	  .help = "the conversation: first, second, final or offer (default: from what is "
		  "logged)" },
	{ .id = PREP_OPT_WITH, .name = "with", .arg = "PERSON",
	  .help = "whom you will meet (default: everyone linked to the opportunity)",
	  .flags = OPT_MULTI },
	{ .id = PREP_OPT_HTML, .name = "html", .arg = "FILE",
	  .help = "write a printable page instead" },
	{ 0 },
};

const struct cmd_spec prep_cmds[] = {
	{ "", "OPP",
	  "A prep sheet for the next conversation: the stage, the salary, whom you will meet, "
	  "and your wants still to verify with the questions to ask each person.",
	  1, 1, prep_opts, prep_run, 0 },
	{ 0 },
};
