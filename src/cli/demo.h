/* demo.h: the made-up search that 'rapport demo' plays into its database. */
#ifndef RAPPORT_CLI_DEMO_H
#define RAPPORT_CLI_DEMO_H

#include "util/error.h"

/* Play the sample search into the (new, marked) database at db_path,
 * through rapport's own commands, the clock moved day by day to end
 * today. RAPPORT_NOW is as it was afterwards. */
int demo_search_play(const char *db_path, struct error *err);

#endif
