/*
 * offer_compare.c: rapport offer compare: the decision matrix.
 *
 * One row per want (heaviest first) and one column per offer, each cell the
 * want's status on that opportunity; then the weighted fit (method/fit.h),
 * pay against your target, the other terms, days to each deadline and the
 * must-haves found unmet. The matrix is built once as a table of strings and
 * printed as aligned text or as a Markdown table; JSON comes from the records.
 */
#include "cli/offer_compare.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_model.h"
#include "method/fit.h"
#include "store/wants.h"

/* Widest columns in the text output; longer cells are cut with an ellipsis. */
#define WANT_WIDTH 36
#define OFFER_WIDTH 28

/* One offer and what the matrix needs to know about its opportunity. */
struct column {
	struct opp opp;
	struct offer offer;
	want_standing_vec wants;
	struct fit fit;
	struct level_mismatch mismatch;
};

typedef VEC(struct column) column_vec;

static void columns_release(column_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		opp_release(&v->items[i].opp);
		offer_release(&v->items[i].offer);
		want_standing_vec_release(&v->items[i].wants);
		level_mismatch_release(&v->items[i].mismatch);
	}
	free(v->items);
}

/* ---- figures ---- */

int64_t offer_compensation(const struct offer_terms *t)
{
	if (t->base < 0)
		return -1;
	return t->base + (t->bonus > 0 ? t->bonus : 0);
}

long offer_days_left(const struct datetime *now, const char *deadline)
{
	struct datetime d;

	if (!deadline || date_parse_iso(deadline, &d, NULL))
		return 0;
	return date_diff_days(now, &d);
}

void offer_vs_target_text(int64_t comp, int64_t target, struct strbuf *sb)
{
	int64_t diff = comp - target;

	if (comp < 0 || target <= 0)
		return;
	/* the percentage rounded half away from zero */
	strbuf_addf(sb, "%+lld (%+lld%%)", (long long)diff,
		    (long long)((diff * 100 + (diff < 0 ? -target : target) / 2) / target));
}

json_t *offer_mismatch_json(const struct level_mismatch *m)
{
	if (!m->found)
		return json_null();
	return json_pack("{s:s, s:s, s:s, s:s}", "applied", m->applied, "offered", m->offered,
			 "applied_rung", m->applied_rung, "offered_rung", m->offered_rung);
}

/* ---- gathering ---- */

static int fill_column(struct cli *cli, struct column *c, int64_t opp_id)
{
	bool found;

	if (store_opp_get(cli->store, opp_id, &c->opp, &cli->err) ||
	    store_offer_of_opp(cli->store, opp_id, &c->offer, &found, &cli->err))
		return cli->err.code;
	if (!found)
		return error_set(&cli->err, ERR_NOT_FOUND,
				 "'%s' has no offer to compare; add it with 'rapport offer add %s "
				 "--base N'", c->opp.slug, c->opp.slug);
	if (store_want_standings(cli->store, opp_id, &c->wants, &cli->err) ||
	    levels_check_opp(cli->store, opp_id, &c->mismatch, &cli->err))
		return cli->err.code;
	c->fit = (struct fit)FIT_INIT;
	for (size_t i = 0; i < c->wants.n; i++)
		fit_add(&c->fit, c->wants.items[i].want.weight, c->wants.items[i].want.must,
			c->wants.items[i].status);
	return 0;
}

/* The opportunities to compare: refs in the order given (each once), or every offer. */
static int opp_ids(struct cli *cli, const char *const *refs, size_t n, id_vec *ids)
{
	offer_vec all = { 0 };
	int64_t id;

	if (!n) {
		if (store_offer_list(cli->store, &all, &cli->err))
			return cli->err.code;
		for (size_t i = 0; i < all.n; i++)
			*VEC_PUSH(ids) = all.items[i].opp_id;
		offer_vec_release(&all);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		if (store_opp_resolve(cli->store, refs[i], &id, &cli->err))
			return cli->err.code;
		for (size_t k = 0; k < ids->n; k++)
			seen |= ids->items[k] == id;
		if (!seen)
			*VEC_PUSH(ids) = id;
	}
	return 0;
}

static int gather(struct cli *cli, const char *const *refs, size_t n, column_vec *cols)
{
	id_vec ids = { 0 };
	int rc = opp_ids(cli, refs, n, &ids);

	for (size_t i = 0; i < ids.n && !rc; i++)
		rc = fill_column(cli, VEC_PUSH(cols), ids.items[i]);
	free(ids.items);
	return rc;
}

/* The status of want_id in a column (unknown when the want is not there). */
static enum want_status status_of(const struct column *c, int64_t want_id)
{
	for (size_t i = 0; i < c->wants.n; i++)
		if (c->wants.items[i].want.id == want_id)
			return c->wants.items[i].status;
	return WANT_UNKNOWN;
}

/* ---- the matrix as a table of strings ---- */

struct table {
	size_t ncols;
	size_t summary_row; /* the first row after the wants */
	VEC(char *) cells;  /* row by row; a NULL cell prints as "-" */
};

static void cell(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void cell(struct table *t, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	*VEC_PUSH(&t->cells) = strbuf_detach(&sb);
}

static void cell_text(struct table *t, const char *s)
{
	*VEC_PUSH(&t->cells) = s && *s ? xstrdup(s) : NULL;
}

/* An empty cell, where "-" (unknown) would say something false. */
static void cell_blank(struct table *t)
{
	*VEC_PUSH(&t->cells) = xstrdup("");
}

static void cell_amount(struct table *t, int64_t v)
{
	if (v < 0)
		cell_text(t, NULL);
	else
		cell(t, "%lld", (long long)v);
}

static void table_release(struct table *t)
{
	for (size_t i = 0; i < t->cells.n; i++)
		free(t->cells.items[i]);
	free(t->cells.items);
}

/* A row: its label, the want's weight column (empty), then fn's cell for each column. */
static void summary_row(struct table *t, const char *label, const column_vec *cols,
			void (*fn)(struct table *, struct cli *, const struct column *),
			struct cli *cli)
{
	cell_text(t, label);
	cell_blank(t);
	for (size_t i = 0; i < cols->n; i++)
		fn(t, cli, &cols->items[i]);
}

static void want_rows(struct table *t, const column_vec *cols)
{
	const want_standing_vec *wants = &cols->items[0].wants;

	for (size_t w = 0; w < wants->n; w++) {
		const struct want *want = &wants->items[w].want;
		cell_text(t, want->text);
		cell(t, "%d%s", want->weight, want->must ? " must" : "");
		for (size_t i = 0; i < cols->n; i++) {
			enum want_status st = status_of(&cols->items[i], want->id);
			if (want->must && st == WANT_UNMET)
				cell(t, "UNMET (must)");
			else
				cell_text(t, enum_name(&want_status_def, (int)st));
		}
	}
}

static void fit_cell(struct table *t, struct cli *cli, const struct column *c)
{
	char buf[32];

	(void)cli;
	fit_text(&c->fit, buf, sizeof(buf));
	cell_text(t, buf);
}

static void weighted_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	/* points2 is twice the weighted points: a partly want counts half its weight */
	cell(t, "%d%s of %d", c->fit.points2 / 2, c->fit.points2 % 2 ? ".5" : "",
	     c->fit.known_weight);
}

static void known_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell(t, "%d of %d", c->fit.known, c->fit.total);
}

static void base_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_amount(t, c->offer.terms.base);
}

static void bonus_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_amount(t, c->offer.terms.bonus);
}

static void comp_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_amount(t, offer_compensation(&c->offer.terms));
}

static void target_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_amount(t, c->opp.salary_target);
}

static void vs_target_cell(struct table *t, struct cli *cli, const struct column *c)
{
	struct strbuf sb = STRBUF_INIT;

	(void)cli;
	offer_vs_target_text(offer_compensation(&c->offer.terms), c->opp.salary_target, &sb);
	cell_text(t, sb.buf);
	strbuf_release(&sb);
}

static void equity_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_text(t, c->offer.terms.equity);
}

static void title_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_text(t, c->offer.terms.title);
}

static void level_cell(struct table *t, struct cli *cli, const struct column *c)
{
	const char *level = c->offer.terms.level ? c->offer.terms.level : c->opp.level_offered;

	(void)cli;
	if (c->mismatch.found)
		cell(t, "%s (below %s)", c->mismatch.offered, c->mismatch.applied);
	else
		cell_text(t, level);
}

static void start_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_text(t, c->offer.terms.start);
}

static void deadline_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_text(t, c->offer.deadline);
}

static void days_cell(struct table *t, struct cli *cli, const struct column *c)
{
	long days = offer_days_left(store_now(cli->store), c->offer.deadline);

	if (!c->offer.deadline)
		cell_text(t, NULL);
	else if (days < 0)
		cell(t, "passed %ld ago", -days);
	else
		cell(t, "%ld", days);
}

static void musts_cell(struct table *t, struct cli *cli, const struct column *c)
{
	struct strbuf sb = STRBUF_INIT;

	(void)cli;
	for (size_t i = 0; i < c->wants.n; i++) {
		const struct want_standing *w = &c->wants.items[i];
		if (w->want.must && w->status == WANT_UNMET)
			strbuf_addf(&sb, "%s%s", sb.len ? "; " : "", w->want.text);
	}
	cell_text(t, sb.buf);
	strbuf_release(&sb);
}

static void stage_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell_text(t, enum_name(&stage_def, (int)c->opp.stage));
}

static void role_cell(struct table *t, struct cli *cli, const struct column *c)
{
	(void)cli;
	cell(t, "%s · %s", c->opp.org_name, c->opp.title);
}

static void build_table(struct table *t, struct cli *cli, const column_vec *cols)
{
	static const struct {
		const char *label;
		void (*fn)(struct table *, struct cli *, const struct column *);
	} summary[] = {
		{ "fit", fit_cell }, { "weighted total", weighted_cell },
		{ "wants known", known_cell }, { "base", base_cell }, { "bonus", bonus_cell },
		{ "base + bonus", comp_cell }, { "your target", target_cell },
		{ "against target", vs_target_cell }, { "equity", equity_cell },
		{ "title", title_cell }, { "level", level_cell }, { "start", start_cell },
		{ "deadline", deadline_cell }, { "days to deadline", days_cell },
		{ "unmet must-haves", musts_cell },
	};

	t->ncols = 2 + cols->n;
	cell_text(t, "want");
	cell_text(t, "weight");
	for (size_t i = 0; i < cols->n; i++)
		cell_text(t, cols->items[i].opp.slug);
	summary_row(t, "role", cols, role_cell, cli);
	summary_row(t, "stage", cols, stage_cell, cli);
	want_rows(t, cols);
	t->summary_row = t->cells.n / t->ncols;
	for (size_t i = 0; i < sizeof(summary) / sizeof(summary[0]); i++)
		summary_row(t, summary[i].label, cols, summary[i].fn, cli);
}

/* ---- printing ---- */

/* s in width display columns: padded, or cut with an ellipsis. */
static void add_cell_text(struct strbuf *sb, const char *s, size_t width)
{
	size_t cols = 0;
	const char *p = s;

	if (utf8_width(s) <= width) {
		strbuf_addpad(sb, s, width);
		return;
	}
	/* copy width - 1 code points, then the ellipsis */
	while (*p && cols < width - 1) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
		cols++;
	}
	strbuf_add(sb, s, (size_t)(p - s));
	strbuf_addstr(sb, "…");
}

static void print_text(struct cli *cli, const struct table *t)
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
			add_cell_text(&line, s ? s : "-", width[c]);
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

static void print_markdown(struct cli *cli, const struct table *t)
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

static json_t *column_json(struct cli *cli, const struct column *c)
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
	json_object_set_new(j, "deadline", json_text(c->offer.deadline));
	json_object_set_new(j, "days_to_deadline",
			    c->offer.deadline ? json_integer(offer_days_left(store_now(cli->store),
									     c->offer.deadline))
					      : json_null());
	json_object_set_new(j, "fit", fit_json(&c->fit));
	json_object_set_new(j, "unmet_musts", musts);
	json_object_set_new(j, "mismatch", offer_mismatch_json(&c->mismatch));
	return j;
}

static json_t *matrix_json(struct cli *cli, const column_vec *cols)
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
				&want_status_def, (int)status_of(&cols->items[i], want->id))));
		json_array_append_new(wants, json_pack("{s:I, s:s, s:i, s:b, s:o}", "id",
						       (json_int_t)want->id, "text", want->text,
						       "weight", want->weight, "must", want->must,
						       "statuses", statuses));
	}
	return json_pack("{s:o, s:o}", "offers", offers, "wants", wants);
}

int offer_compare_run(struct cli *cli, const char *const *refs, size_t n, bool markdown)
{
	column_vec cols = { 0 };
	struct table t = { 0 };
	int rc = gather(cli, refs, n, &cols);

	if (rc)
		goto out;
	cli_set_json(cli, matrix_json(cli, &cols));
	if (!cols.n) {
		cli_printf(cli, "no offers to compare; record one with 'rapport offer add OPP "
				"--base N'\n");
		goto out;
	}
	build_table(&t, cli, &cols);
	if (markdown)
		print_markdown(cli, &t);
	else
		print_text(cli, &t);
	if (!cols.items[0].wants.n)
		cli_printf(cli, "\n(no wants yet: say what you want with 'rapport want add')\n");
out:
	table_release(&t);
	columns_release(&cols);
	return rc;
}
