/*
 * parse.h: values as spreadsheets and address books write them, read into
 * rapport's: days, stages, salaries, and text made one line or a note.
 * Pure functions, no I/O; each parser returns 0, or -1 with nothing set.
 */
#ifndef RAPPORT_PARSE_H
#define RAPPORT_PARSE_H

#include <stdint.h>

#include "core/date.h"
#include "core/enums.h"

/* A day: 2024-03-05, 2024/03/05, 05 Mar 2024, 5 March 2024, 05-Mar-2024,
 * Mar 5, 2024, March 5 2024 (a time after an ISO date is ignored). Numeric
 * dates like 05/03/2024 are refused: they read two ways. */
int parse_date(const char *s, char out[DATE_BUFSZ]);
/* A status word or phrase as a stage: a stage's own name, or the nearest
 * one for common words (phone screen: conversation; ghosted: applied...). */
int parse_stage(const char *s, enum stage *out);
/* An annual salary or a range: 85000, 85k, £85,000, $80,000 - $95,000,
 * 80-95k, 85.5k, "85,000 per year"; a single figure gives low = high.
 * Hourly, daily and monthly rates are refused. */
int parse_salary(const char *s, int64_t *low, int64_t *high);

/* A one-line value, newly allocated: tabs and line breaks become spaces,
 * runs of spaces one, no space at either end; NULL for NULL or when nothing
 * is left. */
char *parse_one_line(const char *s);
/* A multi-line value, newly allocated: line ends as LF, no blank lines at
 * either end; NULL when nothing is left. */
char *parse_note(const char *s);

#endif
