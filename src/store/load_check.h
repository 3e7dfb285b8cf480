/* load_check.h: the checks a row of a backup passes before it is loaded. */
#ifndef RAPPORT_LOAD_CHECK_H
#define RAPPORT_LOAD_CHECK_H

#include "store/store.h"

/* Check a row of table (values in the order of cols, which ends with
 * NULL) with the checks its record passes when written any other way;
 * the message names the field. */
int store_check_loaded_row(const char *table, const char *const *cols,
			   const struct cell_value *values, struct error *err);

#endif
