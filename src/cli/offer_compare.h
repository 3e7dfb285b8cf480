/* offer_compare.h: 'offer compare', the decision matrix, and the figures 'offer show' shares with it. */
#ifndef RAPPORT_OFFER_COMPARE_H
#define RAPPORT_OFFER_COMPARE_H

#include "cli/cli.h"
#include "method/compare.h" /* the matrix, and offer_compensation and the like */
#include "method/levels.h"
#include "core/offer.h"

/* Lay the offers of refs (every offer when n is 0) side by side: text, JSON or Markdown. */
int offer_compare_run(struct cli *cli, const char *const *refs, size_t n, bool markdown);

/* The mismatch as JSON, or null when there is none. */
json_t *offer_mismatch_json(const struct level_mismatch *m);

#endif
