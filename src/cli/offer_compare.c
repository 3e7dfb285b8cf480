/*
 * offer_compare.c: rapport offer compare: the decision matrix.
 *
 * One row per want (heaviest first) and one column per offer, each cell the
 * want's status on that opportunity; then the weighted fit (method/fit.h),
 * pay against your target, the other terms, days to each deadline and the
 * must-haves found unmet. The matrix itself is method/compare.h's table of
 * strings, printed here as aligned text or as a Markdown table; JSON comes
 * from the records.
 */
#include "cli/offer_compare.h"
#include "cli/table.h"

#include <stdlib.h>
#include <string.h>

#include "io/json_model.h"
#include "method/fit.h"
#include "core/wants.h"

/* Widest columns in the text output; longer cells are cut with an ellipsis. */
#define WANT_WIDTH 36
#define OFFER_WIDTH 28

json_t *offer_mismatch_json(const struct level_mismatch *m)
{
	if (!m->found)
		return json_null();
	return json_pack("{s:s, s:s, s:s, s:s}", "applied", m->applied, "offered", m->offered,
			 "applied_rung", m->applied_rung, "offered_rung", m->offered_rung);
}

/* ---- printing ---- */

static void print_text(struct cli *cli, const struct compare_table *t)
{
	size_t nrows = t->cells.n / t->ncols, *width = xcalloc(t->ncols, sizeof(*width));
	size_t total = 0;
	struct strbuf line = STRBUF_INIT;

	for (size_t c = 0; c < t->ncols; c++) {
		size_t max = c == 0 ? WANT_WIDTH : c == 1 ? 8 : OFFER_WIDTH;
		width[c] = 1;
		for (size_t r = 0; r < nrows; r++) {
			const char *s = t->cells.items[r * t->ncols + c];
			size_t w = utf8_width(s ? s : "-");
			width[c] = w > width[c] ? w : width[c];
		}
		width[c] = width[c] > max ? max : width[c];
		total += width[c] + 2;
	}
	for (size_t r = 0; r < nrows; r++) {
		if (r == 1 || r == t->summary_row) {
			for (size_t k = 0; k + 2 < total; k++)
				cli_printf(cli, "-");
			cli_printf(cli, "\n");
		}
		strbuf_reset(&line);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells.items[r * t->ncols + c];
			if (c)
				strbuf_addstr(&line, "  ");
			table_add_fitted(&line, s ? s : "-", width[c]);
		}
		strbuf_trim(&line);
		cli_printf(cli, "%s\n", line.buf);
	}
	strbuf_release(&line);
	free(width);
}

/* A cell for a Markdown table: '|' escaped, line breaks as spaces. */
static void add_md_cell(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, ' ');
	for (const char *p = s ? s : "-"; *p; p++) {
		if (*p == '|' || *p == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *p == '\n' || *p == '\r' ? ' ' : *p);
	}
	strbuf_addstr(sb, " |");
}

static void print_markdown(struct cli *cli, const struct compare_table *t)
{
	size_t nrows = t->cells.n / t->ncols;
	struct strbuf sb = STRBUF_INIT;

	for (size_t r = 0; r < nrows; r++) {
		strbuf_addch(&sb, '|');
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells.items[r * t->ncols + c];
			if (r >= t->summary_row && c == 0) {
				struct strbuf bold = STRBUF_INIT;
				strbuf_addf(&bold, "**%s**", s);
				add_md_cell(&sb, bold.buf);
				strbuf_release(&bold);
			} else {
				add_md_cell(&sb, s);
			}
		}
		strbuf_addch(&sb, '\n');
		if (r == 0) {
			strbuf_addstr(&sb, "|---|---:|");
			for (size_t c = 2; c < t->ncols; c++)
				strbuf_addstr(&sb, "---|");
			strbuf_addch(&sb, '\n');
		}
	}
	cli_printf(cli, "%s", sb.buf);
	strbuf_release(&sb);
}

/* ---- JSON ---- */

static json_t *fit_json(const struct fit *f)
{
	json_t *j = json_pack("{s:o, s:i, s:f, s:i, s:i, s:i, s:i, s:i}", "score",
			      fit_score(f) < 0 ? json_null() : json_integer(fit_score(f)),
			      "coverage", fit_coverage(f), "points", f->points2 / 2.0,
			      "known_weight", f->known_weight, "total_weight", f->total_weight,
			      "known", f->known, "total", f->total, "deal_breakers",
			      f->deal_breakers);
	return j;
}

static json_t *column_json(struct cli *cli, const struct offer_column *c)
{
	int64_t comp = offer_compensation(&c->offer.terms);
	json_t *musts = json_array();
	json_t *j = json_pack("{s:o, s:s}", "opportunity", opp_ref_to_json(&c->offer.opp),
			      "stage", enum_name(&stage_def, (int)c->opp.stage));

	for (size_t i = 0; i < c->wants.n; i++)
		if (c->wants.items[i].want.must && c->wants.items[i].status == WANT_UNMET)
			json_array_append_new(musts, json_string(c->wants.items[i].want.text));
	json_object_set_new(j, "base", json_opt_int(c->offer.terms.base));
	json_object_set_new(j, "bonus", json_opt_int(c->offer.terms.bonus));
	json_object_set_new(j, "compensation", json_opt_int(comp));
	json_object_set_new(j, "target", json_opt_int(c->opp.salary_target));
	json_object_set_new(j, "against_target",
			    comp >= 0 && c->opp.salary_target > 0
				    ? json_integer(comp - c->opp.salary_target) : json_null());
	json_object_set_new(j, "equity", json_text(c->offer.terms.equity));
	json_object_set_new(j, "title", json_text(c->offer.terms.title));
	json_object_set_new(j, "level", json_text(c->offer.terms.level));
	json_object_set_new(j, "start", json_text(c->offer.terms.start));
	json_object_set_new(j, "deadline", json_day(c->offer.deadline));
	json_object_set_new(j, "days_to_deadline",
			    c->offer.deadline ? json_integer(offer_days_left(store_now(cli->store),
									     c->offer.deadline))
					      : json_null());
	json_object_set_new(j, "fit", fit_json(&c->fit));
	json_object_set_new(j, "unmet_musts", musts);
	json_object_set_new(j, "mismatch", offer_mismatch_json(&c->mismatch));
	return j;
}

static json_t *matrix_json(struct cli *cli, const offer_column_vec *cols)
{
	json_t *offers = json_array(), *wants = json_array();
	const want_standing_vec *ws = cols->n ? &cols->items[0].wants : NULL;

	for (size_t i = 0; i < cols->n; i++)
		json_array_append_new(offers, column_json(cli, &cols->items[i]));
	for (size_t w = 0; ws && w < ws->n; w++) {
		const struct want *want = &ws->items[w].want;
		json_t *statuses = json_array();
		for (size_t i = 0; i < cols->n; i++)
			json_array_append_new(statuses, json_string(enum_name(
				&want_status_def, (int)offer_column_status(&cols->items[i], want->id))));
		json_array_append_new(wants, json_pack("{s:I, s:s, s:i, s:b, s:o}", "id",
						       (json_int_t)want->id, "text", want->text,
						       "weight", want->weight, "must", want->must,
						       "statuses", statuses));
	}
	return json_pack("{s:o, s:o}", "offers", offers, "wants", wants);
}

int offer_compare_run(struct cli *cli, const char *const *refs, size_t n, bool markdown)
{
	offer_column_vec cols = { 0 };
	struct compare_table t = { 0 };
	int rc = offer_columns_load(cli->store, refs, n, &cols, &cli->err);

	if (rc)
		goto out;
	cli_set_json(cli, matrix_json(cli, &cols));
	if (!cols.n) {
		cli_note(cli, "no offers to compare; record one with 'rapport offer add OPP "
			      "--base N'\n");
		goto out;
	}
	compare_table_build(&t, store_now(cli->store), &cols);
	if (markdown)
		print_markdown(cli, &t);
	else
		print_text(cli, &t);
	if (!cols.items[0].wants.n)
		cli_printf(cli, "\n(no wants yet: say what you want with 'rapport want add')\n");
out:
	compare_table_release(&t);
	offer_columns_release(&cols);
	return rc;
}
