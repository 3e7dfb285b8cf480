/* cmd_log.c: rapport log KIND SUMMARY: record an interaction and the people in it. */
#include "cli/cli.h"
#include "cli/edit.h"
#include "cli/remove.h"

#include <string.h>

#include "core/text.h"
#include "io/json_model.h"
#include "method/actions.h"

/* The options of log's commands: code asks for each by its constant. */
enum log_opt {
	LOG_OPT_WITH = 1,
	LOG_OPT_OPP,
	LOG_OPT_AT,
	LOG_OPT_IN,
	LOG_OPT_OUT,
	LOG_OPT_CHEMISTRY,
	LOG_OPT_NOTES,
	LOG_OPT_HISTORY,
	LOG_OPT_SUMMARY,
};

/* What the rules made of it, for --json: "history" (logged as such),
 * "planned" (still ahead) and "rules_not_started" (past their window). */
static void outcome_json(json_t *o, const struct log_outcome *out)
{
	json_object_set_new(o, "history", json_boolean(out->history));
	json_object_set_new(o, "planned", json_boolean(out->planned));
	json_object_set_new(o, "rules_not_started", json_integer(out->late));
}

/* The interaction, and "stage_change": {from, to} when the log moved its
 * opportunity on (null otherwise), and what the rules made of it. */
static json_t *log_json(const struct interaction *it, const struct log_outcome *moved)
{
	json_t *o = interaction_to_json(it);

	json_object_set_new(o, "stage_change",
			    moved->stage_to < 0 ? json_null()
			    : json_pack("{s:s, s:s}", "from",
					enum_name(&stage_def, moved->stage_from), "to",
					enum_name(&stage_def, moved->stage_to)));
	outcome_json(o, moved);
	return o;
}

/* Say why no follow-ups came, so that their absence is no surprise. */
static void print_outcome(struct cli *cli, enum interaction_kind kind, const char *at,
			  const struct log_outcome *out)
{
	const char *what = enum_name(&interaction_kind_def, (int)kind);
	struct datetime when;

	if (out->history)
		cli_printf(cli, "history: recorded only: no follow-ups started, no stage moved\n");
	else if (out->planned)
		cli_printf(cli, "planned: the %s is ahead; it counts as contact and starts its "
			   "follow-ups once %s has passed\n", what, at);
	else if (out->late && !date_parse_iso(at, &when, NULL))
		cli_printf(cli, "history: %s, the %s was %ld days ago\n",
			   out->late == out->rules ? "no follow-ups started"
						   : "some follow-ups not started",
			   what, date_diff_days(&when, store_now(cli->store)));
}

static int log_run(struct cli *cli, const struct args *a)
{
	struct interaction it = { .chemistry = -1, .direction = DIR_OUT };
	struct log_outcome moved;
	const char *const *with;
	const char *v;
	char when[DATE_BUFSZ];
	size_t n;
	int64_t id;
	long num;
	bool given;
	int kind, rc;

	if ((rc = cli_enum(cli, &interaction_kind_def, a->pos[0], &kind)))
		return rc;
	it.kind = (enum interaction_kind)kind;
	if (arg_flag(a, LOG_OPT_IN) && arg_flag(a, LOG_OPT_OUT))
		return error_set(&cli->err, ERR_INVALID, "--in and --out exclude each other");
	if (arg_flag(a, LOG_OPT_IN))
		it.direction = DIR_IN;
	if ((v = arg_opt(a, LOG_OPT_AT))) {
		if (cli_when(cli, v, when))
			return ERR_INVALID;
		if (action_at_too_far(cli->store, when))
			return error_set(&cli->err, ERR_INVALID, "--at %s is more than a year ahead",
					 v);
	} else {
		date_format(store_now(cli->store), when);
	}
	if (cli_int_opt(cli, a, LOG_OPT_CHEMISTRY, 1, 5, &num, &given))
		return ERR_INVALID;
	if (given)
		it.chemistry = (int)num;
	if ((v = arg_opt(a, LOG_OPT_OPP)) &&
	    store_opp_resolve(cli->store, v, &it.opp.id, &cli->err))
		return cli->err.code;
	with = arg_all(a, LOG_OPT_WITH, &n);
	for (size_t i = 0; i < n; i++) {
		struct person_ref *r = VEC_PUSH(&it.people);
		if ((rc = store_person_resolve(cli->store, with[i], &r->id, &cli->err)))
			goto out;
	}
	it.at = xstrdup(when);
	it.summary = xstrdup(a->pos[1]);
	field_set(&it.notes, arg_opt(a, LOG_OPT_NOTES));
	if (!cli_playbook(cli) || action_log(cli->store, cli_playbook(cli), &it,
					     arg_flag(a, LOG_OPT_HISTORY), &moved, &cli->err)) {
		rc = cli->err.code ? cli->err.code : ERR_INVALID;
		goto out;
	}
	id = it.id;
	interaction_release(&it);
	memset(&it, 0, sizeof(it));
	if ((rc = store_interaction_get(cli->store, id, &it, &cli->err)))
		goto out;
	cli_set_json(cli, log_json(&it, &moved));
	cli_printf(cli, "logged %s %lld: %s\n", enum_name(&interaction_kind_def, (int)it.kind),
		   (long long)it.id, it.summary);
	if (moved.stage_to >= 0)
		cli_printf(cli, "moved %s from %s to %s (from the log)\n", it.opp.slug,
			   enum_name(&stage_def, moved.stage_from),
			   enum_name(&stage_def, moved.stage_to));
	print_outcome(cli, it.kind, it.at, &moved);
out:
	interaction_release(&it);
	return rc;
}

static const struct opt_spec log_opts[] = {
	{ .id = LOG_OPT_WITH, .name = "with", .arg = "PERSON", .help = "someone in it (repeatable)",
	  .flags = OPT_MULTI },
	{ .id = LOG_OPT_OPP, .name = "opp", .arg = "OPP", .help = "the opportunity it was about" },
	{ .id = LOG_OPT_AT, .name = "at", .arg = "WHEN",
	  .help = "when it happened (default: now)" },
	{ .id = LOG_OPT_IN, .name = "in", .help = "they reached out to you" },
	{ .id = LOG_OPT_OUT, .name = "out", .help = "you reached out to them (the default)" },
	{ .id = LOG_OPT_CHEMISTRY, .name = "chemistry", .arg = "N", .help = "how it felt, 1-5" },
	CLI_NOTES_OPT(LOG_OPT_NOTES),
	{ .id = LOG_OPT_HISTORY, .name = "history",
	  .help = "record it as history: start no follow-ups and move no stage (a backfill)" },
	{ 0 },
};

/* log move ID WHEN: the interview happened, or will happen, at another time. */
/* The interaction ID names, read whole. */
static int interaction_of(struct cli *cli, const char *ref, struct interaction *it)
{
	long id;

	if (text_parse_int("interaction id", ref, 1, 999999999999L, &id, &cli->err))
		return ERR_INVALID;
	return store_interaction_get(cli->store, id, it, &cli->err);
}

/* log edit ID: what was said of it (the summary, the notes, the chemistry). */
static int log_edit_run(struct cli *cli, const struct args *a)
{
	struct interaction it = { 0 };
	json_t *before;
	const char *v;
	long num;
	bool given;
	int rc;

	if ((rc = interaction_of(cli, a->pos[0], &it)))
		goto out;
	before = interaction_to_json(&it);
	if ((v = arg_opt(a, LOG_OPT_SUMMARY)))
		field_set(&it.summary, v);
	if (arg_offered(a, LOG_OPT_NOTES) && (v = arg_opt(a, LOG_OPT_NOTES)))
		field_set(&it.notes, v);
	if ((rc = cli_int_opt(cli, a, LOG_OPT_CHEMISTRY, 1, 5, &num, &given))) {
		json_decref(before);
		goto out;
	}
	if (given)
		it.chemistry = (int)num;
	if (cli_edit_unchanged(cli, before, interaction_to_json(&it), "interaction", it.id,
			       it.summary))
		goto out;
	if (!(rc = store_interaction_edit(cli->store, &it, &cli->err))) {
		cli_set_json(cli, interaction_to_json(&it));
		cli_printf(cli, "changed interaction %lld: %s\n", (long long)it.id, it.summary);
	}
out:
	interaction_release(&it);
	return rc;
}

/* The interaction as --editor shows it. */
static int log_form(struct cli *cli, const struct args *a, struct edit_form *f)
{
	struct interaction it = { 0 };
	int rc = interaction_of(cli, a->pos[0], &it);

	if (!rc) {
		/* it has no updated_at: a change made meanwhile shows in the text */
		edit_form_begin(f, "interaction", it.id, it.summary, it.created_at);
		edit_form_add(f, a, LOG_OPT_SUMMARY, it.summary);
		edit_form_add_int(f, a, LOG_OPT_CHEMISTRY, it.chemistry);
		edit_form_notes(f, a, LOG_OPT_NOTES, it.notes);
	}
	interaction_release(&it);
	return rc;
}

static const struct opt_spec log_edit_opts[] = {
	{ .id = LOG_OPT_SUMMARY, .name = "summary", .arg = "S", .help = "what it was, in a line" },
	{ .id = LOG_OPT_CHEMISTRY, .name = "chemistry", .arg = "N",
	  .help = "how it felt, 1-5 (\"\" clears it)" },
	{ .id = LOG_OPT_NOTES, .name = "notes", .arg = "T", .flags = OPT_STDIN,
	  .help = "notes (\"\" clears them; \"-\" reads them from standard input)" },
	CLI_EDITOR_OPT(log_form),
	{ 0 },
};

static int log_move_run(struct cli *cli, const struct args *a)
{
	struct interaction it = { 0 };
	struct log_outcome out;
	char when[DATE_BUFSZ];
	json_t *j;
	long id;

	if (text_parse_int("interaction id", a->pos[0], 1, 999999999999L, &id, &cli->err) ||
	    cli_when(cli, a->pos[1], when))
		return ERR_INVALID;
	if (!cli_playbook(cli) ||
	    action_interaction_move(cli->store, cli_playbook(cli), id, when, &out, &cli->err) ||
	    store_interaction_get(cli->store, id, &it, &cli->err))
		return cli->err.code ? cli->err.code : ERR_INVALID;
	j = json_pack("{s:I, s:o}", "moved", (json_int_t)id, "at", json_time(when));
	outcome_json(j, &out);
	cli_set_json(cli, j);
	cli_printf(cli, "moved interaction %ld to %s; its follow-ups follow it\n", id, when);
	print_outcome(cli, it.kind, it.at, &out);
	interaction_release(&it);
	return 0;
}

const struct cmd_spec log_cmds[] = {
	{ "", "KIND SUMMARY",
	  "Log an interaction. KIND is interview, call, email, letter, meeting, video, message "
	  "or note. People in an interaction about an opportunity are linked to it (as "
	  "interviewer for an interview). An interaction logged later than a rule's window "
	  "after it happened does not start that rule (see 'rapport playbook show'); --history "
	  "starts none and moves no stage. One with a future --at is planned: it shows in the "
	  "agenda and the calendar, and counts as contact and starts its follow-ups once its "
	  "time has passed; more than a year ahead is refused.",
	  2, 2, log_opts, log_run, CMD_WRITE },
	{ "edit", "ID", "Change what was said of an interaction (the id 'person show' and 'opp "
	  "show' give): its summary, notes and chemistry; 'log move' changes its time.", 1, 1,
	  log_edit_opts, log_edit_run, CMD_WRITE },
	{ "move", "ID WHEN", "An interaction happened, or will happen, at another time (an interview "
	  "moved): it moves to WHEN, the open follow-ups made for the old time end (saying "
	  "why), and the rules make them again for the new time.", 2, 2, NULL, log_move_run,
	  CMD_WRITE },
	{ "rm", "ID", "Remove an interaction (the id 'person show' and 'opp show' give); its "
	  "people's last contact is recomputed; want marks and debriefs that cite it stay, "
	  "citing nothing (only with --force).", 1, 1, cli_rm_opts, cli_log_rm, CMD_WRITE },
	{ 0 },
};
