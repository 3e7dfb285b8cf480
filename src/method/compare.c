/* compare.c: the decision matrix of offers against your wants (see compare.h). */
#include "method/compare.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/offer.h"
#include "util/xalloc.h"

void offer_columns_release(offer_column_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		opp_release(&v->items[i].opp);
		offer_release(&v->items[i].offer);
		want_standing_vec_release(&v->items[i].wants);
		level_mismatch_release(&v->items[i].mismatch);
	}
	free(v->items);
	memset(v, 0, sizeof(*v));
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
	if (diff >= 0)
		strbuf_addch(sb, '+');
	text_add_thousands(sb, diff);
	/* the percentage rounded half away from zero */
	strbuf_addf(sb, " (%+lld%%)",
		    (long long)((diff * 100 + (diff < 0 ? -target : target) / 2) / target));
}

/* ---- gathering ---- */

static int fill_column(struct store *s, struct offer_column *c, int64_t opp_id,
		       struct error *err)
{
	bool found;

	if (store_opp_get(s, opp_id, &c->opp, err) ||
	    store_offer_of_opp(s, opp_id, &c->offer, &found, err))
		return err->code;
	if (!found)
		return error_set(err, ERR_NOT_FOUND,
				 "'%s' has no offer to compare; add it with 'rapport offer add %s "
				 "--base N'", c->opp.slug, c->opp.slug);
	if (fit_standings_load(s, &c->opp, &c->wants, err) ||
	    levels_check_opp(s, opp_id, &c->mismatch, err))
		return err->code;
	c->fit = (struct fit)FIT_INIT;
	for (size_t i = 0; i < c->wants.n; i++)
		fit_add(&c->fit, c->wants.items[i].want.weight, c->wants.items[i].want.must,
			c->wants.items[i].status);
	return 0;
}

/* The opportunities to compare: refs in the order given (each once), or every offer. */
static int opp_ids(struct store *s, const char *const *refs, size_t n, id_vec *ids,
		   struct error *err)
{
	offer_vec all = { 0 };
	int64_t id;

	if (!n) {
		if (store_offer_list(s, &all, err))
			return err->code;
		for (size_t i = 0; i < all.n; i++)
			*VEC_PUSH(ids) = all.items[i].opp_id;
		offer_vec_release(&all);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		if (store_opp_resolve(s, refs[i], &id, err))
			return err->code;
		for (size_t k = 0; k < ids->n; k++)
			seen |= ids->items[k] == id;
		if (!seen)
			*VEC_PUSH(ids) = id;
	}
	return 0;
}

int offer_columns_load(struct store *s, const char *const *refs, size_t n,
		       offer_column_vec *out, struct error *err)
{
	id_vec ids = { 0 };
	int rc = opp_ids(s, refs, n, &ids, err);

	for (size_t i = 0; i < ids.n && !rc; i++)
		rc = fill_column(s, VEC_PUSH(out), ids.items[i], err);
	free(ids.items);
	return rc;
}

enum want_status offer_column_status(const struct offer_column *c, int64_t want_id)
{
	for (size_t i = 0; i < c->wants.n; i++)
		if (c->wants.items[i].want.id == want_id)
			return c->wants.items[i].status;
	return WANT_UNKNOWN;
}

/* ---- the matrix as a table of strings ---- */

static void cell(struct compare_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void cell(struct compare_table *t, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	*VEC_PUSH(&t->cells) = strbuf_detach(&sb);
}

static void cell_text(struct compare_table *t, const char *s)
{
	*VEC_PUSH(&t->cells) = s && *s ? xstrdup(s) : NULL;
}

/* An empty cell, where "-" (unknown) would say something false. */
static void cell_blank(struct compare_table *t)
{
	*VEC_PUSH(&t->cells) = xstrdup("");
}

static void cell_amount(struct compare_table *t, int64_t v)
{
	if (v < 0)
		cell_text(t, NULL);
	else
		cell_text(t, text_thousands(v, (char[32]){ 0 }));
}

void compare_table_release(struct compare_table *t)
{
	for (size_t i = 0; i < t->cells.n; i++)
		free(t->cells.items[i]);
	free(t->cells.items);
	memset(t, 0, sizeof(*t));
}

const char *compare_table_cell(const struct compare_table *t, size_t r, size_t c)
{
	return t->cells.items[r * t->ncols + c];
}

size_t compare_table_rows(const struct compare_table *t)
{
	return t->ncols ? t->cells.n / t->ncols : 0;
}

typedef void cell_fn(struct compare_table *t, const struct datetime *now,
		     const struct offer_column *c);

/* A summary row: a figure that fn works out, or (fn NULL) a field of the
 * column shown as it is, an amount or a text, at its offset in the column. */
struct summary_def {
	const char *label;
	cell_fn *fn;
	enum { FIELD_AMOUNT = 1, FIELD_TEXT } field;
	size_t at;
};

/* The offset of a field of struct offer_column; a field not of type T does
 * not build (the _Generic has no case for it). */
#define FIELD_AT(member, T)                                                             \
	(offsetof(struct offer_column, member) +                                        \
	 0 * sizeof(_Generic(((struct offer_column *)0)->member, T: 1)))
#define FIGURE_ROW(l, f) { .label = (l), .fn = (f) }
#define AMOUNT_ROW(l, member) { (l), NULL, FIELD_AMOUNT, FIELD_AT(member, int64_t) }
#define TEXT_ROW(l, member) { (l), NULL, FIELD_TEXT, FIELD_AT(member, char *) }

static void field_cell(struct compare_table *t, const struct summary_def *d,
		       const struct offer_column *c)
{
	const void *field = (const char *)c + d->at;

	if (d->field == FIELD_AMOUNT)
		cell_amount(t, *(const int64_t *)field);
	else
		cell_text(t, *(char *const *)field);
}

/* A row: its label, the want's weight column (empty), then its cell for each column. */
static void summary_row(struct compare_table *t, const struct summary_def *d,
			const offer_column_vec *cols, const struct datetime *now)
{
	cell_text(t, d->label);
	cell_blank(t);
	for (size_t i = 0; i < cols->n; i++) {
		if (d->fn)
			d->fn(t, now, &cols->items[i]);
		else
			field_cell(t, d, &cols->items[i]);
	}
}

static void want_rows(struct compare_table *t, const offer_column_vec *cols)
{
	const want_standing_vec *wants = &cols->items[0].wants;

	for (size_t w = 0; w < wants->n; w++) {
		const struct want *want = &wants->items[w].want;
		cell_text(t, want->text);
		cell(t, "%d%s", want->weight, want->must ? " must" : "");
		for (size_t i = 0; i < cols->n; i++) {
			enum want_status st = offer_column_status(&cols->items[i], want->id);
			if (want->must && st == WANT_UNMET)
				cell(t, "UNMET (must)");
			else
				cell_text(t, enum_name(&want_status_def, (int)st));
		}
	}
}

static void fit_cell(struct compare_table *t, const struct datetime *now,
		     const struct offer_column *c)
{
	char buf[32];

	(void)now;
	fit_text(&c->fit, buf, sizeof(buf));
	cell_text(t, buf);
}

static void weighted_cell(struct compare_table *t, const struct datetime *now,
			  const struct offer_column *c)
{
	(void)now;
	/* points2 is twice the weighted points: a partly want counts half its weight */
	cell(t, "%d%s of %d", c->fit.points2 / 2, c->fit.points2 % 2 ? ".5" : "",
	     c->fit.known_weight);
}

static void known_cell(struct compare_table *t, const struct datetime *now,
		       const struct offer_column *c)
{
	(void)now;
	cell(t, "%d of %d", c->fit.known, c->fit.total);
}

static void comp_cell(struct compare_table *t, const struct datetime *now,
		      const struct offer_column *c)
{
	(void)now;
	cell_amount(t, offer_compensation(&c->offer.terms));
}

static void vs_target_cell(struct compare_table *t, const struct datetime *now,
			   const struct offer_column *c)
{
	struct strbuf sb = STRBUF_INIT;

	(void)now;
	offer_vs_target_text(offer_compensation(&c->offer.terms), c->opp.salary_target, &sb);
	cell_text(t, sb.buf);
	strbuf_release(&sb);
}

static void level_cell(struct compare_table *t, const struct datetime *now,
		       const struct offer_column *c)
{
	const char *level = c->offer.terms.level ? c->offer.terms.level : c->opp.level_offered;

	(void)now;
	if (c->mismatch.found)
		cell(t, "%s (below %s)", c->mismatch.offered, c->mismatch.applied);
	else
		cell_text(t, level);
}

static void days_cell(struct compare_table *t, const struct datetime *now,
		      const struct offer_column *c)
{
	long days = offer_days_left(now, c->offer.deadline);

	if (!c->offer.deadline)
		cell_text(t, NULL);
	else if (days < 0)
		cell(t, "passed %ld ago", -days);
	else
		cell(t, "%ld", days);
}

static void musts_cell(struct compare_table *t, const struct datetime *now,
		       const struct offer_column *c)
{
	struct strbuf sb = STRBUF_INIT;

	(void)now;
	for (size_t i = 0; i < c->wants.n; i++) {
		const struct want_standing *w = &c->wants.items[i];
		if (w->want.must && w->status == WANT_UNMET)
			strbuf_addf(&sb, "%s%s", sb.len ? "; " : "", w->want.text);
	}
	cell_text(t, sb.buf);
	strbuf_release(&sb);
}

static void stage_cell(struct compare_table *t, const struct datetime *now,
		       const struct offer_column *c)
{
	(void)now;
	cell_text(t, enum_name(&stage_def, (int)c->opp.stage));
}

static void role_cell(struct compare_table *t, const struct datetime *now,
		      const struct offer_column *c)
{
	(void)now;
	cell(t, "%s · %s", c->opp.org_name, c->opp.title);
}

void compare_table_build(struct compare_table *t, const struct datetime *now,
			 const offer_column_vec *cols)
{
	static const struct summary_def head[] = { FIGURE_ROW("role", role_cell),
						   FIGURE_ROW("stage", stage_cell) };
	static const struct summary_def summary[] = {
		FIGURE_ROW("fit", fit_cell),
		FIGURE_ROW("weighted total", weighted_cell),
		FIGURE_ROW("wants known", known_cell),
		AMOUNT_ROW("base", offer.terms.base),
		AMOUNT_ROW("bonus", offer.terms.bonus),
		FIGURE_ROW("base + bonus", comp_cell),
		AMOUNT_ROW("your target", opp.salary_target),
		FIGURE_ROW("against target", vs_target_cell),
		TEXT_ROW("equity", offer.terms.equity),
		TEXT_ROW("title", offer.terms.title),
		FIGURE_ROW("level", level_cell),
		TEXT_ROW("start", offer.terms.start),
		TEXT_ROW("deadline", offer.deadline),
		FIGURE_ROW("days to deadline", days_cell),
		FIGURE_ROW("unmet must-haves", musts_cell),
	};

	t->ncols = 2 + cols->n;
	cell_text(t, "want");
	cell_text(t, "weight");
	for (size_t i = 0; i < cols->n; i++)
		cell_text(t, cols->items[i].opp.slug);
	for (size_t i = 0; i < ARRAY_SIZE(head); i++)
		summary_row(t, &head[i], cols, now);
	t->want_row = t->cells.n / t->ncols;
	if (cols->n)
		want_rows(t, cols);
	t->summary_row = t->cells.n / t->ncols;
	for (size_t i = 0; i < ARRAY_SIZE(summary); i++)
		summary_row(t, &summary[i], cols, now);
}
