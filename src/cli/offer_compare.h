/* offer_compare.h: 'offer compare', the decision matrix, and the figures 'offer show' shares with it. */
#ifndef RAPPORT_OFFER_COMPARE_H
#define RAPPORT_OFFER_COMPARE_H

#include "cli/cli.h"
#include "method/levels.h"
#include "store/offer.h"

/* Lay the offers of refs (every offer when n is 0) side by side: text, JSON or Markdown. */
int offer_compare_run(struct cli *cli, const char *const *refs, size_t n, bool markdown);

/* Base + bonus (a missing bonus counts 0); -1 when the base is unknown. */
int64_t offer_compensation(const struct offer_terms *t);
/* Whole days from now's day to deadline (YYYY-MM-DD); negative when it has passed. */
long offer_days_left(const struct datetime *now, const char *deadline);
/* "+5000 (+5%)" against target; nothing when either is unknown. */
void offer_vs_target_text(int64_t comp, int64_t target, struct strbuf *sb);
/* The mismatch as JSON, or null when there is none. */
json_t *offer_mismatch_json(const struct level_mismatch *m);

#endif
