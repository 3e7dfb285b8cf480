/* fit.c: the fit of opportunities, read from the store (see fit.h). */
#include "method/fit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/salary_want.h"
#include "util/xalloc.h"

int fit_standings_load(struct store *s, const struct opp *o, want_standing_vec *out,
		       struct error *err)
{
	if (store_want_standings(s, o->id, out, err))
		return err->code;
	salary_wants_judge(out, o);
	return 0;
}

struct fit fit_of_standings(const want_standing_vec *v)
{
	struct fit f = FIT_INIT;

	for (size_t i = 0; i < v->n; i++)
		fit_add(&f, v->items[i].want.weight, v->items[i].want.must, v->items[i].status);
	return f;
}

/* What the status callback gathers: the statuses of one opportunity at a time. */
struct gather {
	struct fit_table *t;
	int64_t opp_id;
	signed char *status; /* per want, in t->wants order */
};

static void gather_flush(struct gather *g)
{
	struct opp_fit *of;

	if (!g->opp_id)
		return;
	of = VEC_PUSH(&g->t->opps);
	of->opp_id = g->opp_id;
	of->status = g->status;
	g->status = NULL;
}

static int by_want_id(const void *a, const void *b)
{
	const struct want *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static void gather_status(void *ctx, int64_t opp_id, int64_t want_id, enum want_status st)
{
	struct gather *g = ctx;
	struct want key = { .id = want_id }, *w;

	if (opp_id != g->opp_id) {
		gather_flush(g);
		g->opp_id = opp_id;
		g->status = xmalloc(g->t->wants.n + 1);
		memset(g->status, -1, g->t->wants.n + 1);
	}
	w = bsearch(&key, g->t->wants.items, g->t->wants.n, sizeof(key), by_want_id);
	if (w)
		g->status[w - g->t->wants.items] = (signed char)st;
}

int fit_table_load(struct store *s, struct fit_table *t, struct error *err)
{
	struct gather g = { .t = t };
	int rc;

	if (store_want_list(s, &t->wants, err))
		return err->code;
	if (t->wants.n)
		qsort(t->wants.items, t->wants.n, sizeof(t->wants.items[0]), by_want_id);
	t->floors = xcalloc(t->wants.n + 1, sizeof(*t->floors));
	for (size_t i = 0; i < t->wants.n; i++)
		if (!salary_want_floor(t->wants.items[i].text, t->wants.items[i].category,
				       &t->floors[i]))
			t->floors[i] = -1;
	rc = store_want_statuses(s, gather_status, &g, err);
	if (!rc)
		gather_flush(&g);
	free(g.status);
	return rc;
}

/* t->opps is in opp_id order: the statuses come ordered by opportunity. */
static int by_opp_id(const void *a, const void *b)
{
	const struct opp_fit *x = a, *y = b;
	return (x->opp_id > y->opp_id) - (x->opp_id < y->opp_id);
}

static const signed char *statuses_of(const struct fit_table *t, int64_t opp_id)
{
	struct opp_fit key = { .opp_id = opp_id }, *found;

	found = t->opps.n ? bsearch(&key, t->opps.items, t->opps.n, sizeof(key), by_opp_id) : NULL;
	return found ? found->status : NULL;
}

/* The status of the i-th want: its evidence's, else judged from the figures. */
static enum want_status status_at(const struct fit_table *t, const signed char *st, size_t i,
				  const struct opp *o)
{
	char why[96];

	if (st && st[i] >= 0)
		return (enum want_status)st[i];
	if (t->floors[i] < 0)
		return WANT_UNKNOWN;
	return salary_want_judge(t->floors[i], o, why, sizeof(why));
}

struct fit fit_table_get(const struct fit_table *t, const struct opp *o)
{
	const signed char *st = statuses_of(t, o->id);
	struct fit f = FIT_INIT;

	for (size_t i = 0; i < t->wants.n; i++)
		fit_add(&f, t->wants.items[i].weight, t->wants.items[i].must,
			status_at(t, st, i, o));
	return f;
}

enum want_status fit_table_status(const struct fit_table *t, const struct opp *o,
				  int64_t want_id)
{
	struct want key = { .id = want_id }, *w;

	w = t->wants.n ? bsearch(&key, t->wants.items, t->wants.n, sizeof(key), by_want_id)
		       : NULL;
	if (!w)
		return WANT_UNKNOWN;
	return status_at(t, statuses_of(t, o->id), (size_t)(w - t->wants.items), o);
}

void fit_table_release(struct fit_table *t)
{
	want_vec_release(&t->wants);
	for (size_t i = 0; i < t->opps.n; i++)
		free(t->opps.items[i].status);
	free(t->opps.items);
	free(t->floors);
	memset(t, 0, sizeof(*t));
}
