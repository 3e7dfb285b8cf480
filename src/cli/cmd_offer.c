/* cmd_offer.c: rapport offer add|edit|ask|reply|show|compare: offers and their negotiation. */
#include "cli/cli.h"
#include "cli/edit.h"
#include "cli/remove.h"

#include <stdlib.h>
#include <string.h>

#include "cli/offer_compare.h"
#include "core/text.h"
#include "io/json_model.h"
#include "method/levels.h"
#include "method/offer_actions.h"
#include "store/offer.h"

/* The options of offer's commands: code asks for each by its constant. */
enum offer_opt {
	OFFER_OPT_BASE = 1,
	OFFER_OPT_BONUS,
	OFFER_OPT_EQUITY,
	OFFER_OPT_TITLE,
	OFFER_OPT_LEVEL,
	OFFER_OPT_START,
	OFFER_OPT_DEADLINE,
	OFFER_OPT_BENEFITS,
	OFFER_OPT_NOTES,
	OFFER_OPT_NOTE,
	OFFER_OPT_TEXT,
	OFFER_OPT_AT,
	OFFER_OPT_MARKDOWN,
};

/* ---- reading the options ---- */

/* A day for --start or --deadline: any WHEN, kept as YYYY-MM-DD; empty clears it. */
static int parse_day(struct cli *cli, const char *opt, const char *value, char **out)
{
	struct datetime dt;
	char day[DATE_BUFSZ], msg[sizeof(cli->err.msg)];

	if (!*value) {
		free(*out);
		*out = NULL;
		return 0;
	}
	if (date_parse_when(value, store_now(cli->store), &dt, &cli->err)) {
		snprintf(msg, sizeof(msg), "%s", cli->err.msg);
		return error_set(&cli->err, ERR_INVALID, "--%s: %s", opt, msg);
	}
	date_format_day(&dt, day);
	free(*out);
	*out = xstrdup(day);
	return 0;
}

/* Set the terms the options give (an empty value clears one). */
static int apply_terms(struct cli *cli, const struct args *a, struct offer_terms *t)
{
	static const struct opt_field texts[] = {
		{ OFFER_OPT_EQUITY, offsetof(struct offer_terms, equity) },
		{ OFFER_OPT_TITLE, offsetof(struct offer_terms, title) },
		{ OFFER_OPT_LEVEL, offsetof(struct offer_terms, level) },
	};
	const char *v;

	arg_set_fields(a, t, texts, ARRAY_SIZE(texts));
	if (cli_amount_opt(cli, a, OFFER_OPT_BASE, &t->base) ||
	    cli_amount_opt(cli, a, OFFER_OPT_BONUS, &t->bonus))
		return ERR_INVALID;
	if ((v = arg_opt(a, OFFER_OPT_START)) && parse_day(cli, "start", v, &t->start))
		return ERR_INVALID;
	return 0;
}

/* The offer's own fields: its terms, the deadline (not in the past), benefits, notes. */
static int apply_offer(struct cli *cli, const struct args *a, struct offer *o)
{
	const char *v;

	if (apply_terms(cli, a, &o->terms))
		return ERR_INVALID;
	if ((v = arg_opt(a, OFFER_OPT_BENEFITS)))
		field_set(&o->benefits, v);
	if ((v = arg_opt(a, OFFER_OPT_NOTES)))
		field_set(&o->notes, v);
	if (!(v = arg_opt(a, OFFER_OPT_DEADLINE)))
		return 0;
	if (parse_day(cli, "deadline", v, &o->deadline))
		return ERR_INVALID;
	return offer_deadline_check(cli->store, o->deadline, &cli->err);
}

/* The opportunity, by reference, and its offer; no offer is an error that says how to add one. */
static int load_offer(struct cli *cli, const char *ref, struct opp *opp, struct offer *of)
{
	int64_t id;
	bool found;

	if (store_opp_resolve(cli->store, ref, &id, &cli->err) ||
	    store_opp_get(cli->store, id, opp, &cli->err) ||
	    store_offer_of_opp(cli->store, id, of, &found, &cli->err))
		return cli->err.code;
	if (!found)
		return error_set(&cli->err, ERR_NOT_FOUND,
				 "'%s' has no offer yet; add it with 'rapport offer add %s --base N'",
				 opp->slug, opp->slug);
	return 0;
}

/* The playbooks, for the actions that run them. */
static const struct playbook *playbook(struct cli *cli)
{
	const struct playbook *pb = cli_playbook(cli);

	if (!pb && !cli->err.code)
		error_set(&cli->err, ERR_INVALID, "cannot load the playbooks");
	return pb;
}

/* ---- output ---- */

static void add_amount(struct strbuf *sb, const char *name, int64_t v, bool *first)
{
	if (v < 0)
		return;
	strbuf_addf(sb, "%s%s %lld", *first ? "" : ", ", name, (long long)v);
	*first = false;
}

static void add_text(struct strbuf *sb, const char *name, const char *v, bool *first)
{
	if (!v)
		return;
	strbuf_addf(sb, "%s%s %s", *first ? "" : ", ", name, v);
	*first = false;
}

/* "base 95000, bonus 5000, title Data Lead": the terms stated. */
static void terms_text(struct strbuf *sb, const struct offer_terms *t)
{
	bool first = true;

	add_amount(sb, "base", t->base, &first);
	add_amount(sb, "bonus", t->bonus, &first);
	add_text(sb, "equity", t->equity, &first);
	add_text(sb, "title", t->title, &first);
	add_text(sb, "level", t->level, &first);
	add_text(sb, "start", t->start, &first);
}

static json_t *terms_json(json_t *j, const struct offer_terms *t)
{
	json_object_set_new(j, "base", json_opt_int(t->base));
	json_object_set_new(j, "bonus", json_opt_int(t->bonus));
	json_object_set_new(j, "equity", json_text(t->equity));
	json_object_set_new(j, "title", json_text(t->title));
	json_object_set_new(j, "level", json_text(t->level));
	json_object_set_new(j, "start", json_text(t->start));
	return j;
}

static json_t *round_json(const struct offer_round *r)
{
	json_t *j = json_pack("{s:I, s:s}", "id", (json_int_t)r->id, "side",
			      enum_name(&offer_side_def, (int)r->side));

	terms_json(j, &r->terms);
	json_object_set_new(j, "text", json_text(r->text));
	json_object_set_new(j, "at", json_time(r->at));
	return j;
}

static json_t *offer_json(const struct offer *o, const offer_round_vec *rounds)
{
	json_t *j = json_pack("{s:I, s:o}", "id", (json_int_t)o->id, "opportunity",
			      opp_ref_to_json(&o->opp));
	json_t *arr = json_array();

	terms_json(j, &o->terms);
	json_object_set_new(j, "deadline", json_day(o->deadline));
	json_object_set_new(j, "benefits", json_text(o->benefits));
	json_object_set_new(j, "notes", json_text(o->notes));
	json_object_set_new(j, "created_at", json_time(o->created_at));
	json_object_set_new(j, "updated_at", json_time(o->updated_at));
	for (size_t i = 0; rounds && i < rounds->n; i++)
		json_array_append_new(arr, round_json(&rounds->items[i]));
	json_object_set_new(j, "rounds", arr);
	return j;
}

/* "2026-03-20 (in 18 days)", "2026-03-02 (today)", "2026-02-27 (3 days ago)". */
static void deadline_text(struct cli *cli, const char *deadline, struct strbuf *sb)
{
	long days = offer_days_left(store_now(cli->store), deadline);

	strbuf_addstr(sb, deadline);
	if (days == 0)
		strbuf_addstr(sb, " (today)");
	else if (days > 0)
		strbuf_addf(sb, " (in %ld day%s)", days, days == 1 ? "" : "s");
	else
		strbuf_addf(sb, " (%ld day%s ago)", -days, days == -1 ? "" : "s");
}

static void show_rounds(struct cli *cli, const offer_round_vec *rounds)
{
	struct strbuf sb = STRBUF_INIT;

	if (rounds->n)
		cli_printf(cli, "\nrounds:\n");
	for (size_t i = 0; i < rounds->n; i++) {
		const struct offer_round *r = &rounds->items[i];
		strbuf_reset(&sb);
		terms_text(&sb, &r->terms);
		if (r->text)
			strbuf_addf(&sb, "%s\"%s\"", sb.len ? ": " : "", r->text);
		cli_printf(cli, "  %-16s %-12s %s\n", r->at,
			   r->side == OFFER_ASK ? "you asked" : "they replied", sb.buf);
	}
	strbuf_release(&sb);
}

static void show_offer_text(struct cli *cli, const struct opp *opp, const struct offer *o,
			    const offer_round_vec *rounds, const struct level_mismatch *m)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[64];

	int64_t comp = offer_compensation(&o->terms);

	cli_printf(cli, "offer for %s · %s (%s)\n", opp->org_name, opp->title, opp->slug);
	cli_field(cli, "stage", enum_name(&stage_def, (int)opp->stage));
	/* amounts as offer compare writes them: 90,000 */
	cli_field(cli, "base", o->terms.base >= 0 ? text_thousands(o->terms.base, buf) : NULL);
	cli_field(cli, "bonus", o->terms.bonus >= 0 ? text_thousands(o->terms.bonus, buf) : NULL);
	if (comp >= 0)
		text_add_thousands(&sb, comp);
	if (comp >= 0 && opp->salary_target > 0) {
		strbuf_addstr(&sb, ", ");
		offer_vs_target_text(comp, opp->salary_target, &sb);
		strbuf_addstr(&sb, " against your target of ");
		text_add_thousands(&sb, opp->salary_target);
	}
	cli_field(cli, "base + bonus", sb.buf);
	cli_field(cli, "equity", o->terms.equity);
	cli_field(cli, "title", o->terms.title);
	cli_field(cli, "level", o->terms.level);
	cli_field(cli, "start", o->terms.start);
	strbuf_reset(&sb);
	if (o->deadline)
		deadline_text(cli, o->deadline, &sb);
	cli_field(cli, "deadline", sb.buf);
	cli_field(cli, "benefits", o->benefits);
	cli_field(cli, "notes", o->notes);
	strbuf_reset(&sb);
	level_mismatch_text(m, &sb);
	cli_field(cli, "mismatch", sb.buf);
	show_rounds(cli, rounds);
	strbuf_release(&sb);
}

/* The offer of opp_id as JSON; with text, as 'offer show' prints it, else
 * only the role mismatch, if any (after what a command said it did). */
static int show_offer(struct cli *cli, int64_t opp_id, bool text)
{
	struct opp opp = { 0 };
	struct offer of = { 0 };
	offer_round_vec rounds = { 0 };
	struct level_mismatch m = { 0 };
	json_t *j;
	bool found;
	int rc;

	if ((rc = store_opp_get(cli->store, opp_id, &opp, &cli->err)) ||
	    (rc = store_offer_of_opp(cli->store, opp_id, &of, &found, &cli->err)) ||
	    (rc = store_offer_rounds(cli->store, of.id, &rounds, &cli->err)) ||
	    (rc = levels_check_opp(cli->store, opp_id, &m, &cli->err)))
		goto out;
	j = offer_json(&of, &rounds);
	json_object_set_new(j, "stage", json_string(enum_name(&stage_def, (int)opp.stage)));
	json_object_set_new(j, "compensation", json_opt_int(offer_compensation(&of.terms)));
	json_object_set_new(j, "days_to_deadline",
			    of.deadline ? json_integer(offer_days_left(store_now(cli->store),
								       of.deadline))
					: json_null());
	json_object_set_new(j, "mismatch", offer_mismatch_json(&m));
	cli_set_json(cli, j);
	if (text) {
		show_offer_text(cli, &opp, &of, &rounds, &m);
	} else if (m.found) {
		struct strbuf sb = STRBUF_INIT;
		level_mismatch_text(&m, &sb);
		cli_printf(cli, "mismatch: %s\n", sb.buf);
		strbuf_release(&sb);
	}
out:
	opp_release(&opp);
	offer_release(&of);
	offer_round_vec_release(&rounds);
	level_mismatch_release(&m);
	return rc;
}

/* ---- commands ---- */

static int offer_add(struct cli *cli, const struct args *a)
{
	struct opp opp = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT };
	struct strbuf sb = STRBUF_INIT;
	const struct playbook *pb;
	bool found, moved;
	int64_t id;
	int rc;

	if ((rc = store_opp_resolve(cli->store, a->pos[0], &id, &cli->err)) ||
	    (rc = store_opp_get(cli->store, id, &opp, &cli->err)) ||
	    (rc = store_offer_of_opp(cli->store, id, &of, &found, &cli->err)))
		goto out;
	if (found) {
		rc = error_set(&cli->err, ERR_CONFLICT,
			       "'%s' already has an offer; change it with 'rapport offer edit %s', "
			       "or record a round with 'offer ask' and 'offer reply'",
			       opp.slug, opp.slug);
		goto out;
	}
	of.opp_id = id;
	if ((rc = apply_offer(cli, a, &of)))
		goto out;
	if (of.terms.base < 0) {
		rc = error_set(&cli->err, ERR_INVALID, "an offer needs its base pay: --base N");
		goto out;
	}
	if (!(pb = playbook(cli))) {
		rc = cli->err.code;
		goto out;
	}
	if ((rc = action_offer_add(cli->store, pb, &of, &moved, &cli->err)))
		goto out;
	terms_text(&sb, &of.terms);
	cli_printf(cli, "added the offer for %s: %s\n", opp.slug, sb.buf);
	if (moved)
		cli_printf(cli, "moved it to %s\n", enum_name(&stage_def, STAGE_OFFER));
	rc = show_offer(cli, id, false);
out:
	strbuf_release(&sb);
	opp_release(&opp);
	offer_release(&of);
	return rc;
}

static int offer_edit(struct cli *cli, const struct args *a)
{
	struct opp opp = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT };
	const char *base = arg_opt(a, OFFER_OPT_BASE);
	const struct playbook *pb;
	char *old_deadline = NULL;
	int rc;

	json_t *before;

	if ((rc = load_offer(cli, a->pos[0], &opp, &of)))
		goto out;
	old_deadline = xstrdup_or_null(of.deadline);
	before = offer_json(&of, NULL);
	if ((rc = apply_offer(cli, a, &of))) {
		json_decref(before);
		goto out;
	}
	if (cli_edit_unchanged(cli, before, offer_json(&of, NULL), "offer", of.id,
			       opp.slug))
		goto out;
	if (of.terms.base < 0) {
		rc = error_set(&cli->err, ERR_INVALID, "an offer's base pay cannot be cleared");
		goto out;
	}
	if (!(pb = playbook(cli))) {
		rc = cli->err.code;
		goto out;
	}
	if ((rc = action_offer_update(cli->store, pb, &of, old_deadline, base != NULL,
				      arg_opt(a, OFFER_OPT_LEVEL) != NULL, &cli->err)))
		goto out;
	cli_printf(cli, "changed the offer for %s\n", opp.slug);
	rc = show_offer(cli, opp.id, false);
out:
	free(old_deadline);
	opp_release(&opp);
	offer_release(&of);
	return rc;
}

/* The round the options describe, on the side given. */
static int read_round(struct cli *cli, const struct args *a, const struct offer *of,
		      enum offer_side side, struct offer_round *r)
{
	/* --note like every other command; --text, its old name, still works */
	const char *at = arg_opt(a, OFFER_OPT_AT), *text = arg_opt(a, OFFER_OPT_NOTE);
	char when[DATE_BUFSZ];

	if (!text)
		text = arg_opt(a, OFFER_OPT_TEXT);
	r->offer_id = of->id;
	r->side = side;
	r->terms = (struct offer_terms)OFFER_TERMS_INIT;
	if (apply_terms(cli, a, &r->terms))
		return ERR_INVALID;
	if (text)
		field_set(&r->text, text);
	if (!at)
		date_format(store_now(cli->store), when);
	else if (cli_when(cli, at, when))
		return ERR_INVALID;
	r->at = xstrdup(when);
	if (offer_round_empty(r))
		return error_set(&cli->err, ERR_INVALID,
				 "say what %s: --base, --bonus, --equity, --title, --level, --start "
				 "or --text",
				 side == OFFER_ASK ? "you asked for" : "they answered");
	return 0;
}

static int offer_round_cmd(struct cli *cli, const struct args *a, enum offer_side side)
{
	struct opp opp = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT };
	struct offer_round r = { 0 };
	struct strbuf sb = STRBUF_INIT;
	const struct playbook *pb;
	bool moved;
	int rc;

	if ((rc = load_offer(cli, a->pos[0], &opp, &of)) ||
	    (rc = read_round(cli, a, &of, side, &r)))
		goto out;
	if (!(pb = playbook(cli))) {
		rc = cli->err.code;
		goto out;
	}
	if ((rc = action_offer_round(cli->store, pb, &r, &moved, &cli->err)))
		goto out;
	terms_text(&sb, &r.terms);
	cli_printf(cli, "%s for %s%s%s\n", side == OFFER_ASK ? "recorded what you asked" :
		   "recorded their reply", opp.slug, sb.len ? ": " : "", sb.buf);
	if (moved)
		cli_printf(cli, "moved it to %s\n", enum_name(&stage_def, STAGE_NEGOTIATING));
	rc = show_offer(cli, opp.id, false);
out:
	strbuf_release(&sb);
	opp_release(&opp);
	offer_release(&of);
	offer_round_release(&r);
	return rc;
}

static int offer_ask(struct cli *cli, const struct args *a)
{
	return offer_round_cmd(cli, a, OFFER_ASK);
}

static int offer_reply(struct cli *cli, const struct args *a)
{
	return offer_round_cmd(cli, a, OFFER_REPLY);
}

static int offer_show(struct cli *cli, const struct args *a)
{
	struct opp opp = { 0 };
	struct offer of = { .terms = OFFER_TERMS_INIT };
	int rc = load_offer(cli, a->pos[0], &opp, &of);

	if (!rc)
		rc = show_offer(cli, opp.id, true);
	opp_release(&opp);
	offer_release(&of);
	return rc;
}

static int offer_compare(struct cli *cli, const struct args *a)
{
	return offer_compare_run(cli, a->pos, a->npos, arg_flag(a, OFFER_OPT_MARKDOWN));
}

/* ---- the table ---- */

#define TERM_OPTS                                                                           \
	{ .id = OFFER_OPT_BASE, .name = "base", .arg = "N",                                 \
	  .help = "base pay a year (85000 or 85k)" },                                       \
	{ .id = OFFER_OPT_BONUS, .name = "bonus", .arg = "N", .help = "bonus a year" },     \
	{ .id = OFFER_OPT_EQUITY, .name = "equity", .arg = "T",                             \
	  .help = "equity, in words (\"0.1% over 4 years\")" },                             \
	{ .id = OFFER_OPT_TITLE, .name = "title", .arg = "T", .help = "the job title" },    \
	{ .id = OFFER_OPT_LEVEL, .name = "level", .arg = "L",                               \
	  .help = "the level (checked against the level you "                               \
						"applied for)" },                           \
	{ .id = OFFER_OPT_START, .name = "start", .arg = "WHEN", .help = "the start date" }

#define OFFER_OPTS                                                                         \
	TERM_OPTS,                                                                         \
	{ .id = OFFER_OPT_DEADLINE, .name = "deadline", .arg = "WHEN",                     \
	  .help = "when they want your answer (a review "                                  \
						     "task is due two days before)" },     \
	{ .id = OFFER_OPT_BENEFITS, .name = "benefits", .arg = "T",                        \
	  .help = "pension, holidays, health..." },                                        \
	CLI_NOTES_OPT(OFFER_OPT_NOTES)

static const struct opt_spec offer_add_opts[] = { OFFER_OPTS, { 0 } };
static const struct opt_spec offer_round_opts[] = {
	TERM_OPTS,
	{ .id = OFFER_OPT_NOTE, .name = "note", .arg = "T",
	  .help = "in words: another title, a combined role..." },
	{ .id = OFFER_OPT_TEXT, .name = "text", .arg = "T",
	  .help = "the old name of --note", .flags = OPT_HIDDEN },
	{ .id = OFFER_OPT_AT, .name = "at", .arg = "WHEN", .help = "when (default: now)" },
	{ 0 },
};
static const struct opt_spec offer_compare_opts[] = {
	{ .id = OFFER_OPT_MARKDOWN, .name = "markdown", .help = "print a Markdown table" },
	{ 0 },
};

const struct cmd_spec offer_cmds[] = {
	{ "add", "OPP", "Record an opportunity's offer (one per opportunity; see 'offer edit').\n"
	  "It becomes the opportunity's salary and level offered, and moves it to the offer\n"
	  "stage when it was before it, so the offer playbook runs.", 1, 1, offer_add_opts,
	  offer_add, CMD_WRITE },
	{ "edit", "OPP", "Correct the offer's terms (an empty value clears one).", 1, 1,
	  offer_add_opts, offer_edit, CMD_WRITE },
	{ "ask", "OPP", "Record what you asked for: more base, another title, a combined role,\n"
	  "a start date. The first ask moves an opportunity at offer to negotiating.", 1, 1,
	  offer_round_opts, offer_ask, CMD_WRITE },
	{ "reply", "OPP", "Record what they answered; the terms it states become the offer's.",
	  1, 1, offer_round_opts, offer_reply, CMD_WRITE },
	{ "show", "OPP", "Show the offer's terms and every round, in order.", 1, 1, NULL,
	  offer_show, 0 },
	{ "compare", "[OPP...]", "Lay offers side by side against your wants: each want's status,\n"
	  "the weighted fit, pay against your target, days to each deadline, unmet must-haves.\n"
	  "Default: every opportunity with an offer.", 0, 100, offer_compare_opts, offer_compare,
	  0 },
	{ "rm", "OPP", "Remove an opportunity's offer with its rounds; its deadline's open "
	  "follow-ups are skipped. The opportunity keeps its stage and salary.", 1, 1,
	  cli_rm_opts, cli_offer_rm, CMD_WRITE },
	{ 0 },
};
