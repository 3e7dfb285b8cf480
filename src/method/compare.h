/*
 * compare.h: the decision matrix of offers against your wants, for
 * 'rapport offer compare' and the web UI's Offers page.
 *
 * One column per offer, one row per want (heaviest first), each cell the
 * want's status on that opportunity; then the weighted fit (method/fit.h),
 * pay against your target, the other terms, days to each deadline and the
 * must-haves found unmet. The matrix is built once as a table of strings;
 * each front end prints it its own way (aligned text, Markdown, HTML).
 */
#ifndef RAPPORT_COMPARE_H
#define RAPPORT_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "method/fit.h"
#include "method/levels.h"
#include "core/offer.h"
#include "core/wants.h"
#include "util/strbuf.h"

/* One offer and what the matrix needs to know about its opportunity. */
struct offer_column {
	struct opp opp;
	struct offer offer;
	want_standing_vec wants; /* every want, heaviest first, as it stands there */
	struct fit fit;
	struct level_mismatch mismatch;
};

typedef VEC(struct offer_column) offer_column_vec;

/* The columns of the opportunities refs (in the order given, each once), or
 * of every offer (soonest deadline first) when n is 0. An unknown reference
 * is the resolver's error; an opportunity without an offer is ERR_NOT_FOUND. */
int offer_columns_load(struct store *s, const char *const *refs, size_t n,
		       offer_column_vec *out, struct error *err);
void offer_columns_release(offer_column_vec *v);
/* The status of want_id in a column (unknown when the want is not there). */
enum want_status offer_column_status(const struct offer_column *c, int64_t want_id);

/* The matrix as strings, row by row: a header row (want, weight, each
 * opportunity's slug), the role and stage rows, one row per want from
 * want_row on (row want_row + i is the columns' want i), then the summary
 * rows from summary_row on. A NULL cell means unknown ("-"). */
struct compare_table {
	size_t ncols; /* 2 + the number of offers */
	size_t want_row, summary_row;
	VEC(char *) cells;
};

void compare_table_build(struct compare_table *t, const struct datetime *now,
			 const offer_column_vec *cols);
void compare_table_release(struct compare_table *t);
/* The cell at row r, column c. */
const char *compare_table_cell(const struct compare_table *t, size_t r, size_t c);
size_t compare_table_rows(const struct compare_table *t);

/* Base + bonus (a missing bonus counts 0); -1 when the base is unknown. */
int64_t offer_compensation(const struct offer_terms *t);
/* Whole days from now's day to deadline (YYYY-MM-DD); negative when it has passed. */
long offer_days_left(const struct datetime *now, const char *deadline);
/* "+5,000 (+5%)" against target; nothing when either is unknown. */
void offer_vs_target_text(int64_t comp, int64_t target, struct strbuf *sb);

#endif
